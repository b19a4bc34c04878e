//! Data-layer tests for each step of the thin Lundy chain. They run on SQLite by default and on
//! PostgreSQL when HEARD_TEST_DATABASE_URL is a postgres:// URL (each test in its own schema).

use app::data::contribution::NewMedia;
use app::data::contribution::{self, AfterAnswer, NewContribution};
use app::data::decision::{self, NewDecision};
use app::data::{
    concern, evaluation, media, moderation, now, seed, session, sign_in, staff, strategy, throttle,
    triage, DataError, Db,
};
use app::domain::StaffProblem;
use app::domain::{
    Answer, AnswerError, AnswerMode, Chosen, Communicated, DecisionStatus, Language, MediaConsent,
    ProblemCode, Role, TodaySummary,
};

use crate::common::*;

#[tokio::test]
async fn seeding_twice_gives_the_demo_data_once() {
    let db = test_db().await;
    seed::demo(&db).await.expect("second seed");
    let priorities = strategy::priorities(&db).await.unwrap();
    assert_eq!(priorities.len(), 8);
    assert_eq!(priorities[7].title, "Develop our short breaks offer");
    assert!(priorities
        .iter()
        .all(|p| !p.why.is_empty() && !p.what.is_empty() && !p.how.is_empty()));
    let forums = strategy::forums(&db).await.unwrap();
    assert_eq!(forums.len(), 1);
    assert_eq!(forums[0].name, seed::FORUM);
    let activities = app::data::activity::list(&db).await.unwrap();
    assert_eq!(activities.len(), 1);
    assert_eq!(activities[0].prompts.len(), 5);
    assert_eq!(activities[0].audience, seed::FORUM);
    for (email, role, password) in seed::DEMO_USERS {
        let signed_in = full_sign_in(&db, email, password, now()).await.unwrap();
        assert_eq!(signed_in.member.role, role);
    }
}

/// Password, then the code the demo authenticator shows at `at`: a whole sign-in.
async fn full_sign_in(
    db: &Db,
    email: &str,
    password: &str,
    at: i64,
) -> Result<sign_in::SignedIn, DataError> {
    let (pending, _) = sign_in::with_password(db, email, password, "192.0.2.1").await?;
    let code = sign_in::code_at(seed::DEMO_TOTP_SECRET, email, at)?;
    sign_in::with_code(db, &pending, &code, "192.0.2.1").await
}

