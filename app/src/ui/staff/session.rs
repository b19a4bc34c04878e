use super::StaffFrame;
use crate::api::facilitation::{session_with_contributions, CloseSession};
use crate::ui::components::{ActionProblem, Problem, TrailView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    let close = ServerAction::<CloseSession>::new();
    let session = Resource::new(
        move || (params.read().get("session").unwrap_or_default(), close.version().get()),
        |(id, _)| session_with_contributions(id),
    );
    view! {
        <Title text="Session"/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let (summary, contributions) = match session.await {
                        Ok(found) => found,
                        Err(error) => return view! { <Problem error/> }.into_any(),
                    };
                    let (id, close_id) = (summary.id.clone(), summary.id.clone());
                    view! {
                        <h1>{summary.activity_title.clone()}</h1>
                        <p>{format!("{}, opened {}", summary.place, summary.opened_on)}</p>
                        {if summary.open {
                            view! {
                                <p class="join-code-label">"Join code"</p>
                                <p class="join-code" data-testid="join-code">{summary.join_code.clone()}</p>
                                <p>"Children open this site on the tablet and type the code."</p>
                                <ActionForm action=close attr:class="inline-form">
                                    <input type="hidden" name="session" value=close_id.clone()/>
                                    <ActionProblem action=close/>
                                    <button type="submit">"Close the session"</button>
                                </ActionForm>
                            }
                            .into_any()
                        } else {
                            view! { <p>"This session is closed."</p> }.into_any()
                        }}
                        <h2>{format!("What children said ({})", contributions.len())}</h2>
                        <p><a href=format!("/staff/sessions/{id}")>"Refresh"</a></p>
                        <ol class="contributions">
                            {contributions
                                .into_iter()
                                .map(|c| view! {
                                    <li class="contribution">
                                        <p class="prompt">{c.prompt}</p>
                                        <p class="answer">{c.answer.describe()}</p>
                                        <TrailView trail=c.trail/>
                                    </li>
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                })}
            </Suspense>
        </StaffFrame>
    }
}
