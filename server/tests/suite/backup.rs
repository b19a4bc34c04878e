//! `server backup` while children are answering: the copy holds every answer acknowledged before
//! it began, with its picture, and restores into a Heard that can show them.

use crate::common::process::{
    child_at_question, free_address, open_hall, post_answer, printed, run_command, sqlite_in, start,
};
use crate::common::upload::{multipart, photo_bytes, BOUNDARY};
use app::data::{media, Db};
use std::time::{Duration, Instant};

const WRITTEN: usize = 150;
const PHOTOS: usize = 30;

/// An answer the server acknowledged, and when.
struct Acknowledged {
    contribution: String,
    at: Instant,
    photo: bool,
}

#[tokio::test]
async fn a_backup_taken_while_children_answer_holds_every_answer_acknowledged_before_it() {
    let address = free_address();
    let server = start(address).await;
    let db = Db::open(&sqlite_in(&server.data_dir)).await.unwrap();
    let opened = open_hall(&db).await;
    let mut written = Vec::new();
    for _ in 0..WRITTEN {
        written.push(child_at_question(&db, &opened.join_code, 2).await);
    }
    let mut photos = Vec::new();
    for _ in 0..PHOTOS {
        photos.push(child_at_question(&db, &opened.join_code, 5).await);
    }
    db.close().await;

    // Answers arrive over about a second and a half, written ones and photos; the backup starts
    // part way through.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let base = format!("http://{address}");
    let mut sends = Vec::new();
    for (n, (participation, prompt, contribution)) in written.into_iter().enumerate() {
        let (client, base) = (client.clone(), base.clone());
        sends.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(10 * n as u64)).await;
            let reply = post_answer(&client, &base, (&participation, &prompt), &contribution)
                .send()
                .await
                .unwrap();
            assert!(reply.status().is_success(), "{}", reply.status());
            Acknowledged {
                contribution,
                at: Instant::now(),
                photo: false,
            }
        }));
    }
    for (n, (participation, prompt, contribution)) in photos.into_iter().enumerate() {
        let (client, url) = (client.clone(), format!("{base}/take/{participation}/media"));
        sends.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(50 * n as u64)).await;
            let fields = [
                ("prompt", prompt.as_str()),
                ("contribution", contribution.as_str()),
                ("consent", "team"),
            ];
            let reply = client
                .post(url)
                .header("sec-fetch-site", "same-origin")
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={BOUNDARY}"),
                )
                .body(multipart(&fields, &photo_bytes()))
                .send()
                .await
                .unwrap();
            let location = reply.headers()["location"].to_str().unwrap().to_owned();
            assert_eq!(location, format!("/take/{participation}/today"), "stored");
            Acknowledged {
                contribution,
                at: Instant::now(),
                photo: true,
            }
        }));
    }

    tokio::time::sleep(Duration::from_millis(700)).await;
    let backup_dir = server.data_dir.with_extension("backup");
    let began = Instant::now();
    let backed_up = tokio::task::spawn_blocking({
        let (data_dir, backup_dir) = (server.data_dir.clone(), backup_dir.clone());
        move || {
            run_command(
                &data_dir,
                &["backup", "--to", backup_dir.to_str().unwrap()],
                &[],
            )
        }
    })
    .await
    .unwrap();
    assert!(backed_up.status.success(), "{}", printed(&backed_up));
    let mut acknowledged = Vec::new();
    for send in sends {
        acknowledged.push(send.await.unwrap());
    }
    let (before, during): (Vec<_>, Vec<_>) =
        acknowledged.iter().partition(|answer| answer.at < began);
    assert!(
        !before.is_empty() && !during.is_empty(),
        "the backup was taken while answers were arriving"
    );

    let restored_dir = server.data_dir.with_extension("restored");
    let restored = run_command(
        &restored_dir,
        &["restore", "--from", backup_dir.to_str().unwrap()],
        &[],
    );
    assert!(restored.status.success(), "{}", printed(&restored));
    let copy = Db::open(&sqlite_in(&restored_dir)).await.unwrap();
    let intact: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(copy.pool())
        .await
        .unwrap();
    assert_eq!(intact, "ok");
    for answer in &before {
        let media_id: Option<Option<String>> =
            sqlx::query_scalar("SELECT media_id FROM contributions WHERE id = $1")
                .bind(&answer.contribution)
                .fetch_optional(copy.pool())
                .await
                .unwrap();
        let media_id = media_id.expect("every answer acknowledged before the backup is in it");
        assert_eq!(media_id.is_some(), answer.photo);
    }
    // Every picture the copy knows of, including those that arrived during the backup, has its
    // files, and they are pictures.
    let pictures: Vec<String> =
        sqlx::query_scalar("SELECT media_id FROM contributions WHERE media_id IS NOT NULL")
            .fetch_all(copy.pool())
            .await
            .unwrap();
    let photos_before = before.iter().filter(|answer| answer.photo).count();
    assert!(pictures.len() >= photos_before && photos_before > 0);
    for id in &pictures {
        let (full, thumbnail) = media::keys(id);
        for key in [full, thumbnail] {
            let bytes = std::fs::read(restored_dir.join("media").join(&key))
                .unwrap_or_else(|_| panic!("the picture {key} is in the backup"));
            image::load_from_memory(&bytes).expect("a whole picture");
        }
    }
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contributions")
        .fetch_one(copy.pool())
        .await
        .unwrap();
    copy.close().await;
    eprintln!(
        "{} answers acknowledged before the backup began, all in it ({photos_before} photos); {} \
         during it, of which the copy holds {}",
        before.len(),
        during.len(),
        stored as usize - before.len()
    );
    let _ = std::fs::remove_dir_all(backup_dir);
    let _ = std::fs::remove_dir_all(restored_dir);
}
