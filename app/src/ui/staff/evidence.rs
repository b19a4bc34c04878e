//! Evidence of influence: the Lundy dashboard with its filter, the print-ready report, and the
//! co-production audit.

use super::StaffFrame;
use crate::api::evidence::{load_audit, load_evidence, load_report};
use crate::domain::{
    CommissioningStage, CoproductionAudit, Dashboard, EmojiScale, EvidenceFields, EvidencePage,
    EvidenceReport, Funnel, OutcomeLevel, SearchFields, TodaySummary,
};
use crate::staff;
use crate::ui::components::{coded, FilterSelect, Icon, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The page's filter, from its query string.
fn filter_fields() -> Memo<EvidenceFields> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| EvidenceFields::from_query(|key| q.get(key))))
}

#[component]
pub fn EvidencePage() -> impl IntoView {
    let fields = filter_fields();
    let page = page_data(move || fields.get(), load_evidence);
    view! {
        <Title text=staff!(evidence.evidence)/>
        <StaffFrame>
            <h1>{staff!(evidence.evidence_influence)}</h1>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || {
                    let fields = fields.get();
                    Suspend::new(async move {
                        match page.await {
                            Ok(page) => view! { <Evidence page fields/> }.into_any(),
                            Err(error) => view! { <Problem error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Evidence(page: EvidencePage, fields: EvidenceFields) -> impl IntoView {
    let query = fields.query_string();
    view! {
        <form method="get" action="/staff/evidence" class="staff-form filter">
            <FilterSelect id="filter-priority" name="priority" label=staff!(common.priority) any=staff!(common.all_priorities)
                chosen=fields.priority.clone()
                choices=page.priorities.into_iter().map(|p| (p.id, format!("{}. {}", p.position, p.title))).collect()/>
            <FilterSelect id="filter-ambition" name="ambition" label=staff!(evidence.ambition) any=staff!(evidence.all_ambitions)
                chosen=fields.ambition.clone()
                choices=page.ambitions.into_iter().map(|a| (a.id, format!("{}. {}", a.position, a.title))).collect()/>
            <FilterSelect id="filter-activity" name="activity" label=staff!(common.activity) any=staff!(common.all_activities)
                chosen=fields.activity.clone() choices=page.activities/>
            <FilterSelect id="filter-stage" name="stage" label=staff!(evidence.decisions_at_stage)
                any=staff!(evidence.any_stage_no_decision) chosen=fields.stage.clone()
                choices=coded(CommissioningStage::ALL, CommissioningStage::as_str, CommissioningStage::label)/>
            <FilterSelect id="filter-level" name="level" label=staff!(evidence.decisions_outcomes_level)
                any=staff!(evidence.any_level_no_decision) chosen=fields.level.clone()
                choices=coded(OutcomeLevel::ALL, OutcomeLevel::as_str, OutcomeLevel::label)/>
            <div class="field"><label for="filter-from">{staff!(common.said_from)}</label><input id="filter-from" name="from" type="date" value=fields.from.clone()/></div>
            <div class="field"><label for="filter-until">{staff!(common.said_until)}</label><input id="filter-until" name="until" type="date" value=fields.until.clone()/></div>
            <div class="field"><label for="filter-weeks">{staff!(evidence.loops_overdue_after_weeks)}</label><input id="filter-weeks" name="weeks" type="number" min="1" value=fields.weeks.clone() placeholder="12"/></div>
            <button type="submit">{staff!(evidence.show)}</button>
        </form>
        <p class="actions">
            <a class="button" href=format!("/staff/evidence/report?{query}")>{staff!(evidence.evidence_report_print_save)}</a>
            <a class="button secondary" href=format!("/staff/evidence/export.csv?{query}") rel="external" download>{staff!(evidence.download_csv)}</a>
            <a class="button secondary" href=format!("/staff/evidence/export.json?{query}") rel="external" download>{staff!(evidence.download_json)}</a>
        </p>
        <p class="actions">
            <a href=format!("/staff/contributions?{}", search_query(&fields))>{staff!(evidence.see_contributions_behind_these)}</a>
            <a href=format!("/staff/evidence/audit?{}", audit_query(&fields))>{staff!(evidence.co_production_audit_period)}</a>
        </p>
        <DashboardView dashboard=page.dashboard/>
        <h2>{staff!(evidence.exports_so_far)}</h2>
        <table class="exports">
            <thead><tr><th scope="col">{staff!(common.when)}</th><th scope="col">{staff!(common.who)}</th><th scope="col">{staff!(evidence.format)}</th><th scope="col">{staff!(common.what)}</th><th scope="col">{staff!(evidence.rows)}</th></tr></thead>
            <tbody>
                {page.exports.into_iter().map(|(on, who, format, scope, rows)| view! {
                    <tr><td>{on}</td><td>{who}</td><td>{format}</td><td>{scope}</td><td>{rows}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The search for the same contributions (the search has no stage or level of decisions).
fn search_query(fields: &EvidenceFields) -> String {
    SearchFields {
        priority: fields.priority.clone(),
        activity: fields.activity.clone(),
        from: fields.from.clone(),
        until: fields.until.clone(),
        ..SearchFields::default()
    }
    .query_string()
}

fn audit_query(fields: &EvidenceFields) -> String {
    EvidenceFields {
        from: fields.from.clone(),
        until: fields.until.clone(),
        ..EvidenceFields::default()
    }
    .query_string()
}

fn days(value: Option<f64>) -> String {
    value.map_or(staff!(evidence.no_days).into(), |d| {
        staff!(evidence.days, days = format!("{d:.1}"))
    })
}

/// How many contributions got how far along the chain.
#[component]
pub(super) fn FunnelTable(funnel: Funnel) -> impl IntoView {
    let steps = [
        (staff!(evidence.funnel.said), funnel.said),
        (staff!(evidence.funnel.heard), funnel.heard),
        (staff!(evidence.funnel.linked), funnel.linked),
        (staff!(evidence.funnel.fed_back), funnel.fed_back),
    ];
    view! {
        <table class="funnel">
            <thead><tr><th scope="col">{staff!(evidence.step)}</th><th scope="col">{staff!(common.contributions)}</th></tr></thead>
            <tbody>
                {steps.into_iter().map(|(step, n)| view! { <tr><th scope="row">{step}</th><td>{n}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}

/// The dashboard's figures, shared by the page and the report.
#[component]
fn DashboardView(dashboard: Dashboard) -> impl IntoView {
    let Dashboard {
        funnel,
        replies,
        median_days_to_heard,
        median_days_to_fed_back,
        modes,
        sessions,
        sessions_with_space,
        overdue_weeks,
        overdue_total,
        overdue,
        decision_cuts,
    } = dashboard;
    view! {
        <section aria-labelledby="funnel-heading">
            <h2 id="funnel-heading">{staff!(evidence.lundy_funnel)}</h2>
            <FunnelTable funnel/>
            <p>{staff!(evidence.median_to_heard, days = days(median_days_to_heard))}</p>
            <p>{staff!(evidence.median_to_fed_back, days = days(median_days_to_fed_back))}</p>
        </section>
        <section aria-labelledby="replies-heading">
            <h2 id="replies-heading">{staff!(evidence.did_get_right_childrens)}</h2>
            <table class="replies">
                <tbody>
                    <tr>
                        {EmojiScale::POINTS.iter().zip(replies).map(|((_, face, word), n)| view! {
                            <td><Icon symbol=*face/>" "{staff!(evidence.counted, what = word, count = n)}</td>
                        }).collect_view()}
                    </tr>
                </tbody>
            </table>
        </section>
        <section aria-labelledby="modes-heading">
            <h2 id="modes-heading">{staff!(evidence.how_children_answered)}</h2>
            <ul>{modes.into_iter().map(|(mode, n)| view! { <li>{staff!(evidence.counted, what = mode, count = n)}</li> }).collect_view()}</ul>
            <p>{staff!(evidence.space_records, complete = sessions_with_space, sessions)}</p>
        </section>
        <section aria-labelledby="cuts-heading">
            <h2 id="cuts-heading">{staff!(evidence.decisions_by_stage_and_level)}</h2>
            {if decision_cuts.is_empty() {
                view! { <p>{staff!(evidence.no_decisions_answer_these)}</p> }.into_any()
            } else {
                view! {
                    <table class="cuts">
                        <thead><tr><th scope="col">{staff!(evidence.stage)}</th><th scope="col">{staff!(common.outcome_level)}</th><th scope="col">{staff!(common.decisions)}</th><th scope="col">{staff!(evidence.contributions_they_answer)}</th></tr></thead>
                        <tbody>
                            {decision_cuts.into_iter().map(|cut| view! {
                                <tr><td>{cut.stage.label()}</td><td>{cut.outcome_level.label()}</td><td>{cut.decisions}</td><td>{cut.contributions}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="overdue-heading">
            <h2 id="overdue-heading">{format!("Loops still open after {overdue_weeks} weeks ({overdue_total})")}</h2>
            <table class="overdue">
                <thead><tr><th scope="col">{staff!(common.said_on)}</th><th scope="col">{staff!(evidence.weeks)}</th><th scope="col">{staff!(common.activity)}</th><th scope="col">{staff!(common.question)}</th><th scope="col">{staff!(evidence.owner)}</th></tr></thead>
                <tbody>
                    {overdue.into_iter().map(|l| view! {
                        <tr><td>{l.said_on.to_string()}</td><td>{l.weeks}</td><td>{l.activity}</td><td>{l.prompt}</td><td>{l.owner}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let fields = filter_fields();
    let report = page_data(move || fields.get(), load_report);
    view! {
        <Title text=staff!(evidence.evidence_report)/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match report.await {
                        Ok(report) => view! { <Report report/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Report(report: EvidenceReport) -> impl IntoView {
    view! {
        <article class="report">
            <h1>{staff!(evidence.evidence_childrens_influence)}</h1>
            <p>{staff!(evidence.covering, scope = report.scope)}</p>
            <p class="no-print"><button type="button" class="button" data-action="print">{staff!(evidence.print_save_pdf)}</button></p>
            <div class="chart-box" inner_html=report.funnel_chart></div>
            <div class="chart-box" inner_html=report.modes_chart></div>
            <DashboardView dashboard=report.dashboard/>
            <section aria-labelledby="quotes-heading">
                <h2 id="quotes-heading">{staff!(evidence.childrens_words)}</h2>
                <ul class="quotes">
                    {report.quotes.into_iter().map(|(question, words, on)| view! {
                        <li><blockquote>{words}</blockquote><p class="small">{format!("{question} ({on})")}</p></li>
                    }).collect_view()}
                </ul>
                <div class="pictures">
                    {report.pictures.into_iter().map(|(id, description)| view! {
                        <img class="thumbnail" src=format!("/staff/media/{id}/thumb")
                            alt=description.unwrap_or_else(|| staff!(evidence.picture_not_described).into())/>
                    }).collect_view()}
                </div>
            </section>
            <section aria-labelledby="decisions-heading">
                <h2 id="decisions-heading">{staff!(evidence.decisions_outcomes)}</h2>
                {report.decisions.into_iter().map(|d| {
                    let outcomes: Vec<String> = d.timeline.iter().filter(|e| e.event.is_progress()).map(|e| format!("{}: {}", e.on, super::decision::event_words(&e.event))).collect();
                    view! {
                        <section class="decision">
                            <h3>{d.title}</h3>
                            <p>{staff!(evidence.decision_line, status = d.status.label(), on = d.decided_on, stage = d.stage.label(), level = d.outcome_level.label())}</p>
                            <p>{d.decided}</p>
                            {d.reason.map(|reason| view! { <p>{staff!(evidence.why_not, reason)}</p> })}
                            {d.feedback.map(|f| view! { <p>{staff!(evidence.fed_back_on, on = f.published_on, message = f.plain_text)}</p> })}
                            <ul>{outcomes.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                        </section>
                    }
                }).collect_view()}
            </section>
        </article>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let period = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("from").unwrap_or_default(),
                q.get("until").unwrap_or_default(),
            )
        })
    });
    let audit = page_data(
        move || period.get(),
        |(from, until)| load_audit(from, until),
    );
    view! {
        <Title text=staff!(common.co_production_audit)/>
        <StaffFrame>
            <h1>{staff!(common.co_production_audit)}</h1>
            <form method="get" action="/staff/evidence/audit" class="staff-form filter no-print">
                <label for="audit-from">{staff!(evidence.sessions_from)}</label>
                <input id="audit-from" name="from" type="date" value=move || period.get().0/>
                <label for="audit-until">{staff!(evidence.sessions_until)}</label>
                <input id="audit-until" name="until" type="date" value=move || period.get().1/>
                <button type="submit">{staff!(evidence.show)}</button>
            </form>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match audit.await {
                        Ok(audit) => view! { <Audit audit/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

/// "How was today?" as words: how many children chose each face.
fn faces(tally: [i64; 5]) -> String {
    EmojiScale::POINTS
        .iter()
        .zip(tally)
        .map(|((_, _, word), n)| format!("{word} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn Audit(audit: CoproductionAudit) -> impl IntoView {
    let summary = staff!(
        evidence.audit_summary,
        sessions = audit.sessions.len(),
        children = audit.children(),
        contributions = audit.contributions(),
        loops = audit.loops_closed(),
        complete = audit.complete_space_records(),
    );
    let TodaySummary {
        listened,
        could_say,
    } = audit.today;
    view! {
        <article class="report">
            <p>{staff!(evidence.covering_sessions, period = audit.period)}</p>
            <p class="no-print"><button type="button" class="button" data-action="print">{staff!(evidence.print_save_pdf)}</button></p>
            <p>{summary}</p>
            <section aria-labelledby="today-heading">
                <h2 id="today-heading">{staff!(evidence.how_today_childrens_own)}</h2>
                <p>{format!("{} {}.", TodaySummary::LISTENED, faces(listened))}</p>
                <p>{format!("{} {}.", TodaySummary::COULD_SAY, faces(could_say))}</p>
            </section>
            <section aria-labelledby="adjustments-heading">
                <h2 id="adjustments-heading">{staff!(evidence.adjustments_made_so_every)}</h2>
                {if audit.adjustments.is_empty() {
                    view! { <p>{staff!(evidence.none_recorded)}</p> }.into_any()
                } else {
                    view! { <ul>{audit.adjustments.into_iter().map(|(what, n)| view! { <li>{staff!(evidence.adjustment_sessions, what, count = n)}</li> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section aria-labelledby="sessions-heading">
                <h2 id="sessions-heading">{staff!(evidence.sessions_held)}</h2>
                <table class="audit">
                    <thead>
                        <tr>
                            <th scope="col">{staff!(common.when)}</th><th scope="col">{staff!(evidence.where_heading)}</th><th scope="col">{staff!(common.activity)}</th>
                            <th scope="col">{staff!(common.facilitator)}</th><th scope="col">{staff!(evidence.group)}</th><th scope="col">{staff!(evidence.who_missing)}</th>
                            <th scope="col">{staff!(evidence.children)}</th><th scope="col">{staff!(evidence.loops_closed)}</th><th scope="col">{staff!(common.space_record)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {audit.sessions.into_iter().map(|s| {
                            let space = if s.gaps.is_empty() { staff!(evidence.space_complete).to_owned() } else { staff!(evidence.space_lacks, gaps = s.gaps.join(", ")) };
                            view! {
                                <tr>
                                    <td>{s.held_on.to_string()}</td><td>{s.place}</td><td>{s.activity}</td><td>{s.facilitator}</td>
                                    <td>{s.space.expected_group}</td><td>{s.space.missing}</td>
                                    <td>{s.children}</td><td>{staff!(evidence.loops_of, closed = s.loops_closed, contributions = s.contributions)}</td><td>{space}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        </article>
    }
}
