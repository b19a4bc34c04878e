//! Throttles under concurrency, on SQLite and on PostgreSQL: tries sent all at once are each
//! counted before anything is checked, so 64 at once get no more checks than 64 one by one.

use crate::common::{open_demo_session, test_db};
use app::data::{seed, session, sign_in, throttle, DataError};
use app::domain::StaffProblem;
use app::domain::{Language, ProblemCode};
use futures_util::future::join_all;

const AT_ONCE: usize = 64;

fn throttled<T>(outcome: &Result<T, DataError>) -> bool {
    matches!(outcome, Err(DataError::Throttled { retry_after_secs, .. }) if *retry_after_secs >= 1)
}

#[tokio::test]
async fn sixty_four_passwords_at_once_get_five_checks() {
    let db = test_db().await;
    let guesses = (0..AT_ONCE).map(|i| {
        sign_in::with_password(
            &db,
            "commissioner@heard.example",
            if i == 0 {
                "demo-commissioner-password"
            } else {
                "guess"
            },
            "203.0.113.64",
        )
    });
    let outcomes = join_all(guesses).await;
    let checked = outcomes.iter().filter(|o| !throttled(o)).count();
    assert_eq!(checked as i64, throttle::SIGN_IN_ACCOUNT_AT_ADDRESS.allowed);
    assert_eq!(
        outcomes.iter().filter(|o| throttled(o)).count(),
        AT_ONCE - checked
    );
}

#[tokio::test]
async fn sixty_four_second_factor_codes_at_once_get_five_checks() {
    let db = test_db().await;
    let email = "facilitator@heard.example";
    // The right password is given back to the budget, so all five checks are left for codes.
    let (pending, _) =
        sign_in::with_password(&db, email, "demo-facilitator-password", "192.0.2.50")
            .await
            .unwrap();
    let right = sign_in::code_at(seed::DEMO_TOTP_SECRET, email, app::data::now()).unwrap();
    let wrong = format!(
        "{:06}",
        (right.parse::<u32>().unwrap() + 500_000) % 1_000_000
    );
    let tries = (0..AT_ONCE).map(|_| sign_in::with_code(&db, &pending, &wrong, "192.0.2.50"));
    let outcomes = join_all(tries).await;
    let checked = outcomes
        .iter()
        .filter(|o| matches!(o, Err(DataError::Invalid(StaffProblem::WrongCode))))
        .count();
    assert_eq!(checked as i64, throttle::SIGN_IN_ACCOUNT_AT_ADDRESS.allowed);
    assert_eq!(
        outcomes.iter().filter(|o| throttled(o)).count(),
        AT_ONCE - checked
    );
}

#[tokio::test]
async fn join_codes_sent_at_once_get_no_more_checks_than_the_limit() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let allowed = throttle::JOIN_ADDRESS.allowed as usize;
    let codes: Vec<String> = (0..allowed + AT_ONCE)
        .map(|i| format!("ZZZZ{i:04}"))
        .collect();
    let guesses = codes
        .iter()
        .map(|code| session::join_limited(&db, code, "203.0.113.65", Language::English));
    let outcomes = join_all(guesses).await;
    let checked = outcomes
        .iter()
        .filter(|o| matches!(o, Err(DataError::Coded(ProblemCode::JoinCodeUnknown))))
        .count();
    assert_eq!(checked, allowed);
    assert_eq!(outcomes.iter().filter(|o| throttled(o)).count(), AT_ONCE);
    // Only this address is held up.
    assert!(
        session::join_limited(&db, &opened.join_code, "198.51.100.1", Language::English)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn a_hall_of_children_mistyping_never_locks_out_its_school() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let school = "198.51.100.30";
    // Thirty children each get the code wrong three times before getting it right.
    for child in 0..30 {
        for slip in 0..3 {
            let wrong = session::join_limited(
                &db,
                &format!("K7PQ{child:02}{slip:02}"),
                school,
                Language::English,
            )
            .await;
            assert!(
                matches!(wrong, Err(DataError::Coded(ProblemCode::JoinCodeUnknown))),
                "{wrong:?}"
            );
        }
        let typed = opened.join_code.to_lowercase().replace('-', " ");
        session::join_limited(&db, &typed, school, Language::English)
            .await
            .unwrap_or_else(|e| panic!("child {child} could not join: {e}"));
    }
}

#[tokio::test]
async fn outsiders_guessing_from_many_addresses_cannot_stop_anyone_else_joining() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    for outsider in 0..25 {
        let address = format!("203.0.113.{outsider}");
        let codes: Vec<String> = (0..throttle::JOIN_ADDRESS.allowed + 5)
            .map(|i| format!("QQQQ{i:04}"))
            .collect();
        let guesses = codes
            .iter()
            .map(|code| session::join_limited(&db, code, &address, Language::English));
        let outcomes = join_all(guesses).await;
        assert!(
            outcomes.iter().any(throttled),
            "{address} was never held up"
        );
    }
    assert!(
        session::join_limited(&db, &opened.join_code, "198.51.100.99", Language::English)
            .await
            .is_ok()
    );
}
