//! Heard: children's voices carried to the decisions that shape their services.
//!
//! The Lundy chain runs through the tree: `ui::child` is Space and Voice at the child's end,
//! `ui::staff` is the facilitator's Space and the commissioners' Audience and Influence, and
//! `domain::LundyTrail` ties each contribution to all four.

pub mod api;
pub mod domain;
pub mod error;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod alerts;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod charts;
#[cfg(feature = "ssr")]
pub mod data;
#[cfg(feature = "ssr")]
pub mod media;
#[cfg(feature = "ssr")]
pub mod qr;

pub use ui::{shell, App};
