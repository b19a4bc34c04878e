//! A child's photo through the real routes: upload as a multipart form, the stored copy served
//! only to staff allowed to see it, and refusals that send the child back with a reason.

use crate::common::upload::{multipart, multipart_with, photo_bytes, BOUNDARY};
use crate::common::{heard, Heard};
use app::data::{contribution, session, staff, Db};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A child who has joined, agreed, and reached the photo question (position 5).
async fn child_at_photo_question(db: &Db) -> (String, String, String) {
    let facilitator = staff::find_by_email(db, "facilitator@heard.example")
        .await
        .unwrap();
    let opened = session::open(
        db,
        session::NewSession::new("activity-short-breaks", "School hall", &facilitator.id),
    )
    .await
    .unwrap();
    let participation = contribution::join(db, &opened.join_code).await.unwrap();
    contribution::assent(db, &participation, None)
        .await
        .unwrap();
    let page = contribution::prompt_page(db, &participation, 5)
        .await
        .unwrap();
    (participation, page.prompt.id, page.contribution_id)
}

async fn upload(
    heard: &Heard,
    participation: &str,
    fields: &[(&str, &str)],
    file: &[u8],
) -> (StatusCode, String) {
    send(heard, participation, multipart(fields, file)).await
}

async fn send(heard: &Heard, participation: &str, body: Vec<u8>) -> (StatusCode, String) {
    let request = Request::post(format!("/take/{participation}/media"))
        .header("sec-fetch-site", "same-origin")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(body))
        .unwrap();
    let response = heard.router.clone().oneshot(request).await.unwrap();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (response.status(), location)
}

/// Signs in as the demo account for `role` (its email and password follow one pattern).
async fn token_for(db: &Db, role: &str) -> String {
    let email = format!("{role}@heard.example");
    crate::common::token_for(db, &email, &format!("demo-{role}-password")).await
}

