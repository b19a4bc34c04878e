//! Heard's server: configuration, `build_app`, and nothing else. Pages, server functions and
//! the data layer live in the `app` crate.

pub mod config;

pub use config::Config;

use app::auth::ServerState;
use app::data::{seed, DataError, Db};
use app::media::LocalDirStore;
use app::{shell, App};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot create the data directory: {0}")]
    DataDir(#[from] std::io::Error),
    #[error("cannot open the database: {0}")]
    Database(#[from] DataError),
    #[error("email alerts: {0}")]
    Alerts(#[from] app::alerts::AlertError),
}

/// Builds the whole application: opens and migrates the database, seeds demo data if asked,
/// starts the retention task and the email alerts (when configured), and routes pages, server functions, photo upload and serving, `/healthz` and static files.
pub async fn build_app(config: &Config) -> Result<(Router, Db), StartError> {
    std::fs::create_dir_all(&config.data_dir)?;
    let db = Db::open(&config.database_url).await?;
    if config.seed_demo {
        seed::demo(&db).await?;
    }
    let media = Arc::new(LocalDirStore::new(config.data_dir.join("media"))?);
    if let Some(alerts) = &config.alerts {
        app::alerts::spawn(db.clone(), app::alerts::Mailer::new(alerts)?);
    }
    app::data::retention::run_daily(db.clone(), media.clone());
    let state = ServerState {
        db: db.clone(),
        secure_cookies: config.secure_cookies,
        trust_proxy: config.trust_proxy,
        media,
    };
    let media_routes = app::api::media::routes(state.clone());
    let live_routes = app::api::live::routes(state.clone());
    let export_routes = app::api::evidence::routes(state.clone());
    let options = config.leptos.clone();
    let health_db = db.clone();
    let router = Router::new()
        .route("/healthz", get(move || healthz(health_db.clone())))
        .leptos_routes_with_context(
            &options,
            generate_route_list(App),
            move || provide_context(state.clone()),
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(options)
        .merge(media_routes)
        .merge(live_routes)
        .merge(export_routes)
        .layer(axum::middleware::map_response(security_headers));
    Ok((router, db))
}

async fn healthz(db: Db) -> StatusCode {
    if db.is_reachable().await {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    }
}

async fn security_headers(mut response: Response) -> impl IntoResponse {
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Same-origin keeps the Referer that plain form posts need to come back to their page.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    // Pages hold children's words and receipt codes: a shared tablet's Back button and cache
    // must not bring them back for the next child.
    let is_page = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    if is_page && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}
