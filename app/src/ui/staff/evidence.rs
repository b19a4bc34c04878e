//! Evidence of influence: the Lundy dashboard with its filter, the print-ready report, and the
//! co-production audit.

use super::StaffFrame;
use crate::api::evidence::{load_audit, load_evidence, load_report};
use crate::domain::{
    CommissioningStage, CoproductionAudit, Dashboard, EmojiScale, EvidenceFields, EvidencePage,
    EvidenceReport, Funnel, OutcomeLevel, SearchFields, TodaySummary,
};
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
        <Title text="Evidence"/>
        <StaffFrame>
            <h1>"Evidence of influence"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
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
            <FilterSelect id="filter-priority" name="priority" label="Priority" any="All priorities"
                chosen=fields.priority.clone()
                choices=page.priorities.into_iter().map(|p| (p.id, format!("{}. {}", p.position, p.title))).collect()/>
            <FilterSelect id="filter-ambition" name="ambition" label="Ambition" any="All ambitions"
                chosen=fields.ambition.clone()
                choices=page.ambitions.into_iter().map(|a| (a.id, format!("{}. {}", a.position, a.title))).collect()/>
            <FilterSelect id="filter-activity" name="activity" label="Activity" any="All activities"
                chosen=fields.activity.clone() choices=page.activities/>
            <FilterSelect id="filter-stage" name="stage" label="Decisions at the stage of the commissioning cycle"
                any="Any stage, or no decision yet" chosen=fields.stage.clone()
                choices=coded(CommissioningStage::ALL, CommissioningStage::as_str, CommissioningStage::label)/>
            <FilterSelect id="filter-level" name="level" label="Decisions with outcomes at the level"
                any="Any level, or no decision yet" chosen=fields.level.clone()
                choices=coded(OutcomeLevel::ALL, OutcomeLevel::as_str, OutcomeLevel::label)/>
            <div class="field"><label for="filter-from">"Said from"</label><input id="filter-from" name="from" type="date" value=fields.from.clone()/></div>
            <div class="field"><label for="filter-until">"Said until"</label><input id="filter-until" name="until" type="date" value=fields.until.clone()/></div>
            <div class="field"><label for="filter-weeks">"Loops are overdue after (weeks)"</label><input id="filter-weeks" name="weeks" type="number" min="1" value=fields.weeks.clone() placeholder="12"/></div>
            <button type="submit">"Show"</button>
        </form>
        <p class="actions">
            <a class="button" href=format!("/staff/evidence/report?{query}")>"Evidence report (print or save as PDF)"</a>
            <a class="button secondary" href=format!("/staff/evidence/export.csv?{query}") rel="external" download>"Download CSV"</a>
            <a class="button secondary" href=format!("/staff/evidence/export.json?{query}") rel="external" download>"Download JSON"</a>
        </p>
        <p class="actions">
            <a href=format!("/staff/contributions?{}", search_query(&fields))>"See the contributions behind these figures"</a>
            <a href=format!("/staff/evidence/audit?{}", audit_query(&fields))>"Co-production audit of this period"</a>
        </p>
        <DashboardView dashboard=page.dashboard/>
        <h2>"Exports so far"</h2>
        <table class="exports">
            <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"Format"</th><th scope="col">"What"</th><th scope="col">"Rows"</th></tr></thead>
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
    value.map_or("no contributions got this far yet".into(), |d| {
        format!("{d:.1} days")
    })
}

