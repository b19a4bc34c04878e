//! Triage by concept: the kinds of harm a safeguarding lead looks for, each as patterns of who
//! does what to whom, over word classes that know other forms of a word, children's spellings and
//! text-speak. The model lives in `concepts.txt` so that it reads as what it looks for; this file
//! only reads it and matches it.

use super::{close, words};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A kind of harm, as a safeguarding lead would name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Harm {
    Physical,
    Sexual,
    Neglect,
    Fear,
    DomesticAbuse,
    SelfHarm,
    Exploitation,
    Secrets,
}

impl Harm {
    pub const ALL: [Harm; 8] = [
        Harm::Physical,
        Harm::Sexual,
        Harm::Neglect,
        Harm::Fear,
        Harm::DomesticAbuse,
        Harm::SelfHarm,
        Harm::Exploitation,
        Harm::Secrets,
    ];

    /// The name used in `concepts.txt` and in test corpora.
    pub fn code(self) -> &'static str {
        match self {
            Harm::Physical => "physical",
            Harm::Sexual => "sexual",
            Harm::Neglect => "neglect",
            Harm::Fear => "fear",
            Harm::DomesticAbuse => "domestic",
            Harm::SelfHarm => "self-harm",
            Harm::Exploitation => "exploitation",
            Harm::Secrets => "secrets",
        }
    }

    pub fn from_code(code: &str) -> Option<Harm> {
        Harm::ALL.into_iter().find(|harm| harm.code() == code)
    }

    /// What the safeguarding lead reads.
    pub fn label(self) -> &'static str {
        match self {
            Harm::Physical => "physical harm",
            Harm::Sexual => "sexual harm",
            Harm::Neglect => "neglect",
            Harm::Fear => "emotional harm or fear",
            Harm::DomesticAbuse => "domestic abuse",
            Harm::SelfHarm => "self-harm or suicidal thoughts",
            Harm::Exploitation => "exploitation or grooming",
            Harm::Secrets => "secrets, told not to tell",
        }
    }
}

/// One reason to look: the kind of harm and the child's words that matched it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub harm: Harm,
    pub words: String,
}

/// The kinds of harm `text` may speak of, each once, with the words that made it match.
pub fn assess(text: &str) -> Vec<Flag> {
    let model = model();
    let mut flags: Vec<Flag> = Vec::new();
    for sentence in sentences(text) {
        let tokens: Vec<Token> = sentence.iter().map(|w| model.token(w)).collect();
        for rule in &model.rules {
            if flags.iter().any(|flag| flag.harm == rule.harm) {
                continue;
            }
            if let Some((from, to)) = rule.find(model, &tokens) {
                flags.push(Flag {
                    harm: rule.harm,
                    words: sentence[from..=to].join(" "),
                });
            }
        }
    }
    flags.sort_by_key(|flag| flag.harm);
    flags
}

/// A child's words in sentences; "no one" is one word, "nobody".
fn sentences(text: &str) -> Vec<Vec<String>> {
    text.split(['.', '!', '?', '\n', ';'])
        .map(|sentence| {
            let mut out: Vec<String> = Vec::new();
            for word in words(sentence) {
                let joined = matches!(out.last().map(String::as_str), Some("no"))
                    && (word == "one" || word == "body");
                if joined {
                    out.pop();
                    out.push("nobody".into());
                } else {
                    out.push(word);
                }
            }
            out
        })
        .filter(|sentence| !sentence.is_empty())
        .collect()
}

/// Forms that are not the word with an ending taken off.
const IRREGULAR: &[(&str, &str)] = &[
    ("told", "tell"),
    ("said", "say"),
    ("says", "say"),
    ("made", "make"),
    ("beaten", "beat"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("shook", "shake"),
    ("took", "take"),
    ("taken", "take"),
    ("bit", "bite"),
    ("bitten", "bite"),
    ("burnt", "burn"),
    ("held", "hold"),
    ("got", "get"),
    ("gave", "give"),
    ("kept", "keep"),
    ("left", "leave"),
    ("came", "come"),
    ("went", "go"),
    ("goes", "go"),
    ("saw", "see"),
    ("did", "do"),
    ("does", "do"),
    ("done", "do"),
    ("hid", "hide"),
    ("sent", "send"),
    ("bought", "buy"),
    ("fought", "fight"),
    ("dying", "die"),
    ("died", "die"),
    ("ate", "eat"),
    ("slept", "sleep"),
    ("stole", "steal"),
    ("felt", "feel"),
    ("wanna", "want"),
    ("aloud", "allowed"),
    ("alowed", "allowed"),
    ("nite", "night"),
    ("mam", "mum"),
    ("mom", "mum"),
    ("moms", "mum"),
    ("mommy", "mum"),
    ("mummy", "mum"),
    ("mama", "mum"),
    ("daddy", "dad"),
    ("stepfather", "stepdad"),
    ("stepmother", "stepmum"),
    ("parents", "parent"),
    ("noone", "nobody"),
    ("pics", "pic"),
    ("pix", "pic"),
    ("piccies", "pic"),
    ("photos", "photo"),
    ("nudez", "nudes"),
    ("privates", "privates"),
];

/// The word and the words it may be another form of: "slapped" is also "slap", "scared" is
/// also "scare", "bullied" is also "bully".
fn forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_owned()];
    if let Some((_, base)) = IRREGULAR.iter().find(|(typed, _)| *typed == word) {
        forms.push((*base).to_owned());
    }
    let mut add = |stem: &str, tail: &str| {
        if stem.chars().count() >= 3 {
            forms.push(format!("{stem}{tail}"));
            let chars: Vec<char> = stem.chars().collect();
            let n = chars.len();
            // hitting, slapped: the doubled last letter goes too.
            if n >= 4 && chars[n - 1] == chars[n - 2] && "bdgmnprtz".contains(chars[n - 1]) {
                forms.push(chars[..n - 1].iter().collect());
            }
        }
    };
    if let Some(stem) = word.strip_suffix("ies").or(word.strip_suffix("ied")) {
        add(stem, "y");
    }
    if let Some(stem) = word.strip_suffix("ing") {
        add(stem, "");
        add(stem, "e");
    }
    if let Some(stem) = word.strip_suffix("ed") {
        add(stem, "");
        add(stem, "e");
    }
    if let Some(stem) = word.strip_suffix("es") {
        add(stem, "");
    }
    if let Some(stem) = word.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        add(stem, "");
    }
    if let Some(stem) = word.strip_suffix("z") {
        // Text-speak plurals: "hitz".
        add(stem, "s");
        add(stem, "");
    }
    forms
}

