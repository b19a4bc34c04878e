//! The server binary as a deployment runs it: a process of its own on a free port.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct Running {
    pub child: Child,
    pub data_dir: std::path::PathBuf,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

pub fn free_address() -> std::net::SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

/// Starts the server with the demo data in a data directory of its own; returns once it is
/// healthy.
pub async fn start(address: std::net::SocketAddr) -> Running {
    start_with(address, &[]).await
}

/// As [`start`], with more settings (a shared database, say).
pub async fn start_with(address: std::net::SocketAddr, env: &[(&str, &str)]) -> Running {
    let data_dir = std::env::temp_dir().join(format!("heard-process-{}", uuid::Uuid::new_v4()));
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("HEARD_DATA_DIR", &data_dir)
        .env("HEARD_SEED_DEMO", "1")
        .env("LEPTOS_SITE_ADDR", address.to_string())
        .env("LEPTOS_OUTPUT_NAME", "heard")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .spawn()
        .expect("the server binary starts");
    let running = Running { child, data_dir };
    let started = Instant::now();
    while !healthy(address).await {
        assert!(started.elapsed() < Duration::from_secs(60), "never healthy");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    running
}

async fn healthy(address: std::net::SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect(address).await else {
        return false;
    };
    let request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    if stream.write_all(request.as_bytes()).await.is_err() {
        return false;
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response).await;
    response.starts_with("HTTP/1.1 200")
}
