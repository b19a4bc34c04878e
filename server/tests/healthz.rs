//! `build_app` starts on port 0, and `/healthz` tells whether the database answers.

use leptos::config::LeptosOptions;
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

#[tokio::test]
async fn healthz_is_ok_while_the_database_answers_and_503_when_it_does_not() {
    let data_dir = std::env::temp_dir().join(format!("heard-healthz-{}", std::process::id()));
    let config = Config {
        database_url: Config::sqlite_url_in(&data_dir),
        data_dir: data_dir.clone(),
        seed_demo: false,
        secure_cookies: false,
        trust_proxy: false,
        alerts: None,
        leptos: LeptosOptions::builder().output_name("heard").build(),
    };
    let (router, db) = build_app(&config).await.expect("app builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });

    assert_eq!(status_of(address, "/healthz").await, "HTTP/1.1 200 OK");
    db.pool().close().await;
    assert_eq!(
        status_of(address, "/healthz").await,
        "HTTP/1.1 503 Service Unavailable"
    );
    let _ = std::fs::remove_dir_all(data_dir);
}
