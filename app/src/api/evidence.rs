//! Evidence for commissioners and boards: the dashboard, the print-ready report, and CSV and
//! JSON exports (plain routes, so the browser downloads them). Every export is recorded.

#[cfg(feature = "ssr")]
use crate::domain::{Choice, StaffProblem};
use crate::domain::{
    CoproductionAudit, EvidenceFields, EvidencePage, EvidenceReport, SearchFields, SearchPage,
};
use crate::error::AppError;
use leptos::prelude::*;

/// An optional date from an HTML date input (YYYY-MM-DD).
#[cfg(feature = "ssr")]
fn date(text: &str) -> Result<Option<i64>, AppError> {
    match text.trim() {
        "" => Ok(None),
        text => Ok(Some(crate::data::parse_date(text)?)),
    }
}

/// A choice from a list by its code: empty means any; anything else must be on the list.
#[cfg(feature = "ssr")]
fn chosen<T>(
    text: &str,
    parse: fn(&str) -> Option<T>,
    what: Choice,
) -> Result<Option<T>, AppError> {
    match text.trim() {
        "" => Ok(None),
        code => parse(code)
            .map(Some)
            .ok_or_else(|| AppError::Invalid(StaffProblem::ChooseFromList(what))),
    }
}

/// The filter from the page's query: dates as YYYY-MM-DD, the end date included.
#[cfg(feature = "ssr")]
pub fn filter_from(fields: &EvidenceFields) -> Result<crate::domain::EvidenceFilter, AppError> {
    use crate::domain::{CommissioningStage, EvidenceFilter, OutcomeLevel};
    Ok(EvidenceFilter {
        priority_id: fields.priority.trim().to_owned(),
        activity_id: fields.activity.trim().to_owned(),
        ambition_id: fields.ambition.trim().to_owned(),
        stage: chosen(&fields.stage, CommissioningStage::parse, Choice::Stage)?,
        outcome_level: chosen(&fields.level, OutcomeLevel::parse, Choice::OutcomeLevel)?,
        from: date(&fields.from)?,
        until: date(&fields.until)?.map(|day| day + 86_400),
        overdue_weeks: fields.weeks.trim().parse().ok(),
    })
}

#[server]
pub async fn load_evidence(
    #[server(default)] fields: EvidenceFields,
) -> Result<EvidencePage, AppError> {
    use crate::data::{activity as activities, evidence, strategy};
    use crate::{auth, domain::Role};
    auth::require(Role::can_see_evidence).await?;
    let filter = filter_from(&fields)?;
    let db = auth::db()?;
    Ok(EvidencePage {
        dashboard: evidence::dashboard(&db, &filter).await?,
        priorities: strategy::priorities(&db).await?,
        ambitions: strategy::ambitions(&db).await?,
        activities: activities::list(&db)
            .await?
            .into_iter()
            .map(|a| (a.id, a.title))
            .collect(),
        exports: evidence::exports(&db).await?,
    })
}

/// The report for a priority, an activity, an ambition, a stage or level, or a period; reading
/// it is recorded like an export.
#[server]
pub async fn load_report(
    #[server(default)] fields: EvidenceFields,
) -> Result<EvidenceReport, AppError> {
    use crate::data::{decision, evidence};
    use crate::domain::{MediaConsent, Role};
    use crate::{auth, charts};
    let reader = auth::require(Role::can_see_evidence).await?;
    let filter = filter_from(&fields)?;
    let db = auth::db()?;
    let dashboard = evidence::dashboard(&db, &filter).await?;
    let funnel = &dashboard.funnel;
    let funnel_chart = charts::bars(
        crate::staff!(evidence.chart.funnel),
        &[
            (crate::staff!(evidence.chart.said).into(), funnel.said),
            (crate::staff!(evidence.chart.heard).into(), funnel.heard),
            (crate::staff!(evidence.chart.linked).into(), funnel.linked),
            (
                crate::staff!(evidence.chart.fed_back).into(),
                funnel.fed_back,
            ),
        ],
    );
    let modes_chart = charts::bars(crate::staff!(evidence.chart.ways), &dashboard.modes);
    let public_only = !reader.role.can_see_media(MediaConsent::DecisionMakers);
    let decisions = decision::outcomes(&db, &evidence::decision_ids(&db, &filter).await?).await?;
    let quotes = evidence::quotes(&db, &filter, 20).await?;
    let scope = evidence::describe(&db, &filter).await?;
    evidence::record_export(&db, &reader.id, "report", &scope, quotes.len()).await?;
    Ok(EvidenceReport {
        scope,
        funnel_chart,
        modes_chart,
        quotes,
        pictures: evidence::pictures(&db, &filter, public_only, 12).await?,
        decisions,
        dashboard,
    })
}

