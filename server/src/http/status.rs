//! Honest status codes for server functions. `server_fn` answers every error with 500; the error
//! itself (an `AppError`, JSON in the body) knows whether it was "sign in", "not allowed", "check
//! your input", "not found", "too many tries" or our own fault, so its status is set from it here.
//! A form posted without JavaScript is redirected back before this, and is left alone.

use app::error::AppError;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// The header `server_fn` puts on its error answers.
const SERVER_FN_ERROR: &str = "serverfnerror";

/// Server-function errors are short messages; anything longer is not one of ours.
const MAX_ERROR_BYTES: usize = 16 * 1024;

pub async fn honest(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(parts.status);
        if let Some(secs) = error.retry_after_secs() {
            parts
                .headers
                .insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
