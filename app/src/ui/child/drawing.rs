use super::prompt::{AdultPanel, ConsentChoice, MediaForm};
use super::upload::{send_file, Sending, SendingStatus};
use crate::domain::{icon, PromptPage as Page};
use crate::say;
use crate::ui::components::Icon;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The colours a child can draw with (a style class and the ink), each named for screen
/// readers and switches in `colour_name`.
const COLOURS: [(&str, &str); 5] = [
    ("black", "#1a1a1a"),
    ("red", "#d4351c"),
    ("blue", "#1d70b8"),
    ("green", "#00703c"),
    ("yellow", "#ffdd00"),
];
const THICKNESS: [f64; 3] = [4.0, 10.0, 22.0];

fn colour_name(class: &str) -> &'static str {
    match class {
        "black" => say!(drawing.black),
        "red" => say!(drawing.red),
        "blue" => say!(drawing.blue),
        "green" => say!(drawing.green),
        _ => say!(drawing.yellow),
    }
}

fn thickness_name(size: f64) -> &'static str {
    match size {
        s if s < 8.0 => say!(drawing.thin),
        s if s < 16.0 => say!(drawing.medium),
        _ => say!(drawing.thick),
    }
}
const WIDTH: u32 = 960;
const HEIGHT: u32 = 600;

#[derive(Clone, Debug)]
struct Stroke {
    colour: String,
    width: f64,
    points: Vec<(f64, f64)>,
}

