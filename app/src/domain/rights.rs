//! A child's rights over what they said, and the log of requests the council keeps to show it
//! answered them: never the content, only what was asked, how, and when it was answered.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RightsKind {
    /// A copy of what they said: the printable page or the download.
    Copy,
    /// Fewer people may see a picture, drawing or recording.
    Limit,
    Erase,
}

impl RightsKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Copy => "copy",
            Self::Limit => "limit",
            Self::Erase => "erase",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Copy, Self::Limit, Self::Erase]
            .into_iter()
            .find(|kind| kind.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Copy => crate::staff!(label.rights_kind.copy),
            Self::Limit => crate::staff!(label.rights_kind.limit),
            Self::Erase => crate::staff!(label.rights_kind.erase),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    Done,
    /// An open safeguarding concern holds the turn: the safeguarding lead decides.
    Held,
    /// The safeguarding lead decided to keep it for now, and wrote why.
    Kept,
}

impl RequestState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::Held => "held",
            Self::Kept => "kept",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Done, Self::Held, Self::Kept]
            .into_iter()
            .find(|state| state.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Done => crate::staff!(label.request_state.done),
            Self::Held => crate::staff!(label.request_state.held),
            Self::Kept => crate::staff!(label.request_state.kept),
        }
    }
}

/// What was erased, or why not yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Erased {
    /// This many answers are gone.
    Done(u64),
    /// An open concern holds the turn; the safeguarding lead will decide.
    Held,
}

/// A row of the log of rights requests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RightsRequest {
    pub id: String,
    pub kind: RightsKind,
    /// True for one answer, false for the whole turn.
    pub one_answer: bool,
    /// The member of staff who acted for the child, or `None` when asked with the receipt.
    pub by_staff: Option<String>,
    pub asked_on: super::Day,
    pub state: RequestState,
    pub done_on: Option<super::Day>,
    pub decided_by: Option<String>,
    pub decision_reason: Option<String>,
    /// Days from asking to being answered, or so far.
    pub days: i64,
}

/// Everything Heard keeps about a turn, for the child's copy: what the receipt shows, the
/// "How was today?" faces, and how long it is all kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TurnCopy {
    pub receipt: super::Receipt,
    /// "Did the adults listen to you?", 1 to 5.
    pub listened: Option<i64>,
    /// "Could you say what you wanted?", 1 to 5.
    pub could_say: Option<i64>,
    /// Months everything is kept after the session closed.
    pub kept_months: i64,
}
