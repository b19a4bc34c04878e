//! A child's rights, in their words: what happens to what they say, a copy to keep, fewer
//! people seeing a picture or recording, and erasing. The receipt code is their key.

use crate::api::child::load_receipt;
use crate::api::rights::{kept_months, load_copy, EraseFromReceipt, LimitFromReceipt};
use crate::domain::{icon, EmojiScale, MediaConsent, MediaRef, Symbol, TodaySummary, TurnCopy};
use crate::ui::components::{
    ActionProblem, DisplayOptions, Icon, PageForm, Problem, ReadAloud, WorriedButton,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// "What happens to what I say": who sees it, for how long, and what the child can do.
#[component]
pub fn WhatHappensPage() -> impl IntoView {
    let months = Resource::new(|| (), |_| kept_months());
    // The assent screen links here; a child goes back to their turn, never to another site.
    let back = use_query_map()
        .read_untracked()
        .get("back")
        .filter(|back| back.starts_with("/take/") && !back.contains("//"));
    view! {
        <Title text="What happens to what I say"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"What happens to what I say"</h1>
            <Suspense fallback=|| view! { <p>"Just a moment…"</p> }>
                {move || Suspend::new(async move {
                    let kept = match months.await {
                        Ok(months) => format!("We keep what you say for {months} months after your session. Then we erase it."),
                        Err(_) => "We keep what you say for a while after your session. Then we erase it.".to_owned(),
                    };
                    let points = what_happens(kept);
                    let spoken = points.iter().map(|(_, text)| text.as_str()).collect::<Vec<_>>().join(" ");
                    view! {
                        <ul class="assent">
                            {points
                                .into_iter()
                                .map(|(symbol, text)| view! {
                                    <li><Icon symbol class="symbol"/><span>{text}</span></li>
                                })
                                .collect_view()}
                        </ul>
                        <ReadAloud text=spoken what="this page"/>
                    }
                })}
            </Suspense>
            {match back {
                Some(back) => view! { <p><a class="big-button" href=back rel="external">"Go back"</a></p> }.into_any(),
                None => view! { <p><a class="big-button" href="/receipt">"See what happened to what I said"</a></p> }.into_any(),
            }}
        </main>
    }
}

fn what_happens(kept: String) -> Vec<(Symbol, String)> {
    vec![
        (
            icon::EYES,
            "The people who run your session see what you say. The people who make decisions see it too, but never your name. They see your pictures and recordings only if you said yes."
                .to_owned(),
        ),
        (
            icon::RING_BUOY,
            "If you tell us you are not safe, an adult whose job is keeping children safe reads it, so they can help you."
                .to_owned(),
        ),
        (icon::HOURGLASS, kept),
        (
            icon::INBOX,
            "With your receipt code you can see what you said and what we did, and take a copy."
                .to_owned(),
        ),
        (
            icon::LOCKED,
            "You can let fewer people see your pictures and recordings.".to_owned(),
        ),
        (
            icon::WASTEBASKET,
            "You can erase what you said. If an adult is helping to keep you safe, they look at it first."
                .to_owned(),
        ),
        (
            icon::HAND,
            "You can ask someone you trust, or the people who ran your session, to do this for you."
                .to_owned(),
        ),
    ]
}

/// What the receipt page says after the child used a right.
pub(super) fn done_message(done: &str) -> Option<&'static str> {
    match done {
        "erased" => Some("Done. We have erased it. Nobody can see it now, and it cannot come back."),
        "held" => Some(
            "Thank you for telling us. Someone was worried about you, so an adult whose job is keeping children safe will look at this first. They will decide soon. While they look, what you said is not shown to anyone else.",
        ),
        "limited" => Some("Done. Fewer people can see it now."),
        _ => None,
    }
}

