//! Who is asking: the staff sign-in cookie and role checks used by every staff server function.

use crate::data::{sign_in, Db};
use crate::domain::{Display, Language, Role, StaffMember};
use crate::error::AppError;
use crate::media::MediaStore;
use axum::http::{header, request::Parts, HeaderMap, HeaderValue};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use std::sync::Arc;

const COOKIE: &str = "heard_staff";
/// Between the password and the second factor.
const PENDING_COOKIE: &str = "heard_pending";
const DISPLAY_COOKIE: &str = "heard_display";
const LANGUAGE_COOKIE: &str = "heard_language";

/// What every request can reach: built once at start-up and provided as Leptos context.
#[derive(Clone, Debug)]
pub struct ServerState {
    pub db: Db,
    /// Adds `Secure` to cookies; on whenever Heard is served over TLS.
    pub secure_cookies: bool,
    /// Where children's photos are kept.
    pub media: Arc<dyn MediaStore>,
    /// How many proxies in front of Heard add to `X-Forwarded-For` (`HEARD_TRUST_PROXY`); 0 when
    /// clients connect directly.
    pub proxy_hops: usize,
    /// `HEARD_PUBLIC_URL`'s origin, e.g. `https://heard.council.example`: the address in links
    /// Heard shows (a session's join link), whatever a proxy in front passes as `Host`.
    pub public_origin: Option<String>,
    /// Cancelled when the server begins to shut down: open live views end so it can.
    pub stopping: tokio_util::sync::CancellationToken,
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
    cookie_in(headers, COOKIE)
}

fn cookie_in(headers: &HeaderMap, wanted: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.to_owned())
}

/// The display the child chose on this tablet (bigger text, high contrast), from its cookie.
pub fn display() -> Display {
    use_context::<Parts>()
        .and_then(|parts| cookie_in(&parts.headers, DISPLAY_COOKIE))
        .map(|value| Display::parse(&value))
        .unwrap_or_default()
}

/// Remembers the display until the turn is handed over; it holds no child content.
pub fn set_display(display: Display) -> Result<(), AppError> {
    set_cookie(DISPLAY_COOKIE, &display.as_cookie(), 12 * 60 * 60)
}

pub fn reset_display() -> Result<(), AppError> {
    set_cookie(DISPLAY_COOKIE, "", 0)
}

/// The language the child chose for their pages on this tablet, from its cookie. Staff pages
/// are in English for now, even on a tablet a child left in another language.
pub fn page_language() -> Option<Language> {
    let parts = use_context::<Parts>()?;
    if parts.uri.path().starts_with("/staff") {
        return None;
    }
    cookie_in(&parts.headers, LANGUAGE_COOKIE).and_then(|tag| Language::for_pages(&tag))
}

/// Remembers the language until the turn is handed over, like the display.
pub fn set_page_language(language: Language) -> Result<(), AppError> {
    set_cookie(LANGUAGE_COOKIE, language.as_str(), 12 * 60 * 60)
}

pub fn reset_page_language() -> Result<(), AppError> {
    set_cookie(LANGUAGE_COOKIE, "", 0)
}

/// The signed-in member of staff, if any.
pub async fn current_staff() -> Result<Option<StaffMember>, AppError> {
    let Some(token) = cookie_token() else {
        return Ok(None);
    };
    Ok(sign_in::member_for_token(&db()?, &token).await?)
}

