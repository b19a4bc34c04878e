use crate::api::child::{finished_turn, NextPerson};
use crate::domain::ThankYou;
use crate::say;
use crate::ui::components::{
    ActionProblem, DisplayOptions, PageForm, Problem, ReadAloud, WorriedButton,
};
use crate::ui::page_data;
use crate::ui::words;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Thank you, with the receipt code and its QR code. "Next person" ends the turn on the tablet,
/// so the next child starts clean and cannot go Back to this receipt.
#[component]
pub fn FinishedPage() -> impl IntoView {
    let params = use_params_map();
    let participation = params.read_untracked().get("participation");
    let finished = page_data(
        move || params.read().get("participation").unwrap_or_default(),
        finished_turn,
    );
    view! {
        <Title text=say!(thanks.title)/>
        <main class="child page">
            <DisplayOptions/>
            <Suspense fallback=|| view! { <p>{say!(just_a_moment)}</p> }>
                {move || Suspend::new(async move {
                    match finished.await {
                        Ok(thanks) => view! { <Thanks thanks/> }.into_any(),
                        Err(error) => view! {
                            <h1>{say!(thanks.title)}</h1>
                            <Problem error/>
                            <p><a class="big-button" href="/" rel="external">{say!(start)}</a></p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
            <WorriedButton participation back="done"/>
        </main>
    }
}

#[component]
fn Thanks(thanks: ThankYou) -> impl IntoView {
    let next = ServerAction::<NextPerson>::new();
    let participation = use_params_map()
        .read_untracked()
        .get("participation")
        .unwrap_or_default();
    let ThankYou {
        finished,
        receipt_qr_svg,
    } = thanks;
    view! {
        <h1>{say!(thanks.heading)}</h1>
        <ReadAloud
            text=say!(
                thanks.spoken,
                audience = finished.audience.clone(),
                code = spelled(&finished.receipt_code)
            )
            label=say!(read_page)
        />
        <p class="big-text">
            {words::with_name(&say!(thanks.will_hear, audience = words::NAME), finished.audience.clone())}
        </p>
        <p>{say!(thanks.keep_code)}</p>
        // A code is read left to right in every language.
        <p class="receipt-code" data-testid="receipt-code" dir="ltr">{finished.receipt_code.clone()}</p>
        <figure class="receipt-qr">
            <div role="img" aria-label=say!(thanks.qr) inner_html=receipt_qr_svg></div>
            <figcaption>{say!(thanks.scan)}</figcaption>
        </figure>
        <PageForm action=next then="/">
            <input type="hidden" name="participation" value=participation/>
            <ActionProblem action=next/>
            <button type="submit" class="big-button">{say!(thanks.next_person)}</button>
        </PageForm>
    }
}

/// A code read one character at a time ("K, 7, P, Q, dash…"), so a voice does not say it as a word.
fn spelled(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c == '-' {
                say!(thanks.dash).to_owned()
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
