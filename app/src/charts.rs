//! Charts for the evidence report, drawn on the server as SVG: they print, need no script, and
//! carry their numbers as text for screen readers.

/// A horizontal bar chart of (label, value) rows, with a title for assistive technology.
pub fn bars(title: &str, rows: &[(String, i64)]) -> String {
    const WIDTH: i64 = 640;
    const LABEL: i64 = 220;
    const ROW: i64 = 34;
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let height = ROW * rows.len().max(1) as i64 + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-labelledby=\"chart-{id}\" class=\"chart\"><title id=\"chart-{id}\">{title}</title>",
        id = slug(title),
        title = escape(title),
    );
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = i as i64 * ROW + 5;
        let bar = (WIDTH - LABEL - 70) * value / max;
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{ty}\" font-size=\"15\" fill=\"#1a1a1a\">{label}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{bar}\" height=\"24\" fill=\"#1d5c96\"/>\
             <text x=\"{vx}\" y=\"{ty}\" font-size=\"15\" fill=\"#1a1a1a\">{value}</text>",
            ty = y + 17,
            label = escape(label),
            vx = LABEL + bar + 8,
        ));
    }
    svg.push_str("</svg>");
    svg
}

fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_largest_and_text_is_escaped() {
        let svg = bars(
            "Said & heard",
            &[("Said".into(), 40), ("<Heard>".into(), 10)],
        );
        assert!(svg.contains("<title id=\"chart-said---heard\">Said &amp; heard</title>"));
        assert!(svg.contains("width=\"350\""), "the largest fills the width");
        assert!(svg.contains("width=\"87\""), "a quarter of it");
        assert!(svg.contains("&lt;Heard&gt;"));
        assert!(!svg.contains("<Heard>"));
    }
}
