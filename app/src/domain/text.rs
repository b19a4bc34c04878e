//! Text people type, made safe to keep and show: control characters (NUL among them, which
//! PostgreSQL refuses in text) and the invisible bidi controls that can make words display in
//! another order than they were typed are dropped; line breaks and tabs stay.

/// `text` without control characters or bidi overrides and isolates, trimmed.
pub fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| matches!(c, '\n' | '\t') || !(c.is_control() || is_bidi_control(*c)))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn controls_and_bidi_overrides_go_and_words_stay() {
        assert_eq!(clean("more\0 swimming\u{7}"), "more swimming");
        assert_eq!(clean("a\u{202E}olleh\u{202C}b"), "aollehb");
        assert_eq!(
            clean("  line one\r\nline two\tend  "),
            "line one\nline two\tend"
        );
        assert_eq!(clean("مرحبا 👋🏽 Zoë"), "مرحبا 👋🏽 Zoë");
        assert_eq!(clean("\0\u{2066}\u{1b}"), "");
    }
}
