//! Retention: children's contributions are kept for a period after their session closed (set by
//! an admin), then erased. What the child said and any picture or recording go; a marker stays,
//! so the counts of what children said remain true. A turn held by an open safeguarding concern
//! is skipped until the safeguarding lead clears it.

use super::{erasure, get, now, Backend, DataError, DataResult, Db};
use crate::domain::StaffProblem;
use crate::media::MediaStore;
use std::sync::{Arc, Mutex};

/// An average month, in seconds.
const MONTH_SECS: i64 = 2_629_746;
pub const MIN_MONTHS: i64 = 1;
pub const MAX_MONTHS: i64 = 120;

/// Months contributions are kept after their session closed.
pub async fn months(db: &Db) -> DataResult<i64> {
    let row = sqlx::query("SELECT months FROM retention_policy WHERE id = 1")
        .fetch_one(db.pool())
        .await?;
    get(&row, "months")
}

pub async fn set_months(db: &Db, months: i64, staff_id: &str) -> DataResult<()> {
    if !(MIN_MONTHS..=MAX_MONTHS).contains(&months) {
        return Err(DataError::Invalid(StaffProblem::MonthsOutOfRange {
            min: MIN_MONTHS,
            max: MAX_MONTHS,
        }));
    }
    sqlx::query("UPDATE retention_policy SET months = $1, set_by = $2, set_at = $3 WHERE id = 1")
        .bind(months)
        .bind(staff_id)
        .bind(now())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Erases every contribution past the retention period at `at` (Unix seconds), except those
/// held by an open concern; returns how many were erased. Files go after the database commits,
/// so a failure leaves at worst an orphaned file, never a contribution pointing at nothing.
///
/// It runs through the answer writer, so it waits its turn behind answers instead of failing on
/// SQLite's lock, and it writes before it reads, so it never holds a stale snapshot it must upgrade.
///
/// With several servers on one PostgreSQL, one erases at a time: the others find the lock taken
/// and leave the run to it.
pub async fn erase_expired(db: &Db, store: &dyn MediaStore, at: i64) -> DataResult<u64> {
    let cutoff = at - months(db).await? * MONTH_SECS;
    let outcome: Arc<Mutex<(u64, Vec<String>)>> = Arc::default();
    let written = outcome.clone();
    let shared = db.backend() == Backend::Postgres;
    db.write(Box::new(move |conn| {
        Box::pin(async move {
            if shared {
                let row = sqlx::query("SELECT pg_try_advisory_xact_lock($1) AS mine")
                    .bind(RETENTION_LOCK)
                    .fetch_one(&mut *conn)
                    .await?;
                if !sqlx::Row::try_get::<bool, _>(&row, "mine")? {
                    tracing::info!("retention: another server is erasing now");
                    return Ok(());
                }
            }
            let erased = sqlx::query(
                "UPDATE contributions SET erased_at = $2 WHERE id IN (SELECT c.id FROM contributions c \
                 JOIN participations p ON p.id = c.participation_id \
                 JOIN sessions s ON s.id = p.session_id \
                 WHERE c.erased_at IS NULL AND s.closed_at IS NOT NULL AND s.closed_at < $1 \
                 AND NOT EXISTS (SELECT 1 FROM concerns k \
                   WHERE k.participation_id = c.participation_id AND k.cleared_at IS NULL))",
            )
            .bind(cutoff)
            .bind(at)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            let media_ids = erasure::scrub(conn, at).await?;
            *written.lock().expect("not poisoned") = (erased, media_ids);
            Ok(())
        })
    }))
    .await?;
    let (erased, media_ids) = std::mem::take(&mut *outcome.lock().expect("not poisoned"));
    erasure::remove_files(store, &media_ids).await;
    if erased > 0 {
        tracing::info!(
            erased,
            "retention: erased contributions past the retention period"
        );
    }
    Ok(erased)
}

/// The PostgreSQL advisory lock that one retention run holds while it erases.
pub const RETENTION_LOCK: i64 = 0x4845_4152_4400_0001;

/// After a failed run, the next try comes this soon rather than a day later.
const RETRY_AFTER_FAILURE: std::time::Duration = std::time::Duration::from_secs(10 * 60);
const DAY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Erases what is past the retention period now and then once a day, for as long as Heard runs.
pub fn run_daily(db: Db, store: std::sync::Arc<dyn MediaStore>) {
    tokio::spawn(repeat(move || {
        let db = db.clone();
        let store = store.clone();
        async move { erase_expired(&db, store.as_ref(), now()).await }
    }));
}

/// Runs `erase` now and then a day after each success, or 10 minutes after a failure, so a
/// busy moment delays an erasure by minutes, not by a day.
async fn repeat<F, Fut>(mut erase: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = DataResult<u64>>,
{
    loop {
        let wait = match erase().await {
            Ok(_) => DAY,
            Err(error) => {
                tracing::error!(%error, "retention: erasing expired contributions failed; trying again in 10 minutes");
                RETRY_AFTER_FAILURE
            }
        };
        tokio::time::sleep(wait).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tokio::time::{Duration, Instant};

    #[tokio::test(start_paused = true)]
    async fn a_failed_erasure_is_tried_again_in_minutes_and_then_daily() {
        let started = Instant::now();
        let runs: Arc<Mutex<Vec<Duration>>> = Arc::default();
        let seen = runs.clone();
        let task = tokio::spawn(repeat(move || {
            let seen = seen.clone();
            async move {
                let mut runs = seen.lock().unwrap();
                runs.push(started.elapsed());
                if runs.len() == 1 {
                    Err(DataError::Conflict(StaffProblem::SomeoneElseWriting))
                } else {
                    Ok(0)
                }
            }
        }));
        tokio::time::sleep(RETRY_AFTER_FAILURE + DAY * 2 + Duration::from_secs(60)).await;
        task.abort();
        let runs = runs.lock().unwrap().clone();
        assert_eq!(
            runs,
            [
                Duration::ZERO,
                RETRY_AFTER_FAILURE,
                RETRY_AFTER_FAILURE + DAY,
                RETRY_AFTER_FAILURE + DAY * 2
            ]
        );
    }
}
