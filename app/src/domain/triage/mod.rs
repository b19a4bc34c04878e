//! Safeguarding triage: may a child's text speak of harm? Two checks: the kinds of harm a
//! safeguarding lead looks for, modelled as concepts (`concepts`), and, on top, the phrases of
//! the lead's own list. Children write as they speak and text, so words are normalised first
//! (text-speak, stretched letters, apostrophes) and a long word may be one letter out. A match
//! only raises a flag for a person to look at; it never decides anything.

pub mod concepts;

pub use concepts::{Flag, Harm};

use super::Language;

/// Why a text was flagged, in words for the safeguarding lead: each kind of harm with the words
/// that made it match, then each phrase of the lead's lists it came close to. A child's language
/// is not known here, so the phrases of every language are tried.
pub fn reasons(list: &[(Language, String)], text: &str) -> Vec<String> {
    let mut reasons: Vec<String> = concepts::assess(text)
        .into_iter()
        .map(|flag| format!("possible {} (\"{}\")", flag.harm.label(), flag.words))
        .collect();
    for language in Language::ALL {
        let phrases: Vec<String> = list
            .iter()
            .filter(|(of, _)| of == language)
            .map(|(_, phrase)| phrase.clone())
            .collect();
        reasons.extend(matches(&phrases, text).into_iter().map(|phrase| {
            if *language == Language::English {
                format!("close to the phrase \"{phrase}\"")
            } else {
                format!("close to the {} phrase \"{phrase}\"", language.label())
            }
        }));
    }
    reasons
}

/// Text-speak and common short forms, as children type them, to the words in the list.
const SPOKEN: &[(&str, &str)] = &[
    ("u", "you"),
    ("ur", "your"),
    ("r", "are"),
    ("n", "and"),
    ("2", "to"),
    ("4", "for"),
    ("b4", "before"),
    ("ppl", "people"),
    ("wen", "when"),
    ("wot", "what"),
    ("wat", "what"),
    ("coz", "because"),
    ("cos", "because"),
    ("cuz", "because"),
    ("bc", "because"),
    ("dnt", "dont"),
    ("don", "dont"),
    ("dont", "dont"),
    ("wont", "wont"),
    ("cant", "cant"),
    ("im", "i"),
    ("m", "am"),
    ("h8", "hate"),
    ("gr8", "great"),
    ("sum1", "someone"),
    ("some1", "someone"),
    ("no1", "nobody"),
    ("noone", "nobody"),
    ("mum's", "mums"),
    ("bf", "boyfriend"),
    ("gf", "girlfriend"),
    ("pics", "pictures"),
    ("pix", "pictures"),
    ("wanna", "want to"),
    ("gonna", "going to"),
    ("dunno", "dont know"),
    ("scard", "scared"),
    ("aloud", "allowed"),
    ("nite", "night"),
    ("skared", "scared"),
    ("kil", "kill"),
    ("myslf", "myself"),
    ("hme", "home"),
];

/// Lower case, apostrophes dropped ("don't" is "dont"), anything else not a letter or digit a
/// space, letters stretched for feeling cut to two ("sooo" is "soo"), text-speak spelled out.
pub fn words(text: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            '\'' | '’' => {}
            c if c.is_alphanumeric() => {
                let mut tail = cleaned.chars().rev();
                if tail.next() == Some(c) && tail.next() == Some(c) {
                    continue;
                }
                cleaned.push(c);
            }
            _ => cleaned.push(' '),
        }
    }
    cleaned
        .split_whitespace()
        .flat_map(|word| {
            SPOKEN
                .iter()
                .find(|(typed, _)| *typed == word)
                .map_or(word, |(_, meant)| *meant)
                .split(' ')
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Whether a typed word is the phrase's word: the same, the same start when the phrase word ends
/// in `*`, or one letter out (added, missing, changed, two swapped) when the word is 5 or more
/// letters long; shorter words one letter out are other words ("kick", "pick").
fn same_word(wanted: &str, typed: &str) -> bool {
    if let Some(stem) = wanted.strip_suffix('*') {
        let start: String = typed.chars().take(stem.chars().count()).collect();
        return start == stem || (stem.chars().count() >= 5 && close(stem, &start));
    }
    wanted == typed || (wanted.chars().count() >= 5 && close(wanted, typed))
}

/// At most one edit apart (Damerau: a swap of neighbours counts as one).
fn close(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut before_previous = previous.clone();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before_previous[j - 2] + 1);
            }
        }
        before_previous = std::mem::replace(&mut previous, current);
    }
    previous[b.len()] <= 1
}

