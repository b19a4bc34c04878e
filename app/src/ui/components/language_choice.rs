use super::{back_here, PageForm};
use crate::api::child::ChangeLanguage;
use crate::domain::Language;
use crate::say;
use leptos::prelude::*;

/// The languages of the child's pages, each named in itself (no flags: a flag is a country, not
/// a language). Each is a plain form, so it works before the page is enhanced; the choice lasts
/// until the tablet is handed over, and is kept on the turn when there is one.
#[component]
pub fn LanguageChoice(#[prop(optional, into)] participation: Option<String>) -> impl IntoView {
    let current = Language::of_child_pages();
    let back = back_here();
    view! {
        <div class="language-choice" role="group" aria-label=say!(language)>
            {Language::FOR_PAGES
                .into_iter()
                .map(|language| {
                    let action = ServerAction::<ChangeLanguage>::new();
                    let (participation, back) = (participation.clone(), back.clone());
                    view! {
                        <PageForm action class="language-option">
                            <input type="hidden" name="language" value=language.as_str()/>
                            <input type="hidden" name="participation" value=participation.unwrap_or_default()/>
                            <input type="hidden" name="back" value=back/>
                            <button
                                type="submit"
                                class="button secondary"
                                lang=language.as_str()
                                dir=language.dir()
                                aria-pressed=(language == current).to_string()
                            >
                                {language.own_name()}
                            </button>
                        </PageForm>
                    }
                })
                .collect_view()}
        </div>
    }
}
