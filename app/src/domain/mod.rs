//! Types both sides share: the Lundy vocabulary of the brief.

mod activity;
mod answer;
mod decision;
mod display;
mod evidence;
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
pub use decision::{CommissioningStage, DecisionStatus, OutcomeLevel};
pub use display::Display;
pub use evidence::{
    Dashboard, EvidenceFilter, EvidencePage, EvidenceReport, ExportRow, Funnel, OverdueLoop,
    DEFAULT_OVERDUE_WEEKS,
};
pub use role::Role;
pub use space::{SpaceRecord, ADJUSTMENTS, CHECKS};
pub use symbols::{Symbol, SYMBOLS};
pub use upload::{UploadProblem, MAX_RECORDING_SECS, PHOTO_MAX_MB};
pub use views::*;
