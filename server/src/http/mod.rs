//! The HTTP layer every response passes through: request spans, refusal of cross-site posts,
//! honest status codes for server functions, compression, and the headers a deployment expects (CSP, permissions, caching, HSTS).

mod cross_site;
mod headers;
mod status;
mod trace;

pub use headers::provide_page_policy;

use crate::Config;
use axum::Router;
use tower_http::compression::predicate::{NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel, DefaultPredicate};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

/// Wraps every route (pages, server functions, media, live views, static files) in the layers.
pub fn layers(router: Router, config: &Config) -> Router {
    let hsts = config.secure_cookies;
    let public_origin = config.public_origin();
    // Recordings are compressed already; the default predicate leaves images and
    // server-sent events (which must not be buffered) alone.
    let compressible = DefaultPredicate::new().and(NotForContentType::const_new("audio/"));
    router
        .layer(axum::middleware::from_fn(status::honest))
        .layer(axum::middleware::from_fn(move |request, next| {
            headers::add(hsts, request, next)
        }))
        .layer(
            CompressionLayer::new()
                .br(true)
                .gzip(true)
                // Brotli's best quality costs far more CPU per page than it saves on the wire.
                .quality(CompressionLevel::Precise(4))
                .compress_when(compressible),
        )
        .layer(axum::middleware::from_fn(move |request, next| {
            cross_site::refuse(public_origin.clone(), request, next)
        }))
        .layer(trace::layer())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}
