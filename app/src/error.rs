//! The one error type of the server-function layer. Every message is one a person can act on;
//! internal causes are logged on the server and never sent to the browser.

use crate::domain::ProblemCode;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    NotSignedIn,
    #[error("Your role does not allow this. Ask an admin if you need it.")]
    Forbidden,
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    /// What went wrong for a child or their carer, worded in the page's language where it is shown.
    #[error("{0}")]
    Coded(ProblemCode),
    /// Too many tries; the answer carries `Retry-After`.
    #[error("{problem}")]
    Throttled {
        problem: ProblemCode,
        retry_after_secs: i64,
    },
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    #[error("{0}")]
    Transport(String),
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
        let message = match value {
            ServerFnErrorErr::Request(_) => {
                "We could not reach the server. Check the Wi-Fi and try again."
            }
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                "Part of the form was missing or not understood. Please check it and try again."
            }
            _ => "Something went wrong on our side. Please try again in a moment.",
        };
        AppError::Transport(message.into())
    }
}

#[cfg(feature = "ssr")]
impl From<crate::data::DataError> for AppError {
    fn from(error: crate::data::DataError) -> Self {
        use crate::data::DataError;
        match error {
            DataError::Invalid(message) => AppError::Invalid(message),
            DataError::NotFound(message) => AppError::NotFound(message.into()),
            DataError::Conflict(message) => AppError::Invalid(message.into()),
            DataError::Coded(code) => AppError::Coded(code),
            DataError::Throttled {
                problem,
                retry_after_secs,
            } => AppError::Throttled {
                problem,
                retry_after_secs,
            },
            internal @ (DataError::Database(_) | DataError::Migrate(_)) => {
                tracing::error!(error = %internal, "data layer failed");
                AppError::Internal
            }
        }
    }
}
