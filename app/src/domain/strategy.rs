//! The partnership's plan that children's views feed: strategies, their commissioning
//! priorities (each with Why / What / How, an owner and a period), and the ambitions the
//! priorities serve, such as the Seven Inclusive Ambitions.

use super::{DecisionSummary, Field, Funnel, StaffProblem};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    pub id: String,
    pub strategy_id: String,
    pub position: i64,
    pub title: String,
    pub why: String,
    pub what: String,
    pub how: String,
    pub owner: String,
    pub period: String,
    pub ambition_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strategy {
    pub id: String,
    pub title: String,
    pub period: String,
    pub owner: String,
    pub priorities: Vec<Priority>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ambition {
    pub id: String,
    pub position: i64,
    pub title: String,
    pub summary: String,
}

/// What a commissioner writes for a strategy, checked before it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrategyDraft {
    pub title: String,
    pub period: String,
    pub owner: String,
}

/// What a commissioner writes for an ambition of the partnership, checked before it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmbitionDraft {
    pub title: String,
    pub summary: String,
}

impl AmbitionDraft {
    pub fn new(title: &str, summary: &str) -> Result<Self, StaffProblem> {
        Ok(AmbitionDraft {
            title: filled(Field::Ambition, title, MAX_TITLE_CHARS)?,
            summary: match summary.trim() {
                "" => String::new(),
                summary => filled(Field::AmbitionMeaning, summary, MAX_TEXT_CHARS)?,
            },
        })
    }
}

/// What a commissioner writes for a priority, checked before it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriorityDraft {
    pub title: String,
    pub why: String,
    pub what: String,
    pub how: String,
    pub owner: String,
    pub period: String,
    pub ambition_ids: Vec<String>,
}

/// Longest title a strategy or priority may have: it heads pages and fills filter menus.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest Why, What or How.
pub const MAX_TEXT_CHARS: usize = 4_000;

fn filled(field: Field, value: &str, max: usize) -> Result<String, StaffProblem> {
    let value = value.trim();
    if value.is_empty() {
        Err(StaffProblem::FillIn(field))
    } else if value.chars().count() > max {
        Err(StaffProblem::Shorten { field, max })
    } else {
        Ok(value.to_owned())
    }
}

fn optional(field: Field, value: &str) -> Result<String, StaffProblem> {
    let value = value.trim();
    if value.chars().count() > MAX_TITLE_CHARS {
        Err(StaffProblem::Shorten {
            field,
            max: MAX_TITLE_CHARS,
        })
    } else {
        Ok(value.to_owned())
    }
}

impl StrategyDraft {
    pub fn new(title: &str, period: &str, owner: &str) -> Result<Self, StaffProblem> {
        Ok(StrategyDraft {
            title: filled(Field::StrategyTitle, title, MAX_TITLE_CHARS)?,
            period: filled(Field::PeriodCovered, period, MAX_TITLE_CHARS)?,
            owner: optional(Field::Owner, owner)?,
        })
    }
}

impl PriorityDraft {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        title: &str,
        why: &str,
        what: &str,
        how: &str,
        owner: &str,
        period: &str,
        ambition_ids: Vec<String>,
    ) -> Result<Self, StaffProblem> {
        let mut ambition_ids: Vec<String> = ambition_ids
            .into_iter()
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
            .collect();
        ambition_ids.sort();
        ambition_ids.dedup();
        Ok(PriorityDraft {
            title: filled(Field::PriorityTitle, title, MAX_TITLE_CHARS)?,
            why: filled(Field::WhyItMatters, why, MAX_TEXT_CHARS)?,
            what: filled(Field::WhatWeWant, what, MAX_TEXT_CHARS)?,
            how: filled(Field::HowWeWillDoIt, how, MAX_TEXT_CHARS)?,
            owner: optional(Field::Owner, owner)?,
            period: optional(Field::Period, period)?,
            ambition_ids,
        })
    }
}

/// The strategies page: every strategy with its priorities, and the ambitions they can serve.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategiesPage {
    pub strategies: Vec<Strategy>,
    pub ambitions: Vec<Ambition>,
    pub can_edit: bool,
}

/// One priority: what it is, what children said about it, what was decided under it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriorityPage {
    pub priority: Priority,
    pub strategy: String,
    pub ambitions: Vec<Ambition>,
    pub funnel: Funnel,
    /// Activities that asked children about it: (id, title).
    pub activities: Vec<(String, String)>,
    /// (question, the child's words, said on), newest first.
    pub quotes: Vec<(String, String, String)>,
    pub decisions: Vec<DecisionSummary>,
    pub can_edit: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_priority_needs_its_why_what_and_how() {
        let error = PriorityDraft::new("Short breaks", "Because", "", "By", "", "", Vec::new())
            .unwrap_err();
        assert_eq!(error, StaffProblem::FillIn(Field::WhatWeWant));
    }

    #[test]
    fn ambitions_are_trimmed_and_counted_once() {
        let draft = PriorityDraft::new(
            " Short breaks ",
            "w",
            "w",
            "h",
            " Head of commissioning ",
            "2025-2028",
            vec!["b".into(), " a".into(), "b".into(), "".into()],
        )
        .unwrap();
        assert_eq!(draft.title, "Short breaks");
        assert_eq!(draft.owner, "Head of commissioning");
        assert_eq!(draft.ambition_ids, vec!["a".to_owned(), "b".to_owned()]);
    }

    #[test]
    fn long_titles_are_refused_with_the_limit() {
        let long = "x".repeat(MAX_TITLE_CHARS + 1);
        let error = StrategyDraft::new(&long, "2025-2028", "").unwrap_err();
        assert_eq!(
            error,
            StaffProblem::Shorten {
                field: Field::StrategyTitle,
                max: 200
            }
        );
    }
}
