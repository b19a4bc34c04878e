use super::rights::{AnswerChoices, RightsChoices};
use crate::api::child::{load_receipt, OpenReceipt, ReplyToFeedback};
use crate::domain::{Contribution, EmojiScale, InfluenceStep, Symbol};
use crate::ui::components::{
    ActionProblem, DisplayOptions, EmojiScaleInput, PageForm, Problem, ReadAloud, WorriedButton,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ReceiptLookupPage() -> impl IntoView {
    let open = ServerAction::<OpenReceipt>::new();
    view! {
        <Title text="What happened to what I said?"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"What happened to what I said?"</h1>
            <ReadAloud
                text="What happened to what I said? Type your receipt code, then press Show me."
                what="this page"
            />
            <ActionForm action=open attr:class="child-form">
                <label for="receipt-code">"Type your receipt code"</label>
                <input id="receipt-code" name="code" autocomplete="off" spellcheck="false" class="code-input"/>
                <ActionProblem action=open/>
                <button type="submit" class="big-button">"Show me"</button>
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
    let found = Resource::new(
        move || params.read().get("code").unwrap_or_default(),
        load_receipt,
    );
    view! {
        <Title text="You said, we did"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"You said, we did"</h1>
            {done.map(|message| view! { <p class="done" role="status">{message}</p> })}
            <Suspense fallback=|| view! { <p>"Finding what you said…"</p> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(receipt) => {
                            // A decision linked to two of the child's answers asks "did we get it
                            // right?" once, where it first appears.
                            let mut asked = std::collections::HashSet::new();
                            let anything_left = !receipt.contributions.is_empty();
                            view! {
                            <p>{format!("Receipt {}", receipt.code)}</p>
                            {receipt.contributions.is_empty().then(|| view! {
                                <p>"There is nothing left of what you said with this receipt: it has been erased."</p>
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
                            <p><a href="/receipt">"Try another code"</a></p>
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
    let trail = contribution.trail;
    let heard = if trail.audience.is_empty() {
        "Nobody has heard it yet. We will tell you when they do.".to_owned()
    } else {
        trail
            .audience
            .iter()
            .map(|step| match step.acknowledged_by.len() {
                0 => format!("{} heard it on {}.", step.forum, step.heard_on),
                1 => format!(
                    "{} heard it on {}. 1 person said they heard it.",
                    step.forum, step.heard_on
                ),
                n => format!(
                    "{} heard it on {}. {n} people said they heard it.",
                    step.forum, step.heard_on
                ),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let said = contribution.answer.describe();
    let choices = view! {
        <AnswerChoices id=contribution.id.clone() media=contribution.answer.media().cloned() code=code.clone()/>
    };
    let spoken = format!(
        "{}. You said: {said}. Where: {}, {}. Who heard it: {heard}",
        contribution.prompt, trail.space.place, trail.space.said_on
    );
    view! {
        <article class="said">
            <h2>{contribution.prompt}</h2>
            <ReadAloud text=spoken what="what happened"/>
            <p class="step"><strong>"You said: "</strong><bdi>{said}</bdi></p>
            <p class="step">
                <strong>"Where: "</strong>
                {format!("{}, {}", trail.space.place, trail.space.said_on)}
            </p>
            <p class="step"><strong>"Who heard it: "</strong>{heard}</p>
            {if trail.influence.is_empty() {
                view! { <p class="step"><strong>"What we did: "</strong>"Not decided yet."</p> }.into_any()
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
    let status = match &step.reason {
        Some(reason) => format!("{}: {}. Why: {reason}", step.status.label(), step.decision),
        None => format!("{}: {}", step.status.label(), step.decision),
    };
    let reply = ServerAction::<ReplyToFeedback>::new();
    let decision = step.decision_id.clone();
    let anchor = ask.then(|| format!("decision-{decision}"));
    let answered = step.reply.and_then(EmojiScale::label).map(|word| {
        view! { <p class="small">{format!("You told us: {word}. You can change it.")}</p> }
    });
    step.feedback.map(|feedback| {
        let spoken = format!("{} {} {status}", feedback.easy_read, feedback.plain_text);
        view! {
            <section class="we-did" id=anchor>
                <h3>"What we did"</h3>
                <p class="easy-read">
                    {feedback.symbol.as_deref().and_then(Symbol::find).map(|symbol| view! {
                        <img src=symbol.url() alt="" class="prompt-symbol"/>
                    })}
                    {feedback.easy_read}
                </p>
                <p>{feedback.plain_text}</p>
                <p class="small">{status}</p>
                <ReadAloud text=spoken what="what we did"/>
                {if ask {
                    view! {
                        <PageForm action=reply class="child-form">
                            <input type="hidden" name="code" value=code.clone()/>
                            <input type="hidden" name="decision" value=decision.clone()/>
                            <EmojiScaleInput legend="Did we get it right?" show_legend=true/>
                            {answered}
                            <ActionProblem action=reply/>
                            <button type="submit" class="button">"Tell us"</button>
                        </PageForm>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="small">
                            <a href=format!("#decision-{decision}")>"You can tell us if we got this right above."</a>
                        </p>
                    }
                    .into_any()
                }}
            </section>
        }
    })
}
