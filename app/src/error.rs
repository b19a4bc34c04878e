//! The one error type of the server-function layer: codes, worded where they are shown
//! (`ui::words`), each one a person can act on. Internal causes are logged on the server and
//! never sent to the browser.

use crate::domain::{Missing, ProblemCode, StaffProblem};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    NotSignedIn,
    Forbidden,
    /// A staff form's mistake or a refusal.
    Invalid(
        #[cfg_attr(
            not(feature = "staff-pages"),
            serde(deserialize_with = "not_on_this_page")
        )]
        StaffProblem,
    ),
    NotFound(
        #[cfg_attr(
            not(feature = "staff-pages"),
            serde(deserialize_with = "not_on_this_page")
        )]
        Missing,
    ),
    /// What went wrong for a child or their carer, worded in the page's language.
    Coded(ProblemCode),
    /// Too many tries; the answer carries `Retry-After`.
    Throttled {
        problem: ProblemCode,
        retry_after_secs: i64,
    },
    Internal,
    /// The call did not get through, or came back in a form the browser could not read.
    Transport(Transport),
}

impl std::error::Error for AppError {}

/// The child's and the receipt pages' bundles carry none of the staff's words, nor the code that
/// reads their problems: a staff problem reaching one is not read, and the call counts as failed
/// (`Transport::Failed`), which the page words in its own language. Their pages' server functions
/// answer with `ProblemCode`s; this keeps several kilobytes out of every child's download.
#[cfg(not(feature = "staff-pages"))]
fn not_on_this_page<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    serde::de::IgnoredAny::deserialize(deserializer)?;
    Err(serde::de::Error::custom(
        "a staff problem on a page without the staff's words",
    ))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transport {
    Unreachable,
    NotUnderstood,
    Failed,
}

impl AppError {
    /// The HTTP status that says honestly what happened, so monitoring and clients can tell a
    /// refusal from our own fault: only `Internal` (and a failure to carry the call) is a 500.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotSignedIn => 401,
            AppError::Forbidden => 403,
            AppError::Invalid(_) => 422,
            AppError::NotFound(_) => 404,
            AppError::Coded(code) if code.is_not_found() => 404,
            AppError::Coded(_) => 422,
            AppError::Throttled { .. } => 429,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }

    /// Seconds before trying again is worth it, for `Retry-After`.
    pub fn retry_after_secs(&self) -> Option<i64> {
        match self {
            AppError::Throttled {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(match value {
            ServerFnErrorErr::Request(_) => Transport::Unreachable,
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => Transport::NotUnderstood,
            _ => Transport::Failed,
        })
    }
}

#[cfg(feature = "ssr")]
impl From<crate::data::DataError> for AppError {
    fn from(error: crate::data::DataError) -> Self {
        use crate::data::DataError;
        match error {
            DataError::Invalid(message) => AppError::Invalid(message),
            DataError::NotFound(missing) => AppError::NotFound(missing),
            DataError::Conflict(problem) => AppError::Invalid(problem),
            DataError::Coded(code) => AppError::Coded(code),
            DataError::Throttled {
                problem,
                retry_after_secs,
            } => AppError::Throttled {
                problem,
                retry_after_secs,
            },
            internal @ (DataError::Database(_) | DataError::Migrate(_) | DataError::Fault(_)) => {
                tracing::error!(error = %internal, "data layer failed");
                AppError::Internal
            }
        }
    }
}
