//! The public board: every published "you said, we did", for anyone, with only the pictures
//! children agreed anyone may see. Nothing on it identifies a child.

use super::welcome::BoardEntry;
use crate::api::child::load_board;
use crate::say;
use crate::ui::components::{DisplayOptions, LanguageChoice, Problem, WorriedButton};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn BoardPage() -> impl IntoView {
    let board = page_data(|| (), |_| load_board());
    view! {
        <Title text=say!(receipt.title)/>
        <main class="child page">
            <DisplayOptions/>
            <LanguageChoice/>
            <h1>{say!(receipt.title)}</h1>
            <p>{say!(board.intro)}</p>
            <Suspense fallback=|| view! { <p>{say!(board.loading)}</p> }>
                {move || Suspend::new(async move {
                    match board.await {
                        Ok(items) if items.is_empty() => view! { <p>{say!(board.nothing)}</p> }.into_any(),
                        Ok(items) => view! {
                            <h2>{say!(receipt.what_we_did)}</h2>
                            <ul class="said-list">
                                {items.into_iter().map(|item| view! { <li><BoardEntry item/></li> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
            <WorriedButton participation={None::<String>} back=""/>
        </main>
    }
}
