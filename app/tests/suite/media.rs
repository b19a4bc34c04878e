//! The image pipeline on files made here: metadata is stripped, pictures come out upright,
//! and bombs, fakes and broken files are refused cleanly.

use app::media::{sanitise_image, MediaError, MAX_EDGE, THUMB_EDGE};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, GenericImageView, Rgb, RgbImage};

const RED: [u8; 3] = [220, 20, 20];
const GREEN: [u8; 3] = [20, 200, 20];
const BLUE: [u8; 3] = [20, 20, 220];
const WHITE: [u8; 3] = [250, 250, 250];

/// 64×32 with a different colour in each quarter, so every flip and turn is tell-apart.
fn upright() -> RgbImage {
    RgbImage::from_fn(64, 32, |x, y| {
        Rgb(match (x < 32, y < 16) {
            (true, true) => RED,
            (false, true) => GREEN,
            (true, false) => BLUE,
            (false, false) => WHITE,
        })
    })
}

fn encode_jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 95)
        .encode_image(image)
        .unwrap();
    out
}

/// A little-endian TIFF block for an EXIF APP1 segment: orientation, and optionally a GPS IFD
/// holding a latitude, as a phone writes them.
fn exif_block(orientation: u16, with_gps: bool) -> Vec<u8> {
    let mut tiff = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    let entries: u16 = if with_gps { 2 } else { 1 };
    tiff.extend(entries.to_le_bytes());
    // Orientation: SHORT, one value, stored in the entry itself.
    tiff.extend(0x0112u16.to_le_bytes());
    tiff.extend(3u16.to_le_bytes());
    tiff.extend(1u32.to_le_bytes());
    tiff.extend((orientation as u32).to_le_bytes());
    let gps_ifd = 8 + 2 + 12 * entries as u32 + 4;
    if with_gps {
        tiff.extend(0x8825u16.to_le_bytes());
        tiff.extend(4u16.to_le_bytes());
        tiff.extend(1u32.to_le_bytes());
        tiff.extend(gps_ifd.to_le_bytes());
    }
    tiff.extend(0u32.to_le_bytes());
    if with_gps {
        let rationals = gps_ifd + 2 + 12 * 2 + 4;
        tiff.extend(2u16.to_le_bytes());
        tiff.extend(0x0001u16.to_le_bytes()); // GPSLatitudeRef "N"
        tiff.extend(2u16.to_le_bytes());
        tiff.extend(2u32.to_le_bytes());
        tiff.extend(*b"N\0\0\0");
        tiff.extend(0x0002u16.to_le_bytes()); // GPSLatitude: three rationals
        tiff.extend(5u16.to_le_bytes());
        tiff.extend(3u32.to_le_bytes());
        tiff.extend(rationals.to_le_bytes());
        tiff.extend(0u32.to_le_bytes());
        for (numerator, denominator) in [(51u32, 1u32), (30, 1), (2612, 100)] {
            tiff.extend(numerator.to_le_bytes());
            tiff.extend(denominator.to_le_bytes());
        }
    }
    tiff
}

