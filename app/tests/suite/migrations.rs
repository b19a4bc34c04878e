//! Upgrading SQLite databases older versions of Heard left: the walking skeleton's (the capture
//! migration rebuilds `prompts` and `contributions`, and every answer, link and decision must
//! come through intact), and a decision history written as English sentences.

use app::data::{contribution, Db};
use app::domain::{Answer, AnswerMode};
use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;

/// Statements that fill a first-version database with one answered, decided and linked turn.
const FIRST_VERSION_DATA: &[&str] = &[
    "INSERT INTO staff_users VALUES ('u1', 'c@heard.example', 'commissioner', 'x', 0)",
    "INSERT INTO strategies VALUES ('s1', 'Strategy', '2025-2028')",
    "INSERT INTO priorities VALUES ('p1', 's1', 1, 'Short breaks', 'why', 'what', 'how')",
    "INSERT INTO forums VALUES ('f1', 'Forum')",
    "INSERT INTO activities VALUES ('a1', 'Activity', 'Intro', 'f1', 0)",
    "INSERT INTO prompts VALUES ('q1', 'a1', 1, 'What would help?', 'Help?', 'text')",
    "INSERT INTO prompts VALUES ('q2', 'a1', 2, 'How do you feel?', 'Feel?', 'emoji_scale')",
    "INSERT INTO sessions VALUES ('se1', 'a1', 'Hall', 'u1', 'ABCDEF', 0, NULL)",
    "INSERT INTO participations VALUES ('t1', 'se1', 'ABCD-EFGH', 0, 10)",
    "INSERT INTO contributions VALUES ('c1', 't1', 'q1', 'text', NULL, 'A quiet room', 'own_words', 1)",
    "INSERT INTO contributions VALUES ('c2', 't1', 'q2', 'emoji_scale', 4, NULL, 'supported', 2)",
    "INSERT INTO decisions VALUES ('d1', 'p1', 'f1', 'Quiet rooms', 'Yes', 'agreed', 100, 'u1', 100)",
    "INSERT INTO decision_links VALUES ('d1', 'c1', 'You asked for quiet', 'u1', 100)",
];

