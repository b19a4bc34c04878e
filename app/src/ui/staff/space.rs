use crate::api::facilitation::SaveSpaceRecord;
use crate::domain::{SpaceRecord, ADJUSTMENTS, CHECKS};
use crate::staff;
use crate::ui::components::ActionProblem;
use leptos::prelude::*;

/// Lundy's Space for this session: what is still missing, and the form that fills it in.
#[component]
pub fn SpaceRecordForm(
    session: String,
    record: SpaceRecord,
    closed: bool,
    save: ServerAction<SaveSpaceRecord>,
) -> impl IntoView {
    let gaps = record.gaps(closed);
    let text = |id: &'static str, name: &'static str, label: &'static str, value: String| {
        view! {
            <label for=id>{label}</label>
            <textarea id=id name=name rows="2">{value}</textarea>
        }
    };
    let boxes =
        |name: &'static str, options: Vec<(&'static str, &'static str)>, chosen: Vec<String>| {
            options
                .into_iter()
                .map(|(code, label)| {
                    let checked = chosen.iter().any(|c| c == code);
                    view! {
                        <label class="choice">
                            <input type="checkbox" name=name value=code checked=checked/>
                            {label}
                        </label>
                    }
                })
                .collect_view()
        };
    view! {
        <section aria-labelledby="space-heading">
            <h2 id="space-heading">{staff!(common.space_record)}</h2>
            {if gaps.is_empty() {
                view! { <p role="status">{staff!(space.space_record_complete)}</p> }.into_any()
            } else {
                view! {
                    <p>{staff!(space.still_missing)}</p>
                    <ul class="space-gaps">{gaps.into_iter().map(|gap| view! { <li>{gap}</li> }).collect_view()}</ul>
                }
                .into_any()
            }}
            <ActionForm action=save attr:class="staff-form">
                <input type="hidden" name="session" value=session/>
                {text("space-setting", "setting", staff!(space.setting), record.setting)}
                {text("space-group", "expected_group", staff!(space.group_expected), record.expected_group)}
                {text("space-invited", "invited", staff!(space.invited), record.invited)}
                {text("space-missing", "missing", staff!(space.missing), record.missing)}
                <fieldset class="choices">
                    <legend>{staff!(space.adjustments_made)}</legend>
                    {boxes("adjustments[]", ADJUSTMENTS.to_vec(), record.adjustments)}
                </fieldset>
                <fieldset class="choices">
                    <legend>{staff!(space.checklist_when_session_opened)}</legend>
                    {boxes("opening[]", CHECKS.to_vec(), record.opening)}
                </fieldset>
                <fieldset class="choices">
                    <legend>{staff!(space.checklist_when_session_closed)}</legend>
                    {boxes("closing[]", CHECKS.to_vec(), record.closing)}
                </fieldset>
                <ActionProblem action=save/>
                <button type="submit">{staff!(space.save_space_record)}</button>
            </ActionForm>
        </section>
    }
}
