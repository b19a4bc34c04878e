//! What the server tests share: a whole Heard on a SQLite file of its own, and signing in as a
//! demo member of staff.

use app::data::{now, seed, sign_in, Db};
use axum::Router;
use server::{build_app, Config};

pub struct Heard {
    pub router: Router,
    pub db: Db,
    pub data_dir: std::path::PathBuf,
}

impl Drop for Heard {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// Heard with the demo data, in a directory of its own, as tests run at the same time.
pub async fn heard() -> Heard {
    heard_with(|_| {}).await
}

/// As [`heard`], with its configuration changed first.
pub async fn heard_with(change: impl FnOnce(&mut Config)) -> Heard {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let data_dir = std::env::temp_dir().join(format!("heard-test-{}-{nanos}", std::process::id()));
    let mut config = Config::in_data_dir(&data_dir);
    config.seed_demo = true;
    change(&mut config);
    let server::Server { router, db, .. } = build_app(&config).await.expect("app builds");
    Heard {
        router,
        db,
        data_dir,
    }
}

/// A whole sign-in: the password, then the code the demo authenticator shows now.
pub async fn token_for(db: &Db, email: &str, password: &str) -> String {
    let address = "192.0.2.10";
    let (pending, _) = sign_in::with_password(db, email, password, address)
        .await
        .unwrap();
    let code = sign_in::code_at(seed::DEMO_TOTP_SECRET, email, now()).unwrap();
    sign_in::with_code(db, &pending, &code, address)
        .await
        .unwrap()
        .token
}

/// A response's whole body as text.
pub async fn body_text(response: axum::response::Response) -> String {
    use http_body_util::BodyExt;
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A GET through the real router, as a signed-in member of staff when `token` is given.
pub async fn get_as(heard: &Heard, path: &str, token: Option<&str>) -> axum::response::Response {
    use tower::ServiceExt;
    let mut request = axum::http::Request::get(path);
    if let Some(token) = token {
        request = request.header(axum::http::header::COOKIE, format!("heard_staff={token}"));
    }
    heard
        .router
        .clone()
        .oneshot(request.body(axum::body::Body::empty()).unwrap())
        .await
        .unwrap()
}
