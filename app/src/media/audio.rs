//! Voice recordings are kept as received, after checks on their bytes: WebM with Opus (Chrome,
//! Android) or MP4 with AAC (Safari, iPad), audio only, and no longer than the limit.

use super::MediaError;
use crate::domain::MAX_RECORDING_SECS;

/// A recording that passed the checks, with the one content type it will be served with.
#[derive(Debug, PartialEq, Eq)]
pub struct CheckedAudio {
    pub content_type: &'static str,
}

/// Accepts a WebM/Opus or MP4/AAC recording by its content; refuses anything with a video
/// track, anything else, and MP4s whose header says they run longer than the limit.
pub fn check_audio(bytes: &[u8]) -> Result<CheckedAudio, MediaError> {
    match infer::get(bytes).map(|kind| kind.mime_type()) {
        Some("video/webm" | "audio/webm") => check_webm(bytes),
        Some("video/mp4" | "audio/mp4" | "audio/m4a" | "audio/x-m4a") => check_mp4(bytes),
        _ => Err(MediaError::NotAllowed),
    }
}

fn contains(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|window| window == needle)
}

/// Matroska names each track's codec in ASCII: `A_OPUS` for the audio MediaRecorder makes,
/// `V_…` for any video.
fn check_webm(bytes: &[u8]) -> Result<CheckedAudio, MediaError> {
    let has_video = [&b"V_VP8"[..], b"V_VP9", b"V_AV1", b"V_MPEG", b"V_MS/"]
        .iter()
        .any(|codec| contains(bytes, codec));
    if has_video || !contains(bytes, b"A_OPUS") {
        return Err(MediaError::NotAllowed);
    }
    Ok(CheckedAudio {
        content_type: "audio/webm",
    })
}

/// MP4 says what each track is in its `hdlr` box (`soun` or `vide`) and how long the whole is
/// in `mvhd` (a duration in units of its timescale).
fn check_mp4(bytes: &[u8]) -> Result<CheckedAudio, MediaError> {
    let handlers: Vec<&[u8]> = boxes(bytes, b"hdlr")
        .filter_map(|at| bytes.get(at + 12..at + 16))
        .collect();
    if handlers.is_empty() || handlers.contains(&&b"vide"[..]) || !handlers.contains(&&b"soun"[..])
    {
        return Err(MediaError::NotAllowed);
    }
    if let Some(seconds) = boxes(bytes, b"mvhd")
        .next()
        .and_then(|at| mvhd_seconds(bytes, at))
    {
        if seconds > u64::from(MAX_RECORDING_SECS) {
            return Err(MediaError::TooLong {
                limit_secs: MAX_RECORDING_SECS,
            });
        }
    }
    Ok(CheckedAudio {
        content_type: "audio/mp4",
    })
}

/// Where each box of this type starts (the offset of its four-letter type).
fn boxes<'a>(bytes: &'a [u8], kind: &'a [u8; 4]) -> impl Iterator<Item = usize> + 'a {
    bytes
        .windows(4)
        .enumerate()
        .filter(move |(_, window)| window == kind)
        .map(|(at, _)| at)
}

fn mvhd_seconds(bytes: &[u8], at: usize) -> Option<u64> {
    let be32 = |from: usize| -> Option<u64> {
        Some(u64::from(u32::from_be_bytes(
            bytes.get(from..from + 4)?.try_into().ok()?,
        )))
    };
    let (timescale, duration) = match bytes.get(at + 4)? {
        0 => (be32(at + 16)?, be32(at + 20)?),
        1 => (
            be32(at + 24)?,
            u64::from_be_bytes(bytes.get(at + 28..at + 36)?.try_into().ok()?),
        ),
        _ => return None,
    };
    (timescale > 0).then(|| duration / timescale)
}