/// The phrases of `list` that `text` comes close to. Between two words of a phrase one other
/// word may stand ("hits me" also finds "hits me and my sister", "hit all of me" does not).
pub fn matches<'a>(list: &'a [String], text: &str) -> Vec<&'a str> {
    let typed = words(text);
    list.iter()
        .map(String::as_str)
        .filter(|phrase| {
            let wanted = words_of_phrase(phrase);
            !wanted.is_empty() && (0..typed.len()).any(|start| found_from(&wanted, &typed[start..]))
        })
        .collect()
}

/// A phrase's words, normalised like a child's but keeping `*`.
fn words_of_phrase(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .flat_map(|word| match word.strip_suffix('*') {
            Some(stem) => words(stem).into_iter().map(|w| format!("{w}*")).collect(),
            None => words(word),
        })
        .collect()
}

fn found_from(wanted: &[String], typed: &[String]) -> bool {
    let Some((first, rest)) = wanted.split_first() else {
        return true;
    };
    if typed.is_empty() || !same_word(first, &typed[0]) {
        return false;
    }
    rest.is_empty()
        || found_from(rest, &typed[1..])
        || (typed.len() > 2 && same_word(&rest[0], &typed[2]) && found_from(rest, &typed[2..]))
}

/// Letters English does not use: Polish, Romanian and Welsh ones, or a script other than Latin
/// (Urdu, Arabic, Cyrillic…). Triage reads English only, so writing with them may be in a
/// language it cannot check; a person who reads it has to, or translate it.
pub fn may_be_another_language(text: &str) -> bool {
    const OTHER_LATIN: &str = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻăâîșțşţĂÂÎȘȚŞŢŵŷŴŶ";
    text.chars().any(|c| {
        c.is_alphabetic()
            && (OTHER_LATIN.contains(c)
                || !(c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(phrases: &[&str]) -> Vec<String> {
        phrases.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn text_speak_and_stretched_letters_are_understood() {
        assert_eq!(
            words("I'm sooooo SCARD of him!!"),
            ["i", "soo", "scared", "of", "him"]
        );
        assert_eq!(
            words("dnt wanna go hme"),
            ["dont", "want", "to", "go", "home"]
        );
    }

    #[test]
    fn a_phrase_is_found_with_a_word_between_or_a_letter_out() {
        let phrases = list(&["hit* me", "dont want to go home", "frightened of"]);
        assert_eq!(matches(&phrases, "my step dad hits me"), ["hit* me"]);
        assert_eq!(matches(&phrases, "he hit me again"), ["hit* me"]);
        assert_eq!(
            matches(&phrases, "I dont want 2 go home"),
            ["dont want to go home"]
        );
        assert_eq!(
            matches(&phrases, "im frightend of the dark"),
            ["frightened of"]
        );
        assert!(matches(&phrases, "I like football and music").is_empty());
        assert!(matches(&phrases, "we played hit the target with me and my friends").is_empty());
    }

    #[test]
    fn writing_english_cannot_check_is_noticed() {
        assert!(may_be_another_language("Boję się wracać do domu"));
        assert!(may_be_another_language("Mi-e frică să merg acasă"));
        assert!(may_be_another_language("مجھے گھر جانے سے ڈر لگتا ہے"));
        assert!(may_be_another_language("أنا خائف"));
        assert!(!may_be_another_language("I'm scared to go home :( 100%"));
        assert!(!may_be_another_language("My café has a naïve menu"));
    }
}
