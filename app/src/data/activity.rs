//! Activities: an ask around priorities, its prompts, and who will hear the answers.

use super::{get, DataError, DataResult, Db};
use crate::domain::{ActivitySummary, AnswerMode, ChoiceOption, Prompt, Symbol};
use std::collections::HashMap;

pub async fn list(db: &Db) -> DataResult<Vec<ActivitySummary>> {
    let rows = sqlx::query("SELECT id FROM activities ORDER BY created_at, title")
        .fetch_all(db.pool())
        .await?;
    let mut activities = Vec::with_capacity(rows.len());
    for row in &rows {
        activities.push(find(db, &get::<String>(row, "id")?).await?);
    }
    Ok(activities)
}

pub async fn find(db: &Db, id: &str) -> DataResult<ActivitySummary> {
    let row = sqlx::query(
        "SELECT a.id, a.title, a.intro, f.name AS audience FROM activities a \
         JOIN forums f ON f.id = a.forum_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::NotFound("That activity does not exist."))?;
    let priorities = sqlx::query(
        "SELECT p.title FROM activity_priorities ap JOIN priorities p ON p.id = ap.priority_id \
         WHERE ap.activity_id = $1 ORDER BY p.position",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| get(row, "title"))
    .collect::<DataResult<_>>()?;
    Ok(ActivitySummary {
        id: get(&row, "id")?,
        title: get(&row, "title")?,
        intro: get(&row, "intro")?,
        audience: get(&row, "audience")?,
        priorities,
        prompts: prompts(db, id).await?,
    })
}

const PROMPT_COLUMNS: &str = "id, position, text, easy_read, modes, scale_points, symbol, multiple";

pub async fn prompts(db: &Db, activity_id: &str) -> DataResult<Vec<Prompt>> {
    let rows = sqlx::query(&format!(
        "SELECT {PROMPT_COLUMNS} FROM prompts WHERE activity_id = $1 ORDER BY position"
    ))
    .bind(activity_id)
    .fetch_all(db.pool())
    .await?;
    // Every answer looks the prompts up, so their options come in one query, not one each.
    let mut options = options_where(
        db,
        "o.prompt_id IN (SELECT id FROM prompts WHERE activity_id = $1)",
        activity_id,
    )
    .await?;
    rows.iter()
        .map(|row| {
            let id: String = get(row, "id")?;
            let own = options.remove(&id).unwrap_or_default();
            prompt_from(row, id, own)
        })
        .collect()
}

/// Choice options by prompt id, in order, for the prompts `condition` selects.
async fn options_where(
    db: &Db,
    condition: &str,
    value: &str,
) -> DataResult<HashMap<String, Vec<ChoiceOption>>> {
    let rows = sqlx::query(&format!(
        "SELECT o.prompt_id, o.position, o.label, o.symbol FROM prompt_options o \
         WHERE {condition} ORDER BY o.prompt_id, o.position"
    ))
    .bind(value)
    .fetch_all(db.pool())
    .await?;
    let mut options: HashMap<String, Vec<ChoiceOption>> = HashMap::new();
    for row in &rows {
        options
            .entry(get(row, "prompt_id")?)
            .or_default()
            .push(ChoiceOption {
                position: get(row, "position")?,
                label: get(row, "label")?,
                symbol: get(row, "symbol")?,
            });
    }
    Ok(options)
}

fn prompt_from(
    row: &sqlx::any::AnyRow,
    id: String,
    options: Vec<ChoiceOption>,
) -> DataResult<Prompt> {
    let modes: String = get(row, "modes")?;
    Ok(Prompt {
        id,
        position: get(row, "position")?,
        text: get(row, "text")?,
        easy_read: get(row, "easy_read")?,
        modes: AnswerMode::parse_list(&modes).ok_or(DataError::NotFound("unknown answer mode"))?,
        scale_points: get(row, "scale_points")?,
        symbol: get(row, "symbol")?,
        options,
        multiple: get::<i64>(row, "multiple")? == 1,
    })
}

/// One prompt, to parse an answer against it before it is stored.
pub async fn prompt(db: &Db, prompt_id: &str) -> DataResult<Prompt> {
    let row = sqlx::query(&format!(
        "SELECT {PROMPT_COLUMNS} FROM prompts WHERE id = $1"
    ))
    .bind(prompt_id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::NotFound("That question does not exist."))?;
    let options = options_where(db, "o.prompt_id = $1", prompt_id)
        .await?
        .remove(prompt_id)
        .unwrap_or_default();
    prompt_from(&row, prompt_id.to_owned(), options)
}

/// The pictures a facilitator chose for a prompt: one beside the question, and one per option
/// of a choice, in the options' order. Only symbols Heard ships can be chosen.
pub async fn set_symbols(
    db: &Db,
    prompt_id: &str,
    prompt_symbol: Option<&str>,
    option_symbols: &[Option<&str>],
) -> DataResult<()> {
    let prompt = prompt(db, prompt_id).await?;
    if option_symbols.len() != prompt.options.len() {
        return Err(DataError::Invalid(
            "The question's options have changed. Please reload the page and choose again.".into(),
        ));
    }
    let unknown = prompt_symbol
        .into_iter()
        .chain(option_symbols.iter().flatten().copied())
        .any(|hex| Symbol::find(hex).is_none());
    if unknown {
        return Err(DataError::Invalid(
            "Please choose pictures from the list.".into(),
        ));
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE prompts SET symbol = $1 WHERE id = $2")
        .bind(prompt_symbol)
        .bind(prompt_id)
        .execute(&mut *tx)
        .await?;
    for (option, symbol) in prompt.options.iter().zip(option_symbols) {
        sqlx::query("UPDATE prompt_options SET symbol = $1 WHERE prompt_id = $2 AND position = $3")
            .bind(*symbol)
            .bind(prompt_id)
            .bind(option.position)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
