use super::StaffFrame;
use crate::api::staff::{
    retention_months, staff_accounts, DisableStaff, InviteStaff, SetRetentionMonths, SetStaffRole,
};
use crate::domain::{Role, StaffAccount};
use crate::staff;
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
        <Title text=staff!(people.people)/>
        <StaffFrame>
            <h1>{staff!(people.people)}</h1>
            <section aria-labelledby="invite-heading">
                <h2 id="invite-heading">{staff!(people.invite_someone)}</h2>
                <ActionForm action=invite attr:class="staff-form">
                    <label for="invite-email">{staff!(people.their_work_email)}</label>
                    <input id="invite-email" name="email" type="email"/>
                    <RoleSelect id="invite-role".into() current=Role::Facilitator/>
                    <ActionProblem action=invite/>
                    <button type="submit">{staff!(people.make_invitation_link)}</button>
                </ActionForm>
                {move || invite.value().get().and_then(Result::ok).map(|link| view! {
                    <p role="status">{staff!(people.send_link_them_works)} <code class="invite-link">{link}</code></p>
                })}
            </section>
            <ActionProblem action=set_role/>
            <ActionProblem action=disable/>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
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
            <h2 id="retention-heading">{staff!(people.keeping_childrens_contributions)}</h2>
            <p>{staff!(people.after_many_months_from)}</p>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match months.await {
                        Ok(months) => view! {
                            <ActionForm action=save attr:class="staff-form">
                                <label for="retention-months">{staff!(people.months_keep_them)}</label>
                                <input id="retention-months" name="months" type="number" min="1" max="120" value=months.to_string()/>
                                <ActionProblem action=save/>
                                <button type="submit">{staff!(common.save)}</button>
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
            <caption>{staff!(people.accounts)}</caption>
            <thead>
                <tr><th scope="col">{staff!(common.email)}</th><th scope="col">{staff!(people.role)}</th><th scope="col">{staff!(people.authenticator_app)}</th><th scope="col">{staff!(people.account)}</th></tr>
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
                                    <button type="submit" class="button secondary">{staff!(people.save_role)}</button>
                                </ActionForm>
                            </td>
                            <td>{if account.second_factor { staff!(people.set_up) } else { staff!(common.not_yet) }}</td>
                            <td>
                                {if account.disabled {
                                    view! { {staff!(people.turned_off)} }.into_any()
                                } else {
                                    view! {
                                        <ActionForm action=disable attr:class="inline-form">
                                            <input type="hidden" name="account" value=to_disable/>
                                            <button type="submit" class="button secondary">
                                                {staff!(people.turn_off, email = account.member.email)}
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
        <label for=id.clone()>{staff!(people.role)}</label>
        <select id=id name="role">
            {Role::ALL.into_iter().map(|role| view! {
                <option value=role.as_str() selected=role == current>{role.label()}</option>
            }).collect_view()}
        </select>
    }
}
