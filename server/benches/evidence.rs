//! How long the evidence dashboard and report take on generated data of 10k, 100k and 1M
//! contributions (the targets: under 0.5 s at 100k, under 3 s at 1M).
//!
//!     cargo bench -p server --bench evidence                       # SQLite, 10k and 100k
//!     HEARD_BENCH_SIZES=10000,100000,1000000 cargo bench -p server --bench evidence
//!     HEARD_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test cargo bench -p server --bench evidence
//!
//! Each size starts from an empty database (PostgreSQL: a fresh schema). The data: five answers
//! per child, a thousand per session; 30% of contributions in presented hearing packs, 10%
//! linked to decisions that were fed back, and replies from some of those children.

use app::api::evidence::filter_from;
use app::data::{decision, evidence, loops, new_id, now, seed, staff, Db};
use app::domain::{EvidenceFields, EvidenceFilter};
use std::time::{Duration, Instant};

const PER_SESSION: usize = 1000;
const BATCH: usize = 500;

#[tokio::main]
async fn main() {
    let sizes: Vec<usize> = std::env::var("HEARD_BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let postgres = std::env::var("HEARD_BENCH_DATABASE_URL").ok();
    println!(
        "Heard evidence benchmark on {}",
        if postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite (WAL)"
        }
    );
    println!("contributions | generate s | dashboard ms (median of 3) | report ms (median of 3)");
    for size in sizes {
        let db = fresh_db(postgres.as_deref()).await;
        let started = Instant::now();
        generate(&db, size).await;
        let generated = started.elapsed();
        let all = EvidenceFilter::default();
        let priority = filter_from(&EvidenceFields {
            priority: "priority-8".into(),
            ..EvidenceFields::default()
        })
        .unwrap();
        let dashboard = median_of_3(|| async {
            let figures = evidence::dashboard(&db, &all).await.unwrap();
            assert_eq!(figures.funnel.said as usize, size);
        })
        .await;
        let report = median_of_3(|| async { report(&db, &priority).await }).await;
        println!(
            "{size} | {:.1} | {} | {}",
            generated.as_secs_f64(),
            dashboard.as_millis(),
            report.as_millis()
        );
    }
}

/// What the report page loads besides drawing.
async fn report(db: &Db, filter: &EvidenceFilter) {
    evidence::dashboard(db, filter).await.unwrap();
    evidence::quotes(db, filter, 20).await.unwrap();
    evidence::pictures(db, filter, false, 12).await.unwrap();
    let ids = evidence::decision_ids(db, filter).await.unwrap();
    decision::outcomes(db, &ids).await.unwrap();
}

async fn median_of_3<F, Fut>(run: F) -> Duration
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        run().await;
        times.push(started.elapsed());
    }
    times.sort();
    times[1]
}

async fn fresh_db(postgres: Option<&str>) -> Db {
    let db = match postgres {
        Some(url) => {
            use sqlx::Connection;
            sqlx::any::install_default_drivers();
            let schema = format!("heard_bench_{}", uuid::Uuid::new_v4().simple());
            let mut admin = sqlx::AnyConnection::connect(url).await.unwrap();
            sqlx::query(&format!("CREATE SCHEMA {schema}"))
                .execute(&mut admin)
                .await
                .unwrap();
            let separator = if url.contains('?') { '&' } else { '?' };
            Db::open(&format!(
                "{url}{separator}options=-c%20search_path%3D{schema}"
            ))
            .await
            .unwrap()
        }
        None => {
            let path = std::env::temp_dir().join(format!("heard-evidence-{}.db", new_id()));
            Db::open(&format!("sqlite://{}?mode=rwc", path.display()))
                .await
                .unwrap()
        }
    };
    seed::demo(&db).await.unwrap();
    db
}

/// Inserts `rows` (SQL tuples) under `head` ("INSERT INTO t (columns)"), many per statement.
async fn insert_rows(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    head: &str,
    rows: impl Iterator<Item = String>,
) {
    let rows: Vec<String> = rows.collect();
    for chunk in rows.chunks(BATCH) {
        sqlx::query(&format!("{head} VALUES {}", chunk.join(",")))
            .execute(&mut **tx)
            .await
            .unwrap();
    }
}

