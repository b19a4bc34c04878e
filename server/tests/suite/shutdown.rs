//! The server binary stops cleanly on SIGTERM: an answer already being sent is still stored and
//! acknowledged, a staff live view is ended rather than holding the server open, and the process
//! exits 0.

use crate::common::process::{
    child_at_written_question, free_address, live_view, open_hall, start,
};
use app::api::child::SubmitAnswer;
use app::data::{new_id, Db};
use leptos::server_fn::ServerFn;
use server::Config;
use std::process::{Child, Command};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn terminate(child: &Child) {
    let sent = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// Waits for the process to end; its exit code.
async fn exit_code(child: &mut Child, within: Duration) -> Option<i32> {
    let started = Instant::now();
    while started.elapsed() < within {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

#[tokio::test]
async fn sigterm_finishes_the_answer_under_way_ends_live_views_and_exits_zero() {
    let address = free_address();
    let mut running = start(address).await;
    let db = Db::open(&Config::sqlite_url_in(&running.data_dir))
        .await
        .unwrap();

    let token = crate::common::token_for(
        &db,
        "facilitator@heard.example",
        "demo-facilitator-password",
    )
    .await;
    let opened = open_hall(&db).await;
    let (participation, prompt) = child_at_written_question(&db, &opened.join_code).await;
    let mut live = live_view(address, &opened.id, &token).await;

    // A child's answer whose body is still on its way when the stop comes.
    let contribution_id = new_id();
    let body = format!(
        "participation={participation}&prompt={prompt}&contribution={contribution_id}&way=text&text=A+quiet+room"
    );
    let (first, rest) = body.split_at(body.len() / 2);
    let mut answer = TcpStream::connect(address).await.unwrap();
    answer
        .write_all(
            format!(
                "POST {} HTTP/1.1\r\nHost: localhost\r\nSec-Fetch-Site: same-origin\r\n\
                 Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{first}",
                SubmitAnswer::url(),
                body.len()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;

    terminate(&running.child);
    tokio::time::sleep(Duration::from_millis(300)).await;
    answer.write_all(rest.as_bytes()).await.unwrap();
    let mut reply = String::new();
    answer.read_to_string(&mut reply).await.unwrap();
    assert!(
        reply.starts_with("HTTP/1.1 200"),
        "the answer under way was acknowledged: {reply}"
    );

    // The live view was ended, so nothing holds the server open.
    let mut rest_of_live = Vec::new();
    let ended =
        tokio::time::timeout(Duration::from_secs(5), live.read_to_end(&mut rest_of_live)).await;
    assert!(ended.is_ok(), "the live view was ended");

    let code = exit_code(&mut running.child, Duration::from_secs(8)).await;
    assert_eq!(code, Some(0), "exits 0 within a few seconds");

    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contributions WHERE id = $1")
        .bind(&contribution_id)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(stored, 1, "the acknowledged answer is on disk");
}
