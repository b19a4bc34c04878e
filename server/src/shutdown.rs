//! Stopping cleanly: systemd and container runtimes send SIGTERM, a person at a terminal Ctrl-C.

use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// How long requests already under way may take to finish once a stop was asked for.
pub const GRACE: Duration = Duration::from_secs(10);

/// Resolves at the first SIGTERM or Ctrl-C, and cancels `stopping` so that live views end.
pub async fn requested(stopping: CancellationToken) {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
    tracing::info!("stopping: finishing the requests under way");
    stopping.cancel();
}
