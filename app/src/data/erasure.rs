//! Erasing what children said, for retention and for a child's own request: the answer, any
//! picture or recording and a member of staff's description of it go; a marker (`erased_at`)
//! stays, so the counts of what children said remain true.

use super::media;
use crate::media::MediaStore;
use sqlx::{AnyConnection, Row};

/// Empties the contributions marked `erased_at = at` in this transaction and removes their
/// media rows; returns the media ids whose files must go once the transaction has committed.
pub(super) async fn scrub(conn: &mut AnyConnection, at: i64) -> Result<Vec<String>, sqlx::Error> {
    let media_ids: Vec<String> = sqlx::query(
        "SELECT media_id FROM contributions WHERE erased_at = $1 AND media_id IS NOT NULL",
    )
    .bind(at)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| row.try_get("media_id"))
    .collect::<Result<_, _>>()?;
    sqlx::query(
        "UPDATE contributions SET scale_value = NULL, text_value = NULL, \
         choice_values = NULL, media_id = NULL, description = NULL, translated_from = NULL \
         WHERE erased_at = $1",
    )
    .bind(at)
    .execute(&mut *conn)
    .await?;
    for id in &media_ids {
        sqlx::query("DELETE FROM media WHERE id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(media_ids)
}

/// Removes the files of erased media. Called after the commit, so a failure leaves at worst an
/// orphaned file, never a contribution pointing at nothing; the failure is logged.
pub(super) async fn remove_files(store: &dyn MediaStore, media_ids: &[String]) {
    for id in media_ids {
        let (full, thumbnail) = media::keys(id);
        for key in [full, thumbnail] {
            if let Err(error) = store.delete(&key).await {
                tracing::warn!(%error, "erasure: a media file could not be deleted");
            }
        }
    }
}
