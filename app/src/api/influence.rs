#[cfg(feature = "ssr")]
use crate::domain::{Choice, StaffProblem};
use crate::domain::{Contribution, Decision, DecisionSummary, Forum, Priority};
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn decision_choices() -> Result<(Vec<Priority>, Vec<Forum>), AppError> {
    use crate::{auth, data::strategy, domain::Role};
    auth::require(Role::can_commission).await?;
    let db = auth::db()?;
    Ok((
        strategy::priorities(&db).await?,
        strategy::forums(&db).await?,
    ))
}

#[server]
pub async fn decisions() -> Result<Vec<DecisionSummary>, AppError> {
    use crate::{auth, data::decision, domain::Role};
    auth::require(Role::can_commission).await?;
    Ok(decision::list(&auth::db()?, None).await?)
}

#[server]
#[allow(clippy::too_many_arguments)]
pub async fn record_decision(
    priority: String,
    forum: String,
    title: String,
    decided: String,
    status: String,
    decided_on: String,
    #[server(default)] stage: String,
    #[server(default)] outcome_level: String,
    #[server(default)] decision_maker: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::auth;
    use crate::data::decision::{self, NewDecision};
    use crate::domain::{CommissioningStage, DecisionStatus, OutcomeLevel, Role};
    let commissioner = auth::require(Role::can_commission).await?;
    let status = DecisionStatus::parse(&status)
        .ok_or_else(|| AppError::Invalid(StaffProblem::Choose(Choice::DecisionStatus)))?;
    let stage = CommissioningStage::parse(&stage).unwrap_or(CommissioningStage::Plan);
    let outcome_level = OutcomeLevel::parse(&outcome_level).unwrap_or(OutcomeLevel::Service);
    let new = NewDecision {
        priority_id: priority,
        forum_id: forum,
        title,
        decided,
        status,
        decided_on,
        stage,
        outcome_level,
        decision_maker,
        reason,
    };
    let id = decision::create(&auth::db()?, new, &commissioner.id).await?;
    leptos_axum::redirect(&format!("/staff/decisions/{id}"));
    Ok(())
}

/// A decision, and the contributions a commissioner may link to it.
#[server]
pub async fn decision_with_contributions(
    decision: String,
) -> Result<(Decision, Vec<Contribution>), AppError> {
    use crate::{auth, data::contribution, data::decision as decisions, domain::Role};
    auth::require(Role::can_commission).await?;
    let db = auth::db()?;
    Ok((
        decisions::find(&db, &decision).await?,
        contribution::released(&db).await?,
    ))
}

#[server]
pub async fn link_contribution(
    decision: String,
    contribution: String,
    rationale: String,
) -> Result<(), AppError> {
    use crate::{auth, data::decision as decisions, domain::Role};
    let commissioner = auth::require(Role::can_commission).await?;
    decisions::link(
        &auth::db()?,
        &decision,
        &contribution,
        &rationale,
        &commissioner.id,
    )
    .await?;
    Ok(())
}

#[server]
pub async fn publish_feedback(
    decision: String,
    plain_text: String,
    easy_read: String,
    #[server(default)] symbol: String,
) -> Result<(), AppError> {
    use crate::data::decision::{self as decisions, NewFeedback};
    use crate::{auth, domain::Role};
    let commissioner = auth::require(Role::can_commission).await?;
    let message = NewFeedback {
        plain_text,
        easy_read,
        symbol: Some(symbol.trim().to_owned()).filter(|hex| !hex.is_empty()),
    };
    decisions::publish(&auth::db()?, &decision, &message, &commissioner.id).await?;
    Ok(())
}

/// "You said, we did" in another language of the child's pages; both fields empty removes it,
/// and children in that language read the English again.
#[server]
pub async fn save_feedback_translation(
    decision: String,
    language: String,
    plain_text: String,
    easy_read: String,
) -> Result<(), AppError> {
    use crate::domain::{FeedbackWords, Role};
    use crate::{auth, data::translation};
    auth::require(Role::can_commission).await?;
    let language = super::translated_language(&language)?;
    let words = if plain_text.trim().is_empty() && easy_read.trim().is_empty() {
        None
    } else {
        Some(FeedbackWords::parse(&plain_text, &easy_read).map_err(AppError::Invalid)?)
    };
    translation::save_feedback(&auth::db()?, &decision, language, words.as_ref()).await?;
    leptos_axum::redirect(&format!(
        "/staff/decisions/{decision}#feedback-translations"
    ));
    Ok(())
}

/// A new status; "not taken forward" needs the reason the children will be told.
#[server]
pub async fn set_decision_status(
    decision: String,
    status: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::{auth, data::decision as decisions, domain::DecisionStatus, domain::Role};
    let commissioner = auth::require(Role::can_commission).await?;
    let status = DecisionStatus::parse(&status)
        .ok_or_else(|| AppError::Invalid(StaffProblem::Choose(Choice::DecisionStatus)))?;
    decisions::set_status(&auth::db()?, &decision, status, &reason, &commissioner.id).await?;
    Ok(())
}

/// What has happened since the decision: kept in its history and shown to the children.
#[server]
pub async fn add_decision_outcome(decision: String, text: String) -> Result<(), AppError> {
    use crate::{auth, data::decision as decisions, domain::Role};
    let commissioner = auth::require(Role::can_commission).await?;
    decisions::add_outcome(&auth::db()?, &decision, &text, &commissioner.id).await?;
    Ok(())
}
