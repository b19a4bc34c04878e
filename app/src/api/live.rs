//! Live views: a server-sent event each time something changes that a page shows, so it
//! refreshes itself. A facilitator's session page hears its session (answers, concerns,
//! moderation); the safeguarding lead's pages hear every new concern.

use crate::auth::{self, ServerState};
use crate::data::SAFEGUARDING;
use crate::domain::Role;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::convert::Infallible;

pub fn routes(state: ServerState) -> Router {
    Router::new()
        .route("/staff/sessions/{session}/live", get(session_live))
        .route("/staff/safeguarding/live", get(safeguarding_live))
        .with_state(state)
}

async fn session_live(
    State(state): State<ServerState>,
    Path(session): Path<String>,
    headers: HeaderMap,
) -> Response {
    listen(&state, &headers, Role::can_facilitate, session).await
}

async fn safeguarding_live(State(state): State<ServerState>, headers: HeaderMap) -> Response {
    listen(
        &state,
        &headers,
        Role::can_safeguard,
        SAFEGUARDING.to_owned(),
    )
    .await
}

async fn listen(
    state: &ServerState,
    headers: &HeaderMap,
    allowed: fn(Role) -> bool,
    topic: String,
) -> Response {
    match auth::staff_in(&state.db, headers).await {
        Ok(Some(member)) if allowed(member.role) => {}
        Ok(Some(_)) => return StatusCode::FORBIDDEN.into_response(),
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
    let changes = state.db.changes();
    let stopping = state.stopping.clone();
    let events = futures_util::stream::unfold(
        (changes, topic, stopping),
        |(mut changes, topic, stopping)| async move {
            loop {
                // A stream that never ends would hold a shutting-down server open; the browser's
                // EventSource reconnects to whichever server answers next.
                let changed = tokio::select! {
                    _ = stopping.cancelled() => return None,
                    changed = changes.recv() => changed,
                };
                match changed {
                    Ok(changed) if changed == topic => break,
                    Ok(_) => continue,
                    // Missed some in a burst: the page refreshes anyway.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => break,
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                }
            }
            // Browsers drop events without data, so it carries what changed.
            let event = Event::default().event("changed").data(topic.clone());
            Some((Ok::<_, Infallible>(event), (changes, topic, stopping)))
        },
    );
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}
