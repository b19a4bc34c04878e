use crate::api::child::JoinSession;
use crate::ui::components::{ActionProblem, DisplayOptions, PageForm, ReadAloud, WorriedButton};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JoinPage() -> impl IntoView {
    let join = ServerAction::<JoinSession>::new();
    // From the QR code on the facilitator's screen: the code is filled in.
    let code = use_query_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    view! {
        <Title text="Join a session"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"Hello! Let's start"</h1>
            <ReadAloud
                text="Hello! Let's start. Type the code your helper gives you, then press Start."
                what="this page"
            />
            <PageForm action=join class="child-form">
                <label for="join-code">"Type the code your helper gives you"</label>
                <input
                    id="join-code"
                    name="code"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    class="code-input"
                    value=code
                />
                <ActionProblem action=join/>
                <button type="submit" class="big-button">"Start"</button>
            </PageForm>
            <p class="aside">
                <a href="/receipt" rel="external">"I have a receipt code: what happened to what I said?"</a>
            </p>
            <p class="aside staff-link"><a href="/staff">"Staff sign in"</a></p>
            <WorriedButton participation={None::<String>} back=""/>
        </main>
    }
}
