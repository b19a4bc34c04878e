//! Data-layer tests of Audience and Influence: hearing packs and who heard them, a decision's
//! history, "you said, we did" back to the children and their "did we get it right?".
//! SQLite by default, PostgreSQL with HEARD_TEST_DATABASE_URL.

use crate::common::*;
use app::data::hearing::{self, NewHearing};
use app::data::{
    concern, contribution, decision, feedback, moderation, parse_date, session, staff, DataError,
    Db,
};
use app::domain::StaffProblem;
use app::domain::{Answer, DecisionEvent, DecisionStatus, MediaConsent, ProblemCode};

async fn staff_id(db: &Db, email: &str) -> String {
    staff::find_by_email(db, email).await.unwrap().id
}

async fn new_hearing(db: &Db) -> String {
    let facilitator = facilitator_id(db).await;
    let new = NewHearing {
        forum_id: "forum-send-tc".into(),
        title: "Short breaks: what children said".into(),
        summary: "Children want quiet rooms.".into(),
        held_on: parse_date("2026-12-03").unwrap(),
    };
    hearing::create(db, &new, &facilitator).await.unwrap()
}

#[tokio::test]
async fn only_what_decision_makers_may_see_goes_in_a_pack() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let (team_turn, kept_for_team) =
        child_sends_a_photo(&db, &opened.join_code, MediaConsent::Team).await;
    let (shared_turn, shared) =
        child_sends_a_photo(&db, &opened.join_code, MediaConsent::DecisionMakers).await;
    // Each child's written answer: [the team-only child's, the sharing child's].
    let mut words = Vec::new();
    for turn in [&team_turn, &shared_turn] {
        let receipt = contribution::receipt(&db, &receipt_code(&db, turn).await)
            .await
            .unwrap();
        let written = receipt
            .contributions
            .into_iter()
            .find(|c| matches!(c.answer, Answer::Text(_)))
            .unwrap();
        words.push(written.id);
    }
    let facilitator = facilitator_id(&db).await;
    moderation::set_hidden(&db, &words[0], &facilitator, true, "Names a teacher")
        .await
        .unwrap();
    let id = new_hearing(&db).await;

    for refused in [&kept_for_team, &words[0]] {
        assert!(matches!(
            hearing::add(&db, &id, refused).await,
            Err(DataError::Invalid(_))
        ));
    }
    let candidates: Vec<String> = hearing::candidates(&db, &id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert!(candidates.contains(&shared) && candidates.contains(&words[1]));
    assert!(!candidates.contains(&kept_for_team) && !candidates.contains(&words[0]));

    assert!(matches!(
        hearing::present(&db, &id).await,
        Err(DataError::Invalid(StaffProblem::HearingEmpty))
    ));
    hearing::add(&db, &id, &shared).await.unwrap();
    hearing::add(&db, &id, &words[1]).await.unwrap();
    hearing::add(&db, &id, &words[1]).await.unwrap(); // twice is once
    assert_eq!(hearing::find(&db, &id).await.unwrap().items.len(), 2);

    // A concern raised later about the sharing child's words holds their whole turn back from
    // the pack: the photo too.
    let raised = concern::raise_by_staff(&db, &words[1], &facilitator, "Check")
        .await
        .unwrap();
    assert!(hearing::find(&db, &id).await.unwrap().items.is_empty());
    let lead = staff_id(&db, "safeguarding@heard.example").await;
    concern::clear(&db, &raised, &lead, "Spoke with the child")
        .await
        .unwrap();
    assert_eq!(hearing::find(&db, &id).await.unwrap().items.len(), 2);
}