#[tokio::test]
async fn staff_sign_in_needs_the_password_then_a_code_and_sign_out_ends_it() {
    let db = test_db().await;
    let address = "192.0.2.1";
    let wrong = sign_in::with_password(
        &db,
        "facilitator@heard.example",
        "not-the-password",
        address,
    )
    .await;
    assert!(matches!(
        wrong,
        Err(DataError::Invalid(StaffProblem::WrongPassword))
    ));
    let unknown = sign_in::with_password(&db, "nobody@heard.example", "whatever", address).await;
    assert!(matches!(unknown, Err(DataError::Invalid(_))));

    let (pending, step) = sign_in::with_password(
        &db,
        " Facilitator@heard.example ",
        "demo-facilitator-password",
        address,
    )
    .await
    .unwrap();
    assert_eq!(step, sign_in::SecondStep::Code);
    // The password alone lets no one in.
    assert_eq!(
        sign_in::member_for_token(&db, &pending).await.unwrap(),
        None
    );
    let bad_code = sign_in::with_code(&db, &pending, "000000", address).await;
    assert!(matches!(
        bad_code,
        Err(DataError::Invalid(StaffProblem::WrongCode))
    ));
    let code =
        sign_in::code_at(seed::DEMO_TOTP_SECRET, "facilitator@heard.example", now()).unwrap();
    let signed_in = sign_in::with_code(&db, &pending, &code, address)
        .await
        .unwrap();
    assert_eq!(signed_in.member.role, Role::Facilitator);
    assert!(signed_in.recovery_codes.is_empty());
    // A new token is made at the second step; the first one is finished with.
    assert_ne!(signed_in.token, pending);
    assert!(sign_in::with_code(&db, &pending, &code, address)
        .await
        .is_err());
    let found = sign_in::member_for_token(&db, &signed_in.token)
        .await
        .unwrap();
    assert_eq!(found, Some(signed_in.member.clone()));
    assert_eq!(
        sign_in::member_for_token(&db, "forged-token")
            .await
            .unwrap(),
        None
    );

    // The same code does not work twice, even in its own 30 seconds.
    let (again, _) = sign_in::with_password(
        &db,
        "facilitator@heard.example",
        "demo-facilitator-password",
        address,
    )
    .await
    .unwrap();
    assert!(sign_in::with_code(&db, &again, &code, address)
        .await
        .is_err());

    sign_in::sign_out(&db, &signed_in.token).await.unwrap();
    assert_eq!(
        sign_in::member_for_token(&db, &signed_in.token)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn an_invited_person_sets_up_their_app_and_gets_recovery_codes_that_work_once() {
    let db = test_db().await;
    let admin = staff::find_by_email(&db, "admin@heard.example")
        .await
        .unwrap();
    let token = staff::invite(
        &db,
        "Lead@Council.example",
        Role::SafeguardingLead,
        &admin.id,
    )
    .await
    .unwrap();
    let common = staff::accept_invite(&db, &token, "password1234").await;
    assert!(matches!(
        common,
        Err(DataError::Invalid(StaffProblem::PasswordCommon))
    ));
    let short = staff::accept_invite(&db, &token, "short").await;
    assert!(matches!(
        short,
        Err(DataError::Invalid(StaffProblem::PasswordTooShort))
    ));
    let member = staff::accept_invite(&db, &token, "kettle lantern orchard")
        .await
        .unwrap();
    assert_eq!(member.role, Role::SafeguardingLead);
    assert!(staff::accept_invite(&db, &token, "kettle lantern orchard")
        .await
        .is_err());

    let (pending, step) = sign_in::with_password(
        &db,
        "lead@council.example",
        "kettle lantern orchard",
        "192.0.2.7",
    )
    .await
    .unwrap();
    let sign_in::SecondStep::Enrol { secret, url } = step else {
        panic!("a first sign-in sets up the app");
    };
    assert!(
        url.starts_with("otpauth://totp/Heard:") && url.contains("secret="),
        "{url}"
    );
    let code = sign_in::code_at(&secret, "lead@council.example", now()).unwrap();
    let signed_in = sign_in::with_code(&db, &pending, &code, "192.0.2.7")
        .await
        .unwrap();
    assert_eq!(signed_in.recovery_codes.len(), 10);

    // The app is lost: a recovery code signs in, once.
    let recovery = signed_in.recovery_codes[3].to_lowercase();
    let (pending, step) = sign_in::with_password(
        &db,
        "lead@council.example",
        "kettle lantern orchard",
        "192.0.2.7",
    )
    .await
    .unwrap();
    assert_eq!(step, sign_in::SecondStep::Code);
    assert!(sign_in::with_code(&db, &pending, &recovery, "192.0.2.7")
        .await
        .is_ok());
    let (pending, _) = sign_in::with_password(
        &db,
        "lead@council.example",
        "kettle lantern orchard",
        "192.0.2.7",
    )
    .await
    .unwrap();
    assert!(sign_in::with_code(&db, &pending, &recovery, "192.0.2.7")
        .await
        .is_err());
}

#[tokio::test]
async fn failed_sign_ins_slow_the_guesser_but_never_lock_the_real_person_out() {
    let db = test_db().await;
    let guesser = "203.0.113.66";
    for _ in 0..throttle::SIGN_IN_ACCOUNT_AT_ADDRESS.allowed {
        let wrong =
            sign_in::with_password(&db, "commissioner@heard.example", "guess", guesser).await;
        assert!(matches!(
            wrong,
            Err(DataError::Invalid(StaffProblem::WrongPassword))
        ));
    }
    // Even the right password is not checked from the guessing address now…
    let throttled = sign_in::with_password(
        &db,
        "commissioner@heard.example",
        "demo-commissioner-password",
        guesser,
    )
    .await;
    assert!(
        matches!(throttled, Err(DataError::Throttled { problem: ProblemCode::SignInTooOften, retry_after_secs })
            if (1..=15 * 60).contains(&retry_after_secs))
    );
    // …but the commissioner, elsewhere, signs in as usual.
    assert!(sign_in::with_password(
        &db,
        "commissioner@heard.example",
        "demo-commissioner-password",
        "198.51.100.4"
    )
    .await
    .is_ok());
}

#[tokio::test]
async fn sign_ins_end_when_idle_at_their_end_and_when_the_account_is_turned_off() {
    let db = test_db().await;
    let idle = full_sign_in(
        &db,
        "facilitator@heard.example",
        "demo-facilitator-password",
        now(),
    )
    .await
    .unwrap();
    let busy = full_sign_in(
        &db,
        "commissioner@heard.example",
        "demo-commissioner-password",
        now(),
    )
    .await
    .unwrap();
    let viewer = full_sign_in(&db, "viewer@heard.example", "demo-viewer-password", now())
        .await
        .unwrap();
    sqlx::query("UPDATE staff_sign_ins SET last_seen_at = $1 WHERE user_id = $2")
        .bind(now() - sign_in::IDLE_SECS - 1)
        .bind(&idle.member.id)
        .execute(db.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE staff_sign_ins SET expires_at = $1 WHERE user_id = $2")
        .bind(now() - 1)
        .bind(&busy.member.id)
        .execute(db.pool())
        .await
        .unwrap();
    assert_eq!(
        sign_in::member_for_token(&db, &idle.token).await.unwrap(),
        None
    );
    assert_eq!(
        sign_in::member_for_token(&db, &busy.token).await.unwrap(),
        None
    );

    assert!(sign_in::member_for_token(&db, &viewer.token)
        .await
        .unwrap()
        .is_some());
    staff::disable(&db, &viewer.member.id).await.unwrap();
    assert_eq!(
        sign_in::member_for_token(&db, &viewer.token).await.unwrap(),
        None
    );
    let off = sign_in::with_password(
        &db,
        "viewer@heard.example",
        "demo-viewer-password",
        "192.0.2.1",
    )
    .await;
    assert!(matches!(
        off,
        Err(DataError::Invalid(StaffProblem::AccountTurnedOff))
    ));

    staff::set_role(&db, &busy.member.id, Role::Viewer)
        .await
        .unwrap();
    let accounts = staff::list(&db).await.unwrap();
    let changed = accounts
        .iter()
        .find(|a| a.member.id == busy.member.id)
        .unwrap();
    assert_eq!(changed.member.role, Role::Viewer);
    assert!(changed.second_factor);
    assert!(
        accounts
            .iter()
            .find(|a| a.member.id == viewer.member.id)
            .unwrap()
            .disabled
    );
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_hashes() {
    let hash = staff::hash_password("correct horse battery staple").unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("correct horse"));
}

#[tokio::test]
async fn a_session_gets_a_join_code_that_works_only_while_open() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    assert_eq!(opened.join_code.len(), 9, "four, a dash, four");
    assert!(opened.open);

    let typed = format!(" {} ", opened.join_code.to_lowercase());
    assert_eq!(session::by_join_code(&db, &typed).await.unwrap(), opened.id);
    let wrong = session::by_join_code(&db, "ZZZZZZ").await;
    assert!(matches!(
        wrong,
        Err(DataError::Coded(ProblemCode::JoinCodeUnknown))
    ));
    let empty = session::by_join_code(&db, "  ").await;
    assert!(matches!(
        empty,
        Err(DataError::Coded(ProblemCode::JoinCodeMissing))
    ));

    let facilitator = facilitator_id(&db).await;
    let nowhere = session::open(
        &db,
        session::NewSession::new("activity-short-breaks", "   ", &facilitator),
    )
    .await;
    assert!(matches!(nowhere, Err(DataError::Invalid(_))));

    session::close(&db, &opened.id).await.unwrap();
    assert!(session::by_join_code(&db, &opened.join_code).await.is_err());
    assert!(!session::find(&db, &opened.id).await.unwrap().open);
}

#[tokio::test]
async fn a_child_answers_each_prompt_and_gets_a_receipt() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = join_and_agree(&db, &opened.join_code).await;

    let first = contribution::prompt_page(&db, &participation, 1)
        .await
        .unwrap();
    assert_eq!(first.total, 5);
    assert_eq!(first.audience, seed::FORUM);
    // The tablet fetches the thank-you page early, to show it if the Wi-Fi drops before the end,
    // but the turn cannot be handed over until every question has been reached.
    let early = contribution::finished(&db, &participation).await.unwrap();
    assert!(contribution::hand_over(&db, &participation).await.is_err());
    let next = contribution::submit(&db, answer_for(&first, 5, ""), None)
        .await
        .unwrap();
    assert_eq!(next, AfterAnswer::NextPrompt(2));

    let second = contribution::prompt_page(&db, &participation, 2)
        .await
        .unwrap();
    assert_ne!(second.contribution_id, first.contribution_id);
    let next = contribution::submit(
        &db,
        answer_for(&second, 0, "Swimming with my friends"),
        None,
    )
    .await;
    assert_eq!(next.unwrap(), AfterAnswer::NextPrompt(3));
    let third = contribution::prompt_page(&db, &participation, 3)
        .await
        .unwrap();
    assert_eq!(third.prompt.scale_points, 3);
    let next = contribution::submit(&db, answer_for(&third, 2, ""), None)
        .await
        .unwrap();
    assert_eq!(next, AfterAnswer::NextPrompt(4));
    let fourth = contribution::prompt_page(&db, &participation, 4)
        .await
        .unwrap();
    assert_eq!(fourth.prompt.modes, vec![AnswerMode::Choice]);
    assert_eq!(fourth.prompt.options.len(), 8);
    let picked = Answer::parse_choice(&fourth.prompt, &[8, 1]).unwrap();
    let mut choice = answer_for(&fourth, 0, "");
    choice.answer = picked;
    let next = contribution::submit(&db, choice, None).await.unwrap();
    assert_eq!(next, AfterAnswer::NextPrompt(5));
    let fifth = contribution::prompt_page(&db, &participation, 5)
        .await
        .unwrap();
    assert_eq!(
        fifth.prompt.modes,
        vec![
            AnswerMode::Photo,
            AnswerMode::Drawing,
            AnswerMode::Audio,
            AnswerMode::Text
        ]
    );
    let last = contribution::submit(&db, answer_for(&fifth, 0, "The park"), None)
        .await
        .unwrap();
    assert_eq!(last, AfterAnswer::Finished);

    let finished = contribution::finished(&db, &participation).await.unwrap();
    assert_eq!(finished.receipt_code.len(), 9);
    assert_eq!(early, finished);
    // The tablet is shared: a finished turn cannot be continued by the next child, and once it
    // is handed over its receipt is no longer shown on the tablet.
    assert!(contribution::prompt_page(&db, &participation, 1)
        .await
        .is_err());
    contribution::hand_over(&db, &participation).await.unwrap();
    let gone = contribution::finished(&db, &participation).await;
    assert!(matches!(
        gone,
        Err(DataError::Coded(ProblemCode::TurnFinished))
    ));
    let receipt = contribution::receipt(&db, &finished.receipt_code)
        .await
        .unwrap();
    assert_eq!(receipt.code, finished.receipt_code);

    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let answers: Vec<Answer> = said.iter().map(|c| c.answer.clone()).collect();
    assert_eq!(
        answers,
        vec![
            Answer::Scale(5),
            Answer::Text("Swimming with my friends".into()),
            Answer::Scale(2),
            Answer::Choice(vec![
                Chosen {
                    position: 1,
                    label: "Swimming".into()
                },
                Chosen {
                    position: 8,
                    label: "A quiet space".into()
                },
            ]),
            Answer::Text("The park".into()),
        ]
    );
    assert_eq!(said[0].trail.space.place, "Youth club hall");
    assert!(said
        .iter()
        .all(|c| c.trail.audience.is_empty() && c.trail.influence.is_empty()));
    assert_eq!(
        session::find(&db, &opened.id)
            .await
            .unwrap()
            .contribution_count,
        5
    );
}

#[tokio::test]
async fn an_answer_is_stored_once_however_often_it_is_sent() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = join_and_agree(&db, &opened.join_code).await;
    let page = contribution::prompt_page(&db, &participation, 1)
        .await
        .unwrap();
    let answer = answer_for(&page, 3, "");

    let first = contribution::submit(&db, answer.clone(), None)
        .await
        .unwrap();
    let retry = contribution::submit(&db, answer.clone(), None)
        .await
        .unwrap();
    assert_eq!(first, retry);

    let mut changed = answer.clone();
    changed.answer = Answer::Scale(1);
    let refused = contribution::submit(&db, changed, None).await;
    assert!(matches!(
        refused,
        Err(DataError::Coded(ProblemCode::AnswerIdReused))
    ));
    assert_eq!(
        contribution::for_session(&db, &opened.id)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn answers_must_fit_their_prompt_and_turn() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = join_and_agree(&db, &opened.join_code).await;
    let page = contribution::prompt_page(&db, &participation, 1)
        .await
        .unwrap();

    let mut wrong_mode = answer_for(&page, 3, "");
    wrong_mode.answer = Answer::Text("hello".into());
    assert!(matches!(
        contribution::submit(&db, wrong_mode, None).await,
        Err(DataError::Coded(ProblemCode::AnswerDoesNotFit))
    ));

    let mut unknown_turn = answer_for(&page, 3, "");
    unknown_turn.participation_id = "not-a-turn".into();
    assert!(matches!(
        contribution::submit(&db, unknown_turn, None).await,
        Err(DataError::Coded(ProblemCode::TurnNotFound))
    ));
    assert!(contribution::for_session(&db, &opened.id)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_decision_links_contributions_and_feedback_reaches_the_receipt() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation =
        child_answers_everything(&db, &opened.join_code, "A quiet room to rest").await;
    let receipt_code = contribution::finished(&db, &participation)
        .await
        .unwrap()
        .receipt_code;
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let quiet_room = said
        .iter()
        .find(|c| c.answer == Answer::Text("A quiet room to rest".into()))
        .unwrap();
    let commissioner = commissioner_id(&db).await;

    let new = |decided_on: &str| NewDecision {
        decided: "Every commissioned short break will have a quiet room.".into(),
        ..decision("Quiet rooms at every short break", decided_on)
    };
    assert!(matches!(
        decision::create(&db, new("next tuesday"), &commissioner).await,
        Err(DataError::Invalid(_))
    ));
    let id = decision::create(&db, new("2026-11-20"), &commissioner)
        .await
        .unwrap();

    let early = decision::publish(&db, &id, &message("We agreed.", "Yes."), &commissioner).await;
    assert!(matches!(
        early,
        Err(DataError::Invalid(StaffProblem::LinkBeforeFeedback))
    ));
    let no_reason = decision::link(&db, &id, &quiet_room.id, "  ", &commissioner).await;
    assert!(matches!(no_reason, Err(DataError::Invalid(_))));
    decision::link(
        &db,
        &id,
        &quiet_room.id,
        "You told us you need somewhere quiet.",
        &commissioner,
    )
    .await
    .unwrap();
    let twice = decision::link(&db, &id, &quiet_room.id, "Again", &commissioner).await;
    assert!(matches!(twice, Err(DataError::Conflict(_))));

    // Decided but not yet fed back: the receipt shows it was heard, not an unpublished decision.
    let receipt = contribution::receipt(&db, &receipt_code.to_lowercase().replace('-', " "))
        .await
        .unwrap();
    let mine = receipt
        .contributions
        .iter()
        .find(|c| c.id == quiet_room.id)
        .unwrap();
    assert_eq!(mine.trail.audience.len(), 1);
    assert_eq!(mine.trail.audience[0].forum, seed::FORUM);
    assert_eq!(
        mine.trail.audience[0].heard_on.to_string(),
        "20 November 2026"
    );
    assert!(mine.trail.influence.is_empty());

    decision::publish(
        &db,
        &id,
        &message("We will add quiet rooms.", "Quiet rooms. Yes!"),
        &commissioner,
    )
    .await
    .unwrap();
    let found = decision::find(&db, &id).await.unwrap();
    assert_eq!(found.links.len(), 1);
    assert_eq!(
        found.feedback.as_ref().unwrap().easy_read,
        "Quiet rooms. Yes!"
    );

    let receipt = contribution::receipt(&db, &receipt_code).await.unwrap();
    assert_eq!(receipt.contributions.len(), 5);
    let mine = receipt
        .contributions
        .iter()
        .find(|c| c.id == quiet_room.id)
        .unwrap();
    let step = &mine.trail.influence[0];
    assert_eq!(step.decision, "Quiet rooms at every short break");
    assert_eq!(step.status, DecisionStatus::Agreed);
    assert_eq!(step.rationale, "You told us you need somewhere quiet.");
    assert_eq!(
        step.feedback.as_ref().unwrap().plain_text,
        "We will add quiet rooms."
    );
    let others = receipt
        .contributions
        .iter()
        .filter(|c| c.id != quiet_room.id);
    assert!(others
        .into_iter()
        .all(|c| c.trail.influence.is_empty() && c.trail.audience.is_empty()));

    let summaries = decision::list(&db, None).await.unwrap();
    assert_eq!(summaries.len(), 1);
    assert!(summaries[0].published);
}

#[tokio::test]
async fn a_wrong_receipt_code_gets_a_clear_message() {
    let db = test_db().await;
    for typed in ["", "ABCD-EFGH", "too short"] {
        let result = contribution::receipt(&db, typed).await;
        assert!(
            matches!(
                result,
                Err(DataError::Coded(ProblemCode::ReceiptCodeUnknown))
            ),
            "{typed:?}"
        );
    }
}

#[tokio::test]
async fn questions_wait_until_the_child_has_agreed() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = contribution::join(&db, &opened.join_code).await.unwrap();

    let welcome = contribution::welcome(&db, &participation).await.unwrap();
    assert_eq!(welcome.audience, seed::FORUM);
    assert_eq!(welcome.activity_title, "What makes a good short break?");
    let early = contribution::prompt_page(&db, &participation, 1).await;
    assert!(matches!(
        early,
        Err(DataError::Coded(ProblemCode::NotStarted))
    ));

    contribution::assent(&db, &participation, None)
        .await
        .unwrap();
    contribution::assent(&db, &participation, None)
        .await
        .unwrap();
    assert!(contribution::prompt_page(&db, &participation, 1)
        .await
        .is_ok());
}

#[tokio::test]
async fn rather_not_say_is_recorded_as_a_choice() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = join_and_agree(&db, &opened.join_code).await;
    let page = contribution::prompt_page(&db, &participation, 1)
        .await
        .unwrap();
    let mut declined = answer_for(&page, 3, "");
    declined.answer = Answer::Declined;
    declined.communicated = Communicated::Supported;
    let next = contribution::submit(&db, declined.clone(), None)
        .await
        .unwrap();
    assert_eq!(next, AfterAnswer::NextPrompt(2));
    assert_eq!(
        contribution::submit(&db, declined, None).await.unwrap(),
        next
    );

    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].answer, Answer::Declined);
    assert_eq!(said[0].trail.voice.mode, None);
    assert_eq!(said[0].communicated, Communicated::Supported);
}

