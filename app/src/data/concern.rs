//! Concerns: a child pressed "I'm worried", or an adult raised one. Stored before anything
//! else happens, so the facilitator and the safeguarding lead can act on it.

use super::{format_time, get, new_id, now, DataError, DataResult, Db};
use crate::domain::ConcernNote;

/// A child's "I'm worried" from their turn on the tablet. `request` is the press's id, made
/// with the page: the same press sent again (a tablet resending after the Wi-Fi came back) is
/// stored once. Without a usable id the press gets a new one.
pub async fn raise_by_child(
    db: &Db,
    participation_id: &str,
    request: Option<&str>,
) -> DataResult<()> {
    let id = request
        .and_then(|r| uuid::Uuid::parse_str(r).ok())
        .map_or_else(new_id, |r| r.to_string());
    let row = sqlx::query("SELECT session_id FROM participations WHERE id = $1")
        .bind(participation_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(
            "Please tell the adult who is with you.",
        ))?;
    sqlx::query(
        "INSERT INTO concerns (id, session_id, participation_id, source, raised_at) \
         VALUES ($1, $2, $3, 'child', $4) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(get::<String>(&row, "session_id")?)
    .bind(participation_id)
    .bind(now())
    .execute(db.pool())
    .await?;
    // Which turn it came from stays in the database for the safeguarding lead, not in logs.
    tracing::warn!("a child raised a concern");
    Ok(())
}

/// Concerns raised in a session, newest first.
pub async fn for_session(db: &Db, session_id: &str) -> DataResult<Vec<ConcernNote>> {
    sqlx::query(
        "SELECT c.source, c.raised_at, p.receipt_code FROM concerns c \
         LEFT JOIN participations p ON p.id = c.participation_id \
         WHERE c.session_id = $1 ORDER BY c.raised_at DESC, c.id",
    )
    .bind(session_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| {
        Ok(ConcernNote {
            source: get(row, "source")?,
            raised_at: format_time(get(row, "raised_at")?),
            receipt_code: get(row, "receipt_code")?,
        })
    })
    .collect()
}
