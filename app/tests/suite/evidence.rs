//! The evidence figures on a generated data set whose answers the test works out on its own:
//! the funnel, the medians, the mode mix, replies, overdue loops, and what exports leave out.
//! SQLite by default, PostgreSQL with HEARD_TEST_DATABASE_URL.

use crate::common::*;
use app::data::hearing::{self, NewHearing};
use app::data::search::{self, Reader};
use app::data::{
    activity, concern, contribution, coproduction, decision, evaluation, evidence, feedback, loops,
    moderation, now, session, trail, Db,
};
use app::domain::{
    AgeBand, AnswerMode, CommissioningStage, ContributionQuery, DecisionCut, EvidenceFilter,
    LundyStage, MediaConsent, OutcomeLevel, SpaceRecord, SEARCH_PAGE_SIZE,
};

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
    let said = said_in(&db, &opened.id).await;
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
    // Time was moved around the data layer, so the loop times are worked out again.
    loops::refresh_all(&db).await.unwrap();

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
    app::data::moderation::describe(&db, &shared_photo, &facilitator, "A red bike", None)
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
        &evidence::describe(&db, &EvidenceFilter::default())
            .await
            .unwrap(),
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

/// The children's answers of a session that are not "I'd rather not say", oldest first.
async fn said_in(db: &Db, session_id: &str) -> Vec<app::domain::Contribution> {
    contribution::for_session(db, session_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.answer.mode().is_some())
        .collect()
}

#[tokio::test]
async fn evidence_is_cut_by_ambition_stage_and_outcome_level() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    for n in 0..3 {
        child_answers_everything(&db, &opened.join_code, &format!("Idea {n}")).await;
    }
    let said = said_in(&db, &opened.id).await;
    assert_eq!(said.len(), 15);
    let commissioner = commissioner_id(&db).await;
    // 0..4 answered by a plan for the service; 3..6 by a strategic review: 3 is in both.
    let plan = decision::create(&db, decision("More clubs", "2026-01-01"), &commissioner)
        .await
        .unwrap();
    let review = decision::create(
        &db,
        decision::NewDecision {
            stage: CommissioningStage::Review,
            outcome_level: OutcomeLevel::Strategic,
            ..decision("Review transport", "2026-02-01")
        },
        &commissioner,
    )
    .await
    .unwrap();
    for (id, range) in [(&plan, 0..4), (&review, 3..6)] {
        for c in &said[range] {
            decision::link(&db, id, &c.id, "Because you told us", &commissioner)
                .await
                .unwrap();
        }
    }
    let cut = |stage, outcome_level, ambition: &str| EvidenceFilter {
        stage,
        outcome_level,
        ambition_id: ambition.to_owned(),
        ..EvidenceFilter::default()
    };
    let said_in_cut = |filter: EvidenceFilter| {
        let db = db.clone();
        async move { evidence::dashboard(&db, &filter).await.unwrap().funnel }
    };
    let plan_funnel = said_in_cut(cut(Some(CommissioningStage::Plan), None, "")).await;
    assert_eq!((plan_funnel.said, plan_funnel.linked), (4, 4));
    assert_eq!(
        said_in_cut(cut(Some(CommissioningStage::Review), None, ""))
            .await
            .said,
        3
    );
    assert_eq!(
        said_in_cut(cut(None, Some(OutcomeLevel::Strategic), ""))
            .await
            .said,
        3
    );
    assert_eq!(
        said_in_cut(cut(None, Some(OutcomeLevel::Individual), ""))
            .await
            .said,
        0
    );
    assert_eq!(
        said_in_cut(cut(
            Some(CommissioningStage::Plan),
            Some(OutcomeLevel::Strategic),
            ""
        ))
        .await
        .said,
        0
    );
    // The demo activity asks about short breaks, which serves ambitions 2 and 3, not 7.
    assert_eq!(said_in_cut(cut(None, None, "ambition-2")).await.said, 15);
    assert_eq!(said_in_cut(cut(None, None, "ambition-7")).await.said, 0);

    let everything = evidence::dashboard(&db, &EvidenceFilter::default())
        .await
        .unwrap();
    assert_eq!(
        everything.decision_cuts,
        vec![
            DecisionCut {
                stage: CommissioningStage::Plan,
                outcome_level: OutcomeLevel::Service,
                decisions: 1,
                contributions: 4,
            },
            DecisionCut {
                stage: CommissioningStage::Review,
                outcome_level: OutcomeLevel::Strategic,
                decisions: 1,
                contributions: 3,
            },
        ]
    );
    let autumn = EvidenceFilter {
        priority_id: "priority-8".into(),
        from: Some(app::data::parse_date("2026-09-01").unwrap()),
        until: Some(app::data::parse_date("2026-11-30").unwrap() + DAY),
        ..cut(Some(CommissioningStage::Review), None, "ambition-2")
    };
    assert_eq!(
        evidence::describe(&db, &autumn).await.unwrap(),
        "priority \"Develop our short breaks offer\", ambition \"Families and carers feel \
         empowered and supported\", decisions at the Review stage, from 1 September 2026 to \
         30 November 2026"
    );
    let reviews = cut(Some(CommissioningStage::Review), None, "");
    assert_eq!(
        evidence::decision_ids(&db, &reviews).await.unwrap(),
        vec![review.clone()]
    );
    // The report's decisions come in the order asked, each with its history.
    let listed = decision::outcomes(&db, &[review.clone(), plan.clone()])
        .await
        .unwrap();
    assert_eq!(
        listed.iter().map(|d| d.title.as_str()).collect::<Vec<_>>(),
        vec!["Review transport", "More clubs"]
    );
    assert_eq!(listed[0].stage, CommissioningStage::Review);
    let kinds: Vec<&str> = listed[1]
        .timeline
        .iter()
        .map(|e| e.event.stored().0)
        .collect();
    assert_eq!(
        kinds,
        vec!["created", "linked", "linked", "linked", "linked"]
    );
    // A contribution answered by both decisions counts only the one that matches the cut.
    let cuts = evidence::dashboard(&db, &reviews)
        .await
        .unwrap()
        .decision_cuts;
    assert_eq!(cuts.len(), 1);
    assert_eq!(
        (cuts[0].stage, cuts[0].contributions),
        (CommissioningStage::Review, 3)
    );
}

