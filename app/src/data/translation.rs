//! Translations of what staff wrote for children (an activity, its questions, "you said, we
//! did"), kept beside the English source and applied to what a child reads in their language.

use super::DataError;
use super::{get, now, DataResult, Db};
use crate::domain::Missing;
use crate::domain::{
    ActivityWords, BoardItem, FeedbackWords, Language, PromptWords, Receipt, Translations,
};
use std::collections::HashMap;

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
        Some((
            get(row, "prompt_id").ok()?,
            language,
            prompt_words_from(row)?,
        ))
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

/// A decision's "you said, we did" in each language it was translated into.
pub async fn for_feedback(
    db: &Db,
    decision_id: &str,
) -> DataResult<Vec<(Language, FeedbackWords)>> {
    Ok(sqlx::query(
        "SELECT language, plain_text, easy_read FROM feedback_translations \
         WHERE decision_id = $1 ORDER BY language",
    )
    .bind(decision_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .filter_map(|row| {
        let language = Language::parse(&get::<String>(row, "language").ok()?)?;
        Some((language, feedback_words(row)?))
    })
    .collect())
}

/// Saves "you said, we did" in `language`, or removes it (`None`).
pub async fn save_feedback(
    db: &Db,
    decision_id: &str,
    language: Language,
    words: Option<&FeedbackWords>,
) -> DataResult<()> {
    super::decision::exists(
        db,
        "decisions",
        decision_id,
        DataError::NotFound(Missing::Decision),
    )
    .await?;
    match words {
        Some(words) => sqlx::query(
            "INSERT INTO feedback_translations \
             (decision_id, language, plain_text, easy_read, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (decision_id, language) DO UPDATE SET \
             plain_text = excluded.plain_text, easy_read = excluded.easy_read, \
             updated_at = excluded.updated_at",
        )
        .bind(decision_id)
        .bind(language.as_str())
        .bind(&words.plain_text)
        .bind(&words.easy_read)
        .bind(now()),
        None => sqlx::query(
            "DELETE FROM feedback_translations WHERE decision_id = $1 AND language = $2",
        )
        .bind(decision_id)
        .bind(language.as_str()),
    }
    .execute(db.pool())
    .await?;
    Ok(())
}

/// A receipt in `language` where what staff wrote was translated: each question, the options
/// the child chose, and "you said, we did".
pub async fn receipt_in(db: &Db, receipt: &mut Receipt, language: Language) -> DataResult<()> {
    if language == Language::English {
        return Ok(());
    }
    for contribution in &mut receipt.contributions {
        let prompt = super::activity::prompt(db, &contribution.prompt_id).await?;
        let words = prompt_words(db, &prompt.id, language).await?;
        contribution.worded_as(&prompt.in_language(language, words.as_ref()), language);
    }
    let translated = feedback_in(db, language).await?;
    let steps = receipt
        .contributions
        .iter_mut()
        .flat_map(|c| c.trail.influence.iter_mut());
    for step in steps {
        if let Some(feedback) = &mut step.feedback {
            feedback.in_language(language, translated.get(&step.decision_id));
        }
    }
    Ok(())
}

/// The public board's messages in `language` where they were translated.
pub async fn board_in(db: &Db, board: &mut [BoardItem], language: Language) -> DataResult<()> {
    let translated = feedback_in(db, language).await?;
    for item in board {
        item.feedback
            .in_language(language, translated.get(&item.decision_id));
    }
    Ok(())
}

/// Every message translated into `language`, by decision: a council has tens of decisions
/// fed back, not thousands.
async fn feedback_in(db: &Db, language: Language) -> DataResult<HashMap<String, FeedbackWords>> {
    if language == Language::English {
        return Ok(HashMap::new());
    }
    Ok(sqlx::query(
        "SELECT decision_id, plain_text, easy_read FROM feedback_translations WHERE language = $1",
    )
    .bind(language.as_str())
    .fetch_all(db.pool())
    .await?
    .iter()
    .filter_map(|row| Some((get(row, "decision_id").ok()?, feedback_words(row)?)))
    .collect())
}

async fn prompt_words(
    db: &Db,
    prompt_id: &str,
    language: Language,
) -> DataResult<Option<PromptWords>> {
    let row = sqlx::query(
        "SELECT text, easy_read, options FROM prompt_translations \
         WHERE prompt_id = $1 AND language = $2",
    )
    .bind(prompt_id)
    .bind(language.as_str())
    .fetch_optional(db.pool())
    .await?;
    Ok(row.as_ref().and_then(prompt_words_from))
}

fn prompt_words_from(row: &sqlx::any::AnyRow) -> Option<PromptWords> {
    let options: String = get(row, "options").ok()?;
    Some(PromptWords {
        text: get(row, "text").ok()?,
        easy_read: get(row, "easy_read").ok()?,
        options: serde_json::from_str(&options).ok()?,
    })
}

fn feedback_words(row: &sqlx::any::AnyRow) -> Option<FeedbackWords> {
    Some(FeedbackWords {
        plain_text: get(row, "plain_text").ok()?,
        easy_read: get(row, "easy_read").ok()?,
    })
}
