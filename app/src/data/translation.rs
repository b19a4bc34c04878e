//! Translations of what a facilitator wrote, kept beside the English source.

use super::{get, now, DataResult, Db};
use crate::domain::{ActivityWords, Language, PromptWords, Translations};

pub async fn for_activity(db: &Db, activity_id: &str) -> DataResult<Translations> {
    let activity = sqlx::query(
        "SELECT language, title, intro FROM activity_translations WHERE activity_id = $1 \
         ORDER BY language",
    )
    .bind(activity_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .filter_map(|row| {
        let language = Language::parse(&get::<String>(row, "language").ok()?)?;
        let words = ActivityWords {
            title: get(row, "title").ok()?,
            intro: get(row, "intro").ok()?,
        };
        Some((language, words))
    })
    .collect();
    let prompts = sqlx::query(
        "SELECT t.prompt_id, t.language, t.text, t.easy_read, t.options \
         FROM prompt_translations t JOIN prompts p ON p.id = t.prompt_id \
         WHERE p.activity_id = $1 ORDER BY p.position, t.language",
    )
    .bind(activity_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .filter_map(|row| {
        let language = Language::parse(&get::<String>(row, "language").ok()?)?;
        let options: String = get(row, "options").ok()?;
        let words = PromptWords {
            text: get(row, "text").ok()?,
            easy_read: get(row, "easy_read").ok()?,
            options: serde_json::from_str(&options).ok()?,
        };
        Some((get(row, "prompt_id").ok()?, language, words))
    })
    .collect();
    Ok(Translations { activity, prompts })
}

/// Saves the activity's title and intro in `language`, or removes them (`None`).
pub async fn save_activity(
    db: &Db,
    activity_id: &str,
    language: Language,
    words: Option<&ActivityWords>,
) -> DataResult<()> {
    match words {
        Some(words) => sqlx::query(
            "INSERT INTO activity_translations (activity_id, language, title, intro, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (activity_id, language) DO UPDATE SET \
             title = excluded.title, intro = excluded.intro, updated_at = excluded.updated_at",
        )
        .bind(activity_id)
        .bind(language.as_str())
        .bind(&words.title)
        .bind(&words.intro)
        .bind(now()),
        None => sqlx::query(
            "DELETE FROM activity_translations WHERE activity_id = $1 AND language = $2",
        )
        .bind(activity_id)
        .bind(language.as_str()),
    }
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Saves a prompt's words in `language`, or removes them (`None`).
pub async fn save_prompt(
    db: &Db,
    prompt_id: &str,
    language: Language,
    words: Option<&PromptWords>,
) -> DataResult<()> {
    match words {
        Some(words) => sqlx::query(
            "INSERT INTO prompt_translations \
             (prompt_id, language, text, easy_read, options, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (prompt_id, language) DO UPDATE SET \
             text = excluded.text, easy_read = excluded.easy_read, options = excluded.options, \
             updated_at = excluded.updated_at",
        )
        .bind(prompt_id)
        .bind(language.as_str())
        .bind(&words.text)
        .bind(&words.easy_read)
        .bind(serde_json::to_string(&words.options).unwrap_or_else(|_| "[]".into()))
        .bind(now()),
        None => {
            sqlx::query("DELETE FROM prompt_translations WHERE prompt_id = $1 AND language = $2")
                .bind(prompt_id)
                .bind(language.as_str())
        }
    }
    .execute(db.pool())
    .await?;
    Ok(())
}
