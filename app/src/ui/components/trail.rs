use crate::domain::{mode_label, LundyTrail};
use crate::staff;
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
        staff!(trail.not_heard).to_owned()
    } else {
        audience
            .iter()
            .map(|step| staff!(trail.heard_by, forum = step.forum, on = step.heard_on))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let influenced = if influence.is_empty() {
        staff!(trail.not_linked).to_owned()
    } else {
        influence
            .iter()
            .map(|step| {
                let fed_back = step
                    .feedback
                    .as_ref()
                    .map(|f| staff!(trail.fed_back_on, on = f.published_on))
                    .unwrap_or_else(|| staff!(trail.not_fed_back).into());
                staff!(
                    trail.decision,
                    decision = step.decision,
                    status = step.status.label(),
                    fed_back
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    view! {
        <dl class="trail">
            <div>
                <dt>{staff!(components.space)}</dt>
                <dd>{format!("{} at {}, {}", space.activity, space.place, space.said_on)}</dd>
            </div>
            <div>
                <dt>{staff!(components.voice)}</dt>
                <dd>{format!("{}, {}", mode_label(voice.mode), voice.communicated.label().to_lowercase())}</dd>
            </div>
            <div>
                <dt>{staff!(components.audience)}</dt>
                <dd>{heard}</dd>
            </div>
            <div>
                <dt>{staff!(components.influence)}</dt>
                <dd>{influenced}</dd>
            </div>
        </dl>
    }
}
