//! Types both sides share: the Lundy vocabulary of the brief.

mod activity;
mod answer;
mod display;
mod role;
mod space;
mod symbols;
pub mod triage;
mod upload;
mod views;

pub use activity::{theme_name, ActivityDraft, PromptDraft, PromptForm, MAX_OPTIONS};
pub use answer::{
    mode_label, Answer, AnswerError, AnswerMode, Chosen, Communicated, EmojiScale, MediaConsent,
    MediaRef, DECLINED, MAX_TEXT_CHARS,
};
pub use display::Display;
pub use role::Role;
pub use space::{SpaceRecord, ADJUSTMENTS, CHECKS};
pub use symbols::{Symbol, SYMBOLS};
pub use upload::{UploadProblem, MAX_RECORDING_SECS, PHOTO_MAX_MB};
pub use views::*;

/// Decision statuses a commissioner can record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    Proposed,
    Agreed,
    InProgress,
    Done,
    NotTakenForward,
}

impl DecisionStatus {
    pub const ALL: [DecisionStatus; 5] = [
        Self::Proposed,
        Self::Agreed,
        Self::InProgress,
        Self::Done,
        Self::NotTakenForward,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Agreed => "agreed",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::NotTakenForward => "not_taken_forward",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Proposed => "Proposed",
            Self::Agreed => "Agreed",
            Self::InProgress => "In progress",
            Self::Done => "Done",
            Self::NotTakenForward => "Not taken forward",
        }
    }
}
