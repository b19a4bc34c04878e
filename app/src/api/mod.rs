//! Server functions: check who is asking, parse input into domain types, call the data layer.
//! Children are identified by their turn's id, an unguessable capability made when they join;
//! staff by their sign-in cookie and role.

pub mod child;
pub mod facilitation;
pub mod influence;
pub mod staff;
