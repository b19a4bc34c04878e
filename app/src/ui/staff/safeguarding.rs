use super::StaffFrame;
use crate::api::safeguarding::{
    load_concern, load_phrase_list, safeguarding_queue, ClearConcern, RecordConcernEntry,
    SavePhraseList,
};
use crate::domain::{ConcernCase, ConcernSummary, Language};
use crate::ui::components::{on_live_change, ActionProblem, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn source_label(source: &str) -> &'static str {
    match source {
        "child" => "The child pressed \"I'm worried\"",
        "facilitator" => "A facilitator raised it",
        _ => "Flagged by triage",
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
        <Title text="Safeguarding"/>
        <StaffFrame>
            <h1>"Safeguarding concerns"</h1>
            <div role="alert" class="live-alert">
                {move || arrived.get().then(|| view! {
                    <p class="alert">"A new concern has just arrived: it is marked New below."</p>
                })}
            </div>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(queue) if queue.is_empty() => view! { <p>"No concerns have been raised."</p> }.into_any(),
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
            <h2 id="phrases-heading">"Phrase list for triage"</h2>
            <p>"Heard flags children's written answers that may speak of physical or sexual harm, neglect, fear, domestic abuse, self-harm, exploitation or secrets, and says which kind and which words. On top of that, answers close to one of these phrases are flagged too. Misspellings, text-speak and stretched letters are matched too; end a word with * for its other endings (hit* finds hits, hitting). A flag only asks a person to look."</p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok((version, lists)) => view! {
                            <ActionForm action=save attr:class="staff-form">
                                <p>{format!("Version {version}. The kinds of harm are found in English only; in the other languages only these phrases are looked for, so a translation of an answer is still worth making. The starting phrases in other languages await review by a native speaker.")}</p>
                                {lists.into_iter().map(|(language, lines)| {
                                    let field = format!("phrases-{}", language.as_str());
                                    view! {
                                        <label for=field.clone()>{format!("{} phrases, one per line", language.label())}</label>
                                        <textarea id=field name=format!("phrases[{}]", language.as_str()) lang=language.tag() dir="auto" rows=if language == Language::English { "12" } else { "5" }>{lines}</textarea>
                                    }
                                }).collect_view()}
                                <ActionProblem action=save/>
                                <button type="submit">"Save as a new version"</button>
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

#[component]
fn QueueItem(concern: ConcernSummary) -> impl IntoView {
    let state = if concern.cleared {
        "cleared"
    } else if concern.new {
        "new, not opened yet"
    } else {
        "open"
    };
    view! {
        <li class=if concern.new { "concern new" } else { "concern" }>
            <a href=format!("/staff/safeguarding/{}", concern.id)>
                {format!("{}: {}, {}", concern.raised_at, concern.activity, concern.place)}
            </a>
            {format!(" · {} · {state}", source_label(&concern.source))}
            {concern.receipt_code.map(|code| format!(" · receipt {code}"))}
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
        <Title text="A concern"/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
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
        <h1>{format!("Concern raised {}", summary.raised_at)}</h1>
        <p>{format!("{} · {}, {}", source_label(&summary.source), summary.activity, summary.place)}
            {summary.receipt_code.clone().map(|code| format!(" · receipt {code}"))}</p>
        <p>{if summary.cleared {
            "Cleared: what the child said can be seen by decision makers."
        } else {
            "Open: what the child said in this turn is held back from decision makers until you clear it."
        }}</p>
        <section aria-labelledby="said-heading">
            <h2 id="said-heading">"What the child said in this turn"</h2>
            <ul class="cards">
                {contributions.into_iter().map(|c| view! {
                    <li>{format!("{}: {}", c.prompt, c.answer.describe())}</li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="chronology-heading">
            <h2 id="chronology-heading">"Chronology"</h2>
            <p>"Entries are added, never changed or removed."</p>
            <table class="chronology">
                <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"What"</th><th scope="col">"Details"</th></tr></thead>
                <tbody>
                    {chronology.into_iter().map(|entry| view! {
                        <tr><td>{entry.at}</td><td>{entry.by}</td><td>{entry.kind}</td><td>{entry.text}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section aria-labelledby="add-heading">
            <h2 id="add-heading">"Add to the chronology"</h2>
            <ActionForm action=record attr:class="staff-form">
                <input type="hidden" name="concern" value=id.clone()/>
                <label for="entry-kind">"What kind of entry"</label>
                <select id="entry-kind" name="kind">
                    <option value="decision">"Decision"</option>
                    <option value="action">"Action"</option>
                    <option value="outcome">"Outcome"</option>
                    <option value="note">"Note"</option>
                </select>
                <label for="entry-text">"What was decided or done, and why"</label>
                <textarea id="entry-text" name="text" rows="3"></textarea>
                <ActionProblem action=record/>
                <button type="submit">"Add entry"</button>
            </ActionForm>
            {(!summary.cleared).then(|| view! {
                <ActionForm action=clear attr:class="staff-form">
                    <input type="hidden" name="concern" value=to_clear/>
                    <label for="clear-reason">"Why it can be cleared"</label>
                    <textarea id="clear-reason" name="reason" rows="2"></textarea>
                    <ActionProblem action=clear/>
                    <button type="submit" class="button secondary">"Clear the concern"</button>
                </ActionForm>
            })}
        </section>
    }
}
