//! Choosing a picture from the symbols Heard ships, with the chosen one shown.

use crate::domain::{Symbol, SYMBOLS};
use crate::staff;
use leptos::prelude::*;

/// Provided by a form that empties itself after saving: counts its resets, so the pictures
/// shown beside its choices are cleared too.
#[derive(Clone, Copy)]
pub struct FormCleared(pub RwSignal<u32>);

/// A list of the shipped symbols by name, with the chosen one shown.
#[component]
pub fn SymbolChoice(
    id: String,
    name: &'static str,
    label: String,
    current: Option<String>,
) -> impl IntoView {
    let chosen = RwSignal::new(current.unwrap_or_default());
    if let Some(FormCleared(resets)) = use_context::<FormCleared>() {
        Effect::new(move |previous: Option<u32>| {
            let now = resets.get();
            if previous.is_some_and(|previous| previous != now) {
                chosen.set(String::new());
            }
            now
        });
    }
    let preview = move || {
        Symbol::find(&chosen.get()).map(|symbol| view! {
            <img class="symbol-preview" src=symbol.url() alt=format!("Chosen: {}", symbol.name)/>
        })
    };
    view! {
        <div class="symbol-choice">
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=move |event| chosen.set(event_target_value(&event))>
                <option value="" selected=move || chosen.get().is_empty()>{staff!(components.no_picture)}</option>
                {SYMBOLS
                    .iter()
                    .map(|symbol| {
                        let hex = symbol.hex;
                        view! {
                            <option value=hex selected=move || chosen.get() == hex>{symbol.name}</option>
                        }
                    })
                    .collect_view()}
            </select>
            {preview}
        </div>
    }
}
