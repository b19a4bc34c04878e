use super::drawing::DrawingForm;
use super::recording::RecordingForm;
use super::upload::{send_in_background, Sending, SendingStatus};
use crate::api::child::{load_prompt, SubmitAnswer};
use crate::domain::{
    AnswerMode, Communicated, EmojiScale, MediaConsent, PromptPage as Page, Symbol, UploadProblem,
    MAX_TEXT_CHARS, PHOTO_MAX_MB,
};
use crate::say;
use crate::ui::components::{
    ActionProblem, ChoiceInput, DisplayOptions, EmojiScaleInput, PageForm, Problem, ReadAloud,
    WorriedButton,
};
use crate::ui::page_data;
use crate::ui::words;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn PromptPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = page_data(
        move || {
            let params = params.read();
            (
                params.get("participation").unwrap_or_default(),
                params
                    .get("position")
                    .and_then(|p| p.parse::<i64>().ok())
                    .unwrap_or(1),
            )
        },
        |(participation, position)| load_prompt(participation, position),
    );
    let submit = ServerAction::<SubmitAnswer>::new();
    view! {
        <main class="child page">
            <DisplayOptions/>
            <Suspense fallback=|| view! { <p>{say!(question.loading)}</p> }>
                {move || {
                    let (way, problem) = query.with(|query| {
                        (
                            query.get("way").and_then(|w| AnswerMode::parse(&w)),
                            query.get("problem").and_then(|p| UploadProblem::from_code(&p)),
                        )
                    });
                    Suspend::new(async move { match page.await {
                        Ok(page) => view! { <Question page submit way problem/> }.into_any(),
                        Err(error) => view! {
                            <Title text=say!(question.title)/>
                            <h1>{say!(sorry)}</h1>
                            <Problem error/>
                            <p><a class="big-button" href="/" rel="external">{say!(go_to_start)}</a></p>
                        }
                        .into_any(),
                    }})
                }}
            </Suspense>
        </main>
    }
}

/// What is read aloud: the question, then what the child can do.
fn spoken(page: &Page, mode: AnswerMode) -> String {
    let how = match mode {
        AnswerMode::EmojiScale => {
            let words: Vec<&str> = EmojiScale::points(page.prompt.scale_points)
                .iter()
                .map(|(value, _, _)| words::face(*value))
                .collect();
            say!(question.you_can_choose, words = words.join(", "))
        }
        AnswerMode::Text => say!(question.how_text).to_owned(),
        AnswerMode::Choice => {
            let words: Vec<&str> = page
                .prompt
                .options
                .iter()
                .map(|option| option.label.as_str())
                .collect();
            let how_many = if page.prompt.multiple {
                say!(question.pick_many)
            } else {
                say!(question.pick_one)
            };
            format!(
                "{} {how_many}",
                say!(question.you_can_choose, words = words.join(", "))
            )
        }
        AnswerMode::Photo => say!(question.how_photo).to_owned(),
        AnswerMode::Drawing => say!(question.how_drawing).to_owned(),
        AnswerMode::Audio => say!(question.how_audio).to_owned(),
    };
    // The easy-read line is read too: it is the version some children understand.
    let easy_read = page.prompt.easy_read.trim();
    format!(
        "{} {easy_read} {how} {}",
        page.prompt.text,
        say!(question.or_rather_not)
    )
}

/// The page after this prompt: the next question, or "How was today?" after the last.
fn next_page(page: &Page) -> String {
    let turn = &page.participation_id;
    page.plan
        .iter()
        .find(|planned| planned.position > page.prompt.position)
        .map_or(format!("/take/{turn}/today"), |planned| {
            format!("/take/{turn}/{}", planned.position)
        })
}

/// Every page of the rest of this turn, for the tablet to keep while the network is there: each
/// question in each of its ways, "How was today?", the thank-you and "I'm worried" pages.
fn pages_to_keep(page: &Page) -> String {
    let turn = &page.participation_id;
    let mut pages = Vec::new();
    let mut steps = vec!["today".to_owned(), "done".to_owned()];
    for planned in &page.plan {
        pages.push(format!("/take/{turn}/{}", planned.position));
        if planned.modes.len() > 1 {
            for mode in &planned.modes {
                pages.push(format!(
                    "/take/{turn}/{}?way={}",
                    planned.position,
                    mode.as_str()
                ));
            }
        }
        steps.push(planned.position.to_string());
    }
    for step in &steps {
        pages.push(format!("/take/{turn}/{step}"));
        pages.push(format!("/take/{turn}/worried?back={step}"));
    }
    pages.sort();
    pages.dedup();
    pages.join(" ")
}

