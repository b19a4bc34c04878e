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
    let (lang, dir) = crate::ui::words::marked(prompt.words_in);
    let (options_lang, options_dir) = crate::ui::words::marked(prompt.options_in);
    view! {
        <fieldset class="choice-grid">
            <legend class="visually-hidden"><span lang=lang dir=dir>{prompt.text}</span>" "{hint}</legend>
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
                            <span class="word" lang=options_lang dir=options_dir>{option.label}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <p class="hint">{hint}</p>
    }
}
