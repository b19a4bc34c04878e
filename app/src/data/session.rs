//! Sessions: one facilitated occasion of an activity, joined by a code while it is open.

use super::{
    activity, codes, day_of, get, new_id, now, required, throttle, DataError, DataResult, Db,
};
use crate::domain::{
    mode_label, AnswerMode, Language, ProblemCode, Role, SessionSummary, SessionTally, SpaceRecord,
};
use crate::domain::{Choice, Field, Missing, StaffProblem};

const SUMMARY_SELECT: &str = "SELECT s.id, s.activity_id, a.title AS activity_title, s.place, \
     s.join_code, s.opened_at, s.held_on, s.closed_at, u.email AS facilitator, \
     (SELECT COUNT(*) FROM contributions c JOIN participations p ON p.id = c.participation_id \
      WHERE p.session_id = s.id) AS contribution_count \
     FROM sessions s JOIN activities a ON a.id = s.activity_id \
     JOIN staff_users u ON u.id = s.facilitator_id";

fn summary_from(row: &sqlx::any::AnyRow) -> DataResult<SessionSummary> {
    let opened_at: i64 = get(row, "opened_at")?;
    Ok(SessionSummary {
        id: get(row, "id")?,
        activity_id: get(row, "activity_id")?,
        activity_title: get(row, "activity_title")?,
        place: get(row, "place")?,
        join_code: get(row, "join_code")?,
        opened_on: day_of(opened_at),
        held_on: day_of(get::<Option<i64>>(row, "held_on")?.unwrap_or(opened_at)),
        facilitator: get(row, "facilitator")?,
        open: get::<Option<i64>>(row, "closed_at")?.is_none(),
        contribution_count: get(row, "contribution_count")?,
    })
}

/// What a facilitator gives when opening a session.
#[derive(Clone, Debug)]
pub struct NewSession<'a> {
    pub activity_id: &'a str,
    pub place: &'a str,
    pub facilitator_id: &'a str,
    /// The day it is held; today when not given.
    pub held_on: Option<i64>,
    /// Who is expected, e.g. "Year 9 at a special school": the start of the Space record.
    pub expected_group: &'a str,
}

impl<'a> NewSession<'a> {
    pub fn new(activity_id: &'a str, place: &'a str, facilitator_id: &'a str) -> Self {
        Self {
            activity_id,
            place,
            facilitator_id,
            held_on: None,
            expected_group: "",
        }
    }
}

