//! Data-layer tests of a child's rights with their receipt: erasure (now, or held by an open
//! concern until the safeguarding lead decides), fewer people seeing a picture, a copy of exactly
//! their own data, and receipt codes that cannot be guessed.
//! SQLite by default, PostgreSQL with HEARD_TEST_DATABASE_URL.

use crate::common::*;
use app::data::hearing::{self, NewHearing};
use app::data::rights::{self, Asker, Which};
use app::data::{
    concern, contribution, decision, evidence, feedback, media, parse_date, session, staff,
    throttle, DataError, Db,
};
use app::domain::{
    Answer, Erased, EvidenceFilter, MediaConsent, ProblemCode, RequestState, RightsKind,
    StaffProblem,
};
use app::media::MediaStore;

/// The media id of a turn's photo, with its two files put in the store.
async fn stored_photo(db: &Db, store: &dyn MediaStore, turn: &str) -> String {
    let receipt = contribution::receipt(db, &receipt_code(db, turn).await)
        .await
        .unwrap();
    let media_id = receipt
        .contributions
        .iter()
        .find_map(|c| c.answer.media())
        .expect("the turn has a photo")
        .media_id
        .clone();
    let (full, thumbnail) = media::keys(&media_id);
    store
        .put(&full, b"the child's photo".to_vec())
        .await
        .unwrap();
    store.put(&thumbnail, b"small".to_vec()).await.unwrap();
    media_id
}

async fn turn(db: &Db, participation: &str) -> rights::Turn {
    rights::turn_of(db, &receipt_code(db, participation).await)
        .await
        .unwrap()
}

async fn counted(db: &Db, session_id: &str) -> i64 {
    session::tally(db, session_id)
        .await
        .unwrap()
        .by_mode
        .iter()
        .map(|(_, n)| n)
        .sum()
}

#[tokio::test]
async fn erasing_takes_the_words_and_the_picture_at_once_and_keeps_the_counts() {
    let db = test_db().await;
    let store = test_store();
    let opened = open_demo_session(&db).await;
    let (participation, photo) =
        child_sends_a_photo(&db, &opened.join_code, MediaConsent::Public).await;
    let other = child_answers_everything(&db, &opened.join_code, "More trips").await;
    let media_id = stored_photo(&db, &*store, &participation).await;
    let before = counted(&db, &opened.id).await;
    let turn = turn(&db, &participation).await;
    let answers = contribution::receipt(&db, &turn.code)
        .await
        .unwrap()
        .contributions
        .len();

    let erased = rights::erase(&db, &*store, &turn, Which::One(&photo), Asker::Child)
        .await
        .unwrap();
    assert_eq!(erased, Erased::Done(1));
    let (full, thumbnail) = media::keys(&media_id);
    assert!(store.get(&full).await.is_err(), "the file is gone");
    assert!(store.get(&thumbnail).await.is_err());
    assert!(matches!(
        media::find(&db, &media_id).await,
        Err(DataError::NotFound(_))
    ));
    let left = contribution::receipt(&db, &turn.code).await.unwrap();
    assert_eq!(left.contributions.len(), answers - 1);
    assert!(left.contributions.iter().all(|c| c.id != photo));
    assert!(contribution::for_session(&db, &opened.id)
        .await
        .unwrap()
        .iter()
        .all(|c| c.id != photo));
    assert_eq!(
        counted(&db, &opened.id).await,
        before,
        "the counts stay true"
    );
    // Erased once is erased: a second request finds nothing.
    assert!(matches!(
        rights::erase(&db, &*store, &turn, Which::One(&photo), Asker::Child).await,
        Err(DataError::Coded(ProblemCode::NotOnReceipt))
    ));
    // Another child's answer is not on this receipt.
    let others = contribution::receipt(&db, &receipt_code(&db, &other).await)
        .await
        .unwrap();
    assert!(matches!(
        rights::erase(
            &db,
            &*store,
            &turn,
            Which::One(&others.contributions[0].id),
            Asker::Child
        )
        .await,
        Err(DataError::Coded(ProblemCode::NotOnReceipt))
    ));

    // The whole turn, by an admin for a carer who phoned.
    let admin = staff::find_by_email(&db, "admin@heard.example")
        .await
        .unwrap();
    let erased = rights::erase(
        &db,
        &*store,
        &turn,
        Which::WholeTurn,
        Asker::Staff(&admin.id),
    )
    .await
    .unwrap();
    assert_eq!(erased, Erased::Done(answers as u64 - 1));
    assert!(contribution::receipt(&db, &turn.code)
        .await
        .unwrap()
        .contributions
        .is_empty());
    assert_eq!(counted(&db, &opened.id).await, before);
    assert_eq!(
        contribution::receipt(&db, &others.code)
            .await
            .unwrap()
            .contributions
            .len(),
        others.contributions.len(),
        "the other child's answers stay"
    );

    let log = rights::log_of_requests(&db).await.unwrap();
    assert_eq!(log.len(), 2);
    assert!(log
        .iter()
        .all(|r| r.kind == RightsKind::Erase && r.state == RequestState::Done));
    assert!(log.iter().any(|r| r.one_answer && r.by_staff.is_none()));
    assert!(log
        .iter()
        .any(|r| !r.one_answer && r.by_staff.as_deref() == Some("admin@heard.example")));
}

