//! The receipt page as the server renders it: a decision linked to two of a child's answers asks
//! "Did we get it right?" once, not once per answer.

use crate::common::process::open_hall;
use crate::common::{body_text, heard};
use app::data::contribution::{self, AfterAnswer, NewContribution};
use app::data::decision::{self, NewDecision, NewFeedback};
use app::data::staff;
use app::domain::{
    Answer, AnswerMode, CommissioningStage, Communicated, DecisionStatus, OutcomeLevel,
};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

#[tokio::test]
async fn one_decision_linked_to_two_answers_asks_did_we_get_it_right_once() {
    let heard = heard().await;
    let db = &heard.db;
    let commissioner = staff::find_by_email(db, "commissioner@heard.example")
        .await
        .unwrap();
    let opened = open_hall(db).await;
    let (code, answered) = child_says(db, &opened.join_code, "More quiet places").await;
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

/// A child answers every question (a face, the first option, or `words`) and finishes; returns
/// the receipt code and the answers' ids in order.
async fn child_says(db: &app::data::Db, join_code: &str, words: &str) -> (String, Vec<String>) {
    let turn = contribution::join(db, join_code).await.unwrap();
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
            Answer::Text(words.into())
        };
        answered.push(page.contribution_id.clone());
        let new = NewContribution {
            id: page.contribution_id.clone(),
            participation_id: turn.clone(),
            prompt_id: page.prompt.id.clone(),
            answer,
            communicated: Communicated::OwnWords,
        };
        match contribution::submit(db, new, None).await.unwrap() {
            AfterAnswer::NextPrompt(at) => position = at,
            AfterAnswer::Finished => break,
        }
    }
    let code = contribution::finished(db, &turn)
        .await
        .unwrap()
        .receipt_code;
    (code, answered)
}

/// The names and contents of a ZIP's files.
async fn unzip(response: axum::response::Response) -> Vec<(String, Vec<u8>)> {
    use http_body_util::BodyExt;
    use std::io::Read;
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut contents = Vec::new();
            file.read_to_end(&mut contents).unwrap();
            (file.name().to_owned(), contents)
        })
        .collect()
}

#[tokio::test]
async fn the_download_holds_the_childs_own_answers_and_nobody_elses() {
    let heard = heard().await;
    let db = &heard.db;
    let opened = open_hall(db).await;
    let (mine, _) = child_says(db, &opened.join_code, "A trampoline please").await;
    child_says(db, &opened.join_code, "Someone else's secret words").await;

    let response = crate::common::get_as(&heard, &format!("/receipt/{mine}/copy.zip"), None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let files = unzip(response).await;
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["what-i-said.json"]);
    let json: serde_json::Value = serde_json::from_slice(&files[0].1).unwrap();
    assert_eq!(json["receipt"], mine.as_str());
    let text = json.to_string();
    assert!(text.contains("A trampoline please"));
    assert!(!text.contains("Someone else"));
    assert!(!text.contains(&opened.join_code));

    // A wrong code says so; staff download only as an admin.
    let wrong = crate::common::get_as(&heard, "/receipt/ZZZZ-ZZZZ/copy.zip", None).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(wrong)
        .await
        .contains("could not find that receipt code"));
    let staff_path = format!("/staff/rights/{mine}/copy.zip");
    assert_eq!(
        crate::common::get_as(&heard, &staff_path, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let facilitator =
        crate::common::token_for(db, "facilitator@heard.example", "demo-facilitator-password")
            .await;
    assert_eq!(
        crate::common::get_as(&heard, &staff_path, Some(&facilitator))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let admin = crate::common::token_for(db, "admin@heard.example", "demo-admin-password").await;
    let by_admin = crate::common::get_as(&heard, &staff_path, Some(&admin)).await;
    assert_eq!(by_admin.status(), StatusCode::OK);
    assert_eq!(unzip(by_admin).await.len(), 1);
    let log = app::data::rights::log_of_requests(db).await.unwrap();
    assert_eq!(log.len(), 2, "both copies are logged");
    assert!(log
        .iter()
        .any(|r| r.by_staff.as_deref() == Some("admin@heard.example")));
}
