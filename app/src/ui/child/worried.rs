use crate::api::safe_step;
use crate::say;
use crate::ui::components::{DisplayOptions, ReadAloud};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

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
        <Title text=say!(worried_page.title)/>
        <main class="child page">
            <DisplayOptions/>
            <h1>{say!(worried_page.heading)}</h1>
            <p class="big-text">{say!(worried_page.coming)}</p>
            <p class="big-text">{say!(worried_page.not_in_trouble)}</p>
            <ReadAloud
                text=format!(
                    "{} {} {}",
                    say!(worried_page.heading),
                    say!(worried_page.coming),
                    say!(worried_page.not_in_trouble)
                )
                label=say!(read_page)
            />
            <p><a class="big-button" href=back rel="external">{say!(worried_page.back)}</a></p>
        </main>
    }
}

const CHILDLINE: &str = "0800 1111";

/// "I'm worried" before a turn has started, or away from a session: who can help.
#[component]
pub fn HelpPage() -> impl IntoView {
    let childline = say!(help.childline, number = CHILDLINE);
    view! {
        <Title text=say!(help.title)/>
        <main class="child page">
            <DisplayOptions/>
            <h1>{say!(help.title)}</h1>
            <p class="big-text">{say!(help.tell)}</p>
            <p class="big-text">{childline.clone()}</p>
            <ReadAloud text=format!("{} {} {childline}", say!(help.title), say!(help.tell)) label=say!(read_page)/>
            <p><a class="big-button" href="/" rel="external">{say!(go_to_start)}</a></p>
        </main>
    }
}
