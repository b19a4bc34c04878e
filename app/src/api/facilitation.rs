use crate::domain::{ActivitySummary, SessionSummary, SessionView};
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn activities() -> Result<Vec<ActivitySummary>, AppError> {
    use crate::{auth, data::activity, domain::Role};
    auth::require(Role::can_facilitate).await?;
    Ok(activity::list(&auth::db()?).await?)
}

#[server]
pub async fn sessions() -> Result<Vec<SessionSummary>, AppError> {
    use crate::{auth, data::session, domain::Role};
    auth::require(Role::can_facilitate).await?;
    Ok(session::list(&auth::db()?).await?)
}

#[server]
pub async fn open_session(activity: String, place: String) -> Result<(), AppError> {
    use crate::{auth, data::session, domain::Role};
    let facilitator = auth::require(Role::can_facilitate).await?;
    let opened = session::open(&auth::db()?, &activity, &place, &facilitator.id).await?;
    leptos_axum::redirect(&format!("/staff/sessions/{}", opened.id));
    Ok(())
}

#[server]
pub async fn close_session(session: String) -> Result<(), AppError> {
    use crate::{auth, data::session as sessions, domain::Role};
    auth::require(Role::can_facilitate).await?;
    sessions::close(&auth::db()?, &session).await?;
    Ok(())
}

/// How a child communicated, recorded by the facilitator after the child answered.
#[server]
pub async fn record_communication(
    session: String,
    contribution: String,
    communicated: String,
) -> Result<(), AppError> {
    use crate::data::contribution as contributions;
    use crate::{auth, domain::Communicated, domain::Role};
    auth::require(Role::can_facilitate).await?;
    let communicated = Communicated::parse(&communicated).ok_or(AppError::Invalid(
        "Please choose how the child answered.".into(),
    ))?;
    contributions::set_communicated(&auth::db()?, &contribution, communicated).await?;
    leptos_axum::redirect(&format!("/staff/sessions/{session}"));
    Ok(())
}

/// A session as its facilitator sees it: what children said, concerns, and "How was today?".
#[server]
pub async fn load_session(session: String) -> Result<SessionView, AppError> {
    use crate::data::{concern, contribution, evaluation, session as sessions};
    use crate::{auth, domain::Role};
    auth::require(Role::can_facilitate).await?;
    let db = auth::db()?;
    let summary = sessions::find(&db, &session).await?;
    let join_qr_svg = if summary.open {
        let link = format!("{}/?code={}", auth::site_origin()?, summary.join_code);
        Some(crate::qr::svg(&link).map_err(|error| {
            tracing::error!(%error, "join QR code failed");
            AppError::Internal
        })?)
    } else {
        None
    };
    Ok(SessionView {
        space: sessions::space(&db, &session).await?,
        summary,
        join_qr_svg,
        contributions: contribution::for_session(&db, &session).await?,
        concerns: concern::for_session(&db, &session).await?,
        today: evaluation::for_session(&db, &session).await?,
    })
}

/// An activity with its prompts, for the facilitator to look over and choose pictures.
#[server]
pub async fn load_activity(activity: String) -> Result<ActivitySummary, AppError> {
    use crate::{auth, data::activity as activities, domain::Role};
    auth::require(Role::can_facilitate).await?;
    Ok(activities::find(&auth::db()?, &activity).await?)
}

/// The pictures for one prompt: `symbol` beside the question and `symbols[]` for its options in
/// order; an empty value means no picture.
#[server]
pub async fn set_prompt_symbols(
    activity: String,
    prompt: String,
    symbol: String,
    #[server(default)] symbols: Vec<String>,
) -> Result<(), AppError> {
    use crate::{auth, data::activity as activities, domain::Role};
    auth::require(Role::can_facilitate).await?;
    fn picked(hex: &str) -> Option<&str> {
        Some(hex.trim()).filter(|hex| !hex.is_empty())
    }
    let options: Vec<Option<&str>> = symbols.iter().map(|hex| picked(hex)).collect();
    activities::set_symbols(&auth::db()?, &prompt, picked(&symbol), &options).await?;
    leptos_axum::redirect(&format!("/staff/activities/{activity}#prompt-{prompt}"));
    Ok(())
}

/// The session's Space record, as the facilitator fills it in before, during or after.
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn save_space_record(
    session: String,
    setting: String,
    expected_group: String,
    invited: String,
    missing: String,
    #[server(default)] adjustments: Vec<String>,
    #[server(default)] opening: Vec<String>,
    #[server(default)] closing: Vec<String>,
) -> Result<(), AppError> {
    use crate::{auth, data::session as sessions, domain::Role, domain::SpaceRecord};
    auth::require(Role::can_facilitate).await?;
    let record = SpaceRecord {
        setting,
        expected_group,
        invited,
        missing,
        adjustments,
        opening,
        closing,
    };
    sessions::save_space(&auth::db()?, &session, record).await?;
    Ok(())
}

/// Hides a contribution from decision makers (or shows it again), with the reason.
#[server]
pub async fn moderate_contribution(
    session: String,
    contribution: String,
    hide: bool,
    reason: String,
) -> Result<(), AppError> {
    use crate::{auth, data::contribution as contributions, domain::Role};
    let facilitator = auth::require(Role::can_facilitate).await?;
    contributions::set_hidden(&auth::db()?, &contribution, &facilitator.id, hide, &reason).await?;
    leptos_axum::redirect(&format!("/staff/sessions/{session}"));
    Ok(())
}
