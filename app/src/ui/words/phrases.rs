//! Phrases while the page runs in the browser. The server has all six languages compiled in;
//! the browser has only English (the fallback for a phrase not yet translated), and a page in
//! another language brings that language's phrases as a JSON data block in its head. So a
//! child's tablet downloads the words of the one language they read, not six.

use crate::domain::Language;

/// The id of the data block that carries a page's phrases (`script type="application/json"`,
/// which a browser never runs, so the page's Content-Security-Policy has nothing to allow).
pub const BLOCK_ID: &str = "heard-phrases";

/// A phrase with its `{{ name }}` placeholders filled in.
pub fn fill(phrase: &str, values: &[(&str, String)]) -> String {
    let mut filled = String::with_capacity(phrase.len());
    let mut rest = phrase;
    while let Some(start) = rest.find("{{") {
        let Some(length) = rest[start..].find("}}") else {
            break;
        };
        let name = rest[start + 2..start + length].trim();
        filled.push_str(&rest[..start]);
        match values.iter().find(|(candidate, _)| *candidate == name) {
            Some((_, value)) => filled.push_str(value),
            None => filled.push_str(&rest[start..start + length + 2]),
        }
        rest = &rest[start + length + 2..];
    }
    filled.push_str(rest);
    filled
}

/// A page's phrases, for the data block in its head: the translation file of its language,
/// without layout. `None` for English, which the browser has already. Drawn by the server
/// only: the page's head is never hydrated.
pub fn page_phrases(language: Language) -> Option<&'static str> {
    #[cfg(feature = "ssr")]
    {
        blocks()
            .iter()
            .find(|(of, _)| *of == language)
            .map(|(_, block)| block.as_str())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = language;
        None
    }
}

#[cfg(feature = "ssr")]
fn blocks() -> &'static [(Language, String)] {
    static BLOCKS: std::sync::OnceLock<Vec<(Language, String)>> = std::sync::OnceLock::new();
    BLOCKS.get_or_init(|| {
        Language::FOR_PAGES
            .into_iter()
            .filter_map(|language| Some((language, translation_file(language)?)))
            .map(|(language, file)| {
                let json: serde_json::Value =
                    serde_json::from_str(file).expect("the translation files are JSON");
                // A phrase can never end the block early, however it is written.
                (language, json.to_string().replace("</", "<\\/"))
            })
            .collect()
    })
}

#[cfg(feature = "ssr")]
fn translation_file(language: Language) -> Option<&'static str> {
    match language {
        Language::Welsh => Some(include_str!("../../../locales/cy/child.json")),
        Language::Polish => Some(include_str!("../../../locales/pl/child.json")),
        Language::Romanian => Some(include_str!("../../../locales/ro/child.json")),
        Language::Urdu => Some(include_str!("../../../locales/ur/child.json")),
        Language::Arabic => Some(include_str!("../../../locales/ar/child.json")),
        Language::English | Language::Other => None,
    }
}

/// Phrases another page part brought with it (the facilitator's preview of a question in a
/// language the page is not in). Only the browser keeps them; the server has them all.
pub fn learn(language: Language, block: &str) {
    #[cfg(not(feature = "ssr"))]
    browser::learn(language, block);
    #[cfg(feature = "ssr")]
    let _ = (language, block);
}

#[cfg(not(feature = "ssr"))]
pub use browser::phrase;

#[cfg(not(feature = "ssr"))]
mod browser {
    use super::BLOCK_ID;
    use crate::domain::Language;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::{JsCast, JsValue};

    type Phrases = HashMap<String, &'static str>;

    thread_local! {
        /// Each language's phrases once read; they live as long as the page, so they are leaked
        /// to hand out `&'static str` as the server's phrases are.
        static KNOWN: RefCell<HashMap<Language, &'static Phrases>> = RefCell::new(HashMap::new());
    }

