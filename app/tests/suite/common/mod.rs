//! What the data-layer tests share: a seeded database on SQLite, or on PostgreSQL in its own
//! schema when HEARD_TEST_DATABASE_URL is a postgres:// URL; a media store in a directory, or in
//! object storage under its own prefix when HEARD_TEST_MEDIA_URL is an s3:// URL; and children
//! answering.

use app::data::contribution::{self, AfterAnswer, NewContribution, NewMedia};
use app::data::decision::{NewDecision, NewFeedback};
use app::data::{seed, session, staff, Db};
use app::domain::{
    Answer, AnswerMode, CommissioningStage, Communicated, DecisionStatus, MediaConsent, MediaRef,
    OutcomeLevel,
};
use app::media::{LocalDirStore, MediaStore, ObjectMediaStore};
use std::sync::Arc;

pub async fn test_db() -> Db {
    let db = match std::env::var("HEARD_TEST_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {
            use sqlx::Connection;
            sqlx::any::install_default_drivers();
            let schema = format!("heard_test_{}", uuid::Uuid::new_v4().simple());
            let mut admin = sqlx::AnyConnection::connect(&url)
                .await
                .expect("connect to PostgreSQL");
            sqlx::query(&format!("CREATE SCHEMA {schema}"))
                .execute(&mut admin)
                .await
                .expect("create test schema");
            let separator = if url.contains('?') { '&' } else { '?' };
            Db::open(&format!(
                "{url}{separator}options=-c%20search_path%3D{schema}"
            ))
            .await
            .expect("open PostgreSQL test database")
        }
        _ => {
            let path = std::env::temp_dir().join(format!("heard-test-{}.db", uuid::Uuid::new_v4()));
            Db::open(&format!("sqlite://{}?mode=rwc", path.display()))
                .await
                .expect("open SQLite test database")
        }
    };
    seed::demo(&db).await.expect("seed demo data");
    db
}

/// A store of its own for one test: nothing another test puts or deletes can reach it.
pub fn test_store() -> Arc<dyn MediaStore> {
    let own = uuid::Uuid::new_v4().simple().to_string();
    match std::env::var("HEARD_TEST_MEDIA_URL") {
        Ok(url) if url.starts_with("s3://") => Arc::new(
            ObjectMediaStore::from_url(&format!("{}/{own}", url.trim_end_matches('/')))
                .expect("open the S3 test store"),
        ),
        _ => Arc::new(
            LocalDirStore::new(std::env::temp_dir().join(format!("heard-media-{own}"))).unwrap(),
        ),
    }
}

pub async fn facilitator_id(db: &Db) -> String {
    staff::find_by_email(db, "facilitator@heard.example")
        .await
        .expect("demo facilitator")
        .id
}

pub async fn commissioner_id(db: &Db) -> String {
    staff::find_by_email(db, "commissioner@heard.example")
        .await
        .expect("demo commissioner")
        .id
}

pub async fn open_demo_session(db: &Db) -> app::domain::SessionSummary {
    let facilitator = facilitator_id(db).await;
    session::open(
        db,
        session::NewSession::new("activity-short-breaks", "Youth club hall", &facilitator),
    )
    .await
    .expect("open session")
}

pub fn answer_for(page: &app::domain::PromptPage, scale: i64, text: &str) -> NewContribution {
    let answer = if page.prompt.modes.contains(&AnswerMode::EmojiScale) {
        Answer::Scale(scale)
    } else if page.prompt.modes.contains(&AnswerMode::Choice) {
        Answer::parse_choice(&page.prompt, &[1]).unwrap()
    } else {
        Answer::Text(text.into())
    };
    NewContribution {
        id: page.contribution_id.clone(),
        participation_id: page.participation_id.clone(),
        prompt_id: page.prompt.id.clone(),
        answer,
        communicated: Communicated::OwnWords,
    }
}

/// A child joins with the code and says yes on the assent screen; returns their turn's id.
pub async fn join_and_agree(db: &Db, join_code: &str) -> String {
    let participation = contribution::join(db, join_code)
        .await
        .expect("join with code");
    contribution::assent(db, &participation, None)
        .await
        .expect("assent");
    participation
}

