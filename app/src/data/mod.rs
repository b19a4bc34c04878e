//! The data layer: plain async functions over one SQL dialect that SQLite and PostgreSQL share.
//! Server functions call these; tests call them directly on both databases.

pub mod activity;
mod audit;
pub mod codes;
pub mod concern;
pub mod contribution;
pub mod coproduction;
pub mod decision;
mod erasure;
pub mod evaluation;
pub mod evidence;
pub mod feedback;
pub mod hearing;
pub mod loops;
pub mod media;
pub mod moderation;
pub mod retention;
pub mod rights;
pub mod search;
pub mod seed;
pub mod session;
pub mod sign_in;
pub mod staff;
pub mod strategy;
pub mod throttle;
pub mod trail;
pub mod translation;
pub mod triage;
mod writer;

use crate::domain::{Field, StaffProblem};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor};

/// Errors of the data layer. `Invalid` and `NotFound` carry messages a person can act on;
/// `Database` is internal and is logged, never shown.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// A staff form's mistake or a refusal: a code, worded where the page is drawn.
    #[error("{0}")]
    Invalid(crate::domain::StaffProblem),
    #[error("{0}")]
    NotFound(crate::domain::Missing),
    /// Someone else changed the same thing at the same moment: trying again may work.
    #[error("{0}")]
    Conflict(crate::domain::StaffProblem),
    /// What went wrong for a child or their carer: a code, worded where the page is drawn.
    #[error("{0}")]
    Coded(crate::domain::ProblemCode),
    /// Too many tries: the person may try again after `retry_after_secs`.
    #[error("{problem}")]
    Throttled {
        problem: crate::domain::ProblemCode,
        retry_after_secs: i64,
    },
    /// Our own fault or the operator's (a setting, a stored value Heard cannot read): logged
    /// and told to the operator, never shown to staff or children as it is.
    #[error("{0}")]
    Fault(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

pub type DataResult<T> = Result<T, DataError>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The one pool of the process, built at start-up.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    writer: writer::Writer,
    /// Sessions whose contributions or concerns just changed, for live views.
    changes: tokio::sync::broadcast::Sender<String>,
}

/// What live views listen for besides session ids: a concern was raised anywhere.
pub const SAFEGUARDING: &str = "safeguarding";

/// How long a request waits for a database connection before it is told the database is down.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// How long `/healthz` waits for the database.
const HEALTH_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(800);

/// The PostgreSQL channel that carries changed session ids between app servers.
const CHANGES_CHANNEL: &str = "heard_changes";

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

