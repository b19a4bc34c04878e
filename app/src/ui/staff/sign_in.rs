use crate::api::staff::{load_second_factor, AcceptInvite, SignIn, SignInCode};
use crate::domain::SecondFactor;
use crate::staff;
use crate::ui::components::{ActionProblem, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn SignInPage() -> impl IntoView {
    let sign_in = ServerAction::<SignIn>::new();
    let invited = use_query_map().read_untracked().get("invited").is_some();
    view! {
        <Title text=staff!(sign_in.staff_sign)/>
        <main class="staff page narrow">
            <h1>{staff!(sign_in.staff_sign)}</h1>
            {invited.then(|| view! {
                <p role="status">{staff!(sign_in.account_ready_sign_set)}</p>
            })}
            <ActionForm action=sign_in attr:class="staff-form">
                <label for="email">{staff!(common.email)}</label>
                <input id="email" name="email" type="email" autocomplete="username"/>
                <label for="password">{staff!(sign_in.password)}</label>
                <input id="password" name="password" type="password" autocomplete="current-password"/>
                <ActionProblem action=sign_in/>
                <button type="submit">{staff!(sign_in.next)}</button>
            </ActionForm>
        </main>
    }
}

/// The second step: a code from the authenticator app, set up here on the first sign-in.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let step = page_data(|| (), |_| load_second_factor());
    let submit = ServerAction::<SignInCode>::new();
    view! {
        <Title text=staff!(sign_in.sign_code)/>
        <main class="staff page narrow">
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match step.await {
                        Ok(step) => view! { <CodeStep step submit/> }.into_any(),
                        Err(error) => view! {
                            <h1>{staff!(sign_in.sign_in)}</h1>
                            <Problem error/>
                            <p><a href="/staff/sign-in">{staff!(sign_in.start_again)}</a></p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn CodeStep(step: SecondFactor, submit: ServerAction<SignInCode>) -> impl IntoView {
    let recovery_codes = move || {
        submit
            .value()
            .get()
            .and_then(Result::ok)
            .filter(|codes| !codes.is_empty())
    };
    let enrol = move |(secret, qr): (String, String)| {
        view! {
            <h2>{staff!(sign_in.set_up_authenticator_app)}</h2>
            <p>{staff!(sign_in.every_sign_heard_needs)}</p>
            <div class="enrol-qr" role="img" aria-label=staff!(sign_in.qr_code_authenticator_app) inner_html=qr></div>
            <p>{staff!(sign_in.type_key_into_app)} <code class="secret">{secret}</code></p>
        }
    };
    view! {
        <h1>{staff!(sign_in.sign_code)}</h1>
        {move || match recovery_codes() {
            Some(codes) => view! {
                <h2>{staff!(sign_in.recovery_codes)}</h2>
                <p>{staff!(sign_in.lose_phone_each_these)}</p>
                <ul class="recovery-codes">
                    {codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
                </ul>
                <p><a class="button" href="/staff">{staff!(sign_in.i_have_kept_them)}</a></p>
            }
            .into_any(),
            None => view! {
                {step.enrol.clone().map(enrol)}
                <ActionForm action=submit attr:class="staff-form">
                    <label for="code">{staff!(sign_in.n_6_digit_code_app)}</label>
                    <input id="code" name="code" autocomplete="one-time-code" spellcheck="false"/>
                    <ActionProblem action=submit/>
                    <button type="submit">{staff!(sign_in.sign_in)}</button>
                </ActionForm>
            }
            .into_any(),
        }}
    }
}

/// Someone an admin invited chooses their password.
#[component]
pub fn InvitePage() -> impl IntoView {
    let accept = ServerAction::<AcceptInvite>::new();
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    view! {
        <Title text=staff!(sign_in.join_heard)/>
        <main class="staff page narrow">
            <h1>{staff!(sign_in.join_heard)}</h1>
            <p>{staff!(sign_in.choose_password_least_10)}</p>
            <ActionForm action=accept attr:class="staff-form">
                <input type="hidden" name="token" value=token/>
                <label for="new-password">{staff!(sign_in.password)}</label>
                <input id="new-password" name="password" type="password" autocomplete="new-password"/>
                <ActionProblem action=accept/>
                <button type="submit">{staff!(sign_in.create_my_account)}</button>
            </ActionForm>
        </main>
    }
}