/// One question as the child sees it. `preview` is the facilitator's preview: nothing is kept
/// for offline use.
#[component]
pub(crate) fn Question(
    page: Page,
    submit: ServerAction<SubmitAnswer>,
    way: Option<AnswerMode>,
    problem: Option<UploadProblem>,
    #[prop(optional)] preview: bool,
) -> impl IntoView {
    let mode = way
        .filter(|w| page.prompt.modes.contains(w))
        .unwrap_or(page.prompt.modes[0]);
    let heading = say!(
        question.progress,
        position = page.prompt.position,
        total = page.total
    );
    let speech = spoken(&page, mode);
    let position = page.prompt.position.to_string();
    let participation = page.participation_id.clone();
    let then = next_page(&page);
    let keep = pages_to_keep(&page);
    let ways = (page.prompt.modes.len() > 1).then(|| {
        let links = page
            .prompt
            .modes
            .iter()
            .map(|&offered| {
                let current = (offered == mode).then_some("page");
                view! {
                    <a class="button way" href=format!("?way={}", offered.as_str()) rel="external" aria-current=current>
                        {words::invitation(offered)}
                    </a>
                }
            })
            .collect_view();
        view! { <nav class="ways" aria-label=say!(question.ways)>{links}</nav> }
    });
    let answer = match mode {
        AnswerMode::Photo => view! { <PhotoForm page=page.clone()/> }.into_any(),
        AnswerMode::Drawing => view! { <DrawingForm page=page.clone()/> }.into_any(),
        AnswerMode::Audio => view! { <RecordingForm page=page.clone()/> }.into_any(),
        AnswerMode::EmojiScale | AnswerMode::Choice | AnswerMode::Text => {
            view! { <WordsForm page=page.clone() mode submit/> }.into_any()
        }
    };
    let (lang, dir) = words::marked(page.prompt.words_in);
    view! {
        <Title text=heading.clone()/>
        <p class="progress">{heading}</p>
        <h1 class="prompt-text" lang=lang dir=dir>{page.prompt.text.clone()}</h1>
        <p class="easy-read" lang=lang dir=dir>
            {page.prompt.symbol.as_deref().and_then(Symbol::find).map(|symbol| view! {
                <img src=symbol.url() alt="" class="prompt-symbol"/>
            })}
            {page.prompt.easy_read.clone()}
        </p>
        <ReadAloud text=speech label=say!(read_question)/>
        <p class="audience">
            {words::with_name(&say!(will_hear, audience = words::NAME), page.audience.clone())}
        </p>
        {ways}
        {problem.map(|problem| view! { <p class="problem" role="alert">{words::upload_problem(problem)}</p> })}
        {answer}
        <PageForm action=submit then=then class="decline-form">
            <input type="hidden" name="participation" value=page.participation_id.clone()/>
            <input type="hidden" name="prompt" value=page.prompt.id.clone()/>
            <input type="hidden" name="contribution" value=page.contribution_id.clone()/>
            <input type="hidden" name="declined" value="true"/>
            <button type="submit" class="button secondary">{say!(rather_not_say)}</button>
        </PageForm>
        <WorriedButton participation=Some(participation) back=position/>
        // Read by /heard-offline.js, which asks the service worker to keep these pages.
        {(!preview).then(|| view! { <div hidden data-offline-pages=keep></div> })}
    }
}