fn stored_photo(sha: &str) -> NewMedia {
    NewMedia {
        content_type: "image/jpeg",
        width: 1600,
        height: 1200,
        upload_sha256: sha.into(),
    }
}

#[tokio::test]
async fn a_photo_is_stored_once_with_its_consent() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = join_and_agree(&db, &opened.join_code).await;

    let first = contribution::prompt_page(&db, &participation, 1)
        .await
        .unwrap();
    let not_offered = contribution::submit(
        &db,
        photo_for(&first, MediaConsent::Team),
        Some(stored_photo("aa")),
    )
    .await;
    assert!(
        matches!(
            not_offered,
            Err(DataError::Coded(ProblemCode::AnswerDoesNotFit))
        ),
        "prompt 1 offers faces only"
    );

    let page = contribution::prompt_page(&db, &participation, 5)
        .await
        .unwrap();
    let photo = photo_for(&page, MediaConsent::DecisionMakers);
    let done = contribution::submit(&db, photo.clone(), Some(stored_photo("aa")))
        .await
        .unwrap();
    assert_eq!(done, AfterAnswer::Finished);

    // The same upload sent again (a new media id is made per request) is the same answer.
    let again = photo_for(&page, MediaConsent::DecisionMakers);
    let earlier = contribution::earlier_result(&db, &again, Some("aa"))
        .await
        .unwrap();
    assert_eq!(earlier, Some(AfterAnswer::Finished));
    let different = contribution::earlier_result(&db, &again, Some("bb")).await;
    assert!(matches!(
        different,
        Err(DataError::Coded(ProblemCode::AnswerIdReused))
    ));

    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    assert_eq!(said.len(), 1);
    let Answer::Photo(picture) = &said[0].answer else {
        panic!("not a photo: {:?}", said[0].answer)
    };
    assert_eq!(picture.consent, MediaConsent::DecisionMakers);
    assert_eq!(said[0].trail.voice.mode, Some(AnswerMode::Photo));
    let record = media::find(&db, &picture.media_id).await.unwrap();
    assert_eq!(record.consent, MediaConsent::DecisionMakers);
    assert_eq!(record.content_type, "image/jpeg");
}

