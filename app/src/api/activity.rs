//! Building activities: their own fields, their questions, their theme list, and a preview of
//! each question as a child sees it. Facilitators only.

use crate::domain::{ActivityChoices, ActivityPlan, PromptPage};
use crate::error::AppError;
use leptos::prelude::*;

/// What the form for a new activity offers: forums and priorities.
#[server]
pub async fn activity_form_choices() -> Result<ActivityChoices, AppError> {
    use crate::data::strategy;
    use crate::{auth, domain::Role};
    auth::require(Role::can_facilitate).await?;
    let db = auth::db()?;
    Ok(ActivityChoices {
        forums: strategy::forums(&db).await?,
        priorities: strategy::priorities(&db).await?,
    })
}

#[server]
pub async fn create_activity(
    title: String,
    intro: String,
    forum: String,
    #[server(default)] priorities: Vec<String>,
) -> Result<(), AppError> {
    use crate::{auth, data::activity, domain::ActivityDraft, domain::Role};
    auth::require(Role::can_facilitate).await?;
    let draft =
        ActivityDraft::parse(&title, &intro, &forum, priorities).map_err(AppError::Invalid)?;
    let id = activity::create(&auth::db()?, &draft).await?;
    leptos_axum::redirect(&format!("/staff/activities/{id}"));
    Ok(())
}

#[server]
pub async fn update_activity(
    activity: String,
    title: String,
    intro: String,
    forum: String,
    #[server(default)] priorities: Vec<String>,
) -> Result<(), AppError> {
    use crate::{auth, data::activity as activities, domain::ActivityDraft, domain::Role};
    auth::require(Role::can_facilitate).await?;
    let draft =
        ActivityDraft::parse(&title, &intro, &forum, priorities).map_err(AppError::Invalid)?;
    activities::update(&auth::db()?, &activity, &draft).await?;
    Ok(())
}

/// An activity with its questions and themes, and what its forms offer.
#[server]
pub async fn load_activity(activity: String) -> Result<ActivityPlan, AppError> {
    use crate::data::{activity as activities, strategy, translation};
    use crate::{auth, domain::Role};
    auth::require(Role::can_facilitate).await?;
    let db = auth::db()?;
    let found = activities::find(&db, &activity).await?;
    let mut answered = Vec::new();
    for prompt in &found.prompts {
        if activities::answers(&db, &prompt.id).await? > 0 {
            answered.push(prompt.id.clone());
        }
    }
    Ok(ActivityPlan {
        activity: found,
        forums: strategy::forums(&db).await?,
        priorities: strategy::priorities(&db).await?,
        answered,
        translations: translation::for_activity(&db, &activity).await?,
    })
}

/// A new question (`prompt` empty) or changes to one. `modes[]` are the ways to answer;
/// `option_labels[]` and `option_symbols[]` the options of a choice, row by row.
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn save_prompt(
    activity: String,
    prompt: String,
    text: String,
    easy_read: String,
    symbol: String,
    #[server(default)] modes: Vec<String>,
    #[server(default)] scale_points: String,
    #[server(default)] multiple: bool,
    #[server(default)] option_labels: Vec<String>,
    #[server(default)] option_symbols: Vec<String>,
) -> Result<(), AppError> {
    use crate::domain::{PromptDraft, PromptForm, Role};
    use crate::{auth, data::activity as activities};
    auth::require(Role::can_facilitate).await?;
    let draft = PromptDraft::parse(PromptForm {
        text: &text,
        easy_read: &easy_read,
        symbol: &symbol,
        modes: &modes,
        scale_points: &scale_points,
        multiple,
        option_labels: &option_labels,
        option_symbols: &option_symbols,
    })
    .map_err(AppError::Invalid)?;
    let db = auth::db()?;
    let id = if prompt.is_empty() {
        activities::add_prompt(&db, &activity, &draft).await?
    } else {
        activities::update_prompt(&db, &prompt, &draft).await?;
        prompt
    };
    leptos_axum::redirect(&format!("/staff/activities/{activity}#prompt-{id}"));
    Ok(())
}

