//! Sending a picture with progress. Without the enhanced page the form posts as usual; with it,
//! the child sees how far the upload has got. When the connection drops, the form is posted as
//! a whole page for the service worker to keep on the tablet; without a service worker the form
//! and its picture stay in place for another try.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sending {
    Idle,
    /// Percent of the upload sent.
    Progress(u32),
    Failed,
    /// Over the size limit: refused on the tablet, so nothing is sent (the server would refuse
    /// it part way, and the broken connection made the page post it a second time).
    TooLarge,
}

/// Sends the form being submitted with `file` in its file field (as if the child had chosen it);
/// without a file nothing is sent.
pub fn send_file(
    event: &leptos::ev::SubmitEvent,
    input: Option<web_sys::HtmlInputElement>,
    file: Option<web_sys::File>,
    state: RwSignal<Sending>,
) {
    let attached = input.zip(file).and_then(|(input, file)| {
        let transfer = web_sys::DataTransfer::new().ok()?;
        transfer.items().add_with_file(&file).ok()?;
        input.set_files(transfer.files().as_ref());
        Some(())
    });
    if attached.is_none() {
        event.prevent_default();
        return;
    }
    send_in_background(event, state);
}

/// Sends the form being submitted in the background; only if that cannot start does the browser
/// post it as usual.
pub fn send_in_background(event: &leptos::ev::SubmitEvent, state: RwSignal<Sending>) {
    let form = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok());
    if form.as_ref().is_some_and(too_large) {
        event.prevent_default();
        state.set(Sending::TooLarge);
        return;
    }
    if form
        .and_then(|form| send_with_progress(&form, state))
        .is_some()
    {
        event.prevent_default();
    }
}

/// Sends `form` and then goes where the server sent it: the next question, or back to this one
/// with a reason.
fn send_with_progress(form: &web_sys::HtmlFormElement, state: RwSignal<Sending>) -> Option<()> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let request = web_sys::XmlHttpRequest::new().ok()?;
    request.open("POST", &form.action()).ok()?;
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                state.set(Sending::Progress(
                    (event.loaded() / event.total() * 100.0) as u32,
                ));
            }
        });
    request
        .upload()
        .ok()?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let finished = request.clone();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let arrived = finished.response_url();
        if finished.status().unwrap_or(0) < 400 && !arrived.is_empty() {
            let _ = window().location().assign(&arrived);
        } else {
            state.set(Sending::Failed);
        }
    });
    request.set_onload(Some(on_load.as_ref().unchecked_ref()));
    let unsent = form.clone();
    let on_error = Closure::<dyn FnMut()>::new(move || {
        // The service worker keeps a whole-page post on the tablet until the Wi-Fi is back.
        if !kept_by_service_worker() || unsent.submit().is_err() {
            state.set(Sending::Failed);
        }
    });
    request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    state.set(Sending::Progress(0));
    request.send_with_opt_form_data(Some(&data)).ok()?;
    // The handlers live as long as the request, which ends with a page change or a retry.
    on_progress.forget();
    on_load.forget();
    on_error.forget();
    Some(())
}

/// Whether a file chosen in `form` is over the largest size Heard accepts.
fn too_large(form: &web_sys::HtmlFormElement) -> bool {
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return false;
    };
    let limit = (crate::domain::PHOTO_MAX_MB * 1024 * 1024) as f64;
    js_sys::try_iter(&data)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            js_sys::Array::from(&entry)
                .get(1)
                .dyn_into::<web_sys::File>()
                .ok()
        })
        .any(|file| file.size() > limit)
}

/// Whether Heard's service worker looks after this page (see `public/sw.js`).
fn kept_by_service_worker() -> bool {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .and_then(|workers| js_sys::Reflect::get(&workers, &"controller".into()))
        .is_ok_and(|controller| controller.is_truthy())
}

/// Progress, or what went wrong, under a picture form's Send button.
#[component]
pub fn SendingStatus(state: RwSignal<Sending>) -> impl IntoView {
    move || {
        match state.get() {
        Sending::Idle => None,
        Sending::Progress(percent) => Some(
            view! {
                <p class="sending" role="status">
                    <progress max="100" value=percent.to_string()></progress>
                    " "{crate::say!(media.sending, percent)}
                </p>
            }
            .into_any(),
        ),
        Sending::TooLarge => Some(
            view! {
                <p class="problem" role="alert">{crate::ui::words::upload_problem(crate::domain::UploadProblem::TooLarge)}</p>
            }
            .into_any(),
        ),
        Sending::Failed => Some(
            view! {
                <p class="problem" role="alert">
                    {crate::say!(media.not_sent)}
                </p>
            }
            .into_any(),
        ),
    }
    }
}
