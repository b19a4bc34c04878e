//! Photos: a child's upload (a plain multipart form, so it works before the page hydrates) and
//! the staff-only route that serves stored copies. Multipart bodies are counted here, chunk by
//! chunk, because server functions and extractors would otherwise buffer them whole.

use crate::auth::{self, ServerState};
use crate::data::{
    activity,
    contribution::{self, NewContribution, NewMedia},
    media, DataError,
};
use crate::domain::{Answer, MediaConsent, Picture, UploadProblem};
use crate::media::{sanitise_image, LimitedBuffer, MediaError, PHOTO_MAX_BYTES};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use sha2::{Digest, Sha256};

/// Room for the form's small text fields around the photo itself.
const FORM_OVERHEAD: usize = 64 * 1024;

pub fn routes(state: ServerState) -> Router {
    Router::new()
        .route(
            "/take/{participation}/photo",
            post(upload_photo).layer(DefaultBodyLimit::max(PHOTO_MAX_BYTES + FORM_OVERHEAD)),
        )
        .route("/staff/media/{id}", get(serve_full))
        .route("/staff/media/{id}/thumb", get(serve_thumbnail))
        .with_state(state)
}

/// The fields of the photo form, read in one pass.
#[derive(Default)]
struct PhotoForm {
    prompt: String,
    contribution: String,
    consent: Option<String>,
    communicated: Option<String>,
    photo: Option<Result<Vec<u8>, MediaError>>,
}

/// Reads the form. The page puts the small fields before the photo, so when the photo is
/// refused part-way the question it answers is already known and the child can be sent back.
async fn read_form(mut multipart: Multipart) -> PhotoForm {
    let mut form = PhotoForm::default();
    if let Err(error) = read_fields(&mut multipart, &mut form).await {
        form.photo = Some(Err(error));
    }
    form
}

async fn read_fields(multipart: &mut Multipart, form: &mut PhotoForm) -> Result<(), MediaError> {
    while let Some(mut field) = multipart.next_field().await.map_err(too_large_or_broken)? {
        let name = field.name().unwrap_or_default().to_owned();
        let limit = if name == "photo" {
            PHOTO_MAX_BYTES
        } else {
            4 * 1024
        };
        let mut buffer = LimitedBuffer::new(limit);
        while let Some(chunk) = field.chunk().await.map_err(too_large_or_broken)? {
            buffer.push(&chunk)?;
        }
        if name == "photo" {
            form.photo = Some(buffer.finish());
            continue;
        }
        let value = String::from_utf8(buffer.finish().unwrap_or_default()).unwrap_or_default();
        match name.as_str() {
            "prompt" => form.prompt = value,
            "contribution" => form.contribution = value,
            "consent" => form.consent = Some(value),
            "communicated" => form.communicated = Some(value),
            _ => {}
        }
    }
    Ok(())
}

fn too_large_or_broken(error: axum::extract::multipart::MultipartError) -> MediaError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        MediaError::TooLarge {
            limit: PHOTO_MAX_BYTES,
        }
    } else {
        MediaError::Unreadable
    }
}

async fn upload_photo(
    State(state): State<ServerState>,
    Path(participation): Path<String>,
    multipart: Multipart,
) -> Response {
    if !participation
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return StatusCode::NOT_FOUND.into_response();
    }
    let form = read_form(multipart).await;
    let Ok(prompt) = activity::prompt(&state.db, &form.prompt).await else {
        // Without the question we cannot go back to it; the start of the turn can.
        return Redirect::to(&format!("/take/{participation}/welcome")).into_response();
    };
    match save_photo(&state, &participation, form).await {
        Ok(next) => Redirect::to(&next).into_response(),
        Err(problem) => Redirect::to(&format!(
            "/take/{participation}/{}?way=photo&problem={}",
            prompt.position,
            problem.code()
        ))
        .into_response(),
    }
}

