use crate::domain::{ActivitySummary, SessionSummary, SessionView};
#[cfg(feature = "ssr")]
use crate::domain::{Choice, StaffProblem};
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

/// Opens a session now. `facilitator` is who runs it (the caller when empty); `held_on` the
/// day (today when empty).
#[server]
pub async fn open_session(
    activity: String,
    place: String,
    #[server(default)] held_on: String,
    #[server(default)] facilitator: String,
    #[server(default)] expected_group: String,
) -> Result<(), AppError> {
    use crate::data::{parse_date, session};
    use crate::{auth, domain::Role};
    let caller = auth::require(Role::can_facilitate).await?;
    let held_on = match held_on.trim() {
        "" => None,
        date => Some(parse_date(date)?),
    };
    let new = session::NewSession {
        activity_id: &activity,
        place: &place,
        facilitator_id: if facilitator.is_empty() {
            &caller.id
        } else {
            &facilitator
        },
        held_on,
        expected_group: &expected_group,
    };
    let opened = session::open(&auth::db()?, new).await?;
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
    use crate::data::moderation;
    use crate::{auth, domain::Communicated, domain::Role};
    auth::require(Role::can_facilitate).await?;
    let communicated = Communicated::parse(&communicated).ok_or(AppError::Invalid(
        StaffProblem::Choose(Choice::HowChildAnswered),
    ))?;
    moderation::set_communicated(&auth::db()?, &contribution, communicated).await?;
    leptos_axum::redirect(&format!("/staff/sessions/{session}"));
    Ok(())
}

/// A session as its facilitator sees it: what children said, concerns, and "How was today?".
#[server]
pub async fn load_session(session: String) -> Result<SessionView, AppError> {
    use crate::data::{activity, concern, contribution, evaluation, session as sessions};
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
    let themes = activity::themes(&db, &summary.activity_id).await?;
    Ok(SessionView {
        space: sessions::space(&db, &session).await?,
        summary,
        join_qr_svg,
        contributions: contribution::for_session(&db, &session).await?,
        concerns: concern::for_session(&db, &session).await?,
        today: evaluation::for_session(&db, &session).await?,
        tally: sessions::tally(&db, &session).await?,
        themes,
    })
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
    use crate::{auth, data::moderation, domain::Role};
    let facilitator = auth::require(Role::can_facilitate).await?;
    moderation::set_hidden(&auth::db()?, &contribution, &facilitator.id, hide, &reason).await?;
    leptos_axum::redirect(&format!("/staff/sessions/{session}"));
    Ok(())
}

/// A description of a picture, a transcript of a recording, or an English translation of
/// writing in the language `translated_from` (a `Language` code); empty removes it.
#[server]
pub async fn describe_contribution(
    session: String,
    contribution: String,
    text: String,
    #[server(default)] translated_from: String,
) -> Result<(), AppError> {
    use crate::{auth, data::moderation, domain::Language, domain::Role};
    let facilitator = auth::require(Role::can_facilitate).await?;
    let translated_from = match translated_from.as_str() {
        "" => None,
        code => Some(
            Language::parse(code)
                .ok_or_else(|| AppError::Invalid(StaffProblem::ChooseFromList(Choice::Language)))?,
        ),
    };
    moderation::describe(
        &auth::db()?,
        &contribution,
        &facilitator.id,
        &text,
        translated_from,
    )
    .await?;
    leptos_axum::redirect(&format!("/staff/sessions/{session}"));
    Ok(())
}

/// The themes a contribution is tagged with, from its activity's list (`themes[]`).
#[server]
pub async fn tag_contribution(
    session: String,
    contribution: String,
    #[server(default)] themes: Vec<String>,
) -> Result<(), AppError> {
    use crate::{auth, data::moderation, domain::Role};
    auth::require(Role::can_facilitate).await?;
    moderation::set_themes(&auth::db()?, &contribution, &themes).await?;
    leptos_axum::redirect(&format!("/staff/sessions/{session}"));
    Ok(())
}