#[tokio::test]
async fn members_acknowledge_a_presented_pack_and_the_trail_shows_who_heard() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let turn = child_answers_everything(&db, &opened.join_code, "Quiet rooms please").await;
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let id = new_hearing(&db).await;
    hearing::add(&db, &id, &said[1].id).await.unwrap();
    let commissioner = staff_id(&db, "commissioner@heard.example").await;
    let lead = staff_id(&db, "safeguarding@heard.example").await;

    // Not before it is presented, and only members.
    assert!(hearing::acknowledge(&db, &id, &commissioner, "")
        .await
        .is_err());
    hearing::present(&db, &id).await.unwrap();
    assert!(matches!(
        hearing::add(&db, &id, &said[0].id).await,
        Err(DataError::Invalid(StaffProblem::HearingPresented))
    ));
    assert!(matches!(
        hearing::acknowledge(&db, &id, &lead, "").await,
        Err(DataError::Invalid(StaffProblem::OnlyForumMembers))
    ));
    assert_eq!(
        hearing::awaiting(&db, &commissioner).await.unwrap().len(),
        1
    );
    hearing::acknowledge(&db, &id, &commissioner, "We will look at quiet rooms.")
        .await
        .unwrap();
    assert!(hearing::awaiting(&db, &commissioner)
        .await
        .unwrap()
        .is_empty());

    let view = hearing::find(&db, &id).await.unwrap();
    assert!(view.summary.presented);
    assert_eq!(view.summary.acknowledged, 1);
    let heard = view
        .members
        .iter()
        .find(|m| m.member == "commissioner@heard.example")
        .unwrap();
    assert_eq!(heard.response, "We will look at quiet rooms.");
    assert!(heard.heard_on.is_some());
    assert!(view
        .members
        .iter()
        .any(|m| m.member == "viewer@heard.example" && m.heard_on.is_none()));

    // The Audience step on the child's trail: the forum, the meeting's date, who heard it.
    let receipt = contribution::receipt(&db, &receipt_code(&db, &turn).await)
        .await
        .unwrap();
    let in_pack = receipt
        .contributions
        .iter()
        .find(|c| c.id == said[1].id)
        .unwrap();
    assert_eq!(in_pack.trail.audience.len(), 1);
    assert_eq!(
        in_pack.trail.audience[0].heard_on.to_string(),
        "3 December 2026"
    );
    assert_eq!(
        in_pack.trail.audience[0].acknowledged_by,
        ["commissioner@heard.example"]
    );
    let not_in_pack = receipt
        .contributions
        .iter()
        .find(|c| c.id == said[0].id)
        .unwrap();
    assert!(not_in_pack.trail.audience.is_empty());
}

#[tokio::test]
async fn a_decision_keeps_its_history_and_children_see_why_not() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let turn = child_answers_everything(&db, &opened.join_code, "A trampoline").await;
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let commissioner = commissioner_id(&db).await;
    let id = decision::create(&db, decision("Trampolines", "2026-11-20"), &commissioner)
        .await
        .unwrap();
    decision::link(
        &db,
        &id,
        &said[1].id,
        "You asked for a trampoline",
        &commissioner,
    )
    .await
    .unwrap();
    decision::publish(
        &db,
        &id,
        &message("We will look into it.", "We will look."),
        &commissioner,
    )
    .await
    .unwrap();

    let no_reason = decision::set_status(
        &db,
        &id,
        DecisionStatus::NotTakenForward,
        " ",
        &commissioner,
    )
    .await;
    assert!(matches!(
        no_reason,
        Err(DataError::Invalid(StaffProblem::WhyNotTakenForward))
    ));
    decision::set_status(
        &db,
        &id,
        DecisionStatus::NotTakenForward,
        "The hall ceiling is too low.",
        &commissioner,
    )
    .await
    .unwrap();
    decision::add_outcome(&db, &id, "We asked two other venues.", &commissioner)
        .await
        .unwrap();
    assert!(decision::add_outcome(&db, &id, "  ", &commissioner)
        .await
        .is_err());

    let found = decision::find(&db, &id).await.unwrap();
    let kinds: Vec<&str> = found.timeline.iter().map(|e| e.event.stored().0).collect();
    assert_eq!(
        kinds,
        ["created", "linked", "published", "status", "outcome"]
    );
    // What happened is kept as data, with only what people wrote in words.
    assert!(matches!(
        &found.timeline[3].event,
        DecisionEvent::StatusChanged { status: DecisionStatus::NotTakenForward, reason: Some(reason) }
            if reason.contains("too low")
    ));
    assert_eq!(
        found.timeline[4].event,
        DecisionEvent::Outcome {
            text: "We asked two other venues.".into()
        }
    );
    assert!(found
        .timeline
        .iter()
        .all(|e| e.by == "commissioner@heard.example"));
    assert_eq!(
        found.reason.as_deref(),
        Some("The hall ceiling is too low.")
    );

    // The child's receipt shows the change and the reason: it still counts as feedback.
    let receipt = contribution::receipt(&db, &receipt_code(&db, &turn).await)
        .await
        .unwrap();
    let step = &receipt
        .contributions
        .iter()
        .find(|c| c.id == said[1].id)
        .unwrap()
        .trail
        .influence[0];
    assert_eq!(step.status, DecisionStatus::NotTakenForward);
    assert_eq!(step.reason.as_deref(), Some("The hall ceiling is too low."));
    assert!(step.feedback.is_some());
}