#[test]
fn photos_are_seen_by_the_team_and_by_decision_makers_only_with_consent() {
    for consent in MediaConsent::ALL {
        assert!(Role::Facilitator.can_see_media(consent));
        assert!(Role::Admin.can_see_media(consent));
    }
    assert!(!Role::Commissioner.can_see_media(MediaConsent::Team));
    assert!(Role::Commissioner.can_see_media(MediaConsent::DecisionMakers));
    assert!(Role::Commissioner.can_see_media(MediaConsent::Public));
}

#[tokio::test]
async fn a_childs_worry_reaches_the_session_at_once() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = join_and_agree(&db, &opened.join_code).await;
    assert!(concern::for_session(&db, &opened.id)
        .await
        .unwrap()
        .is_empty());

    let press = "6f1c2b9e-3d4a-4f5b-8c6d-7e8f9a0b1c2d";
    concern::raise_by_child(&db, &participation, Some(press))
        .await
        .unwrap();
    // The tablet resends the same press after the Wi-Fi comes back: still one concern.
    concern::raise_by_child(&db, &participation, Some(press))
        .await
        .unwrap();
    let concerns = concern::for_session(&db, &opened.id).await.unwrap();
    assert_eq!(concerns.len(), 1);
    assert_eq!(concerns[0].source, "child");
    assert!(concerns[0]
        .receipt_code
        .as_deref()
        .is_some_and(|code| code.len() == 9));

    // A second press, and presses without a usable id, are each a concern of their own.
    for request in [
        None,
        Some("not-an-id"),
        Some("0b9c3a52-1e7d-4c60-9f3e-2a4b5c6d7e8f"),
    ] {
        concern::raise_by_child(&db, &participation, request)
            .await
            .unwrap();
    }
    assert_eq!(
        concern::for_session(&db, &opened.id).await.unwrap().len(),
        4
    );

    let nobody = concern::raise_by_child(&db, "not-a-turn", None).await;
    assert!(matches!(
        nobody,
        Err(DataError::Coded(ProblemCode::TurnNotFound))
    ));
}

