//! A question as a child will see it on the tablet, for the facilitator building the activity.
//! The child's own page is shown inside a disabled fieldset: it can be read, heard and looked
//! through way by way, but nothing can be sent from it.

use super::StaffFrame;
use crate::api::activity::preview_prompt;
use crate::api::child::SubmitAnswer;
use crate::domain::{AnswerMode, PromptPage};
use crate::ui::child::Question;
use crate::ui::components::Problem;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn PreviewPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new(
        move || {
            let params = params.read();
            (
                params.get("activity").unwrap_or_default(),
                params
                    .get("position")
                    .and_then(|p| p.parse::<i64>().ok())
                    .unwrap_or(1),
            )
        },
        |(activity, position)| preview_prompt(activity, position),
    );
    view! {
        <StaffFrame>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    let way = query.with(|q| q.get("way").and_then(|w| AnswerMode::parse(&w)));
                    let activity = params.read().get("activity").unwrap_or_default();
                    Suspend::new(async move {
                        match page.await {
                            Ok(page) => view! { <Preview page activity way/> }.into_any(),
                            Err(error) => view! { <Problem error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Preview(page: PromptPage, activity: String, way: Option<AnswerMode>) -> impl IntoView {
    let submit = ServerAction::<SubmitAnswer>::new();
    let position = page.prompt.position;
    let total = page.total;
    let step = |to: i64, label: &'static str| {
        (1..=total).contains(&to).then(|| view! {
            <a class="button secondary" href=format!("/staff/activities/{activity}/preview/{to}")>{label}</a>
        })
    };
    view! {
        <nav class="actions" aria-label="Preview">
            <a class="button secondary" href=format!("/staff/activities/{activity}#prompt-{}", page.prompt.id)>
                "Back to the activity"
            </a>
            {step(position - 1, "Previous question")}
            {step(position + 1, "Next question")}
        </nav>
        <p class="preview-note">"As a child sees it on the tablet. Answering is switched off in the preview."</p>
        <div class="child tablet-preview">
            <fieldset disabled class="preview-frame">
                <legend class="visually-hidden">"Preview of the question"</legend>
                <Question page submit way problem=None preview=true/>
            </fieldset>
        </div>
    }
}
