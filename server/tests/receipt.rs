//! The receipt page as the server renders it: a decision linked to two of a child's answers asks
//! "Did we get it right?" once, not once per answer.

mod common;

use app::data::contribution::{self, AfterAnswer, NewContribution};
use app::data::decision::{self, NewDecision, NewFeedback};
use app::data::{session, staff};
use app::domain::{
    Answer, AnswerMode, CommissioningStage, Communicated, DecisionStatus, OutcomeLevel,
};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{body_text, heard};
use tower::ServiceExt;

#[tokio::test]
async fn one_decision_linked_to_two_answers_asks_did_we_get_it_right_once() {
    let heard = heard().await;
    let db = &heard.db;
    let facilitator = staff::find_by_email(db, "facilitator@heard.example")
        .await
        .unwrap();
    let commissioner = staff::find_by_email(db, "commissioner@heard.example")
        .await
        .unwrap();
    let opened = session::open(
        db,
        session::NewSession::new("activity-short-breaks", "Hall", &facilitator.id),
    )
    .await
    .unwrap();
    let turn = contribution::join(db, &opened.join_code).await.unwrap();
    contribution::assent(db, &turn, None).await.unwrap();
    let mut answered = Vec::new();
    let mut position = 1;
    loop {
        let page = contribution::prompt_page(db, &turn, position)
            .await
            .unwrap();
        let answer = if page.prompt.modes.contains(&AnswerMode::EmojiScale) {
            Answer::Scale(4)
        } else if page.prompt.modes.contains(&AnswerMode::Choice) {
            Answer::parse_choice(&page.prompt, &[1]).unwrap()
        } else {
            Answer::Text("More quiet places".into())
        };
        answered.push(page.contribution_id.clone());
        let next = contribution::submit(
            db,
            NewContribution {
                id: page.contribution_id.clone(),
                participation_id: turn.clone(),
                prompt_id: page.prompt.id.clone(),
                answer,
                communicated: Communicated::OwnWords,
            },
            None,
        )
        .await
        .unwrap();
        match next {
            AfterAnswer::NextPrompt(at) => position = at,
            AfterAnswer::Finished => break,
        }
    }
    let decided = decision::create(
        db,
        NewDecision {
            priority_id: "priority-8".into(),
            forum_id: "forum-send-tc".into(),
            title: "Quiet rooms".into(),
            decided: "Every short break gets a quiet room.".into(),
            status: DecisionStatus::Agreed,
            decided_on: "2026-11-20".into(),
            stage: CommissioningStage::Plan,
            outcome_level: OutcomeLevel::Service,
            decision_maker: "Head of SEND commissioning".into(),
            reason: String::new(),
        },
        &commissioner.id,
    )
    .await
    .unwrap();
    for contribution in &answered[..2] {
        decision::link(
            db,
            &decided,
            contribution,
            "You asked for somewhere quiet",
            &commissioner.id,
        )
        .await
        .unwrap();
    }
    decision::publish(
        db,
        &decided,
        &NewFeedback {
            plain_text: "Every short break will have a quiet room.".into(),
            easy_read: "Quiet rooms: yes.".into(),
            symbol: None,
        },
        &commissioner.id,
    )
    .await
    .unwrap();
    let code = contribution::finished(db, &turn)
        .await
        .unwrap()
        .receipt_code;

    let response = heard
        .router
        .clone()
        .oneshot(
            Request::get(format!("/receipt/{code}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let page = body_text(response).await;
    // "What we did" is shown with both answers…
    assert_eq!(page.matches(">What we did<").count(), 2);
    // …and the question is asked with the first only; the second points to it.
    assert_eq!(
        page.matches("Did we get it right?").count(),
        1,
        "asked once"
    );
    assert_eq!(
        page.matches("You can tell us if we got this right above.")
            .count(),
        1
    );
    assert_eq!(
        page.matches(&format!("id=\"decision-{decided}\"")).count(),
        1,
        "one anchor"
    );
}
