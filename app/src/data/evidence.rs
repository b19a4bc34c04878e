//! Evidence of influence: the Lundy funnel (said, heard, decided, fed back) for a priority,
//! an activity and a period, the children's "did we get it right?", how long the loop takes,
//! the mix of ways children answered, Space coverage, and loops still open. Computed in SQL so
//! it stays quick on a million contributions; exports carry only what decision makers may see.

use super::{coproduction, day_of, get, new_id, now, session, trail, DataResult, Db};
use crate::domain::{
    mode_label, Answer, AnswerMode, CommissioningStage, Dashboard, DecisionCut, EvidenceFilter,
    ExportRow, Funnel, Language, OutcomeLevel, OverdueLoop,
};

/// The contributions the filter chooses, as a `scope` CTE of children's answers (not "I'd rather
/// not say"): only the joins and conditions the filter needs, so a whole-database view is a
/// plain scan. Further placeholders can be bound before the query's body is given.
struct Scoped {
    joins: &'static str,
    conditions: Vec<String>,
    values: Vec<Value>,
}

impl Scoped {
    fn new(filter: &EvidenceFilter) -> Self {
        let mut scope = Scoped {
            joins: "",
            conditions: vec!["c.mode <> 'declined'".to_owned()],
            values: Vec::new(),
        };
        if !filter.activity_id.is_empty()
            || !filter.priority_id.is_empty()
            || !filter.ambition_id.is_empty()
        {
            scope.joins = "JOIN participations p ON p.id = c.participation_id \
                           JOIN sessions s ON s.id = p.session_id";
        }
        if !filter.activity_id.is_empty() {
            let n = scope.bind(Value::Text(filter.activity_id.clone()));
            scope.conditions.push(format!("s.activity_id = {n}"));
        }
        if !filter.priority_id.is_empty() {
            let n = scope.bind(Value::Text(filter.priority_id.clone()));
            scope.conditions.push(format!(
                "s.activity_id IN (SELECT activity_id FROM activity_priorities WHERE priority_id = {n})"
            ));
        }
        if !filter.ambition_id.is_empty() {
            let n = scope.bind(Value::Text(filter.ambition_id.clone()));
            scope.conditions.push(format!(
                "s.activity_id IN (SELECT ap.activity_id FROM activity_priorities ap \
                 JOIN priority_ambitions pa ON pa.priority_id = ap.priority_id \
                 WHERE pa.ambition_id = {n})"
            ));
        }
        // Cut by decision: only what was linked to a decision at that stage or level.
        if filter.stage.is_some() || filter.outcome_level.is_some() {
            let matching = scope.decision_condition(filter, false);
            scope.conditions.push(format!(
                "c.id IN (SELECT dl.contribution_id FROM decision_links dl \
                 JOIN decisions d ON d.id = dl.decision_id WHERE {matching})"
            ));
        }
        if let Some(from) = filter.from {
            let n = scope.bind(Value::Int(from));
            scope.conditions.push(format!("c.created_at >= {n}"));
        }
        if let Some(until) = filter.until {
            let n = scope.bind(Value::Int(until));
            scope.conditions.push(format!("c.created_at < {n}"));
        }
        scope
    }

    fn bind(&mut self, value: Value) -> String {
        bind(&mut self.values, value)
    }

    /// The filter's conditions on a decision `d` (its stage and level and, with
    /// `with_priority`, its priority) as SQL; `1 = 1` when there are none.
    fn decision_condition(&mut self, filter: &EvidenceFilter, with_priority: bool) -> String {
        let mut conditions = vec!["1 = 1".to_owned()];
        if with_priority && !filter.priority_id.is_empty() {
            let n = self.bind(Value::Text(filter.priority_id.clone()));
            conditions.push(format!("d.priority_id = {n}"));
        }
        if let Some(stage) = filter.stage {
            let n = self.bind(Value::Text(stage.as_str().to_owned()));
            conditions.push(format!("d.stage = {n}"));
        }
        if let Some(level) = filter.outcome_level {
            let n = self.bind(Value::Text(level.as_str().to_owned()));
            conditions.push(format!("d.outcome_level = {n}"));
        }
        conditions.join(" AND ")
    }