/// The co-production audit of a period (dates as YYYY-MM-DD, the end date included); reading
/// it is recorded like a report.
#[server]
pub async fn load_audit(
    #[server(default)] from: String,
    #[server(default)] until: String,
) -> Result<CoproductionAudit, AppError> {
    use crate::data::{coproduction, evidence};
    use crate::{auth, domain::Role};
    let reader = auth::require(Role::can_see_evidence).await?;
    let db = auth::db()?;
    let audit =
        coproduction::audit(&db, date(&from)?, date(&until)?.map(|day| day + 86_400)).await?;
    evidence::record_export(
        &db,
        &reader.id,
        "report",
        &format!("co-production audit, {}", audit.period),
        audit.sessions.len(),
    )
    .await?;
    Ok(audit)
}

/// Contributions matching the search, a page at a time, with what the filter offers.
#[server]
pub async fn search_contributions(
    #[server(default)] fields: SearchFields,
) -> Result<SearchPage, AppError> {
    use crate::auth;
    use crate::data::search::{self, Reader};
    use crate::data::{activity as activities, session, strategy};
    use crate::domain::{AgeBand, AnswerMode, ContributionQuery, LundyStage, Role};
    let member = auth::require(Role::can_see_evidence).await?;
    let query = ContributionQuery {
        priority_id: fields.priority.trim().to_owned(),
        activity_id: fields.activity.trim().to_owned(),
        session_id: fields.session.trim().to_owned(),
        mode: chosen(&fields.mode, AnswerMode::parse, Choice::WayToAnswer)?,
        theme: fields.theme.trim().to_owned(),
        age_band: chosen(&fields.age, AgeBand::parse, Choice::AgeBand)?,
        from: date(&fields.from)?,
        until: date(&fields.until)?.map(|day| day + 86_400),
        stage: chosen(&fields.stage, LundyStage::parse, Choice::Step)?,
        page: fields.page.trim().parse().unwrap_or(1),
    };
    let reader = if member.role.can_facilitate() {
        Reader::Team
    } else {
        Reader::DecisionMaker
    };
    let db = auth::db()?;
    let (rows, total) = search::search(&db, &query, reader).await?;
    Ok(SearchPage {
        rows,
        total,
        page: query.page.max(1),
        priorities: strategy::priorities(&db).await?,
        activities: activities::list(&db)
            .await?
            .into_iter()
            .map(|a| (a.id, a.title))
            .collect(),
        sessions: session::list(&db)
            .await?
            .into_iter()
            .map(|s| {
                (
                    s.id,
                    crate::staff!(
                        home.session_at,
                        activity = s.activity_title,
                        place = s.place,
                        on = s.held_on
                    ),
                )
            })
            .collect(),
        themes: search::theme_names(&db).await?,
    })
}

#[cfg(feature = "ssr")]
pub use exports::routes;

#[cfg(feature = "ssr")]
mod exports {
    use super::filter_from;
    use crate::auth::{self, ServerState};
    use crate::data::evidence;
    use crate::domain::{EvidenceFields, ExportRow};
    use axum::extract::{Query, State};
    use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use axum::Router;
    use std::collections::HashMap;

