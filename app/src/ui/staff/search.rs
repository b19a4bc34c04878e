//! Search and filter across contributions: the answers behind the evidence, a page at a time.

use super::StaffFrame;
use crate::api::evidence::search_contributions;
use crate::domain::{AgeBand, AnswerMode, LundyStage, SearchFields, SearchPage, SEARCH_PAGE_SIZE};
use crate::ui::components::{coded, FilterSelect, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ContributionsPage() -> impl IntoView {
    let query = use_query_map();
    let fields = Memo::new(move |_| query.with(|q| SearchFields::from_query(|key| q.get(key))));
    let page = page_data(move || fields.get(), search_contributions);
    view! {
        <Title text="Contributions"/>
        <StaffFrame>
            <h1>"What children said"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    let fields = fields.get();
                    Suspend::new(async move {
                        match page.await {
                            Ok(page) => view! { <Search page fields/> }.into_any(),
                            Err(error) => view! { <Problem error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Search(page: SearchPage, fields: SearchFields) -> impl IntoView {
    let SearchPage {
        rows,
        total,
        page: number,
        priorities,
        activities,
        sessions,
        themes,
    } = page;
    let first = (number - 1) * SEARCH_PAGE_SIZE;
    let shown = format!(
        "{total} contribution{} found{}",
        if total == 1 { "" } else { "s" },
        if rows.is_empty() {
            String::new()
        } else {
            format!(", showing {} to {}", first + 1, first + rows.len() as i64)
        },
    );
    let page_link = |to: i64| {
        SearchFields {
            page: to.to_string(),
            ..fields.clone()
        }
        .query_string()
    };
    let earlier = (number > 1).then(|| page_link(number - 1));
    let later = (first + (rows.len() as i64) < total).then(|| page_link(number + 1));
    view! {
        <form method="get" action="/staff/contributions" class="staff-form filter">
            <FilterSelect id="search-priority" name="priority" label="Priority" any="All priorities"
                chosen=fields.priority.clone()
                choices=priorities.into_iter().map(|p| (p.id, format!("{}. {}", p.position, p.title))).collect()/>
            <FilterSelect id="search-activity" name="activity" label="Activity" any="All activities"
                chosen=fields.activity.clone() choices=activities/>
            <FilterSelect id="search-session" name="session" label="Session" any="All sessions"
                chosen=fields.session.clone() choices=sessions/>
            <FilterSelect id="search-mode" name="mode" label="Way of answering" any="Any way"
                chosen=fields.mode.clone() choices=coded(AnswerMode::ALL.as_slice(), AnswerMode::as_str, AnswerMode::label)/>
            <FilterSelect id="search-theme" name="theme" label="Theme" any="Any theme"
                chosen=fields.theme.clone() choices=themes.into_iter().map(|t| (t.clone(), t)).collect()/>
            <FilterSelect id="search-age" name="age" label="Age band" any="Any age"
                chosen=fields.age.clone() choices=coded(AgeBand::ALL, AgeBand::as_str, AgeBand::label)/>
            <FilterSelect id="search-stage" name="stage" label="How far it got" any="Any step"
                chosen=fields.stage.clone() choices=coded(LundyStage::ALL, LundyStage::as_str, LundyStage::label)/>
            <div class="field"><label for="search-from">"Said from"</label><input id="search-from" name="from" type="date" value=fields.from.clone()/></div>
            <div class="field"><label for="search-until">"Said until"</label><input id="search-until" name="until" type="date" value=fields.until.clone()/></div>
            <button type="submit">"Search"</button>
        </form>
        <p role="status">{shown}</p>
        <table class="contributions">
            <thead>
                <tr>
                    <th scope="col">"Said on"</th><th scope="col">"Activity and session"</th><th scope="col">"Question"</th>
                    <th scope="col">"Way"</th><th scope="col">"What the child said"</th><th scope="col">"Themes"</th>
                    <th scope="col">"Age band"</th><th scope="col">"How far it got"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! {
                    <tr>
                        <td>{row.said_on.to_string()}</td>
                        <td>{format!("{} ({})", row.activity, row.session)}</td>
                        <td>{row.prompt}</td>
                        <td>{row.way}</td>
                        <td>{row.answer}</td>
                        <td>{row.themes.join(", ")}</td>
                        <td>{row.age_band.map_or("Not given", |a| a.label())}</td>
                        <td>{row.stage.label()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <nav aria-label="Pages of results" class="actions">
            {earlier.map(|q| view! { <a href=format!("/staff/contributions?{q}")>"Earlier page"</a> })}
            {later.map(|q| view! { <a href=format!("/staff/contributions?{q}")>"Next page"</a> })}
        </nav>
    }
}
