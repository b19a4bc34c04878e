use crate::api::staff::{load_second_factor, AcceptInvite, SignIn, SignInCode};
use crate::domain::SecondFactor;
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
        <Title text="Staff sign in"/>
        <main class="staff page narrow">
            <h1>"Staff sign in"</h1>
            {invited.then(|| view! {
                <p role="status">"Your account is ready. Sign in to set up your authenticator app."</p>
            })}
            <ActionForm action=sign_in attr:class="staff-form">
                <label for="email">"Email"</label>
                <input id="email" name="email" type="email" autocomplete="username"/>
                <label for="password">"Password"</label>
                <input id="password" name="password" type="password" autocomplete="current-password"/>
                <ActionProblem action=sign_in/>
                <button type="submit">"Next"</button>
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
        <Title text="Sign in: your code"/>
        <main class="staff page narrow">
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match step.await {
                        Ok(step) => view! { <CodeStep step submit/> }.into_any(),
                        Err(error) => view! {
                            <h1>"Sign in"</h1>
                            <Problem error/>
                            <p><a href="/staff/sign-in">"Start again"</a></p>
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
            <h2>"Set up your authenticator app"</h2>
            <p>"Every sign-in to Heard needs a code from an app on your phone, such as Microsoft Authenticator or Google Authenticator. Scan this with the app:"</p>
            <div class="enrol-qr" role="img" aria-label="QR code for your authenticator app" inner_html=qr></div>
            <p>"Or type this key into the app: " <code class="secret">{secret}</code></p>
        }
    };
    view! {
        <h1>"Sign in: your code"</h1>
        {move || match recovery_codes() {
            Some(codes) => view! {
                <h2>"Your recovery codes"</h2>
                <p>"If you lose your phone, each of these signs you in once instead of a code. Keep them somewhere safe, away from your phone. You will not see them again."</p>
                <ul class="recovery-codes">
                    {codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
                </ul>
                <p><a class="button" href="/staff">"I have kept them: continue"</a></p>
            }
            .into_any(),
            None => view! {
                {step.enrol.clone().map(enrol)}
                <ActionForm action=submit attr:class="staff-form">
                    <label for="code">"The 6-digit code your app shows, or a recovery code"</label>
                    <input id="code" name="code" autocomplete="one-time-code" spellcheck="false"/>
                    <ActionProblem action=submit/>
                    <button type="submit">"Sign in"</button>
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
        <Title text="Join Heard"/>
        <main class="staff page narrow">
            <h1>"Join Heard"</h1>
            <p>"Choose a password of at least 10 characters. A few words together work well. Then you will set up an authenticator app."</p>
            <ActionForm action=accept attr:class="staff-form">
                <input type="hidden" name="token" value=token/>
                <label for="new-password">"Password"</label>
                <input id="new-password" name="password" type="password" autocomplete="new-password"/>
                <ActionProblem action=accept/>
                <button type="submit">"Create my account"</button>
            </ActionForm>
        </main>
    }
}
