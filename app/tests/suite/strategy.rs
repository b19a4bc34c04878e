//! Strategies, priorities and ambitions: kept, changed and linked, with refusals a person can
//! act on. SQLite by default, PostgreSQL with HEARD_TEST_DATABASE_URL.

use crate::common::*;
use app::data::{strategy, DataError};
use app::domain::{AmbitionDraft, PriorityDraft, StrategyDraft};
use app::domain::{Choice, Field, StaffProblem};

fn draft(title: &str, ambitions: &[&str]) -> PriorityDraft {
    PriorityDraft::new(
        title,
        "Young people told us transport stops them going out.",
        "Travel training for every young person who wants it.",
        "Commission travel training with the colleges.",
        "Integrated commissioning team",
        "2026-2029",
        ambitions.iter().map(|a| (*a).to_owned()).collect(),
    )
    .unwrap()
}

#[tokio::test]
async fn the_seed_holds_the_eight_priorities_and_the_seven_ambitions() {
    let db = test_db().await;
    let strategies = strategy::strategies(&db).await.unwrap();
    assert_eq!(strategies.len(), 1);
    assert_eq!(strategies[0].priorities.len(), 8);
    assert_eq!(
        strategies[0].priorities[7].title,
        "Develop our short breaks offer"
    );
    let ambitions = strategy::ambitions(&db).await.unwrap();
    assert_eq!(ambitions.len(), 7);
    let short_breaks = strategy::priority(&db, "priority-8").await.unwrap();
    assert_eq!(short_breaks.ambition_ids, vec!["ambition-2", "ambition-3"]);
    assert_eq!(short_breaks.period, "2025-2028");
}

#[tokio::test]
async fn a_strategy_and_its_priorities_can_be_created_and_changed() {
    let db = test_db().await;
    let id = strategy::create_strategy(
        &db,
        &StrategyDraft::new(
            "Preparing for adulthood 2026-2029",
            "2026-2029",
            "Transitions board",
        )
        .unwrap(),
    )
    .await
    .unwrap();
    let again = strategy::create_strategy(
        &db,
        &StrategyDraft::new("Preparing for adulthood 2026-2029", "2026", "").unwrap(),
    )
    .await;
    assert!(
        matches!(
            &again,
            Err(DataError::Invalid(StaffProblem::StrategyExists))
        ),
        "{again:?}"
    );

    let first = strategy::create_priority(&db, &id, &draft("Travel training", &["ambition-7"]))
        .await
        .unwrap();
    let second = strategy::create_priority(&db, &id, &draft("Supported internships", &[]))
        .await
        .unwrap();
    let created = strategy::priority(&db, &first).await.unwrap();
    assert_eq!(created.position, 1);
    assert_eq!(created.ambition_ids, vec!["ambition-7"]);
    assert_eq!(strategy::priority(&db, &second).await.unwrap().position, 2);

    strategy::update_priority(
        &db,
        &first,
        &draft(
            "Travel training and safe transport",
            &["ambition-3", "ambition-7"],
        ),
    )
    .await
    .unwrap();
    let changed = strategy::priority(&db, &first).await.unwrap();
    assert_eq!(changed.title, "Travel training and safe transport");
    assert_eq!(changed.ambition_ids, vec!["ambition-3", "ambition-7"]);

    strategy::update_strategy(
        &db,
        &id,
        &StrategyDraft::new("Preparing for adulthood", "2026-2030", "").unwrap(),
    )
    .await
    .unwrap();
    let listed = strategy::strategies(&db).await.unwrap();
    let kept = listed.iter().find(|s| s.id == id).unwrap();
    assert_eq!(kept.period, "2026-2030");
    assert_eq!(
        kept.priorities
            .iter()
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>(),
        vec![
            "Travel training and safe transport",
            "Supported internships"
        ]
    );
}

#[tokio::test]
async fn a_stale_form_is_refused_and_changes_nothing() {
    let db = test_db().await;
    let unknown_ambition = strategy::update_priority(
        &db,
        "priority-8",
        &draft(
            "Short breaks for everyone",
            &["ambition-2", "no-such-ambition"],
        ),
    )
    .await;
    assert!(
        matches!(
            &unknown_ambition,
            Err(DataError::Invalid(StaffProblem::ChooseFromList(
                Choice::Ambitions
            )))
        ),
        "{unknown_ambition:?}"
    );
    let kept = strategy::priority(&db, "priority-8").await.unwrap();
    assert_eq!(kept.title, "Develop our short breaks offer");
    assert_eq!(kept.ambition_ids, vec!["ambition-2", "ambition-3"]);

    let unknown_strategy = strategy::create_priority(&db, "nope", &draft("X", &[])).await;
    assert!(matches!(unknown_strategy, Err(DataError::Invalid(_))));
    let unknown_priority = strategy::update_priority(&db, "nope", &draft("X", &[])).await;
    assert!(matches!(unknown_priority, Err(DataError::NotFound(_))));
    assert_eq!(strategy::priorities(&db).await.unwrap().len(), 8);
}

#[tokio::test]
async fn an_ambition_is_added_at_the_end_and_can_be_served() {
    let db = test_db().await;
    let id = strategy::create_ambition(
        &db,
        &AmbitionDraft::new(
            "Every child has a say",
            "In every service that is for them.",
        )
        .unwrap(),
    )
    .await
    .unwrap();
    let ambitions = strategy::ambitions(&db).await.unwrap();
    assert_eq!(ambitions.len(), 8);
    assert_eq!(
        (ambitions[7].id.as_str(), ambitions[7].position),
        (id.as_str(), 8)
    );
    let again = strategy::create_ambition(
        &db,
        &AmbitionDraft::new("Every child has a say", "").unwrap(),
    )
    .await;
    assert!(matches!(again, Err(DataError::Invalid(_))), "{again:?}");
    strategy::update_priority(&db, "priority-1", &draft("Inclusion", &[id.as_str()]))
        .await
        .unwrap();
    assert_eq!(
        strategy::priority(&db, "priority-1")
            .await
            .unwrap()
            .ambition_ids,
        vec![id]
    );
}

#[test]
fn drafts_say_what_is_missing() {
    let error = PriorityDraft::new("  ", "w", "w", "h", "", "", Vec::new()).unwrap_err();
    assert_eq!(error, StaffProblem::FillIn(Field::PriorityTitle));
    let error = StrategyDraft::new("Plan", " ", "").unwrap_err();
    assert_eq!(error, StaffProblem::FillIn(Field::PeriodCovered));
    let error = AmbitionDraft::new(" ", "").unwrap_err();
    assert_eq!(error, StaffProblem::FillIn(Field::Ambition));
}