    /// The whole query: the scope CTE, then `body`. Returns the SQL and its values in order.
    fn query(self, body: &str) -> (String, Vec<Value>) {
        let sql = format!(
            "WITH scope AS (SELECT c.id, c.created_at, c.mode, c.participation_id, c.erased_at, \
             c.heard_at, c.linked_at, c.fed_back_at FROM contributions c {} WHERE {}) {body}",
            self.joins,
            self.conditions.join(" AND ")
        );
        (sql, self.values)
    }
}

fn scoped(filter: &EvidenceFilter, body: &str) -> (String, Vec<Value>) {
    Scoped::new(filter).query(body)
}

/// Adds a value to bind; returns its placeholder.
pub(super) fn bind(values: &mut Vec<Value>, value: Value) -> String {
    values.push(value);
    format!("${}", values.len())
}

#[derive(Clone, Debug)]
pub(super) enum Value {
    Text(String),
    Int(i64),
}

/// Runs a query with its values bound in order.
pub(super) async fn fetch(
    db: &Db,
    (sql, values): &(String, Vec<Value>),
) -> DataResult<Vec<sqlx::any::AnyRow>> {
    let mut query = sqlx::query(sql);
    for value in values {
        query = match value {
            Value::Text(text) => query.bind(text.as_str()),
            Value::Int(number) => query.bind(*number),
        };
    }
    Ok(query.fetch_all(db.pool()).await?)
}

pub(super) async fn fetch_one(
    db: &Db,
    query: &(String, Vec<Value>),
) -> DataResult<sqlx::any::AnyRow> {
    fetch(db, query)
        .await?
        .into_iter()
        .next()
        .ok_or(super::DataError::Fault("no result".into()))
}

/// The Lundy funnel alone, e.g. for a priority's page.
pub async fn funnel(db: &Db, filter: &EvidenceFilter) -> DataResult<Funnel> {
    Ok(counts(db, filter, 0).await?.funnel)
}

/// What one scan of the scope counts.
struct Counts {
    funnel: Funnel,
    /// Loops still open from before the cutoff.
    overdue: i64,
    /// (way of answering, contributions), most first.
    modes: Vec<(String, i64)>,
}

/// The funnel, the open loops from before `cutoff` and the mix of ways, in one scan: grouped by
/// way, then added up.
async fn counts(db: &Db, filter: &EvidenceFilter, cutoff: i64) -> DataResult<Counts> {
    let rows = fetch(
        db,
        &scoped(
            filter,
            &format!(
                "SELECT mode, COUNT(*) AS said, \
                 SUM(CASE WHEN heard_at IS NOT NULL THEN 1 ELSE 0 END) AS heard, \
                 SUM(CASE WHEN linked_at IS NOT NULL THEN 1 ELSE 0 END) AS linked, \
                 SUM(CASE WHEN fed_back_at IS NOT NULL THEN 1 ELSE 0 END) AS fed_back, \
                 SUM(CASE WHEN created_at < {cutoff} AND erased_at IS NULL \
                   AND fed_back_at IS NULL THEN 1 ELSE 0 END) AS overdue \
                 FROM scope GROUP BY mode"
            ),
        ),
    )
    .await?;
    let mut counts = Counts {
        funnel: Funnel::default(),
        overdue: 0,
        modes: Vec::new(),
    };
    for row in &rows {
        let said: i64 = get(row, "said")?;
        let sum =
            |column: &str| -> DataResult<i64> { Ok(get::<Option<i64>>(row, column)?.unwrap_or(0)) };
        counts.funnel.said += said;
        counts.funnel.heard += sum("heard")?;
        counts.funnel.linked += sum("linked")?;
        counts.funnel.fed_back += sum("fed_back")?;
        counts.overdue += sum("overdue")?;
        let mode: String = get(row, "mode")?;
        counts
            .modes
            .push((mode_label(AnswerMode::parse(&mode)).to_owned(), said));
    }
    counts
        .modes
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(counts)
}

