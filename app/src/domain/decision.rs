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
    Proposed => ("proposed", "Proposed"),
    Agreed => ("agreed", "Agreed"),
    InProgress => ("in_progress", "In progress"),
    Done => ("done", "Done"),
    NotTakenForward => ("not_taken_forward", "Not taken forward"),
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
    Assess => ("assess", "Assess"),
    Plan => ("plan", "Plan"),
    Do => ("do", "Do"),
    Review => ("review", "Review"),
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
    Individual => ("individual", "Individual"),
    Service => ("service", "Service"),
    Strategic => ("strategic", "Strategic"),
});
