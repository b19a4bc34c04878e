//! Who may call what. The allow/deny table for every server function and plain route lives
//! here, in one place; each entry is called as every staff role and as nobody, through the real
//! router. Server functions are listed from the registry, so a new one without an entry fails.

use crate::common::{heard, token_for, Heard};
use app::data::{contribution, seed, session, staff};
use app::domain::Role;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use std::collections::BTreeSet;
use tower::ServiceExt;

/// Who a server function lets through.
#[derive(Clone, Copy)]
enum Gate {
    /// Anyone, signed in or not (joining, the receipt page, signing in).
    Anyone,
    /// Whoever holds the child's turn id: an unguessable capability. A made-up id gets nothing.
    Turn,
    /// Only someone half-way through signing in (the pending cookie).
    SecondStep,
    /// Signed-in staff whose role passes.
    Staff(fn(Role) -> bool),
}

/// The table. `{turn}` in a body is replaced by a real child's turn id (or a made-up one).
const SERVER_FNS: &[(&str, Gate, &str)] = &[
    ("join_session", Gate::Anyone, "code=NOPE22"),
    ("open_receipt", Gate::Anyone, "code=NOPE-NOPE"),
    ("load_receipt", Gate::Anyone, "code=NOPE-NOPE"),
    (
        "change_display",
        Gate::Anyone,
        "large=true&contrast=false&back=%2F",
    ),
    (
        "change_language",
        Gate::Anyone,
        "language=ur&participation={turn}&back=%2F",
    ),
    ("who_am_i", Gate::Anyone, ""),
    ("load_board", Gate::Anyone, ""),
    (
        "reply_to_feedback",
        Gate::Anyone,
        "code=NOPE-NOPE&decision=nope&scale=3",
    ),
    ("kept_months", Gate::Anyone, ""),
    ("load_copy", Gate::Anyone, "code=NOPE-NOPE"),
    (
        "erase_from_receipt",
        Gate::Anyone,
        "code=NOPE-NOPE&answer=all",
    ),
    (
        "limit_from_receipt",
        Gate::Anyone,
        "code=NOPE-NOPE&contribution=nope&consent=team",
    ),
    (
        "sign_in",
        Gate::Anyone,
        "email=nobody%40heard.example&password=wrong",
    ),
    (
        "accept_invite",
        Gate::Anyone,
        "token=made-up&password=teapot+meadow+lantern",
    ),
    ("load_welcome", Gate::Turn, "participation={turn}"),
    ("agree", Gate::Turn, "participation={turn}"),
    ("load_prompt", Gate::Turn, "participation={turn}&position=1"),
    (
        "submit_answer",
        Gate::Turn,
        "participation={turn}&prompt=p&contribution=c&declined=true",
    ),
    ("raise_worry", Gate::Turn, "participation={turn}&back=1"),
    ("record_today", Gate::Turn, "participation={turn}"),
    ("finished_turn", Gate::Turn, "participation={turn}"),
    ("next_person", Gate::Turn, "participation={turn}"),
    ("load_second_factor", Gate::SecondStep, ""),
    ("sign_in_code", Gate::SecondStep, "code=123456"),
    ("staff_home", Gate::Staff(Role::is_staff), ""),
    ("activities", Gate::Staff(Role::can_facilitate), ""),
    ("sessions", Gate::Staff(Role::can_facilitate), ""),
    (
        "open_session",
        Gate::Staff(Role::can_facilitate),
        "activity=nope&place=Hall",
    ),
    (
        "close_session",
        Gate::Staff(Role::can_facilitate),
        "session=nope",
    ),
    (
        "record_communication",
        Gate::Staff(Role::can_facilitate),
        "session=s&contribution=c&communicated=supported",
    ),
    (
        "load_session",
        Gate::Staff(Role::can_facilitate),
        "session=nope",
    ),
    (
        "load_activity",
        Gate::Staff(Role::can_facilitate),
        "activity=nope",
    ),
    (
        "moderate_contribution",
        Gate::Staff(Role::can_facilitate),
        "session=s&contribution=nope&hide=true&reason=Names+the+child",
    ),
    (
        "save_space_record",
        Gate::Staff(Role::can_facilitate),
        "session=nope&setting=s&expected_group=g&invited=i&missing=m",
    ),
    (
        "activity_form_choices",
        Gate::Staff(Role::can_facilitate),
        "",
    ),
    (
        "create_activity",
        Gate::Staff(Role::can_facilitate),
        "title=T&intro=I&forum=nope&priorities[]=nope",
    ),
    (
        "update_activity",
        Gate::Staff(Role::can_facilitate),
        "activity=nope&title=T&intro=I&forum=nope&priorities[]=nope",
    ),
    (
        "save_prompt",
        Gate::Staff(Role::can_facilitate),
        "activity=nope&prompt=nope&text=Q&easy_read=Q&symbol=&modes[]=text",
    ),
    (
        "move_prompt",
        Gate::Staff(Role::can_facilitate),
        "activity=a&prompt=nope&earlier=true",
    ),
    (
        "remove_prompt",
        Gate::Staff(Role::can_facilitate),
        "activity=a&prompt=nope",
    ),
    (
        "add_theme",
        Gate::Staff(Role::can_facilitate),
        "activity=nope&name=Travel",
    ),
    (
        "remove_theme",
        Gate::Staff(Role::can_facilitate),
        "activity=nope&theme=nope",
    ),
    (
        "preview_prompt",
        Gate::Staff(Role::can_facilitate),
        "activity=nope&position=1&language=pl",
    ),
    (
        "save_activity_translation",
        Gate::Staff(Role::can_facilitate),
        "activity=nope&language=pl&title=T&intro=I",
    ),
    (
        "save_prompt_translation",
        Gate::Staff(Role::can_facilitate),
        "activity=nope&prompt=nope&language=pl&text=Q&easy_read=Q",
    ),
    (
        "describe_contribution",
        Gate::Staff(Role::can_facilitate),
        "session=s&contribution=nope&text=A+drawing",
    ),
    (
        "tag_contribution",
        Gate::Staff(Role::can_facilitate),
        "session=s&contribution=nope",
    ),
    ("decision_choices", Gate::Staff(Role::can_commission), ""),
    ("decisions", Gate::Staff(Role::can_commission), ""),
    (
        "record_decision",
        Gate::Staff(Role::can_commission),
        "priority=nope&forum=nope&title=T&decided=D&status=agreed&decided_on=2026-11-22",
    ),
    (
        "decision_with_contributions",
        Gate::Staff(Role::can_commission),
        "decision=nope",
    ),
    (
        "save_feedback_translation",
        Gate::Staff(Role::can_commission),
        "decision=nope&language=pl&plain_text=M&easy_read=M",
    ),
    (
        "link_contribution",
        Gate::Staff(Role::can_commission),
        "decision=nope&contribution=nope&rationale=because",
    ),
    (
        "publish_feedback",
        Gate::Staff(Role::can_commission),
        "decision=nope&plain_text=P&easy_read=E",
    ),
    (
        "set_decision_status",
        Gate::Staff(Role::can_commission),
        "decision=nope&status=done",
    ),
    (
        "add_decision_outcome",
        Gate::Staff(Role::can_commission),
        "decision=nope&text=Opened+in+May",
    ),
    ("hearings", Gate::Staff(Role::is_staff), ""),
    ("load_evidence", Gate::Staff(Role::can_see_evidence), ""),
    ("load_report", Gate::Staff(Role::can_see_evidence), ""),
    (
        "load_audit",
        Gate::Staff(Role::can_see_evidence),
        "from=2026-01-01",
    ),
    (
        "search_contributions",
        Gate::Staff(Role::can_see_evidence),
        "fields[stage]=fed_back",
    ),
    ("load_strategies", Gate::Staff(Role::can_see_evidence), ""),
    (
        "create_strategy",
        Gate::Staff(Role::can_commission),
        "title=Preparing+for+life&period=2026-2029",
    ),
    (
        "update_strategy",
        Gate::Staff(Role::can_commission),
        "strategy=nope&title=T&period=2026",
    ),
    (
        "create_ambition",
        Gate::Staff(Role::can_commission),
        "title=",
    ),
    (
        "save_priority",
        Gate::Staff(Role::can_commission),
        "strategy=nope&title=T&why=W&what=W&how=H&ambitions[]=ambition-1",
    ),
    (
        "load_priority",
        Gate::Staff(Role::can_see_evidence),
        "priority=priority-8",
    ),
    (
        "create_hearing",
        Gate::Staff(Role::can_facilitate),
        "forum=nope&title=T&held_on=2026-12-01",
    ),
    ("load_hearing", Gate::Staff(Role::is_staff), "hearing=nope"),
    (
        "set_hearing_summary",
        Gate::Staff(Role::can_facilitate),
        "hearing=nope&summary=S",
    ),
    (
        "add_to_hearing",
        Gate::Staff(Role::can_facilitate),
        "hearing=nope&contribution=nope",
    ),
    (
        "remove_from_hearing",
        Gate::Staff(Role::can_facilitate),
        "hearing=nope&contribution=nope",
    ),
    (
        "present_hearing",
        Gate::Staff(Role::can_facilitate),
        "hearing=nope",
    ),
    (
        "acknowledge_hearing",
        Gate::Staff(Role::is_staff),
        "hearing=nope&response=Heard",
    ),
    ("forum_members", Gate::Staff(Role::can_commission), ""),
    (
        "add_forum_member",
        Gate::Staff(Role::can_commission),
        "forum=nope&account=nope",
    ),
    (
        "remove_forum_member",
        Gate::Staff(Role::can_commission),
        "forum=nope&account=nope",
    ),
    ("safeguarding_queue", Gate::Staff(Role::can_safeguard), ""),
    ("load_phrase_list", Gate::Staff(Role::can_safeguard), ""),
    (
        "save_phrase_list",
        Gate::Staff(Role::can_safeguard),
        "phrases%5Ben%5D=",
    ),
    (
        "load_concern",
        Gate::Staff(Role::can_safeguard),
        "concern=nope",
    ),
    (
        "record_concern_entry",
        Gate::Staff(Role::can_safeguard),
        "concern=nope&kind=note&text=Seen",
    ),
    (
        "clear_concern",
        Gate::Staff(Role::can_safeguard),
        "concern=nope&reason=Resolved",
    ),
    (
        "raise_concern",
        Gate::Staff(Role::can_facilitate),
        "session=s&contribution=nope&note=Worried",
    ),
    (
        "rights_requests",
        Gate::Staff(Role::can_see_rights_requests),
        "",
    ),
    (
        "staff_receipt",
        Gate::Staff(Role::can_act_for_children),
        "code=NOPE-NOPE",
    ),
    (
        "staff_erase",
        Gate::Staff(Role::can_act_for_children),
        "code=NOPE-NOPE&answer=all",
    ),
    (
        "staff_limit",
        Gate::Staff(Role::can_act_for_children),
        "code=NOPE-NOPE&contribution=nope&consent=team",
    ),
    (
        "decide_rights_request",
        Gate::Staff(Role::can_safeguard),
        "request=nope&decision=keep&reason=Waiting",
    ),
    ("staff_accounts", Gate::Staff(Role::can_manage_staff), ""),
    ("retention_months", Gate::Staff(Role::can_manage_staff), ""),
    (
        "set_retention_months",
        Gate::Staff(Role::can_manage_staff),
        "months=abc",
    ),
    (
        "invite_staff",
        Gate::Staff(Role::can_manage_staff),
        "email=new%40council.example&role=viewer",
    ),
    (
        "set_staff_role",
        Gate::Staff(Role::can_manage_staff),
        "account=nope&role=viewer",
    ),
    (
        "disable_staff",
        Gate::Staff(Role::can_manage_staff),
        "account=nope",
    ),
    // Last: it ends the caller's sign-in.
    ("sign_out", Gate::Anyone, ""),
];

