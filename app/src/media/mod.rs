//! The media pipeline: a child's photo or drawing becomes a safe, metadata-free copy, and a
//! recording is checked to be audio of an allowed kind and length, before anything stores it.
//! Every check works on the bytes, never on names or declared types.

mod audio;
mod image;
mod limits;
mod sniff;
mod store;

pub use self::image::{sanitise_image, CleanImage, MAX_EDGE, MAX_PIXELS, THUMB_EDGE};
pub use audio::{check_audio, CheckedAudio};
pub use limits::{LimitedBuffer, DRAWING_MAX_BYTES, PHOTO_MAX_BYTES, RECORDING_MAX_BYTES};
pub use sniff::{sniff, Sniffed};
pub use store::{open_store, ByteStream, LocalDirStore, MediaStore, ObjectMediaStore};

use crate::domain::UploadProblem;

/// Pictures decoded at once, one per core: an upload beyond that waits its turn (it is not
/// refused), so parallel uploads cannot take the server's memory with them.
pub async fn decode_permit() -> tokio::sync::OwnedSemaphorePermit {
    use std::sync::{Arc, OnceLock};
    use tokio::sync::Semaphore;
    static DECODES: OnceLock<Arc<Semaphore>> = OnceLock::new();
    let decodes = DECODES.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Arc::new(Semaphore::new(cores))
    });
    decodes
        .clone()
        .acquire_owned()
        .await
        .expect("the decode semaphore is never closed")
}

/// Why a file was refused. The child sees the matching `UploadProblem` message; this text is
/// for logs and never includes what the file contained.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    #[error("upload larger than {limit} bytes")]
    TooLarge { limit: usize },
    #[error("no file in the upload")]
    Empty,
    #[error("content is not an allowed kind")]
    NotAllowed,
    #[error("picture dimensions over the decode limits")]
    TooManyPixels,
    #[error("picture could not be decoded")]
    Unreadable,
    #[error("recording longer than {limit_secs} seconds")]
    TooLong { limit_secs: u32 },
    #[error("media storage failed: {0}")]
    Storage(String),
}

impl MediaError {
    pub fn problem(&self) -> UploadProblem {
        match self {
            MediaError::TooLarge { .. } => UploadProblem::TooLarge,
            MediaError::Empty => UploadProblem::Empty,
            MediaError::NotAllowed => UploadProblem::NotAllowed,
            MediaError::TooManyPixels => UploadProblem::TooManyPixels,
            MediaError::Unreadable => UploadProblem::Unreadable,
            MediaError::TooLong { .. } => UploadProblem::TooLong,
            MediaError::Storage(_) => UploadProblem::NotSaved,
        }
    }
}
