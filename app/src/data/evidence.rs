//! Evidence of influence: the Lundy funnel (said, heard, decided, fed back) for a priority,
//! an activity and a period, the children's "did we get it right?", how long the loop takes,
//! the mix of ways children answered, Space coverage, and loops still open. Computed in SQL so
//! it stays quick on a million contributions; exports carry only what decision makers may see.

use super::{format_date, get, new_id, now, session, trail, DataResult, Db};
use crate::domain::{
    mode_label, AnswerMode, Dashboard, EvidenceFilter, ExportRow, Funnel, OverdueLoop,
};

/// Which contributions: children's answers (not "I'd rather not say") in the filter. Binds
/// $1 activity ('' for any), $2 priority ('' for any), $3 from and $4 until (Unix seconds).
const SCOPE: &str = "SELECT c.id, c.created_at, c.mode, c.participation_id, p.session_id \
     FROM contributions c JOIN participations p ON p.id = c.participation_id \
     JOIN sessions s ON s.id = p.session_id \
     WHERE c.mode <> 'declined' AND ($1 = '' OR s.activity_id = $1) \
     AND ($2 = '' OR s.activity_id IN (SELECT activity_id FROM activity_priorities WHERE priority_id = $2)) \
     AND c.created_at >= $3 AND c.created_at < $4";

/// Each contribution in scope with when it was first heard in a presented hearing pack, when
/// a decision linked to it was made (its forum heard it then), and when it was first fed back:
/// indexed lookups per row, so the cost grows with the contributions in scope only.
const LOOPS: &str = "SELECT scope.id, scope.created_at, \
     (SELECT MIN(h.held_on) FROM hearing_items hi JOIN hearings h ON h.id = hi.hearing_id \
       WHERE hi.contribution_id = scope.id AND h.presented_at IS NOT NULL) AS hearing_at, \
     (SELECT MIN(d.decided_on) FROM decision_links dl JOIN decisions d ON d.id = dl.decision_id \
       WHERE dl.contribution_id = scope.id) AS decided_at, \
     (SELECT MIN(fb.published_at) FROM decision_links dl JOIN feedback fb \
       ON fb.decision_id = dl.decision_id WHERE dl.contribution_id = scope.id) AS fed_at \
     FROM scope";

/// The earlier of the two ways of being heard (portable: SQLite's MIN(a, b) is NULL if either is).
const HEARD_AT: &str = "CASE WHEN hearing_at IS NULL THEN decided_at \
     WHEN decided_at IS NULL OR hearing_at < decided_at THEN hearing_at ELSE decided_at END";

fn with_scope(body: &str) -> String {
    format!("WITH scope AS ({SCOPE}), loops AS ({LOOPS}) {body}")
}

fn bind<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    filter: &'q EvidenceFilter,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    query
        .bind(filter.activity_id.as_str())
        .bind(filter.priority_id.as_str())
        .bind(filter.from.unwrap_or(0))
        .bind(filter.until.unwrap_or(i64::MAX))
}

pub async fn dashboard(db: &Db, filter: &EvidenceFilter) -> DataResult<Dashboard> {
    let counts_sql = with_scope(&format!(
        "SELECT COUNT(*) AS said, COUNT({HEARD_AT}) AS heard, COUNT(decided_at) AS linked, \
         COUNT(fed_at) AS fed_back FROM loops"
    ));
    let counts = bind(sqlx::query(&counts_sql), filter)
        .fetch_one(db.pool())
        .await?;
    let funnel = Funnel {
        said: get(&counts, "said")?,
        heard: get(&counts, "heard")?,
        linked: get(&counts, "linked")?,
        fed_back: get(&counts, "fed_back")?,
    };

    let replies_sql = with_scope(
        "SELECT r.value, COUNT(*) AS n FROM feedback_replies r \
         WHERE r.participation_id IN (SELECT participation_id FROM scope) GROUP BY r.value",
    );
    let mut replies = [0_i64; 5];
    for row in bind(sqlx::query(&replies_sql), filter)
        .fetch_all(db.pool())
        .await?
    {
        let value: i64 = get(&row, "value")?;
        if let Some(slot) = usize::try_from(value - 1)
            .ok()
            .and_then(|i| replies.get_mut(i))
        {
            *slot = get(&row, "n")?;
        }
    }

    let modes_sql = with_scope(
        "SELECT mode, COUNT(*) AS n FROM scope GROUP BY mode ORDER BY COUNT(*) DESC, mode",
    );
    let modes = bind(sqlx::query(&modes_sql), filter)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| {
            let mode: String = get(row, "mode")?;
            Ok((
                mode_label(AnswerMode::parse(&mode)).to_owned(),
                get(row, "n")?,
            ))
        })
        .collect::<DataResult<_>>()?;

    let median_days_to_heard = median_days(db, filter, HEARD_AT, funnel.heard).await?;
    let median_days_to_fed_back = median_days(db, filter, "fed_at", funnel.fed_back).await?;
    let (sessions, sessions_with_space) = space_coverage(db, filter).await?;
    let (overdue_total, overdue) = overdue(db, filter).await?;
    Ok(Dashboard {
        funnel,
        replies,
        median_days_to_heard,
        median_days_to_fed_back,
        modes,
        sessions,
        sessions_with_space,
        overdue_weeks: filter.overdue_weeks(),
        overdue_total,
        overdue,
    })
}