/// The name a server function is registered under: its path without `/api/` and the hash.
fn name_of(path: &str) -> &str {
    path.trim_start_matches("/api/")
        .trim_end_matches(|c: char| c.is_ascii_digit())
}

#[test]
fn every_server_function_has_an_entry_and_every_entry_a_server_function() {
    let registered: BTreeSet<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| name_of(path))
        .collect();
    let listed: BTreeSet<&str> = SERVER_FNS.iter().map(|(name, _, _)| *name).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "server functions without an entry in the table: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "entries for server functions that do not exist: {stale:?}"
    );
}

/// What came back: refused at the gate (not signed in, or the role does not allow it), an
/// unknown id, a refusal of the input, or something else past the gate.
enum Outcome {
    NotSignedIn,
    Forbidden,
    NotFound,
    Invalid,
    Through,
}

async fn call(heard: &Heard, path: &str, body: String, token: Option<&str>) -> Outcome {
    let mut request = Request::post(path)
        .header("sec-fetch-site", "same-origin")
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(token) = token {
        request = request.header(header::COOKIE, format!("heard_staff={token}"));
    }
    let response = heard
        .router
        .clone()
        .oneshot(request.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&bytes);
    assert_ne!(status, StatusCode::BAD_REQUEST, "{path}: {text}");
    let outcome = if text.contains("\"NotSignedIn\"") {
        Outcome::NotSignedIn
    } else if text.contains("\"Forbidden\"") {
        Outcome::Forbidden
    } else if text.contains("\"NotFound\"") {
        Outcome::NotFound
    } else if text.contains("\"Invalid\"") {
        Outcome::Invalid
    } else if text.contains("\"Coded\"") {
        // A child's problem is a code; whether it means "not there" is the status's to say.
        if status == StatusCode::NOT_FOUND {
            Outcome::NotFound
        } else {
            Outcome::Invalid
        }
    } else {
        Outcome::Through
    };
    // The status says the same as the message: monitoring and clients can tell them apart.
    let expected = match outcome {
        Outcome::NotSignedIn => Some(StatusCode::UNAUTHORIZED),
        Outcome::Forbidden => Some(StatusCode::FORBIDDEN),
        Outcome::NotFound => Some(StatusCode::NOT_FOUND),
        Outcome::Invalid => Some(StatusCode::UNPROCESSABLE_ENTITY),
        Outcome::Through => None,
    };
    if let Some(expected) = expected {
        assert_eq!(status, expected, "{path}: {text}");
    }
    outcome
}

