//! The staff side: sign-in, running sessions (Space, Voice), and decisions with
//! "you said, we did" (Audience, Influence).

mod activity;
mod decision;
mod evidence;
mod hearing;
mod home;
mod people;
mod preview;
mod rights;
mod safeguarding;
mod search;
mod session;
mod sign_in;
mod space;
mod strategy;
mod translations;

pub use activity::{ActivityPage, NewActivityPage};
pub use decision::{DecisionPage, NewDecisionPage};
pub use evidence::{AuditPage, EvidencePage, ReportPage};
pub use hearing::{ForumsPage, HearingPage, HearingsPage};
pub use home::HomePage;
pub use people::PeoplePage;
pub use preview::PreviewPage;
pub use rights::RightsPage;
pub use safeguarding::{ConcernPage, SafeguardingPage};
pub use search::ContributionsPage;
pub use session::SessionPage;
pub use sign_in::{InvitePage, SecondFactorPage, SignInPage};
pub use strategy::{PriorityPage, StrategiesPage};

use crate::api::staff::SignOut;
use crate::staff;
use leptos::prelude::*;

/// The frame of every staff page.
#[component]
fn StaffFrame(children: Children) -> impl IntoView {
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <header class="staff-header">
            <a href="/staff" class="brand">{staff!(frame.heard_staff)}</a>
            <ActionForm action=sign_out attr:class="inline-form">
                <button type="submit" class="link-button">{staff!(frame.sign_out)}</button>
            </ActionForm>
        </header>
        <main class="staff page">{children()}</main>
    }
}