/// The child's choices for the whole receipt.
#[component]
pub(super) fn RightsChoices(code: String, anything_left: bool) -> impl IntoView {
    let spoken = if anything_left {
        "What you can do. Find out what happens to what you say. Take a copy to keep or print, or download everything. Under each answer you can erase it, or let fewer people see your picture. Or erase everything you said."
    } else {
        "What you can do. Find out what happens to what you say. Take a copy to keep or print, or download everything."
    };
    view! {
        <section class="my-rights" aria-labelledby="my-rights-heading">
            <h2 id="my-rights-heading">"What you can do"</h2>
            <ReadAloud text=spoken what="what you can do"/>
            <ul class="assent">
                <li><Icon symbol=icon::EYES class="symbol"/><a href="/what-happens">"What happens to what I say"</a></li>
                <li>
                    <Icon symbol=icon::INBOX class="symbol"/>
                    <span>
                        <a href=format!("/receipt/{code}/copy")>"A copy to keep or print"</a>
                        " · "
                        <a href=format!("/receipt/{code}/copy.zip") rel="external" download>"Download everything (ZIP)"</a>
                    </span>
                </li>
                {anything_left.then(|| view! {
                    <li><Icon symbol=icon::WASTEBASKET class="symbol"/><a href=format!("/receipt/{code}/erase/all")>"Erase everything I said"</a></li>
                })}
            </ul>
        </section>
    }
}

