//! The server binary's commands, run as an operator would: `migrate` before an upgrade, `admin
//! create` for a deployment's first account, `backup` and `restore`, and no demo facing the
//! internet.

use crate::common::process::{
    child_at_written_question, free_address, open_hall, post_answer, printed, run_command,
    sqlite_in, start_with,
};
use app::data::{staff, Db};
use app::domain::Role;

#[tokio::test]
async fn a_new_deployment_migrates_and_invites_its_first_admin_without_any_demo() {
    let data_dir = std::env::temp_dir().join(format!("heard-cli-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&data_dir).unwrap();

    let help = run_command(&data_dir, &["--help"], &[]);
    assert!(help.status.success());
    for command in ["serve", "migrate", "backup", "restore", "admin"] {
        assert!(printed(&help).contains(command), "{}", printed(&help));
    }

    let migrated = run_command(&data_dir, &["migrate"], &[]);
    assert!(migrated.status.success(), "{}", printed(&migrated));
    assert!(printed(&migrated).contains("is migrated"));

    let created = run_command(
        &data_dir,
        &["admin", "create", "--email", "First.Admin@Council.example"],
        &[("HEARD_PUBLIC_URL", "https://heard.council.example/")],
    );
    assert!(created.status.success(), "{}", printed(&created));
    let out = printed(&created);
    let link = out
        .lines()
        .find(|line| line.starts_with("https://heard.council.example/staff/invite/"))
        .unwrap_or_else(|| panic!("no invitation link in {out}"));
    let token = link.rsplit('/').next().unwrap();
    let bad = run_command(
        &data_dir,
        &["admin", "create", "--email", "not an email"],
        &[],
    );
    assert!(!bad.status.success());
    assert!(
        printed(&bad).contains("Please give an email address"),
        "{}",
        printed(&bad)
    );

    let db = Db::open(&sqlite_in(&data_dir)).await.unwrap();
    assert!(
        staff::active(&db).await.unwrap().is_empty(),
        "no demo accounts, and no account until the invitation is used"
    );
    let admin = staff::accept_invite(&db, token, "a long admin pass phrase")
        .await
        .unwrap();
    assert_eq!(admin.role, Role::Admin);
    assert_eq!(admin.email, "first.admin@council.example");
    assert!(
        staff::accept_invite(&db, token, "a long admin pass phrase")
            .await
            .is_err(),
        "the link works once"
    );
    db.close().await;

    // A backup while the database is in use, then a restore into a new place.
    std::fs::create_dir_all(data_dir.join("media")).unwrap();
    std::fs::write(
        data_dir.join("media").join("photo-1.full"),
        b"a child's photo",
    )
    .unwrap();
    let holding = Db::open(&sqlite_in(&data_dir)).await.unwrap();
    let backup_dir = data_dir.join("backup");
    let backed_up = run_command(
        &data_dir,
        &["backup", "--to", backup_dir.to_str().unwrap()],
        &[],
    );
    assert!(backed_up.status.success(), "{}", printed(&backed_up));
    holding.close().await;
    let again = run_command(
        &data_dir,
        &["backup", "--to", backup_dir.to_str().unwrap()],
        &[],
    );
    assert!(
        !again.status.success(),
        "a backup never writes over another"
    );
    let elsewhere = data_dir.join("restored");
    let restored = run_command(
        &elsewhere,
        &["restore", "--from", backup_dir.to_str().unwrap()],
        &[],
    );
    assert!(restored.status.success(), "{}", printed(&restored));
    assert_eq!(
        std::fs::read(elsewhere.join("media").join("photo-1.full")).unwrap(),
        b"a child's photo"
    );
    let copy = Db::open(&sqlite_in(&elsewhere)).await.unwrap();
    let admins: Vec<_> = staff::active(&copy).await.unwrap();
    assert_eq!(admins.len(), 1);
    assert_eq!(admins[0].email, "first.admin@council.example");
    copy.close().await;
    let over = run_command(
        &elsewhere,
        &["restore", "--from", backup_dir.to_str().unwrap()],
        &[],
    );
    assert!(!over.status.success());
    assert!(
        printed(&over).contains("restore never overwrites a database"),
        "{}",
        printed(&over)
    );

    let demo_online = run_command(
        &data_dir,
        &["migrate"],
        &[("HEARD_SEED_DEMO", "1"), ("HEARD_SECURE_COOKIES", "1")],
    );
    assert!(!demo_online.status.success());
    assert!(printed(&demo_online).contains("a demo must not face the internet"));
    let _ = std::fs::remove_dir_all(data_dir);
}

/// A database of its own on the test PostgreSQL (pg_dump copies whole databases), dropped when
/// dropped.
struct OwnDatabase {
    admin_url: String,
    name: String,
    url: String,
}

impl OwnDatabase {
    async fn create(admin_url: &str) -> OwnDatabase {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let name = format!("heard_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::AnyConnection::connect(admin_url).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .unwrap();
        let mut url = url::Url::parse(admin_url).unwrap();
        url.set_path(&name);
        OwnDatabase {
            admin_url: admin_url.to_owned(),
            name,
            url: url.to_string(),
        }
    }
}

impl Drop for OwnDatabase {
    fn drop(&mut self) {
        let _ = std::process::Command::new("psql")
            .arg(&self.admin_url)
            .args([
                "-qc",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ])
            .output();
    }
}

/// The command a Heard command printed for the operator to run (its line starting with `program`).
fn printed_command(output: &std::process::Output, program: &str) -> String {
    printed(output)
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with(program))
        .unwrap_or_else(|| panic!("no {program} command in {}", printed(output)))
        .to_owned()
}

/// Runs a printed command as an operator would paste it, with `DATABASE_URL` set.
fn paste(command: &str, database_url: &str) {
    let ran = std::process::Command::new("sh")
        .args(["-c", command])
        .env("DATABASE_URL", database_url)
        .output()
        .unwrap();
    assert!(ran.status.success(), "{command}: {}", printed(&ran));
}

#[tokio::test]
async fn on_postgresql_migrate_runs_before_serve_and_the_printed_backup_restores() {
    let Some(admin_url) = std::env::var("HEARD_TEST_DATABASE_URL")
        .ok()
        .filter(|url| url.starts_with("postgres"))
    else {
        return;
    };
    let live = OwnDatabase::create(&admin_url).await;
    let data_dir = std::env::temp_dir().join(format!("heard-cli-{}", uuid::Uuid::new_v4()));
    let database = [("DATABASE_URL", live.url.as_str())];

    // A rolling upgrade: the schema is migrated on its own, then the servers start.
    let migrated = run_command(&data_dir, &["migrate"], &database);
    assert!(migrated.status.success(), "{}", printed(&migrated));
    let db = Db::open(&live.url).await.unwrap();
    let applied = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
            .fetch_one(db.pool())
            .await
            .unwrap()
    };
    let migrations = applied().await;
    let shipped = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../migrations/postgres"
    ))
    .unwrap()
    .count() as i64;
    assert_eq!(migrations, shipped, "migrate applied every migration");
    let address = free_address();
    let server = start_with(address, &database).await;
    assert_eq!(
        applied().await,
        migrations,
        "serve found nothing left to do"
    );

    let opened = open_hall(&db).await;
    let turn = child_at_written_question(&db, &opened.join_code).await;
    let answer = app::data::new_id();
    let reply = post_answer(
        &reqwest::Client::new(),
        &format!("http://{address}"),
        (&turn.0, &turn.1),
        &answer,
    )
    .send()
    .await
    .unwrap();
    assert!(reply.status().is_success(), "{}", reply.status());

    // The backup says what to run for PostgreSQL; run as printed, it is a backup.
    let backup_dir = data_dir.join("backup");
    let backed_up = run_command(
        &data_dir,
        &["backup", "--to", backup_dir.to_str().unwrap()],
        &database,
    );
    assert!(backed_up.status.success(), "{}", printed(&backed_up));
    paste(&printed_command(&backed_up, "pg_dump"), &live.url);
    drop(server);
    db.close().await;

    let fresh = OwnDatabase::create(&admin_url).await;
    let restored = run_command(
        &data_dir,
        &["restore", "--from", backup_dir.to_str().unwrap()],
        &[("DATABASE_URL", fresh.url.as_str())],
    );
    assert!(restored.status.success(), "{}", printed(&restored));
    paste(&printed_command(&restored, "pg_restore"), &fresh.url);
    let copy = Db::open(&fresh.url).await.unwrap();
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contributions WHERE id = $1")
        .bind(&answer)
        .fetch_one(copy.pool())
        .await
        .unwrap();
    assert_eq!(stored, 1, "the answer is in the restored database");
    copy.close().await;
    let _ = std::fs::remove_dir_all(data_dir);
}
