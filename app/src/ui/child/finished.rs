use crate::api::child::finished_turn;
use crate::ui::components::{Problem, WorriedButton};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn FinishedPage() -> impl IntoView {
    let params = use_params_map();
    let participation = params.read_untracked().get("participation");
    let finished = Resource::new(
        move || params.read().get("participation").unwrap_or_default(),
        finished_turn,
    );
    view! {
        <Title text="Thank you"/>
        <main class="child page">
            <Suspense fallback=|| view! { <p>"Just a moment…"</p> }>
                {move || Suspend::new(async move {
                    match finished.await {
                        Ok(finished) => view! {
                            <h1>"Thank you!"</h1>
                            <p class="big-text">
                                {format!("{} will hear what you said.", finished.audience)}
                            </p>
                            <p>"Your receipt code. Keep it to see what happens next:"</p>
                            <p class="receipt-code" data-testid="receipt-code">{finished.receipt_code}</p>
                            <a class="big-button" href="/">"Next person"</a>
                        }
                        .into_any(),
                        Err(error) => view! {
                            <h1>"Sorry"</h1>
                            <Problem error/>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
            <WorriedButton participation back="done"/>
        </main>
    }
}
