use crate::api::child::JoinSession;
use crate::say;
use crate::ui::components::{
    ActionProblem, DisplayOptions, LanguageChoice, PageForm, ReadAloud, WorriedButton,
};
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
        <Title text=say!(join.title)/>
        <main class="child page">
            <DisplayOptions/>
            <LanguageChoice/>
            <h1>{say!(join.heading)}</h1>
            <ReadAloud text=say!(join.spoken) label=say!(read_page)/>
            <PageForm action=join class="child-form">
                <label for="join-code">{say!(join.code_label)}</label>
                <input
                    id="join-code"
                    name="code"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    class="code-input"
                    dir="ltr"
                    value=code
                />
                <ActionProblem action=join/>
                <button type="submit" class="big-button">{say!(start)}</button>
            </PageForm>
            <p class="aside">
                <a href="/receipt" rel="external">{say!(join.receipt_link)}</a>
            </p>
            <p class="aside staff-link"><a href="/staff" rel="external">{say!(join.staff)}</a></p>
            <WorriedButton participation={None::<String>} back=""/>
        </main>
    }
}
