//! Photos, drawings and voice recordings: a child's upload (a plain multipart form, so a photo
//! works before the page hydrates) and the staff-only route that serves stored copies. Multipart bodies are counted here, chunk by
//! chunk, because server functions and extractors would otherwise buffer them whole.

use crate::auth::{self, ServerState};
use crate::data::{
    activity,
    contribution::{self, NewContribution, NewMedia},
    media, DataError,
};
use crate::domain::{Answer, AnswerMode, MediaConsent, MediaRef, ProblemCode, UploadProblem};
use crate::media::{
    check_audio, sanitise_image, LimitedBuffer, MediaError, DRAWING_MAX_BYTES, PHOTO_MAX_BYTES,
    RECORDING_MAX_BYTES,
};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use sha2::{Digest, Sha256};

/// Room for the form's small text fields around the file itself.
const FORM_OVERHEAD: usize = 64 * 1024;

pub fn routes(state: ServerState) -> Router {
    Router::new()
        .route(
            "/take/{participation}/media",
            post(upload).layer(DefaultBodyLimit::max(PHOTO_MAX_BYTES + FORM_OVERHEAD)),
        )
        .route("/staff/media/{id}", get(serve_full))
        .route("/staff/media/{id}/thumb", get(serve_thumbnail))
        .route("/board/pictures/{id}", get(serve_board_picture))
        .with_state(state)
}

/// The fields of an upload form, read in one pass.
#[derive(Default)]
struct UploadForm {
    prompt: String,
    contribution: String,
    consent: Option<String>,
    communicated: Option<String>,
    /// Photo, drawing or recording, by the name of the file field.
    mode: Option<AnswerMode>,
    file: Option<Result<Vec<u8>, MediaError>>,
}

/// The file field of each kind of upload, and how many bytes of it we read.
fn upload_field(name: &str) -> Option<(AnswerMode, usize)> {
    match name {
        "photo" => Some((AnswerMode::Photo, PHOTO_MAX_BYTES)),
        "drawing" => Some((AnswerMode::Drawing, DRAWING_MAX_BYTES)),
        "recording" => Some((AnswerMode::Audio, RECORDING_MAX_BYTES)),
        _ => None,
    }
}

/// Reads the form. The page puts the small fields before the file, so when the file is
/// refused part-way the question it answers is already known and the child can be sent back.
async fn read_form(mut multipart: Multipart) -> UploadForm {
    let mut form = UploadForm::default();
    if let Err(error) = read_fields(&mut multipart, &mut form).await {
        form.file = Some(Err(error));
    }
    form
}