#[tokio::test]
async fn the_coproduction_audit_counts_sessions_children_and_closed_loops() {
    let db = test_db().await;
    let commissioner = commissioner_id(&db).await;
    let autumn = open_demo_session(&db).await;
    session::save_space(
        &db,
        &autumn.id,
        SpaceRecord {
            setting: "School library".into(),
            expected_group: "Year 9".into(),
            invited: "Year 9 form group".into(),
            missing: "Two children on a trip".into(),
            adjustments: vec!["symbols".into(), "read_aloud".into()],
            ..SpaceRecord::default()
        },
    )
    .await
    .unwrap();
    for (n, faces) in [(0, (Some(5), Some(4))), (1, (Some(2), None))] {
        let turn = child_answers_everything(&db, &autumn.join_code, &format!("Idea {n}")).await;
        evaluation::record(&db, &turn, faces.0, faces.1)
            .await
            .unwrap();
    }
    let spring = open_demo_session(&db).await;
    session::save_space(
        &db,
        &spring.id,
        SpaceRecord {
            adjustments: vec!["symbols".into()],
            ..SpaceRecord::default()
        },
    )
    .await
    .unwrap();
    child_answers_everything(&db, &spring.join_code, "Later idea").await;
    set_time(
        &db,
        "UPDATE sessions SET held_on = $1 WHERE id = $2",
        now() - 100 * DAY,
        &spring.id,
    )
    .await;
    // Three of the autumn answers are fed back.
    let id = decision::create(&db, decision("More clubs", "2026-01-01"), &commissioner)
        .await
        .unwrap();
    for c in &said_in(&db, &autumn.id).await[0..3] {
        decision::link(&db, &id, &c.id, "Because you said so", &commissioner)
            .await
            .unwrap();
    }
    decision::publish(&db, &id, &message("More clubs.", "Clubs."), &commissioner)
        .await
        .unwrap();

    let all = coproduction::audit(&db, None, None).await.unwrap();
    assert_eq!(all.period, "all time");
    assert_eq!(all.sessions.len(), 2);
    assert_eq!(
        all.sessions[0].place, "Youth club hall",
        "the earlier session first"
    );
    let (first, second) = (&all.sessions[1], &all.sessions[0]);
    assert_eq!(
        (first.children, first.contributions, first.loops_closed),
        (2, 10, 3)
    );
    assert_eq!(
        (second.children, second.contributions, second.loops_closed),
        (1, 5, 0)
    );
    assert_eq!(first.space.missing, "Two children on a trip");
    assert_eq!(
        (all.children(), all.contributions(), all.loops_closed()),
        (3, 15, 3)
    );
    assert_eq!(all.today.listened, [0, 1, 0, 0, 1]);
    assert_eq!(all.today.could_say, [0, 0, 0, 1, 0]);
    assert_eq!(
        all.adjustments,
        vec![
            ("Symbols and pictures".to_owned(), 2),
            ("Read-aloud".to_owned(), 1)
        ]
    );
    assert!(
        !second.gaps.is_empty(),
        "the spring record lacks its setting"
    );

    let recent = coproduction::audit(&db, Some(now() - 30 * DAY), None)
        .await
        .unwrap();
    assert_eq!(recent.sessions.len(), 1);
    assert_eq!(recent.sessions[0].children, 2);
    assert_eq!(recent.today.listened, [0, 1, 0, 0, 1]);
}

