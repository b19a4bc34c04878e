//! When PostgreSQL goes away, Heard says so within seconds instead of hanging: `/healthz` is 503
//! within a second, a child's answer is refused within a few (so the tablet keeps it), and once
//! the database is back Heard recovers by itself. The outage is a TCP relay in front of the real
//! PostgreSQL that the test cuts and mends. Runs when HEARD_TEST_POSTGRES_URL is set (CI sets it).

use app::api::child::SubmitAnswer;
use app::data::{contribution, new_id, session, staff};
use leptos::server_fn::ServerFn;
use server::{build_app, Config};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;

/// Relays connections on `port` to PostgreSQL until cut; cutting drops every connection and
/// refuses new ones, as a stopped database server would.
fn relay(listener: std::net::TcpListener, upstream: SocketAddr) -> CancellationToken {
    let cut = CancellationToken::new();
    let stop = cut.clone();
    listener.set_nonblocking(true).unwrap();
    let listener = TcpListener::from_std(listener).unwrap();
    tokio::spawn(async move {
        loop {
            let accepted = tokio::select! {
                _ = stop.cancelled() => return,
                accepted = listener.accept() => accepted,
            };
            let Ok((mut client, _)) = accepted else {
                continue;
            };
            let stop = stop.clone();
            tokio::spawn(async move {
                let Ok(mut server) = TcpStream::connect(upstream).await else {
                    return;
                };
                tokio::select! {
                    _ = stop.cancelled() => {}
                    _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                }
            });
        }
    });
    cut
}

async fn request(address: SocketAddr, head: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let request = format!(
        "{head} HTTP/1.1\r\nHost: localhost\r\nSec-Fetch-Site: same-origin\r\nAccept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    response.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_database_outage_is_reported_within_seconds_and_heard_recovers() {
    let Ok(url) = std::env::var("HEARD_TEST_POSTGRES_URL") else {
        eprintln!("HEARD_TEST_POSTGRES_URL is not set: the PostgreSQL outage is not tried");
        return;
    };
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let schema = format!("heard_test_{}", new_id().replace('-', ""));
    let mut admin = sqlx::AnyConnection::connect(&url).await.unwrap();
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut admin)
        .await
        .unwrap();

    let upstream: SocketAddr = "127.0.0.1:5432".parse().unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut cut = relay(listener, upstream);
    let relayed = url.replace("127.0.0.1:5432", &format!("127.0.0.1:{port}"));
    assert_ne!(relayed, url, "HEARD_TEST_POSTGRES_URL names 127.0.0.1:5432");
    let separator = if relayed.contains('?') { '&' } else { '?' };

    let data_dir = std::env::temp_dir().join(format!("heard-outage-{}", std::process::id()));
    let mut config = Config::in_data_dir(&data_dir);
    config.database_url = format!("{relayed}{separator}options=-c%20search_path%3D{schema}");
    config.seed_demo = true;
    let server = build_app(&config).await.expect("app builds");
    let http = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = http.local_addr().unwrap();
    let router = server.router.clone();
    tokio::spawn(async move { axum::serve(http, router).await.unwrap() });

    let db = &server.db;
    let facilitator = staff::find_by_email(db, "facilitator@heard.example")
        .await
        .unwrap();
    let opened = session::open(
        db,
        session::NewSession::new("activity-short-breaks", "Hall", &facilitator.id),
    )
    .await
    .unwrap();
    let participation = contribution::join(db, &opened.join_code).await.unwrap();
    contribution::assent(db, &participation, None)
        .await
        .unwrap();
    let prompt = contribution::prompt_page(db, &participation, 2)
        .await
        .unwrap()
        .prompt
        .id;
    let answer = format!(
        "participation={participation}&prompt={prompt}&contribution={}&way=text&text=A+quiet+room",
        new_id()
    );
    assert_eq!(
        request(address, "GET /healthz", "").await,
        "HTTP/1.1 200 OK"
    );

    cut.cancel();
    let asked = Instant::now();
    assert_eq!(
        request(address, "GET /healthz", "").await,
        "HTTP/1.1 503 Service Unavailable"
    );
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "healthz took {:?}",
        asked.elapsed()
    );
    let asked = Instant::now();
    let refused = request(address, &format!("POST {}", SubmitAnswer::url()), &answer).await;
    assert!(
        !refused.contains(" 200 "),
        "an answer was acknowledged without a database: {refused}"
    );
    assert!(
        asked.elapsed() < Duration::from_secs(8),
        "the refusal took {:?}",
        asked.elapsed()
    );

    // PostgreSQL is back on the same address: Heard recovers without a restart.
    cut = relay(
        std::net::TcpListener::bind(("127.0.0.1", port)).unwrap(),
        upstream,
    );
    let back = Instant::now();
    while request(address, "GET /healthz", "").await != "HTTP/1.1 200 OK" {
        assert!(
            back.elapsed() < Duration::from_secs(20),
            "never healthy again"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let stored = request(address, &format!("POST {}", SubmitAnswer::url()), &answer).await;
    assert_eq!(stored, "HTTP/1.1 200 OK", "the tablet's resend is stored");
    cut.cancel();
    let _ = std::fs::remove_dir_all(&data_dir);
}
