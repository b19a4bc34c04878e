//! The browser half of Heard's staff pages (and of every page in a build without the
//! child's own bundle, `frontend-child`): hydrates the server-rendered pages.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
