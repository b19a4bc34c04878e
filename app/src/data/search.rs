//! Search and filter across contributions: by priority, activity, session, way of answering,
//! theme, age band, date and how far along the Lundy chain each got. Only what the reader may
//! see: nothing held back or hidden, nothing erased, and for decision makers pictures and
//! recordings only with the child's consent.

use super::evidence::{bind, fetch, fetch_one, in_words, Value};
use super::{contribution, day_of, get, trail, DataResult, Db};
use crate::domain::{
    mode_label, AgeBand, ContributionQuery, Language, LundyStage, SearchRow, SEARCH_PAGE_SIZE,
};
use std::collections::HashMap;

/// Who is reading, for what they may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The team running sessions: every released contribution.
    Team,
    /// Decision makers and viewers: only what may go before a forum.
    DecisionMaker,
}

/// The furthest Lundy step as an SQL condition on `c` (see `loops`).
fn stage_condition(stage: LundyStage) -> &'static str {
    match stage {
        LundyStage::Said => "c.heard_at IS NULL",
        LundyStage::Heard => "c.heard_at IS NOT NULL AND c.linked_at IS NULL",
        LundyStage::Linked => "c.linked_at IS NOT NULL AND c.fed_back_at IS NULL",
        LundyStage::FedBack => "c.fed_back_at IS NOT NULL",
    }
}

/// The furthest Lundy step of `c` as its stored code.
const FURTHEST: &str = "CASE WHEN c.fed_back_at IS NOT NULL THEN 'fed_back' \
     WHEN c.linked_at IS NOT NULL THEN 'linked' WHEN c.heard_at IS NOT NULL THEN 'heard' \
     ELSE 'said' END";