#[tokio::test]
async fn children_say_whether_we_got_it_right_and_the_next_session_hears_what_we_did() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let (turn, photo) = child_sends_a_photo(&db, &opened.join_code, MediaConsent::Public).await;
    let (other_turn, private_photo) =
        child_sends_a_photo(&db, &opened.join_code, MediaConsent::DecisionMakers).await;
    let commissioner = commissioner_id(&db).await;
    let id = decision::create(
        &db,
        decision("A sensory garden", "2026-11-20"),
        &commissioner,
    )
    .await
    .unwrap();
    for picture in [&photo, &private_photo] {
        decision::link(&db, &id, picture, "You showed us gardens", &commissioner)
            .await
            .unwrap();
    }
    let code = receipt_code(&db, &turn).await;

    // Nothing to reply to before it is published.
    assert!(feedback::reply(&db, &code, &id, 5).await.is_err());
    assert!(feedback::board(&db).await.unwrap().is_empty());
    decision::publish(
        &db,
        &id,
        &message("We are building a garden.", "A garden. Yes!"),
        &commissioner,
    )
    .await
    .unwrap();

    assert!(matches!(
        feedback::reply(&db, &code, &id, 9).await,
        Err(DataError::Coded(ProblemCode::ChooseFace))
    ));
    assert!(feedback::reply(&db, "ZZZZ-ZZZZ", &id, 4).await.is_err());
    feedback::reply(&db, &code.to_lowercase().replace('-', " "), &id, 4)
        .await
        .unwrap();
    feedback::reply(&db, &code, &id, 5).await.unwrap();
    let receipt = contribution::receipt(&db, &code).await.unwrap();
    let replied = receipt
        .contributions
        .iter()
        .flat_map(|c| &c.trail.influence)
        .find(|step| step.decision_id == id)
        .unwrap();
    assert_eq!(
        replied.reply,
        Some(5),
        "the second answer replaces the first"
    );
    let other = contribution::receipt(&db, &receipt_code(&db, &other_turn).await)
        .await
        .unwrap();
    assert!(other
        .contributions
        .iter()
        .flat_map(|c| &c.trail.influence)
        .all(|step| step.reply.is_none()));

    // The public board: the message, and only the picture its child let anyone see.
    let board = feedback::board(&db).await.unwrap();
    assert_eq!(board.len(), 1);
    assert_eq!(board[0].feedback.easy_read, "A garden. Yes!");
    let media_of = |contribution_id: &str| {
        let db = db.clone();
        let contribution_id = contribution_id.to_owned();
        async move {
            contribution::released(&db)
                .await
                .unwrap()
                .into_iter()
                .find(|c| c.id == contribution_id)
                .and_then(|c| c.answer.media().map(|m| m.media_id.clone()))
                .unwrap()
        }
    };
    let public_media = media_of(&photo).await;
    let private_media = media_of(&private_photo).await;
    let shown: Vec<&str> = board[0].pictures.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(shown, [public_media.as_str()]);
    assert!(feedback::is_on_board(&db, &public_media).await.unwrap());
    assert!(!feedback::is_on_board(&db, &private_media).await.unwrap());

    // The next session of the activity starts with what was done.
    let next = session::open(
        &db,
        session::NewSession::new(&opened.activity_id, "Library", &facilitator_id(&db).await),
    )
    .await
    .unwrap();
    let newcomer = contribution::join(&db, &next.join_code).await.unwrap();
    let welcome = contribution::welcome(&db, &newcomer).await.unwrap();
    assert_eq!(welcome.fed_back.len(), 1);
    assert_eq!(
        welcome.fed_back[0].feedback.plain_text,
        "We are building a garden."
    );
}
