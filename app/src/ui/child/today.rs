use crate::api::child::RecordToday;
use crate::domain::TodaySummary;
use crate::ui::components::{
    ActionProblem, DisplayOptions, EmojiScaleInput, PageForm, ReadAloud, WorriedButton,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

const LISTENED: &str = TodaySummary::LISTENED;
const COULD_SAY: &str = TodaySummary::COULD_SAY;

/// "How was today?": the child's own view of the session. Both questions may be skipped.
#[component]
pub fn TodayPage() -> impl IntoView {
    let participation = use_params_map()
        .read_untracked()
        .get("participation")
        .unwrap_or_default();
    let record = ServerAction::<RecordToday>::new();
    let skip = format!("/take/{participation}/done");
    let turn = participation.clone();
    view! {
        <Title text="How was today?"/>
        <main class="child page">
            <DisplayOptions/>
            <h1>"How was today?"</h1>
            <p class="easy-read">"You don't have to answer these."</p>
            <ReadAloud
                text=format!("How was today? {LISTENED} {COULD_SAY} You don't have to answer.")
                what="the questions"
            />
            <PageForm action=record then=skip.clone() class="child-form">
                <input type="hidden" name="participation" value=turn/>
                <EmojiScaleInput legend=LISTENED name="listened" show_legend=true/>
                <EmojiScaleInput legend=COULD_SAY name="could_say" show_legend=true/>
                <ActionProblem action=record/>
                <button type="submit" class="big-button">"Send"</button>
            </PageForm>
            <p><a class="button secondary" href=skip rel="external">"Skip"</a></p>
            <WorriedButton participation=Some(participation) back="today"/>
        </main>
    }
}
