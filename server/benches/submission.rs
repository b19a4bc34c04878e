//! How many answers a real Heard server acknowledges per second when many tablets post at once,
//! against the raw insert rate of the same database in the same run.
//!
//!     cargo bench -p server --bench submission            # SQLite in a temporary directory
//!     HEARD_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test cargo bench -p server --bench submission
//!
//! Each virtual tablet keeps one HTTP/1.1 connection open and posts text answers to the
//! `submit_answer` server function, as an enhanced page does, waiting for each reply.

mod common;

use app::data::{new_id, Db};
use common::{millis, percentile, tablet, turns};
use server::{build_app, Config};
use std::time::Instant;

/// (tablets, answers each): about the same total work at each level.
const LEVELS: [(usize, usize); 3] = [(50, 60), (200, 20), (1000, 5)];

#[tokio::main]
async fn main() {
    let data_dir = std::env::temp_dir().join(format!("heard-bench-{}", std::process::id()));
    let mut config = Config::in_data_dir(&data_dir);
    if let Ok(url) = std::env::var("HEARD_BENCH_DATABASE_URL") {
        config.database_url = url;
    }
    config.seed_demo = true;
    let server::Server { router, db, .. } = build_app(&config).await.expect("app builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let backend = if config.database_url.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite (WAL, synchronous=FULL)"
    };
    println!("Heard submission benchmark on {backend}, server at {address}");
    println!("tablets | answers | acknowledged/s | p50 ms | p99 ms | raw inserts/s | ratio");

    for (tablets, each) in LEVELS {
        let turns = turns(&db, tablets).await;
        let started = Instant::now();
        let posts = turns.into_iter().map(|(participation, prompt)| {
            tokio::spawn(tablet(address, participation, prompt, each))
        });
        let mut latencies = Vec::with_capacity(tablets * each);
        for post in futures_util::future::join_all(posts).await {
            latencies.extend(post.expect("tablet task"));
        }
        let elapsed = started.elapsed();
        latencies.sort();
        let rate = latencies.len() as f64 / elapsed.as_secs_f64();
        let raw = raw_insert_rate(&db, tablets, each).await;
        println!(
            "{tablets:>7} | {:>7} | {rate:>14.0} | {:>6.1} | {:>6.1} | {raw:>13.0} | {:.2}",
            latencies.len(),
            millis(percentile(&latencies, 50)),
            millis(percentile(&latencies, 99)),
            rate / raw,
        );
    }
    let _ = std::fs::remove_dir_all(data_dir);
}

/// The same number of rows written straight to the contributions table by as many tasks, on the
/// same pool: the ceiling the server is measured against.
async fn raw_insert_rate(db: &Db, tasks: usize, each: usize) -> f64 {
    let turns = turns(db, tasks).await;
    let started = Instant::now();
    let writers = turns.into_iter().map(|(participation, prompt)| {
        let db = db.clone();
        tokio::spawn(async move {
            for _ in 0..each {
                sqlx::query(
                    "INSERT INTO contributions (id, participation_id, prompt_id, mode, text_value, \
                     communicated, created_at) VALUES ($1, $2, $3, 'text', $4, 'own_words', $5)",
                )
                .bind(new_id())
                .bind(&participation)
                .bind(&prompt)
                .bind("A quiet room to rest")
                .bind(0_i64)
                .execute(db.pool())
                .await
                .unwrap();
            }
        })
    });
    futures_util::future::join_all(writers).await;
    (tasks * each) as f64 / started.elapsed().as_secs_f64()
}
