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
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

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