/// This site's origin for links that leave the page (QR codes): the configured public address,
/// or else as the browser reached it, e.g. `http://127.0.0.1:3000`.
pub fn site_origin() -> Result<String, AppError> {
    if let Some(public) = state()?.public_origin {
        return Ok(public);
    }
    let parts = use_context::<Parts>().ok_or(AppError::Internal)?;
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
        .filter(|host| {
            host.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .ok_or(AppError::Internal)?;
    let scheme = if state()?.secure_cookies {
        "https"
    } else {
        "http"
    };
    Ok(format!("{scheme}://{host}"))
}

/// The signed-in member of staff behind a plain axum request (outside server functions).
pub async fn staff_in(db: &Db, headers: &HeaderMap) -> Result<Option<StaffMember>, AppError> {
    let Some(token) = token_in(headers) else {
        return Ok(None);
    };
    Ok(sign_in::member_for_token(db, &token).await?)
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

fn set_cookie(name: &str, value: &str, max_age: i64) -> Result<(), AppError> {
    let secure = if state()?.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie =
        format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
    let response = use_context::<ResponseOptions>().ok_or(AppError::Internal)?;
    response.append_header(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|_| AppError::Internal)?,
    );
    Ok(())
}

/// The password was right: the token waits for the second factor.
pub fn start_second_step(token: &str) -> Result<(), AppError> {
    set_cookie(PENDING_COOKIE, token, sign_in::SECOND_FACTOR_SECS)
}

pub fn pending_token() -> Option<String> {
    cookie_in(&use_context::<Parts>()?.headers, PENDING_COOKIE)
}

/// Signed in: the pending token is done with, the new one is the session's.
pub fn start_sign_in(token: &str) -> Result<(), AppError> {
    set_cookie(PENDING_COOKIE, "", 0)?;
    set_cookie(COOKIE, token, sign_in::SIGN_IN_LIFETIME_SECS)
}

pub async fn end_sign_in() -> Result<(), AppError> {
    if let Some(token) = cookie_token() {
        sign_in::sign_out(&db()?, &token).await?;
    }
    set_cookie(COOKIE, "", 0)
}

/// The address a request came from, for throttling. Behind reverse proxies this is the proxy's
/// unless Heard is told how many there are (`HEARD_TRUST_PROXY`).
pub fn client_address() -> String {
    let Some(parts) = use_context::<Parts>() else {
        return "unknown".into();
    };
    address_of(&parts, state().map_or(0, |state| state.proxy_hops))
}

/// The client address of a request, for a plain axum route; see [`client_address`].
pub fn address_of(parts: &Parts, proxy_hops: usize) -> String {
    let forwarded: Vec<&str> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    forwarded_client(&forwarded, proxy_hops).unwrap_or_else(|| {
        parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map_or_else(|| "unknown".into(), |info| info.0.ip().to_string())
    })
}

/// The client in `X-Forwarded-For` behind `hops` trusted proxies. Each proxy appends the address
/// that connected to it, so only the last `hops` entries were written by proxies we trust; the
/// entries before them were written by the client and prove nothing. `None` when there are no
/// proxies, or fewer entries than proxies (the request did not come through them all).
fn forwarded_client(header_lines: &[&str], hops: usize) -> Option<String> {
    if hops == 0 {
        return None;
    }
    let entries: Vec<&str> = header_lines
        .iter()
        .flat_map(|line| line.split(','))
        .map(str::trim)
        .collect();
    let client = entries.len().checked_sub(hops).map(|at| entries[at])?;
    client
        .parse::<std::net::IpAddr>()
        .ok()
        .map(|address| address.to_string())
}

#[cfg(test)]
mod tests {
    use super::forwarded_client;

    #[test]
    fn the_client_is_counted_from_the_right_past_the_trusted_proxies() {
        // One proxy: it appended the address that connected to it; whatever came before was
        // written by the client.
        assert_eq!(
            forwarded_client(&["6.6.6.6, 203.0.113.7"], 1).as_deref(),
            Some("203.0.113.7")
        );
        assert_eq!(
            forwarded_client(&["203.0.113.7"], 1).as_deref(),
            Some("203.0.113.7")
        );
        // Two proxies (a CDN, then nginx), and a header split over two lines.
        assert_eq!(
            forwarded_client(&["1.1.1.1, 203.0.113.7", "10.0.0.2"], 2).as_deref(),
            Some("203.0.113.7")
        );
        // Fewer entries than proxies, no proxies, or not an address: not believed.
        assert_eq!(forwarded_client(&["203.0.113.7"], 2), None);
        assert_eq!(forwarded_client(&["203.0.113.7"], 0), None);
        assert_eq!(forwarded_client(&["1.2.3.4, evil"], 1), None);
        assert_eq!(forwarded_client(&[], 1), None);
    }
}