#[tokio::test]
async fn how_was_today_is_counted_per_session() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let unfinished = join_and_agree(&db, &opened.join_code).await;
    let early = evaluation::record(&db, &unfinished, Some(5), None).await;
    assert!(matches!(
        early,
        Err(DataError::Coded(ProblemCode::QuestionsLeft))
    ));

    let first = child_answers_everything(&db, &opened.join_code, "Music").await;
    let second = child_answers_everything(&db, &opened.join_code, "Football").await;
    let skipped = child_answers_everything(&db, &opened.join_code, "Art").await;
    assert!(matches!(
        evaluation::record(&db, &first, Some(7), None).await,
        Err(DataError::Coded(ProblemCode::Answer(
            AnswerError::NotOnScale
        )))
    ));
    evaluation::record(&db, &first, Some(5), Some(4))
        .await
        .unwrap();
    // A resent form changes nothing.
    evaluation::record(&db, &first, Some(1), Some(1))
        .await
        .unwrap();
    evaluation::record(&db, &second, Some(5), None)
        .await
        .unwrap();
    evaluation::record(&db, &skipped, None, None).await.unwrap();

    let today = evaluation::for_session(&db, &opened.id).await.unwrap();
    let expected = TodaySummary {
        listened: [0, 0, 0, 0, 2],
        could_say: [0, 0, 0, 1, 0],
    };
    assert_eq!(today, expected);
    assert_eq!(today.answers(), 2);
}

