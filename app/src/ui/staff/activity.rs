//! The activity builder: what the activity is about and who will hear, its questions (words,
//! easy read, a picture, ways to answer, options), their order, a preview as a child sees it,
//! and the themes facilitators tag answers with.

use super::translations::{ActivityTranslations, PromptTranslations};
use super::StaffFrame;
use crate::api::activity::{
    activity_form_choices, load_activity, AddTheme, CreateActivity, MovePrompt, RemovePrompt,
    RemoveTheme, SavePrompt, UpdateActivity,
};
use crate::domain::{
    ActivityPlan, ActivitySummary, AnswerMode, Forum, Language, Priority, Prompt, Translations,
    MAX_OPTIONS,
};
use crate::error::AppError;
use crate::staff;
use crate::ui::components::{ActionProblem, FormCleared, Problem, SymbolChoice};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewActivityPage() -> impl IntoView {
    let choices = page_data(|| (), |_| activity_form_choices());
    let create = ServerAction::<CreateActivity>::new();
    view! {
        <Title text=staff!(common.new_activity)/>
        <StaffFrame>
            <h1>{staff!(common.new_activity)}</h1>
            <p>{staff!(activity.say_what_about_who)}</p>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match choices.await {
                        Ok(choices) => view! {
                            <ActionForm action=create attr:class="staff-form">
                                <ActivityFields forums=choices.forums priorities=choices.priorities current=None/>
                                <ActionProblem action=create/>
                                <button type="submit">{staff!(activity.create_activity)}</button>
                            </ActionForm>
                        }
                        .into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let params = use_params_map();
    // Every form on the page pulls the activity again once it has saved: each save counts up.
    let saved = RwSignal::new(0_u32);
    let plan = page_data(
        move || {
            (
                params.read().get("activity").unwrap_or_default(),
                saved.get(),
            )
        },
        |(activity, _)| load_activity(activity),
    );
    view! {
        <Title text=staff!(common.activity)/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match plan.await {
                        Ok(plan) => view! { <Builder plan saved/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

/// Empties a form for the next entry once `action` succeeds. The page is rebuilt in place after
/// a save, which keeps what was typed in fields whose markup did not change, so a form for
/// something new is reset by hand; its picture previews hear of it through `FormCleared`.
fn clear_after<S>(action: ServerAction<S>) -> NodeRef<leptos::html::Form>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let form = NodeRef::<leptos::html::Form>::new();
    let cleared = FormCleared(RwSignal::new(0));
    provide_context(cleared);
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
                cleared.0.update(|n| *n += 1);
            }
        }
    });
    form
}

/// A server action that tells the page to load again once it succeeds.
pub(super) fn saving<S>(saved: RwSignal<u32>) -> ServerAction<S>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let action = ServerAction::<S>::new();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            saved.update(|count| *count += 1);
        }
    });
    action
}

#[component]
fn Builder(plan: ActivityPlan, saved: RwSignal<u32>) -> impl IntoView {
    let ActivityPlan {
        activity,
        forums,
        priorities,
        answered,
        translations,
    } = plan;
    let update = saving::<UpdateActivity>(saved);
    let id = activity.id.clone();
    let count = activity.prompts.len();
    let preview = format!("/staff/activities/{id}/preview/1");
    let fields = activity.clone();
    let new_question =
        view! { <PromptEditor activity=id.clone() prompt=None answered=false saved/> };
    let questions = activity
        .prompts
        .iter()
        .cloned()
        .map(|prompt| {
            let answered = answered.contains(&prompt.id);
            let translations = translations.clone();
            view! { <QuestionCard activity=id.clone() prompt answered last=count translations saved/> }
        })
        .collect_view();
    view! {
        <h1>{activity.title.clone()}</h1>
        <p>
            {staff!(common.heard_by, audience = activity.audience)}
            {(count > 0).then(|| view! {
                " · "
                <a href=preview>{staff!(activity.preview_child_sees)}</a>
            })}
        </p>
        <details class="card">
            <summary>{staff!(activity.what_about_who_will)}</summary>
            <ActionForm action=update attr:class="staff-form">
                <input type="hidden" name="activity" value=id/>
                <ActivityFields forums priorities current=Some(fields)/>
                <ActionProblem action=update/>
                <button type="submit">{staff!(common.save)}</button>
            </ActionForm>
        </details>
        <h2 id="questions">{format!("Questions ({count})")}</h2>
        {(count == 0).then(|| view! { <p>{staff!(activity.no_questions_yet_add)}</p> })}
        {questions}
        <section class="card" aria-labelledby="new-question-heading">
            <h3 id="new-question-heading">{staff!(activity.add_question)}</h3>
            {new_question}
        </section>
        <ActivityTranslations activity=activity.clone() translations saved/>
        <Themes activity saved/>
    }
}