#[tokio::test]
async fn an_open_concern_holds_an_erasure_until_the_safeguarding_lead_decides() {
    let db = test_db().await;
    let store = test_store();
    let opened = open_demo_session(&db).await;
    let participation = child_answers_everything(&db, &opened.join_code, "Nobody listens").await;
    let turn = turn(&db, &participation).await;
    let said = contribution::receipt(&db, &turn.code)
        .await
        .unwrap()
        .contributions;
    let facilitator = facilitator_id(&db).await;
    let concern_id = concern::raise_by_staff(&db, &said[0].id, &facilitator, "Check in")
        .await
        .unwrap();

    let asked = rights::erase(&db, &*store, &turn, Which::WholeTurn, Asker::Child)
        .await
        .unwrap();
    assert_eq!(asked, Erased::Held);
    assert_eq!(
        contribution::receipt(&db, &turn.code)
            .await
            .unwrap()
            .contributions
            .len(),
        said.len(),
        "nothing is erased yet"
    );
    let log = rights::log_of_requests(&db).await.unwrap();
    assert_eq!(log[0].state, RequestState::Held);
    assert!(log[0].done_on.is_none());
    let chronology = concern::chronology(&db, &concern_id).await.unwrap();
    assert!(chronology.iter().any(|entry| entry
        .text
        .contains("asked with their receipt to erase the whole turn")));

    let lead = staff::find_by_email(&db, "safeguarding@heard.example")
        .await
        .unwrap();
    assert!(
        rights::decide(&db, &*store, &log[0].id, &lead.id, false, " ")
            .await
            .is_err(),
        "a decision needs its reason"
    );
    rights::decide(
        &db,
        &*store,
        &log[0].id,
        &lead.id,
        false,
        "Police are looking at it",
    )
    .await
    .unwrap();
    assert_eq!(
        contribution::receipt(&db, &turn.code)
            .await
            .unwrap()
            .contributions
            .len(),
        said.len()
    );
    let kept = &rights::log_of_requests(&db).await.unwrap()[0];
    assert_eq!(kept.state, RequestState::Kept);
    assert_eq!(
        kept.decided_by.as_deref(),
        Some("safeguarding@heard.example")
    );
    assert_eq!(
        kept.decision_reason.as_deref(),
        Some("Police are looking at it")
    );
    assert!(
        matches!(
            rights::decide(&db, &*store, &kept.id, &lead.id, true, "Changed my mind").await,
            Err(DataError::Invalid(StaffProblem::RequestNotWaiting))
        ),
        "a decided request is not decided again"
    );

    // Asked again, and this time the lead erases as asked.
    let one = Which::One(&said[1].id);
    assert_eq!(
        rights::erase(&db, &*store, &turn, one, Asker::Child)
            .await
            .unwrap(),
        Erased::Held
    );
    let waiting = rights::log_of_requests(&db).await.unwrap()[0].id.clone();
    rights::decide(
        &db,
        &*store,
        &waiting,
        &lead.id,
        true,
        "Nothing in it we need",
    )
    .await
    .unwrap();
    let left = contribution::receipt(&db, &turn.code)
        .await
        .unwrap()
        .contributions;
    assert_eq!(left.len(), said.len() - 1);
    assert!(left.iter().all(|c| c.id != said[1].id));
    let chronology = concern::chronology(&db, &concern_id).await.unwrap();
    assert!(chronology
        .iter()
        .any(|entry| entry.text == "Erased as the child asked: Nothing in it we need"));
}

