//! `build_app` starts on port 0, and `/healthz` tells whether answers can be stored now.

use server::{build_app, Config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn status_of(address: std::net::SocketAddr, path: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    response.lines().next().unwrap_or_default().to_owned()
}

/// A Heard in `data_dir`, served on a loopback port of its own.
async fn serve(data_dir: &std::path::Path) -> (server::Server, std::net::SocketAddr) {
    let server = build_app(&Config::in_data_dir(data_dir))
        .await
        .expect("app builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = server.router.clone();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (server, address)
}

#[tokio::test]
async fn healthz_is_ok_while_answers_can_be_stored_and_503_when_not_or_stopping() {
    let data_dir = std::env::temp_dir().join(format!("heard-healthz-{}", std::process::id()));
    let (server, address) = serve(&data_dir).await;

    assert_eq!(status_of(address, "/healthz").await, "HTTP/1.1 200 OK");
    // A load balancer stops sending new requests to a server that is stopping.
    server.stopping.cancel();
    assert_eq!(
        status_of(address, "/healthz").await,
        "HTTP/1.1 503 Service Unavailable"
    );
    let _ = std::fs::remove_dir_all(&data_dir);
}

#[tokio::test]
async fn healthz_is_503_once_the_database_is_gone() {
    let data_dir = std::env::temp_dir().join(format!("heard-healthz-db-{}", std::process::id()));
    let (server, address) = serve(&data_dir).await;
    server.db.pool().close().await;
    assert_eq!(
        status_of(address, "/healthz").await,
        "HTTP/1.1 503 Service Unavailable"
    );
    let _ = std::fs::remove_dir_all(&data_dir);
}