/// Under one answer on the receipt: who may see its picture or recording, fewer people, erase.
#[component]
pub(super) fn AnswerChoices(id: String, media: Option<MediaRef>, code: String) -> impl IntoView {
    let limit = ServerAction::<LimitFromReceipt>::new();
    let erase_link = format!("/receipt/{code}/erase/{id}");
    let narrowing = media.map(|media| {
        let current = media.consent;
        let narrower: Vec<MediaConsent> = MediaConsent::ALL
            .into_iter()
            .filter(|consent| *consent < current)
            .collect();
        let legend = format!("consent-{id}");
        let form = (!narrower.is_empty()).then(|| view! {
            <PageForm action=limit class="child-form">
                <input type="hidden" name="code" value=code/>
                <input type="hidden" name="contribution" value=id/>
                <fieldset class="choices">
                    <legend id=legend>"Let fewer people see it"</legend>
                    {narrower
                        .into_iter()
                        .map(|consent| view! {
                            <label class="choice">
                                <input type="radio" name="consent" value=consent.as_str() required/>
                                {consent.child_label()}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <ActionProblem action=limit/>
                <button type="submit" class="button">"Change who can see it"</button>
            </PageForm>
        });
        view! {
            <p class="step"><strong>"Who can see it: "</strong>{current.child_label()}</p>
            {form}
        }
    });
    view! {
        {narrowing}
        <p>
            <a class="button secondary" href=erase_link>
                <Icon symbol=icon::WASTEBASKET/>" Erase this answer"
            </a>
        </p>
    }
}

/// The confirmation step before erasing: what will go, and that it cannot be undone.
#[component]
pub fn ErasePage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let answer = params.read_untracked().get("answer").unwrap_or_default();
    let found = Resource::new(code, load_receipt);
    let erase = ServerAction::<EraseFromReceipt>::new();
    view! {
        <Title text="Erase what I said"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"Erase what I said"</h1>
            <Suspense fallback=|| view! { <p>"Finding what you said…"</p> }>
                {move || {
                    let answer = answer.clone();
                    Suspend::new(async move {
                        let receipt = match found.await {
                            Ok(receipt) => receipt,
                            Err(error) => return view! { <Problem error/> }.into_any(),
                        };
                        let what = if answer == "all" {
                            let n = receipt.contributions.len();
                            let answers = if n == 1 { "1 answer".to_owned() } else { format!("{n} answers") };
                            Some(format!("You are about to erase everything you said with this receipt: {answers}, and any pictures, drawings and recordings."))
                        } else {
                            receipt.contributions.iter().find(|c| c.id == answer).map(|c| {
                                format!("You are about to erase your answer to \u{201c}{}\u{201d}. You said: {}.", c.prompt, c.answer.describe())
                            })
                        };
                        let Some(what) = what else {
                            return view! {
                                <p class="problem">"That answer is not on this receipt, or it has been erased already."</p>
                                <p><a class="big-button" href=format!("/receipt/{}", receipt.code)>"Go back to my receipt"</a></p>
                            }
                            .into_any();
                        };
                        let back = format!("/receipt/{}", receipt.code);
                        let warning = "It will be gone for good. Nobody will be able to see it, and we cannot get it back. If an adult is helping to keep you safe, they will look at it first.";
                        let spoken = format!("{what} {warning}");
                        view! {
                            <p class="easy-read"><Icon symbol=icon::WASTEBASKET class="symbol"/>" "{what}</p>
                            <p><strong>{warning}</strong></p>
                            <ReadAloud text=spoken what="this page"/>
                            <PageForm action=erase class="child-form">
                                <input type="hidden" name="code" value=receipt.code.clone()/>
                                <input type="hidden" name="answer" value=answer/>
                                <ActionProblem action=erase/>
                                <button type="submit" class="big-button">"Yes, erase it"</button>
                            </PageForm>
                            <p><a class="button secondary" href=back>"No, keep it"</a></p>
                        }
                        .into_any()
                    })
                }}
            </Suspense>
            <WorriedButton participation={None::<String>} back=""/>
        </main>
    }
}

/// A copy of what the child said, to print or save, with the download beside it.
#[component]
pub fn CopyPage() -> impl IntoView {
    let params = use_params_map();
    let copy = Resource::new(
        move || params.read().get("code").unwrap_or_default(),
        load_copy,
    );
    view! {
        <Title text="A copy of what I said"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"A copy of what I said"</h1>
            <Suspense fallback=|| view! { <p>"Finding what you said…"</p> }>
                {move || Suspend::new(async move {
                    match copy.await {
                        Ok(copy) => view! { <Copy copy/> }.into_any(),
                        Err(error) => view! {
                            <Problem error/>
                            <p><a href="/receipt">"Try another code"</a></p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn Copy(copy: TurnCopy) -> impl IntoView {
    let code = copy.receipt.code.clone();
    let face = |value: Option<i64>| {
        value
            .and_then(EmojiScale::label)
            .unwrap_or("You did not say")
            .to_owned()
    };
    view! {
        <p>{format!("Receipt {code}")}</p>
        <p class="no-print">
            <button type="button" class="button" data-action="print">"Print or save as PDF"</button>
            " "
            <a class="button secondary" href=format!("/receipt/{code}/copy.zip") rel="external" download>"Download everything (ZIP)"</a>
        </p>
        {if copy.receipt.contributions.is_empty() {
            view! { <p>"There is nothing left of what you said: it has been erased."</p> }.into_any()
        } else {
            view! {
                <ol class="said-list">
                    {copy.receipt.contributions.into_iter().map(|said| {
                        let consent = said.answer.media().map(|media| media.consent.child_label());
                        let decided: Vec<String> = said
                            .trail
                            .influence
                            .iter()
                            .filter_map(|step| step.feedback.as_ref().map(|f| f.plain_text.clone()))
                            .collect();
                        view! {
                            <li class="said">
                                <h2>{said.prompt}</h2>
                                <p class="step"><strong>"You said: "</strong><bdi>{said.answer.describe()}</bdi></p>
                                <p class="step"><strong>"Where and when: "</strong>
                                    {format!("{}, {}", said.trail.space.place, said.trail.space.said_on)}</p>
                                {consent.map(|who| view! {
                                    <p class="step"><strong>"Who can see it: "</strong>{who}" (it is in the download)"</p>
                                })}
                                {decided.into_iter().map(|text| view! {
                                    <p class="step"><strong>"What we did: "</strong>{text}</p>
                                }).collect_view()}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any()
        }}
        <h2>"How was today?"</h2>
        <p>{format!("{} {}", TodaySummary::LISTENED, face(copy.listened))}</p>
        <p>{format!("{} {}", TodaySummary::COULD_SAY, face(copy.could_say))}</p>
        <p>{format!("We keep this for {} months after your session. Then we erase it.", copy.kept_months)}</p>
        <p class="no-print"><a href=format!("/receipt/{code}")>"Back to my receipt"</a></p>
    }
}