    pub fn routes(state: ServerState) -> Router {
        Router::new()
            .route("/staff/evidence/export.csv", get(csv))
            .route("/staff/evidence/export.json", get(json))
            .with_state(state)
    }

    async fn csv(
        State(state): State<ServerState>,
        Query(query): Query<HashMap<String, String>>,
        headers: HeaderMap,
    ) -> Response {
        export(&state, &query, &headers, "csv").await
    }

    async fn json(
        State(state): State<ServerState>,
        Query(query): Query<HashMap<String, String>>,
        headers: HeaderMap,
    ) -> Response {
        export(&state, &query, &headers, "json").await
    }

    async fn export(
        state: &ServerState,
        query: &HashMap<String, String>,
        headers: &HeaderMap,
        format: &str,
    ) -> Response {
        let reader = match auth::staff_in(&state.db, headers).await {
            Ok(Some(member)) if member.role.can_see_evidence() => member,
            Ok(Some(_)) => return StatusCode::FORBIDDEN.into_response(),
            Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
        let fields = EvidenceFields::from_query(|name| query.get(name).cloned());
        let filter = match filter_from(&fields) {
            Ok(filter) => filter,
            Err(error) => return (StatusCode::BAD_REQUEST, error.to_string()).into_response(),
        };
        let rows = match evidence::export_rows(&state.db, &filter).await {
            Ok(rows) => rows,
            Err(error) => {
                tracing::error!(%error, "export failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
        let recorded = match evidence::describe(&state.db, &filter).await {
            Ok(scope) => {
                evidence::record_export(&state.db, &reader.id, format, &scope, rows.len()).await
            }
            Err(error) => Err(error),
        };
        if let Err(error) = recorded {
            // An export that cannot be recorded is not given out.
            tracing::error!(%error, "export could not be recorded");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        let (body, content_type) = if format == "csv" {
            (to_csv(&rows), "text/csv; charset=utf-8")
        } else {
            (
                serde_json::to_string_pretty(&rows).unwrap_or_default(),
                "application/json",
            )
        };
        let mut response = body.into_response();
        let out = response.headers_mut();
        out.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        if let Ok(disposition) =
            HeaderValue::from_str(&format!("attachment; filename=\"heard-evidence.{format}\""))
        {
            out.insert(header::CONTENT_DISPOSITION, disposition);
        }
        out.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        response
    }

    pub(super) fn to_csv(rows: &[ExportRow]) -> String {
        let mut out = String::from(
            "activity,said on,question,way,answer,themes,heard,decisions,fed back on\r\n",
        );
        for row in rows {
            let cells = [
                row.activity.clone(),
                row.said_on.clone(),
                row.prompt.clone(),
                row.way.clone(),
                row.answer.clone(),
                row.themes.join("; "),
                row.heard.join("; "),
                row.decisions.join("; "),
                row.fed_back_on.clone().unwrap_or_default(),
            ];
            let line: Vec<String> = cells.iter().map(|cell| cell_of(cell)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// One CSV cell: quoted, and a leading = + - @ made harmless so a spreadsheet never runs
    /// what a child typed as a formula.
    fn cell_of(text: &str) -> String {
        let safe = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{text}")
        } else {
            text.to_owned()
        };
        format!("\"{}\"", safe.replace('"', "\"\""))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn cells_are_quoted_and_formulas_defused() {
            let row = ExportRow {
                activity: "Clubs".into(),
                said_on: "1 May 2026".into(),
                prompt: "What \"good\" means".into(),
                way: "Text".into(),
                answer: "=HYPERLINK(\"http://x\")".into(),
                themes: vec!["Travel".into(), "Friends".into()],
                heard: Vec::new(),
                decisions: Vec::new(),
                fed_back_on: None,
            };
            let csv = to_csv(&[row]);
            let line = csv.lines().nth(1).unwrap();
            assert!(line.starts_with("\"Clubs\",\"1 May 2026\",\"What \"\"good\"\" means\""));
            assert!(line.contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
            assert!(line.contains("\"Travel; Friends\""));
        }
    }
}