#[tokio::test]
async fn fewer_people_see_a_picture_at_once_in_packs_reports_exports_and_on_the_board() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let (participation, photo) =
        child_sends_a_photo(&db, &opened.join_code, MediaConsent::Public).await;
    let turn = turn(&db, &participation).await;
    let media_id = contribution::receipt(&db, &turn.code)
        .await
        .unwrap()
        .contributions
        .iter()
        .find_map(|c| c.answer.media().map(|m| m.media_id.clone()))
        .unwrap();
    // In a presented pack, on the board through published feedback, in the report and export.
    let facilitator = facilitator_id(&db).await;
    let pack = hearing::create(
        &db,
        &NewHearing {
            forum_id: "forum-send-tc".into(),
            title: "Pictures".into(),
            summary: String::new(),
            held_on: parse_date("2026-12-03").unwrap(),
        },
        &facilitator,
    )
    .await
    .unwrap();
    hearing::add(&db, &pack, &photo).await.unwrap();
    hearing::present(&db, &pack).await.unwrap();
    let commissioner = commissioner_id(&db).await;
    let decided = decision::create(&db, decision("A garden", "2026-11-20"), &commissioner)
        .await
        .unwrap();
    decision::link(&db, &decided, &photo, "You showed us", &commissioner)
        .await
        .unwrap();
    decision::publish(
        &db,
        &decided,
        &message("A garden.", "A garden!"),
        &commissioner,
    )
    .await
    .unwrap();
    let everyone = EvidenceFilter::default();
    let on_board = || async { feedback::is_on_board(&db, &media_id).await.unwrap() };
    let in_report = |public: bool| {
        let (db, everyone, media_id) = (db.clone(), everyone.clone(), media_id.clone());
        async move {
            evidence::pictures(&db, &everyone, public, 100)
                .await
                .unwrap()
                .iter()
                .any(|(id, _)| *id == media_id)
        }
    };
    let photos_exported = || async {
        evidence::export_rows(&db, &everyone)
            .await
            .unwrap()
            .iter()
            .filter(|row| row.way == "Photo")
            .count()
    };
    let pack_consent = || async {
        hearing::find(&db, &pack)
            .await
            .unwrap()
            .items
            .iter()
            .find(|c| c.id == photo)
            .and_then(|c| c.answer.media().map(|m| m.consent))
    };
    assert!(on_board().await && in_report(true).await && in_report(false).await);
    assert_eq!(photos_exported().await, 1);

    // Wider is not offered with a receipt.
    rights::limit(
        &db,
        &turn,
        &photo,
        MediaConsent::DecisionMakers,
        Asker::Child,
    )
    .await
    .unwrap();
    assert!(matches!(
        rights::limit(&db, &turn, &photo, MediaConsent::Public, Asker::Child).await,
        Err(DataError::Coded(ProblemCode::OnlyFewerPeople))
    ));
    assert!(!on_board().await, "off the public board at once");
    assert!(!in_report(true).await && in_report(false).await);
    assert_eq!(pack_consent().await, Some(MediaConsent::DecisionMakers));

    rights::limit(&db, &turn, &photo, MediaConsent::Team, Asker::Child)
        .await
        .unwrap();
    assert!(!in_report(false).await, "out of the report");
    assert_eq!(photos_exported().await, 0, "out of the export");
    assert_eq!(
        pack_consent().await,
        Some(MediaConsent::Team),
        "the presented pack keeps the item, and shows a note instead of the picture"
    );
    let record = media::find(&db, &media_id).await.unwrap();
    assert!(!app::domain::Role::Commissioner.can_see_media(record.consent));

    // An answer without a picture, or another child's, cannot be limited with this receipt.
    let words = contribution::receipt(&db, &turn.code)
        .await
        .unwrap()
        .contributions
        .into_iter()
        .find(|c| c.answer.media().is_none())
        .unwrap();
    assert!(matches!(
        rights::limit(&db, &turn, &words.id, MediaConsent::Team, Asker::Child).await,
        Err(DataError::Coded(ProblemCode::NoPictureOrRecording))
    ));
    let log = rights::log_of_requests(&db).await.unwrap();
    assert_eq!(
        log.iter().filter(|r| r.kind == RightsKind::Limit).count(),
        2,
        "each narrowing is logged; refusals are not"
    );
}

