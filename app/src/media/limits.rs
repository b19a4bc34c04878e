use super::MediaError;

/// The most bytes we read of a photo.
pub const PHOTO_MAX_BYTES: usize = crate::domain::PHOTO_MAX_MB * 1024 * 1024;
/// A drawing is a PNG of the tablet's canvas: far smaller than a photo.
pub const DRAWING_MAX_BYTES: usize = 4 * 1024 * 1024;
/// Two minutes of speech at the highest bitrate tablets record with, and some to spare.
pub const RECORDING_MAX_BYTES: usize = 4 * 1024 * 1024;

/// Collects an upload chunk by chunk and stops at the limit, so an oversized body is refused
/// while it is still arriving rather than after it has all been buffered.
#[derive(Debug)]
pub struct LimitedBuffer {
    limit: usize,
    bytes: Vec<u8>,
}

impl LimitedBuffer {
    pub fn new(limit: usize) -> Self {
        LimitedBuffer {
            limit,
            bytes: Vec::new(),
        }
    }

    pub fn push(&mut self, chunk: &[u8]) -> Result<(), MediaError> {
        if self.bytes.len() + chunk.len() > self.limit {
            return Err(MediaError::TooLarge { limit: self.limit });
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    pub fn finish(self) -> Result<Vec<u8>, MediaError> {
        if self.bytes.is_empty() {
            Err(MediaError::Empty)
        } else {
            Ok(self.bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_chunk_that_crosses_the_limit() {
        let mut buffer = LimitedBuffer::new(10);
        assert_eq!(buffer.push(&[0; 6]), Ok(()));
        assert_eq!(buffer.push(&[0; 4]), Ok(()));
        assert_eq!(
            buffer.push(&[0; 1]),
            Err(MediaError::TooLarge { limit: 10 })
        );
    }

    #[test]
    fn an_empty_upload_is_not_a_file() {
        assert_eq!(LimitedBuffer::new(10).finish(), Err(MediaError::Empty));
    }
}
