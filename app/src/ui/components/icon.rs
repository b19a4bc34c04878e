use crate::domain::Symbol;
use leptos::prelude::*;

/// A shipped OpenMoji picture beside words that already say what it means, so it is hidden from
/// screen readers. Never an emoji character: those depend on the device's font.
#[component]
pub fn Icon(symbol: Symbol, #[prop(default = "icon")] class: &'static str) -> impl IntoView {
    view! { <img class=class src=symbol.url() alt="" aria-hidden="true"/> }
}
