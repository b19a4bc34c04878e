//! Pages and components. Every page renders on the server first and works as plain HTML forms;
//! hydration adds read-aloud and in-place updates.

mod bundle;
pub mod child;
pub mod components;
pub mod page_data;
pub mod staff;
pub mod words;

pub use page_data::page_data;

use crate::domain::Language;
use crate::say;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let language = Language::of_child_pages();
    let lang = match language {
        Language::English => "en-GB",
        other => other.as_str(),
    };
    view! {
        <!DOCTYPE html>
        <html lang=lang dir=language.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                // Named after its content in a release, so tablets keep it until the next one.
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options=bundle::for_this_page(options)/>
                // The service worker keeps a child's turn going offline (public/sw.js).
                <script src="/heard-offline.js" defer></script>
                // The offline bar's words, for /heard-offline.js: it runs before and without the
                // wasm. In the head, so hydration (which starts at the body) never meets it.
                <template
                    id="heard-words"
                    data-kept=say!(offline.kept, count = "{count}")
                    data-refused=say!(offline.refused, count = "{count}")
                    data-worry=say!(offline.worry)
                    data-dismiss=say!(offline.dismiss)
                    data-problems=words::turn_problems()
                ></template>
                {words::page_phrases(language).map(|phrases| view! {
                    <script type="application/json" id=words::BLOCK_ID data-language=language.as_str() inner_html=phrases></script>
                })}
                <MetaTags/>
            </head>
            <body class=crate::domain::Display::current().body_class()>
                <App/>
            </body>
        </html>
    }
}

/// Every page: what the server draws, and what the staff's browser hydrates.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <ChildRoutes/>
                <ReceiptRoutes/>
                <StaffRoutes/>
            </Routes>
        </Frame>
    }
}

/// The child's turn only (join to "done", and help): what a child's tablet hydrates (the
/// `frontend-child` bundle), so neither the staff pages' code nor the receipt pages' is in a
/// child's download. Their links to those pages load the page anew (`rel="external"`): this
/// router does not know them.
#[component]
pub fn ChildApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <ChildRoutes/>
            </Routes>
        </Frame>
    }
}

/// What a child or their carer opens outside a turn, often at home: what happens to what they
/// say, the receipt with a copy and erasure, and the public board (the `frontend-receipt`
/// bundle). Links to the turn's pages load the page anew.
#[component]
pub fn ReceiptApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <ReceiptRoutes/>
            </Routes>
        </Frame>
    }
}

#[component]
fn Frame(children: Children) -> impl IntoView {
    provide_meta_context();
    // Browser tests wait for this before testing what needs the enhanced page.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Title formatter=|page: String| format!("{page} · Heard")/>
        <Router>{children()}</Router>
        <footer class="site-footer">{say!(symbols_credit)}</footer>
    }
}

#[component(transparent)]
fn ChildRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("") view=Outlet>
            <Route path=path!("/") view=child::JoinPage ssr=SsrMode::Async/>
            <Route path=path!("/worried") view=child::HelpPage ssr=SsrMode::Async/>
            <Route path=path!("/take/:participation/welcome") view=child::WelcomePage ssr=SsrMode::Async/>
            <Route path=path!("/take/:participation/worried") view=child::WorriedPage ssr=SsrMode::Async/>
            <Route path=path!("/take/:participation/today") view=child::TodayPage ssr=SsrMode::Async/>
            <Route path=path!("/take/:participation/done") view=child::FinishedPage ssr=SsrMode::Async/>
            <Route path=path!("/take/:participation/:position") view=child::PromptPage ssr=SsrMode::Async/>
        </ParentRoute>
    }
    .into_inner()
}

#[component(transparent)]
fn ReceiptRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("") view=Outlet>
            <Route path=path!("/receipt") view=child::ReceiptLookupPage ssr=SsrMode::Async/>
            <Route path=path!("/board") view=child::BoardPage ssr=SsrMode::Async/>
            <Route path=path!("/receipt/:code") view=child::ReceiptPage ssr=SsrMode::Async/>
            <Route path=path!("/receipt/:code/copy") view=child::CopyPage ssr=SsrMode::Async/>
            <Route path=path!("/receipt/:code/erase/:answer") view=child::ErasePage ssr=SsrMode::Async/>
            <Route path=path!("/what-happens") view=child::WhatHappensPage ssr=SsrMode::Async/>
        </ParentRoute>
    }
    .into_inner()
}

#[component(transparent)]
fn StaffRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("") view=Outlet>
            <Route path=path!("/staff/sign-in") view=staff::SignInPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/sign-in/code") view=staff::SecondFactorPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/invite/:token") view=staff::InvitePage ssr=SsrMode::Async/>
            <Route path=path!("/staff/people") view=staff::PeoplePage ssr=SsrMode::Async/>
            <Route path=path!("/staff/rights") view=staff::RightsPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/safeguarding") view=staff::SafeguardingPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/safeguarding/:concern") view=staff::ConcernPage ssr=SsrMode::Async/>
            <Route path=path!("/staff") view=staff::HomePage ssr=SsrMode::Async/>
            <Route path=path!("/staff/activities/new") view=staff::NewActivityPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/activities/:activity") view=staff::ActivityPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/activities/:activity/preview/:position") view=staff::PreviewPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/sessions/:session") view=staff::SessionPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/hearings") view=staff::HearingsPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/hearings/:hearing") view=staff::HearingPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/evidence") view=staff::EvidencePage ssr=SsrMode::Async/>
            <Route path=path!("/staff/evidence/report") view=staff::ReportPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/evidence/audit") view=staff::AuditPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/contributions") view=staff::ContributionsPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/strategies") view=staff::StrategiesPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/priorities/:priority") view=staff::PriorityPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/forums") view=staff::ForumsPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/decisions/new") view=staff::NewDecisionPage ssr=SsrMode::Async/>
            <Route path=path!("/staff/decisions/:decision") view=staff::DecisionPage ssr=SsrMode::Async/>
        </ParentRoute>
    }
    .into_inner()
}

#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=say!(not_found.title)/>
        <main class="page">
            <h1>{say!(not_found.heading)}</h1>
            <p><a href="/">{say!(go_to_start)}</a></p>
        </main>
    }
}
