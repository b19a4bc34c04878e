//! Listening to a live view (see `api/live.rs`): `on_change` runs on each server-sent event
//! while the page is open. Only in the browser; the server renders the page as it stands.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub fn on_live_change(url: impl Fn() -> String + 'static, on_change: impl Fn() + 'static) {
    let on_change = std::rc::Rc::new(on_change);
    Effect::new(move |_| {
        let Ok(source) = web_sys::EventSource::new(&url()) else {
            return;
        };
        let on_change = on_change.clone();
        let listener = Closure::<dyn FnMut()>::new(move || on_change());
        let _ =
            source.add_event_listener_with_callback("changed", listener.as_ref().unchecked_ref());
        // The page was rendered before this subscription, and a dropped connection hears nothing
        // until it is back: each time the stream opens, fetch once, so no answer falls between.
        let _ = source.add_event_listener_with_callback("open", listener.as_ref().unchecked_ref());
        // The listener lives as long as the page's connection.
        listener.forget();
        let source = send_wrapper::SendWrapper::new(source);
        on_cleanup(move || source.close());
    });
}
