//! The browser half of the child's turn on the tablet (join, welcome, the questions, help):
//! hydrated without the staff pages' or the receipt pages' code, so a child's tablet downloads
//! less over a school's Wi-Fi (see `app::ui::ChildApp`).

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::ui::ChildApp);
}
