//! A child's rights, in their words: what happens to what they say, a copy to keep, fewer
//! people seeing a picture or recording, and erasing. The receipt code is their key.

use crate::api::child::load_receipt;
use crate::api::rights::{kept_months, load_copy, EraseFromReceipt, LimitFromReceipt};
use crate::domain::{icon, Language, MediaConsent, MediaRef, Symbol, TurnCopy};
use crate::say;
use crate::ui::components::{
    ActionProblem, DisplayOptions, Icon, PageForm, Problem, ReadAloud, WorriedButton,
};
use crate::ui::page_data;
use crate::ui::words;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// "What happens to what I say": who sees it, for how long, and what the child can do.
#[component]
pub fn WhatHappensPage() -> impl IntoView {
    let months = page_data(|| (), |_| kept_months());
    // The assent screen links here; a child goes back to their turn, never to another site.
    let back = use_query_map()
        .read_untracked()
        .get("back")
        .filter(|back| back.starts_with("/take/") && !back.contains("//"));
    view! {
        <Title text=say!(rights.what_happens)/>
        <main class="child page">
            <DisplayOptions/>
            <h1>{say!(rights.what_happens)}</h1>
            <Suspense fallback=|| view! { <p>{say!(just_a_moment)}</p> }>
                {move || Suspend::new(async move {
                    let kept = match months.await {
                        Ok(months) => say!(rights.kept, months),
                        Err(_) => say!(rights.kept_a_while).to_owned(),
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
                        <ReadAloud text=spoken label=say!(read_page)/>
                    }
                })}
            </Suspense>
            {match back {
                Some(back) => view! { <p><a class="big-button" href=back rel="external">{say!(rights.go_back)}</a></p> }.into_any(),
                None => view! { <p><a class="big-button" href="/receipt">{say!(rights.see_receipt)}</a></p> }.into_any(),
            }}
        </main>
    }
}

fn what_happens(kept: String) -> Vec<(Symbol, String)> {
    vec![
        (icon::EYES, say!(rights.who_sees).to_owned()),
        (icon::RING_BUOY, say!(rights.safe).to_owned()),
        (icon::HOURGLASS, kept),
        (icon::INBOX, say!(rights.see_copy).to_owned()),
        (icon::LOCKED, say!(rights.fewer).to_owned()),
        (icon::WASTEBASKET, say!(rights.erase_point).to_owned()),
        (icon::HAND, say!(rights.ask_someone).to_owned()),
    ]
}

/// What the receipt page says after the child used a right.
pub(super) fn done_message(done: &str) -> Option<&'static str> {
    match done {
        "erased" => Some(say!(rights.done_erased)),
        "held" => Some(say!(rights.done_held)),
        "limited" => Some(say!(rights.done_limited)),
        _ => None,
    }
}

