//! Images are decoded under strict limits, turned upright, shrunk and re-encoded. Re-encoding
//! is what removes EXIF, GPS and any other metadata: only pixels survive.

use super::{sniff, MediaError, Sniffed};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::io::Cursor;

/// The longest side of a stored picture: plenty for a hearing pack, small for the tablet to send.
pub const MAX_EDGE: u32 = 1600;
/// The longest side of a thumbnail in staff lists.
pub const THUMB_EDGE: u32 = 320;
/// Larger than any tablet camera; a header claiming more is a decompression bomb.
const MAX_DECODED_EDGE: u32 = 8192;
/// 24 megapixels: a 12 MP tablet photo (4032 × 3024) and a 24 MP camera's (6000 × 4000) fit;
/// a 48 MP phone saves 12 MP unless asked not to. Decoded as RGBA that is 96 MB at most, which
/// with the few decodes allowed at once (`DECODES_AT_ONCE`) keeps the server's memory bounded.
pub const MAX_PIXELS: u64 = 24_000_000;
const MAX_DECODE_BYTES: u64 = MAX_PIXELS * 4 + 16 * 1024 * 1024;

/// A picture ready to store: upright, capped in size, with no metadata.
#[derive(Debug)]
pub struct CleanImage {
    pub bytes: Vec<u8>,
    pub thumbnail: Vec<u8>,
    pub content_type: &'static str,
    pub width: u32,
    pub height: u32,
}

/// Turns an upload into a clean picture, or says why it cannot.
/// Photos come out as JPEG; PNGs (drawings, screenshots) stay PNG so lines stay sharp.
pub fn sanitise_image(bytes: &[u8]) -> Result<CleanImage, MediaError> {
    let sniffed = sniff(bytes)?;
    if sniffed == Sniffed::Jpeg && !jpeg_is_whole(bytes) {
        // A decoder fills a cut-off JPEG with grey; a child's half picture is not what they sent.
        return Err(MediaError::Unreadable);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(match sniffed {
        Sniffed::Jpeg => image::ImageFormat::Jpeg,
        Sniffed::Png => image::ImageFormat::Png,
    });
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_EDGE);
    limits.max_image_height = Some(MAX_DECODED_EDGE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(MediaError::TooManyPixels);
    }
    let orientation = decoder.orientation().map_err(decode_error)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    picture.apply_orientation(orientation);

    let picture = shrink(picture, MAX_EDGE);
    let thumbnail = shrink(picture.clone(), THUMB_EDGE);
    let (width, height) = (picture.width(), picture.height());
    let (bytes, thumbnail, content_type) = match sniffed {
        Sniffed::Jpeg => (jpeg(&picture)?, jpeg(&thumbnail)?, "image/jpeg"),
        Sniffed::Png => (png(&picture)?, png(&thumbnail)?, "image/png"),
    };
    Ok(CleanImage {
        bytes,
        thumbnail,
        content_type,
        width,
        height,
    })
}

/// Whether a JPEG ends its last scan with the end-of-image marker. Inside a scan a 0xFF byte is
/// always followed by 0x00 or a restart marker, so the last start-of-scan found is real, and a
/// file cut short has no end marker after it.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let marker = |code: u8| move |pair: &[u8]| pair == [0xFF, code];
    let Some(last_scan) = bytes.windows(2).rposition(marker(0xDA)) else {
        return false;
    };
    bytes[last_scan..].windows(2).any(marker(0xD9))
}

fn decode_error(error: image::ImageError) -> MediaError {
    match error {
        image::ImageError::Limits(_) => MediaError::TooManyPixels,
        _ => MediaError::Unreadable,
    }
}

fn shrink(picture: DynamicImage, edge: u32) -> DynamicImage {
    if picture.width() <= edge && picture.height() <= edge {
        picture
    } else {
        picture.resize(edge, edge, FilterType::Triangle)
    }
}

fn jpeg(picture: &DynamicImage) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&DynamicImage::ImageRgb8(picture.to_rgb8()))
        .map_err(|e| MediaError::Storage(e.to_string()))?;
    Ok(out)
}

fn png(picture: &DynamicImage) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    picture
        .write_with_encoder(PngEncoder::new(&mut out))
        .map_err(|e| MediaError::Storage(e.to_string()))?;
    Ok(out)
}
