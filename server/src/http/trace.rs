//! One span per request: method, route template, status, latency and the request id. Never the
//! path's values, the query string or a body: those can hold a child's words or receipt code.

use axum::extract::MatchedPath;
use axum::http::{Request, Response};
use std::time::Duration;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::TraceLayer;
use tracing::Span;

type MakeSpan = fn(&Request<axum::body::Body>) -> Span;
type OnResponse = fn(&Response<axum::body::Body>, Duration, &Span);

pub fn layer() -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, MakeSpan, (), OnResponse> {
    TraceLayer::new_for_http()
        .make_span_with(span as MakeSpan)
        .on_request(())
        .on_response(finished as OnResponse)
}

fn span(request: &Request<axum::body::Body>) -> Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str)
        .unwrap_or_else(|| unmatched(request.uri().path()));
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    tracing::info_span!("request", method = %request.method(), route, id)
}

/// Routes without a template are the static files (whose names are ours) or pages that do not
/// exist (whose paths could be anything someone typed).
fn unmatched(path: &str) -> &'static str {
    const STATIC: [&str; 3] = ["/pkg/", "/symbols/", "/heard-offline.js"];
    if STATIC.iter().any(|prefix| path.starts_with(prefix)) || path == "/sw.js" {
        "static file"
    } else {
        "no route"
    }
}

fn finished(response: &Response<axum::body::Body>, latency: Duration, _span: &Span) {
    tracing::info!(
        status = response.status().as_u16(),
        latency_ms = latency.as_secs_f64() * 1000.0,
        "answered"
    );
}