pub async fn dashboard(db: &Db, filter: &EvidenceFilter) -> DataResult<Dashboard> {
    let cutoff = now() - filter.overdue_weeks() * 7 * 86_400;
    let Counts {
        funnel,
        overdue: overdue_total,
        modes,
    } = counts(db, filter, cutoff).await?;

    let mut replies = [0_i64; 5];
    let reply_rows = fetch(
        db,
        &scoped(
            filter,
            "SELECT r.value, COUNT(*) AS n FROM feedback_replies r WHERE EXISTS \
             (SELECT 1 FROM scope WHERE scope.participation_id = r.participation_id) \
             GROUP BY r.value",
        ),
    )
    .await?;
    for row in &reply_rows {
        let value: i64 = get(row, "value")?;
        if let Some(slot) = usize::try_from(value - 1)
            .ok()
            .and_then(|i| replies.get_mut(i))
        {
            *slot = get(row, "n")?;
        }
    }

    let median_days_to_heard = median_days(db, filter, "heard_at", funnel.heard).await?;
    let median_days_to_fed_back = median_days(db, filter, "fed_back_at", funnel.fed_back).await?;
    let (sessions, sessions_with_space) = space_coverage(db, filter).await?;
    let overdue = overdue(db, filter, cutoff).await?;
    let decision_cuts = decision_cuts(db, filter).await?;
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
        decision_cuts,
    })
}

/// Decisions that answer contributions in scope, counted by commissioning stage and outcome
/// level, with how many of those contributions each group answers.
async fn decision_cuts(db: &Db, filter: &EvidenceFilter) -> DataResult<Vec<DecisionCut>> {
    let mut scope = Scoped::new(filter);
    let matching = scope.decision_condition(filter, true);
    let rows = fetch(
        db,
        &scope.query(&format!(
            "SELECT d.stage, d.outcome_level, COUNT(DISTINCT d.id) AS decisions, \
             COUNT(DISTINCT dl.contribution_id) AS contributions \
             FROM decision_links dl JOIN scope ON scope.id = dl.contribution_id \
             JOIN decisions d ON d.id = dl.decision_id WHERE {matching} \
             GROUP BY d.stage, d.outcome_level"
        )),
    )
    .await?;
    let mut cuts = Vec::new();
    for row in &rows {
        let (Some(stage), Some(outcome_level)) = (
            CommissioningStage::parse(&get::<String>(row, "stage")?),
            OutcomeLevel::parse(&get::<String>(row, "outcome_level")?),
        ) else {
            continue;
        };
        cuts.push(DecisionCut {
            stage,
            outcome_level,
            decisions: get(row, "decisions")?,
            contributions: get(row, "contributions")?,
        });
    }
    // In the order of the cycle, then from the individual child up to the strategy.
    let rank = |cut: &DecisionCut| {
        (
            CommissioningStage::ALL.iter().position(|s| *s == cut.stage),
            OutcomeLevel::ALL
                .iter()
                .position(|l| *l == cut.outcome_level),
        )
    };
    cuts.sort_by_key(rank);
    Ok(cuts)
}

/// The median number of days from being said to a step (`reached`: the column of its time),
/// over the `n` contributions in scope that got there. Portable SQL: the middle rows by offset.
async fn median_days(
    db: &Db,
    filter: &EvidenceFilter,
    reached: &str,
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
    let middle: Vec<i64> = fetch(
        db,
        &scoped(
            filter,
            &format!(
                // A hearing is dated by its day, which starts before an answer given that
                // morning: the same day is no wait, never a negative one.
                "SELECT CASE WHEN {reached} > created_at THEN {reached} - created_at ELSE 0 END \
                 AS waited FROM scope WHERE {reached} IS NOT NULL \
                 ORDER BY waited LIMIT {take} OFFSET {offset}"
            ),
        ),
    )
    .await?
    .iter()
    .map(|row| get(row, "waited"))
    .collect::<DataResult<_>>()?;
    let seconds = middle.iter().sum::<i64>() as f64 / middle.len() as f64;
    Ok(Some(seconds / 86_400.0))
}