/// The median number of days from being said to `step` (an expression over `loops`), over the
/// `n` contributions that got there. Portable SQL: the middle rows by offset.
async fn median_days(
    db: &Db,
    filter: &EvidenceFilter,
    step: &str,
    n: i64,
) -> DataResult<Option<f64>> {
    if n == 0 {
        return Ok(None);
    }
    // One middle row for an odd count, the two middle rows for an even one.
    let (offset, take) = if n % 2 == 1 {
        (n / 2, 1)
    } else {
        (n / 2 - 1, 2)
    };
    let middle_sql = with_scope(&format!(
        "SELECT waited FROM (SELECT ({step}) - created_at AS waited FROM loops) w \
         WHERE waited IS NOT NULL ORDER BY waited LIMIT {take} OFFSET {offset}"
    ));
    let middle: Vec<i64> = bind(sqlx::query(&middle_sql), filter)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| get(row, "waited"))
        .collect::<DataResult<_>>()?;
    let seconds = middle.iter().sum::<i64>() as f64 / middle.len() as f64;
    Ok(Some(seconds / 86_400.0))
}

/// Sessions in scope, and how many of them have a Space record with nothing missing.
async fn space_coverage(db: &Db, filter: &EvidenceFilter) -> DataResult<(i64, i64)> {
    let sql = with_scope(
        "SELECT s.closed_at, r.setting, r.expected_group, r.invited, r.missing, r.adjustments, \
         r.opening_checks, r.closing_checks FROM sessions s \
         LEFT JOIN space_records r ON r.session_id = s.id \
         WHERE s.id IN (SELECT session_id FROM scope)",
    );
    let rows = bind(sqlx::query(&sql), filter).fetch_all(db.pool()).await?;
    let mut complete = 0;
    for row in &rows {
        let closed = get::<Option<i64>>(row, "closed_at")?.is_some();
        if session::space_from(row)?.gaps(closed).is_empty() {
            complete += 1;
        }
    }
    Ok((rows.len() as i64, complete))
}

/// How many loops are open past the weeks allowed, and the 50 oldest with who owns each: the
/// facilitator of the session where the child said it.
async fn overdue(db: &Db, filter: &EvidenceFilter) -> DataResult<(i64, Vec<OverdueLoop>)> {
    let cutoff = now() - filter.overdue_weeks() * 7 * 86_400;
    let condition = format!(
        "FROM scope JOIN sessions s ON s.id = scope.session_id \
         JOIN activities a ON a.id = s.activity_id JOIN staff_users u ON u.id = s.facilitator_id \
         JOIN contributions c ON c.id = scope.id JOIN prompts pr ON pr.id = c.prompt_id \
         WHERE scope.created_at < {cutoff} AND c.erased_at IS NULL AND NOT EXISTS \
           (SELECT 1 FROM decision_links dl JOIN feedback fb ON fb.decision_id = dl.decision_id \
            WHERE dl.contribution_id = scope.id)"
    );
    let total_sql = with_scope(&format!("SELECT COUNT(*) AS n {condition}"));
    let total: i64 = get(
        &bind(sqlx::query(&total_sql), filter)
            .fetch_one(db.pool())
            .await?,
        "n",
    )?;
    let list_sql = with_scope(&format!(
        "SELECT scope.created_at, a.title AS activity, pr.text AS prompt, u.email AS owner \
         {condition} ORDER BY scope.created_at, scope.id LIMIT 50"
    ));
    let loops = bind(sqlx::query(&list_sql), filter)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| {
            let said_at: i64 = get(row, "created_at")?;
            Ok(OverdueLoop {
                said_on: format_date(said_at),
                weeks: (now() - said_at) / (7 * 86_400),
                activity: get(row, "activity")?,
                prompt: get(row, "prompt")?,
                owner: get(row, "owner")?,
            })
        })
        .collect::<DataResult<_>>()?;
    Ok((total, loops))
}