/// Moves a question one place `earlier` or later.
#[server]
pub async fn move_prompt(activity: String, prompt: String, earlier: bool) -> Result<(), AppError> {
    use crate::{auth, data::activity as activities, domain::Role};
    auth::require(Role::can_facilitate).await?;
    activities::move_prompt(&auth::db()?, &prompt, earlier).await?;
    leptos_axum::redirect(&format!("/staff/activities/{activity}#prompt-{prompt}"));
    Ok(())
}

#[server]
pub async fn remove_prompt(activity: String, prompt: String) -> Result<(), AppError> {
    use crate::{auth, data::activity as activities, domain::Role};
    auth::require(Role::can_facilitate).await?;
    activities::remove_prompt(&auth::db()?, &prompt).await?;
    leptos_axum::redirect(&format!("/staff/activities/{activity}#questions"));
    Ok(())
}

#[server]
pub async fn add_theme(activity: String, name: String) -> Result<(), AppError> {
    use crate::{auth, data::activity as activities, domain::theme_name, domain::Role};
    auth::require(Role::can_facilitate).await?;
    let name = theme_name(&name).map_err(AppError::Invalid)?;
    activities::add_theme(&auth::db()?, &activity, &name).await?;
    leptos_axum::redirect(&format!("/staff/activities/{activity}#themes"));
    Ok(())
}

#[server]
pub async fn remove_theme(activity: String, theme: String) -> Result<(), AppError> {
    use crate::{auth, data::activity as activities, domain::Role};
    auth::require(Role::can_facilitate).await?;
    activities::remove_theme(&auth::db()?, &activity, &theme).await?;
    leptos_axum::redirect(&format!("/staff/activities/{activity}#themes"));
    Ok(())
}

/// A question as a child reading another language sees it, with that language's phrases of the
/// child's pages: the staff page that shows it is in English, so the browser does not have them.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct QuestionPreview {
    pub page: PromptPage,
    pub phrases: Option<String>,
}

/// A question as a child reading `language` would see it on the tablet.
#[server]
pub async fn preview_prompt(
    activity: String,
    position: i64,
    language: String,
) -> Result<QuestionPreview, AppError> {
    use crate::{auth, data::contribution, domain::Role, ui::words};
    auth::require(Role::can_facilitate).await?;
    let language = crate::domain::Language::for_pages(&language).unwrap_or_default();
    let page = contribution::preview_page(&auth::db()?, &activity, position, language).await?;
    let phrases = words::page_phrases(language).map(str::to_owned);
    Ok(QuestionPreview { page, phrases })
}

/// The activity's title and intro in another language of the child's pages; both left empty
/// removes the translation, so children see the English again.
#[server]
pub async fn save_activity_translation(
    activity: String,
    language: String,
    title: String,
    intro: String,
) -> Result<(), AppError> {
    use crate::domain::{ActivityWords, Role};
    use crate::{auth, data::translation};
    auth::require(Role::can_facilitate).await?;
    let language = super::translated_language(&language)?;
    let words = if title.trim().is_empty() && intro.trim().is_empty() {
        None
    } else {
        Some(ActivityWords::parse(&title, &intro).map_err(AppError::Invalid)?)
    };
    translation::save_activity(&auth::db()?, &activity, language, words.as_ref()).await?;
    leptos_axum::redirect(&format!("/staff/activities/{activity}#translations"));
    Ok(())
}

/// A question's words and options in another language; all left empty removes the translation.
#[server]
pub async fn save_prompt_translation(
    activity: String,
    prompt: String,
    language: String,
    text: String,
    easy_read: String,
    #[server(default)] options: Vec<String>,
) -> Result<(), AppError> {
    use crate::domain::{PromptWords, Role};
    use crate::{auth, data::activity as activities, data::translation};
    auth::require(Role::can_facilitate).await?;
    let language = super::translated_language(&language)?;
    let db = auth::db()?;
    let english = activities::prompt(&db, &prompt).await?;
    let blank = text.trim().is_empty()
        && easy_read.trim().is_empty()
        && options.iter().all(|label| label.trim().is_empty());
    let words = if blank {
        None
    } else {
        Some(PromptWords::parse(&english, &text, &easy_read, &options).map_err(AppError::Invalid)?)
    };
    translation::save_prompt(&db, &prompt, language, words.as_ref()).await?;
    leptos_axum::redirect(&format!("/staff/activities/{activity}#prompt-{prompt}"));
    Ok(())
}
