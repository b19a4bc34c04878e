use app::data::seed::{DEMO_TOTP_SECRET, DEMO_USERS};
use app::data::{staff, Db};
use clap::Parser;
use server::cli::{AdminAction, Cli, Command};
use server::{build_app, shutdown, Config};
use std::future::IntoFuture;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // Said in words an operator can act on, not as a debug dump.
        Err(error) => {
            eprintln!("Heard stopped: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            let db = Db::open(&config.database_url).await?;
            db.close().await;
            println!(
                "The database at {} is migrated.",
                config.database_for_logs()
            );
            Ok(())
        }
        Command::Backup { to } => server::backup::backup(&config, &to).await,
        Command::Restore { from } => server::backup::restore(&config, &from).await,
        Command::Admin {
            action: AdminAction::Create { email },
        } => {
            let db = Db::open(&config.database_url).await?;
            let token = staff::invite_first_admin(&db, &email).await?;
            db.close().await;
            let origin = config
                .public_origin()
                .unwrap_or_else(|| format!("http://{}", config.leptos.site_addr));
            println!("Send this link to {email}; it works once, within 7 days:");
            println!("{origin}/staff/invite/{token}");
            Ok(())
        }
    }
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    tracing::info!(database = %config.database_for_logs(), "starting Heard");
    let server = build_app(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.leptos.site_addr).await?;
    let address = listener.local_addr()?;
    println!("Heard is running at http://{address}");
    if config.seed_demo {
        println!("Demo staff sign-ins (demo data only):");
        for (email, role, password) in DEMO_USERS {
            println!("  {:<19} {email} / {password}", role.label());
        }
        println!(
            "  Second factor: add the secret {DEMO_TOTP_SECRET} to an authenticator app \
             (or run `oathtool --totp -b {DEMO_TOTP_SECRET}`) and type the code it shows."
        );
    }
    // The peer address throttles sign-in failures per address.
    let service = server
        .router
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    let stopping = server.stopping.clone();
    let serving = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown::requested(stopping.clone()))
        .into_future();
    tokio::select! {
        served = serving => served?,
        _ = async { stopping.cancelled().await; tokio::time::sleep(shutdown::GRACE).await } => {
            tracing::warn!("requests still open after the grace period; stopping anyway");
        }
    }
    // Every request has had its answer; what the writer still holds goes to disk first.
    server.db.close().await;
    tracing::info!("stopped");
    Ok(())
}
