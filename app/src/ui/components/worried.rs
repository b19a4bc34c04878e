use crate::api::child::RaiseWorry;
use leptos::prelude::*;

/// "I'm worried", on every child screen. During a turn it raises a concern for the facilitator
/// and the safeguarding lead; before a turn exists it leads to who can help.
#[component]
pub fn WorriedButton(
    /// The child's turn, when there is one.
    #[prop(into)]
    participation: Option<String>,
    /// The step of the turn to come back to afterwards.
    #[prop(into)]
    back: String,
) -> impl IntoView {
    let raise = ServerAction::<RaiseWorry>::new();
    let Some(participation) = participation else {
        return view! {
            <p class="worried">
                <a class="button worried-button" href="/worried">
                    <span aria-hidden="true">"🆘 "</span>"I'm worried"
                </a>
            </p>
        }
        .into_any();
    };
    view! {
        <ActionForm action=raise attr:class="worried">
            <input type="hidden" name="participation" value=participation/>
            <input type="hidden" name="back" value=back/>
            <button type="submit" class="worried-button">
                <span aria-hidden="true">"🆘 "</span>"I'm worried"
            </button>
        </ActionForm>
    }
    .into_any()
}