/// Sessions in scope, and how many of them have a Space record with nothing missing.
async fn space_coverage(db: &Db, filter: &EvidenceFilter) -> DataResult<(i64, i64)> {
    let rows = fetch(
        db,
        &scoped(
            filter,
            "SELECT ss.closed_at, r.setting, r.expected_group, r.invited, r.missing, \
             r.adjustments, r.opening_checks, r.closing_checks FROM sessions ss \
             LEFT JOIN space_records r ON r.session_id = ss.id WHERE EXISTS \
             (SELECT 1 FROM participations pp JOIN scope ON scope.participation_id = pp.id \
              WHERE pp.session_id = ss.id)",
        ),
    )
    .await?;
    let mut complete = 0;
    for row in &rows {
        let closed = get::<Option<i64>>(row, "closed_at")?.is_some();
        if session::space_from(row)?.gaps(closed).is_empty() {
            complete += 1;
        }
    }
    Ok((rows.len() as i64, complete))
}

/// The 50 oldest loops open past the weeks allowed, with who owns each: the facilitator of the
/// session where the child said it.
async fn overdue(db: &Db, filter: &EvidenceFilter, cutoff: i64) -> DataResult<Vec<OverdueLoop>> {
    fetch(
        db,
        &scoped(
            filter,
            &format!(
                "SELECT o.created_at, a.title AS activity, pr.text AS prompt, u.email AS owner \
                 FROM (SELECT id, created_at, participation_id FROM scope \
                   WHERE created_at < {cutoff} AND erased_at IS NULL AND fed_back_at IS NULL \
                   ORDER BY created_at, id LIMIT 50) o \
                 JOIN contributions cc ON cc.id = o.id \
                 JOIN prompts pr ON pr.id = cc.prompt_id \
                 JOIN participations pp ON pp.id = o.participation_id \
                 JOIN sessions ss ON ss.id = pp.session_id \
                 JOIN activities a ON a.id = ss.activity_id \
                 JOIN staff_users u ON u.id = ss.facilitator_id \
                 ORDER BY o.created_at, o.id"
            ),
        ),
    )
    .await?
    .iter()
    .map(|row| {
        let said_at: i64 = get(row, "created_at")?;
        Ok(OverdueLoop {
            said_on: day_of(said_at),
            weeks: (now() - said_at) / (7 * 86_400),
            activity: get(row, "activity")?,
            prompt: get(row, "prompt")?,
            owner: get(row, "owner")?,
        })
    })
    .collect()
}

/// What an export carries: only contributions decision makers may see (nothing held back or
/// hidden, pictures and recordings only with the child's consent, described in words), and
/// nothing that identifies a child: no receipt codes, no ids, no places.
pub async fn export_rows(db: &Db, filter: &EvidenceFilter) -> DataResult<Vec<ExportRow>> {
    let query = scoped(
        filter,
        concat!(
            "SELECT c.id FROM scope JOIN contributions c ON c.id = scope.id WHERE ",
            trail::presentable!(),
        ),
    );
    let wanted: std::collections::HashSet<String> = fetch(db, &query)
        .await?
        .iter()
        .map(|row| get(row, "id"))
        .collect::<DataResult<_>>()?;
    let mut rows = Vec::with_capacity(wanted.len());
    for c in trail::load(db, trail::Scope::Presentable).await? {
        if !wanted.contains(&c.id) {
            continue;
        }
        let answer = in_words(&c.answer, c.description.as_deref(), c.translated_from);
        rows.push(ExportRow {
            activity: c.trail.space.activity.clone(),
            said_on: c.trail.space.said_on.to_string(),
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
                .filter_map(|i| i.feedback.as_ref().map(|f| f.published_on.to_string()))
                .next(),
        });
    }
    Ok(rows)
}

/// The filter in words, with the titles of what it names, for reports and the record of exports.
pub async fn describe(db: &Db, filter: &EvidenceFilter) -> DataResult<String> {
    let mut parts = Vec::new();
    for (table, id, what) in [
        ("priorities", &filter.priority_id, "priority"),
        ("ambitions", &filter.ambition_id, "ambition"),
        ("activities", &filter.activity_id, "activity"),
    ] {
        if id.is_empty() {
            continue;
        }
        let title = sqlx::query(&format!("SELECT title FROM {table} WHERE id = $1"))
            .bind(id)
            .fetch_optional(db.pool())
            .await?
            .map(|row| get::<String>(&row, "title"))
            .transpose()?;
        parts.push(format!("{what} \"{}\"", title.as_deref().unwrap_or(id)));
    }
    if let Some(stage) = filter.stage {
        parts.push(format!("decisions at the {} stage", stage.label()));
    }
    if let Some(level) = filter.outcome_level {
        parts.push(format!("{} outcomes", level.label().to_lowercase()));
    }
    parts.push(coproduction::period_in_words(filter.from, filter.until));
    Ok(parts.join(", "))
}

