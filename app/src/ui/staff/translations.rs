//! What staff wrote for children, in the other languages of the child's pages: an activity and
//! its questions in the builder, "you said, we did" on a decision. Which translations are
//! missing, and a form for each. English is the source; a child sees their language where it
//! exists and English otherwise.

use crate::api::activity::{SaveActivityTranslation, SavePromptTranslation};
use crate::api::influence::SaveFeedbackTranslation;
use crate::domain::{ActivitySummary, Decision, Language, Prompt, Translations};
use crate::staff;
use crate::ui::components::ActionProblem;
use leptos::prelude::*;

/// The languages a facilitator translates into.
fn others() -> impl Iterator<Item = Language> {
    Language::FOR_PAGES
        .into_iter()
        .filter(|language| *language != Language::English)
}

/// Which languages have the activity's title and intro, and a form for each.
#[component]
pub fn ActivityTranslations(
    activity: ActivitySummary,
    translations: Translations,
    saved: RwSignal<u32>,
) -> impl IntoView {
    let missing: Vec<&str> = others()
        .filter(|language| translations.of_activity(*language).is_none())
        .map(Language::label)
        .collect();
    view! {
        <section class="card" id="translations" aria-labelledby="translations-heading">
            <h2 id="translations-heading">{staff!(translations.other_languages)}</h2>
            <p>{staff!(translations.children_can_choose)}</p>
            <p class="hint">{missing_line(&missing, staff!(translations.title_and_intro))}</p>
            {others()
                .map(|language| {
                    let words = translations.of_activity(language).cloned();
                    let (title, intro) = words.map(|w| (w.title, w.intro)).unwrap_or_default();
                    let save = super::activity::saving::<SaveActivityTranslation>(saved);
                    let field = move |name: &str| format!("activity-{name}-{}", language.as_str());
                    let activity_id = activity.id.clone();
                    view! {
                        <details>
                            <summary>{status(language, !title.is_empty())}</summary>
                            <ActionForm action=save attr:class="staff-form">
                                <input type="hidden" name="activity" value=activity_id/>
                                <input type="hidden" name="language" value=language.as_str()/>
                                <label for=field("title")>{staff!(translations.title_in, language = language.label())}</label>
                                <input id=field("title") name="title" value=title lang=language.tag() dir="auto" maxlength="120"/>
                                <label for=field("intro")>{staff!(translations.intro_in, language = language.label())}</label>
                                <textarea id=field("intro") name="intro" rows="3" lang=language.tag() dir="auto" maxlength="300">{intro}</textarea>
                                <p class="hint">{staff!(translations.leave_both_empty_show)}</p>
                                <ActionProblem action=save/>
                                <button type="submit">{staff!(translations.save_words, language = language.label())}</button>
                            </ActionForm>
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// A question in the other languages: which are missing, a form and a preview for each.
#[component]
pub fn PromptTranslations(
    activity: String,
    prompt: Prompt,
    translations: Translations,
    saved: RwSignal<u32>,
) -> impl IntoView {
    let missing: Vec<&str> = others()
        .filter(|language| {
            translations
                .of_prompt(&prompt.id, *language)
                .is_none_or(|words| !words.fits(&prompt))
        })
        .map(Language::label)
        .collect();
    view! {
        <details>
            <summary>{staff!(translations.in_other_languages, state = missing_line(&missing, staff!(translations.this_question)))}</summary>
            {others()
                .map(|language| {
                    let words = translations.of_prompt(&prompt.id, language).cloned();
                    let translated = words.as_ref().is_some_and(|words| words.fits(&prompt));
                    let out_of_date = words.as_ref().is_some_and(|words| !words.fits(&prompt));
                    let (text, easy_read, labels) = words
                        .map(|w| (w.text, w.easy_read, w.options))
                        .unwrap_or_default();
                    let save = super::activity::saving::<SavePromptTranslation>(saved);
                    let key = format!("{}-{}", prompt.id, language.as_str());
                    let field = move |name: &str| format!("{name}-{key}");
                    let (activity, prompt_id) = (activity.clone(), prompt.id.clone());
                    let preview = format!(
                        "/staff/activities/{activity}/preview/{}?language={}",
                        prompt.position,
                        language.as_str()
                    );
                    let options = prompt
                        .options
                        .iter()
                        .enumerate()
                        .map(|(n, option)| {
                            let id = field(&format!("option-{n}"));
                            let value = labels.get(n).cloned().unwrap_or_default();
                            view! {
                                <label for=id.clone()>{staff!(translations.option_in, number = n + 1, option = option.label, language = language.label())}</label>
                                <input id=id name="options[]" value=value lang=language.tag() dir="auto" maxlength="60"/>
                            }
                        })
                        .collect_view();
                    view! {
                        <details>
                            <summary>
                                {status(language, translated)}
                                {out_of_date.then_some(staff!(translations.options_changed))}
                            </summary>
                            <ActionForm action=save attr:class="staff-form">
                                <input type="hidden" name="activity" value=activity/>
                                <input type="hidden" name="prompt" value=prompt_id/>
                                <input type="hidden" name="language" value=language.as_str()/>
                                <label for=field("text")>{staff!(translations.question_in, language = language.label())}</label>
                                <textarea id=field("text") name="text" rows="2" lang=language.tag() dir="auto" maxlength="300">{text}</textarea>
                                <label for=field("easy-read")>{staff!(translations.easy_read_in, language = language.label())}</label>
                                <textarea id=field("easy-read") name="easy_read" rows="2" lang=language.tag() dir="auto" maxlength="300">{easy_read}</textarea>
                                {options}
                                <p class="hint">{staff!(translations.leave_everything_empty_show)}</p>
                                <ActionProblem action=save/>
                                <button type="submit">{staff!(translations.save_words, language = language.label())}</button>
                                " "
                                <a class="button secondary" href=preview>{format!("Preview in {}", language.label())}</a>
                            </ActionForm>
                        </details>
                    }
                })
                .collect_view()}
        </details>
    }
}

/// "You said, we did" in the other languages, once it is published in English.
#[component]
pub fn FeedbackTranslations(decision: Decision, saved: RwSignal<u32>) -> impl IntoView {
    let translated = move |language: Language| {
        decision
            .feedback_translations
            .iter()
            .find(|(translated, _)| *translated == language)
            .map(|(_, words)| words.clone())
    };
    let missing: Vec<&str> = others()
        .filter(|language| translated(*language).is_none())
        .map(Language::label)
        .collect();
    view! {
        <section id="feedback-translations" aria-labelledby="feedback-translations-heading">
            <h3 id="feedback-translations-heading">{staff!(translations.in_other_languages_heading)}</h3>
            <p class="hint">{missing_line(&missing, staff!(translations.the_message))}</p>
            {others()
                .map(|language| {
                    let (plain, easy) = translated(language)
                        .map(|words| (words.plain_text, words.easy_read))
                        .unwrap_or_default();
                    let save = super::activity::saving::<SaveFeedbackTranslation>(saved);
                    let field = move |name: &str| format!("feedback-{name}-{}", language.as_str());
                    let decision_id = decision.id.clone();
                    view! {
                        <details>
                            <summary>{status(language, !plain.is_empty())}</summary>
                            <ActionForm action=save attr:class="staff-form">
                                <input type="hidden" name="decision" value=decision_id/>
                                <input type="hidden" name="language" value=language.as_str()/>
                                <label for=field("plain")>{staff!(translations.message_in, language = language.label())}</label>
                                <textarea id=field("plain") name="plain_text" rows="3" lang=language.tag() dir="auto" maxlength="1000">{plain}</textarea>
                                <label for=field("easy")>{staff!(translations.easy_read_message_in, language = language.label())}</label>
                                <textarea id=field("easy") name="easy_read" rows="3" lang=language.tag() dir="auto" maxlength="1000">{easy}</textarea>
                                <p class="hint">{staff!(translations.leave_both_empty_show)}</p>
                                <ActionProblem action=save/>
                                <button type="submit">{staff!(translations.save_message, language = language.label())}</button>
                            </ActionForm>
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}

fn status(language: Language, translated: bool) -> String {
    let state = if translated {
        staff!(translations.translated)
    } else {
        staff!(translations.not_translated)
    };
    staff!(
        translations.status,
        language = language.label(),
        own_name = language.own_name(),
        state
    )
}

fn missing_line(missing: &[&str], what: &str) -> String {
    match missing {
        [] => staff!(translations.in_every_language, what),
        missing => staff!(
            translations.missing_in,
            what,
            languages = missing.join(", ")
        ),
    }
}
