//! Peak memory of the server while 20 children send worst-case pictures at once: PNGs just under
//! the pixel limit (24 MP), tiny on the wire and large once decoded, through the real route.
//! Decodes wait for one another (one per core), so the peak stays far under 1 GB.
//!
//!     cargo bench -p server --bench uploads

mod common;

use app::data::{contribution, session, staff};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::peak_kib;
use server::{build_app, Config, Server};
use std::time::Instant;
use tower::ServiceExt;

const CHILDREN: usize = 20;
const BOUNDARY: &str = "heard-bench-boundary";

#[tokio::main]
async fn main() {
    let data_dir = std::env::temp_dir().join(format!("heard-bench-uploads-{}", std::process::id()));
    let mut config = Config::in_data_dir(&data_dir);
    config.seed_demo = true;
    let Server { router, db, .. } = build_app(&config).await.expect("Heard starts");
    let facilitator = staff::find_by_email(&db, "facilitator@heard.example")
        .await
        .unwrap();
    let opened = session::open(
        &db,
        session::NewSession::new("activity-short-breaks", "Hall", &facilitator.id),
    )
    .await
    .unwrap();

    // 6000 × 3999: just under 24 megapixels, 96 MB as RGBA once decoded.
    let worst = worst_case_png(6000, 3999);
    let before = peak_kib();
    let mut sends = Vec::new();
    for _ in 0..CHILDREN {
        let turn = contribution::join(&db, &opened.join_code).await.unwrap();
        contribution::assent(&db, &turn, None).await.unwrap();
        let page = contribution::prompt_page(&db, &turn, 5).await.unwrap();
        let body = multipart(&page.prompt.id, &page.contribution_id, &worst);
        let request = Request::post(format!("/take/{turn}/media"))
            .header("sec-fetch-site", "same-origin")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(Body::from(body))
            .unwrap();
        let router = router.clone();
        sends.push(tokio::spawn(async move {
            router.oneshot(request).await.unwrap().status()
        }));
    }
    let started = Instant::now();
    let mut stored = 0;
    for send in sends {
        if send.await.unwrap() == StatusCode::SEE_OTHER {
            stored += 1;
        }
    }
    println!(
        "Heard upload memory benchmark: {CHILDREN} worst-case PNGs ({} KB each, 6000x3999) at once",
        worst.len() / 1024
    );
    println!(
        "stored {stored} of {CHILDREN} in {:.1} s; peak memory {} MB (before the uploads: {} MB; target < 1024 MB)",
        started.elapsed().as_secs_f64(),
        peak_kib() / 1024,
        before / 1024
    );
    let _ = std::fs::remove_dir_all(data_dir);
}

/// A flat-coloured PNG: a few hundred kilobytes that decode to the full pixel count.
fn worst_case_png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_pixel(width, height, image::Rgb([30, 160, 90]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn multipart(prompt: &str, contribution: &str, file: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in [("prompt", prompt), ("contribution", contribution)] {
        body.extend(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\n\
             Content-Type: image/png\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend(file);
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}
