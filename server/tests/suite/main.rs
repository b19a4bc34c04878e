//! All of the server's tests in one binary, for the same reason as app's: one link, not nine.

mod common;

mod authorisation;
mod backup;
mod cli;
mod healthz;
mod http;
mod instances;
mod outage;
mod photos;
mod receipt;
mod shutdown;
