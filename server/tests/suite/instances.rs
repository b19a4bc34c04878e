//! Several app servers on one PostgreSQL, as a council runs them behind a load balancer: what a
//! child says on one server reaches the facilitator's live view on another. Runs when
//! HEARD_TEST_DATABASE_URL is a postgres:// URL (the test script's PostgreSQL run).

use crate::common::process::{free_address, start_with};
use crate::common::token_for;
use app::api::child::SubmitAnswer;
use app::data::{contribution, new_id, session, staff, Db};
use leptos::server_fn::ServerFn;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// A schema of its own in the test database, as a URL every process can open.
async fn own_schema(url: &str) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let schema = format!("heard_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::AnyConnection::connect(url).await.unwrap();
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-c%20search_path%3D{schema}")
}

/// Posts a written answer as a child's tablet does; the status line of the reply.
async fn answer(server: std::net::SocketAddr, participation: &str, prompt: &str) -> String {
    let body = format!(
        "participation={participation}&prompt={prompt}&contribution={}&way=text&text=A+quiet+room",
        new_id()
    );
    let mut stream = TcpStream::connect(server).await.unwrap();
    stream
        .write_all(
            format!(
                "POST {} HTTP/1.1\r\nHost: localhost\r\nSec-Fetch-Site: same-origin\r\n\
                 Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                SubmitAnswer::url(),
                body.len()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).await.unwrap();
    reply.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn an_answer_on_one_server_reaches_the_live_view_on_another() {
    let Ok(url) = std::env::var("HEARD_TEST_DATABASE_URL") else {
        return;
    };
    if !url.starts_with("postgres") {
        return;
    }
    let database_url = own_schema(&url).await;
    let settings = [("DATABASE_URL", database_url.as_str())];
    let (first, second) = (free_address(), free_address());
    // One after the other, as a rolling start: the first migrates and seeds.
    let _first = start_with(first, &settings).await;
    let _second = start_with(second, &settings).await;

    let db = Db::open(&database_url).await.unwrap();
    let token = token_for(
        &db,
        "facilitator@heard.example",
        "demo-facilitator-password",
    )
    .await;
    let facilitator = staff::find_by_email(&db, "facilitator@heard.example")
        .await
        .unwrap();
    let opened = session::open(
        &db,
        session::NewSession::new("activity-short-breaks", "Hall", &facilitator.id),
    )
    .await
    .unwrap();
    let participation = contribution::join(&db, &opened.join_code).await.unwrap();
    contribution::assent(&db, &participation, None)
        .await
        .unwrap();

    // The facilitator watches on the first server.
    let mut live = TcpStream::connect(first).await.unwrap();
    live.write_all(
        format!(
            "GET /staff/sessions/{}/live HTTP/1.1\r\nHost: localhost\r\nCookie: heard_staff={token}\r\n\r\n",
            opened.id
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    let mut live = BufReader::new(live);
    let mut line = String::new();
    live.read_line(&mut line).await.unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");

    // The child writes on the second. The first server's listener connects in the background at
    // start, so a child changing their answer is a new try until one is heard.
    let prompt = contribution::prompt_page(&db, &participation, 2)
        .await
        .unwrap()
        .prompt
        .id;
    let mut heard = false;
    for _ in 0..5 {
        assert_eq!(
            answer(second, &participation, &prompt).await,
            "HTTP/1.1 200 OK"
        );
        let changed = format!("data: {}", opened.id);
        heard = tokio::time::timeout(Duration::from_secs(3), async {
            loop {
                line.clear();
                if live.read_line(&mut line).await.unwrap() == 0 {
                    return false;
                }
                if line.trim_end() == changed {
                    return true;
                }
            }
        })
        .await
        .unwrap_or(false);
        if heard {
            break;
        }
    }
    assert!(
        heard,
        "the first server's live view heard the answer stored by the second"
    );
}
