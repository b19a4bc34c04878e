//! Headers on every response: the page's Content-Security-Policy (with the nonce Leptos puts on
//! its hydration script), what the page may ask the device for, how long files may be cached,
//! and HSTS when Heard is served over TLS.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// Scripts only from Heard itself and the one inline hydration script carrying this response's
/// nonce; no inline handlers or styles; never framed. `wasm-unsafe-eval` lets the page compile
/// its own WebAssembly; `blob:` is the drawing and recording the child has just made.
fn page_policy(nonce: Option<&str>) -> String {
    let nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; \
         font-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Everything else (server-function answers, files): nothing may run or frame it.
const RESOURCE_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

/// A service worker runs under its script's own policy: it fetches the pages and files it keeps
/// from Heard, and nothing else.
const WORKER_POLICY: &str = "default-src 'none'; connect-src 'self'";

/// Called as a page renders: gives its response the policy with the nonce of its scripts.
pub fn provide_page_policy() {
    let nonce = leptos::nonce::use_nonce();
    if let Some(response) = use_context::<ResponseOptions>() {
        if let Ok(value) = HeaderValue::from_str(&page_policy(nonce.as_deref())) {
            response.insert_header(header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

/// Only the child's own pages record a voice; no page needs the camera itself (photos come
/// through the file picker), a location, or anything else.
fn permissions_for(path: &str) -> &'static str {
    if path.starts_with("/take/") {
        "camera=(), microphone=(self), geolocation=(), payment=(), usb=(), \
         display-capture=()"
    } else {
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
         display-capture=()"
    }
}

/// How long a browser may keep a file. Built files carry a hash of their content in their name,
/// so a tablet fetches each once per release; everything else is checked again each time.
fn cache_for(path: &str) -> Option<&'static str> {
    if path.starts_with("/pkg/") && has_content_hash(path) {
        Some("public, max-age=31536000, immutable")
    } else if path.starts_with("/symbols/") {
        Some("public, max-age=86400")
    } else if path.starts_with("/pkg/") || path == "/heard-offline.js" || path == "/sw.js" {
        Some("no-cache")
    } else {
        None
    }
}

/// `heard.2hv8Kx…Q.wasm`: a name, a hash of 16 or more URL-safe characters, an extension.
fn has_content_hash(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let mut parts = name.split('.');
    let (Some(_name), Some(hash), Some(_ext)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    hash.len() >= 16
        && hash
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

pub async fn add(hsts: bool, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    // Same-origin keeps the Referer that plain form posts need to come back to their page.
    set(headers, header::REFERRER_POLICY, "same-origin");
    if let Ok(value) = HeaderValue::from_str(permissions_for(&path)) {
        headers.insert("permissions-policy", value);
    }
    if hsts {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000",
        );
    }
    let is_page = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    if is_page && !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        // Every rendered page sets its own policy with its nonce: without it the page would get
        // one with no nonce, and never hydrate.
        tracing::error!(%path, "a page without its nonce policy");
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let policy = if is_page {
            page_policy(None)
        } else if path == "/sw.js" {
            WORKER_POLICY.to_owned()
        } else {
            RESOURCE_POLICY.to_owned()
        };
        if let Ok(value) = HeaderValue::from_str(&policy) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        // Pages hold children's words and receipt codes: a shared tablet's Back button and
        // cache must not bring them back for the next child.
        let cache = if is_page {
            Some("no-store")
        } else {
            cache_for(&path)
        };
        if let Some(cache) = cache {
            set(headers, header::CACHE_CONTROL, cache);
        }
    }
    response
}

fn set(headers: &mut HeaderMap, name: header::HeaderName, value: &'static str) {
    headers.insert(name, HeaderValue::from_static(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hashed_build_files_are_cached_for_good() {
        assert!(has_content_hash("/pkg/heard.Ab3dEf6hIj9kLm0n.wasm"));
        assert!(has_content_hash("/pkg/heard.Ab3dEf6h-j9kLm_n.css"));
        assert!(!has_content_hash("/pkg/heard.wasm"));
        assert!(!has_content_hash("/pkg/heard.css"));
        assert_eq!(cache_for("/pkg/heard.js"), Some("no-cache"));
        assert_eq!(
            cache_for("/pkg/heard.Ab3dEf6hIj9kLm0n.js"),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(cache_for("/staff/media/x"), None);
    }

    #[test]
    fn only_a_childs_own_pages_may_use_the_microphone() {
        assert!(permissions_for("/take/abc/2").contains("microphone=(self)"));
        assert!(permissions_for("/staff/sessions/1").contains("microphone=()"));
        assert!(permissions_for("/").contains("camera=()"));
    }

    #[test]
    fn the_page_policy_names_the_nonce_and_forbids_framing() {
        let policy = page_policy(Some("abc123"));
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(!policy.contains("unsafe-inline"));
    }
}
