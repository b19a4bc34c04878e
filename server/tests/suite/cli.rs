//! The server binary's commands, run as an operator would: `migrate` before an upgrade, `admin
//! create` for a deployment's first account, `backup` and `restore`, and no demo facing the
//! internet.

use app::data::{staff, Db};
use app::domain::Role;
use std::process::{Command, Output};

fn heard(data_dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .args(args)
        .env("HEARD_DATA_DIR", data_dir)
        .env_remove("HEARD_SEED_DEMO")
        .env_remove("HEARD_SECURE_COOKIES")
        .env_remove("DATABASE_URL")
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:3123");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the server binary runs")
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

#[tokio::test]
async fn a_new_deployment_migrates_and_invites_its_first_admin_without_any_demo() {
    let data_dir = std::env::temp_dir().join(format!("heard-cli-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&data_dir).unwrap();

    let help = heard(&data_dir, &["--help"], &[]);
    assert!(help.status.success());
    for command in ["serve", "migrate", "backup", "restore", "admin"] {
        assert!(text(&help).contains(command), "{}", text(&help));
    }

    let migrated = heard(&data_dir, &["migrate"], &[]);
    assert!(migrated.status.success(), "{}", text(&migrated));
    assert!(text(&migrated).contains("is migrated"));

    let created = heard(
        &data_dir,
        &["admin", "create", "--email", "First.Admin@Council.example"],
        &[("HEARD_PUBLIC_URL", "https://heard.council.example/")],
    );
    assert!(created.status.success(), "{}", text(&created));
    let out = text(&created);
    let link = out
        .lines()
        .find(|line| line.starts_with("https://heard.council.example/staff/invite/"))
        .unwrap_or_else(|| panic!("no invitation link in {out}"));
    let token = link.rsplit('/').next().unwrap();
    let bad = heard(
        &data_dir,
        &["admin", "create", "--email", "not an email"],
        &[],
    );
    assert!(!bad.status.success());
    assert!(
        text(&bad).contains("Please give an email address"),
        "{}",
        text(&bad)
    );

    let db = Db::open(&format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("heard.db").display()
    ))
    .await
    .unwrap();
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
    let holding = Db::open(&format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("heard.db").display()
    ))
    .await
    .unwrap();
    let backup_dir = data_dir.join("backup");
    let backed_up = heard(
        &data_dir,
        &["backup", "--to", backup_dir.to_str().unwrap()],
        &[],
    );
    assert!(backed_up.status.success(), "{}", text(&backed_up));
    holding.close().await;
    let again = heard(
        &data_dir,
        &["backup", "--to", backup_dir.to_str().unwrap()],
        &[],
    );
    assert!(
        !again.status.success(),
        "a backup never writes over another"
    );
    let elsewhere = data_dir.join("restored");
    let restored = heard(
        &elsewhere,
        &["restore", "--from", backup_dir.to_str().unwrap()],
        &[],
    );
    assert!(restored.status.success(), "{}", text(&restored));
    assert_eq!(
        std::fs::read(elsewhere.join("media").join("photo-1.full")).unwrap(),
        b"a child's photo"
    );
    let copy = Db::open(&format!(
        "sqlite://{}?mode=rwc",
        elsewhere.join("heard.db").display()
    ))
    .await
    .unwrap();
    let admins: Vec<_> = staff::active(&copy).await.unwrap();
    assert_eq!(admins.len(), 1);
    assert_eq!(admins[0].email, "first.admin@council.example");
    copy.close().await;
    let over = heard(
        &elsewhere,
        &["restore", "--from", backup_dir.to_str().unwrap()],
        &[],
    );
    assert!(!over.status.success());
    assert!(
        text(&over).contains("restore never overwrites a database"),
        "{}",
        text(&over)
    );

    let demo_online = heard(
        &data_dir,
        &["migrate"],
        &[("HEARD_SEED_DEMO", "1"), ("HEARD_SECURE_COOKIES", "1")],
    );
    assert!(!demo_online.status.success());
    assert!(text(&demo_online).contains("a demo must not face the internet"));
    let _ = std::fs::remove_dir_all(data_dir);
}
