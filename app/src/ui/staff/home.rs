use super::StaffFrame;
use crate::api::facilitation::OpenSession;
use crate::api::staff::staff_home;
use crate::domain::{ActivitySummary, StaffHome};
use crate::ui::components::{ActionProblem, Problem};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let home = Resource::new(|| (), |_| staff_home());
    view! {
        <Title text="Staff"/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match home.await {
                        Ok(home) => view! { <Home home/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Home(home: StaffHome) -> impl IntoView {
    let StaffHome {
        member,
        unopened_concerns,
        activities,
        sessions,
        decisions,
    } = home;
    let facilitates = member.role.can_facilitate();
    let commissions = member.role.can_commission();
    view! {
        <h1>"Hello"</h1>
        <p>{format!("Signed in as {} ({})", member.email, member.role.label())}</p>
        {unopened_concerns.map(|count| view! {
            <p class=(count > 0).then_some("alert") role="status">
                {format!("{count} new safeguarding concern{} ", if count == 1 { "" } else { "s" })}
                <a href="/staff/safeguarding">"Open the safeguarding queue"</a>
            </p>
        })}
        {member.role.can_manage_staff().then(|| view! {
            <p><a href="/staff/people">"People: invite, roles, accounts"</a></p>
        })}
        {facilitates.then(|| view! {
            <section>
                <h2>"Activities"</h2>
                {activities.into_iter().map(|activity| view! { <ActivityCard activity/> }).collect_view()}
            </section>
            <section>
                <h2>"Sessions"</h2>
                <ul class="cards">
                    {sessions
                        .into_iter()
                        .map(|s| view! {
                            <li>
                                <a href=format!("/staff/sessions/{}", s.id)>
                                    {format!("{} at {}, {}", s.activity_title, s.place, s.opened_on)}
                                </a>
                                {format!(" · {} contributions · {}", s.contribution_count, if s.open { "open" } else { "closed" })}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
        {commissions.then(|| view! {
            <section>
                <h2>"Decisions"</h2>
                <p><a class="button" href="/staff/decisions/new">"Record a decision"</a></p>
                <ul class="cards">
                    {decisions
                        .into_iter()
                        .map(|d| view! {
                            <li>
                                <a href=format!("/staff/decisions/{}", d.id)>{d.title}</a>
                                {format!(
                                    " · {} · {} · {}",
                                    d.priority,
                                    d.status.label(),
                                    if d.published { "fed back" } else { "not fed back yet" },
                                )}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn ActivityCard(activity: ActivitySummary) -> impl IntoView {
    let open = ServerAction::<OpenSession>::new();
    let place_id = format!("place-{}", activity.id);
    view! {
        <article class="card">
            <h3>{activity.title}</h3>
            <p><a href=format!("/staff/activities/{}", activity.id)>"Pictures for the questions"</a></p>
            <p>{format!("Heard by: {}", activity.audience)}</p>
            <p>{format!("About: {}", activity.priorities.join(", "))}</p>
            <ol>
                {activity.prompts.into_iter().map(|p| view! { <li>{format!("{} ({})", p.text, p.modes.iter().map(|m| m.label()).collect::<Vec<_>>().join(" or "))}</li> }).collect_view()}
            </ol>
            <ActionForm action=open attr:class="staff-form">
                <input type="hidden" name="activity" value=activity.id/>
                <label for=place_id.clone()>"Where is the session?"</label>
                <input id=place_id name="place" placeholder="e.g. Year 9 group at a special school"/>
                <ActionProblem action=open/>
                <button type="submit">"Open a session"</button>
            </ActionForm>
        </article>
    }
}
