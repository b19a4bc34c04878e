use app::data::seed::{DEMO_TOTP_SECRET, DEMO_USERS};
use server::{build_app, shutdown, Config};
use std::future::IntoFuture;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let config = Config::from_env()?;
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
