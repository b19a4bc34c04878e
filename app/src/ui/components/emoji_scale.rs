use crate::domain::EmojiScale;
use leptos::prelude::*;

/// Five faces, each with a word, as native radio buttons: touch, keyboard (arrow keys) and
/// switch access all work without JavaScript.
#[component]
pub fn EmojiScaleInput(#[prop(into)] legend: String) -> impl IntoView {
    view! {
        <fieldset class="emoji-scale">
            <legend class="visually-hidden">{legend}</legend>
            {EmojiScale::POINTS
                .iter()
                .map(|(value, face, word)| {
                    view! {
                        <label class="emoji-option">
                            <input type="radio" name="scale" value=value.to_string()/>
                            <span class="face" aria-hidden="true">{*face}</span>
                            <span class="word">{*word}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
