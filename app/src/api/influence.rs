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
    Ok(decision::list(&auth::db()?).await?)
}

#[server]
pub async fn record_decision(
    priority: String,
    forum: String,
    title: String,
    decided: String,
    status: String,
    decided_on: String,
) -> Result<(), AppError> {
    use crate::data::decision::{self, NewDecision};
    use crate::{auth, domain::DecisionStatus, domain::Role};
    let commissioner = auth::require(Role::can_commission).await?;
    let status = DecisionStatus::parse(&status)
        .ok_or_else(|| AppError::Invalid("Please choose the decision's status.".into()))?;
    let new = NewDecision {
        priority_id: priority,
        forum_id: forum,
        title,
        decided,
        status,
        decided_on,
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
) -> Result<(), AppError> {
    use crate::{auth, data::decision as decisions, domain::Role};
    let commissioner = auth::require(Role::can_commission).await?;
    decisions::publish(
        &auth::db()?,
        &decision,
        &plain_text,
        &easy_read,
        &commissioner.id,
    )
    .await?;
    Ok(())
}
