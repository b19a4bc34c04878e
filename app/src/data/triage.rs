//! The safeguarding lead's phrase lists, one per language, in versions: each save makes a new
//! one, so a flag can always say which list raised it. A deployment starts with the lists in
//! `triage/` (all but English awaiting review by a native speaker).

use super::{get, now, DataError, DataResult, Db};
use crate::domain::Language;
use crate::domain::{Missing, StaffProblem};

const STARTING_LISTS: &[(Language, &str)] = &[
    (Language::English, include_str!("triage/phrases.txt")),
    (Language::Welsh, include_str!("triage/phrases.cy.txt")),
    (Language::Polish, include_str!("triage/phrases.pl.txt")),
    (Language::Romanian, include_str!("triage/phrases.ro.txt")),
    (Language::Urdu, include_str!("triage/phrases.ur.txt")),
    (Language::Arabic, include_str!("triage/phrases.ar.txt")),
];

/// The lists in force: every phrase with its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseList {
    pub version: i64,
    pub phrases: Vec<(Language, String)>,
}

impl PhraseList {
    /// The phrases of one language, one per line.
    pub fn lines(&self, language: Language) -> String {
        self.phrases
            .iter()
            .filter(|(of, _)| *of == language)
            .map(|(_, phrase)| phrase.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Phrases from text with one per line; `#` lines are comments.
pub fn parse(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.trim().to_lowercase())
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// Every language's starting phrases.
pub fn starting_lists() -> Vec<(Language, String)> {
    STARTING_LISTS
        .iter()
        .flat_map(|(language, text)| parse(text).into_iter().map(|phrase| (*language, phrase)))
        .collect()
}

/// Puts the starting lists in place on a new database, and a language's starting list beside a
/// list that has never had phrases in it (a deployment from before lists had languages); called
/// at start-up. A language the lead has emptied stays empty.
pub async fn ensure_started(db: &Db) -> DataResult<()> {
    let ever: Vec<String> = sqlx::query("SELECT DISTINCT language FROM triage_phrases")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| get(row, "language"))
        .collect::<DataResult<_>>()?;
    let missing: Vec<(Language, String)> = starting_lists()
        .into_iter()
        .filter(|(language, _)| !ever.iter().any(|code| code == language.as_str()))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut phrases = match current(db).await {
        Ok(list) => list.phrases,
        Err(DataError::NotFound(_)) => Vec::new(),
        Err(other) => return Err(other),
    };
    phrases.extend(missing);
    match save(db, &phrases, None).await {
        // Another server starting at the same moment put them there first.
        Err(DataError::Database(sqlx::Error::Database(e))) if e.is_unique_violation() => Ok(()),
        other => other.map(|_| ()),
    }
}

pub async fn current(db: &Db) -> DataResult<PhraseList> {
    let latest = sqlx::query("SELECT MAX(version) AS version FROM triage_lists")
        .fetch_one(db.pool())
        .await?;
    let version =
        get::<Option<i64>>(&latest, "version")?.ok_or(DataError::NotFound(Missing::PhraseList))?;
    let phrases = sqlx::query(
        "SELECT language, phrase FROM triage_phrases WHERE version = $1 ORDER BY position",
    )
    .bind(version)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| {
        let language = Language::parse(&get::<String>(row, "language")?)
            .ok_or(DataError::Fault("unknown phrase language".into()))?;
        Ok((language, get(row, "phrase")?))
    })
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
pub async fn save(db: &Db, phrases: &[(Language, String)], by: Option<&str>) -> DataResult<i64> {
    if phrases.is_empty() {
        return Err(DataError::Invalid(StaffProblem::PhraseListEmpty));
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
    for (position, (language, phrase)) in phrases.iter().enumerate() {
        sqlx::query(
            "INSERT INTO triage_phrases (version, position, language, phrase) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(version)
        .bind(position as i64)
        .bind(language.as_str())
        .bind(phrase)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(version)
}
