//! Several app servers on one PostgreSQL, as a council runs them behind a load balancer: what a
//! child says on one server reaches the facilitator's live view on another. Runs when
//! HEARD_TEST_DATABASE_URL is a postgres:// URL (the test script's PostgreSQL run).

use crate::common::process::{
    child_at_written_question, free_address, live_view, open_hall, start_with,
};
use crate::common::token_for;
use app::api::child::SubmitAnswer;
use app::data::{contribution, new_id, Db};
use leptos::server_fn::ServerFn;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
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

/// Posts a written answer as a child's tablet does; the status line of the reply, or `None`
/// when no reply came (the server was gone or went while answering).
async fn answer(
    server: std::net::SocketAddr,
    participation: &str,
    prompt: &str,
    contribution: &str,
) -> Option<String> {
    let body = format!(
        "participation={participation}&prompt={prompt}&contribution={contribution}&way=text&text=A+quiet+room"
    );
    let mut stream = TcpStream::connect(server).await.ok()?;
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
        .ok()?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply).await.ok()?;
    reply.lines().next().map(str::to_owned)
}

/// The test database on PostgreSQL, or `None` (the test then has nothing to do): several
/// servers share one database only on PostgreSQL.
fn postgres_url() -> Option<String> {
    std::env::var("HEARD_TEST_DATABASE_URL")
        .ok()
        .filter(|url| url.starts_with("postgres"))
}

#[tokio::test]
async fn an_answer_on_one_server_reaches_the_live_view_on_another() {
    let Some(url) = postgres_url() else {
        return;
    };
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
    let opened = open_hall(&db).await;
    let (participation, prompt) = child_at_written_question(&db, &opened.join_code).await;
    // The facilitator watches on the first server.
    let mut live = live_view(first, &opened.id, &token).await;

    // The child writes on the second. The first server's listener connects in the background at
    // start, so a child changing their answer is a new try until one is heard.
    let mut line = String::new();
    let mut heard = false;
    for _ in 0..5 {
        let status = answer(second, &participation, &prompt, &new_id()).await;
        assert_eq!(status.as_deref(), Some("HTTP/1.1 200 OK"));
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

#[tokio::test]
async fn a_server_killed_mid_session_loses_no_acknowledged_answer_and_stores_none_twice() {
    let Some(url) = postgres_url() else {
        return;
    };
    let database_url = own_schema(&url).await;
    let settings = [("DATABASE_URL", database_url.as_str())];
    let servers = [free_address(), free_address(), free_address()];
    let mut running = Vec::new();
    for server in servers {
        running.push(start_with(server, &settings).await);
    }
    let db = Db::open(&database_url).await.unwrap();
    let opened = open_hall(&db).await;
    let mut tablets = Vec::new();
    for _ in 0..60 {
        tablets.push(child_at_written_question(&db, &opened.join_code).await);
    }

    // Each tablet sends its answer in turn, to the servers in rotation as a balancer would; an
    // answer without a reply is sent again, with the same id, to the next server.
    let sends = tablets
        .into_iter()
        .enumerate()
        .map(|(n, (participation, prompt))| {
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(10 * n as u64)).await;
                let id = new_id();
                let mut tries = 0;
                loop {
                    let server = servers[(n + tries) % servers.len()];
                    if answer(server, &participation, &prompt, &id)
                        .await
                        .as_deref()
                        == Some("HTTP/1.1 200 OK")
                    {
                        return (id, tries);
                    }
                    tries += 1;
                    assert!(tries < 20, "an answer found no server");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            })
        });
    let sends: Vec<_> = sends.collect();
    // Halfway through, the second server dies without a chance to finish anything.
    tokio::time::sleep(Duration::from_millis(300)).await;
    running[1].child.kill().unwrap();

    let mut acknowledged = Vec::new();
    let mut resent = 0;
    for send in sends {
        let (id, tries) = send.await.unwrap();
        resent += tries;
        acknowledged.push(id);
    }
    assert!(
        resent > 0,
        "some answers met the dead server and were sent again"
    );
    for id in &acknowledged {
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contributions WHERE id = $1")
            .bind(id)
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(stored, 1, "every acknowledged answer is stored, once");
    }
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    assert_eq!(said.len(), 60, "nothing stored twice under another id");
    eprintln!("60 answers acknowledged, {resent} sent again after the kill, 0 lost, 0 twice");
}