async fn save_photo(
    state: &ServerState,
    participation: &str,
    form: PhotoForm,
) -> Result<String, UploadProblem> {
    let bytes = form
        .photo
        .unwrap_or(Err(MediaError::Empty))
        .map_err(|e| e.problem())?;
    let consent = form
        .consent
        .as_deref()
        .and_then(MediaConsent::parse)
        .unwrap_or_default();
    let communicated =
        super::communicated(form.communicated.as_deref()).map_err(|_| UploadProblem::NotSaved)?;
    let media_id = crate::data::new_id();
    let new = NewContribution {
        id: form.contribution,
        participation_id: participation.to_owned(),
        prompt_id: form.prompt,
        answer: Answer::Photo(Picture {
            media_id: media_id.clone(),
            consent,
        }),
        communicated,
    };
    let upload_sha256 = format!("{:x}", Sha256::digest(&bytes));
    // A resent upload is answered from what was stored, without decoding it again.
    if let Some(after) = contribution::earlier_result(&state.db, &new, Some(&upload_sha256))
        .await
        .map_err(data_problem)?
    {
        return Ok(super::next_page(participation, after));
    }
    let clean = tokio::task::spawn_blocking(move || sanitise_image(&bytes))
        .await
        .map_err(|_| UploadProblem::NotSaved)?
        .map_err(|error| {
            tracing::info!(%error, "photo refused");
            error.problem()
        })?;
    let (full_key, thumb_key) = media::keys(&media_id);
    let stored = async {
        state.media.put(&full_key, clean.bytes).await?;
        state.media.put(&thumb_key, clean.thumbnail).await
    };
    if let Err(error) = stored.await {
        tracing::error!(%error, "photo could not be stored");
        return Err(UploadProblem::NotSaved);
    }
    let record = NewMedia {
        content_type: clean.content_type,
        width: clean.width,
        height: clean.height,
        upload_sha256,
    };
    match contribution::submit(&state.db, new, Some(record)).await {
        Ok(after) => Ok(super::next_page(participation, after)),
        Err(error) => {
            // The answer was not recorded, so its files must not linger.
            for key in [&full_key, &thumb_key] {
                let _ = state.media.delete(key).await;
            }
            Err(data_problem(error))
        }
    }
}

fn data_problem(error: DataError) -> UploadProblem {
    match error {
        DataError::Conflict(_) => UploadProblem::Conflict,
        DataError::Database(_) | DataError::Migrate(_) => {
            tracing::error!(%error, "photo answer could not be saved");
            UploadProblem::NotSaved
        }
        DataError::Invalid(_) | DataError::NotFound(_) => UploadProblem::NotSaved,
    }
}

async fn serve_full(state: State<ServerState>, id: Path<String>, headers: HeaderMap) -> Response {
    serve(state, id, headers, false).await
}

async fn serve_thumbnail(
    state: State<ServerState>,
    id: Path<String>,
    headers: HeaderMap,
) -> Response {
    serve(state, id, headers, true).await
}

/// Serves a stored picture to staff allowed to see it, with a fixed type and no sniffing.
async fn serve(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    thumbnail: bool,
) -> Response {
    let member = match auth::staff_in(&state.db, &headers).await {
        Ok(Some(member)) => member,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let record = match media::find(&state.db, &id).await {
        Ok(record) => record,
        Err(DataError::NotFound(_)) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if !member.role.can_see_media(record.consent) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let (full_key, thumb_key) = media::keys(&id);
    let bytes = match state
        .media
        .get(if thumbnail { &thumb_key } else { &full_key })
        .await
    {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "stored picture missing");
            return StatusCode::NOT_FOUND.into_response();
        }
    };
    let extension = if record.content_type == "image/png" {
        "png"
    } else {
        "jpg"
    };
    let disposition = format!("inline; filename=\"heard-{id}.{extension}\"");
    let mut response = bytes.into_response();
    let out = response.headers_mut();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&record.content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(disposition) = HeaderValue::from_str(&disposition) {
        out.insert(header::CONTENT_DISPOSITION, disposition);
    }
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    out.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    response
}