impl Db {
    /// Connects to `url` (`sqlite:` or `postgres:`) and brings the schema up to date.
    pub async fn open(url: &str) -> DataResult<Self> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            return Err(DataError::Fault(
                "DATABASE_URL must start with sqlite: or postgres:".into(),
            ));
        };
        // A tablet must hear within seconds that its answer was not stored, so its offline queue
        // keeps it: waiting 30 s (sqlx's default) for a database that is down helps nobody.
        let options = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 4 } else { 16 })
            .acquire_timeout(ACQUIRE_TIMEOUT);
        let options = if backend == Backend::Sqlite {
            // WAL with full sync: an acknowledged contribution survives a kill -9.
            options.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                    )
                    .await?;
                    Ok(())
                })
            })
        } else {
            options
        };
        let pool = options.connect(url).await?;
        let writer = writer::Writer::start(pool.clone());
        let (changes, _) = tokio::sync::broadcast::channel(256);
        if backend == Backend::Postgres {
            tokio::spawn(relay_changes(url.to_owned(), changes.clone()));
        }
        let db = Db {
            pool,
            backend,
            writer,
            changes,
        };
        db.migrate().await?;
        triage::ensure_started(&db).await?;
        Ok(db)
    }

    async fn migrate(&self) -> DataResult<()> {
        match self.backend {
            Backend::Sqlite => {
                // SQLite changes a table's constraints by rebuilding it, which needs foreign keys
                // off; the pragma is ignored inside the migration's transaction, so it is set
                // on the connection first and every reference is checked once it is done.
                let mut conn = self.pool.acquire().await?;
                conn.execute("PRAGMA foreign_keys = OFF").await?;
                let migrated = SQLITE_MIGRATIONS.run(&mut *conn).await;
                conn.execute("PRAGMA foreign_keys = ON").await?;
                migrated?;
                let broken = sqlx::query("PRAGMA foreign_key_check")
                    .fetch_all(&mut *conn)
                    .await?;
                if !broken.is_empty() {
                    return Err(DataError::Fault(format!(
                        "the database has {} broken references after migrating",
                        broken.len()
                    )));
                }
            }
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// An online, consistent copy of a SQLite database in `file` (`VACUUM INTO`): children may
    /// go on answering while it is made. PostgreSQL is backed up with its own tools.
    pub async fn copy_into(&self, file: &std::path::Path) -> DataResult<()> {
        if self.backend != Backend::Sqlite {
            return Err(DataError::Fault(
                "A PostgreSQL database is backed up with pg_dump.".into(),
            ));
        }
        let path = file
            .to_str()
            .ok_or(DataError::Fault("a backup path Heard can name".into()))?;
        sqlx::query(&format!("VACUUM INTO '{}'", path.replace('\'', "''")))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Runs `write` in the next group commit (see `writer`); returns once it is on disk.
    pub async fn write(&self, write: writer::Write) -> Result<(), sqlx::Error> {
        self.writer.write(write).await
    }

    /// Tells live views that a session (or, with [`SAFEGUARDING`], the concerns) changed. With PostgreSQL the news goes through NOTIFY,
    /// so the views on every app server hear it; with SQLite there is one server.
    pub async fn announce(&self, topic: &str) {
        match self.backend {
            Backend::Postgres => {
                let notified = sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(CHANGES_CHANNEL)
                    .bind(topic)
                    .execute(&self.pool)
                    .await;
                if let Err(error) = notified {
                    // The change is stored; only the live view misses it until its next refresh.
                    tracing::warn!(%error, "could not announce a change");
                }
            }
            Backend::Sqlite => {
                let _ = self.changes.send(topic.to_owned());
            }
        }
    }

    /// Session ids (and [`SAFEGUARDING`]) as they change.
    pub fn changes(&self) -> tokio::sync::broadcast::Receiver<String> {
        self.changes.subscribe()
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// True when answers can be stored now: the group-commit writer is running and the
    /// database answers a trivial query within a second.
    pub async fn is_healthy(&self) -> bool {
        if !self.writer.is_running() {
            return false;
        }
        let probe = sqlx::query("SELECT 1").execute(&self.pool);
        matches!(tokio::time::timeout(HEALTH_TIMEOUT, probe).await, Ok(Ok(_)))
    }

    /// Closes the pool once the writes already handed to the writer are on disk; for a server
    /// that stopped taking requests.
    pub async fn close(&self) {
        self.writer.drain().await;
        self.pool.close().await;
    }
}

/// Passes PostgreSQL notifications of changed sessions to this server's live views, listening
/// again after a dropped connection.
async fn relay_changes(url: String, changes: tokio::sync::broadcast::Sender<String>) {
    loop {
        match sqlx::postgres::PgListener::connect(&url).await {
            Ok(mut listener) => {
                if listener.listen(CHANGES_CHANNEL).await.is_ok() {
                    while let Ok(notification) = listener.recv().await {
                        let _ = changes.send(notification.payload().to_owned());
                    }
                }
            }
            Err(error) => tracing::warn!(%error, "live changes: cannot listen"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

/// Seconds since the Unix epoch: the one time format in the database.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The day a stored time falls on (UTC), for pages that word it in their own language.
pub fn day_of(unix: i64) -> crate::domain::Day {
    let date = time::OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date();
    crate::domain::Day {
        year: date.year(),
        month: date.month() as u8,
        day: date.day(),
    }
}

/// The minute a stored time falls on (UTC), worded where it is shown.
pub fn moment_of(unix: i64) -> crate::domain::Moment {
    let time = time::OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .time();
    crate::domain::Moment {
        day: day_of(unix),
        hour: time.hour(),
        minute: time.minute(),
    }
}

/// Parses a date from an HTML date input (YYYY-MM-DD) as midnight UTC.
pub fn parse_date(input: &str) -> DataResult<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(input.trim(), &format)
        .map(|date| date.midnight().assume_utc().unix_timestamp())
        .map_err(|_| DataError::Invalid(StaffProblem::DateUnreadable))
}

/// A required, trimmed piece of text from a staff form.
pub fn required(field: Field, value: &str) -> DataResult<String> {
    let value = crate::domain::text::clean(value);
    if value.is_empty() {
        Err(DataError::Invalid(StaffProblem::FillIn(field)))
    } else {
        Ok(value)
    }
}

fn get<T>(row: &AnyRow, column: &str) -> DataResult<T>
where
    T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    use sqlx::Row;
    Ok(row.try_get(column)?)
}