/// How many contributions got how far along the chain.
#[component]
pub(super) fn FunnelTable(funnel: Funnel) -> impl IntoView {
    let steps = [
        ("Said", funnel.said),
        ("Heard by people who decide", funnel.heard),
        ("Linked to a decision", funnel.linked),
        ("Fed back to the children", funnel.fed_back),
    ];
    view! {
        <table class="funnel">
            <thead><tr><th scope="col">"Step"</th><th scope="col">"Contributions"</th></tr></thead>
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
            <h2 id="funnel-heading">"The Lundy funnel"</h2>
            <FunnelTable funnel/>
            <p>{format!("Median time from said to heard: {}.", days(median_days_to_heard))}</p>
            <p>{format!("Median time from said to fed back: {}.", days(median_days_to_fed_back))}</p>
        </section>
        <section aria-labelledby="replies-heading">
            <h2 id="replies-heading">"Did we get it right? The children's answers"</h2>
            <table class="replies">
                <tbody>
                    <tr>
                        {EmojiScale::POINTS.iter().zip(replies).map(|((_, face, word), n)| view! {
                            <td><Icon symbol=*face/>" "{format!("{word}: {n}")}</td>
                        }).collect_view()}
                    </tr>
                </tbody>
            </table>
        </section>
        <section aria-labelledby="modes-heading">
            <h2 id="modes-heading">"How children answered"</h2>
            <ul>{modes.into_iter().map(|(mode, n)| view! { <li>{format!("{mode}: {n}")}</li> }).collect_view()}</ul>
            <p>{format!("Space: {sessions_with_space} of {sessions} sessions have a complete Space record.")}</p>
        </section>
        <section aria-labelledby="cuts-heading">
            <h2 id="cuts-heading">"Decisions by stage of the commissioning cycle and outcome level"</h2>
            {if decision_cuts.is_empty() {
                view! { <p>"No decisions answer these contributions yet."</p> }.into_any()
            } else {
                view! {
                    <table class="cuts">
                        <thead><tr><th scope="col">"Stage"</th><th scope="col">"Outcome level"</th><th scope="col">"Decisions"</th><th scope="col">"Contributions they answer"</th></tr></thead>
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
                <thead><tr><th scope="col">"Said on"</th><th scope="col">"Weeks"</th><th scope="col">"Activity"</th><th scope="col">"Question"</th><th scope="col">"Owner"</th></tr></thead>
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
        <Title text="Evidence report"/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
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
            <h1>"Evidence of children's influence"</h1>
            <p>{format!("Covering: {}", report.scope)}</p>
            <p class="no-print"><button type="button" class="button" data-action="print">"Print or save as PDF"</button></p>
            <div class="chart-box" inner_html=report.funnel_chart></div>
            <div class="chart-box" inner_html=report.modes_chart></div>
            <DashboardView dashboard=report.dashboard/>
            <section aria-labelledby="quotes-heading">
                <h2 id="quotes-heading">"In children's words"</h2>
                <ul class="quotes">
                    {report.quotes.into_iter().map(|(question, words, on)| view! {
                        <li><blockquote>{words}</blockquote><p class="small">{format!("{question} ({on})")}</p></li>
                    }).collect_view()}
                </ul>
                <div class="pictures">
                    {report.pictures.into_iter().map(|(id, description)| view! {
                        <img class="thumbnail" src=format!("/staff/media/{id}/thumb")
                            alt=description.unwrap_or_else(|| "A picture a child made (not described yet)".into())/>
                    }).collect_view()}
                </div>
            </section>
            <section aria-labelledby="decisions-heading">
                <h2 id="decisions-heading">"Decisions and outcomes"</h2>
                {report.decisions.into_iter().map(|d| {
                    let outcomes: Vec<String> = d.timeline.iter().filter(|e| e.event.is_progress()).map(|e| format!("{}: {}", e.on, super::decision::event_words(&e.event))).collect();
                    view! {
                        <section class="decision">
                            <h3>{d.title}</h3>
                            <p>{format!("{} · {} · {} · {} level", d.status.label(), d.decided_on, d.stage.label(), d.outcome_level.label())}</p>
                            <p>{d.decided}</p>
                            {d.reason.map(|reason| view! { <p>{format!("Why not: {reason}")}</p> })}
                            {d.feedback.map(|f| view! { <p>{format!("Fed back on {}: {}", f.published_on, f.plain_text)}</p> })}
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
        <Title text="Co-production audit"/>
        <StaffFrame>
            <h1>"Co-production audit"</h1>
            <form method="get" action="/staff/evidence/audit" class="staff-form filter no-print">
                <label for="audit-from">"Sessions from"</label>
                <input id="audit-from" name="from" type="date" value=move || period.get().0/>
                <label for="audit-until">"Sessions until"</label>
                <input id="audit-until" name="until" type="date" value=move || period.get().1/>
                <button type="submit">"Show"</button>
            </form>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
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
    let summary = format!(
        "{} sessions, {} children, {} contributions; {} loops closed; {} of the sessions have a complete Space record.",
        audit.sessions.len(),
        audit.children(),
        audit.contributions(),
        audit.loops_closed(),
        audit.complete_space_records(),
    );
    let TodaySummary {
        listened,
        could_say,
    } = audit.today;
    view! {
        <article class="report">
            <p>{format!("Covering sessions held {}.", audit.period)}</p>
            <p class="no-print"><button type="button" class="button" data-action="print">"Print or save as PDF"</button></p>
            <p>{summary}</p>
            <section aria-labelledby="today-heading">
                <h2 id="today-heading">"How was today? The children's own answers"</h2>
                <p>{format!("{} {}.", TodaySummary::LISTENED, faces(listened))}</p>
                <p>{format!("{} {}.", TodaySummary::COULD_SAY, faces(could_say))}</p>
            </section>
            <section aria-labelledby="adjustments-heading">
                <h2 id="adjustments-heading">"Adjustments made so every child could take part"</h2>
                {if audit.adjustments.is_empty() {
                    view! { <p>"None recorded."</p> }.into_any()
                } else {
                    view! { <ul>{audit.adjustments.into_iter().map(|(what, n)| view! { <li>{format!("{what}: {n} sessions")}</li> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section aria-labelledby="sessions-heading">
                <h2 id="sessions-heading">"Sessions held"</h2>
                <table class="audit">
                    <thead>
                        <tr>
                            <th scope="col">"When"</th><th scope="col">"Where"</th><th scope="col">"Activity"</th>
                            <th scope="col">"Facilitator"</th><th scope="col">"Group"</th><th scope="col">"Who was missing"</th>
                            <th scope="col">"Children"</th><th scope="col">"Loops closed"</th><th scope="col">"Space record"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {audit.sessions.into_iter().map(|s| {
                            let space = if s.gaps.is_empty() { "Complete".to_owned() } else { format!("Lacks {}", s.gaps.join(", ")) };
                            view! {
                                <tr>
                                    <td>{s.held_on.to_string()}</td><td>{s.place}</td><td>{s.activity}</td><td>{s.facilitator}</td>
                                    <td>{s.space.expected_group}</td><td>{s.space.missing}</td>
                                    <td>{s.children}</td><td>{format!("{} of {}", s.loops_closed, s.contributions)}</td><td>{space}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        </article>
    }
}