/// What an export carries: only contributions decision makers may see (nothing held back or
/// hidden, pictures and recordings only with the child's consent, described in words), and
/// nothing that identifies a child: no receipt codes, no ids, no places.
pub async fn export_rows(db: &Db, filter: &EvidenceFilter) -> DataResult<Vec<ExportRow>> {
    let sql = with_scope(concat!(
        "SELECT c.id FROM scope JOIN contributions c ON c.id = scope.id WHERE ",
        trail::presentable!(),
        " ORDER BY scope.created_at, scope.id"
    ));
    let wanted: std::collections::HashSet<String> = bind(sqlx::query(&sql), filter)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| get(row, "id"))
        .collect::<DataResult<_>>()?;
    let mut rows = Vec::with_capacity(wanted.len());
    for c in trail::load(db, trail::Scope::Presentable).await? {
        if !wanted.contains(&c.id) {
            continue;
        }
        let answer = match c.answer.media() {
            Some(_) => c
                .description
                .clone()
                .map(|d| format!("{} described: {d}", mode_label(c.answer.mode())))
                .unwrap_or_else(|| format!("{} (not described yet)", mode_label(c.answer.mode()))),
            None => c.answer.describe(),
        };
        rows.push(ExportRow {
            activity: c.trail.space.activity.clone(),
            said_on: c.trail.space.said_on.clone(),
            prompt: c.prompt.clone(),
            way: mode_label(c.answer.mode()).to_owned(),
            answer,
            themes: c.themes.iter().map(|t| t.name.clone()).collect(),
            heard: c
                .trail
                .audience
                .iter()
                .map(|a| format!("{}, {}", a.forum, a.heard_on))
                .collect(),
            decisions: c
                .trail
                .influence
                .iter()
                .map(|i| i.decision.clone())
                .collect(),
            fed_back_on: c
                .trail
                .influence
                .iter()
                .filter_map(|i| i.feedback.as_ref().map(|f| f.published_on.clone()))
                .next(),
        });
    }
    Ok(rows)
}

/// Records an export: who, when, in which format, of what, how many rows.
pub async fn record_export(
    db: &Db,
    staff_id: &str,
    format: &str,
    filter: &EvidenceFilter,
    rows: usize,
) -> DataResult<()> {
    sqlx::query(
        "INSERT INTO exports (id, staff_id, at, format, scope, rows) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(staff_id)
    .bind(now())
    .bind(format)
    .bind(filter.describe())
    .bind(rows as i64)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Exports so far, newest first: (when, who, format, scope, rows).
pub async fn exports(db: &Db) -> DataResult<Vec<(String, String, String, String, i64)>> {
    sqlx::query(
        "SELECT e.at, u.email, e.format, e.scope, e.rows FROM exports e \
         JOIN staff_users u ON u.id = e.staff_id ORDER BY e.at DESC LIMIT 100",
    )
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| {
        Ok((
            format_date(get(row, "at")?),
            get(row, "email")?,
            get(row, "format")?,
            get(row, "scope")?,
            get(row, "rows")?,
        ))
    })
    .collect()
}

/// Written answers decision makers may see, newest first: (question, words, said on).
pub async fn quotes(
    db: &Db,
    filter: &EvidenceFilter,
    limit: i64,
) -> DataResult<Vec<(String, String, String)>> {
    let sql = with_scope(&format!(
        concat!(
            "SELECT pr.text AS prompt, c.text_value, c.created_at FROM scope \
             JOIN contributions c ON c.id = scope.id JOIN prompts pr ON pr.id = c.prompt_id \
             WHERE c.mode = 'text' AND ",
            trail::presentable!(),
            " ORDER BY c.created_at DESC, c.id LIMIT {}"
        ),
        limit
    ));
    bind(sqlx::query(&sql), filter)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| {
            Ok((
                get(row, "prompt")?,
                get::<Option<String>>(row, "text_value")?.unwrap_or_default(),
                format_date(get(row, "created_at")?),
            ))
        })
        .collect()
}

/// Pictures children let decision makers (or, with `public_only`, anyone) see: (media id,
/// description).
pub async fn pictures(
    db: &Db,
    filter: &EvidenceFilter,
    public_only: bool,
    limit: i64,
) -> DataResult<Vec<(String, Option<String>)>> {
    let consents = if public_only {
        "('public')"
    } else {
        "('decision_makers', 'public')"
    };
    let sql = with_scope(&format!(
        concat!(
            "SELECT m.id, c.description FROM scope JOIN contributions c ON c.id = scope.id \
             JOIN media m ON m.id = c.media_id \
             WHERE m.kind IN ('photo', 'drawing') AND m.consent IN {} AND ",
            trail::released!(),
            " ORDER BY c.created_at DESC, c.id LIMIT {}"
        ),
        consents, limit
    ));
    bind(sqlx::query(&sql), filter)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| Ok((get(row, "id")?, get(row, "description")?)))
        .collect()
}

/// Decisions that answer contributions in scope (under the priority, when one is chosen).
pub async fn decision_ids(db: &Db, filter: &EvidenceFilter) -> DataResult<Vec<String>> {
    let sql = with_scope(
        "SELECT d.id FROM decisions d WHERE ($2 = '' OR d.priority_id = $2) AND d.id IN \
         (SELECT dl.decision_id FROM decision_links dl JOIN scope ON scope.id = dl.contribution_id) \
         ORDER BY d.decided_on DESC, d.id",
    );
    bind(sqlx::query(&sql), filter)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| get(row, "id"))
        .collect()
}
