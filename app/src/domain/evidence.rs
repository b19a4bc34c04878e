//! Evidence of influence, as the dashboard, the report and the exports show it.

use super::{CommissioningStage, OutcomeLevel, SpaceRecord, TodaySummary};
use serde::{Deserialize, Serialize};

/// Loops count as overdue after this many weeks without feedback, unless the filter says.
pub const DEFAULT_OVERDUE_WEEKS: i64 = 12;

/// Which contributions the evidence is about. Empty ids mean any; times are Unix seconds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFilter {
    pub priority_id: String,
    pub activity_id: String,
    /// The priorities serving this ambition.
    pub ambition_id: String,
    /// Only contributions linked to a decision at this stage of the commissioning cycle.
    pub stage: Option<CommissioningStage>,
    /// Only contributions linked to a decision whose outcome is at this level.
    pub outcome_level: Option<OutcomeLevel>,
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
    /// Decisions answering contributions in scope, by commissioning stage and outcome level.
    pub decision_cuts: Vec<DecisionCut>,
}

/// How many decisions (and the contributions linked to them) sit at one stage and level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionCut {
    pub stage: CommissioningStage,
    pub outcome_level: OutcomeLevel,
    pub decisions: i64,
    pub contributions: i64,
}

/// A contribution still waiting for "you said, we did".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueLoop {
    pub said_on: super::Day,
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
    pub ambitions: Vec<super::Ambition>,
    pub activities: Vec<(String, String)>,
    /// (when, who, format, scope, rows) of recent exports.
    pub exports: Vec<(String, String, String, String, i64)>,
}

/// The co-production audit of a period: where sessions were held and with whom, who was
/// missing, what was adjusted, what the children themselves said of the day, and how many of
/// their loops were closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoproductionAudit {
    /// The period in words.
    pub period: String,
    pub sessions: Vec<AuditedSession>,
    /// "How was today?" over every session in the period.
    pub today: TodaySummary,
    /// (adjustment, sessions that made it), most used first.
    pub adjustments: Vec<(String, i64)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditedSession {
    pub held_on: super::Day,
    pub place: String,
    pub activity: String,
    pub facilitator: String,
    pub space: SpaceRecord,
    /// What the Space record still lacks (nothing when complete).
    pub gaps: Vec<String>,
    pub children: i64,
    pub contributions: i64,
    /// Contributions whose "you said, we did" has been published.
    pub loops_closed: i64,
    pub today: TodaySummary,
}

impl CoproductionAudit {
    pub fn children(&self) -> i64 {
        self.sessions.iter().map(|s| s.children).sum()
    }

    pub fn contributions(&self) -> i64 {
        self.sessions.iter().map(|s| s.contributions).sum()
    }

    pub fn loops_closed(&self) -> i64 {
        self.sessions.iter().map(|s| s.loops_closed).sum()
    }

    pub fn complete_space_records(&self) -> usize {
        self.sessions.iter().filter(|s| s.gaps.is_empty()).count()
    }
}

/// Generates a struct of a page's filter as its form and query string give it: text fields,
/// parsed and checked on the server. `NAMES` are the query's keys, in order.
macro_rules! filter_fields {
    ($(#[$doc:meta])* $name:ident { $($field:ident => $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct $name {
            $(pub $field: String),+
        }

        impl $name {
            pub const NAMES: &'static [&'static str] = &[$($key),+];

            /// From a query string's values.
            pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
                $name { $($field: get($key).unwrap_or_default()),+ }
            }

            /// (key, value) of each field.
            pub fn pairs(&self) -> Vec<(&'static str, &str)> {
                vec![$(($key, self.$field.as_str())),+]
            }

            /// The fields that are set, as a query string for links.
            pub fn query_string(&self) -> String {
                self.pairs()
                    .into_iter()
                    .filter(|(_, value)| !value.is_empty())
                    .map(|(key, value)| format!("{key}={}", percent_encoded(value)))
                    .collect::<Vec<_>>()
                    .join("&")
            }
        }
    };
}

/// A query-string value: letters, digits, `-` and `_` as they are, every other byte as `%XX`.
fn percent_encoded(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' => (byte as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

filter_fields!(
    /// The evidence filter as the dashboard's form gives it.
    EvidenceFields {
        priority => "priority",
        activity => "activity",
        ambition => "ambition",
        stage => "stage",
        level => "level",
        from => "from",
        until => "until",
        weeks => "weeks",
    }
);

filter_fields!(
    /// The contribution search as its form gives it.
    SearchFields {
        priority => "priority",
        activity => "activity",
        session => "session",
        mode => "mode",
        theme => "theme",
        age => "age",
        stage => "stage",
        from => "from",
        until => "until",
        page => "page",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_keep_only_what_is_set_and_encode_the_rest() {
        let fields = SearchFields {
            theme: "Things to do & more".into(),
            page: "2".into(),
            ..SearchFields::default()
        };
        assert_eq!(
            fields.query_string(),
            "theme=Things%20to%20do%20%26%20more&page=2"
        );
        let back = SearchFields::from_query(|key| (key == "page").then(|| "2".to_owned()));
        assert_eq!(back.page, "2");
        assert_eq!(back.theme, "");
    }
}
