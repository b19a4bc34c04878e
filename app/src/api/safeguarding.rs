//! The safeguarding lead's queue and each concern's chronology, and a facilitator raising a
//! concern about something a child said.

#[cfg(feature = "ssr")]
use crate::domain::{Choice, StaffProblem};
use crate::domain::{ConcernCase, ConcernSummary, Language};
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn safeguarding_queue() -> Result<Vec<ConcernSummary>, AppError> {
    use crate::{auth, data::concern, domain::Role};
    auth::require(Role::can_safeguard).await?;
    Ok(concern::queue(&auth::db()?).await?)
}

/// Opens a concern; the chronology records who viewed it and when.
#[server]
pub async fn load_concern(concern: String) -> Result<ConcernCase, AppError> {
    use crate::{auth, data::concern as concerns, domain::Role};
    let lead = auth::require(Role::can_safeguard).await?;
    Ok(concerns::open(&auth::db()?, &concern, &lead.id).await?)
}

/// Adds a decision, action, outcome or note to a concern's chronology.
#[server]
pub async fn record_concern_entry(
    concern: String,
    kind: String,
    text: String,
) -> Result<(), AppError> {
    use crate::{auth, data::concern as concerns, domain::Role};
    let lead = auth::require(Role::can_safeguard).await?;
    let entry = concerns::Entry::parse(&kind)
        .ok_or(AppError::Invalid(StaffProblem::Choose(Choice::EntryKind)))?;
    concerns::record(&auth::db()?, &concern, &lead.id, entry, &text).await?;
    Ok(())
}

/// Clears a concern, with the reason; what the child said is no longer held back.
#[server]
pub async fn clear_concern(concern: String, reason: String) -> Result<(), AppError> {
    use crate::{auth, data::concern as concerns, domain::Role};
    let lead = auth::require(Role::can_safeguard).await?;
    concerns::clear(&auth::db()?, &concern, &lead.id, &reason).await?;
    Ok(())
}

/// A facilitator is worried by what a child said; the safeguarding lead sees it at once.
#[server]
pub async fn raise_concern(
    session: String,
    contribution: String,
    note: String,
) -> Result<(), AppError> {
    use crate::{auth, data::concern, domain::Role};
    let facilitator = auth::require(Role::can_facilitate).await?;
    concern::raise_by_staff(&auth::db()?, &contribution, &facilitator.id, &note).await?;
    leptos_axum::redirect(&format!("/staff/sessions/{session}"));
    Ok(())
}

/// The phrase lists in force: their version and each language's phrases, one per line.
#[server]
pub async fn load_phrase_list() -> Result<(i64, Vec<(Language, String)>), AppError> {
    use crate::{auth, data::triage, domain::Role};
    auth::require(Role::can_safeguard).await?;
    let list = triage::current(&auth::db()?).await?;
    let lines = Language::ALL
        .iter()
        .filter(|language| language.tag().is_some())
        .map(|language| (*language, list.lines(*language)))
        .collect();
    Ok((list.version, lines))
}

/// Saves the phrases, one per line for each language (`phrases[pl]`, …), as the next version
/// of the lists; earlier versions stay as they were.
#[server]
pub async fn save_phrase_list(
    phrases: std::collections::HashMap<String, String>,
) -> Result<i64, AppError> {
    use crate::{auth, data::triage, domain::Role};
    let lead = auth::require(Role::can_safeguard).await?;
    let mut list = Vec::new();
    for (code, lines) in &phrases {
        let language = Language::parse(code)
            .filter(|language| language.tag().is_some())
            .ok_or_else(|| AppError::Invalid(StaffProblem::ChooseFromList(Choice::Language)))?;
        list.extend(
            triage::parse(lines)
                .into_iter()
                .map(|phrase| (language, phrase)),
        );
    }
    Ok(triage::save(&auth::db()?, &list, Some(&lead.id)).await?)
}
