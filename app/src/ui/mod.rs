//! Pages and components. Every page renders on the server first and works as plain HTML forms;
//! hydration adds read-aloud and in-place updates.

pub mod child;
pub mod components;
pub mod staff;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en-GB">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                // Named after its content in a release, so tablets keep it until the next one.
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options/>
                // The service worker keeps a child's turn going offline (public/sw.js).
                <script src="/heard-offline.js" defer></script>
                <MetaTags/>
            </head>
            <body class=crate::domain::Display::current().body_class()>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Browser tests wait for this before testing what needs the enhanced page.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Title formatter=|page: String| format!("{page} · Heard")/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=child::JoinPage ssr=SsrMode::Async/>
                <Route path=path!("/worried") view=child::HelpPage ssr=SsrMode::Async/>
                <Route path=path!("/take/:participation/welcome") view=child::WelcomePage ssr=SsrMode::Async/>
                <Route path=path!("/take/:participation/worried") view=child::WorriedPage ssr=SsrMode::Async/>
                <Route path=path!("/take/:participation/today") view=child::TodayPage ssr=SsrMode::Async/>
                <Route path=path!("/take/:participation/done") view=child::FinishedPage ssr=SsrMode::Async/>
                <Route path=path!("/take/:participation/:position") view=child::PromptPage ssr=SsrMode::Async/>
                <Route path=path!("/receipt") view=child::ReceiptLookupPage ssr=SsrMode::Async/>
                <Route path=path!("/board") view=child::BoardPage ssr=SsrMode::Async/>
                <Route path=path!("/receipt/:code") view=child::ReceiptPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/sign-in") view={Lazy::<staff::routes::SignIn>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/sign-in/code") view={Lazy::<staff::routes::SecondFactor>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/invite/:token") view={Lazy::<staff::routes::Invite>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/people") view={Lazy::<staff::routes::People>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/safeguarding") view={Lazy::<staff::routes::Safeguarding>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/safeguarding/:concern") view={Lazy::<staff::routes::Concern>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff") view={Lazy::<staff::routes::Home>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/activities/new") view={Lazy::<staff::routes::NewActivity>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/activities/:activity") view={Lazy::<staff::routes::Activity>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/activities/:activity/preview/:position") view={Lazy::<staff::routes::Preview>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/sessions/:session") view={Lazy::<staff::routes::Session>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/hearings") view={Lazy::<staff::routes::Hearings>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/hearings/:hearing") view={Lazy::<staff::routes::Hearing>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/evidence") view={Lazy::<staff::routes::Evidence>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/evidence/report") view={Lazy::<staff::routes::Report>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/evidence/audit") view={Lazy::<staff::routes::Audit>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/contributions") view={Lazy::<staff::routes::Contributions>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/strategies") view={Lazy::<staff::routes::Strategies>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/priorities/:priority") view={Lazy::<staff::routes::Priority>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/forums") view={Lazy::<staff::routes::Forums>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/decisions/new") view={Lazy::<staff::routes::NewDecision>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/staff/decisions/:decision") view={Lazy::<staff::routes::Decision>::new()} ssr=SsrMode::Async/>
            </Routes>
        </Router>
        <footer class="site-footer">
            "Symbols: OpenMoji, the open-source emoji and icon project, licensed CC BY-SA 4.0."
        </footer>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found"/>
        <main class="page">
            <h1>"We could not find that page"</h1>
            <p><a href="/">"Go to the start"</a></p>
        </main>
    }
}
