//! Activities: an ask around priorities, its prompts, and who will hear the answers.

use super::{get, new_id, now, DataError, DataResult, Db};
use crate::domain::{
    ActivityDraft, ActivitySummary, AnswerMode, ChoiceOption, Language, ProblemCode, Prompt,
    PromptDraft, Theme,
};
use crate::domain::{Choice, Missing, StaffProblem};
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
        "SELECT a.id, a.title, a.intro, a.forum_id, f.name AS audience FROM activities a \
         JOIN forums f ON f.id = a.forum_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::NotFound(Missing::Activity))?;
    let priority_rows = sqlx::query(
        "SELECT p.id, p.title FROM activity_priorities ap JOIN priorities p ON p.id = ap.priority_id \
         WHERE ap.activity_id = $1 ORDER BY p.position",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    let mut priorities = Vec::with_capacity(priority_rows.len());
    let mut priority_ids = Vec::with_capacity(priority_rows.len());
    for row in &priority_rows {
        priority_ids.push(get(row, "id")?);
        priorities.push(get(row, "title")?);
    }
    Ok(ActivitySummary {
        id: get(&row, "id")?,
        title: get(&row, "title")?,
        intro: get(&row, "intro")?,
        forum_id: get(&row, "forum_id")?,
        audience: get(&row, "audience")?,
        priorities,
        priority_ids,
        prompts: prompts(db, id).await?,
        themes: themes(db, id).await?,
    })
}

