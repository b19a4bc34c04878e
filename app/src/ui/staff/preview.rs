//! A question as a child will see it on the tablet, for the facilitator building the activity.
//! The child's own page is shown inside a disabled fieldset: it can be read, heard and looked
//! through way by way, but nothing can be sent from it.

use super::StaffFrame;
use crate::api::activity::preview_prompt;
use crate::api::child::SubmitAnswer;
use crate::domain::{AnswerMode, Language, PreviewLanguage, PromptPage};
use crate::staff;
use crate::ui::child::Question;
use crate::ui::components::Problem;
use crate::ui::page_data;
use crate::ui::words;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn PreviewPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = page_data(
        move || {
            let params = params.read();
            (
                params.get("activity").unwrap_or_default(),
                params
                    .get("position")
                    .and_then(|p| p.parse::<i64>().ok())
                    .unwrap_or(1),
                language(),
            )
        },
        |(activity, position, language)| {
            preview_prompt(activity, position, language.as_str().to_owned())
        },
    );
    view! {
        <StaffFrame>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || {
                    let way = query.with(|q| q.get("way").and_then(|w| AnswerMode::parse(&w)));
                    let activity = params.read().get("activity").unwrap_or_default();
                    let language = language();
                    Suspend::new(async move {
                        match page.await {
                            Ok(preview) => {
                                if let Some(phrases) = &preview.phrases {
                                    words::learn(language, phrases);
                                }
                                let page = preview.page;
                                view! { <Preview page activity way language/> }.into_any()
                            }
                            Err(error) => view! { <Problem error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Preview(
    page: PromptPage,
    activity: String,
    way: Option<AnswerMode>,
    language: Language,
) -> impl IntoView {
    let submit = ServerAction::<SubmitAnswer>::new();
    let position = page.prompt.position;
    let total = page.total;
    let step = |to: i64, label: &'static str| {
        (1..=total).contains(&to).then(|| view! {
            <a class="button secondary" href=format!("/staff/activities/{activity}/preview/{to}?language={}", language.as_str())>{label}</a>
        })
    };
    let languages = Language::FOR_PAGES
        .into_iter()
        .map(|shown| {
            let current = (shown == language).then_some("page");
            view! {
                <a
                    class="button secondary"
                    href=format!("/staff/activities/{activity}/preview/{position}?language={}", shown.as_str())
                    lang=shown.tag()
                    aria-current=current
                >
                    {shown.own_name()}
                </a>
            }
        })
        .collect_view();
    let untranslated = (language != Language::English && page.prompt.words_in != language).then(|| view! {
        <p class="hint">{format!("This question is not translated into {} yet: children see it in English.", language.label())}</p>
    });
    // The child's own page, in the language chosen here.
    provide_context(PreviewLanguage(language));
    view! {
        <nav class="actions" aria-label=staff!(common.preview)>
            <a class="button secondary" href=format!("/staff/activities/{activity}#prompt-{}", page.prompt.id)>
                {staff!(preview.back_activity)}
            </a>
            {step(position - 1, staff!(preview.previous))}
            {step(position + 1, staff!(preview.next))}
        </nav>
        <nav class="actions" aria-label=staff!(preview.language_preview)>{languages}</nav>
        <p class="preview-note">{staff!(preview.child_sees_tablet_answering)}</p>
        {untranslated}
        <div class="child tablet-preview" lang=language.tag() dir=language.dir()>
            <fieldset disabled class="preview-frame">
                <legend class="visually-hidden">{staff!(preview.preview_question)}</legend>
                <Question page submit way problem=None preview=true/>
            </fieldset>
        </div>
    }
}

/// The language of the preview, from `?language=`; English unless one of the child's languages.
fn language() -> Language {
    use_query_map()
        .read()
        .get("language")
        .and_then(|tag| Language::for_pages(&tag))
        .unwrap_or_default()
}
