use crate::api::child::{load_welcome, Agree};
use crate::domain::Welcome;
use crate::ui::components::{
    ActionProblem, DisplayOptions, PageForm, Problem, ReadAloud, WorriedButton,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The assent screen: before the first question the child hears what this is about, who will
/// hear them, that they do not have to answer, and that an adult will help if they are not safe.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let params = use_params_map();
    let welcome = Resource::new(
        move || params.read().get("participation").unwrap_or_default(),
        load_welcome,
    );
    view! {
        <Title text="Before we start"/>
        <main class="child page">
            <DisplayOptions/>
            <Suspense fallback=|| view! { <p>"Just a moment…"</p> }>
                {move || Suspend::new(async move {
                    match welcome.await {
                        Ok(welcome) => view! { <Assent welcome/> }.into_any(),
                        Err(error) => view! {
                            <h1>"Sorry"</h1>
                            <Problem error/>
                            <p><a class="big-button" href="/" rel="external">"Go to the start"</a></p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn Assent(welcome: Welcome) -> impl IntoView {
    let agree = ServerAction::<Agree>::new();
    let points = [
        (
            "💬",
            format!(
                "This is about: {}. {}",
                welcome.activity_title, welcome.intro
            ),
        ),
        (
            "👂",
            format!("{} will hear what you say.", welcome.audience),
        ),
        (
            "✋",
            "You don't have to answer. You can say \"I'd rather not say\", or stop at any time."
                .to_owned(),
        ),
        (
            "🛟",
            "If you tell us you are not safe, an adult will help you.".to_owned(),
        ),
    ];
    let participation = welcome.participation_id.clone();
    let spoken = points
        .iter()
        .map(|(_, text)| text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <h1>"Hello! Before we start"</h1>
        <ul class="assent">
            {points
                .into_iter()
                .map(|(symbol, text)| view! {
                    <li><span class="symbol" aria-hidden="true">{symbol}</span><span>{text}</span></li>
                })
                .collect_view()}
        </ul>
        <ReadAloud text=spoken what="this page"/>
        <PageForm action=agree then=format!("/take/{participation}/1") class="child-form">
            <input type="hidden" name="participation" value=welcome.participation_id.clone()/>
            <ActionProblem action=agree/>
            <button type="submit" class="big-button">"Yes, let's start"</button>
        </PageForm>
        <p><a class="button secondary" href="/" rel="external">"No, thank you"</a></p>
        <WorriedButton participation=Some(participation) back="welcome"/>
    }
}