/// One page of contributions matching `query`, newest first, and how many match in all.
pub async fn search(
    db: &Db,
    query: &ContributionQuery,
    reader: Reader,
) -> DataResult<(Vec<SearchRow>, i64)> {
    let mut conditions = vec![
        "c.mode <> 'declined'".to_owned(),
        match reader {
            Reader::Team => concat!("c.erased_at IS NULL AND ", trail::released!()).to_owned(),
            Reader::DecisionMaker => trail::presentable!().to_owned(),
        },
    ];
    let mut values = Vec::new();
    let text = |s: &str| Value::Text(s.to_owned());
    if !query.priority_id.is_empty() {
        let n = bind(&mut values, text(&query.priority_id));
        conditions.push(format!(
            "s.activity_id IN (SELECT activity_id FROM activity_priorities WHERE priority_id = {n})"
        ));
    }
    if !query.activity_id.is_empty() {
        let n = bind(&mut values, text(&query.activity_id));
        conditions.push(format!("s.activity_id = {n}"));
    }
    if !query.session_id.is_empty() {
        let n = bind(&mut values, text(&query.session_id));
        conditions.push(format!("s.id = {n}"));
    }
    if let Some(mode) = query.mode {
        let n = bind(&mut values, text(mode.as_str()));
        conditions.push(format!("c.mode = {n}"));
    }
    if !query.theme.is_empty() {
        let n = bind(&mut values, text(&query.theme));
        conditions.push(format!(
            "c.id IN (SELECT ct.contribution_id FROM contribution_themes ct \
             JOIN themes t ON t.id = ct.theme_id WHERE t.name = {n})"
        ));
    }
    if let Some(band) = query.age_band {
        let n = bind(&mut values, text(band.as_str()));
        conditions.push(format!("p.age_band = {n}"));
    }
    if let Some(from) = query.from {
        let n = bind(&mut values, Value::Int(from));
        conditions.push(format!("c.created_at >= {n}"));
    }
    if let Some(until) = query.until {
        let n = bind(&mut values, Value::Int(until));
        conditions.push(format!("c.created_at < {n}"));
    }
    if let Some(stage) = query.stage {
        conditions.push(stage_condition(stage).to_owned());
    }
    let from_where = format!(
        "FROM contributions c JOIN participations p ON p.id = c.participation_id \
         JOIN sessions s ON s.id = p.session_id WHERE {}",
        conditions.join(" AND ")
    );
    let total: i64 = get(
        &fetch_one(
            db,
            &(format!("SELECT COUNT(*) AS n {from_where}"), values.clone()),
        )
        .await?,
        "n",
    )?;
    let offset = (query.page.max(1) - 1) * SEARCH_PAGE_SIZE;
    let sql = format!(
        "SELECT c.id, c.mode, c.scale_value, c.text_value, c.choice_values, c.media_id, \
         m.consent, c.description, c.translated_from, c.created_at, p.age_band, s.place, s.held_on, \
         a.title AS activity, pr.text AS prompt, {FURTHEST} AS stage \
         FROM ({select_ids}) found JOIN contributions c ON c.id = found.id \
         JOIN participations p ON p.id = c.participation_id JOIN sessions s ON s.id = p.session_id \
         JOIN activities a ON a.id = s.activity_id JOIN prompts pr ON pr.id = c.prompt_id \
         LEFT JOIN media m ON m.id = c.media_id ORDER BY c.created_at DESC, c.id",
        select_ids = format!(
            "SELECT c.id {from_where} ORDER BY c.created_at DESC, c.id \
             LIMIT {SEARCH_PAGE_SIZE} OFFSET {offset}"
        ),
    );
    let rows = fetch(db, &(sql, values)).await?;
    let ids: Vec<String> = rows
        .iter()
        .map(|row| get(row, "id"))
        .collect::<DataResult<_>>()?;
    let mut themes = themes_of(db, &ids).await?;
    let found = rows
        .iter()
        .map(|row| {
            let answer = contribution::answer_from(row)?;
            let id: String = get(row, "id")?;
            let held_on: Option<i64> = get(row, "held_on")?;
            Ok(SearchRow {
                said_on: day_of(get(row, "created_at")?),
                activity: get(row, "activity")?,
                session: format!(
                    "{}, {}",
                    get::<String>(row, "place")?,
                    held_on.map(|at| day_of(at).to_string()).unwrap_or_default()
                ),
                prompt: get(row, "prompt")?,
                way: mode_label(answer.mode()).to_owned(),
                answer: in_words(
                    &answer,
                    get::<Option<String>>(row, "description")?.as_deref(),
                    get::<Option<String>>(row, "translated_from")?
                        .as_deref()
                        .and_then(Language::parse),
                ),
                themes: themes.remove(&id).unwrap_or_default(),
                age_band: get::<Option<String>>(row, "age_band")?
                    .as_deref()
                    .and_then(AgeBand::parse),
                stage: LundyStage::parse(&get::<String>(row, "stage")?).unwrap_or(LundyStage::Said),
            })
        })
        .collect::<DataResult<Vec<_>>>()?;
    Ok((found, total))
}

async fn themes_of(db: &Db, ids: &[String]) -> DataResult<HashMap<String, Vec<String>>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT ct.contribution_id, t.name FROM contribution_themes ct \
         JOIN themes t ON t.id = ct.theme_id WHERE ct.contribution_id IN ({}) ORDER BY t.name",
        placeholders.join(", ")
    );
    let values = ids.iter().map(|id| Value::Text(id.clone())).collect();
    let mut themes: HashMap<String, Vec<String>> = HashMap::new();
    for row in fetch(db, &(sql, values)).await? {
        themes
            .entry(get(&row, "contribution_id")?)
            .or_default()
            .push(get(&row, "name")?);
    }
    Ok(themes)
}

/// Every theme name in use, for the filter.
pub async fn theme_names(db: &Db) -> DataResult<Vec<String>> {
    sqlx::query("SELECT DISTINCT name FROM themes ORDER BY name")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| get(row, "name"))
        .collect()
}
