use super::Icon;
use crate::domain::{EmojiScale, Language};
use leptos::prelude::*;

/// Faces, each with a word, as native radio buttons: touch, keyboard (arrow keys) and switch
/// access all work without JavaScript.
#[component]
pub fn EmojiScaleInput(
    #[prop(into)] legend: String,
    /// 3 or 5 faces.
    #[prop(default = 5)]
    points: i64,
    #[prop(default = "scale")] name: &'static str,
    /// Shows the legend; off when the question is already the page's heading.
    #[prop(optional)]
    show_legend: bool,
    /// The language staff wrote the legend in, when it is not the page's own words.
    #[prop(optional)]
    written_in: Option<Language>,
) -> impl IntoView {
    let (lang, dir) = written_in.map_or((None, None), crate::ui::words::marked);
    view! {
        <fieldset class="emoji-scale">
            <legend class=if show_legend { "scale-legend" } else { "visually-hidden" } lang=lang dir=dir>{legend}</legend>
            {EmojiScale::points(points)
                .iter()
                .map(|(value, face, _)| {
                    view! {
                        <label class="emoji-option">
                            <input type="radio" name=name value=value.to_string()/>
                            <Icon symbol=*face class="face"/>
                            <span class="word">{crate::ui::words::face(*value)}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
