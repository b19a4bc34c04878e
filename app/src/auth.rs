//! Who is asking: the staff sign-in cookie and role checks used by every staff server function.

use crate::data::{staff, Db};
use crate::domain::{Role, StaffMember};
use crate::error::AppError;
use crate::media::MediaStore;
use axum::http::{header, request::Parts, HeaderMap, HeaderValue};
use std::sync::Arc;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

const COOKIE: &str = "heard_staff";

/// What every request can reach: built once at start-up and provided as Leptos context.
#[derive(Clone, Debug)]
pub struct ServerState {
    pub db: Db,
    /// Adds `Secure` to cookies; on whenever Heard is served over TLS.
    pub secure_cookies: bool,
    /// Where children's photos are kept.
    pub media: Arc<dyn MediaStore>,
}

pub fn state() -> Result<ServerState, AppError> {
    use_context::<ServerState>().ok_or_else(|| {
        tracing::error!("server state missing from context");
        AppError::Internal
    })
}

pub fn db() -> Result<Db, AppError> {
    state().map(|state| state.db)
}

fn cookie_token() -> Option<String> {
    token_in(&use_context::<Parts>()?.headers)
}

fn token_in(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, token)| token.to_owned())
}

/// The signed-in member of staff, if any.
pub async fn current_staff() -> Result<Option<StaffMember>, AppError> {
    let Some(token) = cookie_token() else {
        return Ok(None);
    };
    Ok(staff::member_for_token(&db()?, &token).await?)
}

/// The signed-in member of staff behind a plain axum request (outside server functions).
pub async fn staff_in(db: &Db, headers: &HeaderMap) -> Result<Option<StaffMember>, AppError> {
    let Some(token) = token_in(headers) else {
        return Ok(None);
    };
    Ok(staff::member_for_token(db, &token).await?)
}

/// The signed-in member of staff, if their role passes `allowed`.
pub async fn require(allowed: fn(Role) -> bool) -> Result<StaffMember, AppError> {
    let member = current_staff().await?.ok_or(AppError::NotSignedIn)?;
    if allowed(member.role) {
        Ok(member)
    } else {
        Err(AppError::Forbidden)
    }
}

fn set_cookie(value: &str, max_age: i64) -> Result<(), AppError> {
    let secure = if state()?.secure_cookies { "; Secure" } else { "" };
    let cookie = format!("{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
    let response = use_context::<ResponseOptions>().ok_or(AppError::Internal)?;
    response.append_header(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|_| AppError::Internal)?,
    );
    Ok(())
}

pub fn start_sign_in(token: &str) -> Result<(), AppError> {
    set_cookie(token, staff::SIGN_IN_LIFETIME_SECS)
}

pub async fn end_sign_in() -> Result<(), AppError> {
    if let Some(token) = cookie_token() {
        staff::sign_out(&db()?, &token).await?;
    }
    set_cookie("", 0)
}
