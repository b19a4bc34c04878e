use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// A child's form that posts as a whole page, before and after the page is enhanced. The
/// tablet's service worker sees such a post, and when the Wi-Fi has dropped it keeps the answer
/// on the tablet and shows `then`, the page that comes next; a `fetch` from the enhanced page
/// would only fail. `action` is only there to name the server function.
#[component]
pub fn PageForm<S>(
    action: ServerAction<S>,
    /// Where the child goes next if the answer has to wait on the tablet; without it the form
    /// needs the network (joining, for one).
    #[prop(optional, into)]
    then: Option<String>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    let _ = action;
    view! {
        <form method="post" action=S::url() class=class>
            {then.map(|then| view! { <input type="hidden" name="then" value=then/> })}
            {children()}
        </form>
    }
}