/// A SQLite database as an older Heard left it: migrated only up to, not including, `before`.
/// Returns its directory (to remove afterwards), its URL and a pool on it.
async fn older_database(name: &str, before: &str) -> (std::path::PathBuf, String, AnyPool) {
    sqlx::any::install_default_drivers();
    let dir = std::env::temp_dir().join(format!("heard-{name}-{}", std::process::id()));
    let older = dir.join("migrations");
    std::fs::create_dir_all(&older).unwrap();
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in std::fs::read_dir(manifest.join("../migrations/sqlite")).unwrap() {
        let file = file.unwrap();
        let file_name = file.file_name().into_string().unwrap();
        if file_name.as_str() < before {
            std::fs::copy(file.path(), older.join(&file_name)).unwrap();
        }
    }
    let url = format!("sqlite://{}?mode=rwc", dir.join("heard.db").display());
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .unwrap();
    sqlx::migrate::Migrator::new(older.as_path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    (dir, url, pool)
}

#[tokio::test]
async fn a_walking_skeleton_database_upgrades_with_its_answers_and_links() {
    let (dir, url, pool) = older_database("upgrade", "0002").await;
    for statement in FIRST_VERSION_DATA {
        sqlx::query(statement).execute(&pool).await.unwrap();
    }
    pool.close().await;

    let db = Db::open(&url)
        .await
        .expect("the upgrade runs and every reference still holds");
    let said = contribution::for_session(&db, "se1").await.unwrap();
    assert_eq!(said.len(), 2);
    assert_eq!(said[0].answer, Answer::Text("A quiet room".into()));
    assert_eq!(said[0].trail.influence[0].decision, "Quiet rooms");
    assert_eq!(said[0].trail.influence[0].rationale, "You asked for quiet");
    assert_eq!(said[1].answer, Answer::Scale(4));
    let prompts = app::data::activity::prompts(&db, "a1").await.unwrap();
    assert_eq!(prompts[0].modes, vec![AnswerMode::Text]);
    assert_eq!(prompts[1].scale_points, 5);
    // The loop times were worked out for what was already linked: heard on the day of the
    // decision, linked, not fed back.
    let filter = app::domain::EvidenceFilter::default();
    let funnel = app::data::evidence::funnel(&db, &filter).await.unwrap();
    assert_eq!(
        (funnel.said, funnel.heard, funnel.linked, funnel.fed_back),
        (2, 1, 1, 0)
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// A decision's history written as English sentences, as Heard wrote it before 0019.
const SENTENCE_HISTORY: &[(&str, &str)] = &[
    ("created", "Recorded as agreed: Quiet rooms"),
    ("linked", "Linked a contribution: You asked for quiet"),
    ("status", "Not taken forward: The hall ceiling is too low."),
    ("status", "Done"),
    ("outcome", "Two rooms opened."),
    (
        "published",
        "\"You said, we did\" published: We opened two quiet rooms.",
    ),
    ("status", "Something Heard never wrote"),
];

#[tokio::test]
async fn a_decision_history_of_english_sentences_becomes_structured_events() {
    use app::domain::{DecisionEvent, DecisionStatus};
    let (dir, url, pool) = older_database("history", "0019").await;
    for statement in [
        "INSERT INTO staff_users (id, email, role, password_hash, created_at) \
         VALUES ('u1', 'c@heard.example', 'commissioner', 'x', 0)",
        "INSERT INTO strategies (id, title, period) VALUES ('s1', 'Strategy', '2025-2028')",
        "INSERT INTO priorities (id, strategy_id, position, title, why, what, how) \
         VALUES ('p1', 's1', 1, 'Short breaks', 'why', 'what', 'how')",
        "INSERT INTO forums (id, name) VALUES ('f1', 'Forum')",
    ] {
        sqlx::query(statement).execute(&pool).await.unwrap();
    }
    sqlx::query(
        "INSERT INTO decisions (id, priority_id, forum_id, title, decided, status, decided_on, \
         created_by, created_at) VALUES ('d1', 'p1', 'f1', 'Quiet rooms', 'Yes', 'done', 100, 'u1', 100)",
    )
    .execute(&pool)
    .await
    .unwrap();
    for (seq, (kind, text)) in SENTENCE_HISTORY.iter().enumerate() {
        sqlx::query(
            "INSERT INTO decision_events (id, decision_id, seq, at, staff_id, kind, text) \
             VALUES ($1, 'd1', $2, 100, 'u1', $3, $4)",
        )
        .bind(format!("e{seq}"))
        .bind(seq as i64 + 1)
        .bind(*kind)
        .bind(*text)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;

    let db = Db::open(&url).await.expect("the upgrade runs");
    let events: Vec<DecisionEvent> = app::data::decision::timeline(&db, "d1")
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.event)
        .collect();
    assert_eq!(
        events,
        [
            DecisionEvent::Recorded {
                status: Some(DecisionStatus::Agreed),
                title: "Quiet rooms".into()
            },
            DecisionEvent::Linked {
                rationale: "You asked for quiet".into()
            },
            DecisionEvent::StatusChanged {
                status: DecisionStatus::NotTakenForward,
                reason: Some("The hall ceiling is too low.".into())
            },
            DecisionEvent::StatusChanged {
                status: DecisionStatus::Done,
                reason: None
            },
            DecisionEvent::Outcome {
                text: "Two rooms opened.".into()
            },
            DecisionEvent::Published {
                message: "We opened two quiet rooms.".into()
            },
            // Kept word for word rather than lost.
            DecisionEvent::Outcome {
                text: "Something Heard never wrote".into()
            },
        ]
    );
    let _ = std::fs::remove_dir_all(dir);
}