/// Inserts `size` contributions and their trail with multi-row statements in one transaction.
async fn generate(db: &Db, size: usize) {
    let facilitator = staff::find_by_email(db, "facilitator@heard.example")
        .await
        .unwrap()
        .id;
    let commissioner = staff::find_by_email(db, "commissioner@heard.example")
        .await
        .unwrap()
        .id;
    let start = now() - 365 * 86_400;
    let mut tx = db.pool().begin().await.unwrap();
    let sessions = size.div_ceil(PER_SESSION);
    for s in 0..sessions {
        sqlx::query(
            "INSERT INTO sessions (id, activity_id, place, facilitator_id, join_code, opened_at, \
             closed_at, held_on) VALUES ($1, 'activity-short-breaks', 'Hall', $2, $3, $4, $4, $4)",
        )
        .bind(format!("s{s}"))
        .bind(&facilitator)
        .bind(format!("B{s:07}"))
        .bind(start + s as i64 * 3_600)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    // Participations: one per five contributions.
    let turns = size.div_ceil(5);
    insert_rows(
        &mut tx,
        "INSERT INTO participations (id, session_id, receipt_code, started_at, assented_at)",
        (0..turns).map(|t| {
            format!(
                "('p{t}', 's{}', 'R{t:09}', {}, {})",
                t * 5 / PER_SESSION,
                start,
                start
            )
        }),
    )
    .await;
    insert_rows(
        &mut tx,
        "INSERT INTO contributions (id, participation_id, prompt_id, mode, scale_value, \
             text_value, communicated, created_at)",
        (0..size).map(|i| {
                let position = i % 5 + 1;
                let (mode, scale, text) = match position {
                    1 | 3 => ("emoji_scale", "4", "NULL".to_owned()),
                    4 => ("choice", "NULL", "'Swimming'".to_owned()),
                    _ => ("text", "NULL", format!("'Idea {i}'")),
                };
                format!(
                    "('c{i}', 'p{}', 'activity-short-breaks-prompt-{position}', '{mode}', {scale}, {text}, \
                     'own_words', {})",
                    i / 5,
                    start + (i as i64 * 20)
                )
            }),
    )
    .await;
    // Hearings: one per session, holding 30% of its contributions.
    for s in 0..sessions {
        sqlx::query(
            "INSERT INTO hearings (id, forum_id, title, held_on, created_by, created_at, presented_at) \
             VALUES ($1, 'forum-send-tc', 'Pack', $2, $3, $2, $2)",
        )
        .bind(format!("h{s}"))
        .bind(start + 200 * 86_400)
        .bind(&facilitator)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    insert_rows(
        &mut tx,
        "INSERT INTO hearing_items (hearing_id, contribution_id, added_at)",
        (0..size)
            .filter(|i| i % 10 < 3)
            .map(|i| format!("('h{}', 'c{i}', {start})", i / PER_SESSION)),
    )
    .await;
    // Decisions: one per session, linked to 10% of its contributions, all fed back.
    for s in 0..sessions {
        sqlx::query(
            "INSERT INTO decisions (id, priority_id, forum_id, title, decided, status, decided_on, \
             created_by, created_at) VALUES ($1, 'priority-8', 'forum-send-tc', 'Decision', 'Done', \
             'agreed', $2, $3, $2)",
        )
        .bind(format!("d{s}"))
        .bind(start + 220 * 86_400)
        .bind(&commissioner)
        .execute(&mut *tx)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO feedback (decision_id, plain_text, easy_read, published_by, published_at) \
             VALUES ($1, 'We did it', 'Done', $2, $3)",
        )
        .bind(format!("d{s}"))
        .bind(&commissioner)
        .bind(start + 240 * 86_400)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    insert_rows(
        &mut tx,
        "INSERT INTO decision_links (decision_id, contribution_id, rationale, linked_by, linked_at)",
        (0..size).filter(|i| i % 10 == 0).map(|i| {
                format!(
                    "('d{}', 'c{i}', 'Because', '{commissioner}', {start})",
                    i / PER_SESSION
                )
            }),
    )
    .await;
    insert_rows(
        &mut tx,
        "INSERT INTO feedback_replies (participation_id, decision_id, value, replied_at)",
        (0..turns).filter(|t| t % 20 == 0).map(|t| {
            format!(
                "('p{t}', 'd{}', {}, {start})",
                t * 5 / PER_SESSION,
                t % 5 + 1
            )
        }),
    )
    .await;
    tx.commit().await.unwrap();
    // The rows went in around the data layer, so their loop times are worked out here.
    loops::refresh_all(db).await.unwrap();
    // Fresh statistics, as a database in use would have.
    sqlx::query("ANALYZE").execute(db.pool()).await.unwrap();
}
