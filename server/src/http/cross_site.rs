//! Cross-site requests are refused: a state-changing request must come from one of Heard's own
//! pages. `SameSite=Lax` cookies alone would let another site's form post as a signed-in member
//! of staff in older browsers, and child pages need no cookie at all to submit.
//!
//! Browsers say where a request comes from in `Sec-Fetch-Site`; those that do not still send
//! `Origin` with every POST. A request that carries neither (nor a `Referer`) is refused too:
//! nothing of Heard's sends one, and a proxy that strips them would hide an attack as well.

use axum::extract::Request;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const REFUSED: &str = "Heard did not do this, because the request did not come from a Heard \
page. Go back to Heard, open the page again and try once more.";

pub async fn refuse(public_origin: Option<String>, request: Request, next: Next) -> Response {
    if is_safe(request.method()) || from_own_page(request.headers(), public_origin.as_deref()) {
        next.run(request).await
    } else {
        tracing::warn!("refused a cross-site request");
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            REFUSED,
        )
            .into_response()
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether the browser says this request comes from a page of this site.
pub fn from_own_page(headers: &HeaderMap, public_origin: Option<&str>) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return site == "same-origin";
    }
    let host = headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok());
    let origin = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|value| value.to_str().ok());
    match origin {
        Some(origin) => {
            let authority = authority_of(origin);
            authority.is_some() && authority == host
                || public_origin.is_some_and(|public| authority == authority_of(public))
        }
        None => false,
    }
}

/// `host:port` of an origin or URL such as `https://heard.example:8443/path`.
fn authority_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    (!authority.is_empty() && !authority.contains('@')).then_some(authority)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn the_browser_saying_same_origin_is_enough() {
        assert!(from_own_page(
            &headers(&[("sec-fetch-site", "same-origin")]),
            None
        ));
        for site in ["cross-site", "same-site", "none"] {
            let h = headers(&[("sec-fetch-site", site), ("host", "heard.example")]);
            assert!(!from_own_page(&h, None), "{site}");
        }
    }

    #[test]
    fn origin_or_referer_must_name_this_host() {
        let own = [
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000"),
        ];
        assert!(from_own_page(&headers(&own), None));
        let referer = [
            ("host", "127.0.0.1:3000"),
            ("referer", "http://127.0.0.1:3000/take/x/1"),
        ];
        assert!(from_own_page(&headers(&referer), None));
        for origin in [
            "http://evil.example",
            "null",
            "http://127.0.0.1:3001",
            "file://x",
        ] {
            let h = headers(&[("host", "127.0.0.1:3000"), ("origin", origin)]);
            assert!(!from_own_page(&h, None), "{origin}");
        }
        let spoofed = [
            ("host", "127.0.0.1:3000"),
            ("referer", "http://127.0.0.1:3000@evil.example/"),
        ];
        assert!(!from_own_page(&headers(&spoofed), None));
    }

    #[test]
    fn no_origin_at_all_is_refused() {
        assert!(!from_own_page(
            &headers(&[("host", "127.0.0.1:3000")]),
            None
        ));
    }

    #[test]
    fn behind_a_proxy_the_public_address_counts() {
        let h = headers(&[
            ("host", "10.0.0.5:3000"),
            ("origin", "https://heard.council.example"),
        ]);
        assert!(from_own_page(&h, Some("https://heard.council.example")));
        assert!(!from_own_page(&h, Some("https://other.example")));
    }
}
