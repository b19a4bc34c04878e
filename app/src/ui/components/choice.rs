use crate::domain::{Prompt, Symbol};
use leptos::prelude::*;

/// Options as large picture tiles with words: checkboxes when the child may pick several,
/// radio buttons when only one. Native inputs, so touch, keyboard and switches all work.
#[component]
pub fn ChoiceInput(prompt: Prompt) -> impl IntoView {
    let kind = if prompt.multiple { "checkbox" } else { "radio" };
    let hint = if prompt.multiple {
        crate::say!(question.pick_many)
    } else {
        crate::say!(question.pick_one)
    };
    view! {
        <fieldset class="choice-grid">
            <legend class="visually-hidden">{format!("{} {hint}", prompt.text)}</legend>
            {prompt
                .options
                .into_iter()
                .map(|option| {
                    // The words say what the picture shows, so the picture itself is decorative.
                    let picture = option.symbol.as_deref().and_then(Symbol::find).map(|symbol| {
                        view! { <img src=symbol.url() alt="" class="option-symbol"/> }
                    });
                    view! {
                        <label class="choice-tile">
                            <input type=kind name="choice[]" value=option.position.to_string()/>
                            {picture}
                            <span class="word">{option.label}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <p class="hint">{hint}</p>
    }
}
