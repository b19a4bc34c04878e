use crate::api::child::{load_receipt, OpenReceipt};
use crate::domain::{Contribution, InfluenceStep};
use crate::ui::components::{ActionProblem, DisplayOptions, Problem, ReadAloud, WorriedButton};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReceiptLookupPage() -> impl IntoView {
    let open = ServerAction::<OpenReceipt>::new();
    view! {
        <Title text="What happened to what I said?"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"What happened to what I said?"</h1>
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
    let found = Resource::new(
        move || params.read().get("code").unwrap_or_default(),
        load_receipt,
    );
    view! {
        <Title text="You said, we did"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"You said, we did"</h1>
            <Suspense fallback=|| view! { <p>"Finding what you said…"</p> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(receipt) => view! {
                            <p>{format!("Receipt {}", receipt.code)}</p>
                            <ol class="said-list">
                                {receipt
                                    .contributions
                                    .into_iter()
                                    .map(|contribution| view! { <li><Said contribution/></li> })
                                    .collect_view()}
                            </ol>
                        }
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
fn Said(contribution: Contribution) -> impl IntoView {
    let trail = contribution.trail;
    let heard = match trail.audience.first() {
        Some(step) => format!("{} heard it on {}.", step.forum, step.heard_on),
        None => "Nobody has heard it yet. We will tell you when they do.".to_owned(),
    };
    let question = contribution.prompt.clone();
    view! {
        <article class="said">
            <h2>{contribution.prompt}</h2>
            <ReadAloud text=question what="the question"/>
            <p class="step"><strong>"You said: "</strong>{contribution.answer.describe()}</p>
            <p class="step">
                <strong>"Where: "</strong>
                {format!("{}, {}", trail.space.place, trail.space.said_on)}
            </p>
            <p class="step"><strong>"Who heard it: "</strong>{heard}</p>
            {if trail.influence.is_empty() {
                view! { <p class="step"><strong>"What we did: "</strong>"Not decided yet."</p> }.into_any()
            } else {
                trail.influence.into_iter().map(|step| view! { <WeDid step/> }).collect_view().into_any()
            }}
        </article>
    }
}

/// Published "you said, we did" for one decision. The receipt only carries published feedback.
#[component]
fn WeDid(step: InfluenceStep) -> impl IntoView {
    let status = format!("{}: {}", step.status.label(), step.decision);
    step.feedback.map(|feedback| {
        let spoken = format!("{} {}", feedback.easy_read, feedback.plain_text);
        view! {
            <section class="we-did">
                <h3>"What we did"</h3>
                <p class="easy-read">{feedback.easy_read}</p>
                <p>{feedback.plain_text}</p>
                <ReadAloud text=spoken what="what we did"/>
                <p class="small">{status}</p>
            </section>
        }
    })
}
