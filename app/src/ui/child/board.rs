//! The public board: every published "you said, we did", for anyone, with only the pictures
//! children agreed anyone may see. Nothing on it identifies a child.

use super::welcome::BoardEntry;
use crate::api::child::load_board;
use crate::ui::components::{DisplayOptions, Problem, WorriedButton};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn BoardPage() -> impl IntoView {
    let board = Resource::new(|| (), |_| load_board());
    view! {
        <Title text="You said, we did"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"You said, we did"</h1>
            <p>"What children and young people told us, and what we did about it."</p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match board.await {
                        Ok(items) if items.is_empty() => view! { <p>"Nothing has been published yet."</p> }.into_any(),
                        Ok(items) => view! {
                            <h2>"What we did"</h2>
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