#[tokio::test]
async fn a_facilitator_records_how_a_child_communicated_afterwards() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    child_answers_everything(&db, &opened.join_code, "Trains").await;
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let trains = said
        .iter()
        .find(|c| c.answer == Answer::Text("Trains".into()))
        .unwrap();
    assert_eq!(trains.communicated, Communicated::OwnWords);

    moderation::set_communicated(&db, &trains.id, Communicated::Interpreted)
        .await
        .unwrap();
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let trains = said.iter().find(|c| c.id == trains.id).unwrap();
    assert_eq!(trains.trail.voice.communicated, Communicated::Interpreted);

    let nothing =
        moderation::set_communicated(&db, "no-such-answer", Communicated::Supported).await;
    assert!(matches!(nothing, Err(DataError::NotFound(_))));
}

#[tokio::test]
async fn ten_copies_of_one_answer_sent_at_once_are_stored_once() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = join_and_agree(&db, &opened.join_code).await;
    let page = contribution::prompt_page(&db, &participation, 2)
        .await
        .unwrap();
    let copies = (0..10).map(|_| {
        let db = db.clone();
        let answer = answer_for(&page, 0, "Somewhere quiet");
        tokio::spawn(async move { contribution::submit(&db, answer, None).await })
    });
    for copy in copies.collect::<Vec<_>>() {
        assert_eq!(copy.await.unwrap().unwrap(), AfterAnswer::NextPrompt(3));
    }
    assert_eq!(
        contribution::for_session(&db, &opened.id)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn join_codes_cannot_be_guessed_by_trying_them_all() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let guesser = "203.0.113.9";
    for attempt in 0..throttle::JOIN_ADDRESS.allowed {
        let wrong = session::join_limited(
            &db,
            &format!("ZZZZ{attempt:04}"),
            guesser,
            Language::English,
        )
        .await;
        assert!(matches!(
            wrong,
            Err(DataError::Coded(ProblemCode::JoinCodeUnknown))
        ));
    }
    let limited = session::join_limited(&db, &opened.join_code, guesser, Language::English).await;
    assert!(matches!(
        limited,
        Err(DataError::Throttled {
            problem: ProblemCode::JoinTooOften,
            ..
        })
    ));
    // A tablet elsewhere in the hall is not held up.
    assert!(
        session::join_limited(&db, &opened.join_code, "198.51.100.23", Language::English)
            .await
            .is_ok()
    );
    // A code works only while its session is open.
    session::close(&db, &opened.id).await.unwrap();
    assert!(
        session::join_limited(&db, &opened.join_code, "198.51.100.23", Language::English)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn a_concern_reaches_the_queue_holds_back_the_turn_and_keeps_an_unchangeable_chronology() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let worried = child_answers_everything(&db, &opened.join_code, "More clubs after school").await;
    child_answers_everything(&db, &opened.join_code, "More swimming").await;
    let before = contribution::released(&db).await.unwrap().len();

    concern::raise_by_child(&db, &worried, None).await.unwrap();
    let queue = concern::queue(&db).await.unwrap();
    assert_eq!(queue.len(), 1);
    assert!(queue[0].new && !queue[0].cleared);
    assert_eq!(concern::unopened(&db).await.unwrap(), 1);

    // Held back from decision makers: the worried child's whole turn, not the other child's.
    let released = contribution::released(&db).await.unwrap();
    assert_eq!(released.len(), before - 5);
    let held = contribution::for_session(&db, &opened.id)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.answer.describe().contains("More clubs"))
        .unwrap();
    assert!(released.iter().all(|c| c.id != held.id));
    let commissioner = commissioner_id(&db).await;
    let new_decision = NewDecision {
        decided: "Every short break names an adult children can talk to.".into(),
        ..decision("Safe places at every short break", "2026-11-20")
    };
    let decision = decision::create(&db, new_decision, &commissioner)
        .await
        .unwrap();
    let linked = decision::link(&db, &decision, &held.id, "because", &commissioner).await;
    assert!(matches!(
        linked,
        Err(DataError::Invalid(StaffProblem::HeldBack))
    ));

    // The lead opens it (that is recorded), decides, and clears it.
    let lead = staff::find_by_email(&db, "safeguarding@heard.example")
        .await
        .unwrap();
    let case = concern::open(&db, &queue[0].id, &lead.id).await.unwrap();
    assert_eq!(case.contributions.len(), 5);
    assert_eq!(concern::unopened(&db).await.unwrap(), 0);
    concern::record(
        &db,
        &queue[0].id,
        &lead.id,
        concern::Entry::Decision,
        "Referred to children's social care",
    )
    .await
    .unwrap();
    let empty = concern::record(&db, &queue[0].id, &lead.id, concern::Entry::Note, "  ").await;
    assert!(matches!(empty, Err(DataError::Invalid(_))));
    concern::clear(
        &db,
        &queue[0].id,
        &lead.id,
        "Handled by the referral; the words may be heard",
    )
    .await
    .unwrap();
    let kinds: Vec<String> = concern::chronology(&db, &queue[0].id)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.kind)
        .collect();
    assert_eq!(kinds, ["raised", "viewed", "decision", "cleared"]);
    assert_eq!(contribution::released(&db).await.unwrap().len(), before);
    decision::link(&db, &decision, &held.id, "because", &commissioner)
        .await
        .unwrap();

    // The chronology cannot be changed or removed, even by SQL that goes around the app.
    let edit = sqlx::query("UPDATE concern_events SET text = 'nothing happened'")
        .execute(db.pool())
        .await;
    assert!(edit.is_err(), "an entry was changed");
    let delete = sqlx::query("DELETE FROM concern_events")
        .execute(db.pool())
        .await;
    assert!(delete.is_err(), "an entry was deleted");
    assert_eq!(
        concern::chronology(&db, &queue[0].id).await.unwrap().len(),
        4
    );
}

