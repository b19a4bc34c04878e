//! All of app's tests in one binary: each would otherwise link the whole app again (over 200 MB
//! apiece), which costs the build minutes and CI its disk. The data-layer modules run on SQLite by
//! default and on PostgreSQL when HEARD_TEST_DATABASE_URL is a postgres:// URL.

mod common;

mod audience;
mod audio;
mod data;
mod evidence;
mod facilitation;
mod languages;
mod media;
mod migrations;
mod privacy;
mod rights;
mod store;
mod strategy;
mod throttles;
mod translations;
mod triage;
