//! Concerns: a child pressed "I'm worried", or an adult raised one about what a child said.
//! Each is stored with the first entry of its chronology in one transaction, so it cannot be
//! lost between being raised and reaching the safeguarding lead's queue. The chronology is
//! append-only: the application has no way to change an entry, and the database refuses to.
//! While a concern is open, what the child said in that turn is held back from decision makers.

use super::{audit, get, moment_of, new_id, now, trail, DataError, DataResult, Db};
use crate::domain::{ChronologyEntry, ConcernCase, ConcernNote, ConcernSummary, ProblemCode};
use crate::domain::{Missing, StaffProblem};

/// What can be added to a chronology after a concern is raised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Decision,
    Action,
    Outcome,
    Note,
}

impl Entry {
    pub fn parse(kind: &str) -> Option<Self> {
        match kind {
            "decision" => Some(Entry::Decision),
            "action" => Some(Entry::Action),
            "outcome" => Some(Entry::Outcome),
            "note" => Some(Entry::Note),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Entry::Decision => "decision",
            Entry::Action => "action",
            Entry::Outcome => "outcome",
            Entry::Note => "note",
        }
    }
}

/// A child's "I'm worried" from their turn on the tablet. `request` is the press's id, made
/// with the page: the same press sent again (a tablet resending after the Wi-Fi came back) is
/// stored once. Without a usable id the press gets a new one.
pub async fn raise_by_child(
    db: &Db,
    participation_id: &str,
    request: Option<&str>,
) -> DataResult<()> {
    let id = request
        .and_then(|r| uuid::Uuid::parse_str(r).ok())
        .map_or_else(new_id, |r| r.to_string());
    let row = sqlx::query("SELECT session_id FROM participations WHERE id = $1")
        .bind(participation_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::Coded(ProblemCode::TurnNotFound))?;
    let session_id: String = get(&row, "session_id")?;
    let mut tx = db.pool().begin().await?;
    let raised = sqlx::query(
        "INSERT INTO concerns (id, session_id, participation_id, source, raised_at) \
         VALUES ($1, $2, $3, 'child', $4) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&id)
    .bind(&session_id)
    .bind(participation_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    if raised.rows_affected() == 1 {
        append_in(&mut tx, &id, None, "raised", "").await?;
    }
    tx.commit().await?;
    db.announce(&session_id).await;
    db.announce(super::SAFEGUARDING).await;
    // Which turn it came from stays in the database for the safeguarding lead, not in logs.
    tracing::warn!("a child raised a concern");
    Ok(())
}

/// A facilitator is worried by something a child said.
pub async fn raise_by_staff(
    db: &Db,
    contribution_id: &str,
    staff_id: &str,
    note: &str,
) -> DataResult<String> {
    let row = sqlx::query(
        "SELECT c.participation_id, p.session_id FROM contributions c \
         JOIN participations p ON p.id = c.participation_id WHERE c.id = $1",
    )
    .bind(contribution_id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::NotFound(Missing::Contribution))?;
    let id = new_id();
    let session_id: String = get(&row, "session_id")?;
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO concerns (id, session_id, participation_id, contribution_id, source, raised_at) \
         VALUES ($1, $2, $3, $4, 'facilitator', $5)",
    )
    .bind(&id)
    .bind(&session_id)
    .bind(get::<String>(&row, "participation_id")?)
    .bind(contribution_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    append_in(&mut tx, &id, Some(staff_id), "raised", note.trim()).await?;
    tx.commit().await?;
    db.announce(&session_id).await;
    db.announce(super::SAFEGUARDING).await;
    tracing::warn!("a member of staff raised a concern");
    Ok(id)
}

/// Triage flagged a text answer (a kind of harm, or a phrase of the lead's list): a concern about it,
/// written in the same transaction as the answer so the flag cannot be lost.
pub(super) async fn raise_by_triage_in(
    conn: &mut sqlx::AnyConnection,
    participation_id: &str,
    contribution_id: &str,
    reasons: &[&str],
    list_version: i64,
) -> Result<(), sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO concerns (id, session_id, participation_id, contribution_id, source, raised_at) \
         SELECT $1, session_id, $2, $3, 'triage', $4 FROM participations WHERE id = $2",
    )
    .bind(&id)
    .bind(participation_id)
    .bind(contribution_id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    let why = format!(
        "Flagged by triage: {} (phrase list version {list_version})",
        reasons.join("; ")
    );
    append_in(conn, &id, None, "raised", &why)
        .await
        .map_err(|error| match error {
            DataError::Database(error) => error,
            other => sqlx::Error::Protocol(other.to_string()),
        })
}

async fn append_in(
    conn: &mut sqlx::AnyConnection,
    concern_id: &str,
    staff_id: Option<&str>,
    kind: &str,
    text: &str,
) -> DataResult<()> {
    audit::append(
        conn,
        audit::Trail::Concern,
        concern_id,
        staff_id,
        kind,
        text,
        None,
    )
    .await
}

/// Concerns raised in a session, newest first, for its facilitator.
pub async fn for_session(db: &Db, session_id: &str) -> DataResult<Vec<ConcernNote>> {
    sqlx::query(
        "SELECT c.source, c.raised_at, p.receipt_code FROM concerns c \
         LEFT JOIN participations p ON p.id = c.participation_id \
         WHERE c.session_id = $1 ORDER BY c.raised_at DESC, c.id",
    )
    .bind(session_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| {
        Ok(ConcernNote {
            source: get(row, "source")?,
            raised_at: moment_of(get(row, "raised_at")?),
            receipt_code: get(row, "receipt_code")?,
        })
    })
    .collect()
}

const SUMMARY: &str = "SELECT k.id, k.source, k.raised_at, k.cleared_at, k.participation_id, \
     p.receipt_code, s.place, \
     a.title AS activity, \
     (SELECT COUNT(*) FROM concern_events e WHERE e.concern_id = k.id AND e.kind = 'viewed') AS views \
     FROM concerns k JOIN sessions s ON s.id = k.session_id \
     JOIN activities a ON a.id = s.activity_id \
     LEFT JOIN participations p ON p.id = k.participation_id";

fn summary_from(row: &sqlx::any::AnyRow) -> DataResult<ConcernSummary> {
    Ok(ConcernSummary {
        id: get(row, "id")?,
        source: get(row, "source")?,
        raised_at: moment_of(get(row, "raised_at")?),
        activity: get(row, "activity")?,
        place: get(row, "place")?,
        receipt_code: get(row, "receipt_code")?,
        new: get::<i64>(row, "views")? == 0,
        cleared: get::<Option<i64>>(row, "cleared_at")?.is_some(),
    })
}

/// The safeguarding lead's queue: open concerns first, newest first.
pub async fn queue(db: &Db) -> DataResult<Vec<ConcernSummary>> {
    sqlx::query(&format!(
        "{SUMMARY} ORDER BY CASE WHEN k.cleared_at IS NULL THEN 0 ELSE 1 END, k.raised_at DESC, k.id"
    ))
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(summary_from)
    .collect()
}

/// How many concerns no one has opened yet: the alert on the safeguarding lead's pages.
pub async fn unopened(db: &Db) -> DataResult<i64> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM concerns k WHERE NOT EXISTS \
         (SELECT 1 FROM concern_events e WHERE e.concern_id = k.id AND e.kind = 'viewed')",
    )
    .fetch_one(db.pool())
    .await?;
    get(&row, "n")
}

