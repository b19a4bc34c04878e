use crate::api::child::{load_prompt, SubmitAnswer};
use crate::domain::{AnswerMode, EmojiScale, PromptPage as Page, MAX_TEXT_CHARS};
use crate::ui::components::{ActionProblem, EmojiScaleInput, Problem, ReadAloud};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PromptPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || {
            let params = params.read();
            (
                params.get("participation").unwrap_or_default(),
                params.get("position").and_then(|p| p.parse::<i64>().ok()).unwrap_or(1),
            )
        },
        |(participation, position)| load_prompt(participation, position),
    );
    let submit = ServerAction::<SubmitAnswer>::new();
    view! {
        <main class="child page">
            <Suspense fallback=|| view! { <p>"Loading the question…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <Question page submit/> }.into_any(),
                        Err(error) => view! {
                            <Title text="Question"/>
                            <h1>"Sorry"</h1>
                            <Problem error/>
                            <p><a class="big-button" href="/">"Go to the start"</a></p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

/// What is read aloud: the question, then each choice the child can make.
fn spoken(page: &Page) -> String {
    match page.prompt.mode {
        AnswerMode::EmojiScale => {
            let words: Vec<&str> = EmojiScale::POINTS.iter().map(|(_, _, word)| *word).collect();
            format!("{} You can choose: {}.", page.prompt.text, words.join(", "))
        }
        AnswerMode::Text => format!("{} Write your answer in the box.", page.prompt.text),
    }
}

#[component]
fn Question(page: Page, submit: ServerAction<SubmitAnswer>) -> impl IntoView {
    let heading = format!("Question {} of {}", page.prompt.position, page.total);
    let speech = spoken(&page);
    let answer = match page.prompt.mode {
        AnswerMode::EmojiScale => view! { <EmojiScaleInput legend=page.prompt.text.clone()/> }.into_any(),
        AnswerMode::Text => view! {
            <label for="answer-text" class="visually-hidden">{page.prompt.text.clone()}</label>
            <textarea id="answer-text" name="text" rows="5" maxlength=MAX_TEXT_CHARS.to_string()></textarea>
            <p class="hint">{format!("You can write up to {MAX_TEXT_CHARS} letters.")}</p>
        }
        .into_any(),
    };
    view! {
        <Title text=heading.clone()/>
        <p class="progress">{heading}</p>
        <h1 class="prompt-text">{page.prompt.text.clone()}</h1>
        <p class="easy-read">{page.prompt.easy_read.clone()}</p>
        <ReadAloud text=speech what="the question"/>
        <p class="audience">{format!("{} will hear what you say.", page.audience)}</p>
        <ActionForm action=submit attr:class="child-form">
            <input type="hidden" name="participation" value=page.participation_id.clone()/>
            <input type="hidden" name="prompt" value=page.prompt.id.clone()/>
            <input type="hidden" name="contribution" value=page.contribution_id.clone()/>
            {answer}
            <ActionProblem action=submit/>
            <button type="submit" class="big-button">"Next"</button>
        </ActionForm>
    }
}
