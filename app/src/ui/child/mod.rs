//! The child's side of the tablet: join, assent, answer, "How was today?", thank you, and later
//! the receipt. Every form here posts as plain HTML, so a tap before the page is enhanced is
//! never lost.

mod board;
mod drawing;
mod finished;
mod join;
mod prompt;
mod receipt;
mod recording;
mod rights;
mod today;
mod upload;
mod welcome;
mod worried;

pub use board::BoardPage;
pub use finished::FinishedPage;
pub use join::JoinPage;
pub use prompt::PromptPage;
pub(crate) use prompt::Question;
pub use receipt::{ReceiptLookupPage, ReceiptPage};
pub use rights::{CopyPage, ErasePage, WhatHappensPage};
pub use today::TodayPage;
pub use welcome::WelcomePage;
pub use worried::{HelpPage, WorriedPage};
