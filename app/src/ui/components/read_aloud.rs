use super::Icon;
use crate::domain::{icon, Language};
use crate::say;
use leptos::prelude::*;

/// A button that reads `text` aloud with the browser's own speech (no network needed), in the
/// page's language. Until the page is enhanced it says it is getting ready rather than ignoring a
/// tap; on a device with no voice for the language it says so, instead of reading the words with
/// an English voice that would make nonsense of them.
#[component]
pub fn ReadAloud(#[prop(into)] text: String, label: &'static str) -> impl IntoView {
    let language = Language::of_child_pages();
    // None until the page is enhanced; then whether this device has a voice for the language.
    let voice = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        voice.set(Some(voice_for(language).is_some()));
        follow_voices(move || voice.set(Some(voice_for(language).is_some())));
    });
    let label = move || match voice.get() {
        None => say!(read_aloud_getting_ready),
        Some(true) => label,
        Some(false) => say!(read_aloud_no_voice),
    };
    view! {
        <button
            type="button"
            class="read-aloud"
            disabled=move || voice.get() != Some(true)
            on:click=move |_| speak(&text, language)
        >
            <Icon symbol=icon::SPEAKER/>" "
            {label}
        </button>
    }
}

/// A voice for `language`; English is spoken by whatever voice the device has, as before.
fn voice_for(language: Language) -> Option<Option<web_sys::SpeechSynthesisVoice>> {
    if language == Language::English {
        return Some(None);
    }
    let tag = language.tag()?;
    let voices = window().speech_synthesis().ok()?.get_voices();
    voices
        .iter()
        // The list holds only voices; read as such without a class check.
        .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::SpeechSynthesisVoice>)
        .find(|voice| {
            let lang = voice.lang().to_ascii_lowercase();
            lang == tag
                || lang.starts_with(&format!("{tag}-"))
                || lang.starts_with(&format!("{tag}_"))
        })
        .map(Some)
}

/// Browsers load their voices after the page: look again when the list changes.
fn follow_voices(changed: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Ok(speech) = window().speech_synthesis() else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(changed);
    let _ =
        speech.add_event_listener_with_callback("voiceschanged", listener.as_ref().unchecked_ref());
    let listener = send_wrapper::SendWrapper::new(listener);
    on_cleanup(move || {
        let _ = speech.remove_event_listener_with_callback(
            "voiceschanged",
            listener.as_ref().unchecked_ref(),
        );
    });
}

fn speak(text: &str, language: Language) {
    let Some(speech) = window().speech_synthesis().ok() else {
        return;
    };
    let Some(voice) = voice_for(language) else {
        return;
    };
    // A new tap replaces what is being read, so repeated taps do not queue up.
    speech.cancel();
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_lang(match language {
            Language::English => "en-GB",
            other => other.as_str(),
        });
        utterance.set_voice(voice.as_ref());
        speech.speak(&utterance);
    }
}
