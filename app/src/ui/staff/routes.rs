//! Staff pages are loaded on demand: each is a lazy route, so its code is split out of the
//! WebAssembly a child's tablet downloads first, and fetched only when a member of staff opens
//! the page (`cargo leptos build --split`). On the server they render as before.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

macro_rules! lazy_pages {
    ($($route:ident => $page:ident),* $(,)?) => {
        $(
            pub struct $route;

            #[lazy_route]
            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                fn view(_this: Self) -> AnyView {
                    view! { <super::$page/> }.into_any()
                }
            }
        )*
    };
}

lazy_pages! {
    SignIn => SignInPage,
    SecondFactor => SecondFactorPage,
    Invite => InvitePage,
    People => PeoplePage,
    Safeguarding => SafeguardingPage,
    Concern => ConcernPage,
    Home => HomePage,
    NewActivity => NewActivityPage,
    Activity => ActivityPage,
    Preview => PreviewPage,
    Session => SessionPage,
    Hearings => HearingsPage,
    Hearing => HearingPage,
    Evidence => EvidencePage,
    Report => ReportPage,
    Audit => AuditPage,
    Contributions => ContributionsPage,
    Strategies => StrategiesPage,
    Priority => PriorityPage,
    Forums => ForumsPage,
    NewDecision => NewDecisionPage,
    Decision => DecisionPage,
}
