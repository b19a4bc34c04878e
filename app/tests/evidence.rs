//! The evidence figures on a generated data set whose answers the test works out on its own:
//! the funnel, the medians, the mode mix, replies, overdue loops, and what exports leave out.
//! SQLite by default, PostgreSQL with HEARD_TEST_DATABASE_URL.

mod common;

use app::data::hearing::{self, NewHearing};
use app::data::{concern, contribution, decision, evidence, feedback, now, Db};
use app::domain::{EvidenceFilter, MediaConsent};
use common::*;

const DAY: i64 = 86_400;

async fn set_time(db: &Db, sql: &str, at: i64, id: &str) {
    sqlx::query(sql)
        .bind(at)
        .bind(id)
        .execute(db.pool())
        .await
        .unwrap();
}

fn median(mut values: Vec<i64>) -> Option<f64> {
    values.sort();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2] as f64 / DAY as f64),
        _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0 / DAY as f64),
    }
}

#[tokio::test]
async fn the_funnel_and_medians_match_a_count_made_by_hand() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    for n in 0..6 {
        child_answers_everything(&db, &opened.join_code, &format!("Idea number {n}")).await;
    }
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let said: Vec<_> = said
        .into_iter()
        .filter(|c| c.answer.mode().is_some())
        .collect();
    assert_eq!(said.len(), 30, "six children, five answers each");

    // Each contribution said on its own day, 200 days ago onwards.
    let start = now() - 200 * DAY;
    let mut created = std::collections::HashMap::new();
    for (i, c) in said.iter().enumerate() {
        let at = start + i as i64 * DAY;
        set_time(
            &db,
            "UPDATE contributions SET created_at = $1 WHERE id = $2",
            at,
            &c.id,
        )
        .await;
        created.insert(c.id.clone(), at);
    }

    // Contributions 0..10 go in a pack heard on day 40; 5..15 are linked to a decision made on
    // day 50 and fed back on day 60.
    let facilitator = facilitator_id(&db).await;
    let commissioner = commissioner_id(&db).await;
    let pack = hearing::create(
        &db,
        &NewHearing {
            forum_id: "forum-send-tc".into(),
            title: "Autumn".into(),
            summary: String::new(),
            held_on: start + 40 * DAY,
        },
        &facilitator,
    )
    .await
    .unwrap();
    for c in &said[0..10] {
        hearing::add(&db, &pack, &c.id).await.unwrap();
    }
    hearing::present(&db, &pack).await.unwrap();
    let id = decision::create(&db, decision("More clubs", "2026-01-01"), &commissioner)
        .await
        .unwrap();
    set_time(
        &db,
        "UPDATE decisions SET decided_on = $1 WHERE id = $2",
        start + 50 * DAY,
        &id,
    )
    .await;
    for c in &said[5..15] {
        decision::link(&db, &id, &c.id, "Because you said so", &commissioner)
            .await
            .unwrap();
    }
    decision::publish(
        &db,
        &id,
        &message("More clubs.", "Clubs. Yes."),
        &commissioner,
    )
    .await
    .unwrap();
    set_time(
        &db,
        "UPDATE feedback SET published_at = $1 WHERE decision_id = $2",
        start + 60 * DAY,
        &id,
    )
    .await;

    // Two children say whether we got it right.
    let code = |turn: &str| {
        let db = db.clone();
        let turn = turn.to_owned();
        async move {
            contribution::finished(&db, &turn)
                .await
                .unwrap()
                .receipt_code
        }
    };
    let mut linked_turns = Vec::new();
    for c in &said[5..15] {
        let turn = participation_of(&db, &c.id).await;
        if !linked_turns.contains(&turn) {
            linked_turns.push(turn);
        }
    }
    assert!(linked_turns.len() >= 2);
    feedback::reply(&db, &code(&linked_turns[0]).await, &id, 5)
        .await
        .unwrap();
    feedback::reply(&db, &code(&linked_turns[1]).await, &id, 2)
        .await
        .unwrap();

    // The answer, worked out by hand.
    let heard_at = |i: usize| -> Option<i64> {
        let mut times = Vec::new();
        if i < 10 {
            times.push(start + 40 * DAY);
        }
        if (5..15).contains(&i) {
            times.push(start + 50 * DAY);
        }
        times.into_iter().min()
    };
    let waits_heard: Vec<i64> = (0..30)
        .filter_map(|i| heard_at(i).map(|at| at - created[&said[i].id]))
        .collect();
    let waits_fed_back: Vec<i64> = (5..15)
        .map(|i| start + 60 * DAY - created[&said[i].id])
        .collect();

    let dashboard = evidence::dashboard(&db, &EvidenceFilter::default())
        .await
        .unwrap();
    assert_eq!(dashboard.funnel.said, 30);
    assert_eq!(dashboard.funnel.heard, 15);
    assert_eq!(dashboard.funnel.linked, 10);
    assert_eq!(dashboard.funnel.fed_back, 10);
    assert_eq!(dashboard.median_days_to_heard, median(waits_heard));
    assert_eq!(dashboard.median_days_to_fed_back, median(waits_fed_back));
    assert_eq!(dashboard.replies, [0, 1, 0, 0, 1]);
    let modes: i64 = dashboard.modes.iter().map(|(_, n)| n).sum();
    assert_eq!(modes, 30);
    assert_eq!(
        dashboard
            .modes
            .iter()
            .find(|(m, _)| m == "Emoji scale")
            .map(|(_, n)| *n),
        Some(12)
    );
    assert_eq!(dashboard.sessions, 1);
    assert_eq!(
        dashboard.sessions_with_space, 0,
        "no Space record was filled in"
    );
    // Everything is older than 12 weeks except contributions said after day 116; fed back ones
    // are not overdue.
    let cutoff = now() - 12 * 7 * DAY;
    let overdue = (0..30)
        .filter(|i| !(5..15).contains(i) && created[&said[*i].id] < cutoff)
        .count() as i64;
    assert_eq!(dashboard.overdue_total, overdue);
    assert!(dashboard
        .overdue
        .iter()
        .all(|l| l.owner == "facilitator@heard.example" && l.weeks >= 12));

    // A period: days 0 to 10 only.
    let early = EvidenceFilter {
        from: Some(start),
        until: Some(start + 10 * DAY),
        ..EvidenceFilter::default()
    };
    let dashboard = evidence::dashboard(&db, &early).await.unwrap();
    assert_eq!(dashboard.funnel.said, 10);
    assert_eq!(dashboard.funnel.heard, 10);
    assert_eq!(dashboard.funnel.fed_back, 5);
    // Another priority: nothing.
    let elsewhere = EvidenceFilter {
        priority_id: "priority-1".into(),
        ..EvidenceFilter::default()
    };
    assert_eq!(
        evidence::dashboard(&db, &elsewhere)
            .await
            .unwrap()
            .funnel
            .said,
        0
    );
}

