//! What a tablet sends with a picture: a small real photo in a multipart form.

/// A 40 by 30 JPEG.
pub fn photo_bytes() -> Vec<u8> {
    let picture = image::RgbImage::from_pixel(40, 30, image::Rgb([200, 120, 40]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut out)
        .encode_image(&picture)
        .unwrap();
    out
}

pub const BOUNDARY: &str = "heard-test-boundary";

pub fn multipart(fields: &[(&str, &str)], file: &[u8]) -> Vec<u8> {
    multipart_with(fields, "photo", file)
}

pub fn multipart_with(fields: &[(&str, &str)], file_field: &str, file: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
            .as_bytes(),
        );
    }
    // The declared name and type are deliberately misleading: only the bytes count.
    body.extend(format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"holiday.jpg\"\r\n\
         Content-Type: image/jpeg\r\n\r\n"
    ).as_bytes());
    body.extend(file);
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}
