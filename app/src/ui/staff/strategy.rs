//! Strategies and priorities: what the partnership is trying to do, kept by commissioners,
//! and each priority's page with what children said about it and what was decided.

use super::evidence::FunnelTable;
use super::StaffFrame;
use crate::api::strategy::{
    load_priority, load_strategies, CreateAmbition, CreateStrategy, SavePriority, UpdateStrategy,
};
use crate::domain::{Ambition, Priority, PriorityPage, StrategiesPage, Strategy};
use crate::staff;
use crate::ui::components::{ActionProblem, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StrategiesPage() -> impl IntoView {
    let create_strategy = ServerAction::<CreateStrategy>::new();
    let update_strategy = ServerAction::<UpdateStrategy>::new();
    let create_priority = ServerAction::<SavePriority>::new();
    let create_ambition = ServerAction::<CreateAmbition>::new();
    let page = page_data(
        move || {
            create_strategy.version().get()
                + update_strategy.version().get()
                + create_ambition.version().get()
        },
        |_| load_strategies(),
    );
    view! {
        <Title text=staff!(common.strategies_priorities)/>
        <StaffFrame>
            <h1>{staff!(common.strategies_priorities)}</h1>
            <p>{staff!(strategy.what_partnership_has_set)}</p>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <Strategies page create_strategy update_strategy create_priority create_ambition/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Strategies(
    page: StrategiesPage,
    create_strategy: ServerAction<CreateStrategy>,
    update_strategy: ServerAction<UpdateStrategy>,
    create_priority: ServerAction<SavePriority>,
    create_ambition: ServerAction<CreateAmbition>,
) -> impl IntoView {
    let StrategiesPage {
        strategies,
        ambitions,
        can_edit,
    } = page;
    let titles: Vec<(String, String)> = ambitions
        .iter()
        .map(|a| (a.id.clone(), a.title.clone()))
        .collect();
    let cards = strategies
        .into_iter()
        .map(|strategy| {
            let ambitions = ambitions.clone();
            view! {
            <StrategyCard strategy=strategy.clone() titles=titles.clone() can_edit update=update_strategy/>
            {can_edit.then(move || view! {
                <details class="card">
                    <summary>{staff!(strategy.add_priority_to, strategy = strategy.title)}</summary>
                    <ActionForm action=create_priority attr:class="staff-form">
                        <input type="hidden" name="strategy" value=strategy.id.clone()/>
                        <PriorityFields key=format!("new-{}", strategy.id) priority=None ambitions/>
                        <ActionProblem action=create_priority/>
                        <button type="submit">{staff!(strategy.add_priority)}</button>
                    </ActionForm>
                </details>
            })}
            }
        })
        .collect_view();
    view! {
        {cards}
        {can_edit.then(|| view! {
            <details class="card">
                <summary>{staff!(strategy.add_a_strategy)}</summary>
                <ActionForm action=create_strategy attr:class="staff-form">
                    <StrategyFields key="new".into() strategy=None/>
                    <ActionProblem action=create_strategy/>
                    <button type="submit">{staff!(strategy.add_the_strategy)}</button>
                </ActionForm>
            </details>
        })}
        <section aria-labelledby="ambitions-heading">
            <h2 id="ambitions-heading">{staff!(strategy.our_ambitions)}</h2>
            <ol class="ambitions">
                {ambitions.into_iter().map(|a| view! { <li><strong>{a.title}</strong>" "{a.summary}</li> }).collect_view()}
            </ol>
            {can_edit.then(|| view! {
                <details class="card">
                    <summary>{staff!(strategy.add_an_ambition)}</summary>
                    <ActionForm action=create_ambition attr:class="staff-form">
                        <label for="ambition-title">{staff!(strategy.ambition)}</label>
                        <input id="ambition-title" name="title" placeholder=staff!(strategy.e_g_children_young)/>
                        <label for="ambition-summary">{staff!(strategy.what_means_optional)}</label>
                        <textarea id="ambition-summary" name="summary" rows="2"></textarea>
                        <ActionProblem action=create_ambition/>
                        <button type="submit">{staff!(strategy.add_the_ambition)}</button>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}

#[component]
fn StrategyCard(
    strategy: Strategy,
    titles: Vec<(String, String)>,
    can_edit: bool,
    update: ServerAction<UpdateStrategy>,
) -> impl IntoView {
    let serves = move |p: &Priority| {
        p.ambition_ids
            .iter()
            .filter_map(|id| titles.iter().find(|(a, _)| a == id).map(|(_, t)| t.clone()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let period_and_owner = if strategy.owner.is_empty() {
        strategy.period.clone()
    } else {
        staff!(
            strategy.owned_by,
            period = strategy.period,
            owner = strategy.owner
        )
    };
    let heading = format!("strategy-{}", strategy.id);
    let labelled_by = heading.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading>{strategy.title.clone()}</h2>
            <p>{period_and_owner}</p>
            <ol class="priorities">
                {strategy.priorities.iter().map(|p| {
                    let serves = serves(p);
                    view! {
                        <li>
                            <a href=format!("/staff/priorities/{}", p.id)>{p.title.clone()}</a>
                            {(!p.owner.is_empty()).then(|| staff!(strategy.priority_owner, owner = p.owner))}
                            {(!serves.is_empty()).then(|| view! { <p class="small">{staff!(strategy.serves, serves)}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {can_edit.then(move || view! {
                <details>
                    <summary>{staff!(strategy.change_strategy)}</summary>
                    <ActionForm action=update attr:class="staff-form">
                        <input type="hidden" name="strategy" value=strategy.id.clone()/>
                        <StrategyFields key=strategy.id.clone() strategy=Some(strategy.clone())/>
                        <ActionProblem action=update/>
                        <button type="submit">{staff!(common.save)}</button>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}

#[component]
fn StrategyFields(key: String, strategy: Option<Strategy>) -> impl IntoView {
    let id = move |name: &str| format!("strategy-{name}-{key}");
    let (title, period, owner) = strategy
        .map(|s| (s.title, s.period, s.owner))
        .unwrap_or_default();
    view! {
        <label for=id("title")>{staff!(common.title)}</label>
        <input id=id("title") name="title" value=title placeholder=staff!(strategy.e_g_joint_commissioning)/>
        <label for=id("period")>{staff!(strategy.period_covers)}</label>
        <input id=id("period") name="period" value=period placeholder=staff!(strategy.e_g_2025_2028)/>
        <label for=id("owner")>{staff!(strategy.who_owns_role_not)}</label>
        <input id=id("owner") name="owner" value=owner placeholder=staff!(strategy.e_g_integrated_commissioning)/>
    }
}

/// The fields of a priority, empty for a new one.
#[component]
fn PriorityFields(
    key: String,
    priority: Option<Priority>,
    ambitions: Vec<Ambition>,
) -> impl IntoView {
    let id = {
        let key = key.clone();
        move |name: &str| format!("priority-{name}-{key}")
    };
    let priority = priority.unwrap_or(Priority {
        id: String::new(),
        strategy_id: String::new(),
        position: 0,
        title: String::new(),
        why: String::new(),
        what: String::new(),
        how: String::new(),
        owner: String::new(),
        period: String::new(),
        ambition_ids: Vec::new(),
    });
    view! {
        <label for=id("title")>{staff!(common.title)}</label>
        <input id=id("title") name="title" value=priority.title/>
        <label for=id("why")>{staff!(strategy.why_matters)}</label>
        <textarea id=id("why") name="why" rows="3">{priority.why}</textarea>
        <label for=id("what")>{staff!(strategy.what_want_achieve)}</label>
        <textarea id=id("what") name="what" rows="3">{priority.what}</textarea>
        <label for=id("how")>{staff!(strategy.how_will_do)}</label>
        <textarea id=id("how") name="how" rows="3">{priority.how}</textarea>
        <label for=id("owner")>{staff!(strategy.who_owns_role_not)}</label>
        <input id=id("owner") name="owner" value=priority.owner/>
        <label for=id("period")>{staff!(strategy.period)}</label>
        <input id=id("period") name="period" value=priority.period placeholder=staff!(strategy.e_g_2025_2028)/>
        <fieldset>
            <legend>{staff!(strategy.ambitions_serves)}</legend>
            {ambitions.into_iter().map(|a| {
                let checked = priority.ambition_ids.contains(&a.id);
                let box_id = format!("priority-ambition-{}-{key}", a.id);
                view! {
                    <div class="check">
                        <input type="checkbox" id=box_id.clone() name="ambitions[]" value=a.id checked=checked/>
                        <label for=box_id>{a.title}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
pub fn PriorityPage() -> impl IntoView {
    let params = use_params_map();
    let update = ServerAction::<SavePriority>::new();
    let page = page_data(
        move || {
            (
                params.read().get("priority").unwrap_or_default(),
                update.version().get(),
            )
        },
        |(id, _)| load_priority(id),
    );
    view! {
        <Title text=staff!(common.priority)/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <PriorityView page update/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn PriorityView(page: PriorityPage, update: ServerAction<SavePriority>) -> impl IntoView {
    let PriorityPage {
        priority,
        strategy,
        ambitions,
        funnel,
        activities,
        quotes,
        decisions,
        can_edit,
    } = page;
    let serves: Vec<String> = ambitions
        .iter()
        .filter(|a| priority.ambition_ids.contains(&a.id))
        .map(|a| a.title.clone())
        .collect();
    let details = [
        (staff!(strategy.fact.strategy), strategy),
        (staff!(strategy.fact.owner), priority.owner.clone()),
        (staff!(strategy.fact.period), priority.period.clone()),
        (staff!(strategy.fact.serves), serves.join("; ")),
    ];
    let evidence = format!("/staff/evidence?priority={}", priority.id);
    let search = format!("/staff/contributions?priority={}", priority.id);
    view! {
        <h1>{priority.title.clone()}</h1>
        <dl class="facts">
            {details.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
        <h2>{staff!(common.why)}</h2>
        <p>{priority.why.clone()}</p>
        <h2>{staff!(common.what)}</h2>
        <p>{priority.what.clone()}</p>
        <h2>{staff!(strategy.how)}</h2>
        <p>{priority.how.clone()}</p>
        <section aria-labelledby="priority-funnel">
            <h2 id="priority-funnel">{staff!(strategy.how_far_childrens_views)}</h2>
            <FunnelTable funnel/>
            <p class="actions">
                <a href=evidence>{staff!(strategy.whole_dashboard_priority)}</a>
                <a href=search>{staff!(strategy.every_contribution_about)}</a>
            </p>
        </section>
        <section aria-labelledby="priority-said">
            <h2 id="priority-said">{staff!(common.what_children_said)}</h2>
            {if activities.is_empty() {
                view! { <p>{staff!(strategy.no_activity_has_asked)}</p> }.into_any()
            } else {
                view! { <p>{staff!(strategy.asked_in, activities = activities.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(", "))}</p> }.into_any()
            }}
            <ul class="quotes">
                {quotes.into_iter().map(|(question, words, on)| view! {
                    <li><blockquote>{words}</blockquote><p class="small">{format!("{question} ({on})")}</p></li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="priority-decisions">
            <h2 id="priority-decisions">{staff!(strategy.decisions_under)}</h2>
            {if decisions.is_empty() {
                view! { <p>{staff!(common.none_yet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards">
                        {decisions.into_iter().map(|d| view! {
                            <li>
                                <a href=format!("/staff/decisions/{}", d.id)>{d.title}</a>
                                {staff!(strategy.decision_line, on = d.decided_on, status = d.status.label(), fed_back = if d.published { staff!(home.fed_back) } else { staff!(home.not_fed_back) })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {can_edit.then(|| view! {
            <details class="card">
                <summary>{staff!(strategy.change_priority)}</summary>
                <ActionForm action=update attr:class="staff-form">
                    <input type="hidden" name="priority" value=priority.id.clone()/>
                    <PriorityFields key=priority.id.clone() priority=Some(priority.clone()) ambitions/>
                    <ActionProblem action=update/>
                    <button type="submit">{staff!(common.save)}</button>
                </ActionForm>
            </details>
        })}
    }
}
