//! The server binary's commands: `serve` (the default), `migrate` for a rolling upgrade, and
//! `admin create` for a deployment's first account.

use clap::{Parser, Subcommand};

/// Heard: children's voices carried into the decisions about their services.
///
/// Settings come from the environment (see README.md, "Configuration").
#[derive(Debug, Parser)]
#[command(name = "server", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs Heard (what happens with no command): migrates the database, then serves.
    Serve,
    /// Runs the database migrations and exits, so an upgrade can migrate once before the new
    /// servers start.
    Migrate,
    /// Staff accounts from the command line.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminAction {
    /// Invites an admin, such as a deployment's first: prints a link that works once and expires
    /// in 7 days; they choose their own password and set up their second factor, as everyone does.
    Create {
        /// Their work email address.
        #[arg(long)]
        email: String,
    },
}
