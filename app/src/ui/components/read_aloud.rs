use super::Icon;
use crate::domain::icon;
use leptos::prelude::*;

/// A button that reads `text` aloud with the browser's own speech (no network needed).
/// Until the page is enhanced it says it is getting ready rather than ignoring a tap.
#[component]
pub fn ReadAloud(#[prop(into)] text: String, #[prop(into)] what: String) -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let label = move || {
        if ready.get() {
            format!("Read {what} aloud")
        } else {
            "Read aloud is getting ready".to_owned()
        }
    };
    view! {
        <button
            type="button"
            class="read-aloud"
            disabled=move || !ready.get()
            on:click=move |_| speak(&text)
        >
            <Icon symbol=icon::SPEAKER/>" "
            {label}
        </button>
    }
}

fn speak(text: &str) {
    let Some(speech) = window().speech_synthesis().ok() else {
        return;
    };
    // A new tap replaces what is being read, so repeated taps do not queue up.
    speech.cancel();
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_lang("en-GB");
        speech.speak(&utterance);
    }
}
