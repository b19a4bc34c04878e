//! Evidence of influence: the Lundy dashboard with its filter, and the print-ready report.

use super::StaffFrame;
use crate::api::evidence::{load_evidence, load_report};
use crate::domain::{Dashboard, EmojiScale, EvidencePage, EvidenceReport};
use crate::ui::components::Problem;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const FIELDS: [&str; 5] = ["priority", "activity", "from", "until", "weeks"];

/// The page's filter as (field, value) pairs, from its query string.
fn filter_fields() -> Memo<Vec<(&'static str, String)>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| {
            FIELDS
                .iter()
                .map(|field| (*field, q.get(field).unwrap_or_default()))
                .collect()
        })
    })
}

fn query_string(fields: &[(&'static str, String)]) -> String {
    fields
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(field, value)| {
            let value: String = value
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            format!("{field}={value}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn value_of(fields: &[(&'static str, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(field, _)| *field == name)
        .map(|(_, value)| value.clone())
        .unwrap_or_default()
}

#[component]
pub fn EvidencePage() -> impl IntoView {
    let fields = filter_fields();
    let page = Resource::new(
        move || fields.get(),
        |fields| {
            let [priority, activity, from, until, weeks] =
                FIELDS.map(|name| value_of(&fields, name));
            load_evidence(priority, activity, from, until, weeks)
        },
    );
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
fn Evidence(page: EvidencePage, fields: Vec<(&'static str, String)>) -> impl IntoView {
    let chosen = |name: &str| value_of(&fields, name);
    let (priority, activity) = (chosen("priority"), chosen("activity"));
    let query = query_string(&fields);
    view! {
        <form method="get" action="/staff/evidence" class="staff-form filter">
            <label for="filter-priority">"Priority"</label>
            <select id="filter-priority" name="priority">
                <option value="">"All priorities"</option>
                {page.priorities.into_iter().map(|p| {
                    let selected = p.id == priority;
                    view! { <option value=p.id selected=selected>{format!("{}. {}", p.position, p.title)}</option> }
                }).collect_view()}
            </select>
            <label for="filter-activity">"Activity"</label>
            <select id="filter-activity" name="activity">
                <option value="">"All activities"</option>
                {page.activities.into_iter().map(|(id, title)| {
                    let selected = id == activity;
                    view! { <option value=id selected=selected>{title}</option> }
                }).collect_view()}
            </select>
            <label for="filter-from">"Said from"</label>
            <input id="filter-from" name="from" type="date" value=chosen("from")/>
            <label for="filter-until">"Said until"</label>
            <input id="filter-until" name="until" type="date" value=chosen("until")/>
            <label for="filter-weeks">"Loops are overdue after (weeks)"</label>
            <input id="filter-weeks" name="weeks" type="number" min="1" value=chosen("weeks") placeholder="12"/>
            <button type="submit">"Show"</button>
        </form>
        <p class="actions">
            <a class="button" href=format!("/staff/evidence/report?{query}")>"Evidence report (print or save as PDF)"</a>
            <a class="button secondary" href=format!("/staff/evidence/export.csv?{query}") rel="external" download>"Download CSV"</a>
            <a class="button secondary" href=format!("/staff/evidence/export.json?{query}") rel="external" download>"Download JSON"</a>
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

fn days(value: Option<f64>) -> String {
    value.map_or("no contributions got this far yet".into(), |d| {
        format!("{d:.1} days")
    })
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
    } = dashboard;
    let steps = [
        ("Said", funnel.said),
        ("Heard by people who decide", funnel.heard),
        ("Linked to a decision", funnel.linked),
        ("Fed back to the children", funnel.fed_back),
    ];
    view! {
        <section aria-labelledby="funnel-heading">
            <h2 id="funnel-heading">"The Lundy funnel"</h2>
            <table class="funnel">
                <thead><tr><th scope="col">"Step"</th><th scope="col">"Contributions"</th></tr></thead>
                <tbody>
                    {steps.into_iter().map(|(step, n)| view! { <tr><th scope="row">{step}</th><td>{n}</td></tr> }).collect_view()}
                </tbody>
            </table>
            <p>{format!("Median time from said to heard: {}.", days(median_days_to_heard))}</p>
            <p>{format!("Median time from said to fed back: {}.", days(median_days_to_fed_back))}</p>
        </section>
        <section aria-labelledby="replies-heading">
            <h2 id="replies-heading">"Did we get it right? The children's answers"</h2>
            <table class="replies">
                <tbody>
                    <tr>
                        {EmojiScale::POINTS.iter().zip(replies).map(|((_, face, word), n)| view! {
                            <td><span aria-hidden="true">{*face}" "</span>{format!("{word}: {n}")}</td>
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
        <section aria-labelledby="overdue-heading">
            <h2 id="overdue-heading">{format!("Loops still open after {overdue_weeks} weeks ({overdue_total})")}</h2>
            <table class="overdue">
                <thead><tr><th scope="col">"Said on"</th><th scope="col">"Weeks"</th><th scope="col">"Activity"</th><th scope="col">"Question"</th><th scope="col">"Owner"</th></tr></thead>
                <tbody>
                    {overdue.into_iter().map(|l| view! {
                        <tr><td>{l.said_on}</td><td>{l.weeks}</td><td>{l.activity}</td><td>{l.prompt}</td><td>{l.owner}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let fields = filter_fields();
    let report = Resource::new(
        move || fields.get(),
        |fields| {
            let [priority, activity, from, until, weeks] =
                FIELDS.map(|name| value_of(&fields, name));
            load_report(priority, activity, from, until, weeks)
        },
    );
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
            <p class="no-print"><button type="button" class="button" onclick="window.print()">"Print or save as PDF"</button></p>
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
                    let outcomes: Vec<String> = d.timeline.iter().filter(|e| e.kind == "outcome" || e.kind == "status").map(|e| format!("{}: {}", e.on, e.text)).collect();
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
