//! Search and filter across contributions: the evidence behind a figure, one answer at a time.

use super::{AnswerMode, Priority};
use serde::{Deserialize, Serialize};

/// The age band a child may give on the welcome screen (never a birthday).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeBand {
    UnderFive,
    FiveToTen,
    ElevenToFifteen,
    SixteenToNineteen,
    TwentyToTwentyFive,
}

coded!(AgeBand {
    UnderFive => ("0-4", label.age_band.under_five),
    FiveToTen => ("5-10", label.age_band.five_to_ten),
    ElevenToFifteen => ("11-15", label.age_band.eleven_to_fifteen),
    SixteenToNineteen => ("16-19", label.age_band.sixteen_to_nineteen),
    TwentyToTwentyFive => ("20-25", label.age_band.twenty_to_twenty_five),
});

/// How far along the Lundy chain a contribution has got: the furthest step it reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LundyStage {
    /// Said, and not yet heard by anyone with power to decide.
    Said,
    Heard,
    Linked,
    FedBack,
}

coded!(LundyStage {
    Said => ("said", label.lundy_stage.said),
    Heard => ("heard", label.lundy_stage.heard),
    Linked => ("linked", label.lundy_stage.linked),
    FedBack => ("fed_back", label.lundy_stage.fed_back),
});

/// Contributions per search page.
pub const SEARCH_PAGE_SIZE: i64 = 50;

/// What to look for. Empty ids mean any; times are Unix seconds, `until` exclusive.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionQuery {
    pub priority_id: String,
    pub activity_id: String,
    pub session_id: String,
    pub mode: Option<AnswerMode>,
    /// A theme's name: activities keep their own lists, and the same name means the same theme.
    pub theme: String,
    pub age_band: Option<AgeBand>,
    pub from: Option<i64>,
    pub until: Option<i64>,
    pub stage: Option<LundyStage>,
    /// From 1.
    pub page: i64,
}

/// One contribution found: what was said, where along the chain it is; nothing identifying.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRow {
    pub said_on: super::Day,
    pub activity: String,
    pub session: String,
    pub prompt: String,
    pub way: String,
    pub answer: String,
    pub themes: Vec<String>,
    pub age_band: Option<AgeBand>,
    pub stage: LundyStage,
}

/// The search page: what was found and what its filter offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPage {
    pub rows: Vec<SearchRow>,
    pub total: i64,
    pub page: i64,
    pub priorities: Vec<Priority>,
    pub activities: Vec<(String, String)>,
    /// (id, "activity at place, date").
    pub sessions: Vec<(String, String)>,
    pub themes: Vec<String>,
}
