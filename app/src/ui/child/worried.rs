use crate::api::safe_step;
use crate::ui::components::{DisplayOptions, ReadAloud};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const TOLD: &str =
    "Thank you for telling us. An adult is coming to help you now. You are not in trouble.";

/// After a child pressed "I'm worried" during their turn: the concern is already recorded.
#[component]
pub fn WorriedPage() -> impl IntoView {
    let participation = use_params_map()
        .read_untracked()
        .get("participation")
        .unwrap_or_default();
    let back = use_query_map()
        .read_untracked()
        .get("back")
        .unwrap_or_default();
    let back = format!("/take/{participation}/{}", safe_step(&back));
    view! {
        <Title text="An adult is coming"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"Thank you for telling us"</h1>
            <p class="big-text">"An adult is coming to help you now."</p>
            <p class="big-text">"You are not in trouble."</p>
            <ReadAloud text=TOLD what="this page"/>
            <p><a class="big-button" href=back rel="external">"Go back to where I was"</a></p>
        </main>
    }
}

const HELP: &str = "If you are worried, tell the adult who is with you. They will help. \
You can also call Childline on 0800 1111. It is free, and you can call at any time.";

/// "I'm worried" before a turn has started, or away from a session: who can help.
#[component]
pub fn HelpPage() -> impl IntoView {
    view! {
        <Title text="If you are worried"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"If you are worried"</h1>
            <p class="big-text">"Tell the adult who is with you. They will help."</p>
            <p class="big-text">"You can also call Childline on "<strong>"0800 1111"</strong>". It is free, and you can call at any time."</p>
            <ReadAloud text=HELP what="this page"/>
            <p><a class="big-button" href="/" rel="external">"Go to the start"</a></p>
        </main>
    }
}
