//! QR codes as inline SVG, drawn on the server so the thank-you screen needs no script.

/// An SVG QR code for `address`, with a quiet zone, dark on light for any scanner.
pub fn svg(address: &str) -> Result<String, qrcode::types::QrError> {
    let code = qrcode::QrCode::new(address.as_bytes())?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_receipt_address_becomes_an_svg() {
        let svg = super::svg("http://127.0.0.1:3000/receipt/ABCD-EFGH").unwrap();
        assert!(
            svg.starts_with("<?xml") || svg.starts_with("<svg"),
            "{}",
            &svg[..40]
        );
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