/// Puts an EXIF APP1 segment straight after the JPEG's start-of-image marker.
fn with_exif(jpeg: &[u8], tiff: &[u8]) -> Vec<u8> {
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((payload.len() + 2) as u16).to_be_bytes());
    out.extend(payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn has_exif(jpeg: &[u8]) -> bool {
    jpeg.windows(6).any(|w| w == b"Exif\0\0")
}

fn close(actual: [u8; 3], expected: [u8; 3]) -> bool {
    actual.iter().zip(expected).all(|(a, e)| a.abs_diff(e) < 40)
}

fn assert_upright(picture: &DynamicImage, label: &str) {
    assert_eq!(picture.dimensions(), (64, 32), "{label}: size");
    for (x, y, colour) in [
        (16, 8, RED),
        (48, 8, GREEN),
        (16, 24, BLUE),
        (48, 24, WHITE),
    ] {
        let pixel = picture.get_pixel(x, y).0;
        assert!(
            close([pixel[0], pixel[1], pixel[2]], colour),
            "{label}: ({x},{y}) is {pixel:?}"
        );
    }
}

#[test]
fn a_photo_with_gps_is_stored_without_any_exif() {
    let original = with_exif(&encode_jpeg(&upright()), &exif_block(1, true));
    assert!(
        has_exif(&original),
        "the test file must carry EXIF to begin with"
    );

    let clean = sanitise_image(&original).expect("a good photo is accepted");

    assert_eq!(clean.content_type, "image/jpeg");
    assert!(!has_exif(&clean.bytes), "stored photo still has EXIF");
    assert!(!has_exif(&clean.thumbnail), "thumbnail still has EXIF");
    assert!(
        !clean.bytes.windows(2).any(|w| w == [0xFF, 0xE1]),
        "an APP1 segment survived"
    );
    assert_upright(&image::load_from_memory(&clean.bytes).unwrap(), "gps photo");
}

#[test]
fn every_exif_orientation_comes_out_upright() {
    let reference = DynamicImage::ImageRgb8(upright());
    // What a camera stores for each orientation tag: the upright picture, turned the other way.
    let stored_as = |orientation: u16| -> DynamicImage {
        match orientation {
            1 => reference.clone(),
            2 => reference.fliph(),
            3 => reference.rotate180(),
            4 => reference.flipv(),
            5 => reference.fliph().rotate270(),
            6 => reference.rotate270(),
            7 => reference.fliph().rotate90(),
            8 => reference.rotate90(),
            _ => unreachable!(),
        }
    };
    for orientation in 1..=8u16 {
        let raw = encode_jpeg(&stored_as(orientation).to_rgb8());
        let file = with_exif(&raw, &exif_block(orientation, false));
        let clean =
            sanitise_image(&file).unwrap_or_else(|e| panic!("orientation {orientation}: {e}"));
        let stored = image::load_from_memory(&clean.bytes).unwrap();
        assert_upright(&stored, &format!("orientation {orientation}"));
        assert_eq!((clean.width, clean.height), (64, 32));
    }
}

#[test]
fn large_photos_are_capped_and_get_a_thumbnail() {
    let big = RgbImage::from_pixel(3200, 1800, Rgb(GREEN));
    let clean = sanitise_image(&encode_jpeg(&big)).unwrap();
    assert_eq!((clean.width, clean.height), (MAX_EDGE, 900));
    let thumb = image::load_from_memory(&clean.thumbnail).unwrap();
    assert_eq!(thumb.width(), THUMB_EDGE);
}

#[test]
fn a_pixel_flood_is_refused_before_it_is_decoded() {
    let mut bomb = encode_jpeg(&RgbImage::from_pixel(8, 8, Rgb(RED)));
    // Rewrite the frame header to claim 60000×60000 pixels: 10 GB once decoded.
    let sof = bomb
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline JPEG");
    bomb[sof + 5..sof + 7].copy_from_slice(&60000u16.to_be_bytes());
    bomb[sof + 7..sof + 9].copy_from_slice(&60000u16.to_be_bytes());
    assert_eq!(
        sanitise_image(&bomb).unwrap_err(),
        MediaError::TooManyPixels
    );
}

#[test]
fn a_web_page_named_like_a_photo_is_refused() {
    let page = b"<html><body><script>document.cookie</script></body></html>";
    assert_eq!(sanitise_image(page).unwrap_err(), MediaError::NotAllowed);
}

#[test]
fn a_truncated_photo_is_refused_cleanly() {
    let photo = encode_jpeg(&upright());
    let truncated = &photo[..photo.len() / 2];
    assert_eq!(
        sanitise_image(truncated).unwrap_err(),
        MediaError::Unreadable
    );
}

/// A drawing as the tablet's canvas sends it: a PNG.
fn drawing_png() -> Vec<u8> {
    let mut drawing = Vec::new();
    DynamicImage::ImageRgb8(upright())
        .write_to(
            &mut std::io::Cursor::new(&mut drawing),
            image::ImageFormat::Png,
        )
        .unwrap();
    drawing
}

#[test]
fn a_drawing_stays_a_png() {
    let drawing = drawing_png();
    let clean = sanitise_image(&drawing).unwrap();
    assert_eq!(clean.content_type, "image/png");
    assert_upright(&image::load_from_memory(&clean.bytes).unwrap(), "drawing");
}

#[test]
fn a_truncated_drawing_is_refused_cleanly() {
    let drawing = drawing_png();
    let truncated = &drawing[..drawing.len() * 2 / 3];
    assert_eq!(
        sanitise_image(truncated).unwrap_err(),
        MediaError::Unreadable
    );
}

#[test]
fn a_picture_over_the_pixel_limit_is_refused_though_each_side_is_allowed() {
    let mut big = encode_jpeg(&RgbImage::from_pixel(8, 8, Rgb(RED)));
    let sof = big
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline JPEG");
    // 5000 × 5000 is 25 megapixels: each side under 8192, the whole over the 24 MP limit.
    big[sof + 5..sof + 7].copy_from_slice(&5000u16.to_be_bytes());
    big[sof + 7..sof + 9].copy_from_slice(&5000u16.to_be_bytes());
    assert!(5000 * 5000 > app::media::MAX_PIXELS);
    assert_eq!(sanitise_image(&big).unwrap_err(), MediaError::TooManyPixels);
}

#[test]
fn a_photo_cut_off_near_its_end_is_refused_not_stored_half_grey() {
    // A photo with detail in every row, so the cut falls inside the picture's data.
    let detailed = RgbImage::from_fn(800, 600, |x, y| {
        Rgb([
            (x * 7 % 256) as u8,
            (y * 13 % 256) as u8,
            ((x ^ y) % 256) as u8,
        ])
    });
    let photo = encode_jpeg(&detailed);
    for cut in [photo.len() * 9 / 10, photo.len() - 2] {
        assert_eq!(
            sanitise_image(&photo[..cut]).unwrap_err(),
            MediaError::Unreadable,
            "cut at {cut} of {}",
            photo.len()
        );
    }
    // The whole photo is fine.
    assert!(sanitise_image(&photo).is_ok());
}