#[tokio::test]
async fn a_photo_is_stored_and_shown_only_to_staff_who_may_see_it() {
    let heard = heard().await;
    let (participation, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
    let fields = [
        ("prompt", prompt.as_str()),
        ("contribution", contribution_id.as_str()),
        ("consent", "team"),
    ];

    let (status, location) = upload(&heard, &participation, &fields, &photo_bytes()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/take/{participation}/today"));
    // Sent again (a retry on poor Wi-Fi): same place, still one answer.
    assert_eq!(
        upload(&heard, &participation, &fields, &photo_bytes())
            .await
            .1,
        location
    );

    let said = contribution::for_session(&heard.db, &session_of(&heard.db, &participation).await)
        .await
        .unwrap();
    assert_eq!(said.len(), 1);
    let app::domain::Answer::Photo(picture) = &said[0].answer else {
        panic!("not a photo")
    };
    let full = format!("/staff/media/{}", picture.media_id);

    assert_eq!(
        crate::common::get_as(&heard, &full, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let commissioner = token_for(&heard.db, "commissioner").await;
    assert_eq!(
        crate::common::get_as(&heard, &full, Some(&commissioner))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );

    let facilitator = token_for(&heard.db, "facilitator").await;
    let response = crate::common::get_as(&heard, &full, Some(&facilitator)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert_eq!(headers[header::CONTENT_TYPE], "image/jpeg");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("inline; filename=\"heard-"));
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 40);
    let thumb = crate::common::get_as(&heard, &format!("{full}/thumb"), Some(&facilitator)).await;
    assert_eq!(thumb.status(), StatusCode::OK);
}

async fn session_of(db: &Db, participation: &str) -> String {
    use sqlx::Row;
    sqlx::query("SELECT session_id FROM participations WHERE id = $1")
        .bind(participation)
        .fetch_one(db.pool())
        .await
        .unwrap()
        .get::<String, _>("session_id")
}

#[tokio::test]
async fn refused_uploads_send_the_child_back_with_a_reason() {
    let heard = heard().await;
    let (participation, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
    let fields = [
        ("prompt", prompt.as_str()),
        ("contribution", contribution_id.as_str()),
    ];
    let back = |problem: &str| format!("/take/{participation}/5?way=photo&problem={problem}");

    let page = b"<html><script>alert('hi')</script></html>";
    assert_eq!(
        upload(&heard, &participation, &fields, page).await.1,
        back("not-allowed")
    );
    assert_eq!(
        upload(&heard, &participation, &fields, b"").await.1,
        back("empty")
    );
    let photo = photo_bytes();
    assert_eq!(
        upload(&heard, &participation, &fields, &photo[..photo.len() / 2])
            .await
            .1,
        back("unreadable")
    );
    let huge = vec![0xFFu8; app::media::PHOTO_MAX_BYTES + 1];
    assert_eq!(
        upload(&heard, &participation, &fields, &huge).await.1,
        back("too-large")
    );

    let said = contribution::for_session(&heard.db, &session_of(&heard.db, &participation).await)
        .await
        .unwrap();
    assert!(said.is_empty(), "nothing is stored from a refused upload");
    let stored = heard.stored_files().await;
    assert_eq!(stored, 0, "no files are left behind");
}

#[tokio::test]
async fn a_drawing_arrives_as_a_png_and_stays_one() {
    let heard = heard().await;
    let (participation, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
    let fields = [
        ("prompt", prompt.as_str()),
        ("contribution", contribution_id.as_str()),
    ];
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
        96,
        60,
        image::Rgb([250, 250, 250]),
    ))
    .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
    .unwrap();

    let (status, location) = send(
        &heard,
        &participation,
        multipart_with(&fields, "drawing", &png),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/take/{participation}/today"));

    let session = session_of(&heard.db, &participation).await;
    let said = contribution::for_session(&heard.db, &session)
        .await
        .unwrap();
    let app::domain::Answer::Drawing(picture) = &said[0].answer else {
        panic!("not a drawing: {:?}", said[0].answer)
    };
    let facilitator = token_for(&heard.db, "facilitator").await;
    let response = crate::common::get_as(
        &heard,
        &format!("/staff/media/{}", picture.media_id),
        Some(&facilitator),
    )
    .await;
    assert_eq!(response.headers()[header::CONTENT_TYPE], "image/png");
}

#[tokio::test]
async fn a_voice_recording_is_kept_as_received_and_has_no_thumbnail() {
    let heard = heard().await;
    let (participation, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
    let fields = [
        ("prompt", prompt.as_str()),
        ("contribution", contribution_id.as_str()),
    ];
    // The start of a WebM/Opus file as MediaRecorder makes it.
    let mut webm = vec![0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84];
    webm.extend(b"webm");
    webm.extend([0x16, 0x54, 0xAE, 0x6B, 0x8A, 0xAE, 0x88, 0x86, 0x86]);
    webm.extend(b"A_OPUS");
    webm.extend([0u8; 200]);

    let (status, location) = send(
        &heard,
        &participation,
        multipart_with(&fields, "recording", &webm),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/take/{participation}/today"));

    let session = session_of(&heard.db, &participation).await;
    let said = contribution::for_session(&heard.db, &session)
        .await
        .unwrap();
    let app::domain::Answer::Audio(recording) = &said[0].answer else {
        panic!("not a recording: {:?}", said[0].answer)
    };
    let facilitator = token_for(&heard.db, "facilitator").await;
    let full = format!("/staff/media/{}", recording.media_id);
    let response = crate::common::get_as(&heard, &full, Some(&facilitator)).await;
    assert_eq!(response.headers()[header::CONTENT_TYPE], "audio/webm");
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(
        bytes.as_ref(),
        webm.as_slice(),
        "a recording is stored as received"
    );
    let thumb = crate::common::get_as(&heard, &format!("{full}/thumb"), Some(&facilitator)).await;
    assert_eq!(thumb.status(), StatusCode::NOT_FOUND);
}

/// A resend from the tablet's service worker, after the Wi-Fi came back.
async fn send_queued(heard: &Heard, participation: &str, body: Vec<u8>) -> (StatusCode, String) {
    let request = Request::post(format!("/take/{participation}/media"))
        .header("sec-fetch-site", "same-origin")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(app::api::media::QUEUED_HEADER, "1")
        .body(Body::from(body))
        .unwrap();
    let response = heard.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn an_upload_kept_on_the_tablet_is_answered_with_whether_it_was_stored() {
    let heard = heard().await;
    let (participation, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
    let fields = [
        ("then", "/take/x/today"),
        ("prompt", prompt.as_str()),
        ("contribution", contribution_id.as_str()),
    ];
    let photo = photo_bytes();

    let stored = send_queued(&heard, &participation, multipart(&fields, &photo)).await;
    assert_eq!(stored.0, StatusCode::OK);
    // The first send arrived but its reply was lost: the resend is stored once.
    let again = send_queued(&heard, &participation, multipart(&fields, &photo)).await;
    assert_eq!(again.0, StatusCode::OK);
    let session = session_of(&heard.db, &participation).await;
    assert_eq!(
        contribution::for_session(&heard.db, &session)
            .await
            .unwrap()
            .len(),
        1
    );

    // Something else under the same id, or a file we cannot take, is refused for good, with a
    // reason the adult can read on the tablet.
    let mut other = photo.clone();
    other.extend(b"different");
    let conflict = send_queued(&heard, &participation, multipart(&fields, &other)).await;
    assert_eq!(conflict.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(conflict.1.contains("A different answer was already sent"));
    let (next_child, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
    let fields = [
        ("prompt", prompt.as_str()),
        ("contribution", contribution_id.as_str()),
    ];
    let refused = send_queued(&heard, &next_child, multipart(&fields, b"<html></html>")).await;
    assert_eq!(refused.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.1.contains("not something we can take"));
}

#[tokio::test]
async fn an_oversized_upload_is_refused_before_it_has_all_arrived() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let heard = heard().await;
    let (participation, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
    let head = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\n{prompt}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"contribution\"\r\n\r\n{contribution_id}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.png\"\r\n\r\n"
    );
    // 100 MB offered a megabyte at a time; the photo limit is 12 MB.
    const CHUNKS: usize = 100;
    let pulled = Arc::new(AtomicUsize::new(0));
    let counter = pulled.clone();
    let chunks = std::iter::once(head.into_bytes()).chain((0..CHUNKS).map(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        vec![0xFFu8; 1024 * 1024]
    }));
    // Each chunk arrives after a pause, as over a network; a stream that is always ready would
    // be read up to the limit before any field is parsed.
    use futures_util::StreamExt;
    let arriving = futures_util::stream::iter(chunks).then(|chunk| async move {
        tokio::task::yield_now().await;
        Ok::<_, std::io::Error>(chunk)
    });
    let body = Body::from_stream(arriving);
    let request = Request::post(format!("/take/{participation}/media"))
        .header("sec-fetch-site", "same-origin")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
        .unwrap();
    let response = heard.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[header::LOCATION].to_str().unwrap();
    assert!(location.ends_with("problem=too-large"), "{location}");
    let read = pulled.load(Ordering::SeqCst);
    assert!(read < 20, "read {read} MB of a 100 MB upload");
}

#[tokio::test]
async fn ten_copies_of_one_upload_at_once_are_stored_once() {
    let heard = heard().await;
    let (participation, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
    let fields = [
        ("prompt", prompt.as_str()),
        ("contribution", contribution_id.as_str()),
    ];
    let photo = photo_bytes();
    let sends = (0..10).map(|_| send(&heard, &participation, multipart(&fields, &photo)));
    let results = futures_util::future::join_all(sends).await;
    for (status, location) in &results {
        assert_eq!(*status, StatusCode::SEE_OTHER);
        assert_eq!(location, &format!("/take/{participation}/today"));
    }
    let session = session_of(&heard.db, &participation).await;
    assert_eq!(
        contribution::for_session(&heard.db, &session)
            .await
            .unwrap()
            .len(),
        1
    );
    // The copies that lost the race leave no files behind: one photo and its thumbnail.
    let stored = heard.stored_files().await;
    assert_eq!(stored, 2);
}

#[tokio::test]
async fn each_role_sees_exactly_the_media_the_childs_consent_allows() {
    let heard = heard().await;
    let mut stored = Vec::new();
    for consent in ["team", "decision_makers", "public"] {
        let (participation, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
        let fields = [
            ("prompt", prompt.as_str()),
            ("contribution", contribution_id.as_str()),
            ("consent", consent),
        ];
        upload(&heard, &participation, &fields, &photo_bytes()).await;
        let session = session_of(&heard.db, &participation).await;
        let said = contribution::for_session(&heard.db, &session)
            .await
            .unwrap();
        let app::domain::Answer::Photo(picture) = &said[0].answer else {
            panic!("not a photo")
        };
        stored.push((consent, format!("/staff/media/{}", picture.media_id)));
    }
    // Who may see what, by the child's consent: team only, decision makers too, public board.
    let table = [
        ("admin", [true, true, true]),
        ("facilitator", [true, true, true]),
        ("safeguarding", [true, true, true]),
        ("commissioner", [false, true, true]),
        ("viewer", [false, false, true]),
    ];
    for (consent, path) in &stored {
        assert_eq!(
            crate::common::get_as(&heard, path, None).await.status(),
            StatusCode::UNAUTHORIZED,
            "{consent} photo without signing in"
        );
    }
    for (role, allowed) in table {
        let token = token_for(&heard.db, role).await;
        for ((consent, path), allowed) in stored.iter().zip(allowed) {
            let expected = if allowed {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(
                crate::common::get_as(&heard, path, Some(&token))
                    .await
                    .status(),
                expected,
                "{role} and a {consent} photo"
            );
        }
    }
}

#[tokio::test]
async fn the_public_board_shows_only_pictures_children_let_anyone_see() {
    use app::data::decision::{self, NewDecision, NewFeedback};
    use app::domain::{CommissioningStage, DecisionStatus, OutcomeLevel};
    let heard = heard().await;
    let mut pictures = Vec::new();
    for consent in ["decision_makers", "public"] {
        let (participation, prompt, contribution_id) = child_at_photo_question(&heard.db).await;
        let fields = [
            ("prompt", prompt.as_str()),
            ("contribution", contribution_id.as_str()),
            ("consent", consent),
        ];
        upload(&heard, &participation, &fields, &photo_bytes()).await;
        let session = session_of(&heard.db, &participation).await;
        let said = contribution::for_session(&heard.db, &session)
            .await
            .unwrap();
        let app::domain::Answer::Photo(picture) = &said[0].answer else {
            panic!("not a photo")
        };
        pictures.push((
            said[0].id.clone(),
            format!("/board/pictures/{}", picture.media_id),
        ));
    }
    let commissioner = staff::find_by_email(&heard.db, "commissioner@heard.example")
        .await
        .unwrap();
    let new = NewDecision {
        priority_id: "priority-8".into(),
        forum_id: "forum-send-tc".into(),
        title: "Gardens".into(),
        decided: "A garden at each short break.".into(),
        status: DecisionStatus::Agreed,
        decided_on: "2026-11-20".into(),
        stage: CommissioningStage::Do,
        outcome_level: OutcomeLevel::Service,
        decision_maker: "Commissioning panel".into(),
        reason: String::new(),
    };
    let id = decision::create(&heard.db, new, &commissioner.id)
        .await
        .unwrap();
    for (contribution_id, _) in &pictures {
        decision::link(&heard.db, &id, contribution_id, "Gardens", &commissioner.id)
            .await
            .unwrap();
    }
    let (_, public) = &pictures[1];
    // Not on the board before the feedback is published.
    assert_eq!(
        crate::common::get_as(&heard, public, None).await.status(),
        StatusCode::NOT_FOUND
    );
    let message = NewFeedback {
        plain_text: "We are making gardens.".into(),
        easy_read: "Gardens. Yes!".into(),
        symbol: None,
    };
    decision::publish(&heard.db, &id, &message, &commissioner.id)
        .await
        .unwrap();
    let shown = crate::common::get_as(&heard, public, None).await;
    assert_eq!(shown.status(), StatusCode::OK);
    assert_eq!(shown.headers()[header::CONTENT_TYPE], "image/jpeg");
    let (_, decision_makers_only) = &pictures[0];
    assert_eq!(
        crate::common::get_as(&heard, decision_makers_only, None)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
