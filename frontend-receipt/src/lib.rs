//! The browser half of the receipt pages and the public board: what a child or carer opens
//! afterwards, often at home, hydrated without the turn's or the staff pages' code (see
//! `app::ui::ReceiptApp`).

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::ui::ReceiptApp);
}
