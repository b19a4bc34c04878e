//! A 12-megapixel tablet photo through Heard's whole image pipeline (sniff, decode under limits,
//! turn upright, shrink, re-encode, thumbnail) against a bare decode, resize and encode of the
//! same file, in the same run; and the peak memory of each, measured in a process of its own.
//!
//!     cargo bench -p server --bench photo

mod common;

use app::media::sanitise_image;
use common::peak_kib;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn main() {
    // Re-run as a child process for one side and a photo file, so its peak memory is its own.
    let args: Vec<String> = std::env::args()
        .skip_while(|a| a != "--only")
        .skip(1)
        .collect();
    if let [side, file] = args.as_slice() {
        run(side, &std::fs::read(file).expect("photo file"));
        println!("{}", peak_kib());
        return;
    }
    let photo = twelve_megapixels();
    let file = std::env::temp_dir().join(format!("heard-bench-photo-{}.jpg", std::process::id()));
    std::fs::write(&file, &photo).unwrap();
    println!(
        "Heard photo benchmark: a {} KB 4000x3000 JPEG, median of {RUNS} runs",
        photo.len() / 1024
    );
    let pipeline = median(|| run("pipeline", &photo));
    let bare = median(|| run("bare", &photo));
    println!(
        "pipeline: {:.0} ms, bare decode+resize+encode: {:.0} ms, ratio {:.2}",
        pipeline.as_secs_f64() * 1000.0,
        bare.as_secs_f64() * 1000.0,
        pipeline.as_secs_f64() / bare.as_secs_f64()
    );
    for side in ["pipeline", "bare"] {
        let output = Command::new(std::env::current_exe().unwrap())
            .args(["--only", side])
            .arg(&file)
            .output()
            .expect("child run");
        let peak: u64 = String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .expect("peak");
        println!(
            "peak memory, {side}: {} MB (whole process, photo included)",
            peak / 1024
        );
    }
    let _ = std::fs::remove_file(file);
}

fn run(side: &str, photo: &[u8]) {
    match side {
        "pipeline" => {
            sanitise_image(photo).expect("a photo passes");
        }
        _ => {
            let picture = image::load_from_memory(photo).unwrap();
            let shrunk = picture.resize(1600, 1600, FilterType::Triangle);
            let mut out = Vec::new();
            JpegEncoder::new_with_quality(&mut out, 85)
                .encode_image(&shrunk)
                .unwrap();
        }
    }
}

fn median(mut once: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            once();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// A photo-like picture: smooth light with fine detail, as a camera makes, so the JPEG is of a
/// realistic size.
fn twelve_megapixels() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(4000, 3000, |x, y| {
        let grain = ((x * 7919 + y * 104_729) % 23) as u8;
        image::Rgb([
            (x / 16) as u8 ^ grain,
            (y / 12) as u8,
            ((x + y) / 28) as u8 + grain,
        ])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&picture)
        .unwrap();
    out
}
