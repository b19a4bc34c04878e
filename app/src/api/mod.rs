//! Server functions: check who is asking, parse input into domain types, call the data layer.
//! Children are identified by their turn's id, an unguessable capability made when they join;
//! staff by their sign-in cookie and role.

#[cfg(feature = "ssr")]
use crate::domain::{Choice, StaffProblem};

pub mod activity;
pub mod audience;
pub mod child;
pub mod evidence;
pub mod facilitation;
pub mod influence;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod media;
pub mod rights;
pub mod safeguarding;
pub mod staff;
pub mod strategy;

/// A language a translation can be written in: one of the child's pages' languages, not English.
#[cfg(feature = "ssr")]
fn translated_language(code: &str) -> Result<crate::domain::Language, crate::error::AppError> {
    use crate::domain::Language;
    Language::for_pages(code)
        .filter(|language| *language != Language::English)
        .ok_or_else(|| {
            crate::error::AppError::Invalid(StaffProblem::Choose(Choice::TranslationLanguage))
        })
}

/// Where a child goes after an answer is stored.
#[cfg(feature = "ssr")]
fn next_page(participation: &str, after: crate::data::contribution::AfterAnswer) -> String {
    use crate::data::contribution::AfterAnswer;
    match after {
        AfterAnswer::NextPrompt(position) => format!("/take/{participation}/{position}"),
        AfterAnswer::Finished => format!("/take/{participation}/today"),
    }
}

/// How the child communicated, as the adult on the tablet recorded it; own words unless told.
#[cfg(feature = "ssr")]
fn communicated(
    value: Option<&str>,
) -> Result<crate::domain::Communicated, crate::error::AppError> {
    use crate::domain::Communicated;
    match value {
        None | Some("") => Ok(Communicated::OwnWords),
        Some(value) => Communicated::parse(value).ok_or(crate::error::AppError::Coded(
            crate::domain::ProblemCode::ChooseHowChildAnswered,
        )),
    }
}

/// A step of a child's turn to return to (`welcome`, `3`, `today`…); anything else means the start.
pub fn safe_step(step: &str) -> &str {
    if !step.is_empty() && step.len() <= 12 && step.chars().all(|c| c.is_ascii_alphanumeric()) {
        step
    } else {
        "welcome"
    }
}
