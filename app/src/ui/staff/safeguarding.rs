use super::StaffFrame;
use crate::api::safeguarding::{
    load_concern, load_phrase_list, safeguarding_queue, ClearConcern, RecordConcernEntry,
    SavePhraseList,
};
use crate::domain::{ConcernCase, ConcernSummary, Language};
use crate::staff;
use crate::ui::components::{on_live_change, ActionProblem, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn source_label(source: &str) -> &'static str {
    match source {
        "child" => staff!(safeguarding.source.child),
        "facilitator" => staff!(safeguarding.source.facilitator),
        _ => staff!(safeguarding.source.triage),
    }
}

/// The safeguarding lead's queue: open concerns first, those no one has opened marked new.
#[component]
pub fn SafeguardingPage() -> impl IntoView {
    let queue = page_data(|| (), |_| safeguarding_queue());
    let arrived = RwSignal::new(false);
    // A concern raised anywhere shows here at once, with an alert read out by screen readers.
    on_live_change(
        || "/staff/safeguarding/live".to_owned(),
        move || {
            arrived.set(true);
            queue.refetch();
        },
    );
    view! {
        <Title text=staff!(safeguarding.safeguarding)/>
        <StaffFrame>
            <h1>{staff!(safeguarding.safeguarding_concerns)}</h1>
            <div role="alert" class="live-alert">
                {move || arrived.get().then(|| view! {
                    <p class="alert">{staff!(safeguarding.new_concern_has_just)}</p>
                })}
            </div>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(queue) if queue.is_empty() => view! { <p>{staff!(safeguarding.no_concerns_have_been)}</p> }.into_any(),
                        Ok(queue) => view! {
                            <ul class="cards concern-queue">
                                {queue.into_iter().map(|concern| view! { <QueueItem concern/> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
            <PhraseList/>
        </StaffFrame>
    }
}

/// The phrases children's words are checked against. Saving makes a new version.
#[component]
fn PhraseList() -> impl IntoView {
    let save = ServerAction::<SavePhraseList>::new();
    let list = page_data(move || save.version().get(), |_| load_phrase_list());
    view! {
        <section aria-labelledby="phrases-heading">
            <h2 id="phrases-heading">{staff!(safeguarding.phrase_list_triage)}</h2>
            <p>{staff!(safeguarding.heard_flags_childrens_written)}</p>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok((version, lists)) => view! {
                            <ActionForm action=save attr:class="staff-form">
                                <p>{staff!(safeguarding.phrase_list_version, version)}</p>
                                {lists.into_iter().map(|(language, lines)| {
                                    let field = format!("phrases-{}", language.as_str());
                                    view! {
                                        <label for=field.clone()>{staff!(safeguarding.phrases_in, language = language.label())}</label>
                                        <textarea id=field name=format!("phrases[{}]", language.as_str()) lang=language.tag() dir="auto" rows=if language == Language::English { "12" } else { "5" }>{lines}</textarea>
                                    }
                                }).collect_view()}
                                <ActionProblem action=save/>
                                <button type="submit">{staff!(safeguarding.save_new_version)}</button>
                            </ActionForm>
                        }
                        .into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn entry_kind(kind: &str) -> &str {
    match kind {
        "raised" => staff!(safeguarding.entry.raised),
        "viewed" => staff!(safeguarding.entry.viewed),
        "note" => staff!(safeguarding.entry.note),
        "cleared" => staff!(safeguarding.entry.cleared),
        "decision" => staff!(safeguarding.entry.decision),
        "action" => staff!(safeguarding.entry.action),
        "outcome" => staff!(safeguarding.entry.outcome),
        other => other,
    }
}

#[component]
fn QueueItem(concern: ConcernSummary) -> impl IntoView {
    let state = if concern.cleared {
        staff!(safeguarding.state.cleared)
    } else if concern.new {
        staff!(safeguarding.state.new)
    } else {
        staff!(safeguarding.state.open)
    };
    view! {
        <li class=if concern.new { "concern new" } else { "concern" }>
            <a href=format!("/staff/safeguarding/{}", concern.id)>
                {staff!(safeguarding.raised_in, on = concern.raised_at, activity = concern.activity, place = concern.place)}
            </a>
            {staff!(safeguarding.source_state, source = source_label(&concern.source), state)}
            {concern.receipt_code.map(|code| staff!(safeguarding.receipt, code))}
        </li>
    }
}

/// One concern: what the child said, the chronology, and what the lead adds to it.
#[component]
pub fn ConcernPage() -> impl IntoView {
    let params = use_params_map();
    let record = ServerAction::<RecordConcernEntry>::new();
    let clear = ServerAction::<ClearConcern>::new();
    let case = page_data(
        move || {
            (
                params.read().get("concern").unwrap_or_default(),
                record.version().get(),
                clear.version().get(),
            )
        },
        |(concern, _, _)| load_concern(concern),
    );
    view! {
        <Title text=staff!(safeguarding.concern)/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match case.await {
                        Ok(case) => view! { <Case case record clear/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Case(
    case: ConcernCase,
    record: ServerAction<RecordConcernEntry>,
    clear: ServerAction<ClearConcern>,
) -> impl IntoView {
    let ConcernCase {
        summary,
        chronology,
        contributions,
    } = case;
    let id = summary.id.clone();
    let to_clear = summary.id.clone();
    view! {
        <h1>{staff!(safeguarding.concern_raised, on = summary.raised_at)}</h1>
        <p>{staff!(safeguarding.source_in, source = source_label(&summary.source), activity = summary.activity, place = summary.place)}
            {summary.receipt_code.clone().map(|code| staff!(safeguarding.receipt, code))}</p>
        <p>{if summary.cleared {
            staff!(safeguarding.cleared_seen)
        } else {
            staff!(safeguarding.open_held_back)
        }}</p>
        <section aria-labelledby="said-heading">
            <h2 id="said-heading">{staff!(safeguarding.what_child_said_turn)}</h2>
            <ul class="cards">
                {contributions.into_iter().map(|c| view! {
                    <li>{staff!(common.question_answer, question = c.prompt, answer = c.answer.describe())}</li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="chronology-heading">
            <h2 id="chronology-heading">{staff!(safeguarding.chronology)}</h2>
            <p>{staff!(safeguarding.entries_added_never_changed)}</p>
            <table class="chronology">
                <thead><tr><th scope="col">{staff!(common.when)}</th><th scope="col">{staff!(common.who)}</th><th scope="col">{staff!(common.what)}</th><th scope="col">{staff!(common.details)}</th></tr></thead>
                <tbody>
                    {chronology.into_iter().map(|entry| view! {
                        <tr>
                            <td>{entry.at.to_string()}</td>
                            <td>{entry.by.unwrap_or_else(|| staff!(safeguarding.by_no_staff).to_owned())}</td>
                            <td>{entry_kind(&entry.kind)}</td>
                            <td>{entry.text}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section aria-labelledby="add-heading">
            <h2 id="add-heading">{staff!(safeguarding.add_chronology)}</h2>
            <ActionForm action=record attr:class="staff-form">
                <input type="hidden" name="concern" value=id.clone()/>
                <label for="entry-kind">{staff!(safeguarding.what_kind_entry)}</label>
                <select id="entry-kind" name="kind">
                    <option value="decision">{staff!(common.decision)}</option>
                    <option value="action">{staff!(safeguarding.action)}</option>
                    <option value="outcome">{staff!(safeguarding.outcome)}</option>
                    <option value="note">{staff!(safeguarding.note)}</option>
                </select>
                <label for="entry-text">{staff!(safeguarding.what_decided_done_why)}</label>
                <textarea id="entry-text" name="text" rows="3"></textarea>
                <ActionProblem action=record/>
                <button type="submit">{staff!(safeguarding.add_entry)}</button>
            </ActionForm>
            {(!summary.cleared).then(|| view! {
                <ActionForm action=clear attr:class="staff-form">
                    <input type="hidden" name="concern" value=to_clear/>
                    <label for="clear-reason">{staff!(safeguarding.why_can_cleared)}</label>
                    <textarea id="clear-reason" name="reason" rows="2"></textarea>
                    <ActionProblem action=clear/>
                    <button type="submit" class="button secondary">{staff!(safeguarding.clear_concern)}</button>
                </ActionForm>
            })}
        </section>
    }
}
