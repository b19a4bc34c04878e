//! A child's rights with their receipt, and the same actions for staff acting on a request that
//! came by phone or letter. A child is known only by the receipt code, so every lookup by a
//! child counts wrong codes per address; staff are known by their sign-in and role.

#[cfg(feature = "ssr")]
use crate::domain::{Choice, StaffProblem};
use crate::domain::{Receipt, RightsRequest, TurnCopy};
use crate::error::AppError;
use leptos::prelude::*;

/// How long what children say is kept, for "What happens to what I say".
#[server]
pub async fn kept_months() -> Result<i64, AppError> {
    use crate::{auth, data::retention};
    Ok(retention::months(&auth::db()?).await?)
}

/// The printable copy of a turn.
#[server]
pub async fn load_copy(code: String) -> Result<TurnCopy, AppError> {
    use crate::data::rights::{self, find_turn, Asker};
    use crate::{auth, data::translation, domain::Language};
    let db = auth::db()?;
    let turn = find_turn(&db, &code, &auth::client_address()).await?;
    let mut copy = rights::copy(&db, &turn, Asker::Child).await?;
    translation::receipt_in(&db, &mut copy.receipt, Language::of_child_pages()).await?;
    Ok(copy)
}

/// "Erase what I said", confirmed: `answer` is one answer's id, or `all` for the whole turn.
#[server]
pub async fn erase_from_receipt(code: String, answer: String) -> Result<(), AppError> {
    use crate::auth;
    use crate::data::rights::{find_turn, Asker};
    let state = auth::state()?;
    let turn = find_turn(&state.db, &code, &auth::client_address()).await?;
    let done = erase(&state, &turn, &answer, Asker::Child).await?;
    leptos_axum::redirect(&format!("/receipt/{}?done={done}", turn.code));
    Ok(())
}

/// Fewer people may see a picture, drawing or recording.
#[server]
pub async fn limit_from_receipt(
    code: String,
    contribution: String,
    consent: String,
) -> Result<(), AppError> {
    use crate::auth;
    use crate::data::rights::{self, find_turn, Asker};
    let db = auth::db()?;
    let turn = find_turn(&db, &code, &auth::client_address()).await?;
    rights::limit(
        &db,
        &turn,
        &contribution,
        parse_consent(&consent)?,
        Asker::Child,
    )
    .await?;
    leptos_axum::redirect(&format!("/receipt/{}?done=limited", turn.code));
    Ok(())
}

/// The log of rights requests, and the held ones waiting for the safeguarding lead.
#[server]
pub async fn rights_requests() -> Result<Vec<RightsRequest>, AppError> {
    use crate::{auth, data::rights, domain::Role};
    auth::require(Role::can_see_rights_requests).await?;
    Ok(rights::log_of_requests(&auth::db()?).await?)
}

/// A turn by its receipt code, for an admin acting on a request that came another way.
#[server]
pub async fn staff_receipt(code: String) -> Result<Receipt, AppError> {
    use crate::{auth, data::contribution, domain::Role};
    auth::require(Role::can_act_for_children).await?;
    Ok(contribution::receipt(&auth::db()?, &code).await?)
}

#[server]
pub async fn staff_erase(code: String, answer: String) -> Result<(), AppError> {
    use crate::data::rights::{turn_of, Asker};
    use crate::{auth, domain::Role};
    let member = auth::require(Role::can_act_for_children).await?;
    let state = auth::state()?;
    let turn = turn_of(&state.db, &code).await?;
    let done = erase(&state, &turn, &answer, Asker::Staff(&member.id)).await?;
    leptos_axum::redirect(&format!("/staff/rights?code={}&done={done}", turn.code));
    Ok(())
}

#[server]
pub async fn staff_limit(
    code: String,
    contribution: String,
    consent: String,
) -> Result<(), AppError> {
    use crate::data::rights::{self, turn_of, Asker};
    use crate::{auth, domain::Role};
    let member = auth::require(Role::can_act_for_children).await?;
    let db = auth::db()?;
    let turn = turn_of(&db, &code).await?;
    let consent = parse_consent(&consent)?;
    rights::limit(&db, &turn, &contribution, consent, Asker::Staff(&member.id)).await?;
    leptos_axum::redirect(&format!("/staff/rights?code={}&done=limited", turn.code));
    Ok(())
}

/// The safeguarding lead decides an erasure an open concern holds: `erase` or `keep`, and why.
#[server]
pub async fn decide_rights_request(
    request: String,
    decision: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::{auth, data::rights, domain::Role};
    let lead = auth::require(Role::can_safeguard).await?;
    let erase = match decision.as_str() {
        "erase" => true,
        "keep" => false,
        _ => return Err(AppError::Invalid(StaffProblem::Choose(Choice::EraseOrKeep))),
    };
    let state = auth::state()?;
    rights::decide(
        &state.db,
        state.media.as_ref(),
        &request,
        &lead.id,
        erase,
        &reason,
    )
    .await?;
    leptos_axum::redirect("/staff/rights?done=decided");
    Ok(())
}

#[cfg(feature = "ssr")]
fn parse_consent(consent: &str) -> Result<crate::domain::MediaConsent, AppError> {
    crate::domain::MediaConsent::parse(consent)
        .ok_or_else(|| AppError::Coded(crate::domain::ProblemCode::ChooseWhoMaySee))
}

