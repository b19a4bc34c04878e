use crate::domain::Language;
use crate::error::AppError;
use crate::staff;
use crate::ui::words;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// A message a person can act on, announced to screen readers as it appears. What a child or
/// their carer can meet (a `ProblemCode`, or a call that failed) is worded in the page's
/// language; the staff's problems are English, and on a page in another language they say so
/// (`lang="en"`), so a screen reader reads them with an English voice.
#[component]
pub fn Problem(error: AppError) -> impl IntoView {
    let (words, english_on_another_page) = match error {
        AppError::Coded(code) | AppError::Throttled { problem: code, .. } => {
            (words::problem(code), None)
        }
        AppError::Internal => (
            words::call_failed_in(Language::of_child_pages(), None).to_owned(),
            None,
        ),
        AppError::Transport(failure) => (
            words::call_failed_in(Language::of_child_pages(), Some(failure)).to_owned(),
            None,
        ),
        _ => (
            error.to_string(),
            (Language::of_child_pages() != Language::English).then_some("en"),
        ),
    };
    view! {
        <p class="problem" role="alert" lang=english_on_another_page dir=english_on_another_page.map(|_| "ltr")>
            {words}
            {(error == AppError::NotSignedIn)
                .then(|| view! { " " <a href="/staff/sign-in" rel="external">{staff!(components.sign_in)}</a> })}
        </p>
    }
}

/// The error of the latest submission of a form, if it failed. Works both when the form was
/// posted without JavaScript (the error comes back in the URL) and after hydration.
#[component]
pub fn ActionProblem<S>(action: ServerAction<S>) -> impl IntoView
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <Problem error/> })
    }
}
