use crate::api::child::{load_welcome, Agree};
use crate::domain::{icon, AgeBand, BoardItem, DecisionStatus, Language, Symbol, Welcome};
use crate::say;
use crate::ui::components::{
    ActionProblem, DisplayOptions, Icon, LanguageChoice, PageForm, Problem, ReadAloud,
    WorriedButton,
};
use crate::ui::page_data;
use crate::ui::words;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The assent screen: before the first question the child hears what this is about, who will
/// hear them, that they do not have to answer, and that an adult will help if they are not safe.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let params = use_params_map();
    let welcome = page_data(
        move || params.read().get("participation").unwrap_or_default(),
        load_welcome,
    );
    view! {
        <Title text=say!(welcome.title)/>
        <main class="child page">
            <DisplayOptions/>
            <Suspense fallback=|| view! { <p>{say!(just_a_moment)}</p> }>
                {move || Suspend::new(async move {
                    match welcome.await {
                        Ok(welcome) => view! { <Assent welcome/> }.into_any(),
                        Err(error) => view! {
                            <h1>{say!(sorry)}</h1>
                            <Problem error/>
                            <p><a class="big-button" href="/" rel="external">{say!(go_to_start)}</a></p>
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
    let about = format!("{}. {}", welcome.activity_title, welcome.intro);
    let will_hear = say!(will_hear, audience = words::NAME);
    let age_question = say!(welcome.age);
    let participation = welcome.participation_id.clone();
    let spoken = [
        format!("{} {about}", say!(welcome.about)),
        will_hear.replace(words::NAME, &welcome.audience),
        say!(welcome.no_need).to_owned(),
        say!(welcome.not_safe).to_owned(),
        age_question.to_owned(),
    ]
    .join(" ");
    let (lang, dir) = words::marked(welcome.words_in);
    let points = [
        (
            icon::SPEECH,
            view! { {say!(welcome.about)}" "<span lang=lang dir=dir>{about}</span> }.into_any(),
        ),
        (
            icon::EAR,
            words::with_name(&will_hear, welcome.audience.clone()).into_any(),
        ),
        (icon::HAND, say!(welcome.no_need).into_any()),
        (icon::RING_BUOY, say!(welcome.not_safe).into_any()),
    ];
    let fed_back = (!welcome.fed_back.is_empty()).then(|| {
        view! { <FedBack items=welcome.fed_back.clone()/> }
    });
    view! {
        <LanguageChoice participation=participation.clone()/>
        <h1>{say!(welcome.heading)}</h1>
        {fed_back}
        <ul class="assent">
            {points
                .into_iter()
                .map(|(symbol, text)| view! {
                    <li><Icon symbol class="symbol"/><span>{text}</span></li>
                })
                .collect_view()}
        </ul>
        // Drawn with the receipt pages' bundle (`ui::ReceiptApp`): the link loads it anew.
        <p><a href=format!("/what-happens?back=/take/{participation}/welcome") rel="external">{say!(welcome.what_happens)}</a></p>
        <ReadAloud text=spoken label=say!(read_page)/>
        <PageForm action=agree then=format!("/take/{participation}/1") class="child-form">
            <input type="hidden" name="participation" value=welcome.participation_id.clone()/>
            <fieldset class="emoji-scale age-bands">
                <legend class="scale-legend">{age_question}</legend>
                {AgeBand::ALL
                    .iter()
                    .map(|band| (band.as_str(), band_words(*band)))
                    // A tap by mistake can be taken back.
                    .chain([("", say!(rather_not_say).to_owned())])
                    .map(|(value, label)| view! {
                        <label class="emoji-option">
                            <input type="radio" name="age" value=value/>
                            <span class="word">{label}</span>
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            <ActionProblem action=agree/>
            <button type="submit" class="big-button">{say!(welcome.yes)}</button>
        </PageForm>
        <p><a class="button secondary" href="/" rel="external">{say!(welcome.no)}</a></p>
        <WorriedButton participation=Some(participation) back="welcome"/>
    }
}

/// An age band in the page's language: "5 to 10".
fn band_words(band: AgeBand) -> String {
    let (from, to) = band.as_str().split_once('-').unwrap_or_default();
    say!(welcome.age_band, from = from.to_owned(), to = to.to_owned())
}

/// Where a decision has got to, with what was decided and why in the words staff wrote
/// (English, marked so on a page in another language).
#[component]
pub(super) fn Decided(
    status: DecisionStatus,
    decision: Option<String>,
    reason: Option<String>,
) -> impl IntoView {
    let (lang, dir) = words::marked(Language::English);
    view! {
        <p class="small">
            {words::status(status)}
            {decision.map(|decision| view! { ": "<span lang=lang dir=dir>{decision}</span> })}
            {reason.map(|reason| view! { ". "{say!(decision.why_label)}<span lang=lang dir=dir>{reason}</span> })}
        </p>
    }
}

/// The same, to be read aloud.
pub(super) fn decided_words(
    status: DecisionStatus,
    decision: Option<&str>,
    reason: Option<&str>,
) -> String {
    let mut words = words::status(status).to_owned();
    if let Some(decision) = decision {
        words += &format!(": {decision}");
    }
    if let Some(reason) = reason {
        words += &format!(". {}{reason}", say!(decision.why_label));
    }
    words
}

/// What adults did after children last took part in this activity.
#[component]
pub(super) fn FedBack(items: Vec<BoardItem>) -> impl IntoView {
    view! {
        <section class="fed-back" aria-labelledby="fed-back-heading">
            <h2 id="fed-back-heading">{say!(welcome.fed_back)}</h2>
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
    let spoken = format!(
        "{} {} {}",
        feedback.easy_read,
        feedback.plain_text,
        decided_words(status, None, reason.as_deref())
    );
    let (title_lang, title_dir) = words::marked(Language::English);
    let (lang, dir) = words::marked(feedback.written_in);
    view! {
        <article class="said">
            <h3 lang=title_lang dir=title_dir>{title}</h3>
            <p class="easy-read" lang=lang dir=dir>
                {feedback.symbol.as_deref().and_then(Symbol::find).map(|symbol| view! {
                    <img src=symbol.url() alt="" class="prompt-symbol"/>
                })}
                {feedback.easy_read}
            </p>
            <p lang=lang dir=dir>{feedback.plain_text}</p>
            <Decided status decision=None reason/>
            {pictures
                .into_iter()
                .map(|(id, description)| {
                    // A description is staff's words; the stand-in is the page's.
                    let alt_lang = description.is_some().then_some(title_lang).flatten();
                    view! {
                        <img
                            class="thumbnail"
                            src=format!("/board/pictures/{id}")
                            alt=description.unwrap_or_else(|| say!(decision.picture).to_owned())
                            lang=alt_lang
                        />
                    }
                })
                .collect_view()}
            <ReadAloud text=spoken label=say!(read_what_we_did)/>
        </article>
    }
}
