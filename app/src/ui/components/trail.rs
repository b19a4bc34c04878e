use crate::domain::{mode_label, LundyTrail};
use leptos::prelude::*;

/// The four Lundy steps of one contribution, each backed by a record.
#[component]
pub fn TrailView(trail: LundyTrail) -> impl IntoView {
    let LundyTrail {
        space,
        voice,
        audience,
        influence,
    } = trail;
    let heard = if audience.is_empty() {
        "Not heard by a decision-making forum yet.".to_owned()
    } else {
        audience
            .iter()
            .map(|step| format!("Heard by {} on {}", step.forum, step.heard_on))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let influenced = if influence.is_empty() {
        "Not linked to a decision yet.".to_owned()
    } else {
        influence
            .iter()
            .map(|step| {
                let fed_back = step
                    .feedback
                    .as_ref()
                    .map(|f| format!("fed back on {}", f.published_on))
                    .unwrap_or_else(|| "feedback not published yet".into());
                format!("{} ({}; {})", step.decision, step.status.label(), fed_back)
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    view! {
        <dl class="trail">
            <div>
                <dt>"Space"</dt>
                <dd>{format!("{} at {}, {}", space.activity, space.place, space.said_on)}</dd>
            </div>
            <div>
                <dt>"Voice"</dt>
                <dd>{format!("{}, {}", mode_label(voice.mode), voice.communicated.label().to_lowercase())}</dd>
            </div>
            <div>
                <dt>"Audience"</dt>
                <dd>{heard}</dd>
            </div>
            <div>
                <dt>"Influence"</dt>
                <dd>{influenced}</dd>
            </div>
        </dl>
    }
}
