//! Evidence of influence, as the dashboard, the report and the exports show it.

use serde::{Deserialize, Serialize};

/// Loops count as overdue after this many weeks without feedback, unless the filter says.
pub const DEFAULT_OVERDUE_WEEKS: i64 = 12;

/// Which contributions the evidence is about. Empty ids mean any; times are Unix seconds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFilter {
    pub priority_id: String,
    pub activity_id: String,
    pub from: Option<i64>,
    /// The end of the period, exclusive.
    pub until: Option<i64>,
    pub overdue_weeks: Option<i64>,
}

impl EvidenceFilter {
    pub fn overdue_weeks(&self) -> i64 {
        self.overdue_weeks
            .filter(|weeks| *weeks > 0)
            .unwrap_or(DEFAULT_OVERDUE_WEEKS)
    }

    /// The filter in words, for the record of exports.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.priority_id.is_empty() {
            parts.push(format!("priority {}", self.priority_id));
        }
        if !self.activity_id.is_empty() {
            parts.push(format!("activity {}", self.activity_id));
        }
        match (self.from, self.until) {
            (None, None) => parts.push("all time".into()),
            (from, until) => parts.push(format!(
                "from {} until {}",
                from.map_or("the start".into(), |t| t.to_string()),
                until.map_or("now".into(), |t| t.to_string())
            )),
        }
        parts.join(", ")
    }
}

/// The Lundy funnel: how many contributions got how far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    pub said: i64,
    pub heard: i64,
    pub linked: i64,
    pub fed_back: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub funnel: Funnel,
    /// "Did we get it right?": how many children chose each face, very sad … very happy.
    pub replies: [i64; 5],
    pub median_days_to_heard: Option<f64>,
    pub median_days_to_fed_back: Option<f64>,
    /// (way of answering, contributions), most first.
    pub modes: Vec<(String, i64)>,
    pub sessions: i64,
    /// Sessions whose Space record has nothing missing.
    pub sessions_with_space: i64,
    pub overdue_weeks: i64,
    pub overdue_total: i64,
    /// The oldest open loops, at most 50.
    pub overdue: Vec<OverdueLoop>,
}

/// A contribution still waiting for "you said, we did".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueLoop {
    pub said_on: String,
    pub weeks: i64,
    pub activity: String,
    pub prompt: String,
    /// Who owns closing it: the facilitator of the session.
    pub owner: String,
}

/// One contribution in an export: nothing held back, nothing unconsented, nothing identifying.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRow {
    pub activity: String,
    pub said_on: String,
    pub prompt: String,
    pub way: String,
    pub answer: String,
    pub themes: Vec<String>,
    pub heard: Vec<String>,
    pub decisions: Vec<String>,
    pub fed_back_on: Option<String>,
}

/// The print-ready evidence report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceReport {
    /// What it covers, in words.
    pub scope: String,
    pub dashboard: Dashboard,
    /// Charts drawn on the server as SVG.
    pub funnel_chart: String,
    pub modes_chart: String,
    /// (question, the child's words, said on).
    pub quotes: Vec<(String, String, String)>,
    /// (media id, description) of pictures the reader may see.
    pub pictures: Vec<(String, Option<String>)>,
    pub decisions: Vec<super::Decision>,
}

/// The evidence page: the dashboard and what its filter offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidencePage {
    pub dashboard: Dashboard,
    pub priorities: Vec<super::Priority>,
    pub activities: Vec<(String, String)>,
    /// (when, who, format, scope, rows) of recent exports.
    pub exports: Vec<(String, String, String, String, i64)>,
}