/// A contribution in words for evidence: a picture or recording by its description, writing in
/// another language with its translation beside it.
pub(super) fn in_words(
    answer: &Answer,
    description: Option<&str>,
    translated_from: Option<Language>,
) -> String {
    let way = mode_label(answer.mode());
    match (answer.media(), description, translated_from) {
        (Some(_), Some(translation), Some(language)) => {
            format!(
                "{way} in {}; translated: \"{translation}\"",
                language.label()
            )
        }
        (Some(_), Some(description), None) => format!("{way} described: {description}"),
        (Some(_), None, _) => format!("{way} (not described yet)"),
        (None, Some(translation), Some(language)) => format!(
            "{} (in {}; translated: \"{translation}\")",
            answer.describe(),
            language.label()
        ),
        (None, _, _) => answer.describe(),
    }
}

/// Records an export or a report: who, when, in which format, of what (`scope`, in words),
/// how many rows.
pub async fn record_export(
    db: &Db,
    staff_id: &str,
    format: &str,
    scope: &str,
    rows: usize,
) -> DataResult<()> {
    sqlx::query(
        "INSERT INTO exports (id, staff_id, at, format, scope, rows) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(staff_id)
    .bind(now())
    .bind(format)
    .bind(scope)
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
            day_of(get(row, "at")?).to_string(),
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
    let query = scoped(
        filter,
        &format!(
            concat!(
                "SELECT pr.text AS prompt, c.text_value, c.created_at FROM scope \
             JOIN contributions c ON c.id = scope.id JOIN prompts pr ON pr.id = c.prompt_id \
             WHERE c.mode = 'text' AND ",
                trail::presentable!(),
                " ORDER BY c.created_at DESC, c.id LIMIT {}"
            ),
            limit
        ),
    );
    fetch(db, &query)
        .await?
        .iter()
        .map(|row| {
            Ok((
                get(row, "prompt")?,
                get::<Option<String>>(row, "text_value")?.unwrap_or_default(),
                day_of(get(row, "created_at")?).to_string(),
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
    // Straight from the contributions, not the scope, so the newest with a picture are found
    // by the index of contributions with media rather than by reading them all.
    let scope = Scoped::new(filter);
    let query = (
        format!(
            concat!(
                "SELECT c.media_id AS id, c.description FROM contributions c {} WHERE {} \
                 AND c.media_id IS NOT NULL AND EXISTS (SELECT 1 FROM media m \
                 WHERE m.id = c.media_id AND m.kind IN ('photo', 'drawing') AND m.consent IN {}) \
                 AND ",
                trail::released!(),
                " ORDER BY c.created_at DESC, c.id LIMIT {}"
            ),
            scope.joins,
            scope.conditions.join(" AND "),
            consents,
            limit
        ),
        scope.values,
    );
    fetch(db, &query)
        .await?
        .iter()
        .map(|row| Ok((get(row, "id")?, get(row, "description")?)))
        .collect()
}

/// Decisions that answer contributions in scope (under the priority, at the stage and level,
/// when the filter chooses them).
pub async fn decision_ids(db: &Db, filter: &EvidenceFilter) -> DataResult<Vec<String>> {
    let mut scope = Scoped::new(filter);
    let matching = scope.decision_condition(filter, true);
    let query = scope.query(&format!(
        "SELECT d.id FROM decisions d WHERE {matching} AND d.id IN \
         (SELECT dl.decision_id FROM decision_links dl JOIN scope ON scope.id = dl.contribution_id) \
         ORDER BY d.decided_on DESC, d.id"
    ));
    fetch(db, &query)
        .await?
        .iter()
        .map(|row| get(row, "id"))
        .collect()
}
