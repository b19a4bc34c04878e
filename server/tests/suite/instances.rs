//! Several app servers on one PostgreSQL, as a council runs them behind a load balancer: what a
//! child says on one server reaches the facilitator's live view on another, and a server killed
//! behind Debian's nginx loses nothing. Runs when HEARD_TEST_DATABASE_URL is a postgres:// URL
//! (the test script's PostgreSQL run); the balancer needs nginx.

use crate::common::process::{
    child_at_written_question, free_address, live_view, open_hall, post_answer, start_with,
};
use crate::common::token_for;
use app::api::child::SubmitAnswer;
use app::data::{contribution, new_id, Db};
use leptos::server_fn::ServerFn;
use std::time::Duration;
use tokio::io::AsyncBufReadExt;

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
    let client = reqwest::Client::new();
    let answering = (participation.as_str(), prompt.as_str());
    let mut line = String::new();
    let mut heard = false;
    for _ in 0..5 {
        let reply = post_answer(&client, &format!("http://{second}"), answering, &new_id())
            .send()
            .await
            .unwrap();
        assert!(reply.status().is_success(), "{}", reply.status());
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

/// Debian's nginx with the deployment example in front of three servers (`.ci/balancer`),
/// stopped when dropped.
struct Balancer {
    nginx: std::process::Child,
    dir: std::path::PathBuf,
    url: String,
}

impl Balancer {
    async fn start(servers: &[std::net::SocketAddr; 3]) -> Balancer {
        let dir = std::env::temp_dir().join(format!("heard-balancer-{}", uuid::Uuid::new_v4()));
        let port = free_address().port();
        let nginx =
            std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.ci/balancer"))
                .arg(&dir)
                .arg(port.to_string())
                .args(servers.iter().map(|server| server.to_string()))
                .spawn()
                .expect("the balancer script runs");
        let balancer = Balancer {
            nginx,
            dir,
            url: format!("https://127.0.0.1:{port}"),
        };
        let client = tls_client();
        for _ in 0..100 {
            let reply = client.get(format!("{}/healthz", balancer.url)).send().await;
            if reply.is_ok_and(|reply| reply.status().is_success()) {
                return balancer;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("nginx never answered through {}", balancer.url);
    }

    /// What nginx did with each answer posted through it.
    fn answers(&self) -> Vec<Passed> {
        std::fs::read_to_string(self.dir.join("access.log"))
            .unwrap()
            .lines()
            .filter(|line| line.starts_with(&format!("POST {} ", SubmitAnswer::url())))
            .map(Passed::parse)
            .collect()
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        // SIGTERM: nginx's master then stops its workers too.
        let _ = std::process::Command::new("kill")
            .arg(self.nginx.id().to_string())
            .status();
        let _ = self.nginx.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One line of the balancer's access log: the status the tablet got, and each server nginx
/// tried in turn.
struct Passed {
    status: u16,
    tried: Vec<String>,
}

impl Passed {
    fn parse(line: &str) -> Passed {
        let field = |name: &str| {
            let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            line[start..][..line[start..].find('"').unwrap()].to_owned()
        };
        Passed {
            status: line.split(' ').nth(2).unwrap().parse().unwrap(),
            tried: field("upstreams").split(", ").map(str::to_owned).collect(),
        }
    }
}

/// The balancer's certificate is made for the test, so it is not checked.
fn tls_client() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_server_killed_behind_the_balancer_loses_no_acknowledged_answer_and_stores_none_twice() {
    let Some(url) = postgres_url() else {
        return;
    };
    const TABLETS: usize = 300;
    let database_url = own_schema(&url).await;
    let settings = [("DATABASE_URL", database_url.as_str())];
    let servers = [free_address(), free_address(), free_address()];
    let mut running = Vec::new();
    for server in servers {
        running.push(start_with(server, &settings).await);
    }
    let balancer = Balancer::start(&servers).await;
    let db = Db::open(&database_url).await.unwrap();
    let opened = open_hall(&db).await;
    let mut tablets = Vec::new();
    for _ in 0..TABLETS {
        tablets.push(child_at_written_question(&db, &opened.join_code).await);
    }

    // Each tablet sends its answer through the balancer, as the service worker does; an answer
    // that got no acknowledgement is sent again after a moment, with the same id.
    let client = tls_client();
    let sends: Vec<_> = tablets
        .into_iter()
        .enumerate()
        .map(|(n, (participation, prompt))| {
            let (client, base) = (client.clone(), balancer.url.clone());
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(5 * n as u64)).await;
                let id = new_id();
                for resends in 0..20 {
                    let reply = post_answer(&client, &base, (&participation, &prompt), &id)
                        .send()
                        .await;
                    if reply.is_ok_and(|reply| reply.status().is_success()) {
                        return (id, resends);
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                panic!("an answer was never acknowledged");
            })
        })
        .collect();
    // A third of the way through, once it has acknowledged a few itself, the second server dies
    // without a chance to finish anything.
    let victim = servers[1].to_string();
    let answered_by = |answers: &[Passed]| {
        answers
            .iter()
            .filter(|passed| passed.status == 200 && passed.tried.last() == Some(&victim))
            .count()
    };
    let waiting = std::time::Instant::now();
    while {
        let answers = balancer.answers();
        answers.len() < TABLETS / 3 || answered_by(&answers) < 5
    } {
        assert!(
            waiting.elapsed() < Duration::from_secs(30),
            "nginx never sent the second server an answer"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    running[1].child.kill().unwrap();
    let killed = balancer.answers().len();

    let mut acknowledged = Vec::new();
    let mut resent = 0;
    for send in sends {
        let (id, resends) = send.await.unwrap();
        resent += resends;
        acknowledged.push(id);
    }
    for id in &acknowledged {
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contributions WHERE id = $1")
            .bind(id)
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(stored, 1, "every acknowledged answer is stored, once");
    }
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    assert_eq!(said.len(), TABLETS, "nothing stored twice under another id");

    let answers = balancer.answers();
    let answered_by_victim = answered_by(&answers);
    let met_the_dead = answers
        .iter()
        .filter(|passed| {
            let answered = passed.status == 200 && passed.tried.last() == Some(&victim);
            passed.tried.contains(&victim) && !answered
        })
        .count();
    let passed_on = answers
        .iter()
        .filter(|passed| passed.status == 200 && passed.tried.len() > 1)
        .count();
    let failed = answers.iter().filter(|passed| passed.status != 200).count();
    assert!(
        killed < TABLETS,
        "the server died while answers were still coming"
    );
    assert!(met_the_dead > 0, "some answers met the dead server");
    eprintln!(
        "{TABLETS} answers acknowledged through nginx; the server killed after {killed} had \
         answered {answered_by_victim}; {met_the_dead} met it dead, of which nginx passed {passed_on} on to \
         another server itself; {failed} came back as failures and the tablets sent them again \
         ({resent} resends); 0 lost, 0 stored twice"
    );
}
