//! The safeguarding lead's phrase list, in versions: each save makes a new one, so a flag can
//! always say which list raised it. A deployment starts with the list in `triage/phrases.txt`.

use super::{get, now, DataError, DataResult, Db};

const STARTING_LIST: &str = include_str!("triage/phrases.txt");

/// The list in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseList {
    pub version: i64,
    pub phrases: Vec<String>,
}

/// Phrases from text with one per line; `#` lines are comments.
pub fn parse(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.trim().to_lowercase())
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// Puts the starting list in place on a new database; called at start-up.
pub async fn ensure_started(db: &Db) -> DataResult<()> {
    let any = sqlx::query("SELECT version FROM triage_lists LIMIT 1")
        .fetch_optional(db.pool())
        .await?;
    if any.is_none() {
        match save(db, &parse(STARTING_LIST), None).await {
            // Another server starting at the same moment put it there first.
            Err(DataError::Database(sqlx::Error::Database(e))) if e.is_unique_violation() => {}
            other => {
                other?;
            }
        }
    }
    Ok(())
}

pub async fn current(db: &Db) -> DataResult<PhraseList> {
    let latest = sqlx::query("SELECT MAX(version) AS version FROM triage_lists")
        .fetch_one(db.pool())
        .await?;
    let version = get::<Option<i64>>(&latest, "version")?
        .ok_or(DataError::NotFound("There is no phrase list yet."))?;
    let phrases =
        sqlx::query("SELECT phrase FROM triage_phrases WHERE version = $1 ORDER BY position")
            .bind(version)
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|row| get(row, "phrase"))
            .collect::<DataResult<_>>()?;
    Ok(PhraseList { version, phrases })
}

/// Why `text` may speak of harm (the kinds of harm it matched, the phrases of the list in force
/// it came close to) and the list's version; `None` when nothing matched. Triage only flags: a
/// person decides.
pub async fn check(db: &Db, text: &str) -> DataResult<Option<(Vec<String>, i64)>> {
    let list = current(db).await?;
    let reasons = crate::domain::triage::reasons(&list.phrases, text);
    Ok((!reasons.is_empty()).then_some((reasons, list.version)))
}

/// Saves `phrases` as the next version; returns its number.
pub async fn save(db: &Db, phrases: &[String], by: Option<&str>) -> DataResult<i64> {
    if phrases.is_empty() {
        return Err(DataError::Invalid(
            "The list needs at least one phrase.".into(),
        ));
    }
    let mut tx = db.pool().begin().await?;
    let latest = sqlx::query("SELECT COALESCE(MAX(version), 0) AS version FROM triage_lists")
        .fetch_one(&mut *tx)
        .await?;
    let version = get::<i64>(&latest, "version")? + 1;
    sqlx::query("INSERT INTO triage_lists (version, created_at, created_by) VALUES ($1, $2, $3)")
        .bind(version)
        .bind(now())
        .bind(by)
        .execute(&mut *tx)
        .await?;
    for (position, phrase) in phrases.iter().enumerate() {
        sqlx::query("INSERT INTO triage_phrases (version, position, phrase) VALUES ($1, $2, $3)")
            .bind(version)
            .bind(position as i64)
            .bind(phrase)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(version)
}
