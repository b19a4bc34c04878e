//! The one error type of the server-function layer. Every message is one a person can act on;
//! internal causes are logged on the server and never sent to the browser.

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
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    #[error("{0}")]
    Transport(String),
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
            internal @ (DataError::Database(_) | DataError::Migrate(_)) => {
                tracing::error!(error = %internal, "data layer failed");
                AppError::Internal
            }
        }
    }
}