#[tokio::test]
async fn each_server_function_lets_through_exactly_who_the_table_says() {
    let heard = heard().await;
    let mut callers: Vec<(String, Option<Role>, Option<String>)> =
        vec![("nobody".into(), None, None)];
    for (email, role, password) in seed::DEMO_USERS {
        callers.push((
            email.into(),
            Some(role),
            Some(token_for(&heard.db, email, password).await),
        ));
    }
    let facilitator = staff::find_by_email(&heard.db, "facilitator@heard.example")
        .await
        .unwrap();
    let opened = session::open(
        &heard.db,
        session::NewSession::new("activity-short-breaks", "Hall", &facilitator.id),
    )
    .await
    .unwrap();
    let paths: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();

    for (name, gate, body) in SERVER_FNS {
        let path = paths
            .iter()
            .find(|path| name_of(path) == *name)
            .expect("registered");
        for (who, role, token) in &callers {
            // Each caller's own child turn, so one caller's call cannot spoil the next one's.
            let turn = contribution::join(&heard.db, &opened.join_code)
                .await
                .unwrap();
            let outcome = call(
                &heard,
                path,
                body.replace("{turn}", &turn),
                token.as_deref(),
            )
            .await;
            let allowed = match gate {
                Gate::Anyone | Gate::Turn => true,
                Gate::SecondStep => false,
                Gate::Staff(allows) => role.is_some_and(allows),
            };
            match (allowed, outcome) {
                (true, Outcome::NotSignedIn | Outcome::Forbidden) => {
                    panic!("{name} refused {who}, whom the table allows")
                }
                (false, Outcome::Through) => {
                    panic!("{name} let {who} through, whom the table refuses")
                }
                (false, Outcome::NotFound | Outcome::Invalid)
                    if !matches!(gate, Gate::SecondStep) =>
                {
                    panic!("{name} let {who} through, whom the table refuses")
                }
                (false, Outcome::Forbidden) if role.is_none() => {
                    panic!("{name} should tell {who} to sign in")
                }
                _ => {}
            }
            if let Gate::Turn = gate {
                // A made-up turn id reaches nothing.
                let forged = call(
                    &heard,
                    path,
                    body.replace("{turn}", "made-up-turn"),
                    token.as_deref(),
                )
                .await;
                assert!(
                    matches!(forged, Outcome::NotFound),
                    "{name} answered a made-up turn"
                );
            }
        }
    }
}

