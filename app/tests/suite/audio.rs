//! Recordings are accepted by their bytes: WebM/Opus and MP4/AAC audio within the time limit;
//! video, other files and over-long MP4s are refused.

use app::media::{check_audio, MediaError};

/// The start of a WebM file as MediaRecorder writes it: the EBML header naming the `webm`
/// doctype, then a track with the given codec.
fn webm(codec: &[u8]) -> Vec<u8> {
    let mut file = vec![
        0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84,
    ];
    file.extend(b"webm");
    file.extend([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]);
    file.extend([
        0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ]);
    file.extend([
        0x16,
        0x54,
        0xAE,
        0x6B,
        0x90,
        0xAE,
        0x8E,
        0x86,
        0x80 + codec.len() as u8,
    ]);
    file.extend(codec);
    file.extend([0u8; 64]);
    file
}

fn mp4_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    out.extend(kind);
    out.extend(body);
    out
}

/// An MP4 as Safari records it: `ftyp`, then `moov` with `mvhd` (timescale, duration) and one
/// track whose `hdlr` says what it is.
fn mp4(handler: &[u8; 4], timescale: u32, duration: u32) -> Vec<u8> {
    let mut mvhd = vec![0u8; 12];
    mvhd.extend(timescale.to_be_bytes());
    mvhd.extend(duration.to_be_bytes());
    mvhd.extend([0u8; 80]);
    let mut hdlr = vec![0u8; 8];
    hdlr.extend(handler);
    hdlr.extend([0u8; 13]);
    let track = mp4_box(b"trak", &mp4_box(b"mdia", &mp4_box(b"hdlr", &hdlr)));
    let mut moov_body = mp4_box(b"mvhd", &mvhd);
    moov_body.extend(track);
    let mut file = mp4_box(b"ftyp", b"M4A \0\0\0\0isomM4A ");
    file.extend(mp4_box(b"moov", &moov_body));
    file
}

#[test]
fn webm_with_opus_is_kept_as_audio() {
    assert_eq!(
        check_audio(&webm(b"A_OPUS")).unwrap().content_type,
        "audio/webm"
    );
}

#[test]
fn webm_with_video_is_refused() {
    assert_eq!(
        check_audio(&webm(b"V_VP8")).unwrap_err(),
        MediaError::NotAllowed
    );
}

#[test]
fn mp4_audio_within_the_limit_is_kept() {
    let thirty_seconds = mp4(b"soun", 1000, 30_000);
    assert_eq!(
        check_audio(&thirty_seconds).unwrap().content_type,
        "audio/mp4"
    );
}

#[test]
fn mp4_longer_than_the_limit_is_refused() {
    let five_minutes = mp4(b"soun", 44_100, 44_100 * 300);
    assert_eq!(
        check_audio(&five_minutes).unwrap_err(),
        MediaError::TooLong { limit_secs: 120 }
    );
}

#[test]
fn mp4_video_is_refused() {
    assert_eq!(
        check_audio(&mp4(b"vide", 1000, 5_000)).unwrap_err(),
        MediaError::NotAllowed
    );
}

#[test]
fn other_files_are_refused_whatever_they_are_called() {
    assert_eq!(
        check_audio(b"<html>voice.webm</html>").unwrap_err(),
        MediaError::NotAllowed
    );
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(check_audio(png).unwrap_err(), MediaError::NotAllowed);
}