/// The child's choices for the whole receipt.
#[component]
pub(super) fn RightsChoices(code: String, anything_left: bool) -> impl IntoView {
    let spoken = if anything_left {
        say!(rights.spoken_all)
    } else {
        say!(rights.spoken_none)
    };
    view! {
        <section class="my-rights" aria-labelledby="my-rights-heading">
            <h2 id="my-rights-heading">{say!(rights.what_you_can_do)}</h2>
            <ReadAloud text=spoken label=say!(read_what_you_can_do)/>
            <ul class="assent">
                <li><Icon symbol=icon::EYES class="symbol"/><a href="/what-happens">{say!(rights.what_happens)}</a></li>
                <li>
                    <Icon symbol=icon::INBOX class="symbol"/>
                    <span>
                        <a href=format!("/receipt/{code}/copy")>{say!(rights.copy_link)}</a>
                        " · "
                        <a href=format!("/receipt/{code}/copy.zip") rel="external" download>{say!(rights.download)}</a>
                    </span>
                </li>
                {anything_left.then(|| view! {
                    <li><Icon symbol=icon::WASTEBASKET class="symbol"/><a href=format!("/receipt/{code}/erase/all")>{say!(rights.erase_all_link)}</a></li>
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
                    <legend id=legend>{say!(rights.fewer_legend)}</legend>
                    {narrower
                        .into_iter()
                        .map(|consent| view! {
                            <label class="choice">
                                <input type="radio" name="consent" value=consent.as_str() required/>
                                {words::consent(consent)}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <ActionProblem action=limit/>
                <button type="submit" class="button">{say!(rights.change_who)}</button>
            </PageForm>
        });
        view! {
            <p class="step"><strong>{say!(rights.who_sees_it)}</strong>{words::consent(current)}</p>
            {form}
        }
    });
    view! {
        {narrowing}
        <p>
            <a class="button secondary" href=erase_link>
                <Icon symbol=icon::WASTEBASKET/>" "{say!(rights.erase_this)}
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
    let found = page_data(code, load_receipt);
    let erase = ServerAction::<EraseFromReceipt>::new();
    view! {
        <Title text=say!(rights.erase_title)/>
        <main class="child page">
            <DisplayOptions/>
            <h1>{say!(rights.erase_title)}</h1>
            <Suspense fallback=|| view! { <p>{say!(receipt.finding)}</p> }>
                {move || {
                    let answer = answer.clone();
                    Suspend::new(async move {
                        let receipt = match found.await {
                            Ok(receipt) => receipt,
                            Err(error) => return view! { <Problem error/> }.into_any(),
                        };
                        let what = if answer == "all" {
                            Some(say!(rights.erase_all, count = receipt.contributions.len()))
                        } else {
                            receipt.contributions.iter().find(|c| c.id == answer).map(|c| {
                                say!(rights.erase_one, prompt = c.prompt.clone(), said = words::said(&c.answer))
                            })
                        };
                        let Some(what) = what else {
                            return view! {
                                <p class="problem">{say!(rights.not_on_receipt)}</p>
                                <p><a class="big-button" href=format!("/receipt/{}", receipt.code)>{say!(rights.back_to_receipt)}</a></p>
                            }
                            .into_any();
                        };
                        let back = format!("/receipt/{}", receipt.code);
                        let warning = say!(rights.warning);
                        let spoken = format!("{what} {warning}");
                        view! {
                            <p class="easy-read"><Icon symbol=icon::WASTEBASKET class="symbol"/>" "{what}</p>
                            <p><strong>{warning}</strong></p>
                            <ReadAloud text=spoken label=say!(read_page)/>
                            <PageForm action=erase class="child-form">
                                <input type="hidden" name="code" value=receipt.code.clone()/>
                                <input type="hidden" name="answer" value=answer/>
                                <ActionProblem action=erase/>
                                <button type="submit" class="big-button">{say!(rights.yes_erase)}</button>
                            </PageForm>
                            <p><a class="button secondary" href=back>{say!(rights.no_keep)}</a></p>
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
    let copy = page_data(
        move || params.read().get("code").unwrap_or_default(),
        load_copy,
    );
    view! {
        <Title text=say!(rights.copy_title)/>
        <main class="child page">
            <DisplayOptions/>
            <h1>{say!(rights.copy_title)}</h1>
            <Suspense fallback=|| view! { <p>{say!(receipt.finding)}</p> }>
                {move || Suspend::new(async move {
                    match copy.await {
                        Ok(copy) => view! { <Copy copy/> }.into_any(),
                        Err(error) => view! {
                            <Problem error/>
                            <p><a href="/receipt">{say!(receipt.try_another)}</a></p>
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
    let face = |value: Option<i64>| value.map_or(say!(rights.did_not_say), words::face);
    // Where it was said is staff's words, in English; the question and the message may be
    // translated.
    let (lang, _) = words::marked(Language::English);
    view! {
        <p>{words::with_code(&say!(receipt.code, code = words::NAME), code.clone())}</p>
        <p class="no-print">
            <button type="button" class="button" data-action="print">{say!(rights.print)}</button>
            " "
            <a class="button secondary" href=format!("/receipt/{code}/copy.zip") rel="external" download>{say!(rights.download)}</a>
        </p>
        {if copy.receipt.contributions.is_empty() {
            view! { <p>{say!(rights.nothing_left)}</p> }.into_any()
        } else {
            view! {
                <ol class="said-list">
                    {copy.receipt.contributions.into_iter().map(|said| {
                        let consent = said.answer.media().map(|media| words::consent(media.consent));
                        let decided: Vec<(String, Language)> = said
                            .trail
                            .influence
                            .iter()
                            .filter_map(|step| step.feedback.as_ref().map(|f| (f.plain_text.clone(), f.written_in)))
                            .collect();
                        let (prompt_lang, prompt_dir) = words::marked(said.prompt_in);
                        let (said_lang, said_dir) = words::said_marked(&said);
                        view! {
                            <li class="said">
                                <h2 lang=prompt_lang dir=prompt_dir>{said.prompt}</h2>
                                <p class="step"><strong>{say!(receipt.you_said)}</strong><bdi lang=said_lang dir=said_dir>{words::said(&said.answer)}</bdi></p>
                                <p class="step"><strong>{say!(rights.where_when)}</strong>
                                    <bdi lang=lang>{said.trail.space.place}</bdi>", "{words::day(said.trail.space.said_on)}</p>
                                {consent.map(|who| view! {
                                    <p class="step"><strong>{say!(rights.who_sees_it)}</strong>{who}{say!(rights.in_download)}</p>
                                })}
                                {decided.into_iter().map(|(text, written_in)| {
                                    let (lang, dir) = words::marked(written_in);
                                    view! { <p class="step"><strong>{say!(receipt.we_did_label)}</strong><span lang=lang dir=dir>{text}</span></p> }
                                }).collect_view()}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any()
        }}
        <h2>{say!(today.title)}</h2>
        <p>{format!("{} {}", say!(today.listened), face(copy.listened))}</p>
        <p>{format!("{} {}", say!(today.could_say), face(copy.could_say))}</p>
        <p>{say!(rights.keep_months, months = copy.kept_months)}</p>
        <p class="no-print"><a href=format!("/receipt/{code}")>{say!(rights.back_to_my_receipt)}</a></p>
    }
}