#[tokio::test]
async fn search_filters_by_each_field_and_leaves_out_what_is_held_back() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let facilitator = facilitator_id(&db).await;
    let commissioner = commissioner_id(&db).await;
    // Three children: two give their age band.
    let mut turns = Vec::new();
    for (n, band) in [
        (0, Some(AgeBand::ElevenToFifteen)),
        (1, Some(AgeBand::FiveToTen)),
        (2, None),
    ] {
        let turn = contribution::join(&db, &opened.join_code).await.unwrap();
        contribution::assent(&db, &turn, band).await.unwrap();
        let mut position = 1;
        loop {
            let page = contribution::prompt_page(&db, &turn, position)
                .await
                .unwrap();
            match contribution::submit(&db, answer_for(&page, 3, &format!("Words {n}")), None)
                .await
                .unwrap()
            {
                contribution::AfterAnswer::NextPrompt(next) => position = next,
                contribution::AfterAnswer::Finished => break,
            }
        }
        turns.push(turn);
    }
    // Each child's two written answers, picked by turn (answers in one second have no order).
    let mut texts = Vec::new();
    for turn in &turns {
        let theirs = trail::load(&db, trail::Scope::Participation(turn))
            .await
            .unwrap();
        let written: Vec<String> = theirs
            .iter()
            .filter(|c| c.answer.mode() == Some(AnswerMode::Text))
            .map(|c| c.id.clone())
            .collect();
        assert_eq!(written.len(), 2);
        texts.push(written);
    }
    let travel = activity::themes(&db, "activity-short-breaks")
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.name == "Travel")
        .unwrap();
    for id in &texts[1] {
        moderation::set_themes(&db, id, &[travel.id.clone()])
            .await
            .unwrap();
    }
    // The third child's second answer is hidden by the facilitator; the first child's first
    // answer is heard, the second child's first linked, the third child's first fed back.
    moderation::set_hidden(&db, &texts[2][1], &facilitator, true, "Names a teacher")
        .await
        .unwrap();
    let pack = hearing::create(
        &db,
        &NewHearing {
            forum_id: "forum-send-tc".into(),
            title: "Autumn".into(),
            summary: String::new(),
            held_on: now(),
        },
        &facilitator,
    )
    .await
    .unwrap();
    hearing::add(&db, &pack, &texts[0][0]).await.unwrap();
    hearing::present(&db, &pack).await.unwrap();
    let linked = decision::create(&db, decision("More clubs", "2026-01-01"), &commissioner)
        .await
        .unwrap();
    decision::link(&db, &linked, &texts[1][0], "Because", &commissioner)
        .await
        .unwrap();
    let fed_back = decision::create(&db, decision("Buses", "2026-01-02"), &commissioner)
        .await
        .unwrap();
    decision::link(&db, &fed_back, &texts[2][0], "Because", &commissioner)
        .await
        .unwrap();
    decision::publish(&db, &fed_back, &message("Buses.", "Buses."), &commissioner)
        .await
        .unwrap();

    let find = |query: ContributionQuery| {
        let db = db.clone();
        async move { search::search(&db, &query, Reader::Team).await.unwrap() }
    };
    let everything = find(ContributionQuery::default()).await;
    assert_eq!(everything.1, 14, "all but the hidden answer");

    let text_only = find(ContributionQuery {
        mode: Some(AnswerMode::Text),
        ..Default::default()
    })
    .await;
    assert_eq!(text_only.1, 5);
    assert!(text_only.0.iter().all(|row| row.way == "Text"));
    let themed = find(ContributionQuery {
        theme: "Travel".into(),
        ..Default::default()
    })
    .await;
    assert_eq!(themed.1, 2);
    assert!(themed
        .0
        .iter()
        .all(|row| row.themes == vec!["Travel".to_owned()]));
    let young = find(ContributionQuery {
        age_band: Some(AgeBand::FiveToTen),
        ..Default::default()
    })
    .await;
    assert_eq!(young.1, 5);
    assert!(young
        .0
        .iter()
        .all(|row| row.age_band == Some(AgeBand::FiveToTen)));
    for (stage, expected) in [
        (LundyStage::Heard, 1),
        (LundyStage::Linked, 1),
        (LundyStage::FedBack, 1),
        (LundyStage::Said, 11),
    ] {
        let found = find(ContributionQuery {
            stage: Some(stage),
            ..Default::default()
        })
        .await;
        assert_eq!(found.1, expected, "{stage:?}");
        assert!(found.0.iter().all(|row| row.stage == stage));
    }
    let this_session = find(ContributionQuery {
        session_id: opened.id.clone(),
        ..Default::default()
    })
    .await;
    assert_eq!(this_session.1, 14);
    let other_activity = find(ContributionQuery {
        activity_id: "nope".into(),
        ..Default::default()
    })
    .await;
    assert_eq!(other_activity.1, 0);
    let priority = find(ContributionQuery {
        priority_id: "priority-8".into(),
        ..Default::default()
    })
    .await;
    assert_eq!(priority.1, 14);
    let future = find(ContributionQuery {
        from: Some(now() + DAY),
        ..Default::default()
    })
    .await;
    assert_eq!(future.1, 0);

    // A concern about a child's turn holds the whole turn back.
    concern::raise_by_child(&db, &turns[0], None).await.unwrap();
    assert_eq!(find(ContributionQuery::default()).await.1, 14 - 5);

    // Pages of SEARCH_PAGE_SIZE.
    assert!(everything.0.len() as i64 <= SEARCH_PAGE_SIZE);
    let second_page = find(ContributionQuery {
        page: 2,
        ..Default::default()
    })
    .await;
    assert!(second_page.0.is_empty(), "14 fit on the first page");
}

