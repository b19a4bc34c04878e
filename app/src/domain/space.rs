//! Lundy's Space, recorded for each session: where it was, who was there and who could not be,
//! what was changed so every child could take part, and the Space and Voice checklist questions
//! answered when the session opens and when it closes.

use serde::{Deserialize, Serialize};

/// Adjustments made so children could take part: (code, what the facilitator sees).
pub const ADJUSTMENTS: [(&str, &str); 7] = [
    ("symbols", "Symbols and pictures"),
    ("read_aloud", "Read-aloud"),
    ("breaks", "Breaks"),
    ("interpreter", "Interpreter or signing"),
    ("quiet_room", "A quiet room"),
    ("aac", "AAC devices"),
    ("languages", "Other languages"),
];

/// Lundy's Space and Voice checklist questions, in our words: (code, question).
pub const CHECKS: [(&str, &str); 6] = [
    ("sought", "Space: were children's views actively sought?"),
    (
        "safe",
        "Space: was there a safe space where children could say what they think?",
    ),
    (
        "inclusive",
        "Space: were steps taken so that every child could take part?",
    ),
    (
        "informed",
        "Voice: did children have the information they needed to form a view?",
    ),
    (
        "optional",
        "Voice: did children know they did not have to take part?",
    ),
    (
        "ways",
        "Voice: could children choose how to express themselves?",
    ),
];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpaceRecord {
    /// e.g. "School library, Year 9 at a special school".
    pub setting: String,
    pub expected_group: String,
    pub invited: String,
    /// Who could not take part, and why.
    pub missing: String,
    /// Codes from `ADJUSTMENTS`.
    pub adjustments: Vec<String>,
    /// Codes from `CHECKS` answered yes when the session opened.
    pub opening: Vec<String>,
    /// And when it closed.
    pub closing: Vec<String>,
}

impl SpaceRecord {
    /// What the record still lacks; the closing questions count once the session has closed.
    pub fn gaps(&self, closed: bool) -> Vec<String> {
        let mut gaps = Vec::new();
        for (value, what) in [
            (&self.setting, "the setting"),
            (&self.expected_group, "the group expected"),
            (&self.invited, "who was invited"),
            (
                &self.missing,
                "who could not take part, and why (write \"nobody\" if everyone could)",
            ),
        ] {
            if value.trim().is_empty() {
                gaps.push(format!("Write {what}."));
            }
        }
        if self.adjustments.is_empty() {
            gaps.push("Record the adjustments made (or none).".into());
        }
        let unanswered = |answered: &[String]| {
            CHECKS
                .iter()
                .filter(|(code, _)| !answered.iter().any(|a| a == code))
                .count()
        };
        match unanswered(&self.opening) {
            0 => {}
            n => gaps.push(format!(
                "{n} checklist questions not yet answered yes at opening."
            )),
        }
        if closed {
            match unanswered(&self.closing) {
                0 => {}
                n => gaps.push(format!(
                    "{n} checklist questions not yet answered yes at closing."
                )),
            }
        }
        gaps
    }

    /// Keeps only known codes, once each, so the record says nothing the form could not.
    pub fn tidy(mut self) -> Self {
        let keep = |codes: Vec<String>, known: &[&str]| {
            let mut kept: Vec<String> = codes
                .into_iter()
                .filter(|c| known.contains(&c.as_str()))
                .collect();
            kept.sort();
            kept.dedup();
            kept
        };
        let adjustment_codes: Vec<&str> = ADJUSTMENTS.iter().map(|(c, _)| *c).collect();
        let check_codes: Vec<&str> = CHECKS.iter().map(|(c, _)| *c).collect();
        self.adjustments = keep(self.adjustments, &adjustment_codes);
        self.opening = keep(self.opening, &check_codes);
        self.closing = keep(self.closing, &check_codes);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_record_lists_everything_missing_and_a_full_one_nothing() {
        let empty = SpaceRecord::default();
        assert_eq!(empty.gaps(false).len(), 6);
        assert_eq!(empty.gaps(true).len(), 7);
        let all: Vec<String> = CHECKS.iter().map(|(c, _)| c.to_string()).collect();
        let full = SpaceRecord {
            setting: "Library".into(),
            expected_group: "Year 9".into(),
            invited: "12 pupils".into(),
            missing: "Two were on a trip".into(),
            adjustments: vec!["symbols".into(), "made-up".into(), "symbols".into()],
            opening: all.clone(),
            closing: all,
        }
        .tidy();
        assert_eq!(full.adjustments, ["symbols"]);
        assert!(full.gaps(true).is_empty());
    }
}
