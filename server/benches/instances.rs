//! Acknowledged answers per second from one server and from three, on one PostgreSQL, in the
//! same run: what a council gains by adding app servers.
//!
//!     HEARD_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test cargo bench -p server --bench instances
//!
//! Each server is the real binary in a process of its own on a loopback port. 200 virtual
//! tablets (see `common::tablet`) post 20 written answers each; with three servers the tablets
//! are shared between them in rotation, as a balancer would.

mod common;

use app::data::Db;
use common::{millis, percentile, tablet, turns};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TABLETS: usize = 200;
const EACH: usize = 20;

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::main]
async fn main() {
    let url = std::env::var("HEARD_BENCH_DATABASE_URL").expect(
        "set HEARD_BENCH_DATABASE_URL to a postgres:// URL: several servers need PostgreSQL",
    );
    let database_url = own_schema(&url).await;
    let data_dir = std::env::temp_dir().join(format!("heard-bench-{}", std::process::id()));
    let addresses: Vec<_> = (0..3).map(|_| free_address()).collect();
    let mut servers = Vec::new();
    servers.push(start(addresses[0], &database_url, &data_dir.join("1")).await);
    let db = Db::open(&database_url).await.unwrap();

    println!("Heard on PostgreSQL, {TABLETS} tablets, {EACH} answers each");
    println!("servers | answers | acknowledged/s | p50 ms | p99 ms");
    let one = measure(&db, &addresses[..1]).await;
    servers.push(start(addresses[1], &database_url, &data_dir.join("2")).await);
    servers.push(start(addresses[2], &database_url, &data_dir.join("3")).await);
    let three = measure(&db, &addresses).await;
    println!("three servers / one: {:.2}", three / one);
    drop(servers);
    let _ = std::fs::remove_dir_all(data_dir);
}

/// One round of all the tablets; prints the row and returns the rate.
async fn measure(db: &Db, servers: &[std::net::SocketAddr]) -> f64 {
    let turns = turns(db, TABLETS).await;
    let started = Instant::now();
    let posts = turns
        .into_iter()
        .enumerate()
        .map(|(n, (participation, prompt))| {
            tokio::spawn(tablet(
                servers[n % servers.len()],
                participation,
                prompt,
                EACH,
            ))
        });
    let mut latencies: Vec<Duration> = Vec::with_capacity(TABLETS * EACH);
    for post in futures_util::future::join_all(posts).await {
        latencies.extend(post.expect("tablet task"));
    }
    let rate = latencies.len() as f64 / started.elapsed().as_secs_f64();
    latencies.sort();
    println!(
        "{:>7} | {:>7} | {rate:>14.0} | {:>6.1} | {:>6.1}",
        servers.len(),
        latencies.len(),
        millis(percentile(&latencies, 50)),
        millis(percentile(&latencies, 99)),
    );
    rate
}

/// A schema of its own in the benchmark database.
async fn own_schema(url: &str) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let schema = format!("heard_test_bench_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::AnyConnection::connect(url).await.unwrap();
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-c%20search_path%3D{schema}")
}

fn free_address() -> std::net::SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

/// The server binary with the demo data, returned once it is healthy.
async fn start(
    address: std::net::SocketAddr,
    database_url: &str,
    data_dir: &std::path::Path,
) -> Running {
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", database_url)
        .env("HEARD_DATA_DIR", data_dir)
        .env("HEARD_SEED_DEMO", "1")
        .env("LEPTOS_SITE_ADDR", address.to_string())
        .env("LEPTOS_OUTPUT_NAME", "heard")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("the server binary starts");
    let running = Running(child);
    let started = Instant::now();
    while tokio::net::TcpStream::connect(address).await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "never listened"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    running
}
