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

/// A session the demo facilitator opened in a hall.
pub async fn open_hall(db: &app::data::Db) -> app::domain::SessionSummary {
    use app::data::{session, staff};
    let facilitator = staff::find_by_email(db, "facilitator@heard.example")
        .await
        .unwrap();
    session::open(
        db,
        session::NewSession::new("activity-short-breaks", "Hall", &facilitator.id),
    )
    .await
    .unwrap()
}

/// A child's turn that has joined with `join_code` and agreed to take part, with the id of the
/// written question (the second).
pub async fn child_at_written_question(db: &app::data::Db, join_code: &str) -> (String, String) {
    use app::data::contribution;
    let participation = contribution::join(db, join_code).await.unwrap();
    contribution::assent(db, &participation, None)
        .await
        .unwrap();
    let prompt = contribution::prompt_page(db, &participation, 2)
        .await
        .unwrap()
        .prompt
        .id;
    (participation, prompt)
}

/// The facilitator's live view of a session on `server`, its `200` already read: a response
/// that never ends by itself.
pub async fn live_view(
    server: std::net::SocketAddr,
    session_id: &str,
    token: &str,
) -> tokio::io::BufReader<TcpStream> {
    use tokio::io::AsyncBufReadExt;
    let mut live = TcpStream::connect(server).await.unwrap();
    live.write_all(
        format!(
            "GET /staff/sessions/{session_id}/live HTTP/1.1\r\nHost: localhost\r\nCookie: heard_staff={token}\r\n\r\n"
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    let mut live = tokio::io::BufReader::new(live);
    let mut status = String::new();
    live.read_line(&mut status).await.unwrap();
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    live
}