async fn read_fields(multipart: &mut Multipart, form: &mut UploadForm) -> Result<(), MediaError> {
    while let Some(mut field) = multipart.next_field().await.map_err(too_large_or_broken)? {
        let name = field.name().unwrap_or_default().to_owned();
        let upload = upload_field(&name);
        let mut buffer = LimitedBuffer::new(upload.map_or(4 * 1024, |(_, limit)| limit));
        while let Some(chunk) = field.chunk().await.map_err(too_large_or_broken)? {
            buffer.push(&chunk)?;
        }
        if let Some((mode, _)) = upload {
            form.mode = Some(mode);
            form.file = Some(buffer.finish());
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

/// Set by the tablet's service worker when it resends an upload that waited on the tablet: it
/// wants to know whether the answer was stored, not a page to go to.
pub const QUEUED_HEADER: &str = "x-heard-queued";

async fn upload(
    State(state): State<ServerState>,
    Path(participation): Path<String>,
    headers: HeaderMap,
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
        if headers.contains_key(QUEUED_HEADER) {
            return queued_outcome(Err(UploadProblem::NotSaved));
        }
        // Without the question we cannot go back to it; the start of the turn can.
        return Redirect::to(&format!("/take/{participation}/welcome")).into_response();
    };
    let way = form.mode.unwrap_or(AnswerMode::Photo).as_str();
    let saved = save_upload(&state, &participation, form).await;
    if headers.contains_key(QUEUED_HEADER) {
        return queued_outcome(saved);
    }
    match saved {
        Ok(next) => Redirect::to(&next).into_response(),
        Err(problem) => Redirect::to(&format!(
            "/take/{participation}/{}?way={way}&problem={}",
            prompt.position,
            problem.code()
        ))
        .into_response(),
    }
}

/// Stored; refused for good (with the reason a facilitator can read on the tablet); or not
/// saved this time, which the service worker tries again later.
fn queued_outcome(saved: Result<String, UploadProblem>) -> Response {
    match saved {
        Ok(_) => StatusCode::OK.into_response(),
        Err(UploadProblem::NotSaved) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        Err(problem) => (StatusCode::UNPROCESSABLE_ENTITY, problem.message()).into_response(),
    }
}

async fn save_upload(
    state: &ServerState,
    participation: &str,
    form: UploadForm,
) -> Result<String, UploadProblem> {
    let bytes = form
        .file
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
    let media = MediaRef {
        media_id: media_id.clone(),
        consent,
    };
    let answer = match form.mode {
        Some(AnswerMode::Drawing) => Answer::Drawing(media),
        Some(AnswerMode::Audio) => Answer::Audio(media),
        _ => Answer::Photo(media),
    };
    let new = NewContribution {
        id: form.contribution,
        participation_id: participation.to_owned(),
        prompt_id: form.prompt,
        answer,
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
    let mode = form.mode.unwrap_or(AnswerMode::Photo);
    let prepared_for = media_id.clone();
    let permit = crate::media::decode_permit().await;
    let (files, record) = tokio::task::spawn_blocking(move || {
        let _decoding = permit;
        prepare(mode, bytes, &prepared_for, upload_sha256)
    })
    .await
    .map_err(|_| UploadProblem::NotSaved)?
    .map_err(|error| {
        tracing::info!(%error, "upload refused");
        error.problem()
    })?;
    let keys: Vec<String> = files.iter().map(|(key, _)| key.clone()).collect();
    for (key, bytes) in files {
        if let Err(error) = state.media.put(&key, bytes).await {
            tracing::error!(%error, "upload could not be stored");
            forget(state, &keys).await;
            return Err(UploadProblem::NotSaved);
        }
    }
    match contribution::submit(&state.db, new, Some(record)).await {
        Ok(after) => {
            // An identical copy sent at the same moment may have been stored instead of this one.
            if matches!(
                media::find(&state.db, &media_id).await,
                Err(DataError::NotFound(_))
            ) {
                forget(state, &keys).await;
            }
            Ok(super::next_page(participation, after))
        }
        Err(error) => {
            // The answer was not recorded, so its files must not linger.
            forget(state, &keys).await;
            Err(data_problem(error))
        }
    }
}

/// What is stored for an upload: its files under their keys, and its `media` row. Pictures are
/// re-encoded with a thumbnail; recordings are kept as received once their bytes pass the checks.
fn prepare(
    mode: AnswerMode,
    bytes: Vec<u8>,
    media_id: &str,
    upload_sha256: String,
) -> Result<(Vec<(String, Vec<u8>)>, NewMedia), MediaError> {
    let (full_key, thumb_key) = media::keys(media_id);
    if mode == AnswerMode::Audio {
        let checked = check_audio(&bytes)?;
        let record = NewMedia {
            content_type: checked.content_type,
            width: 0,
            height: 0,
            upload_sha256,
        };
        return Ok((vec![(full_key, bytes)], record));
    }
    let clean = sanitise_image(&bytes)?;
    let record = NewMedia {
        content_type: clean.content_type,
        width: clean.width,
        height: clean.height,
        upload_sha256,
    };
    Ok((
        vec![(full_key, clean.bytes), (thumb_key, clean.thumbnail)],
        record,
    ))
}

async fn forget(state: &ServerState, keys: &[String]) {
    for key in keys {
        let _ = state.media.delete(key).await;
    }
}

fn data_problem(error: DataError) -> UploadProblem {
    match error {
        DataError::Conflict(_)
        | DataError::Coded(ProblemCode::AnswerIdReused | ProblemCode::AnswerNotSaved) => {
            UploadProblem::Conflict
        }
        DataError::Database(_) | DataError::Migrate(_) | DataError::Fault(_) => {
            tracing::error!(%error, "media answer could not be saved");
            UploadProblem::NotSaved
        }
        DataError::Invalid(_)
        | DataError::NotFound(_)
        | DataError::Coded(_)
        | DataError::Throttled { .. } => UploadProblem::NotSaved,
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

/// Serves a stored photo, drawing or recording to staff allowed to see it, with a fixed type and no sniffing.
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
    send(&state, &id, &record, thumbnail).await
}

/// A picture on the public board, to anyone: only when the child agreed anyone may see it and
/// it illustrates published feedback. The small copy only.
async fn serve_board_picture(State(state): State<ServerState>, Path(id): Path<String>) -> Response {
    match crate::data::feedback::is_on_board(&state.db, &id).await {
        Ok(true) => {}
        Ok(false) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
    match media::find(&state.db, &id).await {
        Ok(record) => send(&state, &id, &record, true).await,
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The stored file, streamed, with a fixed type, no sniffing, and a sandbox.
async fn send(
    state: &ServerState,
    id: &str,
    record: &media::MediaRecord,
    thumbnail: bool,
) -> Response {
    let is_audio = record.content_type.starts_with("audio/");
    if thumbnail && is_audio {
        // Recordings have no thumbnail.
        return StatusCode::NOT_FOUND.into_response();
    }
    let (full_key, thumb_key) = media::keys(id);
    let stream = match state
        .media
        .open(if thumbnail { &thumb_key } else { &full_key })
        .await
    {
        Ok(stream) => stream,
        Err(error) => {
            tracing::error!(%error, "stored media missing");
            return StatusCode::NOT_FOUND.into_response();
        }
    };
    let extension = match record.content_type.as_str() {
        "image/png" => "png",
        "audio/webm" => "webm",
        "audio/mp4" => "m4a",
        _ => "jpg",
    };
    let disposition = format!("inline; filename=\"heard-{id}.{extension}\"");
    let mut response = axum::body::Body::from_stream(stream).into_response();
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
