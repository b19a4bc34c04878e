use leptos::prelude::*;

/// One choice of a filter form: a labelled select whose first option means "any", with the
/// current choice selected. Plain HTML, so filters work before and without hydration. Label and
/// select stay together in one grid cell, so a wrapping grid never puts a label over the wrong menu.
#[component]
pub fn FilterSelect(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    /// What the empty choice means, e.g. "All priorities".
    any: &'static str,
    /// The value chosen now.
    chosen: String,
    /// (value, what people read).
    choices: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <div class="field">
        <label for=id>{label}</label>
        <select id=id name=name>
            <option value="">{any}</option>
            {choices
                .into_iter()
                .map(|(value, text)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{text}</option> }
                })
                .collect_view()}
        </select>
        </div>
    }
}

/// Choices of stored codes, e.g. `AnswerMode::ALL` as (code, label).
pub fn coded<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|item| (code(*item).to_owned(), label(*item).to_owned()))
        .collect()
}
