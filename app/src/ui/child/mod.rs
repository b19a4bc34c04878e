//! The child's side of the tablet: join, answer, thank you, and later the receipt.
//! Every form here posts as plain HTML, so a tap before the page is enhanced is never lost.

mod finished;
mod join;
mod prompt;
mod receipt;

pub use finished::FinishedPage;
pub use join::JoinPage;
pub use prompt::PromptPage;
pub use receipt::{ReceiptLookupPage, ReceiptPage};
