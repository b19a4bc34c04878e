//! A voice recording: record with the microphone, watch a timer and a level, listen back,
//! record again, then send. The longest recording is shown before the child starts.

use super::prompt::{AdultPanel, ConsentChoice, MediaForm};
use super::upload::{send_file, Sending, SendingStatus};
use crate::domain::{icon, PromptPage as Page, MAX_RECORDING_SECS};
use crate::say;
use crate::ui::components::Icon;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const TICK: Duration = Duration::from_millis(200);

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Ready,
    Recording,
    /// Recorded: an object URL to listen back.
    Recorded(String),
    /// The microphone could not be used; the child can answer another way.
    NoMicrophone,
}

/// What a recording in progress holds on to. Browser objects, so kept on this thread only.
struct Recorder {
    recorder: web_sys::MediaRecorder,
    stream: web_sys::MediaStream,
    audio: web_sys::AudioContext,
    ticker: IntervalHandle,
}

#[component]
pub fn RecordingForm(page: Page) -> impl IntoView {
    let stage = RwSignal::new(Stage::Ready);
    let tenths = RwSignal::new(0u32);
    let level = RwSignal::new(0u32);
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let active = StoredValue::new_local(None::<Recorder>);
    let recorded = StoredValue::new_local(None::<web_sys::Blob>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let sending = RwSignal::new(Sending::Idle);

    let stop = move || {
        if let Some(current) = active.try_update_value(Option::take).flatten() {
            current.ticker.clear();
            let _ = current.recorder.stop();
            for track in current.stream.get_tracks().iter() {
                if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                    track.stop();
                }
            }
            let _ = current.audio.close();
        }
    };
    let start = move |_| {
        leptos::task::spawn_local(async move {
            match begin(stage, tenths, level, recorded, stop).await {
                Some(current) => active.set_value(Some(current)),
                None => stage.set(Stage::NoMicrophone),
            }
        });
    };
    let attach = move |event: leptos::ev::SubmitEvent| {
        let file = recorded.with_value(|blob| blob.as_ref().and_then(recording_file));
        send_file(&event, file_input.get_untracked(), file, sending);
    };
    let clock = move || {
        let seconds = tenths.get() / 5;
        say!(
            recording.of,
            elapsed = format!("{}:{:02}", seconds / 60, seconds % 60),
            limit = format!("{}:00", MAX_RECORDING_SECS / 60)
        )
    };

    view! {
        <MediaForm page on_submit=attach>
            <p class="hint">{say!(recording.up_to, minutes = MAX_RECORDING_SECS / 60)}</p>
            {move || match stage.get() {
                Stage::Ready => view! {
                    <button type="button" class="big-button" on:click=start disabled=move || !ready.get()>
                        <Icon symbol=icon::MICROPHONE/>" "
                        {move || if ready.get() { say!(recording.start) } else { say!(recording.getting_ready) }}
                    </button>
                }
                .into_any(),
                Stage::Recording => view! {
                    <p class="recording-now" role="status">
                        <Icon symbol=icon::RECORDING/>" "{say!(recording.recording)}" "{clock}
                    </p>
                    <label for="level">{say!(recording.how_loud)}</label>
                    <meter id="level" min="0" max="100" value=move || level.get().to_string()></meter>
                    <button type="button" class="big-button" on:click=move |_| stop()>{say!(recording.stop)}</button>
                }
                .into_any(),
                Stage::Recorded(url) => view! {
                    <p>{say!(recording.listen)}</p>
                    <audio controls src=url aria-label=say!(recording.yours)></audio>
                    <p>
                        <button type="button" class="button secondary" on:click=start>{say!(recording.record_again)}</button>
                    </p>
                }
                .into_any(),
                Stage::NoMicrophone => view! {
                    <p class="problem" role="alert">
                        {say!(recording.no_microphone)}
                    </p>
                }
                .into_any(),
            }}
            <input node_ref=file_input type="file" name="recording" class="visually-hidden" tabindex="-1" aria-hidden="true"/>
            <ConsentChoice legend=say!(media.who_sees_recording)/>
            <AdultPanel/>
            <button
                type="submit"
                class="big-button"
                disabled=move || {
                    !matches!(stage.get(), Stage::Recorded(_)) || matches!(sending.get(), Sending::Progress(_))
                }
            >
                {say!(send)}
            </button>
            <SendingStatus state=sending/>
        </MediaForm>
    }
}

/// Asks for the microphone and starts recording; `None` if the browser or the child said no.
async fn begin(
    stage: RwSignal<Stage>,
    tenths: RwSignal<u32>,
    level: RwSignal<u32>,
    recorded: StoredValue<Option<web_sys::Blob>, LocalStorage>,
    stop: impl Fn() + Copy + 'static,
) -> Option<Recorder> {
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&wasm_bindgen::JsValue::TRUE);
    let asked = window()
        .navigator()
        .media_devices()
        .ok()?
        .get_user_media_with_constraints(&constraints)
        .ok()?;
    let stream: web_sys::MediaStream = wasm_bindgen_futures::JsFuture::from(asked)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let recorder = web_sys::MediaRecorder::new_with_media_stream(&stream).ok()?;

    let parts = js_sys::Array::new();
    let collect = parts.clone();
    let on_data =
        Closure::<dyn FnMut(web_sys::BlobEvent)>::new(move |event: web_sys::BlobEvent| {
            if let Some(part) = event.data() {
                collect.push(&part);
            }
        });
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    on_data.forget();
    let kind = recorder.mime_type();
    let on_stop = Closure::<dyn FnMut()>::new(move || {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(&kind);
        let Ok(blob) = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options) else {
            return;
        };
        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
            recorded.set_value(Some(blob));
            stage.set(Stage::Recorded(url));
        }
    });
    recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
    on_stop.forget();

    let audio = web_sys::AudioContext::new().ok()?;
    let analyser = audio.create_analyser().ok()?;
    audio
        .create_media_stream_source(&stream)
        .ok()?
        .connect_with_audio_node(&analyser)
        .ok()?;
    let listening = analyser.clone();
    let ticker = set_interval_with_handle(
        move || {
            tenths.update(|t| *t += 1);
            let mut samples = vec![0u8; 256];
            listening.get_byte_time_domain_data(&mut samples);
            let peak = samples.iter().map(|s| s.abs_diff(128)).max().unwrap_or(0);
            level.set(u32::from(peak) * 100 / 128);
            if tenths.get_untracked() / 5 >= MAX_RECORDING_SECS {
                stop();
            }
        },
        TICK,
    )
    .ok()?;
    recorder.start().ok()?;
    tenths.set(0);
    stage.set(Stage::Recording);
    Some(Recorder {
        recorder,
        stream,
        audio,
        ticker,
    })
}

/// The recording as a file, named for the browser's own format.
fn recording_file(blob: &web_sys::Blob) -> Option<web_sys::File> {
    let name = if blob.type_().contains("mp4") {
        "recording.m4a"
    } else {
        "recording.webm"
    };
    let options = web_sys::FilePropertyBag::new();
    options.set_type(&blob.type_());
    let parts = js_sys::Array::of1(blob);
    web_sys::File::new_with_blob_sequence_and_options(&parts, name, &options).ok()
}
