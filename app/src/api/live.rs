//! The live view of a session: a server-sent event each time something is said or a concern is
//! raised in it, so the facilitator's page refreshes itself. Only facilitators may listen.

use crate::auth::{self, ServerState};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::convert::Infallible;

pub fn routes(state: ServerState) -> Router {
    Router::new()
        .route("/staff/sessions/{session}/live", get(live))
        .with_state(state)
}

async fn live(
    State(state): State<ServerState>,
    Path(session): Path<String>,
    headers: HeaderMap,
) -> Response {
    match auth::staff_in(&state.db, &headers).await {
        Ok(Some(member)) if member.role.can_facilitate() => {}
        Ok(Some(_)) => return StatusCode::FORBIDDEN.into_response(),
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
    let changes = state.db.changes();
    let events =
        futures_util::stream::unfold((changes, session), |(mut changes, session)| async move {
            loop {
                match changes.recv().await {
                    Ok(changed) if changed == session => break,
                    Ok(_) => continue,
                    // Missed some in a burst: the page refreshes anyway.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => break,
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                }
            }
            // Browsers drop events without data, so it carries the session's id.
            let event = Event::default().event("changed").data(session.clone());
            Some((Ok::<_, Infallible>(event), (changes, session)))
        });
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}
