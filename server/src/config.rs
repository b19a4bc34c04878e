//! Configuration from environment variables, read once at start-up. Secrets are never logged.

use app::alerts::AlertSettings;
use leptos::config::{get_configuration, LeptosOptions};
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite:` or `postgres:` URL. Default: a SQLite file in the data directory.
    pub database_url: String,
    /// Holds the SQLite file and, unless `media_url` is set, the `media` directory.
    pub data_dir: PathBuf,
    /// `HEARD_MEDIA_URL`: `s3://bucket/prefix` keeps photos, drawings and recordings in
    /// S3-compatible object storage, which every app server shares (credentials, region and
    /// endpoint from the usual `AWS_` variables). Unset: the `media` directory of `data_dir`.
    pub media_url: Option<String>,
    /// Loads the demo strategy, activity and staff sign-ins (never on a real deployment).
    pub seed_demo: bool,
    /// Marks cookies `Secure`; turn on whenever Heard is served over TLS.
    pub secure_cookies: bool,
    /// How many reverse proxies in front of Heard append to `X-Forwarded-For` (`HEARD_TRUST_PROXY`:
    /// a number, or `true` for one); the client's address is read that far from the right end.
    pub proxy_hops: usize,
    /// The address staff and tablets open Heard at (`HEARD_PUBLIC_URL`), e.g.
    /// `https://heard.council.example`: links in alerts, and the origin posts may come from when
    /// a proxy in front changes the `Host` header.
    pub public_url: Option<String>,
    /// Email alerts of new safeguarding concerns: set by `HEARD_SMTP_RELAY` (host:port),
    /// `HEARD_ALERT_FROM` and `HEARD_PUBLIC_URL`; none when the relay is not set.
    pub alerts: Option<AlertSettings>,
    /// Leptos' own settings, including `LEPTOS_SITE_ADDR`.
    pub leptos: LeptosOptions,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("Leptos configuration: {0}")]
    Leptos(String),
    #[error("{name} must be true or false, not {value:?}")]
    NotABool { name: &'static str, value: String },
    #[error("HEARD_TRUST_PROXY must be the number of proxies in front of Heard (0 to 8, or true for 1), not {0:?}")]
    NotHops(String),
    #[error("HEARD_SEED_DEMO and HEARD_SECURE_COOKIES are both on: the demo's passwords are public, so a demo must not face the internet. Turn HEARD_SEED_DEMO off for a real deployment and create the first admin with `server admin create --email ...`.")]
    DemoFacingTheInternet,
    #[error("HEARD_SMTP_RELAY is set, so {0} must be set too")]
    AlertsNeed(&'static str),
}

/// Alert settings when a relay is configured.
fn alerts(public_url: Option<&str>) -> Result<Option<AlertSettings>, ConfigError> {
    let Ok(relay) = std::env::var("HEARD_SMTP_RELAY") else {
        return Ok(None);
    };
    let need = |name: &'static str| std::env::var(name).map_err(|_| ConfigError::AlertsNeed(name));
    Ok(Some(AlertSettings {
        relay,
        from: need("HEARD_ALERT_FROM")?,
        public_url: public_url
            .map(str::to_owned)
            .ok_or(ConfigError::AlertsNeed("HEARD_PUBLIC_URL"))?,
    }))
}

/// cargo-leptos names the built files after their content (`hash-files`) and leaves the names
/// in a file beside the server binary; without `LEPTOS_HASH_FILES` Heard uses them when it is
/// there, so running the built binary by hand serves the same pages as `.ci/start`.
fn built_with_hashes(leptos: &LeptosOptions) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join(leptos.hash_file.as_ref())))
        .is_some_and(|file| file.is_file())
}

fn flag(name: &'static str) -> Result<bool, ConfigError> {
    match std::env::var(name) {
        Err(_) => Ok(false),
        Ok(value) => match value.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(true),
            "0" | "false" | "no" | "off" | "" => Ok(false),
            _ => Err(ConfigError::NotABool { name, value }),
        },
    }
}

/// `HEARD_TRUST_PROXY`: how many proxies; `true` (as it was once a flag) means one.
fn proxy_hops() -> Result<usize, ConfigError> {
    let Ok(value) = std::env::var("HEARD_TRUST_PROXY") else {
        return Ok(0);
    };
    match value.trim().parse::<usize>() {
        Ok(hops) if hops <= 8 => Ok(hops),
        Ok(_) => Err(ConfigError::NotHops(value)),
        Err(_) => flag("HEARD_TRUST_PROXY")
            .map(usize::from)
            .map_err(|_| ConfigError::NotHops(value)),
    }
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let data_dir =
            PathBuf::from(std::env::var("HEARD_DATA_DIR").unwrap_or_else(|_| "data".into()));
        let database_url =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| Self::sqlite_url_in(&data_dir));
        let mut leptos = get_configuration(None)
            .map_err(|e| ConfigError::Leptos(e.to_string()))?
            .leptos_options;
        if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
            leptos.hash_files = built_with_hashes(&leptos);
        }
        let public_url = std::env::var("HEARD_PUBLIC_URL")
            .ok()
            .map(|url| url.trim_end_matches('/').to_owned())
            .filter(|url| !url.is_empty());
        let (seed_demo, secure_cookies) = (flag("HEARD_SEED_DEMO")?, flag("HEARD_SECURE_COOKIES")?);
        if seed_demo && secure_cookies {
            return Err(ConfigError::DemoFacingTheInternet);
        }
        let media_url = std::env::var("HEARD_MEDIA_URL")
            .ok()
            .filter(|url| !url.trim().is_empty());
        Ok(Config {
            database_url,
            data_dir,
            media_url,
            seed_demo,
            secure_cookies,
            proxy_hops: proxy_hops()?,
            alerts: alerts(public_url.as_deref())?,
            public_url,
            leptos,
        })
    }

    /// Defaults for a Heard kept wholly in `data_dir`: its own SQLite file, no demo data, no
    /// proxy, no alerts. Tests and benchmarks start from here.
    pub fn in_data_dir(data_dir: &std::path::Path) -> Self {
        Config {
            database_url: Self::sqlite_url_in(data_dir),
            data_dir: data_dir.to_owned(),
            media_url: None,
            seed_demo: false,
            secure_cookies: false,
            proxy_hops: 0,
            public_url: None,
            alerts: None,
            leptos: LeptosOptions::builder().output_name("heard").build(),
        }
    }

    /// The origin of `public_url` (scheme, host and port), if set.
    pub fn public_origin(&self) -> Option<String> {
        let url = self.public_url.as_deref()?;
        let (scheme, rest) = url.split_once("://")?;
        let authority = rest.split('/').next()?;
        Some(format!("{scheme}://{authority}"))
    }

    /// The default database: a file in `data_dir`, created when missing.
    pub fn sqlite_url_in(data_dir: &std::path::Path) -> String {
        format!("sqlite://{}?mode=rwc", data_dir.join("heard.db").display())
    }

    /// The database URL with any password hidden, for logs.
    pub fn database_for_logs(&self) -> String {
        match self.database_url.split_once('@') {
            Some((credentials, rest)) => {
                let scheme = credentials.split("://").next().unwrap_or("db");
                format!("{scheme}://…@{rest}")
            }
            None => self.database_url.clone(),
        }
    }
}
