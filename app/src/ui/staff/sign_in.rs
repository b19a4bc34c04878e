use crate::api::staff::SignIn;
use crate::ui::components::ActionProblem;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SignInPage() -> impl IntoView {
    let sign_in = ServerAction::<SignIn>::new();
    view! {
        <Title text="Staff sign in"/>
        <main class="staff page narrow">
            <h1>"Staff sign in"</h1>
            <ActionForm action=sign_in attr:class="staff-form">
                <label for="email">"Email"</label>
                <input id="email" name="email" type="email" autocomplete="username"/>
                <label for="password">"Password"</label>
                <input id="password" name="password" type="password" autocomplete="current-password"/>
                <ActionProblem action=sign_in/>
                <button type="submit">"Sign in"</button>
            </ActionForm>
        </main>
    }
}