/// A new activity, without questions yet; returns its id.
pub async fn create(db: &Db, draft: &ActivityDraft) -> DataResult<String> {
    let id = new_id();
    let mut tx = db.pool().begin().await?;
    check_references(&mut tx, draft).await?;
    let inserted = sqlx::query(
        "INSERT INTO activities (id, title, intro, forum_id, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(&draft.title)
    .bind(&draft.intro)
    .bind(&draft.forum_id)
    .bind(now())
    .execute(&mut *tx)
    .await;
    unique_title(inserted)?;
    link_priorities(&mut tx, &id, &draft.priority_ids).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes an activity's own fields. Children who answer from now on see the new ones.
pub async fn update(db: &Db, id: &str, draft: &ActivityDraft) -> DataResult<()> {
    let mut tx = db.pool().begin().await?;
    check_references(&mut tx, draft).await?;
    let updated =
        sqlx::query("UPDATE activities SET title = $1, intro = $2, forum_id = $3 WHERE id = $4")
            .bind(&draft.title)
            .bind(&draft.intro)
            .bind(&draft.forum_id)
            .bind(id)
            .execute(&mut *tx)
            .await;
    if unique_title(updated)?.rows_affected() == 0 {
        return Err(DataError::NotFound(Missing::Activity));
    }
    sqlx::query("DELETE FROM activity_priorities WHERE activity_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    link_priorities(&mut tx, id, &draft.priority_ids).await?;
    tx.commit().await?;
    Ok(())
}

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The forum and priorities a draft names exist, so a stale form gets a message, not an error.
async fn check_references(tx: &mut Tx, draft: &ActivityDraft) -> DataResult<()> {
    let forum = sqlx::query("SELECT id FROM forums WHERE id = $1")
        .bind(&draft.forum_id)
        .fetch_optional(&mut **tx)
        .await?;
    if forum.is_none() {
        return Err(DataError::Invalid(StaffProblem::ChooseFromList(
            Choice::Audience,
        )));
    }
    for priority in &draft.priority_ids {
        let found = sqlx::query("SELECT id FROM priorities WHERE id = $1")
            .bind(priority)
            .fetch_optional(&mut **tx)
            .await?;
        if found.is_none() {
            return Err(DataError::Invalid(StaffProblem::ChooseFromList(
                Choice::Priorities,
            )));
        }
    }
    Ok(())
}

fn unique_title(
    result: Result<sqlx::any::AnyQueryResult, sqlx::Error>,
) -> DataResult<sqlx::any::AnyQueryResult> {
    match result {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            Err(DataError::Invalid(StaffProblem::ActivityExists))
        }
        other => Ok(other?),
    }
}

async fn link_priorities(
    tx: &mut Tx,
    activity_id: &str,
    priority_ids: &[String],
) -> DataResult<()> {
    for priority in priority_ids {
        sqlx::query("INSERT INTO activity_priorities (activity_id, priority_id) VALUES ($1, $2)")
            .bind(activity_id)
            .bind(priority)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
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
        modes: AnswerMode::parse_list(&modes)
            .ok_or(DataError::Fault("unknown answer mode".into()))?,
        scale_points: get(row, "scale_points")?,
        symbol: get(row, "symbol")?,
        options,
        multiple: get::<i64>(row, "multiple")? == 1,
        words_in: Language::English,
        options_in: Language::English,
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
    .ok_or(DataError::Coded(ProblemCode::QuestionNotFound))?;
    let options = options_where(db, "o.prompt_id = $1", prompt_id)
        .await?
        .remove(prompt_id)
        .unwrap_or_default();
    prompt_from(&row, prompt_id.to_owned(), options)
}

/// Adds a question at the end of an activity; returns its id.
pub async fn add_prompt(db: &Db, activity_id: &str, draft: &PromptDraft) -> DataResult<String> {
    find(db, activity_id).await?;
    let id = new_id();
    let mut tx = db.pool().begin().await?;
    let last = sqlx::query(
        "SELECT COALESCE(MAX(position), 0) AS last FROM prompts WHERE activity_id = $1",
    )
    .bind(activity_id)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO prompts (id, activity_id, position, text, easy_read, modes, scale_points, \
         symbol, multiple) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(activity_id)
    .bind(get::<i64>(&last, "last")? + 1)
    .bind(&draft.text)
    .bind(&draft.easy_read)
    .bind(draft.modes_list())
    .bind(draft.scale_points)
    .bind(draft.symbol.as_deref())
    .bind(i64::from(draft.multiple))
    .execute(&mut *tx)
    .await?;
    insert_options(&mut tx, &id, &draft.options).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a question. Once children have answered it, its ways of answering and its options
/// stay as they were (answers point at them); its words and pictures can still change.
pub async fn update_prompt(db: &Db, prompt_id: &str, draft: &PromptDraft) -> DataResult<()> {
    let current = prompt(db, prompt_id).await?;
    let answered = answers(db, prompt_id).await? > 0;
    if answered {
        let same_options = current.options.len() == draft.options.len();
        if current.modes != draft.modes || !same_options || current.multiple != draft.multiple {
            return Err(DataError::Invalid(
                StaffProblem::QuestionAnsweredKeepsItsWays,
            ));
        }
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "UPDATE prompts SET text = $1, easy_read = $2, modes = $3, scale_points = $4, symbol = $5, \
         multiple = $6 WHERE id = $7",
    )
    .bind(&draft.text)
    .bind(&draft.easy_read)
    .bind(draft.modes_list())
    .bind(draft.scale_points)
    .bind(draft.symbol.as_deref())
    .bind(i64::from(draft.multiple))
    .bind(prompt_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM prompt_options WHERE prompt_id = $1")
        .bind(prompt_id)
        .execute(&mut *tx)
        .await?;
    insert_options(&mut tx, prompt_id, &draft.options).await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_options(
    tx: &mut Tx,
    prompt_id: &str,
    options: &[(String, Option<String>)],
) -> DataResult<()> {
    for (position, (label, symbol)) in (1..).zip(options) {
        sqlx::query(
            "INSERT INTO prompt_options (prompt_id, position, label, symbol) VALUES ($1, $2, $3, $4)",
        )
        .bind(prompt_id)
        .bind(position)
        .bind(label)
        .bind(symbol.as_deref())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// How many answers a question has had.
pub async fn answers(db: &Db, prompt_id: &str) -> DataResult<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM contributions WHERE prompt_id = $1")
        .bind(prompt_id)
        .fetch_one(db.pool())
        .await?;
    get(&row, "n")
}

/// Moves a question one place earlier (`earlier`) or later, swapping with its neighbour.
pub async fn move_prompt(db: &Db, prompt_id: &str, earlier: bool) -> DataResult<()> {
    let current = sqlx::query("SELECT activity_id, position FROM prompts WHERE id = $1")
        .bind(prompt_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(Missing::Question))?;
    let activity_id: String = get(&current, "activity_id")?;
    let position: i64 = get(&current, "position")?;
    let neighbour = if earlier { position - 1 } else { position + 1 };
    let mut tx = db.pool().begin().await?;
    // Positions are unique per activity, so the swap goes through a free one.
    let moved = sqlx::query(
        "UPDATE prompts SET position = 0 - position WHERE activity_id = $1 AND position = $2",
    )
    .bind(&activity_id)
    .bind(neighbour)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        // Already first or last: nothing to swap with.
        return Ok(());
    }
    sqlx::query("UPDATE prompts SET position = $1 WHERE id = $2")
        .bind(neighbour)
        .bind(prompt_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE prompts SET position = $1 WHERE activity_id = $2 AND position = $3")
        .bind(position)
        .bind(&activity_id)
        .bind(-neighbour)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a question no child has answered; the ones after it move up.
pub async fn remove_prompt(db: &Db, prompt_id: &str) -> DataResult<()> {
    let current = sqlx::query("SELECT activity_id, position FROM prompts WHERE id = $1")
        .bind(prompt_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(Missing::Question))?;
    if answers(db, prompt_id).await? > 0 {
        return Err(DataError::Invalid(StaffProblem::QuestionAnsweredStays));
    }
    let activity_id: String = get(&current, "activity_id")?;
    let position: i64 = get(&current, "position")?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("DELETE FROM prompts WHERE id = $1")
        .bind(prompt_id)
        .execute(&mut *tx)
        .await?;
    // Unique positions are checked row by row, so the later ones step through negatives.
    sqlx::query(
        "UPDATE prompts SET position = 0 - position WHERE activity_id = $1 AND position > $2",
    )
    .bind(&activity_id)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE prompts SET position = 0 - position - 1 WHERE activity_id = $1 AND position < 0",
    )
    .bind(&activity_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The activity's theme list, by name.
pub async fn themes(db: &Db, activity_id: &str) -> DataResult<Vec<Theme>> {
    sqlx::query("SELECT id, name FROM themes WHERE activity_id = $1 ORDER BY name")
        .bind(activity_id)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| {
            Ok(Theme {
                id: get(row, "id")?,
                name: get(row, "name")?,
            })
        })
        .collect()
}

pub async fn add_theme(db: &Db, activity_id: &str, name: &str) -> DataResult<String> {
    find(db, activity_id).await?;
    let id = new_id();
    let inserted = sqlx::query(
        "INSERT INTO themes (id, activity_id, name, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(activity_id)
    .bind(name)
    .bind(now())
    .execute(db.pool())
    .await;
    match inserted {
        Ok(_) => Ok(id),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(DataError::Invalid(
            StaffProblem::AlreadyOnList(name.to_owned()),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Takes a theme off the list, and off every contribution tagged with it.
pub async fn remove_theme(db: &Db, activity_id: &str, theme_id: &str) -> DataResult<()> {
    sqlx::query("DELETE FROM themes WHERE id = $1 AND activity_id = $2")
        .bind(theme_id)
        .bind(activity_id)
        .execute(db.pool())
        .await?;
    Ok(())
}
