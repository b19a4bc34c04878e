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
    /// Copies everything Heard keeps to a new directory: with SQLite an online, consistent copy
    /// of the database (children may go on answering) and the media; with PostgreSQL the media,
    /// and the pg_dump command to run for the database.
    Backup {
        /// A directory that does not exist yet.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Puts a backup back, with Heard stopped: the SQLite database and the media.
    Restore {
        /// A directory made by `backup`.
        #[arg(long)]
        from: std::path::PathBuf,
    },
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
