use super::MediaError;

/// A file type decided from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    Jpeg,
    Png,
}

/// Decides what the bytes are. The name and the declared type of an upload are never consulted:
/// a page saved as `photo.jpg` is still a page.
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, MediaError> {
    match infer::get(bytes).map(|kind| kind.mime_type()) {
        Some("image/jpeg") => Ok(Sniffed::Jpeg),
        Some("image/png") => Ok(Sniffed::Png),
        _ => Err(MediaError::NotAllowed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_refused_whatever_it_is_called() {
        let page = b"<!DOCTYPE html><html><script>alert(1)</script></html>";
        assert_eq!(sniff(page), Err(MediaError::NotAllowed));
    }

    #[test]
    fn jpeg_and_png_are_known_by_their_magic_bytes() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), Ok(Sniffed::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Ok(Sniffed::Png));
    }
}