/// What one typed word is, as far as the model knows: its forms, and the model's words it is.
struct Token {
    forms: Vec<String>,
    known: Vec<usize>,
    number: Option<u32>,
}

impl Token {
    fn is(&self, word: usize) -> bool {
        self.known.contains(&word)
    }
}

#[derive(Debug)]
enum Element {
    Word(usize),
    Prefix(String),
    Class(usize),
    /// A number a child might give as an adult's age.
    AdultAge,
    End,
}

#[derive(Debug)]
struct Step {
    element: Element,
    gap: usize,
    not_after: Option<usize>,
}

#[derive(Debug)]
enum Condition {
    Word(usize),
    Class(usize),
}

#[derive(Debug)]
struct Rule {
    harm: Harm,
    steps: Vec<Step>,
    without: Vec<Condition>,
    with: Vec<Condition>,
}

struct Model {
    /// Every word the model names, so each typed word is compared with each once.
    lexicon: Vec<String>,
    index: HashMap<String, usize>,
    classes: Vec<Vec<usize>>,
    neg: usize,
    rules: Vec<Rule>,
}

const DEFAULT_GAP: usize = 2;
const SOURCE: &str = include_str!("concepts.txt");

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(SOURCE).expect("concepts.txt is well formed"))
}

impl Model {
    fn parse(source: &str) -> Result<Model, String> {
        let mut model = Model {
            lexicon: Vec::new(),
            index: HashMap::new(),
            classes: Vec::new(),
            neg: 0,
            rules: Vec::new(),
        };
        let mut class_names: HashMap<String, usize> = HashMap::new();
        for line in source.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((name, members)) = line.split_once('=') {
                let name = name.trim().trim_start_matches('@').to_owned();
                let members = members
                    .split_whitespace()
                    .map(|word| model.word(word))
                    .collect();
                class_names.insert(name, model.classes.len());
                model.classes.push(members);
                continue;
            }
            let (harm, pattern) = line
                .split_once(':')
                .ok_or_else(|| format!("not a class or a rule: {line}"))?;
            let harm = Harm::from_code(harm.trim()).ok_or_else(|| format!("no kind: {line}"))?;
            let rule = model.rule(harm, pattern, &class_names)?;
            model.rules.push(rule);
        }
        model.neg = *class_names.get("neg").ok_or("no @neg class")?;
        Ok(model)
    }

    fn word(&mut self, word: &str) -> usize {
        if let Some(&i) = self.index.get(word) {
            return i;
        }
        self.lexicon.push(word.to_owned());
        self.index.insert(word.to_owned(), self.lexicon.len() - 1);
        self.lexicon.len() - 1
    }

    fn rule(
        &mut self,
        harm: Harm,
        pattern: &str,
        classes: &HashMap<String, usize>,
    ) -> Result<Rule, String> {
        let class = |name: &str| {
            classes
                .get(name)
                .copied()
                .ok_or_else(|| format!("no class @{name} in: {pattern}"))
        };
        let mut rule = Rule {
            harm,
            steps: Vec::new(),
            without: Vec::new(),
            with: Vec::new(),
        };
        let mut gap = DEFAULT_GAP;
        let mut not_after = None;
        for part in pattern.split_whitespace() {
            if let Some(n) = part.strip_prefix('~') {
                gap = n.parse().map_err(|_| format!("bad gap in: {pattern}"))?;
            } else if let Some(name) = part.strip_prefix("!@") {
                not_after = Some(class(name)?);
            } else if let Some(rest) = part.strip_prefix(['-', '+']) {
                let condition = match rest.strip_prefix('@') {
                    Some(name) => Condition::Class(class(name)?),
                    None => Condition::Word(self.word(rest)),
                };
                if part.starts_with('-') {
                    rule.without.push(condition);
                } else {
                    rule.with.push(condition);
                }
            } else {
                let element = if part == "$" {
                    Element::End
                } else if part == "@adultage" {
                    Element::AdultAge
                } else if let Some(name) = part.strip_prefix('@') {
                    Element::Class(class(name)?)
                } else if let Some(prefix) = part.strip_suffix('*') {
                    Element::Prefix(prefix.to_owned())
                } else {
                    Element::Word(self.word(part))
                };
                // The end of the sentence is right after the word before it.
                let step_gap = if rule.steps.is_empty() || matches!(element, Element::End) {
                    0
                } else {
                    gap
                };
                rule.steps.push(Step {
                    element,
                    gap: step_gap,
                    not_after: not_after.take(),
                });
                gap = DEFAULT_GAP;
            }
        }
        if rule.steps.is_empty() {
            return Err(format!("empty rule: {pattern}"));
        }
        Ok(rule)
    }

    fn token(&self, word: &String) -> Token {
        let forms = forms(word);
        let long = word.chars().count() >= 5;
        let known = self
            .lexicon
            .iter()
            .enumerate()
            .filter(|(_, entry)| {
                forms.iter().any(|form| form == *entry)
                    || (long && entry.chars().count() >= 5 && close(entry, word))
            })
            .map(|(i, _)| i)
            .collect();
        Token {
            number: word.parse().ok(),
            forms,
            known,
        }
    }

    fn in_class(&self, class: usize, token: &Token) -> bool {
        self.classes[class].iter().any(|&word| token.is(word))
    }

    fn holds(&self, condition: &Condition, tokens: &[Token]) -> bool {
        tokens.iter().any(|token| match condition {
            Condition::Word(word) => token.is(*word),
            Condition::Class(class) => self.in_class(*class, token),
        })
    }
}