/// Faces, pictures to choose or written words, through a server function.
#[component]
fn WordsForm(page: Page, mode: AnswerMode, submit: ServerAction<SubmitAnswer>) -> impl IntoView {
    let (lang, dir) = words::marked(page.prompt.words_in);
    let input = match mode {
        AnswerMode::EmojiScale => view! {
            <EmojiScaleInput
                legend=page.prompt.text.clone()
                points=page.prompt.scale_points
                written_in=page.prompt.words_in
            />
        }
        .into_any(),
        AnswerMode::Choice => view! { <ChoiceInput prompt=page.prompt.clone()/> }.into_any(),
        _ => view! {
            <label for="answer-text" class="visually-hidden" lang=lang dir=dir>{page.prompt.text.clone()}</label>
            // The child writes in whatever language and direction they write in.
            <textarea id="answer-text" name="text" rows="5" dir="auto" maxlength=MAX_TEXT_CHARS.to_string()></textarea>
            <p class="hint">{say!(question.letters, count = MAX_TEXT_CHARS)}</p>
        }
        .into_any(),
    };
    view! {
        <PageForm action=submit then=next_page(&page) class="child-form">
            <input type="hidden" name="participation" value=page.participation_id.clone()/>
            <input type="hidden" name="prompt" value=page.prompt.id.clone()/>
            <input type="hidden" name="contribution" value=page.contribution_id.clone()/>
            <input type="hidden" name="way" value=mode.as_str()/>
            {input}
            <AdultPanel/>
            <ActionProblem action=submit/>
            <button type="submit" class="big-button">{say!(next)}</button>
        </PageForm>
    }
}

/// A photo: a plain multipart form, so the tablet's camera or library works with or without
/// JavaScript. The small fields come first so the server knows the question before the photo.
#[component]
fn PhotoForm(page: Page) -> impl IntoView {
    let preview = RwSignal::new(None::<String>);
    let show_preview = move |event: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        let file = input.files().and_then(|files| files.get(0));
        preview.set(file.and_then(|file| web_sys::Url::create_object_url_with_blob(&file).ok()));
    };
    let sending = RwSignal::new(Sending::Idle);
    let send = move |event: leptos::ev::SubmitEvent| send_in_background(&event, sending);
    view! {
        <MediaForm page on_submit=send>
            <ConsentChoice legend=say!(media.who_sees_photo)/>
            <AdultPanel/>
            <label for="photo">{say!(media.photo_label, megabytes = PHOTO_MAX_MB)}</label>
            <input id="photo" type="file" name="photo" accept="image/jpeg,image/png" on:change=show_preview/>
            {move || preview.get().map(|url| view! {
                <img class="preview" src=url alt=say!(media.photo_preview)/>
            })}
            <button type="submit" class="big-button" disabled=move || matches!(sending.get(), Sending::Progress(_))>
                {say!(send)}
            </button>
            <SendingStatus state=sending/>
        </MediaForm>
    }
}

/// The shell of a photo, drawing or recording form: a plain multipart post to the media route,
/// with the question and the answer's id before the file so the server knows them first.
#[component]
pub(super) fn MediaForm<F>(page: Page, on_submit: F, children: Children) -> impl IntoView
where
    F: FnMut(leptos::ev::SubmitEvent) + 'static,
{
    view! {
        <form
            class="child-form"
            method="post"
            enctype="multipart/form-data"
            action=format!("/take/{}/media", page.participation_id)
            on:submit=on_submit
        >
            <input type="hidden" name="then" value=next_page(&page)/>
            <input type="hidden" name="prompt" value=page.prompt.id/>
            <input type="hidden" name="contribution" value=page.contribution_id/>
            {children()}
        </form>
    }
}

/// Who the child lets see their picture: the team only unless they choose more.
#[component]
pub(super) fn ConsentChoice(legend: &'static str) -> impl IntoView {
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {MediaConsent::ALL
                .into_iter()
                .map(|consent| view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name="consent"
                            value=consent.as_str()
                            checked=consent == MediaConsent::default()
                        />
                        {words::consent(consent)}
                    </label>
                })
                .collect_view()}
        </fieldset>
    }
}

/// For the adult on the tablet: how the child gave this answer (Lundy's Voice).
#[component]
pub(super) fn AdultPanel() -> impl IntoView {
    view! {
        <details class="adult">
            <summary>{say!(adult.panel)}</summary>
            <fieldset class="choices">
                <legend>{say!(adult.how)}</legend>
                {[Communicated::OwnWords, Communicated::Supported, Communicated::Interpreted]
                    .into_iter()
                    .map(|how| view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name="communicated"
                                value=how.as_str()
                                checked=how == Communicated::OwnWords
                            />
                            {match how {
                                Communicated::OwnWords => say!(adult.own_words),
                                Communicated::Supported => say!(adult.supported),
                                Communicated::Interpreted => say!(adult.interpreted),
                            }}
                        </label>
                    })
                    .collect_view()}
            </fieldset>
        </details>
    }
}
