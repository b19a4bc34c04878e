//! Search and filter across contributions: the answers behind the evidence, a page at a time.

use super::StaffFrame;
use crate::api::evidence::search_contributions;
use crate::domain::{AgeBand, AnswerMode, LundyStage, SearchFields, SearchPage, SEARCH_PAGE_SIZE};
use crate::staff;
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
        <Title text=staff!(common.contributions)/>
        <StaffFrame>
            <h1>{staff!(common.what_children_said)}</h1>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
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
    let found = if total == 1 {
        staff!(search.found_one).to_owned()
    } else {
        staff!(search.found, count = total)
    };
    let shown = if rows.is_empty() {
        found
    } else {
        staff!(
            search.found_showing,
            found,
            from = first + 1,
            to = first + rows.len() as i64
        )
    };
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
            <FilterSelect id="search-priority" name="priority" label=staff!(common.priority) any=staff!(common.all_priorities)
                chosen=fields.priority.clone()
                choices=priorities.into_iter().map(|p| (p.id, format!("{}. {}", p.position, p.title))).collect()/>
            <FilterSelect id="search-activity" name="activity" label=staff!(common.activity) any=staff!(common.all_activities)
                chosen=fields.activity.clone() choices=activities/>
            <FilterSelect id="search-session" name="session" label=staff!(common.session) any=staff!(search.all_sessions)
                chosen=fields.session.clone() choices=sessions/>
            <FilterSelect id="search-mode" name="mode" label=staff!(search.way_answering) any=staff!(search.any_way)
                chosen=fields.mode.clone() choices=coded(AnswerMode::ALL.as_slice(), AnswerMode::as_str, AnswerMode::label)/>
            <FilterSelect id="search-theme" name="theme" label=staff!(search.theme) any=staff!(search.any_theme)
                chosen=fields.theme.clone() choices=themes.into_iter().map(|t| (t.clone(), t)).collect()/>
            <FilterSelect id="search-age" name="age" label=staff!(search.age_band) any=staff!(search.any_age)
                chosen=fields.age.clone() choices=coded(AgeBand::ALL, AgeBand::as_str, AgeBand::label)/>
            <FilterSelect id="search-stage" name="stage" label=staff!(search.how_far_got) any=staff!(search.any_step)
                chosen=fields.stage.clone() choices=coded(LundyStage::ALL, LundyStage::as_str, LundyStage::label)/>
            <div class="field"><label for="search-from">{staff!(common.said_from)}</label><input id="search-from" name="from" type="date" value=fields.from.clone()/></div>
            <div class="field"><label for="search-until">{staff!(common.said_until)}</label><input id="search-until" name="until" type="date" value=fields.until.clone()/></div>
            <button type="submit">{staff!(search.search)}</button>
        </form>
        <p role="status">{shown}</p>
        <table class="contributions">
            <thead>
                <tr>
                    <th scope="col">{staff!(common.said_on)}</th><th scope="col">{staff!(search.activity_session)}</th><th scope="col">{staff!(common.question)}</th>
                    <th scope="col">{staff!(search.way)}</th><th scope="col">{staff!(common.what_child_said)}</th><th scope="col">{staff!(common.themes)}</th>
                    <th scope="col">{staff!(search.age_band)}</th><th scope="col">{staff!(search.how_far_got)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! {
                    <tr>
                        <td>{row.said_on.to_string()}</td>
                        <td>{staff!(search.activity_in_session, activity = row.activity, session = row.session)}</td>
                        <td>{row.prompt}</td>
                        <td>{row.way}</td>
                        <td>{row.answer}</td>
                        <td>{row.themes.join(", ")}</td>
                        <td>{row.age_band.map_or(staff!(search.age_not_given), |a| a.label())}</td>
                        <td>{row.stage.label()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <nav aria-label=staff!(search.pages_results) class="actions">
            {earlier.map(|q| view! { <a href=format!("/staff/contributions?{q}")>{staff!(search.earlier_page)}</a> })}
            {later.map(|q| view! { <a href=format!("/staff/contributions?{q}")>{staff!(search.next_page)}</a> })}
        </nav>
    }
}