/// A child joins with the code and answers every prompt; returns their turn's id.
pub async fn child_answers_everything(db: &Db, join_code: &str, text: &str) -> String {
    let participation = join_and_agree(db, join_code).await;
    let mut position = 1;
    loop {
        let page = contribution::prompt_page(db, &participation, position)
            .await
            .expect("prompt");
        match contribution::submit(db, answer_for(&page, 4, text), None)
            .await
            .expect("submit")
        {
            AfterAnswer::NextPrompt(next) => position = next,
            AfterAnswer::Finished => return participation,
        }
    }
}

pub fn photo_for(page: &app::domain::PromptPage, consent: MediaConsent) -> NewContribution {
    media_for(page, AnswerMode::Photo, consent)
}

/// A photo, drawing or recording (`mode`) as the answer to `page`.
pub fn media_for(
    page: &app::domain::PromptPage,
    mode: AnswerMode,
    consent: MediaConsent,
) -> NewContribution {
    let media = MediaRef {
        media_id: uuid::Uuid::new_v4().to_string(),
        consent,
    };
    NewContribution {
        id: page.contribution_id.clone(),
        participation_id: page.participation_id.clone(),
        prompt_id: page.prompt.id.clone(),
        answer: match mode {
            AnswerMode::Audio => Answer::Audio(media),
            AnswerMode::Drawing => Answer::Drawing(media),
            _ => Answer::Photo(media),
        },
        communicated: Communicated::OwnWords,
    }
}

/// A child answers the demo activity, sending a photo for its last question; returns the turn
/// and the photo's contribution id.
pub async fn child_sends_a_photo(
    db: &Db,
    join_code: &str,
    consent: MediaConsent,
) -> (String, String) {
    child_sends_media(db, join_code, AnswerMode::Photo, consent).await
}

/// A child answers the demo activity, sending a photo, drawing or recording (`mode`) for the
/// question that takes one; returns the turn and that answer's contribution id.
pub async fn child_sends_media(
    db: &Db,
    join_code: &str,
    mode: AnswerMode,
    consent: MediaConsent,
) -> (String, String) {
    let turn = join_and_agree(db, join_code).await;
    let mut position = 1;
    loop {
        let page = contribution::prompt_page(db, &turn, position)
            .await
            .unwrap();
        let (new, media) = if page.prompt.modes.contains(&mode) {
            let (content_type, width, height) = match mode {
                AnswerMode::Audio => ("audio/webm", 0, 0),
                AnswerMode::Drawing => ("image/png", 800, 600),
                _ => ("image/jpeg", 800, 600),
            };
            let media = NewMedia {
                content_type,
                width,
                height,
                upload_sha256: uuid::Uuid::new_v4().to_string(),
            };
            (media_for(&page, mode, consent), Some(media))
        } else {
            (answer_for(&page, 4, "Fine"), None)
        };
        let id = new.id.clone();
        match contribution::submit(db, new, media).await.unwrap() {
            AfterAnswer::NextPrompt(next) => position = next,
            AfterAnswer::Finished => return (turn, id),
        }
    }
}

/// An agreed decision under the short-breaks priority, made at the demo forum on `decided_on`.
pub fn decision(title: &str, decided_on: &str) -> NewDecision {
    NewDecision {
        priority_id: "priority-8".into(),
        forum_id: "forum-send-tc".into(),
        title: title.into(),
        decided: format!("We decided: {title}."),
        status: DecisionStatus::Agreed,
        decided_on: decided_on.into(),
        stage: CommissioningStage::Plan,
        outcome_level: OutcomeLevel::Service,
        decision_maker: "Head of SEND commissioning".into(),
        reason: String::new(),
    }
}

/// A "you said, we did" message without a picture.
pub fn message(plain_text: &str, easy_read: &str) -> NewFeedback {
    NewFeedback {
        plain_text: plain_text.into(),
        easy_read: easy_read.into(),
        symbol: None,
    }
}

/// The receipt code a child's turn ended with.
pub async fn receipt_code(db: &Db, participation: &str) -> String {
    contribution::finished(db, participation)
        .await
        .unwrap()
        .receipt_code
}
