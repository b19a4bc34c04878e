//! What the benchmarks share: peak memory, and virtual tablets answering over HTTP.
#![allow(dead_code)] // each benchmark is its own crate and uses part of this

use app::api::child::SubmitAnswer;
use app::data::{contribution, new_id, session, staff, Db};
use leptos::server_fn::ServerFn;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// The process's peak resident memory (VmHWM) in KiB, from Linux's /proc.
pub fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Turns that have joined and agreed, each with the id of the text question.
pub async fn turns(db: &Db, count: usize) -> Vec<(String, String)> {
    let facilitator = staff::find_by_email(db, "facilitator@heard.example")
        .await
        .unwrap();
    let opened = session::open(
        db,
        session::NewSession::new("activity-short-breaks", "Benchmark hall", &facilitator.id),
    )
    .await
    .unwrap();
    let mut turns = Vec::with_capacity(count);
    for _ in 0..count {
        let participation = contribution::join(db, &opened.join_code).await.unwrap();
        contribution::assent(db, &participation, None)
            .await
            .unwrap();
        let page = contribution::prompt_page(db, &participation, 2)
            .await
            .unwrap();
        turns.push((participation, page.prompt.id));
    }
    turns
}

/// One tablet: `each` answers, one after another, on one connection. Returns each latency.
pub async fn tablet(
    address: std::net::SocketAddr,
    participation: String,
    prompt: String,
    each: usize,
) -> Vec<Duration> {
    let stream = TcpStream::connect(address).await.expect("connect");
    stream.set_nodelay(true).unwrap();
    let mut connection = BufReader::new(stream);
    let mut latencies = Vec::with_capacity(each);
    for _ in 0..each {
        let body = format!(
            "participation={participation}&prompt={prompt}&contribution={}&way=text&text=A+quiet+room+to+rest",
            new_id()
        );
        let request = format!(
            "POST {} HTTP/1.1\r\nHost: bench\r\nSec-Fetch-Site: same-origin\r\nAccept: application/json\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            SubmitAnswer::url(),
            body.len()
        );
        let sent = Instant::now();
        connection
            .get_mut()
            .write_all(request.as_bytes())
            .await
            .unwrap();
        let status = read_response(&mut connection).await;
        assert!(status.contains(" 200 "), "not acknowledged: {status}");
        latencies.push(sent.elapsed());
    }
    latencies
}

/// Reads one response; returns its status line.
async fn read_response(connection: &mut BufReader<TcpStream>) -> String {
    let mut status = String::new();
    connection.read_line(&mut status).await.unwrap();
    let mut length = 0;
    loop {
        let mut line = String::new();
        connection.read_line(&mut line).await.unwrap();
        if line == "\r\n" {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    connection.read_exact(&mut body).await.unwrap();
    status
}

pub fn percentile(sorted: &[Duration], percent: usize) -> Duration {
    sorted[(sorted.len() * percent / 100).min(sorted.len() - 1)]
}

pub fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