/// Opens a concern for the safeguarding lead; that they viewed it goes into its chronology.
pub async fn open(db: &Db, concern_id: &str, staff_id: &str) -> DataResult<ConcernCase> {
    let row = sqlx::query(&format!("{SUMMARY} WHERE k.id = $1"))
        .bind(concern_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(Missing::Concern))?;
    let mut conn = db.pool().acquire().await?;
    append_in(&mut conn, concern_id, Some(staff_id), "viewed", "").await?;
    drop(conn);
    let contributions = match get::<Option<String>>(&row, "participation_id")? {
        Some(turn) => trail::load(db, trail::Scope::Participation(&turn)).await?,
        None => Vec::new(),
    };
    Ok(ConcernCase {
        summary: summary_from(&row)?,
        chronology: chronology(db, concern_id).await?,
        contributions,
    })
}

pub async fn chronology(db: &Db, concern_id: &str) -> DataResult<Vec<ChronologyEntry>> {
    sqlx::query(
        "SELECT e.at, e.kind, e.text, u.email FROM concern_events e \
         LEFT JOIN staff_users u ON u.id = e.staff_id \
         WHERE e.concern_id = $1 ORDER BY e.seq",
    )
    .bind(concern_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| {
        Ok(ChronologyEntry {
            at: moment_of(get(row, "at")?),
            by: get(row, "email")?,
            kind: get(row, "kind")?,
            text: get(row, "text")?,
        })
    })
    .collect()
}

