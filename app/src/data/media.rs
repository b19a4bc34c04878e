//! What is known about a stored photo: enough to decide who may see it and how to serve it.

use super::{get, DataError, DataResult, Db};
use crate::domain::MediaConsent;
use crate::domain::Missing;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaRecord {
    pub content_type: String,
    pub consent: MediaConsent,
}

pub async fn find(db: &Db, id: &str) -> DataResult<MediaRecord> {
    let row = sqlx::query("SELECT content_type, consent FROM media WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(Missing::Picture))?;
    Ok(MediaRecord {
        content_type: get(&row, "content_type")?,
        consent: MediaConsent::parse(&get::<String>(&row, "consent")?)
            .ok_or(DataError::Fault("unknown consent".into()))?,
    })
}

/// The storage keys of a media item's full copy and thumbnail.
pub fn keys(id: &str) -> (String, String) {
    (format!("{id}.full"), format!("{id}.thumb"))
}
