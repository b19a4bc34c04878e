use super::rights::{AnswerChoices, RightsChoices};
use super::welcome::{decided_words, Decided};
use crate::api::child::{load_receipt, OpenReceipt, ReplyToFeedback};
use crate::domain::{Contribution, InfluenceStep, Language, Symbol};
use crate::say;
use crate::ui::components::{
    ActionProblem, DisplayOptions, EmojiScaleInput, LanguageChoice, PageForm, Problem, ReadAloud,
    WorriedButton,
};
use crate::ui::page_data;
use crate::ui::words;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ReceiptLookupPage() -> impl IntoView {
    let open = ServerAction::<OpenReceipt>::new();
    view! {
        <Title text=say!(receipt.lookup_title)/>
        <main class="child page">
            <DisplayOptions/>
            <LanguageChoice/>
            <h1>{say!(receipt.lookup_title)}</h1>
            <ReadAloud text=say!(receipt.lookup_spoken) label=say!(read_page)/>
            <ActionForm action=open attr:class="child-form">
                <label for="receipt-code">{say!(receipt.code_label)}</label>
                <input id="receipt-code" name="code" autocomplete="off" spellcheck="false" class="code-input" dir="ltr"/>
                <ActionProblem action=open/>
                <button type="submit" class="big-button">{say!(receipt.show_me)}</button>
            </ActionForm>
            <WorriedButton participation={None::<String>} back=""/>
        </main>
    }
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let params = use_params_map();
    let done = use_query_map()
        .read_untracked()
        .get("done")
        .as_deref()
        .and_then(super::rights::done_message);
    let found = page_data(
        move || params.read().get("code").unwrap_or_default(),
        load_receipt,
    );
    view! {
        <Title text=say!(receipt.title)/>
        <main class="child page">
            <DisplayOptions/>
            <LanguageChoice/>
            <h1>{say!(receipt.title)}</h1>
            {done.map(|message| view! { <p class="done" role="status">{message}</p> })}
            <Suspense fallback=|| view! { <p>{say!(receipt.finding)}</p> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(receipt) => {
                            // A decision linked to two of the child's answers asks "did we get it
                            // right?" once, where it first appears.
                            let mut asked = std::collections::HashSet::new();
                            let anything_left = !receipt.contributions.is_empty();
                            view! {
                            <p>{words::with_code(&say!(receipt.code, code = words::NAME), receipt.code.clone())}</p>
                            {receipt.contributions.is_empty().then(|| view! {
                                <p>{say!(receipt.erased)}</p>
                            })}
                            <ol class="said-list">
                                {receipt
                                    .contributions
                                    .into_iter()
                                    .map(|contribution| {
                                        let ask: Vec<String> = contribution
                                            .trail
                                            .influence
                                            .iter()
                                            .filter(|step| step.feedback.is_some())
                                            .map(|step| step.decision_id.clone())
                                            .filter(|decision| asked.insert(decision.clone()))
                                            .collect();
                                        view! { <li><Said contribution code=receipt.code.clone() ask/></li> }
                                    })
                                    .collect_view()}
                            </ol>
                            <RightsChoices code=receipt.code.clone() anything_left/>
                        }}
                        .into_any(),
                        Err(error) => view! {
                            <Problem error/>
                            <p><a href="/receipt">{say!(receipt.try_another)}</a></p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
            <WorriedButton participation={None::<String>} back=""/>
        </main>
    }
}

#[component]
fn Said(contribution: Contribution, code: String, ask: Vec<String>) -> impl IntoView {
    let (said_lang, said_dir) = words::said_marked(&contribution);
    let trail = contribution.trail;
    // Each forum that heard it, named where the sentence of the page's language puts it.
    let heard_by: Vec<(String, String)> = trail
        .audience
        .iter()
        .map(|step| {
            let heard = say!(
                receipt.heard,
                forum = words::NAME,
                date = words::day(step.heard_on)
            );
            let sentence = match step.acknowledged_by.len() {
                0 => heard,
                count => format!("{heard} {}", say!(receipt.acknowledged, count)),
            };
            (sentence, step.forum.clone())
        })
        .collect();
    let heard = if heard_by.is_empty() {
        say!(receipt.nobody_yet).to_owned()
    } else {
        heard_by
            .iter()
            .map(|(sentence, forum)| sentence.replace(words::NAME, forum))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let said = words::said(&contribution.answer);
    let (prompt_lang, prompt_dir) = words::marked(contribution.prompt_in);
    let (place_lang, _) = words::marked(Language::English);
    let choices = view! {
        <AnswerChoices id=contribution.id.clone() media=contribution.answer.media().cloned() code=code.clone()/>
    };
    let spoken = say!(
        receipt.spoken,
        prompt = contribution.prompt.clone(),
        said = said.clone(),
        place = trail.space.place.clone(),
        date = words::day(trail.space.said_on),
        heard = heard
    );
    let heard = if heard_by.is_empty() {
        say!(receipt.nobody_yet).into_any()
    } else {
        heard_by
            .into_iter()
            .map(|(sentence, forum)| view! { {words::with_name(&sentence, forum)}" " })
            .collect_view()
            .into_any()
    };
    view! {
        <article class="said">
            <h2 lang=prompt_lang dir=prompt_dir>{contribution.prompt}</h2>
            <ReadAloud text=spoken label=say!(read_what_happened)/>
            <p class="step"><strong>{say!(receipt.you_said)}</strong><bdi lang=said_lang dir=said_dir>{said}</bdi></p>
            <p class="step">
                <strong>{say!(receipt.where_label)}</strong>
                <bdi lang=place_lang>{trail.space.place}</bdi>", "{words::day(trail.space.said_on)}
            </p>
            <p class="step"><strong>{say!(receipt.who_heard)}</strong>{heard}</p>
            {if trail.influence.is_empty() {
                view! { <p class="step"><strong>{say!(receipt.we_did_label)}</strong>{say!(receipt.not_decided)}</p> }.into_any()
            } else {
                trail
                    .influence
                    .into_iter()
                    .map(|step| {
                        let ask = ask.contains(&step.decision_id);
                        view! { <WeDid step code=code.clone() ask/> }
                    })
                    .collect_view()
                    .into_any()
            }}
            {choices}
        </article>
    }
}

/// Published "you said, we did" for one decision, and the child's "did we get it right?".
#[component]
fn WeDid(step: InfluenceStep, code: String, ask: bool) -> impl IntoView {
    let status = decided_words(step.status, Some(&step.decision), step.reason.as_deref());
    let reply = ServerAction::<ReplyToFeedback>::new();
    let decision = step.decision_id.clone();
    let anchor = ask.then(|| format!("decision-{decision}"));
    let answered = step.reply.map(|value| {
        view! { <p class="small">{say!(receipt.you_told_us, word = words::face(value))}</p> }
    });
    step.feedback.map(|feedback| {
        let (lang, dir) = words::marked(feedback.written_in);
        let spoken = format!("{} {} {status}", feedback.easy_read, feedback.plain_text);
        view! {
            <section class="we-did" id=anchor>
                <h3>{say!(receipt.what_we_did)}</h3>
                <p class="easy-read" lang=lang dir=dir>
                    {feedback.symbol.as_deref().and_then(Symbol::find).map(|symbol| view! {
                        <img src=symbol.url() alt="" class="prompt-symbol"/>
                    })}
                    {feedback.easy_read}
                </p>
                <p lang=lang dir=dir>{feedback.plain_text}</p>
                <Decided status=step.status decision=Some(step.decision) reason=step.reason/>
                <ReadAloud text=spoken label=say!(read_what_we_did)/>
                {if ask {
                    view! {
                        <PageForm action=reply class="child-form">
                            <input type="hidden" name="code" value=code.clone()/>
                            <input type="hidden" name="decision" value=decision.clone()/>
                            <EmojiScaleInput legend=say!(receipt.right) show_legend=true/>
                            {answered}
                            <ActionProblem action=reply/>
                            <button type="submit" class="button">{say!(receipt.tell_us)}</button>
                        </PageForm>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="small">
                            <a href=format!("#decision-{decision}")>{say!(receipt.tell_above)}</a>
                        </p>
                    }
                    .into_any()
                }}
            </section>
        }
    })
}