/// Opens a session of an activity and gives it a fresh join code.
pub async fn open(db: &Db, new: NewSession<'_>) -> DataResult<SessionSummary> {
    let place = required(Field::Place, new.place)?;
    activity::find(db, new.activity_id).await?;
    let facilitator =
        sqlx::query("SELECT role FROM staff_users WHERE id = $1 AND disabled_at IS NULL")
            .bind(new.facilitator_id)
            .fetch_optional(db.pool())
            .await?;
    let runs_sessions = facilitator
        .map(|row| get::<String>(&row, "role"))
        .transpose()?
        .and_then(|role| Role::parse(&role))
        .is_some_and(Role::can_facilitate);
    if !runs_sessions {
        return Err(DataError::Invalid(StaffProblem::ChooseFromList(
            Choice::Facilitator,
        )));
    }
    let opened_at = now();
    let held_on = new.held_on.unwrap_or(opened_at - opened_at % 86_400);
    let id = new_id();
    // A clash with an existing code is vanishingly rare; try again rather than fail.
    for _ in 0..5 {
        let inserted = sqlx::query(
            "INSERT INTO sessions (id, activity_id, place, facilitator_id, join_code, opened_at, \
             held_on) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(new.activity_id)
        .bind(&place)
        .bind(new.facilitator_id)
        .bind(codes::join_code())
        .bind(opened_at)
        .bind(held_on)
        .execute(db.pool())
        .await;
        match inserted {
            Ok(_) => {
                if !new.expected_group.trim().is_empty() {
                    let record = SpaceRecord {
                        expected_group: new.expected_group.to_owned(),
                        ..SpaceRecord::default()
                    };
                    save_space(db, &id, record).await?;
                }
                return find(db, &id).await;
            }
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(DataError::Conflict(StaffProblem::NoUniqueJoinCode))
}

pub async fn find(db: &Db, id: &str) -> DataResult<SessionSummary> {
    let row = sqlx::query(&format!("{SUMMARY_SELECT} WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(Missing::Session))?;
    summary_from(&row)
}

pub async fn list(db: &Db) -> DataResult<Vec<SessionSummary>> {
    sqlx::query(&format!(
        "{SUMMARY_SELECT} ORDER BY s.held_on DESC, s.opened_at DESC, s.id"
    ))
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(summary_from)
    .collect()
}

pub async fn close(db: &Db, id: &str) -> DataResult<()> {
    sqlx::query("UPDATE sessions SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL")
        .bind(now())
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The open session a typed join code belongs to.
pub async fn by_join_code(db: &Db, typed: &str) -> DataResult<String> {
    let code = codes::typed_join_code(typed);
    if code.is_empty() {
        return Err(DataError::Coded(ProblemCode::JoinCodeMissing));
    }
    let row = sqlx::query("SELECT id FROM sessions WHERE join_code = $1 AND closed_at IS NULL")
        .bind(&code)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| DataError::Coded(ProblemCode::JoinCodeUnknown))?;
    get(&row, "id")
}

/// Joins with a typed code, unless this address has typed too many wrong codes lately. Only
/// wrong codes count, and only per address: there is no budget shared by everyone that an
/// outsider could use up, and a school's own mistypes never reach its limit.
pub async fn join_limited(
    db: &Db,
    typed: &str,
    address: &str,
    language: Language,
) -> DataResult<String> {
    let counted = throttle::count(db, &throttle::JOIN_ADDRESS, address).await?;
    let joined = super::contribution::join_in(db, typed, language).await;
    if joined.is_ok() {
        counted.forgive(db).await?;
    }
    joined
}

/// The session's Space record; empty until the facilitator fills it in.
pub async fn space(db: &Db, session_id: &str) -> DataResult<SpaceRecord> {
    let row = sqlx::query(
        "SELECT setting, expected_group, invited, missing, adjustments, opening_checks, \
         closing_checks FROM space_records WHERE session_id = $1",
    )
    .bind(session_id)
    .fetch_optional(db.pool())
    .await?;
    match row {
        Some(row) => space_from(&row),
        None => Ok(SpaceRecord::default()),
    }
}

/// A Space record from a row of `space_records`' columns.
pub(super) fn space_from(row: &sqlx::any::AnyRow) -> DataResult<SpaceRecord> {
    let list = |column: &str| -> DataResult<Vec<String>> {
        Ok(get::<Option<String>>(row, column)?
            .unwrap_or_default()
            .split(',')
            .filter(|code| !code.is_empty())
            .map(str::to_owned)
            .collect())
    };
    let text = |column: &str| -> DataResult<String> {
        Ok(get::<Option<String>>(row, column)?.unwrap_or_default())
    };
    Ok(SpaceRecord {
        setting: text("setting")?,
        expected_group: text("expected_group")?,
        invited: text("invited")?,
        missing: text("missing")?,
        adjustments: list("adjustments")?,
        opening: list("opening_checks")?,
        closing: list("closing_checks")?,
    })
}

pub async fn save_space(db: &Db, session_id: &str, record: SpaceRecord) -> DataResult<()> {
    find(db, session_id).await?;
    let record = record.tidy();
    sqlx::query(
        "INSERT INTO space_records (session_id, setting, expected_group, invited, missing, \
         adjustments, opening_checks, closing_checks, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (session_id) DO UPDATE SET setting = $2, expected_group = $3, invited = $4, \
         missing = $5, adjustments = $6, opening_checks = $7, closing_checks = $8, updated_at = $9",
    )
    .bind(session_id)
    .bind(record.setting.trim())
    .bind(record.expected_group.trim())
    .bind(record.invited.trim())
    .bind(record.missing.trim())
    .bind(record.adjustments.join(","))
    .bind(record.opening.join(","))
    .bind(record.closing.join(","))
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The counts a session closes with: children, answers by way of answering, by question and by
/// theme. Hidden contributions count: they were said, even if decision makers do not see them.
pub async fn tally(db: &Db, session_id: &str) -> DataResult<SessionTally> {
    let counts = |sql: &'static str| async move {
        sqlx::query(sql)
            .bind(session_id)
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|row| Ok((get::<String>(row, "name")?, get::<i64>(row, "n")?)))
            .collect::<DataResult<Vec<(String, i64)>>>()
    };
    let children = sqlx::query(
        "SELECT COUNT(*) AS n FROM participations WHERE session_id = $1 AND assented_at IS NOT NULL",
    )
    .bind(session_id)
    .fetch_one(db.pool())
    .await?;
    let by_mode = counts(
        "SELECT c.mode AS name, COUNT(*) AS n FROM contributions c \
         JOIN participations p ON p.id = c.participation_id WHERE p.session_id = $1 \
         GROUP BY c.mode ORDER BY COUNT(*) DESC, c.mode",
    )
    .await?
    .into_iter()
    .map(|(mode, n)| (mode_label(AnswerMode::parse(&mode)).to_owned(), n))
    .collect();
    let by_prompt = counts(
        "SELECT pr.text AS name, COUNT(c.id) AS n FROM sessions s \
         JOIN prompts pr ON pr.activity_id = s.activity_id \
         LEFT JOIN contributions c ON c.prompt_id = pr.id AND c.participation_id IN \
           (SELECT id FROM participations WHERE session_id = s.id) \
         WHERE s.id = $1 GROUP BY pr.id, pr.position, pr.text ORDER BY pr.position",
    )
    .await?;
    let by_theme = counts(
        "SELECT t.name AS name, COUNT(*) AS n FROM contribution_themes ct \
         JOIN themes t ON t.id = ct.theme_id JOIN contributions c ON c.id = ct.contribution_id \
         JOIN participations p ON p.id = c.participation_id WHERE p.session_id = $1 \
         GROUP BY t.name ORDER BY COUNT(*) DESC, t.name",
    )
    .await?;
    Ok(SessionTally {
        children: get(&children, "n")?,
        by_mode,
        by_prompt,
        by_theme,
    })
}