#[tokio::test]
async fn a_hearing_on_the_day_the_child_spoke_is_no_wait_never_a_negative_one() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    child_answers_everything(&db, &opened.join_code, "A quiet room").await;
    let said = said_in(&db, &opened.id).await;
    // Said at two in the afternoon; the hearing is dated by its day, which began at midnight.
    let day = now() - now().rem_euclid(DAY) - 10 * DAY;
    for c in &said {
        set_time(
            &db,
            "UPDATE contributions SET created_at = $1 WHERE id = $2",
            day + 14 * 3600,
            &c.id,
        )
        .await;
    }
    let pack = hearing::create(
        &db,
        &NewHearing {
            forum_id: "forum-send-tc".into(),
            title: "Same day".into(),
            summary: String::new(),
            held_on: day,
        },
        &facilitator_id(&db).await,
    )
    .await
    .unwrap();
    for c in &said {
        hearing::add(&db, &pack, &c.id).await.unwrap();
    }
    hearing::present(&db, &pack).await.unwrap();
    let dashboard = evidence::dashboard(&db, &EvidenceFilter::default())
        .await
        .unwrap();
    assert_eq!(dashboard.funnel.heard, said.len() as i64);
    assert_eq!(dashboard.median_days_to_heard, Some(0.0));
}
