//! Types both sides share: the Lundy vocabulary of the brief.

/// Generates `ALL`, `as_str`, `parse` and `label` for an enum of stored codes; the label is a
/// key of the staff pages' words.
macro_rules! coded {
    ($name:ident { $($variant:ident => ($code:literal, $($label:ident).+)),+ $(,)? }) => {
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.as_str() == s)
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => crate::staff!($($label).+)),+ }
            }
        }
    };
}

mod activity;
mod answer;
mod day;
mod decision;
mod display;
mod evidence;
mod language;
mod problem;
mod rights;
mod role;
mod search;
mod space;
mod staff_problem;
mod strategy;
mod symbols;
pub mod text;
mod translation;
pub mod triage;
mod upload;
mod views;

pub use activity::{theme_name, ActivityDraft, PromptDraft, PromptForm, MAX_OPTIONS};
pub use answer::{
    mode_label, Answer, AnswerError, AnswerMode, Chosen, Communicated, EmojiScale, MediaConsent,
    MediaRef, DECLINED, MAX_TEXT_CHARS,
};
pub use day::{Day, Moment};
pub use decision::{CommissioningStage, DecisionEvent, DecisionStatus, OutcomeLevel};
pub use display::Display;
pub use evidence::{
    AuditedSession, CoproductionAudit, Dashboard, DecisionCut, EvidenceFields, EvidenceFilter,
    EvidencePage, EvidenceReport, ExportRow, Funnel, OverdueLoop, SearchFields,
    DEFAULT_OVERDUE_WEEKS,
};
pub use language::{Language, PreviewLanguage};
pub use problem::ProblemCode;
pub use rights::{Erased, RequestState, RightsKind, RightsRequest, TurnCopy};
pub use role::Role;
pub use search::{AgeBand, ContributionQuery, LundyStage, SearchPage, SearchRow, SEARCH_PAGE_SIZE};
pub use space::{SpaceRecord, ADJUSTMENTS, CHECKS};
pub use staff_problem::{Choice, Field, Missing, StaffProblem};
pub use strategy::{
    Ambition, AmbitionDraft, Priority, PriorityDraft, PriorityPage, StrategiesPage, Strategy,
    StrategyDraft,
};
pub use symbols::{icon, Symbol, SYMBOLS};
pub use translation::{ActivityWords, FeedbackWords, PromptWords, Translations};
pub use upload::{UploadProblem, MAX_RECORDING_SECS, PHOTO_MAX_MB};
pub use views::*;
