//! A calendar day, kept as numbers so that each page words it in its reader's language
//! (`ui::words::day`); the staff pages and exports write it in English (its `Display`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    pub day: u8,
}
