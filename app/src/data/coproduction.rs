//! The co-production audit: for a period, the sessions held (where, with which group, who was
//! missing, the adjustments made), the children's own "How was today?", and how many of their
//! loops were closed. The "auditing of voice of the child and co-production" the strategies
//! ask for, from the records sessions already keep.

use super::{day_of, get, session, DataResult, Db};
use crate::domain::{AuditedSession, CoproductionAudit, TodaySummary, ADJUSTMENTS};
use std::collections::HashMap;

/// Sessions held on days in `[from, until)` (Unix seconds; either end open).
pub async fn audit(
    db: &Db,
    from: Option<i64>,
    until: Option<i64>,
) -> DataResult<CoproductionAudit> {
    let (from_at, until_at) = (from.unwrap_or(i64::MIN), until.unwrap_or(i64::MAX));
    const IN_PERIOD: &str = "COALESCE(ss.held_on, ss.opened_at) >= $1 \
                             AND COALESCE(ss.held_on, ss.opened_at) < $2";
    let period_rows = |sql: String| in_period(db, sql, from_at, until_at);
    let sessions = period_rows(format!(
        "SELECT ss.id, COALESCE(ss.held_on, ss.opened_at) AS day, ss.place, ss.closed_at, \
         a.title AS activity, u.email AS facilitator, r.setting, r.expected_group, r.invited, \
         r.missing, r.adjustments, r.opening_checks, r.closing_checks \
         FROM sessions ss JOIN activities a ON a.id = ss.activity_id \
         JOIN staff_users u ON u.id = ss.facilitator_id \
         LEFT JOIN space_records r ON r.session_id = ss.id WHERE {IN_PERIOD} ORDER BY day, ss.id"
    ))
    .await?;
    let children = per_session(
        &period_rows(format!(
            "SELECT p.session_id, COUNT(*) AS n FROM participations p \
             JOIN sessions ss ON ss.id = p.session_id WHERE {IN_PERIOD} GROUP BY p.session_id"
        ))
        .await?,
        "n",
    )?;
    let contribution_rows = period_rows(format!(
        "SELECT p.session_id, COUNT(*) AS n, \
         SUM(CASE WHEN c.fed_back_at IS NOT NULL THEN 1 ELSE 0 END) AS closed \
         FROM contributions c JOIN participations p ON p.id = c.participation_id \
         JOIN sessions ss ON ss.id = p.session_id \
         WHERE c.mode <> 'declined' AND {IN_PERIOD} GROUP BY p.session_id"
    ))
    .await?;
    let contributions = per_session(&contribution_rows, "n")?;
    let loops_closed = per_session(&contribution_rows, "closed")?;
    let mut today: HashMap<String, TodaySummary> = HashMap::new();
    for row in period_rows(format!(
        "SELECT p.session_id, e.listened, e.could_say FROM session_evaluations e \
         JOIN participations p ON p.id = e.participation_id \
         JOIN sessions ss ON ss.id = p.session_id WHERE {IN_PERIOD}"
    ))
    .await?
    {
        today
            .entry(get(&row, "session_id")?)
            .or_default()
            .add(get(&row, "listened")?, get(&row, "could_say")?);
    }

    let mut audit = CoproductionAudit {
        period: period_in_words(from, until),
        sessions: Vec::new(),
        today: TodaySummary::default(),
        adjustments: Vec::new(),
    };
    let mut adjustments: HashMap<String, i64> = HashMap::new();
    for row in &sessions {
        let id: String = get(row, "id")?;
        let space = session::space_from(row)?;
        for code in &space.adjustments {
            *adjustments.entry(code.clone()).or_default() += 1;
        }
        let closed = get::<Option<i64>>(row, "closed_at")?.is_some();
        let session_today = today.remove(&id).unwrap_or_default();
        for (total, one) in [
            (&mut audit.today.listened, session_today.listened),
            (&mut audit.today.could_say, session_today.could_say),
        ] {
            total.iter_mut().zip(one).for_each(|(t, n)| *t += n);
        }
        audit.sessions.push(AuditedSession {
            held_on: day_of(get(row, "day")?),
            place: get(row, "place")?,
            activity: get(row, "activity")?,
            facilitator: get(row, "facilitator")?,
            gaps: space.gaps(closed),
            space,
            children: children.get(&id).copied().unwrap_or(0),
            contributions: contributions.get(&id).copied().unwrap_or(0),
            loops_closed: loops_closed.get(&id).copied().unwrap_or(0),
            today: session_today,
        });
    }
    audit.adjustments = ADJUSTMENTS
        .iter()
        .filter_map(|(code, label)| adjustments.get(*code).map(|n| ((*label).to_owned(), *n)))
        .collect();
    audit.adjustments.sort_by(|a, b| b.1.cmp(&a.1));
    Ok(audit)
}

async fn in_period(
    db: &Db,
    sql: String,
    from: i64,
    until: i64,
) -> Result<Vec<sqlx::any::AnyRow>, sqlx::Error> {
    sqlx::query(&sql)
        .bind(from)
        .bind(until)
        .fetch_all(db.pool())
        .await
}

/// A count per session from rows of `session_id` and `column` (a SUM over nothing is NULL).
fn per_session(rows: &[sqlx::any::AnyRow], column: &str) -> DataResult<HashMap<String, i64>> {
    rows.iter()
        .map(|row| {
            Ok((
                get(row, "session_id")?,
                get::<Option<i64>>(row, column)?.unwrap_or(0),
            ))
        })
        .collect()
}

/// The period as a person reads it; `until` is exclusive, so the last day shown is the one before.
pub fn period_in_words(from: Option<i64>, until: Option<i64>) -> String {
    match (from, until) {
        (None, None) => "all time".into(),
        (Some(from), None) => format!("from {}", day_of(from)),
        (None, Some(until)) => format!("until {}", day_of(until - 86_400)),
        (Some(from), Some(until)) => format!("from {} to {}", day_of(from), day_of(until - 86_400)),
    }
}
