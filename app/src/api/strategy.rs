//! Strategies and their priorities: commissioners keep them; those who may see evidence read
//! them, and each priority's page with what children said about it.

use crate::domain::{PriorityPage, StrategiesPage};
use crate::error::AppError;
use leptos::prelude::*;

/// Every strategy with its priorities; for the staff who see evidence, as priorities' pages
/// hold what children said.
#[server]
pub async fn load_strategies() -> Result<StrategiesPage, AppError> {
    use crate::{auth, data::strategy, domain::Role};
    let member = auth::require(Role::can_see_evidence).await?;
    let db = auth::db()?;
    Ok(StrategiesPage {
        strategies: strategy::strategies(&db).await?,
        ambitions: strategy::ambitions(&db).await?,
        can_edit: member.role.can_commission(),
    })
}

#[server]
pub async fn create_strategy(
    title: String,
    period: String,
    #[server(default)] owner: String,
) -> Result<(), AppError> {
    use crate::{auth, data::strategy, domain::Role, domain::StrategyDraft};
    auth::require(Role::can_commission).await?;
    let draft = StrategyDraft::new(&title, &period, &owner).map_err(AppError::Invalid)?;
    strategy::create_strategy(&auth::db()?, &draft).await?;
    Ok(())
}

#[server]
pub async fn update_strategy(
    strategy: String,
    title: String,
    period: String,
    #[server(default)] owner: String,
) -> Result<(), AppError> {
    use crate::{auth, data::strategy as strategies, domain::Role, domain::StrategyDraft};
    auth::require(Role::can_commission).await?;
    let draft = StrategyDraft::new(&title, &period, &owner).map_err(AppError::Invalid)?;
    strategies::update_strategy(&auth::db()?, &strategy, &draft).await?;
    Ok(())
}

#[server]
pub async fn create_ambition(
    title: String,
    #[server(default)] summary: String,
) -> Result<(), AppError> {
    use crate::{auth, data::strategy, domain::AmbitionDraft, domain::Role};
    auth::require(Role::can_commission).await?;
    let draft = AmbitionDraft::new(&title, &summary).map_err(AppError::Invalid)?;
    strategy::create_ambition(&auth::db()?, &draft).await?;
    Ok(())
}

/// A new priority in `strategy` when `priority` is empty (then the browser goes to its page),
/// otherwise changes to that priority.
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn save_priority(
    #[server(default)] strategy: String,
    #[server(default)] priority: String,
    title: String,
    why: String,
    what: String,
    how: String,
    #[server(default)] owner: String,
    #[server(default)] period: String,
    #[server(default)] ambitions: Vec<String>,
) -> Result<(), AppError> {
    use crate::{auth, data::strategy as strategies, domain::PriorityDraft, domain::Role};
    auth::require(Role::can_commission).await?;
    let draft = PriorityDraft::new(&title, &why, &what, &how, &owner, &period, ambitions)
        .map_err(AppError::Invalid)?;
    let db = auth::db()?;
    if priority.is_empty() {
        let id = strategies::create_priority(&db, &strategy, &draft).await?;
        leptos_axum::redirect(&format!("/staff/priorities/{id}"));
    } else {
        strategies::update_priority(&db, &priority, &draft).await?;
    }
    Ok(())
}

/// A priority with its ambitions, what children said about it, its funnel and its decisions.
#[server]
pub async fn load_priority(priority: String) -> Result<PriorityPage, AppError> {
    use crate::auth;
    use crate::data::{decision, evidence, strategy};
    use crate::domain::{EvidenceFilter, Role};
    let member = auth::require(Role::can_see_evidence).await?;
    let db = auth::db()?;
    let found = strategy::priority(&db, &priority).await?;
    let filter = EvidenceFilter {
        priority_id: found.id.clone(),
        ..EvidenceFilter::default()
    };
    let strategy = strategy::strategies(&db)
        .await?
        .into_iter()
        .find(|s| s.id == found.strategy_id)
        .map(|s| s.title)
        .unwrap_or_default();
    Ok(PriorityPage {
        strategy,
        ambitions: strategy::ambitions(&db).await?,
        funnel: evidence::funnel(&db, &filter).await?,
        activities: strategy::activities_for(&db, &found.id).await?,
        quotes: evidence::quotes(&db, &filter, 12).await?,
        decisions: decision::list(&db, Some(&found.id)).await?,
        can_edit: member.role.can_commission(),
        priority: found,
    })
}
