//! The HTTP layer through the real router: cross-site posts refused, responses compressed, the
//! page's CSP carrying the nonce of its own script, permissions by page, request ids.

use crate::common::{body_text, heard, token_for, Heard};
use app::api::facilitation::OpenSession;
use app::data::session;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use leptos::server_fn::ServerFn;
use tower::ServiceExt;

async fn open_session_from(heard: &Heard, token: &str, from: &[(&str, &str)]) -> StatusCode {
    let mut request = Request::post(OpenSession::url())
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::COOKIE, format!("heard_staff={token}"));
    for (name, value) in from {
        request = request.header(*name, *value);
    }
    let body = Body::from("activity=activity-short-breaks&place=Hall");
    let response = heard
        .router
        .clone()
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    response.status()
}

#[tokio::test]
async fn a_post_from_another_site_or_from_nowhere_is_refused_and_changes_nothing() {
    let heard = heard().await;
    let token = token_for(
        &heard.db,
        "facilitator@heard.example",
        "demo-facilitator-password",
    )
    .await;
    let before = session::list(&heard.db).await.unwrap().len();
    let refused: [&[(&str, &str)]; 5] = [
        &[("origin", "http://evil.example")],
        &[
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://evil.example"),
        ],
        &[("sec-fetch-site", "same-site")],
        &[("referer", "http://evil.example/form")],
        &[],
    ];
    for from in refused {
        let status = open_session_from(&heard, &token, from).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{from:?}");
    }
    assert_eq!(session::list(&heard.db).await.unwrap().len(), before);

    // From Heard's own page, by a modern browser or an older one, it is carried out.
    for from in [
        &[("sec-fetch-site", "same-origin")][..],
        &[("origin", "http://127.0.0.1:3000")][..],
    ] {
        let status = open_session_from(&heard, &token, from).await;
        assert_eq!(status, StatusCode::OK, "{from:?}");
    }
    assert_eq!(session::list(&heard.db).await.unwrap().len(), before + 2);
}

async fn get(heard: &Heard, path: &str, encoding: &str) -> axum::response::Response {
    let request = Request::get(path)
        .header(header::ACCEPT_ENCODING, encoding)
        .body(Body::empty())
        .unwrap();
    heard.router.clone().oneshot(request).await.unwrap()
}

#[tokio::test]
async fn pages_are_compressed_as_the_browser_asks() {
    let heard = heard().await;
    for (asked, given) in [("br, gzip", "br"), ("gzip", "gzip")] {
        let response = get(&heard, "/", asked).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], given);
    }
    let plain = get(&heard, "/", "identity").await;
    assert!(!plain.headers().contains_key(header::CONTENT_ENCODING));
}

#[tokio::test]
async fn a_page_allows_only_its_own_script_and_is_never_framed_or_cached() {
    let heard = heard().await;
    let response = get(&heard, "/", "identity").await;
    let headers = response.headers().clone();
    let policy = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    let html = body_text(response).await;
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("the policy names a nonce");
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the script carries it"
    );
    assert!(policy.contains("frame-ancestors 'none'"));
    assert!(!policy.contains("unsafe-inline"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert!(headers["permissions-policy"]
        .to_str()
        .unwrap()
        .contains("microphone=()"));
    assert!(headers.contains_key("x-request-id"));

    // Two pages, two nonces.
    let again = get(&heard, "/", "identity").await;
    assert_ne!(
        again.headers()[header::CONTENT_SECURITY_POLICY],
        policy.as_str()
    );
}

async fn sign_in_as_a_script(heard: &Heard, password: &str) -> axum::response::Response {
    let request = Request::post(app::api::staff::SignIn::url())
        .header("sec-fetch-site", "same-origin")
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "email=commissioner%40heard.example&password={password}"
        )))
        .unwrap();
    heard.router.clone().oneshot(request).await.unwrap()
}

#[tokio::test]
async fn refusals_say_what_they_are_in_their_status() {
    let heard = heard().await;
    // A wrong password is refused input, not our fault.
    let wrong = sign_in_as_a_script(&heard, "guess").await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    for _ in 1..app::data::throttle::SIGN_IN_ACCOUNT_AT_ADDRESS.allowed {
        sign_in_as_a_script(&heard, "guess").await;
    }
    // Then too many tries: 429 with when to try again, and the message still in the body.
    let throttled = sign_in_as_a_script(&heard, "guess").await;
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: i64 = throttled.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=15 * 60).contains(&retry), "{retry}");
    assert!(body_text(throttled).await.contains("SignInTooOften"));
}

#[tokio::test]
async fn a_form_posted_without_javascript_is_still_sent_back_to_its_page() {
    let heard = heard().await;
    let request = Request::post(app::api::child::JoinSession::url())
        .header("sec-fetch-site", "same-origin")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1:3000/")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("code=ZZZZ-ZZZZ"))
        .unwrap();
    let response = heard.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = response.headers()[header::LOCATION].to_str().unwrap();
    assert!(back.starts_with("http://127.0.0.1:3000/?"), "{back}");
    // With the error to show, and the code as typed, so the child can correct it.
    assert!(
        back.contains("__err=") && back.contains("code=ZZZZ-ZZZZ"),
        "{back}"
    );
}