/// Erases `answer` (an id, or `all`); returns what the page says next: `erased` or `held`.
#[cfg(feature = "ssr")]
async fn erase(
    state: &crate::auth::ServerState,
    turn: &crate::data::rights::Turn,
    answer: &str,
    asker: crate::data::rights::Asker<'_>,
) -> Result<&'static str, AppError> {
    use crate::data::rights::{self, Which};
    use crate::domain::Erased;
    let which = match answer {
        "all" => Which::WholeTurn,
        one => Which::One(one),
    };
    Ok(
        match rights::erase(&state.db, state.media.as_ref(), turn, which, asker).await? {
            Erased::Done(_) => "erased",
            Erased::Held => "held",
        },
    )
}

/// The download: a ZIP of what the child said (`what-i-said.json`) and their own pictures and
/// recordings as stored; by the receipt (counted per address) or by an admin.
#[cfg(feature = "ssr")]
pub mod download {
    use crate::auth::{self, ServerState};
    use crate::data::rights::{self, Asker, CopiedFile, Turn};
    use crate::data::DataError;
    use crate::error::AppError;
    use axum::extract::{Path, State};
    use axum::http::{header, request::Parts, HeaderValue, StatusCode};
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use axum::Router;

    pub fn routes(state: ServerState) -> Router {
        Router::new()
            .route("/receipt/{code}/copy.zip", get(by_receipt))
            .route("/staff/rights/{code}/copy.zip", get(by_staff))
            .with_state(state)
    }

    async fn by_receipt(
        State(state): State<ServerState>,
        Path(code): Path<String>,
        parts: Parts,
    ) -> Response {
        let address = auth::address_of(&parts, state.proxy_hops);
        match rights::find_turn(&state.db, &code, &address).await {
            Ok(turn) => zip(&state, &turn, Asker::Child).await,
            Err(error) => refused(error),
        }
    }

    async fn by_staff(
        State(state): State<ServerState>,
        Path(code): Path<String>,
        parts: Parts,
    ) -> Response {
        let member = match auth::staff_in(&state.db, &parts.headers).await {
            Ok(Some(member)) if member.role.can_act_for_children() => member,
            Ok(Some(_)) => return StatusCode::FORBIDDEN.into_response(),
            Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
        match rights::turn_of(&state.db, &code).await {
            Ok(turn) => zip(&state, &turn, Asker::Staff(&member.id)).await,
            Err(error) => refused(error),
        }
    }

    fn refused(error: DataError) -> Response {
        let error = AppError::from(error);
        let mut response = (
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST),
            error.to_string(),
        )
            .into_response();
        if let Some(value) = error
            .retry_after_secs()
            .and_then(|secs| HeaderValue::from_str(&secs.to_string()).ok())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }

    async fn zip(state: &ServerState, turn: &Turn, asker: Asker<'_>) -> Response {
        let built = async {
            let copy = rights::copy(&state.db, turn, asker).await?;
            let files = rights::files(&state.db, state.media.as_ref(), &copy).await?;
            Ok::<_, DataError>(archive(&copy, &files))
        }
        .await;
        let bytes = match built {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(error)) => {
                tracing::error!(%error, "copy: the ZIP could not be written");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
            Err(error) => return refused(error),
        };
        let mut response = bytes.into_response();
        let out = response.headers_mut();
        out.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/zip"),
        );
        if let Ok(disposition) =
            HeaderValue::from_str(&format!("attachment; filename=\"heard-{}.zip\"", turn.code))
        {
            out.insert(header::CONTENT_DISPOSITION, disposition);
        }
        out.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        response
    }

    /// The file name a picture or recording has in the ZIP: the answer's place and its kind.
    fn file_name(position: usize, content_type: &str) -> String {
        let extension = match content_type {
            "image/png" => "png",
            "audio/webm" => "webm",
            "audio/mp4" => "m4a",
            _ => "jpg",
        };
        format!("answer-{position}.{extension}")
    }

    fn archive(
        copy: &crate::domain::TurnCopy,
        files: &[CopiedFile],
    ) -> Result<Vec<u8>, zip::result::ZipError> {
        use std::io::Write;
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let mut named = Vec::new();
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for file in files {
            let position = copy
                .receipt
                .contributions
                .iter()
                .position(|said| said.id == file.contribution_id)
                .map_or(0, |index| index + 1);
            let name = file_name(position, &file.content_type);
            writer.start_file(name.as_str(), options)?;
            writer.write_all(&file.bytes)?;
            named.push(serde_json::json!({ "answer": position, "file": name }));
        }
        let json = serde_json::json!({
            "about": "Everything Heard keeps about what you said with this receipt.",
            "receipt": copy.receipt.code,
            "kept_for_months_after_the_session": copy.kept_months,
            "answers": copy.receipt.contributions,
            "how_was_today": { "listened": copy.listened, "could_say": copy.could_say },
            "files": named,
        });
        writer.start_file("what-i-said.json", options)?;
        writer.write_all(
            serde_json::to_string_pretty(&json)
                .unwrap_or_default()
                .as_bytes(),
        )?;
        Ok(writer.finish()?.into_inner())
    }
}