async fn participation_of(db: &Db, contribution_id: &str) -> String {
    use sqlx::Row;
    sqlx::query("SELECT participation_id FROM contributions WHERE id = $1")
        .bind(contribution_id)
        .fetch_one(db.pool())
        .await
        .unwrap()
        .get::<String, _>("participation_id")
}

#[tokio::test]
async fn exports_leave_out_what_is_held_back_unconsented_or_identifying() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let facilitator = facilitator_id(&db).await;
    let (_, shared_photo) =
        child_sends_a_photo(&db, &opened.join_code, MediaConsent::DecisionMakers).await;
    child_sends_a_photo(&db, &opened.join_code, MediaConsent::Team).await;
    child_answers_everything(&db, &opened.join_code, "Something secret").await;
    child_answers_everything(&db, &opened.join_code, "Names Mr Smith").await;
    app::data::moderation::describe(&db, &shared_photo, &facilitator, "A red bike")
        .await
        .unwrap();
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let worried_answer = said
        .iter()
        .find(|c| c.answer.describe() == "Something secret")
        .unwrap();
    concern::raise_by_staff(&db, &worried_answer.id, &facilitator, "Check")
        .await
        .unwrap();
    for named in said
        .iter()
        .filter(|c| c.answer.describe() == "Names Mr Smith")
    {
        app::data::moderation::set_hidden(&db, &named.id, &facilitator, true, "Names a teacher")
            .await
            .unwrap();
    }

    let rows = evidence::export_rows(&db, &EvidenceFilter::default())
        .await
        .unwrap();
    let answers: Vec<&str> = rows.iter().map(|r| r.answer.as_str()).collect();
    assert!(answers.contains(&"Photo described: A red bike"));
    assert!(
        !answers.iter().any(|a| a.contains("Something secret")),
        "held back"
    );
    assert!(!answers.iter().any(|a| a.contains("Mr Smith")), "hidden");
    // Four children answered five questions each. Out go: the team-only photo, the worried
    // child's whole turn (a disclosure may be in any answer), and the two hidden answers.
    assert_eq!(rows.len(), 20 - 1 - 5 - 2);
    assert_eq!(
        rows.iter().filter(|r| r.way == "Photo").count(),
        1,
        "only the photo decision makers may see"
    );
    // Nothing identifying in what is written out.
    let json = serde_json::to_string(&rows).unwrap();
    assert!(!json.contains(&opened.place));
    assert!(!json.contains(&opened.join_code));
    for turn_code in receipt_codes(&db).await {
        assert!(!json.contains(&turn_code));
    }

    evidence::record_export(
        &db,
        &commissioner_id(&db).await,
        "csv",
        &EvidenceFilter::default().describe(),
        rows.len(),
    )
    .await
    .unwrap();
    let recorded = evidence::exports(&db).await.unwrap();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].1, "commissioner@heard.example");
    assert_eq!(recorded[0].2, "csv");
    assert_eq!(recorded[0].4, rows.len() as i64);
}

async fn receipt_codes(db: &Db) -> Vec<String> {
    use sqlx::Row;
    sqlx::query("SELECT receipt_code FROM participations")
        .fetch_all(db.pool())
        .await
        .unwrap()
        .iter()
        .map(|row| row.get::<String, _>("receipt_code"))
        .collect()
}