/// Wrong receipt codes from `forwarded` (an `X-Forwarded-For` value): the statuses, in order.
async fn wrong_receipts(heard: &Heard, forwarded: &[String]) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    for value in forwarded {
        let request = Request::get("/receipt/ZZZZ-ZZZZ/copy.zip")
            .header("x-forwarded-for", value)
            .body(Body::empty())
            .unwrap();
        statuses.push(
            heard
                .router
                .clone()
                .oneshot(request)
                .await
                .unwrap()
                .status(),
        );
    }
    statuses
}

#[tokio::test]
async fn a_client_cannot_dodge_a_throttle_by_writing_its_own_forwarded_for() {
    // One proxy in front: it appends the address that connected to it, after what the client wrote.
    let behind_proxy = crate::common::heard_with(|config| config.proxy_hops = 1).await;
    let spoofed: Vec<String> = (0..25)
        .map(|n| format!("10.9.8.{n}, 198.51.100.1"))
        .collect();
    let statuses = wrong_receipts(&behind_proxy, &spoofed).await;
    assert!(
        statuses[..20]
            .iter()
            .all(|s| *s == StatusCode::UNPROCESSABLE_ENTITY),
        "{statuses:?}"
    );
    assert!(
        statuses[20..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    // Another child behind the same proxy is counted on their own.
    let other = wrong_receipts(&behind_proxy, &["10.9.8.1, 198.51.100.2".to_owned()]).await;
    assert_eq!(other, [StatusCode::UNPROCESSABLE_ENTITY]);

    // Without a proxy configured the header is not believed at all.
    let direct = heard().await;
    let statuses = wrong_receipts(
        &direct,
        &(0..21).map(|n| format!("192.0.2.{n}")).collect::<Vec<_>>(),
    )
    .await;
    assert_eq!(statuses[20], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
}

#[tokio::test]
async fn object_storage_that_cannot_be_reached_stops_the_start_with_a_reason() {
    let data_dir = std::env::temp_dir().join(format!("heard-no-s3-{}", uuid::Uuid::new_v4()));
    let mut config = server::Config::in_data_dir(&data_dir);
    // A bucket nobody made: on the test script's S3 server it does not exist; with no server
    // configured there is nothing to reach.
    config.media_url = Some(format!(
        "s3://heard-missing-{}/photos",
        uuid::Uuid::new_v4().simple()
    ));
    let started = server::build_app(&config).await;
    let _ = std::fs::remove_dir_all(&data_dir);
    let Err(error) = started else {
        panic!("started without its media store");
    };
    assert!(error.to_string().starts_with("media storage: "), "{error}");
}

#[tokio::test]
async fn pages_keep_their_own_policy_while_files_are_served_beside_them() {
    use futures_util::StreamExt;
    // Once, each file served inside a reactive owner that could be a page's own took that
    // page's response headers: about one page in four lost its policy under this load.
    let site = std::env::temp_dir().join(format!("heard-site-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(site.join("symbols")).unwrap();
    let symbol = r#"<svg xmlns="http://www.w3.org/2000/svg"/>"#;
    std::fs::write(site.join("symbols").join("sos.svg"), symbol).unwrap();
    let address = crate::common::process::free_address();
    let _heard = crate::common::process::start_with(
        address,
        &[("LEPTOS_SITE_ROOT", site.to_str().unwrap())],
    )
    .await;

    let client = reqwest::Client::new();
    let failures: Vec<String> = futures_util::stream::iter(0..800)
        .map(|n| {
            let client = client.clone();
            async move {
                let path = if n % 2 == 0 {
                    format!("/take/turn-{n}/2")
                } else {
                    "/symbols/sos.svg".to_owned()
                };
                let response = client
                    .get(format!("http://{address}{path}"))
                    .send()
                    .await
                    .unwrap();
                let policy = response.headers()[header::CONTENT_SECURITY_POLICY]
                    .to_str()
                    .unwrap()
                    .to_owned();
                let cookie = response.headers().contains_key(header::SET_COOKIE);
                let body = response.text().await.unwrap();
                let fine = if n % 2 == 0 {
                    policy
                        .split("'nonce-")
                        .nth(1)
                        .and_then(|rest| rest.split('\'').next())
                        .is_some_and(|nonce| body.contains(&format!("nonce=\"{nonce}\"")))
                } else {
                    body == symbol && policy == "default-src 'none'; frame-ancestors 'none'"
                };
                (!fine || cookie).then(|| format!("{path}: {policy}"))
            }
        })
        .buffer_unordered(48)
        .filter_map(|failure| async move { failure })
        .collect()
        .await;
    let _ = std::fs::remove_dir_all(site);
    assert!(
        failures.is_empty(),
        "{} of 800: {:?}",
        failures.len(),
        &failures[..failures.len().min(3)]
    );
}