    /// A phrase in `language`; English where that language has no such phrase or did not come
    /// with the page.
    pub fn phrase(language: Language, key: &'static str) -> &'static str {
        let find = |language| phrases(language).and_then(|phrases| phrases.get(key).copied());
        find(language)
            .or_else(|| find(Language::English))
            .unwrap_or(key)
    }

    pub fn learn(language: Language, block: &str) {
        // A language's phrases do not change while the page is open: read them once.
        if KNOWN.with(|known| known.borrow().contains_key(&language)) {
            return;
        }
        if let Some(phrases) = parse(block) {
            KNOWN.with(|known| known.borrow_mut().insert(language, phrases));
        }
    }

    fn phrases(language: Language) -> Option<&'static Phrases> {
        if let Some(phrases) = KNOWN.with(|known| known.borrow().get(&language).copied()) {
            return Some(phrases);
        }
        let block = if language == Language::English {
            include_str!("../../../locales/en/child.json").to_owned()
        } else {
            from_page(language)?
        };
        learn(language, &block);
        KNOWN.with(|known| known.borrow().get(&language).copied())
    }

    /// The page's own language, from the data block the server drew in its head.
    fn from_page(language: Language) -> Option<String> {
        let block = leptos::prelude::document().get_element_by_id(BLOCK_ID)?;
        (block.get_attribute("data-language").as_deref() == language.tag())
            .then(|| block.text_content())
            .flatten()
    }

    /// The browser's own JSON parser: no parser of ours in the download.
    fn parse(block: &str) -> Option<&'static Phrases> {
        let file = js_sys::JSON::parse(block).ok()?;
        let mut phrases = Phrases::new();
        flatten(String::new(), &file, &mut phrases);
        Some(Box::leak(Box::new(phrases)))
    }

    /// `{"join": {"title": "…"}}` becomes `join.title`.
    fn flatten(prefix: String, value: &JsValue, into: &mut Phrases) {
        if let Some(text) = value.as_string() {
            into.insert(prefix, Box::leak(text.into_boxed_str()));
            return;
        }
        let Some(group) = value.dyn_ref::<js_sys::Object>() else {
            return;
        };
        for entry in js_sys::Object::entries(group) {
            let entry: js_sys::Array = entry.unchecked_into();
            let Some(name) = entry.get(0).as_string() else {
                continue;
            };
            let key = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}.{name}")
            };
            flatten(key, &entry.get(1), into);
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name_and_unknown_ones_left_as_written() {
        let filled = fill(
            "Question {{ position }} of {{total}}, {{ other }}",
            &[("position", "2".into()), ("total", "5".into())],
        );
        assert_eq!(filled, "Question 2 of 5, {{ other }}");
        assert_eq!(fill("no closing {{ brace", &[]), "no closing {{ brace");
    }

    /// The browser fills placeholders itself, so the files may use only what `fill` knows:
    /// `{{ name }}`, no plurals or formatters of leptos_i18n's richer syntax.
    #[test]
    fn every_phrase_in_every_language_is_a_string_with_plain_placeholders() {
        fn check(path: &str, value: &serde_json::Value) {
            match value {
                serde_json::Value::String(phrase) => {
                    let mut rest = phrase.as_str();
                    while let Some(start) = rest.find("{{") {
                        let end = rest[start..].find("}}").expect("a placeholder is closed");
                        let name = rest[start + 2..start + end].trim();
                        assert!(
                            name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                            "{path}: `{name}` is not a plain placeholder"
                        );
                        rest = &rest[start + end + 2..];
                    }
                }
                serde_json::Value::Object(group) => {
                    for (name, value) in group {
                        check(&format!("{path}.{name}"), value);
                    }
                }
                other => panic!("{path}: {other} is not a phrase"),
            }
        }
        for language in Language::FOR_PAGES {
            let block = page_phrases(language)
                .map(str::to_owned)
                .unwrap_or_else(|| include_str!("../../../locales/en/child.json").to_owned());
            check(language.as_str(), &serde_json::from_str(&block).unwrap());
        }
    }

    /// What the browser makes of a page's block is what the server wrote with leptos_i18n.
    #[test]
    fn a_phrase_filled_in_the_browser_reads_as_the_server_wrote_it() {
        for language in [Language::Polish, Language::Urdu, Language::Arabic] {
            let block: serde_json::Value =
                serde_json::from_str(page_phrases(language).unwrap()).unwrap();
            let progress = block["question"]["progress"].as_str().unwrap();
            assert_eq!(
                fill(progress, &[("position", "2".into()), ("total", "5".into())]),
                crate::say_in!(language, question.progress, position = 2, total = 5)
            );
            assert_eq!(
                block["join"]["title"].as_str().unwrap(),
                crate::say_in!(language, join.title)
            );
        }
        assert_eq!(page_phrases(Language::English), None);
    }
}
