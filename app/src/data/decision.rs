//! Decisions (Influence): what commissioners decided, the contributions it answers, and the
//! "you said, we did" message back to the children.

use super::audit::{self, Trail};
use super::loops::{self, Touched};
use super::{
    contribution, day_of, get, new_id, now, parse_date, required, trail, DataError, DataResult, Db,
};
use crate::domain::{Choice, Field, Missing, StaffProblem};
use crate::domain::{
    CommissioningStage, Decision, DecisionEvent, DecisionLink, DecisionStatus, DecisionSummary,
    Feedback, Language, OutcomeLevel, Symbol, TimelineEntry,
};
use std::collections::HashMap;

/// A "you said, we did" message: plain words, easy-read words and an optional picture.
#[derive(Clone, Debug, Default)]
pub struct NewFeedback {
    pub plain_text: String,
    pub easy_read: String,
    pub symbol: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewDecision {
    pub priority_id: String,
    pub forum_id: String,
    pub title: String,
    pub decided: String,
    pub status: DecisionStatus,
    /// As typed in a date input: YYYY-MM-DD.
    pub decided_on: String,
    pub stage: CommissioningStage,
    pub outcome_level: OutcomeLevel,
    /// Who made the decision, e.g. "Head of SEND commissioning".
    pub decision_maker: String,
    /// Why not, when it was not taken forward.
    pub reason: String,
}

/// A decision that was not taken forward still owes the children an answer: why not.
fn reason_for(status: DecisionStatus, reason: &str) -> DataResult<Option<String>> {
    let reason = reason.trim();
    match (status, reason.is_empty()) {
        (DecisionStatus::NotTakenForward, true) => {
            Err(DataError::Invalid(StaffProblem::WhyNotTakenForward))
        }
        (DecisionStatus::NotTakenForward, false) => Ok(Some(reason.to_owned())),
        _ => Ok(None),
    }
}

pub async fn create(db: &Db, new: NewDecision, created_by: &str) -> DataResult<String> {
    let title = required(Field::DecisionTitle, &new.title)?;
    let decided = required(Field::WhatWasDecided, &new.decided)?;
    let decided_on = parse_date(&new.decided_on)?;
    let reason = reason_for(new.status, &new.reason)?;
    exists(
        db,
        "priorities",
        &new.priority_id,
        DataError::Invalid(StaffProblem::Choose(Choice::Priority)),
    )
    .await?;
    exists(
        db,
        "forums",
        &new.forum_id,
        DataError::Invalid(StaffProblem::Choose(Choice::DecidingForum)),
    )
    .await?;
    let id = new_id();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO decisions (id, priority_id, forum_id, title, decided, status, decided_on, \
         created_by, created_at, stage, outcome_level, decision_maker, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&id)
    .bind(&new.priority_id)
    .bind(&new.forum_id)
    .bind(&title)
    .bind(decided)
    .bind(new.status.as_str())
    .bind(decided_on)
    .bind(created_by)
    .bind(now())
    .bind(new.stage.as_str())
    .bind(new.outcome_level.as_str())
    .bind(new.decision_maker.trim())
    .bind(reason)
    .execute(&mut *tx)
    .await?;
    let recorded = DecisionEvent::Recorded {
        status: Some(new.status),
        title,
    };
    record(&mut tx, &id, created_by, &recorded).await?;
    tx.commit().await?;
    Ok(id)
}

pub(super) async fn exists(
    db: &Db,
    table: &'static str,
    id: &str,
    or: DataError,
) -> DataResult<()> {
    sqlx::query(&format!("SELECT id FROM {table} WHERE id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .map(|_| ())
        .ok_or(or)
}

/// Links a contribution to a decision, saying how the child's view shaped it.
pub async fn link(
    db: &Db,
    decision_id: &str,
    contribution_id: &str,
    rationale: &str,
    linked_by: &str,
) -> DataResult<()> {
    let rationale = required(Field::LinkRationale, rationale)?;
    exists(
        db,
        "decisions",
        decision_id,
        DataError::NotFound(Missing::Decision),
    )
    .await?;
    exists(
        db,
        "contributions",
        contribution_id,
        DataError::NotFound(Missing::Contribution),
    )
    .await?;
    if super::contribution::is_withheld(db, contribution_id).await? {
        return Err(DataError::Invalid(StaffProblem::HeldBack));
    }
    let mut tx = db.pool().begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO decision_links (decision_id, contribution_id, rationale, linked_by, linked_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(decision_id)
    .bind(contribution_id)
    .bind(&rationale)
    .bind(linked_by)
    .bind(now())
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(DataError::Conflict(StaffProblem::AlreadyLinked))
        }
        other => other?,
    };
    loops::refresh(&mut tx, Touched::Contribution(contribution_id)).await?;
    let linked = DecisionEvent::Linked { rationale };
    record(&mut tx, decision_id, linked_by, &linked).await?;
    tx.commit().await?;
    Ok(())
}

/// A new status, kept in the decision's history; children whose views it answers see it on
/// their receipts.
pub async fn set_status(
    db: &Db,
    decision_id: &str,
    status: DecisionStatus,
    reason: &str,
    staff_id: &str,
) -> DataResult<()> {
    let reason = reason_for(status, reason)?;
    let mut tx = db.pool().begin().await?;
    let changed = sqlx::query("UPDATE decisions SET status = $1, reason = $2 WHERE id = $3")
        .bind(status.as_str())
        .bind(reason.as_deref())
        .bind(decision_id)
        .execute(&mut *tx)
        .await?;
    if changed.rows_affected() == 0 {
        return Err(DataError::NotFound(Missing::Decision));
    }
    let changed = DecisionEvent::StatusChanged { status, reason };
    record(&mut tx, decision_id, staff_id, &changed).await?;
    tx.commit().await?;
    Ok(())
}

/// What has happened since: an outcome update, kept in the decision's history.
pub async fn add_outcome(db: &Db, decision_id: &str, text: &str, staff_id: &str) -> DataResult<()> {
    let text = required(Field::WhatHasHappened, text)?;
    exists(
        db,
        "decisions",
        decision_id,
        DataError::NotFound(Missing::Decision),
    )
    .await?;
    let mut conn = db.pool().acquire().await?;
    record(
        &mut conn,
        decision_id,
        staff_id,
        &DecisionEvent::Outcome { text },
    )
    .await
}

/// A step of the decision's history, numbered after the last.
async fn record(
    conn: &mut sqlx::AnyConnection,
    decision_id: &str,
    staff_id: &str,
    event: &DecisionEvent,
) -> DataResult<()> {
    let (kind, status, text) = event.stored();
    audit::append(
        conn,
        Trail::Decision,
        decision_id,
        Some(staff_id),
        kind,
        text,
        status.map(DecisionStatus::as_str),
    )
    .await
}

/// The decision's history, oldest first.
pub async fn timeline(db: &Db, decision_id: &str) -> DataResult<Vec<TimelineEntry>> {
    sqlx::query(
        "SELECT e.at, e.kind, e.status, e.text, u.email FROM decision_events e \
         LEFT JOIN staff_users u ON u.id = e.staff_id WHERE e.decision_id = $1 ORDER BY e.seq",
    )
    .bind(decision_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(entry_from)
    .collect()
}

fn entry_from(row: &sqlx::any::AnyRow) -> DataResult<TimelineEntry> {
    let kind: String = get(row, "kind")?;
    let status: Option<String> = get(row, "status")?;
    Ok(TimelineEntry {
        on: day_of(get(row, "at")?),
        by: get::<Option<String>>(row, "email")?.unwrap_or_default(),
        event: DecisionEvent::from_stored(&kind, status.as_deref(), get(row, "text")?)
            .ok_or(DataError::Fault("unknown decision event".into()))?,
    })
}

/// Publishes (or corrects) the "you said, we did" message. Children see it on their receipts.
pub async fn publish(
    db: &Db,
    decision_id: &str,
    message: &NewFeedback,
    published_by: &str,
) -> DataResult<()> {
    let NewFeedback {
        plain_text,
        easy_read,
        symbol,
    } = message;
    if symbol
        .as_deref()
        .is_some_and(|hex| Symbol::find(hex).is_none())
    {
        return Err(DataError::Invalid(StaffProblem::ChooseFromList(
            Choice::Picture,
        )));
    }
    let plain_text = required(Field::Message, plain_text)?;
    let easy_read = required(Field::EasyReadMessage, easy_read)?;
    exists(
        db,
        "decisions",
        decision_id,
        DataError::NotFound(Missing::Decision),
    )
    .await?;
    let linked = sqlx::query("SELECT contribution_id FROM decision_links WHERE decision_id = $1")
        .bind(decision_id)
        .fetch_optional(db.pool())
        .await?;
    if linked.is_none() {
        return Err(DataError::Invalid(StaffProblem::LinkBeforeFeedback));
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO feedback (decision_id, plain_text, easy_read, symbol, published_by, \
         published_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (decision_id) DO UPDATE SET plain_text = excluded.plain_text, \
         easy_read = excluded.easy_read, symbol = excluded.symbol, \
         published_by = excluded.published_by, published_at = excluded.published_at",
    )
    .bind(decision_id)
    .bind(&plain_text)
    .bind(&easy_read)
    .bind(symbol.as_deref())
    .bind(published_by)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let published = DecisionEvent::Published {
        message: plain_text,
    };
    record(&mut tx, decision_id, published_by, &published).await?;
    loops::refresh(&mut tx, Touched::Decision(decision_id)).await?;
    tx.commit().await?;
    Ok(())
}

const DECISION_COLUMNS: &str = "SELECT d.id, d.title, d.decided, d.status, d.decided_on, \
     d.stage, d.outcome_level, d.decision_maker, d.reason, p.title AS priority, f.name AS forum, \
     fb.plain_text, fb.easy_read, fb.symbol, fb.published_at \
     FROM decisions d JOIN priorities p ON p.id = d.priority_id \
     JOIN forums f ON f.id = d.forum_id LEFT JOIN feedback fb ON fb.decision_id = d.id";

/// A decision with its links, feedback and history.
pub async fn find(db: &Db, id: &str) -> DataResult<Decision> {
    let row = sqlx::query(&format!("{DECISION_COLUMNS} WHERE d.id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(Missing::Decision))?;
    let mut found = decision_from(&row, timeline(db, id).await?)?;
    found.links = links(db, id).await?;
    found.feedback_translations = super::translation::for_feedback(db, id).await?;
    Ok(found)
}

/// Decisions with their feedback and history but not their links, in the order of `ids`, for
/// a report that lists many: two queries for each few hundred, whatever their number.
pub async fn outcomes(db: &Db, ids: &[String]) -> DataResult<Vec<Decision>> {
    let mut decisions = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let list: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let list = list.join(", ");
        let fetch_for_chunk = |sql: String| async move {
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(id);
            }
            query.fetch_all(db.pool()).await
        };
        let rows = fetch_for_chunk(format!("{DECISION_COLUMNS} WHERE d.id IN ({list})")).await?;
        let events = fetch_for_chunk(format!(
            "SELECT e.decision_id, e.at, e.kind, e.status, e.text, u.email FROM decision_events e \
             LEFT JOIN staff_users u ON u.id = e.staff_id WHERE e.decision_id IN ({list}) \
             ORDER BY e.decision_id, e.seq"
        ))
        .await?;
        let mut histories: HashMap<String, Vec<TimelineEntry>> = HashMap::new();
        for row in events {
            histories
                .entry(get(&row, "decision_id")?)
                .or_default()
                .push(entry_from(&row)?);
        }
        let mut found: HashMap<String, Decision> = HashMap::new();
        for row in &rows {
            let id: String = get(row, "id")?;
            let history = histories.remove(&id).unwrap_or_default();
            found.insert(id, decision_from(row, history)?);
        }
        decisions.extend(chunk.iter().filter_map(|id| found.remove(id)));
    }
    Ok(decisions)
}

/// A decision from a row of `DECISION_COLUMNS`, without its links.
fn decision_from(row: &sqlx::any::AnyRow, timeline: Vec<TimelineEntry>) -> DataResult<Decision> {
    Ok(Decision {
        id: get(row, "id")?,
        title: get(row, "title")?,
        decided: get(row, "decided")?,
        status: status_from(row)?,
        stage: CommissioningStage::parse(&get::<String>(row, "stage")?)
            .ok_or(DataError::Fault("unknown commissioning stage".into()))?,
        outcome_level: OutcomeLevel::parse(&get::<String>(row, "outcome_level")?)
            .ok_or(DataError::Fault("unknown outcome level".into()))?,
        decision_maker: get(row, "decision_maker")?,
        reason: get(row, "reason")?,
        priority: get(row, "priority")?,
        forum: get(row, "forum")?,
        decided_on: day_of(get(row, "decided_on")?),
        links: Vec::new(),
        feedback: feedback_from(row)?,
        feedback_translations: Vec::new(),
        timeline,
    })
}

/// Decision makers see a link only while its contribution is released to them.
async fn links(db: &Db, id: &str) -> DataResult<Vec<DecisionLink>> {
    sqlx::query(concat!(
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
    .collect()
}

fn status_from(row: &sqlx::any::AnyRow) -> DataResult<DecisionStatus> {
    DecisionStatus::parse(&get::<String>(row, "status")?)
        .ok_or(DataError::Fault("unknown decision status".into()))
}

/// Every decision, or only those under one priority; newest first.
pub async fn list(db: &Db, priority_id: Option<&str>) -> DataResult<Vec<DecisionSummary>> {
    let condition = if priority_id.is_some() {
        "WHERE d.priority_id = $1"
    } else {
        ""
    };
    let sql = format!(
        "SELECT d.id, d.title, d.status, d.decided_on, p.title AS priority, fb.published_at \
         FROM decisions d JOIN priorities p ON p.id = d.priority_id \
         LEFT JOIN feedback fb ON fb.decision_id = d.id {condition} \
         ORDER BY d.decided_on DESC, d.id"
    );
    let mut query = sqlx::query(&sql);
    if let Some(priority_id) = priority_id {
        query = query.bind(priority_id);
    }
    query
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| {
            Ok(DecisionSummary {
                id: get(row, "id")?,
                title: get(row, "title")?,
                status: status_from(row)?,
                priority: get(row, "priority")?,
                decided_on: day_of(get(row, "decided_on")?),
                published: get::<Option<i64>>(row, "published_at")?.is_some(),
            })
        })
        .collect()
}

/// The published "you said, we did" in a row with `plain_text`, `easy_read`, `symbol` and
/// `published_at`; `None` before it is published.
pub(super) fn feedback_from(row: &sqlx::any::AnyRow) -> DataResult<Option<Feedback>> {
    let Some(published_at) = get::<Option<i64>>(row, "published_at")? else {
        return Ok(None);
    };
    Ok(Some(Feedback {
        plain_text: get(row, "plain_text")?,
        easy_read: get(row, "easy_read")?,
        symbol: get(row, "symbol")?,
        published_on: day_of(published_at),
        written_in: Language::English,
    }))
}
