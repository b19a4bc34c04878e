use super::StaffFrame;
use crate::api::facilitation::OpenSession;
use crate::api::staff::staff_home;
use crate::domain::{ActivitySummary, Prompt, StaffHome, StaffMember};
use crate::staff;
use crate::ui::components::{ActionProblem, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let home = page_data(|| (), |_| staff_home());
    view! {
        <Title text=staff!(home.staff)/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
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
        <h1>{staff!(home.hello)}</h1>
        <p>{staff!(home.signed_in_as, email = member.email, role = member.role.label())}</p>
        {unopened_concerns.map(|count| view! {
            <p class=(count > 0).then_some("alert") role="status">
                {if count == 1 { staff!(home.new_concern).to_owned() } else { staff!(home.new_concerns, count) }}
                " "
                <a href="/staff/safeguarding">{staff!(home.open_safeguarding_queue)}</a>
            </p>
        })}
        <nav aria-label=staff!(home.staff_areas)>
            <ul class="links">
                <li><a href="/staff/hearings">{staff!(home.hearings_what_forums_heard)}</a></li>
                {member.role.can_see_evidence().then(|| view! {
                    <li><a href="/staff/strategies">{staff!(common.strategies_priorities)}</a></li>
                    <li><a href="/staff/evidence">{staff!(home.evidence_lundy_dashboard_report)}</a></li>
                    <li><a href="/staff/contributions">{staff!(home.search_what_children_said)}</a></li>
                    <li><a href="/staff/evidence/audit">{staff!(common.co_production_audit)}</a></li>
                })}
                {commissions.then(|| view! { <li><a href="/staff/forums">{staff!(common.forums_their_members)}</a></li> })}
                {member.role.can_manage_staff().then(|| view! {
                    <li><a href="/staff/people">{staff!(home.people_invite_roles_accounts)}</a></li>
                })}
                {member.role.can_see_rights_requests().then(|| view! {
                    <li><a href="/staff/rights">{staff!(home.childrens_rights_requests_copies)}</a></li>
                })}
                <li><a href="/board">{staff!(home.public_said_did_board)}</a></li>
            </ul>
        </nav>
        {facilitates.then(|| view! {
            <section>
                <h2>{staff!(home.activities)}</h2>
                <p><a class="button" href="/staff/activities/new">{staff!(common.new_activity)}</a></p>
                {activities
                    .into_iter()
                    .map(|activity| view! { <ActivityCard activity facilitators=facilitators.clone() me=member.id.clone()/> })
                    .collect_view()}
            </section>
            <section>
                <h2>{staff!(home.sessions)}</h2>
                <ul class="cards">
                    {sessions
                        .into_iter()
                        .map(|s| view! {
                            <li>
                                <a href=format!("/staff/sessions/{}", s.id)>
                                    {staff!(home.session_at, activity = s.activity_title, place = s.place, on = s.held_on)}
                                </a>
                                {staff!(home.run_by, facilitator = s.facilitator)}
                                {staff!(home.session_state, count = s.contribution_count, state = if s.open { staff!(home.open) } else { staff!(home.closed) })}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
        {commissions.then(|| view! {
            <section>
                <h2>{staff!(common.decisions)}</h2>
                <p><a class="button" href="/staff/decisions/new">{staff!(common.record_a_decision)}</a></p>
                <ul class="cards">
                    {decisions
                        .into_iter()
                        .map(|d| view! {
                            <li>
                                <a href=format!("/staff/decisions/{}", d.id)>{d.title}</a>
                                {staff!(
                                    home.decision_line,
                                    priority = d.priority,
                                    status = d.status.label(),
                                    fed_back = if d.published {
                                        staff!(home.fed_back)
                                    } else {
                                        staff!(home.not_fed_back)
                                    },
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
            <p><a href=format!("/staff/activities/{}", activity.id)>{staff!(home.questions_pictures_themes)}</a></p>
            <p>{staff!(common.heard_by, audience = activity.audience)}</p>
            <p>{staff!(home.about, priorities = activity.priorities.join(", "))}</p>
            <ol>
                {activity.prompts.iter().map(|p| view! { <li>{staff!(home.question_ways, question = p.text, ways = ways(p))}</li> }).collect_view()}
            </ol>
            <details>
                <summary>{staff!(home.open_a_session)}</summary>
                <ActionForm action=open attr:class="staff-form">
                    <input type="hidden" name="activity" value=activity.id.clone()/>
                    <label for=field("place")>{staff!(home.where_session)}</label>
                    <input id=field("place") name="place" placeholder=staff!(home.e_g_oakfield_school)/>
                    <label for=field("held-on")>{staff!(home.date_today_left_empty)}</label>
                    <input id=field("held-on") name="held_on" type="date"/>
                    <label for=field("group")>{staff!(home.who_expected)}</label>
                    <input id=field("group") name="expected_group" placeholder=staff!(home.e_g_year_9)/>
                    <label for=field("facilitator")>{staff!(common.facilitator)}</label>
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
                    <button type="submit">{staff!(home.open_the_session)}</button>
                </ActionForm>
            </details>
        </article>
    }
}
