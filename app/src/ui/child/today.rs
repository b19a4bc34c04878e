use crate::api::child::RecordToday;
use crate::say;
use crate::ui::components::{
    ActionProblem, DisplayOptions, EmojiScaleInput, PageForm, ReadAloud, WorriedButton,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

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
    let (listened, could_say) = (say!(today.listened), say!(today.could_say));
    view! {
        <Title text=say!(today.title)/>
        <main class="child page">
            <DisplayOptions/>
            <h1>{say!(today.title)}</h1>
            <p class="easy-read">{say!(today.optional)}</p>
            <ReadAloud
                text=format!("{} {listened} {could_say} {}", say!(today.title), say!(today.spoken_end))
                label=say!(read_questions)
            />
            <PageForm action=record then=skip.clone() class="child-form">
                <input type="hidden" name="participation" value=turn/>
                <EmojiScaleInput legend=listened name="listened" show_legend=true/>
                <EmojiScaleInput legend=could_say name="could_say" show_legend=true/>
                <ActionProblem action=record/>
                <button type="submit" class="big-button">{say!(send)}</button>
            </PageForm>
            <p><a class="button secondary" href=skip rel="external">{say!(skip)}</a></p>
            <WorriedButton participation=Some(participation) back="today"/>
        </main>
    }
}
