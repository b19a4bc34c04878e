//! What the server tests share: a whole Heard on a SQLite file of its own, and signing in as a
//! demo member of staff.

use app::data::{now, seed, sign_in, Db};
use axum::Router;
use leptos::config::LeptosOptions;
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
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let data_dir = std::env::temp_dir().join(format!("heard-test-{}-{nanos}", std::process::id()));
    let config = Config {
        database_url: Config::sqlite_url_in(&data_dir),
        data_dir: data_dir.clone(),
        seed_demo: true,
        secure_cookies: false,
        trust_proxy: false,
        alerts: None,
        leptos: LeptosOptions::builder().output_name("heard").build(),
    };
    let (router, db) = build_app(&config).await.expect("app builds");
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