/// A canvas for finger or stylus with colours, thickness, an eraser, undo and clear. Drawing
/// needs the enhanced page; until then the Send button says so. On Send the drawing becomes a
/// PNG file in the form, which posts like a photo.
#[component]
pub fn DrawingForm(page: Page) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let file_input = NodeRef::<leptos::html::Input>::new();
    let strokes = StoredValue::new(Vec::<Stroke>::new());
    let current = StoredValue::new(None::<Stroke>);
    let colour = RwSignal::new(COLOURS[0].1.to_owned());
    let width = RwSignal::new(THICKNESS[1]);
    let erasing = RwSignal::new(false);
    let drawn = RwSignal::new(0usize);
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        ready.set(true);
        redraw(canvas, &[]);
    });

    let point = move |event: &web_sys::PointerEvent| -> Option<(f64, f64)> {
        let element = canvas.get_untracked()?;
        let rect = element.get_bounding_client_rect();
        let scale_x = f64::from(WIDTH) / rect.width();
        let scale_y = f64::from(HEIGHT) / rect.height();
        Some((
            (f64::from(event.client_x()) - rect.left()) * scale_x,
            (f64::from(event.client_y()) - rect.top()) * scale_y,
        ))
    };
    let start = move |event: web_sys::PointerEvent| {
        event.prevent_default();
        if let Some(element) = canvas.get_untracked() {
            let _ = element.set_pointer_capture(event.pointer_id());
        }
        let Some(at) = point(&event) else { return };
        let colour = if erasing.get_untracked() {
            "#ffffff".to_owned()
        } else {
            colour.get_untracked()
        };
        current.set_value(Some(Stroke {
            colour,
            width: width.get_untracked(),
            points: vec![at],
        }));
    };
    let extend = move |event: web_sys::PointerEvent| {
        let Some(at) = point(&event) else { return };
        current.update_value(|stroke| {
            if let Some(stroke) = stroke {
                stroke.points.push(at);
                draw_stroke(canvas, stroke);
            }
        });
    };
    let finish = move |_: web_sys::PointerEvent| {
        if let Some(stroke) = current.get_value() {
            current.set_value(None);
            draw_stroke(canvas, &stroke);
            strokes.update_value(|all| all.push(stroke));
            drawn.update(|n| *n += 1);
        }
    };
    let undo = move |_| {
        strokes.update_value(|all| {
            all.pop();
        });
        strokes.with_value(|all| redraw(canvas, all));
        drawn.update(|n| *n = n.saturating_sub(1));
    };
    let clear = move |_| {
        strokes.set_value(Vec::new());
        redraw(canvas, &[]);
        drawn.set(0);
    };
    // Puts the drawing into the form's file field, then sends the form with progress.
    let sending = RwSignal::new(Sending::Idle);
    let attach = move |event: leptos::ev::SubmitEvent| {
        let png = canvas.get_untracked().and_then(|canvas| png_file(&canvas));
        send_file(&event, file_input.get_untracked(), png, sending);
    };

    view! {
        <MediaForm page on_submit=attach>
            <fieldset class="choices palette">
                <legend>{say!(drawing.colour)}</legend>
                {COLOURS.iter().map(|(name, hex)| {
                    // A class per colour: the page's CSP allows no inline styles.
                    let swatch = format!("swatch-colour swatch-{name}");
                    let hex = hex.to_string();
                    let chosen = hex.clone();
                    view! {
                        <label class="swatch">
                            <input
                                type="radio"
                                name="colour"
                                checked=move || !erasing.get() && colour.get() == chosen
                                on:change=move |_| { colour.set(hex.clone()); erasing.set(false); }
                            />
                            <span class=swatch aria-hidden="true"></span>
                            {colour_name(name)}
                        </label>
                    }
                }).collect_view()}
                <label class="swatch">
                    <input type="radio" name="colour" checked=move || erasing.get() on:change=move |_| erasing.set(true)/>
                    <Icon symbol=icon::SPONGE/>" "{say!(drawing.eraser)}
                </label>
            </fieldset>
            <fieldset class="choices palette">
                <legend>{say!(drawing.thickness)}</legend>
                {THICKNESS.iter().map(|size| {
                    let size = *size;
                    view! {
                        <label class="swatch">
                            <input type="radio" name="thickness" checked=move || width.get() == size on:change=move |_| width.set(size)/>
                            {thickness_name(size)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <canvas
                node_ref=canvas
                class="drawing"
                width=WIDTH
                height=HEIGHT
                role="img"
                aria-label=say!(drawing.area)
                on:pointerdown=start
                on:pointermove=extend
                on:pointerup=finish
                on:pointercancel=finish
            ></canvas>
            <p class="drawing-tools">
                <button type="button" class="button secondary" on:click=undo disabled=move || drawn.get() == 0>{say!(drawing.undo)}</button>
                <button type="button" class="button secondary" on:click=clear disabled=move || drawn.get() == 0>{say!(drawing.clear)}</button>
            </p>
            <input node_ref=file_input type="file" name="drawing" accept="image/png" class="visually-hidden" tabindex="-1" aria-hidden="true"/>
            <ConsentChoice legend=say!(media.who_sees_drawing)/>
            <AdultPanel/>
            <button
                type="submit"
                class="big-button"
                disabled=move || {
                    !ready.get() || drawn.get() == 0 || matches!(sending.get(), Sending::Progress(_))
                }
            >
                {move || if ready.get() { say!(send) } else { say!(drawing.getting_ready) }}
            </button>
            <SendingStatus state=sending/>
        </MediaForm>
    }
}

fn context(canvas: NodeRef<leptos::html::Canvas>) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas
        .get_untracked()?
        .get_context("2d")
        .ok()??
        .dyn_into()
        .ok()
}

fn draw_stroke(canvas: NodeRef<leptos::html::Canvas>, stroke: &Stroke) {
    let Some(pen) = context(canvas) else { return };
    pen.set_stroke_style_str(&stroke.colour);
    pen.set_fill_style_str(&stroke.colour);
    pen.set_line_width(stroke.width);
    pen.set_line_cap("round");
    pen.set_line_join("round");
    pen.begin_path();
    if let [(x, y)] = stroke.points[..] {
        let _ = pen.arc(x, y, stroke.width / 2.0, 0.0, std::f64::consts::TAU);
        pen.fill();
        return;
    }
    for (i, (x, y)) in stroke.points.iter().enumerate() {
        if i == 0 {
            pen.move_to(*x, *y)
        } else {
            pen.line_to(*x, *y)
        }
    }
    pen.stroke();
}

fn redraw(canvas: NodeRef<leptos::html::Canvas>, strokes: &[Stroke]) {
    let Some(pen) = context(canvas) else { return };
    pen.set_fill_style_str("#ffffff");
    pen.fill_rect(0.0, 0.0, f64::from(WIDTH), f64::from(HEIGHT));
    for stroke in strokes {
        draw_stroke(canvas, stroke);
    }
}

/// The canvas as a PNG file.
fn png_file(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::File> {
    let url = canvas.to_data_url_with_type("image/png").ok()?;
    let encoded = url.split_once(',')?.1;
    let binary = window().atob(encoded).ok()?;
    let bytes: Vec<u8> = binary.chars().map(|c| c as u8).collect();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(&bytes[..]));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("image/png");
    web_sys::File::new_with_u8_array_sequence_and_options(&parts, "drawing.png", &options).ok()
}
