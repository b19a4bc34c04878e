use super::PageForm;
use crate::api::child::ChangeDisplay;
use crate::domain::Display;
use crate::say;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Two buttons on every child screen: bigger text, and high contrast. Each is a plain form, so
/// it works before the page is enhanced; the choice lasts until the tablet is handed over. It
/// needs the network: the choice is a cookie the server sets.
#[component]
pub fn DisplayOptions() -> impl IntoView {
    let display = Display::current();
    let back = back_here();
    let toggle = |label: &'static str, pressed: bool, next: Display| {
        let action = ServerAction::<ChangeDisplay>::new();
        let back = back.clone();
        view! {
            <PageForm action class="display-option">
                <input type="hidden" name="large" value=next.large_text.to_string()/>
                <input type="hidden" name="contrast" value=next.high_contrast.to_string()/>
                <input type="hidden" name="back" value=back/>
                <button type="submit" class="button secondary" aria-pressed=pressed.to_string()>{label}</button>
            </PageForm>
        }
    };
    view! {
        <div class="display-options" role="group" aria-label=say!(screen)>
            {toggle(say!(bigger_text), display.large_text, Display { large_text: !display.large_text, ..display })}
            {toggle(say!(high_contrast), display.high_contrast, Display { high_contrast: !display.high_contrast, ..display })}
        </div>
    }
}

/// This page's path and query, for a choice's form to come back to.
pub(super) fn back_here() -> String {
    let location = use_location();
    // The router's `search` has no `?`; without it "/take/x/3?mode=draw" came back as
    // "/take/x/3mode=draw", a page that does not exist, and the child lost their place.
    let search = location.search.get_untracked();
    match search.trim_start_matches('?') {
        "" => location.pathname.get_untracked(),
        query => format!("{}?{query}", location.pathname.get_untracked()),
    }
}
