//! The browser half of what a child or carer opens outside a turn (what happens to what they
//! say, the receipt, the public board), hydrated without the turn's or the staff pages' code (see
//! `app::ui::ReceiptApp`).

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::ui::ReceiptApp);
}
