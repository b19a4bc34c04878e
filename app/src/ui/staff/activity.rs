use super::StaffFrame;
use crate::api::facilitation::{load_activity, SetPromptSymbols};
use crate::domain::{ActivitySummary, Prompt, Symbol, SYMBOLS};
use crate::ui::components::{ActionProblem, Problem};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// An activity's questions as the facilitator prepares them: the picture beside each question
/// and the picture on each option a child can choose, from the symbols Heard ships.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let params = use_params_map();
    let activity = Resource::new(
        move || params.read().get("activity").unwrap_or_default(),
        load_activity,
    );
    view! {
        <Title text="Activity"/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match activity.await {
                        Ok(activity) => view! { <Activity activity/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Activity(activity: ActivitySummary) -> impl IntoView {
    let id = activity.id.clone();
    view! {
        <h1>{activity.title.clone()}</h1>
        <p>{format!("Heard by: {}", activity.audience)}</p>
        <p>"Choose a picture for each question and each option. Children see it beside the words."</p>
        {activity
            .prompts
            .into_iter()
            .map(|prompt| view! { <PromptPictures activity=id.clone() prompt/> })
            .collect_view()}
    }
}

#[component]
fn PromptPictures(activity: String, prompt: Prompt) -> impl IntoView {
    let save = ServerAction::<SetPromptSymbols>::new();
    let section_id = format!("prompt-{}", prompt.id);
    let heading_id = format!("heading-{}", prompt.id);
    let question_label = format!("Picture beside: {}", prompt.text);
    let options = prompt
        .options
        .iter()
        .map(|option| {
            view! {
                <SymbolChoice
                    id=format!("symbol-{}-{}", prompt.id, option.position)
                    name="symbols[]"
                    label=format!("Picture for the option: {}", option.label)
                    current=option.symbol.clone()
                />
            }
        })
        .collect_view();
    view! {
        <section class="card" id=section_id aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{format!("Question {}: {}", prompt.position, prompt.text)}</h2>
            <ActionForm action=save attr:class="staff-form">
                <input type="hidden" name="activity" value=activity/>
                <input type="hidden" name="prompt" value=prompt.id.clone()/>
                <SymbolChoice
                    id=format!("symbol-{}", prompt.id)
                    name="symbol"
                    label=question_label
                    current=prompt.symbol.clone()
                />
                {options}
                <ActionProblem action=save/>
                <button type="submit">"Save pictures"</button>
            </ActionForm>
        </section>
    }
}

/// A list of the shipped symbols by name, with the chosen one shown.
#[component]
fn SymbolChoice(
    id: String,
    name: &'static str,
    label: String,
    current: Option<String>,
) -> impl IntoView {
    let chosen = RwSignal::new(current.unwrap_or_default());
    let preview = move || {
        Symbol::find(&chosen.get()).map(|symbol| view! {
            <img class="symbol-preview" src=symbol.url() alt=format!("Chosen: {}", symbol.name)/>
        })
    };
    view! {
        <div class="symbol-choice">
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=move |event| chosen.set(event_target_value(&event))>
                <option value="" selected=move || chosen.get().is_empty()>"No picture"</option>
                {SYMBOLS
                    .iter()
                    .map(|symbol| {
                        let hex = symbol.hex;
                        view! {
                            <option value=hex selected=move || chosen.get() == hex>{symbol.name}</option>
                        }
                    })
                    .collect_view()}
            </select>
            {preview}
        </div>
    }
}
