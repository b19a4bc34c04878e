//! What the server tests share: a whole Heard on a SQLite file of its own, and signing in as a
//! demo member of staff.

pub mod process;
pub mod upload;

use app::data::{now, seed, sign_in, Db};
use axum::Router;
use server::{build_app, Config};

pub struct Heard {
    pub router: Router,
    pub db: Db,
    pub data_dir: std::path::PathBuf,
    pub media_url: Option<String>,
}

impl Heard {
    /// How many files the media store holds: in the data directory, or under this Heard's own
    /// prefix in object storage.
    pub async fn stored_files(&self) -> usize {
        use futures_util::TryStreamExt;
        use object_store::{aws::AmazonS3Builder, path::Path, ObjectStore};
        let Some(url) = &self.media_url else {
            return std::fs::read_dir(self.data_dir.join("media"))
                .unwrap()
                .count();
        };
        let store = AmazonS3Builder::from_env().with_url(url).build().unwrap();
        let prefix = Path::parse(url::Url::parse(url).unwrap().path().trim_matches('/')).unwrap();
        let listed: Vec<_> = store.list(Some(&prefix)).try_collect().await.unwrap();
        listed.len()
    }
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
    // Photos and recordings go to the real S3-compatible server when the test script started one.
    config.media_url = std::env::var("HEARD_TEST_MEDIA_URL")
        .ok()
        .filter(|url| url.starts_with("s3://"))
        .map(|url| format!("{}/{nanos}", url.trim_end_matches('/')));
    change(&mut config);
    let server::Server { router, db, .. } = build_app(&config).await.expect("app builds");
    Heard {
        router,
        db,
        data_dir,
        media_url: config.media_url,
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