#[tokio::test]
async fn a_copy_holds_exactly_the_childs_own_answers_and_files() {
    let db = test_db().await;
    let store = test_store();
    let opened = open_demo_session(&db).await;
    let (participation, photo) =
        child_sends_a_photo(&db, &opened.join_code, MediaConsent::Team).await;
    let (other, _) = child_sends_a_photo(&db, &opened.join_code, MediaConsent::Team).await;
    stored_photo(&db, &*store, &participation).await;
    let other_media = stored_photo(&db, &*store, &other).await;
    store
        .put(
            &media::keys(&other_media).0,
            b"someone else's photo".to_vec(),
        )
        .await
        .unwrap();
    let turn = turn(&db, &participation).await;

    let copy = rights::copy(&db, &turn, Asker::Child).await.unwrap();
    let mine = contribution::receipt(&db, &turn.code).await.unwrap();
    assert_eq!(copy.receipt, mine);
    assert_eq!(
        copy.kept_months,
        app::data::retention::months(&db).await.unwrap()
    );
    let files = rights::files(&db, &*store, &copy).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].contribution_id, photo);
    assert_eq!(files[0].bytes, b"the child's photo");
    assert!(copy.receipt.contributions.iter().all(|c| matches!(
        &c.answer,
        Answer::Photo(_) | Answer::Scale(_) | Answer::Choice(_) | Answer::Text(_)
    )));
    let log = rights::log_of_requests(&db).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].kind, RightsKind::Copy);
}

#[tokio::test]
async fn two_hundred_guessed_receipt_codes_from_one_address_check_only_twenty() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = child_answers_everything(&db, &opened.join_code, "Fine").await;
    let real = receipt_code(&db, &participation).await;
    let guesses: Vec<String> = (0..200).map(|_| app::data::codes::receipt_code()).collect();
    let tries = futures_util::future::join_all(
        guesses
            .iter()
            .map(|code| rights::find_turn(&db, code, "203.0.113.9")),
    )
    .await;
    let checked = tries
        .iter()
        .filter(|result| {
            matches!(
                result,
                Err(DataError::Coded(ProblemCode::ReceiptCodeUnknown))
            )
        })
        .count();
    let throttled = tries
        .iter()
        .filter(|result| matches!(result, Err(DataError::Throttled { .. })))
        .count();
    assert_eq!(checked, throttle::RECEIPT_ADDRESS.allowed as usize);
    assert_eq!(checked + throttled, 200);
    // Even the right code is not checked from there now, so a guesser learns nothing…
    assert!(matches!(
        rights::find_turn(&db, &real, "203.0.113.9").await,
        Err(DataError::Throttled { .. })
    ));
    // …while a child at another address finds theirs, and a right code uses up no tries.
    for _ in 0..30 {
        let found = rights::find_turn(&db, &real, "198.51.100.7").await.unwrap();
        assert_eq!(found.participation_id, participation);
    }
}