/// The plain routes beside the server functions: the live views of a session and of the
/// safeguarding queue, and the evidence exports. (Media routes are checked role by role and consent by consent in
/// `photos.rs`.)
const PLAIN_ROUTES: &[(&str, fn(Role) -> bool)] = &[
    ("/staff/sessions/any/live", Role::can_facilitate),
    ("/staff/safeguarding/live", Role::can_safeguard),
    ("/staff/evidence/export.csv", Role::can_see_evidence),
    ("/staff/evidence/export.json", Role::can_see_evidence),
];

#[tokio::test]
async fn only_the_right_roles_reach_the_plain_routes() {
    let heard = heard().await;
    let status = |path: &'static str, token: Option<String>| {
        let router = heard.router.clone();
        async move {
            let mut request = Request::get(path);
            if let Some(token) = token {
                request = request.header(header::COOKIE, format!("heard_staff={token}"));
            }
            router
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap()
                .status()
        }
    };
    for (path, _) in PLAIN_ROUTES {
        assert_eq!(status(path, None).await, StatusCode::UNAUTHORIZED, "{path}");
    }
    // One sign-in each: a code from the authenticator app works once.
    for (email, role, password) in seed::DEMO_USERS {
        let token = token_for(&heard.db, email, password).await;
        for (path, allowed) in PLAIN_ROUTES {
            let expected = if allowed(role) {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(
                status(path, Some(token.clone())).await,
                expected,
                "{path} as {email}"
            );
        }
    }
}
