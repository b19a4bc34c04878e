use super::StaffFrame;
use crate::api::facilitation::OpenSession;
use crate::api::staff::staff_home;
use crate::domain::{ActivitySummary, Prompt, StaffHome, StaffMember};
use crate::ui::components::{ActionProblem, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let home = page_data(|| (), |_| staff_home());
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
        facilitators,
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
        <nav aria-label="Staff areas">
            <ul class="links">
                <li><a href="/staff/hearings">"Hearings: what forums heard"</a></li>
                {member.role.can_see_evidence().then(|| view! {
                    <li><a href="/staff/strategies">"Strategies and priorities"</a></li>
                    <li><a href="/staff/evidence">"Evidence: the Lundy dashboard, report and exports"</a></li>
                    <li><a href="/staff/contributions">"Search what children said"</a></li>
                    <li><a href="/staff/evidence/audit">"Co-production audit"</a></li>
                })}
                {commissions.then(|| view! { <li><a href="/staff/forums">"Forums and their members"</a></li> })}
                {member.role.can_manage_staff().then(|| view! {
                    <li><a href="/staff/people">"People: invite, roles, accounts"</a></li>
                })}
                {member.role.can_see_rights_requests().then(|| view! {
                    <li><a href="/staff/rights">"Children's rights requests: copies, fewer people seeing, erasure"</a></li>
                })}
                <li><a href="/board">"The public \"you said, we did\" board"</a></li>
            </ul>
        </nav>
        {facilitates.then(|| view! {
            <section>
                <h2>"Activities"</h2>
                <p><a class="button" href="/staff/activities/new">"New activity"</a></p>
                {activities
                    .into_iter()
                    .map(|activity| view! { <ActivityCard activity facilitators=facilitators.clone() me=member.id.clone()/> })
                    .collect_view()}
            </section>
            <section>
                <h2>"Sessions"</h2>
                <ul class="cards">
                    {sessions
                        .into_iter()
                        .map(|s| view! {
                            <li>
                                <a href=format!("/staff/sessions/{}", s.id)>
                                    {format!("{} at {}, {}", s.activity_title, s.place, s.held_on)}
                                </a>
                                {format!(" · run by {}", s.facilitator)}
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
fn ActivityCard(
    activity: ActivitySummary,
    facilitators: Vec<StaffMember>,
    me: String,
) -> impl IntoView {
    let open = ServerAction::<OpenSession>::new();
    let key = activity.id.clone();
    let field = move |name: &str| format!("{name}-{key}");
    let ways = |p: &Prompt| {
        p.modes
            .iter()
            .map(|m| m.label())
            .collect::<Vec<_>>()
            .join(" or ")
    };
    view! {
        <article class="card">
            <h3>{activity.title.clone()}</h3>
            <p><a href=format!("/staff/activities/{}", activity.id)>"Questions, pictures and themes"</a></p>
            <p>{format!("Heard by: {}", activity.audience)}</p>
            <p>{format!("About: {}", activity.priorities.join(", "))}</p>
            <ol>
                {activity.prompts.iter().map(|p| view! { <li>{format!("{} ({})", p.text, ways(p))}</li> }).collect_view()}
            </ol>
            <details>
                <summary>"Open a session"</summary>
                <ActionForm action=open attr:class="staff-form">
                    <input type="hidden" name="activity" value=activity.id.clone()/>
                    <label for=field("place")>"Where is the session?"</label>
                    <input id=field("place") name="place" placeholder="e.g. Oakfield School, library"/>
                    <label for=field("held-on")>"Date (today if left empty)"</label>
                    <input id=field("held-on") name="held_on" type="date"/>
                    <label for=field("group")>"Who is expected"</label>
                    <input id=field("group") name="expected_group" placeholder="e.g. Year 9 at a special school"/>
                    <label for=field("facilitator")>"Facilitator"</label>
                    <select id=field("facilitator") name="facilitator">
                        {facilitators
                            .into_iter()
                            .map(|f| {
                                let selected = f.id == me;
                                view! { <option value=f.id selected=selected>{f.email}</option> }
                            })
                            .collect_view()}
                    </select>
                    <ActionProblem action=open/>
                    <button type="submit">"Open the session"</button>
                </ActionForm>
            </details>
        </article>
    }
}
