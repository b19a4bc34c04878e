//! A calendar day, and a moment in it, kept as numbers so that each page words them in its
//! reader's language (`ui::words::day`); the staff pages and exports write them in English
//! (their `Display`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    pub day: u8,
}

/// A time to the minute (UTC), for records read to the minute: when a concern was raised, each
/// entry of its chronology.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Moment {
    pub day: Day,
    pub hour: u8,
    pub minute: u8,
}
