//! Heard's server: configuration, `build_app`, the HTTP layer and stopping cleanly. Pages,
//! server functions and the data layer live in the `app` crate.

pub mod backup;
pub mod cli;
pub mod config;
mod http;
pub mod shutdown;

pub use config::Config;

use app::auth::ServerState;
use app::data::{seed, DataError, Db};
use app::{shell, App};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio_util::sync::CancellationToken;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot create the data directory: {0}")]
    DataDir(#[from] std::io::Error),
    #[error("cannot open the database: {0}")]
    Database(#[from] DataError),
    #[error("media storage: {0}")]
    Media(#[from] app::media::MediaError),
    #[error("email alerts: {0}")]
    Alerts(#[from] app::alerts::AlertError),
}

/// A built Heard, ready to serve.
pub struct Server {
    pub router: Router,
    pub db: Db,
    /// Cancel to begin stopping: live views end and `/healthz` says 503, so a load balancer
    /// sends new requests elsewhere while those under way finish.
    pub stopping: CancellationToken,
}

/// Builds the whole application: opens and migrates the database, seeds demo data if asked,
/// starts the retention task and the email alerts (when configured), and routes pages, server
/// functions, media upload and serving, live views, exports, `/healthz` and static files.
pub async fn build_app(config: &Config) -> Result<Server, StartError> {
    std::fs::create_dir_all(&config.data_dir)?;
    let db = Db::open(&config.database_url).await?;
    if config.seed_demo {
        seed::demo(&db).await?;
    }
    let media = app::media::open_store(config.media_url.as_deref(), &config.data_dir)?;
    media.check().await?;
    if let Some(alerts) = &config.alerts {
        app::alerts::spawn(db.clone(), app::alerts::Mailer::new(alerts)?);
    }
    app::data::retention::run_daily(db.clone(), media.clone());
    let stopping = CancellationToken::new();
    let state = ServerState {
        db: db.clone(),
        secure_cookies: config.secure_cookies,
        proxy_hops: config.proxy_hops,
        public_origin: config.public_origin(),
        media,
        stopping: stopping.clone(),
    };
    let media_routes = app::api::media::routes(state.clone());
    let live_routes = app::api::live::routes(state.clone());
    let export_routes = app::api::evidence::routes(state.clone());
    let copy_routes = app::api::rights::download::routes(state.clone());
    let options = config.leptos.clone();
    let page_context = move || {
        provide_context(state.clone());
        http::provide_page_policy();
    };
    let health = (db.clone(), stopping.clone());
    let router = Router::new()
        .route("/healthz", get(move || healthz(health.clone())))
        .leptos_routes_with_context(&options, generate_route_list(App), page_context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback_service(site_files(&options, page_context))
        .with_state(options)
        .merge(media_routes)
        .merge(live_routes)
        .merge(export_routes)
        .merge(copy_routes);
    Ok(Server {
        router: http::layers(router, config),
        db,
        stopping,
    })
}

/// The built site's files (the `.br` or `.gz` copy when the browser takes it), and Heard's own
/// "not found" page for anything else. Not leptos_axum's file handler: it serves a file inside a
/// reactive owner that can be another request's, and hands that request's response headers (a
/// page's security policy, a sign-in's cookie) to the file's response.
fn site_files(
    options: &leptos::config::LeptosOptions,
    page_context: impl Fn() + Clone + Send + Sync + 'static,
) -> axum::routing::MethodRouter {
    use axum::handler::HandlerWithoutStateExt;
    let render = leptos_axum::render_app_to_stream_with_context(page_context, {
        let options = options.clone();
        move || shell(options.clone())
    });
    let not_found = move |request: axum::extract::Request| async move {
        let mut response = render(request).await;
        if response.status() == StatusCode::OK {
            *response.status_mut() = StatusCode::NOT_FOUND;
        }
        response
    };
    let files = tower_http::services::ServeDir::new(&*options.site_root)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(not_found.into_service());
    axum::routing::any_service(files)
}

async fn healthz((db, stopping): (Db, CancellationToken)) -> StatusCode {
    if !stopping.is_cancelled() && db.is_healthy().await {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    }
}
