//! Decisions (Influence): what commissioners decided, the contributions it answers, and the
//! "you said, we did" message back to the children.

use super::{
    contribution, format_date, get, new_id, now, parse_date, required, trail, DataError,
    DataResult, Db,
};
use crate::domain::{Decision, DecisionLink, DecisionStatus, DecisionSummary, Feedback};

#[derive(Clone, Debug)]
pub struct NewDecision {
    pub priority_id: String,
    pub forum_id: String,
    pub title: String,
    pub decided: String,
    pub status: DecisionStatus,
    /// As typed in a date input: YYYY-MM-DD.
    pub decided_on: String,
}

pub async fn create(db: &Db, new: NewDecision, created_by: &str) -> DataResult<String> {
    let title = required("the decision's title", &new.title)?;
    let decided = required("what was decided", &new.decided)?;
    let decided_on = parse_date(&new.decided_on)?;
    exists(
        db,
        "priorities",
        &new.priority_id,
        "Please choose a priority.",
    )
    .await?;
    exists(
        db,
        "forums",
        &new.forum_id,
        "Please choose the forum that decided.",
    )
    .await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO decisions \
         (id, priority_id, forum_id, title, decided, status, decided_on, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(&new.priority_id)
    .bind(&new.forum_id)
    .bind(title)
    .bind(decided)
    .bind(new.status.as_str())
    .bind(decided_on)
    .bind(created_by)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(id)
}

async fn exists(db: &Db, table: &'static str, id: &str, message: &str) -> DataResult<()> {
    sqlx::query(&format!("SELECT id FROM {table} WHERE id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .map(|_| ())
        .ok_or_else(|| DataError::Invalid(message.into()))
}

/// Links a contribution to a decision, saying how the child's view shaped it.
pub async fn link(
    db: &Db,
    decision_id: &str,
    contribution_id: &str,
    rationale: &str,
    linked_by: &str,
) -> DataResult<()> {
    let rationale = required("why this contribution shaped the decision", rationale)?;
    exists(
        db,
        "decisions",
        decision_id,
        "That decision does not exist.",
    )
    .await?;
    exists(
        db,
        "contributions",
        contribution_id,
        "That contribution does not exist.",
    )
    .await?;
    if super::contribution::is_withheld(db, contribution_id).await? {
        return Err(DataError::Invalid(
            "This contribution is held back from decision makers: a safeguarding concern is open, \
             or a facilitator hid it."
                .into(),
        ));
    }
    let inserted = sqlx::query(
        "INSERT INTO decision_links (decision_id, contribution_id, rationale, linked_by, linked_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(decision_id)
    .bind(contribution_id)
    .bind(rationale)
    .bind(linked_by)
    .bind(now())
    .execute(db.pool())
    .await;
    match inserted {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(DataError::Conflict(
            "That contribution is already linked to this decision.",
        )),
        Err(e) => Err(e.into()),
    }
}

/// Publishes (or corrects) the "you said, we did" message. Children see it on their receipts.
pub async fn publish(
    db: &Db,
    decision_id: &str,
    plain_text: &str,
    easy_read: &str,
    published_by: &str,
) -> DataResult<()> {
    let plain_text = required("the message", plain_text)?;
    let easy_read = required("the easy-read message", easy_read)?;
    exists(
        db,
        "decisions",
        decision_id,
        "That decision does not exist.",
    )
    .await?;
    let linked = sqlx::query("SELECT contribution_id FROM decision_links WHERE decision_id = $1")
        .bind(decision_id)
        .fetch_optional(db.pool())
        .await?;
    if linked.is_none() {
        return Err(DataError::Invalid(
            "Link at least one contribution first, so the message reaches the children who said it."
                .into(),
        ));
    }
    sqlx::query(
        "INSERT INTO feedback (decision_id, plain_text, easy_read, published_by, published_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (decision_id) DO UPDATE SET plain_text = excluded.plain_text, \
         easy_read = excluded.easy_read, published_by = excluded.published_by, \
         published_at = excluded.published_at",
    )
    .bind(decision_id)
    .bind(plain_text)
    .bind(easy_read)
    .bind(published_by)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

pub async fn find(db: &Db, id: &str) -> DataResult<Decision> {
    let row = sqlx::query(
        "SELECT d.id, d.title, d.decided, d.status, d.decided_on, p.title AS priority, \
         f.name AS forum, fb.plain_text, fb.easy_read, fb.published_at \
         FROM decisions d JOIN priorities p ON p.id = d.priority_id \
         JOIN forums f ON f.id = d.forum_id LEFT JOIN feedback fb ON fb.decision_id = d.id \
         WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::NotFound("That decision does not exist."))?;
    // Decision makers see a link only while its contribution is released to them.
    let links = sqlx::query(concat!(
        "SELECT dl.contribution_id, dl.rationale, c.mode, c.scale_value, c.text_value, \
         c.choice_values, c.media_id, m.consent, pr.text AS prompt FROM decision_links dl \
         JOIN contributions c ON c.id = dl.contribution_id JOIN prompts pr ON pr.id = c.prompt_id \
         LEFT JOIN media m ON m.id = c.media_id \
         WHERE dl.decision_id = $1 AND c.erased_at IS NULL AND ",
        trail::released!(),
        " ORDER BY dl.linked_at, dl.contribution_id",
    ))
    .bind(id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| {
        Ok(DecisionLink {
            contribution_id: get(row, "contribution_id")?,
            prompt: get(row, "prompt")?,
            answer: contribution::answer_from(row)?,
            rationale: get(row, "rationale")?,
        })
    })
    .collect::<DataResult<_>>()?;
    let feedback = match get::<Option<i64>>(&row, "published_at")? {
        Some(published_at) => Some(Feedback {
            plain_text: get(&row, "plain_text")?,
            easy_read: get(&row, "easy_read")?,
            published_on: format_date(published_at),
        }),
        None => None,
    };
    Ok(Decision {
        id: get(&row, "id")?,
        title: get(&row, "title")?,
        decided: get(&row, "decided")?,
        status: status_from(&row)?,
        priority: get(&row, "priority")?,
        forum: get(&row, "forum")?,
        decided_on: format_date(get(&row, "decided_on")?),
        links,
        feedback,
    })
}

fn status_from(row: &sqlx::any::AnyRow) -> DataResult<DecisionStatus> {
    DecisionStatus::parse(&get::<String>(row, "status")?)
        .ok_or(DataError::NotFound("unknown decision status"))
}

pub async fn list(db: &Db) -> DataResult<Vec<DecisionSummary>> {
    sqlx::query(
        "SELECT d.id, d.title, d.status, d.decided_on, p.title AS priority, fb.published_at \
         FROM decisions d JOIN priorities p ON p.id = d.priority_id \
         LEFT JOIN feedback fb ON fb.decision_id = d.id ORDER BY d.decided_on DESC, d.id",
    )
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| {
        Ok(DecisionSummary {
            id: get(row, "id")?,
            title: get(row, "title")?,
            status: status_from(row)?,
            priority: get(row, "priority")?,
            decided_on: format_date(get(row, "decided_on")?),
            published: get::<Option<i64>>(row, "published_at")?.is_some(),
        })
    })
    .collect()
}
