use crate::api::child::{load_welcome, Agree};
use crate::domain::{icon, AgeBand, BoardItem, Symbol, Welcome};
use crate::ui::components::{
    ActionProblem, DisplayOptions, Icon, PageForm, Problem, ReadAloud, WorriedButton,
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

const AGE_QUESTION: &str = "How old are you? You don't have to say.";

#[component]
fn Assent(welcome: Welcome) -> impl IntoView {
    let agree = ServerAction::<Agree>::new();
    let points = [
        (
            icon::SPEECH,
            format!(
                "This is about: {}. {}",
                welcome.activity_title, welcome.intro
            ),
        ),
        (
            icon::EAR,
            format!("{} will hear what you say.", welcome.audience),
        ),
        (
            icon::HAND,
            "You don't have to answer. You can say \"I'd rather not say\", or stop at any time."
                .to_owned(),
        ),
        (
            icon::RING_BUOY,
            "If you tell us you are not safe, an adult will help you.".to_owned(),
        ),
    ];
    let participation = welcome.participation_id.clone();
    let spoken = points
        .iter()
        .map(|(_, text)| text.as_str())
        .chain([AGE_QUESTION])
        .collect::<Vec<_>>()
        .join(" ");
    let fed_back = (!welcome.fed_back.is_empty()).then(|| {
        view! { <FedBack items=welcome.fed_back.clone()/> }
    });
    view! {
        <h1>"Hello! Before we start"</h1>
        {fed_back}
        <ul class="assent">
            {points
                .into_iter()
                .map(|(symbol, text)| view! {
                    <li><Icon symbol class="symbol"/><span>{text}</span></li>
                })
                .collect_view()}
        </ul>
        <p><a href=format!("/what-happens?back=/take/{participation}/welcome")>"What happens to what I say"</a></p>
        <ReadAloud text=spoken what="this page"/>
        <PageForm action=agree then=format!("/take/{participation}/1") class="child-form">
            <input type="hidden" name="participation" value=welcome.participation_id.clone()/>
            <fieldset class="emoji-scale age-bands">
                <legend class="scale-legend">{AGE_QUESTION}</legend>
                {AgeBand::ALL
                    .iter()
                    .map(|band| (band.as_str(), band.label()))
                    // A tap by mistake can be taken back.
                    .chain([("", "I'd rather not say")])
                    .map(|(value, label)| view! {
                        <label class="emoji-option">
                            <input type="radio" name="age" value=value/>
                            <span class="word">{label}</span>
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            <ActionProblem action=agree/>
            <button type="submit" class="big-button">"Yes, let's start"</button>
        </PageForm>
        <p><a class="button secondary" href="/" rel="external">"No, thank you"</a></p>
        <WorriedButton participation=Some(participation) back="welcome"/>
    }
}

/// What adults did after children last took part in this activity.
#[component]
pub(super) fn FedBack(items: Vec<BoardItem>) -> impl IntoView {
    view! {
        <section class="fed-back" aria-labelledby="fed-back-heading">
            <h2 id="fed-back-heading">"Last time, children told us. This is what we did."</h2>
            <ul class="said-list">
                {items.into_iter().map(|item| view! { <li><BoardEntry item/></li> }).collect_view()}
            </ul>
        </section>
    }
}

/// One "you said, we did", with its picture and read aloud.
#[component]
pub(super) fn BoardEntry(item: BoardItem) -> impl IntoView {
    let BoardItem {
        title,
        status,
        reason,
        feedback,
        pictures,
        ..
    } = item;
    let status = match reason {
        Some(reason) => format!("{}. Why: {reason}", status.label()),
        None => status.label().to_owned(),
    };
    let spoken = format!("{} {} {status}", feedback.easy_read, feedback.plain_text);
    view! {
        <article class="said">
            <h3>{title}</h3>
            <p class="easy-read">
                {feedback.symbol.as_deref().and_then(Symbol::find).map(|symbol| view! {
                    <img src=symbol.url() alt="" class="prompt-symbol"/>
                })}
                {feedback.easy_read}
            </p>
            <p>{feedback.plain_text}</p>
            <p class="small">{status}</p>
            {pictures
                .into_iter()
                .map(|(id, description)| view! {
                    <img
                        class="thumbnail"
                        src=format!("/board/pictures/{id}")
                        alt=description.unwrap_or_else(|| "A picture a child made".to_owned())
                    />
                })
                .collect_view()}
            <ReadAloud text=spoken what="what we did"/>
        </article>
    }
}