#[tokio::test]
async fn triage_raises_a_flag_with_the_answer_saying_which_kind_and_which_words() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    child_answers_everything(&db, &opened.join_code, "I like the trampoline").await;
    assert!(concern::queue(&db).await.unwrap().is_empty());
    child_answers_everything(&db, &opened.join_code, "my step dad hitz me").await;
    let queue = concern::queue(&db).await.unwrap();
    assert_eq!(
        queue.len(),
        2,
        "one flag per answer that matched (two text prompts)"
    );
    assert!(queue.iter().all(|c| c.source == "triage" && c.new));
    let raised = &concern::chronology(&db, &queue[0].id).await.unwrap()[0];
    assert_eq!(raised.kind, "raised");
    assert!(
        raised.text.contains("physical harm")
            && raised.text.contains("\"hitz me\"")
            && raised.text.contains("version 1"),
        "{}",
        raised.text
    );

    // The lead's own phrases work on top: the lead adds one, and the next version is used from
    // then on.
    let mut phrases = triage::current(&db).await.unwrap().phrases;
    phrases.push((app::domain::Language::English, "trampoline".into()));
    let lead = staff::find_by_email(&db, "safeguarding@heard.example")
        .await
        .unwrap();
    assert_eq!(
        triage::save(&db, &phrases, Some(&lead.id)).await.unwrap(),
        2
    );
    assert!(triage::save(&db, &[], Some(&lead.id)).await.is_err());
    child_answers_everything(&db, &opened.join_code, "I like the trampolines").await;
    let queue = concern::queue(&db).await.unwrap();
    assert_eq!(queue.len(), 4);
    let mut reasons = Vec::new();
    for concern in &queue {
        reasons.push(
            concern::chronology(&db, &concern.id).await.unwrap()[0]
                .text
                .clone(),
        );
    }
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("close to the phrase \"trampoline\"") && r.contains("version 2")),
        "{reasons:?}"
    );
    assert_eq!(triage::current(&db).await.unwrap().version, 2);
}

#[tokio::test]
async fn a_change_in_a_session_is_announced_to_live_views() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let turn = join_and_agree(&db, &opened.join_code).await;
    let mut changes = db.changes();
    // With PostgreSQL the news travels by NOTIFY and its listener connects in the background,
    // and other tests' sessions share the channel: keep raising until this session is heard.
    let heard = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        loop {
            concern::raise_by_child(&db, &turn, None).await.unwrap();
            let wait = std::time::Duration::from_millis(300);
            while let Ok(Ok(changed)) = tokio::time::timeout(wait, changes.recv()).await {
                if changed == opened.id {
                    return changed;
                }
            }
        }
    })
    .await
    .expect("the change was announced");
    assert_eq!(heard, opened.id);
}

#[tokio::test]
async fn a_session_keeps_its_space_record_and_says_what_is_missing() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let empty = session::space(&db, &opened.id).await.unwrap();
    assert_eq!(empty, app::domain::SpaceRecord::default());
    assert!(!empty.gaps(false).is_empty());
    let record = app::domain::SpaceRecord {
        setting: " School library ".into(),
        expected_group: "Year 9 at a special school".into(),
        invited: "The 12 pupils of 9B".into(),
        missing: "Two were on a trip; one chose not to".into(),
        adjustments: vec!["symbols".into(), "quiet_room".into(), "<script>".into()],
        opening: app::domain::CHECKS
            .iter()
            .map(|(c, _)| c.to_string())
            .collect(),
        closing: vec!["safe".into()],
    };
    session::save_space(&db, &opened.id, record.clone())
        .await
        .unwrap();
    let saved = session::space(&db, &opened.id).await.unwrap();
    assert_eq!(saved.setting, "School library");
    assert_eq!(saved.adjustments, ["quiet_room", "symbols"]);
    assert!(saved.gaps(false).is_empty());
    assert_eq!(
        saved.gaps(true).len(),
        1,
        "closing questions are missing once it closes"
    );
    // Saving again replaces it.
    session::save_space(
        &db,
        &opened.id,
        app::domain::SpaceRecord {
            closing: record.opening.clone(),
            ..record
        },
    )
    .await
    .unwrap();
    assert!(session::space(&db, &opened.id)
        .await
        .unwrap()
        .gaps(true)
        .is_empty());
    assert!(
        session::save_space(&db, "no-such-session", app::domain::SpaceRecord::default())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn a_hidden_contribution_is_kept_but_held_back_with_an_audit_trail() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    child_answers_everything(&db, &opened.join_code, "Call me Sam from 9B").await;
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let named = said
        .iter()
        .find(|c| c.answer.describe().contains("Sam"))
        .unwrap();
    let facilitator = facilitator_id(&db).await;
    let no_reason = moderation::set_hidden(&db, &named.id, &facilitator, true, " ").await;
    assert!(matches!(no_reason, Err(DataError::Invalid(_))));
    moderation::set_hidden(&db, &named.id, &facilitator, true, "It names the child")
        .await
        .unwrap();
    assert!(contribution::released(&db)
        .await
        .unwrap()
        .iter()
        .all(|c| c.id != named.id));
    let kept = contribution::for_session(&db, &opened.id).await.unwrap();
    let hidden = kept.iter().find(|c| c.id == named.id).unwrap();
    assert_eq!(
        hidden.answer, named.answer,
        "the child's words are kept as given"
    );
    assert_eq!(hidden.hidden_reason.as_deref(), Some("It names the child"));
    assert!(contribution::is_withheld(&db, &named.id).await.unwrap());

    moderation::set_hidden(
        &db,
        &named.id,
        &facilitator,
        false,
        "Name removed by the child's agreement",
    )
    .await
    .unwrap();
    assert!(!contribution::is_withheld(&db, &named.id).await.unwrap());
    let trail = moderation::moderation_trail(&db, &named.id).await.unwrap();
    let actions: Vec<&str> = trail.iter().map(|(action, _, _)| action.as_str()).collect();
    assert_eq!(actions, ["hidden", "shown"]);
    assert_eq!(trail[0].2, "facilitator@heard.example");
}

