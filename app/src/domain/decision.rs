//! The words of Influence: a decision's status, its stage in the commissioning cycle, and the
//! level its outcome is at. Each keeps a stored code and a label people read.

use serde::{Deserialize, Serialize};

/// Decision statuses a commissioner can record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    Proposed,
    Agreed,
    InProgress,
    Done,
    NotTakenForward,
}

coded!(DecisionStatus {
    Proposed => ("proposed", label.decision_status.proposed),
    Agreed => ("agreed", label.decision_status.agreed),
    InProgress => ("in_progress", label.decision_status.in_progress),
    Done => ("done", label.decision_status.done),
    NotTakenForward => ("not_taken_forward", label.decision_status.not_taken_forward),
});

/// Where a decision sits in the commissioning cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommissioningStage {
    Assess,
    Plan,
    Do,
    Review,
}

coded!(CommissioningStage {
    Assess => ("assess", label.commissioning_stage.assess),
    Plan => ("plan", label.commissioning_stage.plan),
    Do => ("do", label.commissioning_stage.do_it),
    Review => ("review", label.commissioning_stage.review),
});

/// Whom a decision's outcome reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeLevel {
    Individual,
    Service,
    Strategic,
}

coded!(OutcomeLevel {
    Individual => ("individual", label.outcome_level.individual),
    Service => ("service", label.outcome_level.service),
    Strategic => ("strategic", label.outcome_level.strategic),
});

/// One step of a decision's history as it is stored: what happened, the status it was recorded
/// with or changed to, and only what a person wrote, so every page words it in its reader's
/// language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionEvent {
    /// `status` is unknown for decisions recorded before the history kept it.
    Recorded {
        status: Option<DecisionStatus>,
        title: String,
    },
    StatusChanged {
        status: DecisionStatus,
        reason: Option<String>,
    },
    Outcome {
        text: String,
    },
    Linked {
        rationale: String,
    },
    Published {
        message: String,
    },
}

impl DecisionEvent {
    /// The stored kind, status and text.
    pub fn stored(&self) -> (&'static str, Option<DecisionStatus>, &str) {
        match self {
            DecisionEvent::Recorded { status, title } => ("created", *status, title),
            DecisionEvent::StatusChanged { status, reason } => (
                "status",
                Some(*status),
                reason.as_deref().unwrap_or_default(),
            ),
            DecisionEvent::Outcome { text } => ("outcome", None, text),
            DecisionEvent::Linked { rationale } => ("linked", None, rationale),
            DecisionEvent::Published { message } => ("published", None, message),
        }
    }

    /// Back from the stored kind, status and text; `None` for a kind Heard does not know.
    pub fn from_stored(kind: &str, status: Option<&str>, text: String) -> Option<Self> {
        let status = status.and_then(DecisionStatus::parse);
        Some(match kind {
            "created" => DecisionEvent::Recorded {
                status,
                title: text,
            },
            "status" => DecisionEvent::StatusChanged {
                status: status?,
                reason: Some(text).filter(|reason| !reason.is_empty()),
            },
            "outcome" => DecisionEvent::Outcome { text },
            "linked" => DecisionEvent::Linked { rationale: text },
            "published" => DecisionEvent::Published { message: text },
            _ => return None,
        })
    }

    /// An outcome update or a change of status: what the evidence report lists.
    pub fn is_progress(&self) -> bool {
        matches!(
            self,
            DecisionEvent::Outcome { .. } | DecisionEvent::StatusChanged { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_comes_back_as_it_was_stored() {
        let events = [
            DecisionEvent::Recorded {
                status: Some(DecisionStatus::Agreed),
                title: "Quiet rooms".into(),
            },
            DecisionEvent::StatusChanged {
                status: DecisionStatus::NotTakenForward,
                reason: Some("No money this year".into()),
            },
            DecisionEvent::StatusChanged {
                status: DecisionStatus::Done,
                reason: None,
            },
            DecisionEvent::Outcome {
                text: "Two rooms open".into(),
            },
            DecisionEvent::Linked {
                rationale: "You asked".into(),
            },
            DecisionEvent::Published {
                message: "We did it".into(),
            },
        ];
        for event in events {
            let (kind, status, text) = event.stored();
            let back =
                DecisionEvent::from_stored(kind, status.map(DecisionStatus::as_str), text.into());
            assert_eq!(back, Some(event));
        }
        assert_eq!(DecisionEvent::from_stored("status", None, "x".into()), None);
        assert_eq!(
            DecisionEvent::from_stored("unknown", None, "x".into()),
            None
        );
    }
}
