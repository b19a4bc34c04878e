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

/// A child's turn that has joined with `join_code` and agreed to take part, at the question in
/// `position`: the turn's id, the question's and the id the tablet gives its answer.
pub async fn child_at_question(
    db: &app::data::Db,
    join_code: &str,
    position: i64,
) -> (String, String, String) {
    use app::data::contribution;
    let participation = contribution::join(db, join_code).await.unwrap();
    contribution::assent(db, &participation, None)
        .await
        .unwrap();
    let page = contribution::prompt_page(db, &participation, position)
        .await
        .unwrap();
    (participation, page.prompt.id, page.contribution_id)
}

/// As [`child_at_question`], at the written question (the second).
pub async fn child_at_written_question(db: &app::data::Db, join_code: &str) -> (String, String) {
    let (participation, prompt, _) = child_at_question(db, join_code, 2).await;
    (participation, prompt)
}

/// Runs one of the server binary's other commands against `data_dir`, as an operator would,
/// with none of a deployment's settings but those in `env`.
pub fn run_command(
    data_dir: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("HEARD_DATA_DIR", data_dir)
        .env_remove("HEARD_SEED_DEMO")
        .env_remove("HEARD_SECURE_COOKIES")
        .env_remove("HEARD_MEDIA_URL")
        .env_remove("DATABASE_URL")
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:3123")
        .envs(env.iter().copied())
        .output()
        .expect("the server binary runs")
}

/// All a command printed, for assertions and their messages.
pub fn printed(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

/// The URL of the SQLite database in a data directory.
pub fn sqlite_in(data_dir: &std::path::Path) -> String {
    format!("sqlite://{}?mode=rwc", data_dir.join("heard.db").display())
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

/// A written answer posted as a child's tablet posts it, to a Heard at `base` (its URL).
pub fn post_answer(
    client: &reqwest::Client,
    base: &str,
    (participation, prompt): (&str, &str),
    contribution: &str,
) -> reqwest::RequestBuilder {
    use leptos::server_fn::ServerFn;
    client
        .post(format!("{base}{}", app::api::child::SubmitAnswer::url()))
        .header("sec-fetch-site", "same-origin")
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "participation={participation}&prompt={prompt}&contribution={contribution}&way=text&text=A+quiet+room"
        ))
}
