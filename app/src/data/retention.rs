//! Retention: children's contributions are kept for a period after their session closed (set by
//! an admin), then erased. What the child said and any picture or recording go; a marker stays,
//! so the counts of what children said remain true. A turn held by an open safeguarding concern
//! is skipped until the safeguarding lead clears it.

use super::{get, media, now, DataError, DataResult, Db};
use crate::media::MediaStore;

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
        return Err(DataError::Invalid(format!(
            "Please choose between {MIN_MONTHS} and {MAX_MONTHS} months."
        )));
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
pub async fn erase_expired(db: &Db, store: &dyn MediaStore, at: i64) -> DataResult<u64> {
    let cutoff = at - months(db).await? * MONTH_SECS;
    let mut tx = db.pool().begin().await?;
    let expired = "SELECT c.id FROM contributions c \
         JOIN participations p ON p.id = c.participation_id \
         JOIN sessions s ON s.id = p.session_id \
         WHERE c.erased_at IS NULL AND s.closed_at IS NOT NULL AND s.closed_at < $1 \
         AND NOT EXISTS (SELECT 1 FROM concerns k \
           WHERE k.participation_id = c.participation_id AND k.cleared_at IS NULL)";
    let media_ids: Vec<String> = sqlx::query(&format!(
        "SELECT media_id FROM contributions WHERE media_id IS NOT NULL AND id IN ({expired})"
    ))
    .bind(cutoff)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|row| get(row, "media_id"))
    .collect::<DataResult<_>>()?;
    let erased = sqlx::query(&format!(
        "UPDATE contributions SET scale_value = NULL, text_value = NULL, choice_values = NULL, \
         media_id = NULL, description = NULL, erased_at = $2 WHERE id IN ({expired})"
    ))
    .bind(cutoff)
    .bind(at)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    for id in &media_ids {
        sqlx::query("DELETE FROM media WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    for id in &media_ids {
        let (full, thumbnail) = media::keys(id);
        for key in [full, thumbnail] {
            if let Err(error) = store.delete(&key).await {
                tracing::warn!(%error, "retention: a media file could not be deleted");
            }
        }
    }
    if erased > 0 {
        tracing::info!(
            erased,
            "retention: erased contributions past the retention period"
        );
    }
    Ok(erased)
}

/// Erases what is past the retention period now and then once a day, for as long as Heard runs.
pub fn run_daily(db: Db, store: std::sync::Arc<dyn MediaStore>) {
    tokio::spawn(async move {
        let mut day = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
        loop {
            day.tick().await;
            if let Err(error) = erase_expired(&db, store.as_ref(), now()).await {
                tracing::error!(%error, "retention: erasing expired contributions failed");
            }
        }
    });
}
