use super::{Icon, PageForm};
use crate::api::child::RaiseWorry;
use crate::domain::icon;
use leptos::prelude::*;

/// "I'm worried", on every child screen. During a turn it raises a concern for the facilitator
/// and the safeguarding lead; before a turn exists it leads to who can help.
#[component]
pub fn WorriedButton(
    /// The child's turn, when there is one.
    #[prop(into)]
    participation: Option<String>,
    /// The step of the turn to come back to afterwards.
    #[prop(into)]
    back: String,
) -> impl IntoView {
    let raise = ServerAction::<RaiseWorry>::new();
    // Made once, on the server, with the page: the enhanced page keeps the server's value, and
    // a page the tablet serves while offline gets a fresh one from the service worker.
    #[cfg(feature = "ssr")]
    let request = crate::data::new_id();
    #[cfg(not(feature = "ssr"))]
    let request = String::new();
    let Some(participation) = participation else {
        return view! {
            <p class="worried">
                <a class="button worried-button" href="/worried" rel="external">
                    <Icon symbol=icon::SOS/>" "{crate::say!(worried)}
                </a>
            </p>
        }
        .into_any();
    };
    view! {
        <PageForm action=raise then=format!("/take/{participation}/worried?back={back}") class="worried">
            <input type="hidden" name="participation" value=participation/>
            <input type="hidden" name="back" value=back/>
            // Made with the page, so a resent press is one concern, not two.
            <input type="hidden" name="request" value=request/>
            <button type="submit" class="worried-button">
                <Icon symbol=icon::SOS/>" "{crate::say!(worried)}
            </button>
        </PageForm>
    }
    .into_any()
}