#[tokio::test]
async fn an_answer_that_arrives_after_its_turns_last_answer_is_still_stored_once() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = crate::common::join_and_agree(&db, &opened.join_code).await;
    // The tablet shows every question while the turn is open; its answers wait offline.
    let mut pages = Vec::new();
    let mut position = Some(1);
    while let Some(at) = position {
        let page = contribution::prompt_page(&db, &participation, at)
            .await
            .unwrap();
        position = page.plan.iter().map(|p| p.position).find(|p| *p > at);
        pages.push(page);
    }
    assert!(pages.len() >= 2, "the demo activity has several questions");
    let answers: Vec<NewContribution> = pages
        .iter()
        .map(|page| crate::common::answer_for(page, 3, "More quiet rooms"))
        .collect();
    // The last answer arrives first and finishes the turn…
    let last = contribution::submit(&db, answers.last().unwrap().clone(), None).await;
    assert!(matches!(last, Ok(AfterAnswer::Finished)), "{last:?}");
    // …then the queued ones, in the order they were kept.
    for answer in &answers[..answers.len() - 1] {
        let late = contribution::submit(&db, answer.clone(), None).await;
        assert!(matches!(late, Ok(AfterAnswer::Finished)), "{late:?}");
        // Sent again after a lost acknowledgement: the same result, nothing stored twice.
        assert!(contribution::submit(&db, answer.clone(), None)
            .await
            .is_ok());
    }
    let stored = contribution::for_session(&db, &opened.id).await.unwrap();
    assert_eq!(stored.len(), answers.len());

    // A new answer to a question already answered is not a late one: the turn has finished.
    let mut another = answers[0].clone();
    another.id = uuid::Uuid::new_v4().to_string();
    let refused = contribution::submit(&db, another, None).await;
    assert!(matches!(
        refused,
        Err(DataError::Coded(ProblemCode::TurnFinished))
    ));
    assert_eq!(
        contribution::for_session(&db, &opened.id)
            .await
            .unwrap()
            .len(),
        answers.len()
    );
}

#[tokio::test]
async fn control_characters_and_bidi_overrides_are_dropped_not_an_error() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    // PostgreSQL refuses NUL in text: the child's words must still be stored, cleanly.
    child_answers_everything(
        &db,
        &opened.join_code,
        "more\0 swimming\u{202E}please\u{202C}\u{7}",
    )
    .await;
    let stored = contribution::for_session(&db, &opened.id).await.unwrap();
    let words: Vec<String> = stored
        .iter()
        .filter_map(|c| match &c.answer {
            Answer::Text(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(!words.is_empty());
    assert!(
        words.iter().all(|w| w == "more swimmingplease"),
        "{words:?}"
    );
}

#[tokio::test]
async fn a_team_adding_to_one_chronology_at_once_gets_every_entry_numbered_in_turn() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let turn = child_answers_everything(&db, &opened.join_code, "Help").await;
    let said = contribution::receipt(&db, &receipt_code(&db, &turn).await)
        .await
        .unwrap()
        .contributions;
    let lead = staff::find_by_email(&db, "safeguarding@heard.example")
        .await
        .unwrap();
    let raised = concern::raise_by_staff(&db, &said[0].id, &lead.id, "Raised")
        .await
        .unwrap();
    // Twelve writers at the same moment: on PostgreSQL they collide on the next number, and each
    // retry must not be poisoned by the failed statement before it.
    // One of them clears the concern, adding its entry inside a transaction of its own.
    let clearing = {
        let (db, raised, lead) = (db.clone(), raised.clone(), lead.id.clone());
        tokio::spawn(async move { concern::clear(&db, &raised, &lead, "Resolved").await })
    };
    let added = futures_util::future::join_all((0..12).map(|n| {
        let (db, raised, lead) = (db.clone(), raised.clone(), lead.id.clone());
        async move {
            concern::record(
                &db,
                &raised,
                &lead,
                concern::Entry::Note,
                &format!("Note {n}"),
            )
            .await
        }
    }))
    .await;
    assert!(added.iter().all(Result::is_ok), "{added:?}");
    clearing.await.unwrap().unwrap();
    let seqs: Vec<i64> =
        sqlx::query("SELECT seq FROM concern_events WHERE concern_id = $1 ORDER BY seq")
            .bind(&raised)
            .fetch_all(db.pool())
            .await
            .unwrap()
            .iter()
            .map(|row| sqlx::Row::get(row, "seq"))
            .collect();
    assert_eq!(seqs, (1..=14).collect::<Vec<i64>>());
}
