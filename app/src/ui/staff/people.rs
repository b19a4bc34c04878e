use super::StaffFrame;
use crate::api::staff::{
    retention_months, staff_accounts, DisableStaff, InviteStaff, SetRetentionMonths, SetStaffRole,
};
use crate::domain::{Role, StaffAccount};
use crate::ui::components::{ActionProblem, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;

/// For admins: who has an account, with which role; invitations; turning accounts off.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let invite = ServerAction::<InviteStaff>::new();
    let set_role = ServerAction::<SetStaffRole>::new();
    let disable = ServerAction::<DisableStaff>::new();
    let accounts = page_data(
        move || {
            (
                set_role.version().get(),
                disable.version().get(),
                invite.version().get(),
            )
        },
        |_| staff_accounts(),
    );
    view! {
        <Title text="People"/>
        <StaffFrame>
            <h1>"People"</h1>
            <section aria-labelledby="invite-heading">
                <h2 id="invite-heading">"Invite someone"</h2>
                <ActionForm action=invite attr:class="staff-form">
                    <label for="invite-email">"Their work email"</label>
                    <input id="invite-email" name="email" type="email"/>
                    <RoleSelect id="invite-role".into() current=Role::Facilitator/>
                    <ActionProblem action=invite/>
                    <button type="submit">"Make an invitation link"</button>
                </ActionForm>
                {move || invite.value().get().and_then(Result::ok).map(|link| view! {
                    <p role="status">"Send this link to them; it works once, for 7 days: " <code class="invite-link">{link}</code></p>
                })}
            </section>
            <ActionProblem action=set_role/>
            <ActionProblem action=disable/>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match accounts.await {
                        Ok(accounts) => view! { <Accounts accounts set_role disable/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
            <Retention/>
        </StaffFrame>
    }
}

/// How long children's contributions are kept after their session closed.
#[component]
fn Retention() -> impl IntoView {
    let save = ServerAction::<SetRetentionMonths>::new();
    let months = page_data(move || save.version().get(), |_| retention_months());
    view! {
        <section aria-labelledby="retention-heading">
            <h2 id="retention-heading">"Keeping children's contributions"</h2>
            <p>"After this many months from the end of their session, what children said and sent is erased; the counts stay. Anything held by an open safeguarding concern is kept until the safeguarding lead clears it."</p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match months.await {
                        Ok(months) => view! {
                            <ActionForm action=save attr:class="staff-form">
                                <label for="retention-months">"Months to keep them"</label>
                                <input id="retention-months" name="months" type="number" min="1" max="120" value=months.to_string()/>
                                <ActionProblem action=save/>
                                <button type="submit">"Save"</button>
                            </ActionForm>
                        }
                        .into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Accounts(
    accounts: Vec<StaffAccount>,
    set_role: ServerAction<SetStaffRole>,
    disable: ServerAction<DisableStaff>,
) -> impl IntoView {
    view! {
        <table class="people">
            <caption>"Accounts"</caption>
            <thead>
                <tr><th scope="col">"Email"</th><th scope="col">"Role"</th><th scope="col">"Authenticator app"</th><th scope="col">"Account"</th></tr>
            </thead>
            <tbody>
                {accounts.into_iter().map(|account| {
                    let id = account.member.id.clone();
                    let role_id = format!("role-{id}");
                    let to_disable = id.clone();
                    view! {
                        <tr>
                            <th scope="row">{account.member.email.clone()}</th>
                            <td>
                                <ActionForm action=set_role attr:class="inline-form">
                                    <input type="hidden" name="account" value=id.clone()/>
                                    <RoleSelect id=role_id current=account.member.role/>
                                    <button type="submit" class="button secondary">"Save role"</button>
                                </ActionForm>
                            </td>
                            <td>{if account.second_factor { "Set up" } else { "Not yet" }}</td>
                            <td>
                                {if account.disabled {
                                    view! { "Turned off" }.into_any()
                                } else {
                                    view! {
                                        <ActionForm action=disable attr:class="inline-form">
                                            <input type="hidden" name="account" value=to_disable/>
                                            <button type="submit" class="button secondary">
                                                {format!("Turn off {}", account.member.email)}
                                            </button>
                                        </ActionForm>
                                    }
                                    .into_any()
                                }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn RoleSelect(id: String, current: Role) -> impl IntoView {
    view! {
        <label for=id.clone()>"Role"</label>
        <select id=id name="role">
            {Role::ALL.into_iter().map(|role| view! {
                <option value=role.as_str() selected=role == current>{role.label()}</option>
            }).collect_view()}
        </select>
    }
}
