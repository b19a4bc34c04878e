//! Numbered audit trails: a concern's chronology, a contribution's moderation and a decision's
//! history. Entries are only ever inserted, each with the next number for its subject, so the
//! order is kept even when two people add one at the same moment.

use super::{new_id, now, DataError, DataResult};
use crate::domain::StaffProblem;

#[derive(Clone, Copy, Debug)]
pub(super) enum Trail {
    Concern,
    Moderation,
    Decision,
}

impl Trail {
    /// The table, its subject column, and the columns of the entry's kind and text.
    fn columns(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Trail::Concern => ("concern_events", "concern_id", "kind", "text"),
            Trail::Moderation => ("moderation_events", "contribution_id", "action", "reason"),
            Trail::Decision => ("decision_events", "decision_id", "kind", "text"),
        }
    }
}

/// Adds an entry; `status` is kept only by a decision's history (the status it was recorded with
/// or changed to), the other trails have none.
pub(super) async fn append(
    conn: &mut sqlx::AnyConnection,
    trail: Trail,
    subject_id: &str,
    staff_id: Option<&str>,
    kind: &str,
    text: &str,
    status: Option<&str>,
) -> DataResult<()> {
    let (table, subject, kind_column, text_column) = trail.columns();
    let (status_column, status_value) = match trail {
        Trail::Decision => (", status", ", $7"),
        Trail::Concern | Trail::Moderation => ("", ""),
    };
    let sql = format!(
        "INSERT INTO {table} (id, {subject}, seq, at, staff_id, {kind_column}, {text_column}\
         {status_column}) SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3, $4, $5, $6{status_value} \
         FROM {table} WHERE {subject} = $2"
    );
    // The unique index on (subject, seq) refuses a duplicate number; the second writer tries
    // again with the next one. Each try is its own savepoint (or transaction, when the caller
    // has none), because PostgreSQL aborts a whole transaction at a failed statement.
    for attempt in 0..ATTEMPTS {
        let mut trying = sqlx::Connection::begin(&mut *conn).await?;
        let mut query = sqlx::query(&sql)
            .bind(new_id())
            .bind(subject_id)
            .bind(now())
            .bind(staff_id)
            .bind(kind)
            .bind(text);
        if matches!(trail, Trail::Decision) {
            query = query.bind(status);
        }
        let added = query.execute(&mut *trying).await;
        match added {
            Ok(_) => {
                trying.commit().await?;
                return Ok(());
            }
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                trying.rollback().await?;
                // Writers that collided retry at different moments rather than collide again.
                let pause = 1 + (attempt as u64) * 3 + u64::from(rand::random::<u8>() % 5);
                tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(DataError::Conflict(StaffProblem::SomeoneElseWriting))
}

/// Tries before a writer gives up: enough for a whole team adding to one record at once.
const ATTEMPTS: usize = 12;
