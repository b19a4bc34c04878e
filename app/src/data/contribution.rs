//! Contributions: what a child said, kept as given, made idempotent by an id from the device.

use super::{activity, codes, get, new_id, now, session, trail, DataError, DataResult, Db};
use crate::domain::{Answer, Communicated, Contribution, Finished, PromptPage, Receipt};

/// A child's answer as it arrives, already parsed for its prompt's mode.
#[derive(Clone, Debug)]
pub struct NewContribution {
    pub id: String,
    pub participation_id: String,
    pub prompt_id: String,
    pub answer: Answer,
    pub communicated: Communicated,
}

/// Where the child goes after an answer is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterAnswer {
    NextPrompt(i64),
    Finished,
}

/// Starts a child's turn in the open session the typed code belongs to.
pub async fn join(db: &Db, typed_code: &str) -> DataResult<String> {
    let session_id = session::by_join_code(db, typed_code).await?;
    let id = new_id();
    for _ in 0..5 {
        let inserted = sqlx::query(
            "INSERT INTO participations (id, session_id, receipt_code, started_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(&id)
        .bind(&session_id)
        .bind(codes::receipt_code())
        .bind(now())
        .execute(db.pool())
        .await;
        match inserted {
            Ok(_) => return Ok(id),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(DataError::Conflict("Could not make a receipt code. Please try again."))
}

struct Turn {
    activity_id: String,
    activity_title: String,
    audience: String,
    receipt_code: String,
    finished: bool,
}

async fn turn(db: &Db, participation_id: &str) -> DataResult<Turn> {
    let row = sqlx::query(
        "SELECT s.activity_id, a.title, f.name AS audience, p.receipt_code, p.finished_at \
         FROM participations p JOIN sessions s ON s.id = p.session_id \
         JOIN activities a ON a.id = s.activity_id JOIN forums f ON f.id = a.forum_id \
         WHERE p.id = $1",
    )
    .bind(participation_id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::NotFound("We could not find your turn. Please join again with the code."))?;
    Ok(Turn {
        activity_id: get(&row, "activity_id")?,
        activity_title: get(&row, "title")?,
        audience: get(&row, "audience")?,
        receipt_code: get(&row, "receipt_code")?,
        finished: get::<Option<i64>>(&row, "finished_at")?.is_some(),
    })
}

/// The prompt at `position` of the child's activity, with a fresh id for their answer.
pub async fn prompt_page(db: &Db, participation_id: &str, position: i64) -> DataResult<PromptPage> {
    let turn = turn(db, participation_id).await?;
    if turn.finished {
        return Err(DataError::Invalid(
            "This turn has finished. Thank you! The next person can join with the code.".into(),
        ));
    }
    let prompts = activity::prompts(db, &turn.activity_id).await?;
    let prompt = prompts
        .iter()
        .find(|p| p.position == position)
        .cloned()
        .ok_or(DataError::NotFound("That question does not exist."))?;
    Ok(PromptPage {
        participation_id: participation_id.to_owned(),
        activity_title: turn.activity_title,
        audience: turn.audience,
        prompt,
        total: prompts.len() as i64,
        contribution_id: new_id(),
    })
}

/// Stores an answer exactly once. An identical retry gets the same result; a different answer
/// under an id already used is refused.
pub async fn submit(db: &Db, new: NewContribution) -> DataResult<AfterAnswer> {
    if let Some(existing) = stored_payload(db, &new.id).await? {
        return after_retry(db, &new, existing).await;
    }
    let turn = turn(db, &new.participation_id).await?;
    if turn.finished {
        return Err(DataError::Invalid("This turn has already finished.".into()));
    }
    let prompts = activity::prompts(db, &turn.activity_id).await?;
    let prompt = prompts
        .iter()
        .find(|p| p.id == new.prompt_id)
        .ok_or(DataError::Invalid("That question is not part of this activity.".into()))?;
    if prompt.mode != new.answer.mode() {
        return Err(DataError::Invalid("That answer does not fit this question.".into()));
    }
    let next = prompts.iter().find(|p| p.position > prompt.position).map(|p| p.position);

    let (scale, text) = payload_columns(&new.answer);
    let mut tx = db.pool().begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO contributions \
         (id, participation_id, prompt_id, mode, scale_value, text_value, communicated, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&new.id)
    .bind(&new.participation_id)
    .bind(&new.prompt_id)
    .bind(new.answer.mode().as_str())
    .bind(scale)
    .bind(text)
    .bind(new.communicated.as_str())
    .bind(now())
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            drop(tx);
            // Another copy of the same request won the race.
            let existing = stored_payload(db, &new.id).await?.ok_or(DataError::Conflict(
                "This answer could not be saved. Please try again.",
            ))?;
            return after_retry(db, &new, existing).await;
        }
        Err(e) => return Err(e.into()),
    }
    if next.is_none() {
        sqlx::query("UPDATE participations SET finished_at = $1 WHERE id = $2")
            .bind(now())
            .bind(&new.participation_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(next.map_or(AfterAnswer::Finished, AfterAnswer::NextPrompt))
}

fn payload_columns(answer: &Answer) -> (Option<i64>, Option<String>) {
    match answer {
        Answer::Scale(value) => (Some(*value), None),
        Answer::Text(text) => (None, Some(text.clone())),
    }
}

struct StoredPayload {
    participation_id: String,
    prompt_id: String,
    communicated: String,
    scale: Option<i64>,
    text: Option<String>,
}

async fn stored_payload(db: &Db, id: &str) -> DataResult<Option<StoredPayload>> {
    let row = sqlx::query(
        "SELECT participation_id, prompt_id, communicated, scale_value, text_value \
         FROM contributions WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    row.map(|row| {
        Ok(StoredPayload {
            participation_id: get(&row, "participation_id")?,
            prompt_id: get(&row, "prompt_id")?,
            communicated: get(&row, "communicated")?,
            scale: get(&row, "scale_value")?,
            text: get(&row, "text_value")?,
        })
    })
    .transpose()
}

async fn after_retry(db: &Db, new: &NewContribution, stored: StoredPayload) -> DataResult<AfterAnswer> {
    let (scale, text) = payload_columns(&new.answer);
    let identical = stored.participation_id == new.participation_id
        && stored.prompt_id == new.prompt_id
        && stored.communicated == new.communicated.as_str()
        && stored.scale == scale
        && stored.text == text;
    if !identical {
        return Err(DataError::Conflict(
            "A different answer was already sent with this id, so this one was not saved.",
        ));
    }
    let turn = turn(db, &new.participation_id).await?;
    let prompts = activity::prompts(db, &turn.activity_id).await?;
    let position = prompts.iter().find(|p| p.id == new.prompt_id).map(|p| p.position);
    let next = prompts
        .iter()
        .find(|p| Some(p.position) > position)
        .map(|p| p.position);
    Ok(match next {
        Some(position) if !turn.finished => AfterAnswer::NextPrompt(position),
        _ => AfterAnswer::Finished,
    })
}

/// The receipt for a finished turn.
pub async fn finished(db: &Db, participation_id: &str) -> DataResult<Finished> {
    let turn = turn(db, participation_id).await?;
    if !turn.finished {
        return Err(DataError::Invalid("There are still questions to answer.".into()));
    }
    Ok(Finished { receipt_code: turn.receipt_code, audience: turn.audience })
}

/// Everything said in a session, newest last, with each contribution's trail.
pub async fn for_session(db: &Db, session_id: &str) -> DataResult<Vec<Contribution>> {
    trail::load(db, trail::Scope::Session(session_id)).await
}

/// Every contribution staff may link to a decision.
pub async fn all(db: &Db) -> DataResult<Vec<Contribution>> {
    trail::load(db, trail::Scope::All).await
}

/// What a receipt code shows. Only published feedback reaches the child.
pub async fn receipt(db: &Db, typed_code: &str) -> DataResult<Receipt> {
    let normalised = codes::normalise(typed_code);
    let not_found = || {
        DataError::Invalid(
            "We could not find that receipt code. Check each letter and try again.".into(),
        )
    };
    if normalised.len() != 8 {
        return Err(not_found());
    }
    let code = format!("{}-{}", &normalised[..4], &normalised[4..]);
    let row = sqlx::query("SELECT id FROM participations WHERE receipt_code = $1")
        .bind(&code)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(not_found)?;
    let participation_id: String = get(&row, "id")?;
    let mut contributions = trail::load(db, trail::Scope::Participation(&participation_id)).await?;
    for contribution in &mut contributions {
        contribution.trail.influence.retain(|step| step.feedback.is_some());
    }
    Ok(Receipt { code, contributions })
}
