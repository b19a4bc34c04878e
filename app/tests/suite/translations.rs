//! The translation files of the child's pages: every shipped language has every key the
//! English source has, with the same placeholders, and says whether a native speaker has
//! reviewed it. (The build also refuses a key the code uses that English lacks.)

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const LANGUAGES: [&str; 5] = ["cy", "pl", "ro", "ur", "ar"];

/// Words that are the same in a language as in English: names, and words borrowed as they are.
const SAME_AS_ENGLISH: [(&str, &str); 2] = [("pl", "recording.stop"), ("ro", "recording.stop")];

fn phrases(language: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(language)
        .join("child.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut flat = BTreeMap::new();
    flatten("", &json, &mut flat);
    flat
}

fn flatten(prefix: &str, value: &Value, into: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, value, into);
            }
        }
        Value::String(text) => {
            into.insert(prefix.to_owned(), text.clone());
        }
        other => panic!("{prefix}: expected words, found {other}"),
    }
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}").map(|(name, _)| name.trim()))
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn every_language_has_every_phrase_with_the_same_placeholders() {
    let english = phrases("en");
    assert!(
        english.len() > 100,
        "the English source has {} phrases",
        english.len()
    );
    for language in LANGUAGES {
        let translated = phrases(language);
        let missing: Vec<&String> = english
            .keys()
            .filter(|k| !translated.contains_key(*k))
            .collect();
        let extra: Vec<&String> = translated
            .keys()
            .filter(|k| !english.contains_key(*k))
            .collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{language} has phrases English does not: {extra:?}"
        );
        for (key, source) in &english {
            let words = &translated[key];
            assert!(!words.trim().is_empty(), "{language} {key} is empty");
            assert_eq!(
                placeholders(words),
                placeholders(source),
                "{language} {key}: {words:?} does not fill the same gaps as {source:?}"
            );
            let shared =
                SAME_AS_ENGLISH.contains(&(language, key.as_str())) || key == "translation_status";
            assert!(
                shared || words != source,
                "{language} {key} is still English: {words:?}"
            );
        }
    }
}

#[test]
fn translations_say_they_await_review_by_a_native_speaker() {
    for language in LANGUAGES {
        let status = &phrases(language)["translation_status"];
        assert!(
            status.contains("AWAITING REVIEW by a native speaker")
                || status.contains("Reviewed by"),
            "{language}: {status}"
        );
    }
}