impl Rule {
    /// The first and last word of where this rule matches, if it does.
    fn find(&self, model: &Model, tokens: &[Token]) -> Option<(usize, usize)> {
        if self.without.iter().any(|c| model.holds(c, tokens))
            || !self.with.iter().all(|c| model.holds(c, tokens))
        {
            return None;
        }
        (0..tokens.len()).find_map(|start| {
            let denied = tokens[start.saturating_sub(2)..start]
                .iter()
                .any(|token| model.in_class(model.neg, token));
            if denied && !model.in_class(model.neg, &tokens[start]) {
                return None;
            }
            self.from(model, tokens, 0, start).map(|end| (start, end))
        })
    }

    /// Matches steps from `step` on, the first of them at `at`; the index of the last word.
    fn from(&self, model: &Model, tokens: &[Token], step: usize, at: usize) -> Option<usize> {
        let this = &self.steps[step];
        if let Element::End = this.element {
            return (at == tokens.len()).then(|| at.saturating_sub(1));
        }
        let token = tokens.get(at)?;
        if let Some(class) = this.not_after {
            if at > 0 && model.in_class(class, &tokens[at - 1]) {
                return None;
            }
        }
        let fits = match &this.element {
            Element::Word(word) => token.is(*word),
            Element::Prefix(prefix) => token.forms.iter().any(|f| f.starts_with(prefix.as_str())),
            Element::Class(class) => model.in_class(*class, token),
            Element::AdultAge => token.number.is_some_and(|age| (18..=99).contains(&age)),
            Element::End => unreachable!("handled above"),
        };
        if !fits {
            return None;
        }
        let Some(next) = self.steps.get(step + 1) else {
            return Some(at);
        };
        (at + 1..=(at + 1 + next.gap).min(tokens.len()))
            .find_map(|then| self.from(model, tokens, step + 1, then))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Harm> {
        assess(text).into_iter().map(|flag| flag.harm).collect()
    }

    #[test]
    fn the_model_reads() {
        assert!(model().rules.len() > 100);
    }

    #[test]
    fn who_does_what_to_whom_decides() {
        assert_eq!(kinds("my dad hits me"), [Harm::Physical]);
        assert!(kinds("my dad hits the ball really far").is_empty());
        assert!(kinds("i hit my head on the slide").is_empty());
        assert_eq!(kinds("dad hits mum"), [Harm::DomesticAbuse]);
        assert!(kinds("my dad never hits me").is_empty());
    }

    #[test]
    fn other_forms_and_spellings_are_the_same_word() {
        assert_eq!(kinds("he slapped me"), [Harm::Physical]);
        assert_eq!(kinds("im not aloud to tell"), [Harm::Secrets]);
        assert_eq!(kinds("no one looks after me"), [Harm::Neglect]);
        assert_eq!(kinds("im frightend of my uncle"), [Harm::Fear]);
    }

    #[test]
    fn the_flag_says_which_words() {
        let flags = assess("We went to the park. There is no food at home.");
        assert_eq!(
            flags,
            [Flag {
                harm: Harm::Neglect,
                words: "no food".into()
            }]
        );
    }
}