/// Adds a decision, action, outcome or note, with who and when.
pub async fn record(
    db: &Db,
    concern_id: &str,
    staff_id: &str,
    entry: Entry,
    text: &str,
) -> DataResult<()> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DataError::Invalid(StaffProblem::WriteWhatWasDone));
    }
    exists(db, concern_id).await?;
    let mut conn = db.pool().acquire().await?;
    append_in(&mut conn, concern_id, Some(staff_id), entry.as_str(), text).await
}

/// A note, by nobody in particular, on every open concern of a turn: the safeguarding lead
/// reads in the chronology what happened to the turn while the concern held it.
pub async fn note_on_open(db: &Db, participation_id: &str, text: &str) -> DataResult<()> {
    let open: Vec<String> =
        sqlx::query("SELECT id FROM concerns WHERE participation_id = $1 AND cleared_at IS NULL")
            .bind(participation_id)
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|row| get(row, "id"))
            .collect::<DataResult<_>>()?;
    let mut conn = db.pool().acquire().await?;
    for concern_id in open {
        append_in(&mut conn, &concern_id, None, "note", text).await?;
    }
    Ok(())
}

/// The safeguarding lead clears the concern, with the reason: what the child said is no longer
/// held back from decision makers.
pub async fn clear(db: &Db, concern_id: &str, staff_id: &str, reason: &str) -> DataResult<()> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(DataError::Invalid(StaffProblem::WriteWhyCleared));
    }
    exists(db, concern_id).await?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE concerns SET cleared_at = $1 WHERE id = $2 AND cleared_at IS NULL")
        .bind(now())
        .bind(concern_id)
        .execute(&mut *tx)
        .await?;
    append_in(&mut tx, concern_id, Some(staff_id), "cleared", reason).await?;
    tx.commit().await?;
    Ok(())
}

async fn exists(db: &Db, concern_id: &str) -> DataResult<()> {
    sqlx::query("SELECT id FROM concerns WHERE id = $1")
        .bind(concern_id)
        .fetch_optional(db.pool())
        .await?
        .map(|_| ())
        .ok_or(DataError::NotFound(Missing::Concern))
}

/// How long a concern waits for its email alert before it is no longer news: when alerts are
/// first configured, older concerns do not flood the leads' inboxes.
const ALERT_WITHIN_SECS: i64 = 24 * 60 * 60;

/// Concerns whose email alert has not gone yet.
pub async fn awaiting_alert(db: &Db) -> DataResult<Vec<String>> {
    sqlx::query(
        "SELECT id FROM concerns WHERE alerted_at IS NULL AND raised_at > $1 ORDER BY raised_at",
    )
    .bind(now() - ALERT_WITHIN_SECS)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| get(row, "id"))
    .collect()
}

/// Claims every concern whose alert has not gone yet, in one statement, so that of several Heard
/// servers hearing of the same concern only one sends its email; returns the claimed ids.
pub async fn claim_alerts(db: &Db) -> DataResult<Vec<String>> {
    sqlx::query(
        "UPDATE concerns SET alerted_at = $1 WHERE alerted_at IS NULL AND raised_at > $2 RETURNING id",
    )
    .bind(now())
    .bind(now() - ALERT_WITHIN_SECS)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| get(row, "id"))
    .collect()
}

/// Gives back claimed alerts whose email did not go, for the next try.
pub async fn release_alerts(db: &Db, concern_ids: &[String]) -> DataResult<()> {
    for id in concern_ids {
        sqlx::query("UPDATE concerns SET alerted_at = NULL WHERE id = $1")
            .bind(id)
            .execute(db.pool())
            .await?;
    }
    Ok(())
}