/// Title, introduction, forum and priorities: the fields of a new and an existing activity.
#[component]
fn ActivityFields(
    forums: Vec<Forum>,
    priorities: Vec<Priority>,
    current: Option<ActivitySummary>,
) -> impl IntoView {
    let (title, intro, forum, chosen) = current
        .map(|a| (a.title, a.intro, a.forum_id, a.priority_ids))
        .unwrap_or_default();
    view! {
        <label for="activity-title">{staff!(common.title)}</label>
        <input id="activity-title" name="title" value=title required maxlength="120"/>
        <label for="activity-intro">{staff!(activity.what_about_words_child)}</label>
        <textarea id="activity-intro" name="intro" rows="3" required maxlength="300">{intro}</textarea>
        <label for="activity-forum">{staff!(activity.who_will_hear_answers)}</label>
        <select id="activity-forum" name="forum">
            {forums
                .into_iter()
                .map(|f| {
                    let selected = f.id == forum;
                    view! { <option value=f.id selected=selected>{f.name}</option> }
                })
                .collect_view()}
        </select>
        <fieldset class="choices">
            <legend>{staff!(activity.which_priorities_about)}</legend>
            {priorities
                .into_iter()
                .map(|p| {
                    let checked = chosen.contains(&p.id);
                    view! {
                        <label class="choice">
                            <input type="checkbox" name="priorities[]" value=p.id checked=checked/>
                            {format!("{}. {}", p.position, p.title)}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
fn QuestionCard(
    activity: String,
    prompt: Prompt,
    answered: bool,
    last: usize,
    translations: Translations,
    saved: RwSignal<u32>,
) -> impl IntoView {
    let move_it = saving::<MovePrompt>(saved);
    let remove = saving::<RemovePrompt>(saved);
    let heading_id = format!("heading-{}", prompt.id);
    let section_id = format!("prompt-{}", prompt.id);
    let prompt_id = prompt.id.clone();
    let position = prompt.position;
    let preview = format!("/staff/activities/{activity}/preview/{position}");
    let editor = view! { <PromptEditor activity=activity.clone() prompt=Some(prompt.clone()) answered saved/> };
    let in_other_languages = view! {
        <PromptTranslations activity=activity.clone() prompt=prompt.clone() translations saved/>
    };
    let ways: Vec<&str> = prompt.modes.iter().map(|m| m.label()).collect();
    let mover = move |earlier: bool, label: &'static str, activity: String, prompt: String| {
        view! {
            <ActionForm action=move_it attr:class="inline-form">
                <input type="hidden" name="activity" value=activity/>
                <input type="hidden" name="prompt" value=prompt/>
                <input type="hidden" name="earlier" value=earlier.to_string()/>
                <button type="submit" class="button secondary">{label}</button>
            </ActionForm>
        }
    };
    view! {
        <section class="card" id=section_id aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{staff!(activity.question_heading, position, question = prompt.text)}</h3>
            <p>{staff!(activity.ways_to_answer, ways = ways.join(", "))}</p>
            {answered.then(|| view! {
                <p class="hint">{staff!(activity.children_have_answered_ways)}</p>
            })}
            <div class="actions">
                <a class="button secondary" href=preview>{staff!(common.preview)}</a>
                {(position > 1).then(|| mover(true, staff!(activity.move_earlier), activity.clone(), prompt_id.clone()))}
                {(position < last as i64).then(|| mover(false, staff!(activity.move_later), activity.clone(), prompt_id.clone()))}
                {(!answered).then(|| view! {
                    <ActionForm action=remove attr:class="inline-form">
                        <input type="hidden" name="activity" value=activity.clone()/>
                        <input type="hidden" name="prompt" value=prompt_id.clone()/>
                        <button type="submit" class="button secondary">{staff!(common.remove)}</button>
                    </ActionForm>
                })}
            </div>
            <ActionProblem action=move_it/>
            <ActionProblem action=remove/>
            <details>
                <summary>{staff!(activity.change_question)}</summary>
                {editor}
            </details>
            {in_other_languages}
        </section>
    }
}

/// The form for one question; `prompt` is `None` for a new one.
#[component]
fn PromptEditor(
    activity: String,
    prompt: Option<Prompt>,
    answered: bool,
    saved: RwSignal<u32>,
) -> impl IntoView {
    let save = saving::<SavePrompt>(saved);
    let is_new = prompt.is_none();
    let form = is_new.then(|| clear_after(save));
    let key = prompt.as_ref().map_or("new".to_owned(), |p| p.id.clone());
    let field = move |name: &str| format!("{name}-{key}");
    let Prompt {
        id,
        text,
        easy_read,
        modes,
        scale_points,
        symbol,
        options,
        multiple,
        ..
    } = prompt.unwrap_or(Prompt {
        id: String::new(),
        position: 0,
        text: String::new(),
        easy_read: String::new(),
        modes: vec![AnswerMode::EmojiScale],
        scale_points: 5,
        symbol: None,
        options: Vec::new(),
        multiple: false,
        words_in: Language::English,
        options_in: Language::English,
    });
    // Room for new options, unless answers already point at the ones there are.
    let blanks = if answered {
        0
    } else {
        (MAX_OPTIONS - options.len()).min(3)
    };
    let option_rows = options
        .into_iter()
        .map(|o| (o.label, o.symbol))
        .chain(std::iter::repeat_n((String::new(), None), blanks))
        .enumerate()
        .map(|(i, (label, picture))| {
            let label_id = field(&format!("option-{i}"));
            view! {
                <div class="option-row">
                    <label for=label_id.clone()>{staff!(activity.option, number = i + 1)}</label>
                    <input id=label_id name="option_labels[]" value=label maxlength="60"/>
                    <SymbolChoice
                        id=field(&format!("option-symbol-{i}"))
                        name="option_symbols[]"
                        label=staff!(activity.option_picture, number = i + 1)
                        current=picture
                    />
                </div>
            }
        })
        .collect_view();
    let mode_boxes = AnswerMode::ALL
        .into_iter()
        .map(|mode| {
            let checked = modes.contains(&mode);
            view! {
                <label class="choice">
                    <input
                        type="checkbox"
                        name="modes[]"
                        value=mode.as_str()
                        checked=checked
                        disabled=answered
                    />
                    {mode.label()}
                </label>
                // A disabled box is not sent: the ways it has stay as they are.
                {(answered && checked).then(|| view! {
                    <input type="hidden" name="modes[]" value=mode.as_str()/>
                })}
            }
        })
        .collect_view();
    view! {
        <ActionForm action=save node_ref=form.unwrap_or_default() attr:class="staff-form">
            <input type="hidden" name="activity" value=activity/>
            <input type="hidden" name="prompt" value=id/>
            <label for=field("text")>{staff!(activity.question)}</label>
            <input id=field("text") name="text" value=text required maxlength="300"/>
            <label for=field("easy")>{staff!(activity.easy_read_short_words)}</label>
            <input id=field("easy") name="easy_read" value=easy_read required maxlength="300"/>
            <SymbolChoice
                id=field("symbol")
                name="symbol"
                label=staff!(activity.picture_beside_question).to_owned()
                current=symbol
            />
            <fieldset class="choices">
                <legend>{staff!(activity.ways_answer_children_pick)}</legend>
                {mode_boxes}
            </fieldset>
            <label for=field("points")>{staff!(activity.faces_emoji_scale)}</label>
            <select id=field("points") name="scale_points" disabled=answered>
                <option value="5" selected=scale_points == 5>{staff!(activity.n_5_faces)}</option>
                <option value="3" selected=scale_points == 3>{staff!(activity.n_3_faces)}</option>
            </select>
            {answered.then(|| view! { <input type="hidden" name="scale_points" value=scale_points.to_string()/> })}
            <fieldset class="choices">
                <legend>{staff!(activity.options_choice)}</legend>
                {option_rows}
                <label class="choice">
                    <input type="checkbox" name="multiple" value="true" checked=multiple disabled=answered/>
                    {staff!(activity.children_may_pick_more)}
                </label>
                {(answered && multiple).then(|| view! { <input type="hidden" name="multiple" value="true"/> })}
            </fieldset>
            <ActionProblem action=save/>
            <button type="submit">{if is_new { staff!(activity.add_the_question) } else { staff!(activity.save_question) }}</button>
        </ActionForm>
    }
}

/// The activity's theme list: what facilitators tag its answers with.
#[component]
fn Themes(activity: ActivitySummary, saved: RwSignal<u32>) -> impl IntoView {
    let add = saving::<AddTheme>(saved);
    let add_form = clear_after(add);
    let remove = saving::<RemoveTheme>(saved);
    let id = activity.id.clone();
    view! {
        <section class="card" id="themes" aria-labelledby="themes-heading">
            <h2 id="themes-heading">{staff!(common.themes)}</h2>
            <p>{staff!(activity.facilitators_tag_answers_these)}</p>
            <ul>
                {activity
                    .themes
                    .into_iter()
                    .map(|theme| {
                        let activity = id.clone();
                        let label = staff!(activity.remove_theme, theme = theme.name);
                        view! {
                            <li>
                                {theme.name}
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="activity" value=activity/>
                                    <input type="hidden" name="theme" value=theme.id/>
                                    <button type="submit" class="link-button" aria-label=label>{staff!(common.remove)}</button>
                                </ActionForm>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ActionProblem action=remove/>
            <ActionForm action=add node_ref=add_form attr:class="staff-form">
                <input type="hidden" name="activity" value=activity.id/>
                <label for="theme-name">{staff!(activity.new_theme)}</label>
                <input id="theme-name" name="name" maxlength="60" required/>
                <ActionProblem action=add/>
                <button type="submit">{staff!(activity.add_theme)}</button>
            </ActionForm>
        </section>
    }
}
