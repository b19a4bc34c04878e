use super::translations::FeedbackTranslations;
use super::StaffFrame;
use crate::api::influence::{
    decision_choices, decision_with_contributions, AddDecisionOutcome, LinkContribution,
    PublishFeedback, RecordDecision, SetDecisionStatus,
};
use crate::domain::{
    CommissioningStage, Contribution, Decision, DecisionEvent, DecisionStatus, OutcomeLevel,
};
use crate::staff;
use crate::ui::components::{ActionProblem, Problem, SymbolChoice};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewDecisionPage() -> impl IntoView {
    let choices = page_data(|| (), |_| decision_choices());
    let record = ServerAction::<RecordDecision>::new();
    view! {
        <Title text=staff!(common.record_a_decision)/>
        <StaffFrame>
            <h1>{staff!(common.record_a_decision)}</h1>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    let (priorities, forums) = match choices.await {
                        Ok(choices) => choices,
                        Err(error) => return view! { <Problem error/> }.into_any(),
                    };
                    view! {
                        <ActionForm action=record attr:class="staff-form">
                            <label for="priority">{staff!(common.priority)}</label>
                            <select id="priority" name="priority">
                                {priorities.into_iter().map(|p| view! {
                                    <option value=p.id>{format!("{}. {}", p.position, p.title)}</option>
                                }).collect_view()}
                            </select>
                            <label for="forum">{staff!(decision.forum_decided)}</label>
                            <select id="forum" name="forum">
                                {forums.into_iter().map(|f| view! { <option value=f.id>{f.name}</option> }).collect_view()}
                            </select>
                            <label for="title">{staff!(common.title)}</label>
                            <input id="title" name="title"/>
                            <label for="decided">{staff!(decision.what_decided)}</label>
                            <textarea id="decided" name="decided" rows="4"></textarea>
                            <label for="status">{staff!(decision.status)}</label>
                            <select id="status" name="status">
                                {DecisionStatus::ALL.iter().map(|s| view! {
                                    <option value=s.as_str()>{s.label()}</option>
                                }).collect_view()}
                            </select>
                            <label for="reason">{staff!(decision.not_taken_forward_why)}</label>
                            <textarea id="reason" name="reason" rows="2"></textarea>
                            <label for="decided_on">{staff!(decision.date_decision)}</label>
                            <input id="decided_on" name="decided_on" type="date"/>
                            <label for="decision_maker">{staff!(decision.who_decided)}</label>
                            <input id="decision_maker" name="decision_maker" placeholder=staff!(decision.e_g_head_send)/>
                            <label for="stage">{staff!(decision.stage_commissioning_cycle)}</label>
                            <select id="stage" name="stage">
                                {CommissioningStage::ALL.iter().map(|s| view! {
                                    <option value=s.as_str() selected=*s == CommissioningStage::Plan>{s.label()}</option>
                                }).collect_view()}
                            </select>
                            <label for="outcome_level">{staff!(decision.level_outcome)}</label>
                            <select id="outcome_level" name="outcome_level">
                                {OutcomeLevel::ALL.iter().map(|l| view! {
                                    <option value=l.as_str() selected=*l == OutcomeLevel::Service>{l.label()}</option>
                                }).collect_view()}
                            </select>
                            <ActionProblem action=record/>
                            <button type="submit">{staff!(common.record_the_decision)}</button>
                        </ActionForm>
                    }
                    .into_any()
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
pub fn DecisionPage() -> impl IntoView {
    let params = use_params_map();
    let link = ServerAction::<LinkContribution>::new();
    let publish = ServerAction::<PublishFeedback>::new();
    let status = ServerAction::<SetDecisionStatus>::new();
    let outcome = ServerAction::<AddDecisionOutcome>::new();
    let translated = RwSignal::new(0_u32);
    let found = page_data(
        move || {
            (
                params.read().get("decision").unwrap_or_default(),
                link.version().get()
                    + publish.version().get()
                    + status.version().get()
                    + outcome.version().get()
                    + translated.get() as usize,
            )
        },
        |(id, _)| decision_with_contributions(id),
    );
    view! {
        <Title text=staff!(common.decision)/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok((decision, contributions)) => {
                            view! { <DecisionDetail decision contributions link publish status outcome translated/> }.into_any()
                        }
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn DecisionDetail(
    decision: Decision,
    contributions: Vec<Contribution>,
    link: ServerAction<LinkContribution>,
    publish: ServerAction<PublishFeedback>,
    status: ServerAction<SetDecisionStatus>,
    outcome: ServerAction<AddDecisionOutcome>,
    translated: RwSignal<u32>,
) -> impl IntoView {
    let translations = decision
        .feedback
        .is_some()
        .then(|| view! { <FeedbackTranslations decision=decision.clone() saved=translated/> });
    let unlinked: Vec<Contribution> = contributions
        .into_iter()
        .filter(|c| !decision.links.iter().any(|l| l.contribution_id == c.id))
        .collect();
    let (plain, easy, symbol) = decision
        .feedback
        .as_ref()
        .map(|f| (f.plain_text.clone(), f.easy_read.clone(), f.symbol.clone()))
        .unwrap_or_default();
    let (link_id, publish_id) = (decision.id.clone(), decision.id.clone());
    let (status_id, outcome_id) = (decision.id.clone(), decision.id.clone());
    let current = decision.status;
    let timeline = decision
        .timeline
        .iter()
        .map(|entry| {
            view! {
                <tr>
                    <td>{entry.on.to_string()}</td>
                    <td>{event_kind(&entry.event)}</td>
                    <td>{event_words(&entry.event)}</td>
                    <td>{entry.by.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h1>{decision.title.clone()}</h1>
        <dl class="facts">
            <dt>{staff!(common.priority)}</dt><dd>{decision.priority.clone()}</dd>
            <dt>{staff!(common.forum)}</dt><dd>{format!("{}, {}", decision.forum, decision.decided_on)}</dd>
            <dt>{staff!(decision.status)}</dt><dd>{decision.status.label()}</dd>
            {decision.reason.clone().map(|reason| view! { <dt>{staff!(decision.why_not)}</dt><dd>{reason}</dd> })}
            <dt>{staff!(decision.what_decided)}</dt><dd>{decision.decided.clone()}</dd>
            <dt>{staff!(decision.who_decided)}</dt><dd>{decision.decision_maker.clone()}</dd>
            <dt>{staff!(decision.commissioning_stage)}</dt><dd>{decision.stage.label()}</dd>
            <dt>{staff!(common.outcome_level)}</dt><dd>{decision.outcome_level.label()}</dd>
        </dl>

        <h2>{staff!(decision.what_has_happened_since)}</h2>
        <ActionForm action=status attr:class="staff-form">
            <input type="hidden" name="decision" value=status_id/>
            <label for="new-status">{staff!(decision.status)}</label>
            <select id="new-status" name="status">
                {DecisionStatus::ALL.iter().map(|s| view! {
                    <option value=s.as_str() selected=*s == current>{s.label()}</option>
                }).collect_view()}
            </select>
            <label for="status-reason">{staff!(decision.not_taken_forward_why)}</label>
            <textarea id="status-reason" name="reason" rows="2"></textarea>
            <ActionProblem action=status/>
            <button type="submit" class="button secondary">{staff!(decision.change_status)}</button>
        </ActionForm>
        <ActionForm action=outcome attr:class="staff-form">
            <input type="hidden" name="decision" value=outcome_id/>
            <label for="outcome-text">{staff!(decision.update_outcome)}</label>
            <textarea id="outcome-text" name="text" rows="2"></textarea>
            <ActionProblem action=outcome/>
            <button type="submit" class="button secondary">{staff!(decision.add_update)}</button>
        </ActionForm>
        <table class="timeline">
            <caption>{staff!(decision.history)}</caption>
            <thead><tr><th scope="col">{staff!(common.when)}</th><th scope="col">{staff!(common.what)}</th><th scope="col">{staff!(common.details)}</th><th scope="col">{staff!(common.who)}</th></tr></thead>
            <tbody>{timeline}</tbody>
        </table>

        <h2>{staff!(decision.views_behind_it, count = decision.links.len())}</h2>
        <ul class="cards">
            {decision.links.iter().map(|l| view! {
                <li>
                    <p>{format!("{}: {}", l.prompt, l.answer.describe())}</p>
                    <p class="rationale">{format!("Because: {}", l.rationale)}</p>
                </li>
            }).collect_view()}
        </ul>

        <h2>{staff!(decision.link_what_child_said)}</h2>
        <ActionForm action=link attr:class="staff-form">
            <input type="hidden" name="decision" value=link_id.clone()/>
            <label for="contribution">{staff!(decision.contribution)}</label>
            <select id="contribution" name="contribution">
                {unlinked.into_iter().map(|c| view! {
                    <option value=c.id>
                        {format!("{}: {} ({}, {})", c.prompt, c.answer.describe(), c.trail.space.place, c.trail.space.said_on)}
                    </option>
                }).collect_view()}
            </select>
            <label for="rationale">{staff!(decision.how_shaped_decision)}</label>
            <textarea id="rationale" name="rationale" rows="3" placeholder=staff!(decision.because_told_us)></textarea>
            <ActionProblem action=link/>
            <button type="submit">{staff!(decision.link)}</button>
        </ActionForm>

        <h2>{staff!(decision.said_did)}</h2>
        {decision.feedback.as_ref().map(|f| view! {
            <p class="published">{format!("Published on {}", f.published_on)}</p>
        })}
        <ActionForm action=publish attr:class="staff-form">
            <input type="hidden" name="decision" value=publish_id.clone()/>
            <label for="plain_text">{staff!(decision.message)}</label>
            <textarea id="plain_text" name="plain_text" rows="3">{plain}</textarea>
            <label for="easy_read">{staff!(decision.easy_read_message)}</label>
            <textarea id="easy_read" name="easy_read" rows="3">{easy}</textarea>
            <SymbolChoice id="feedback-symbol".to_owned() name="symbol" label=staff!(decision.picture_go).to_owned() current=symbol/>
            <ActionProblem action=publish/>
            <button type="submit">{staff!(decision.publish_children)}</button>
        </ActionForm>
        {translations}
    }
}

fn event_kind(event: &DecisionEvent) -> &'static str {
    match event {
        DecisionEvent::Recorded { .. } => staff!(decision.event.recorded),
        DecisionEvent::StatusChanged { .. } => staff!(decision.event.status),
        DecisionEvent::Outcome { .. } => staff!(decision.event.outcome),
        DecisionEvent::Linked { .. } => staff!(decision.event.linked),
        DecisionEvent::Published { .. } => staff!(decision.event.published),
    }
}

/// What happened, as the staff pages say it.
pub(super) fn event_words(event: &DecisionEvent) -> String {
    match event {
        DecisionEvent::Recorded {
            status: Some(status),
            title,
        } => staff!(decision.event.recorded_as, status = status.label(), title),
        DecisionEvent::Recorded {
            status: None,
            title,
        } => title.clone(),
        DecisionEvent::StatusChanged {
            status,
            reason: Some(reason),
        } => staff!(
            decision.event.status_because,
            status = status.label(),
            reason
        ),
        DecisionEvent::StatusChanged {
            status,
            reason: None,
        } => status.label().to_owned(),
        DecisionEvent::Outcome { text } => text.clone(),
        DecisionEvent::Linked { rationale } => staff!(decision.event.linked_because, rationale),
        DecisionEvent::Published { message } => {
            staff!(decision.event.published_message, message)
        }
    }
}
