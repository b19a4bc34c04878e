//! Children's rights requests for staff: an admin acts on one that came by phone or letter with
//! the receipt code; the safeguarding lead decides erasures an open concern holds; both read the
//! log, which says what was asked and when it was answered, never what the child said. Forms post
//! as whole pages: each action reloads the page with what it did.

use super::StaffFrame;
use crate::api::rights::{
    rights_requests, staff_receipt, DecideRightsRequest, StaffErase, StaffLimit,
};
use crate::api::staff::who_am_i;
use crate::domain::{MediaConsent, Receipt, RequestState, RightsKind, RightsRequest};
use crate::ui::components::{ActionProblem, PageForm, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RightsPage() -> impl IntoView {
    let query = use_query_map();
    let code = move || query.read().get("code").unwrap_or_default();
    let done = query.read_untracked().get("done").and_then(|done| {
        Some(match done.as_str() {
            "erased" => "Erased. The answer and any picture or recording are gone.",
            "held" => "An open safeguarding concern holds this turn: nothing is erased until the safeguarding lead decides.",
            "limited" => "Fewer people may see it now.",
            "decided" => "Your decision is recorded.",
            _ => return None,
        })
    });
    let me = page_data(|| (), |_| who_am_i());
    view! {
        <Title text="Children's rights requests"/>
        <StaffFrame>
            <h1>"Children's rights requests"</h1>
            {done.map(|message| view! { <p class="done" role="status">{message}</p> })}
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let role = match me.await {
                        Ok(Some(member)) => member.role,
                        Ok(None) => return view! { <p><a href="/staff/sign-in">"Please sign in."</a></p> }.into_any(),
                        Err(error) => return view! { <Problem error/> }.into_any(),
                    };
                    view! {
                        {role.can_act_for_children().then(|| view! { <ActForChild code=code()/> })}
                        <RequestLog lead=role.can_safeguard()/>
                    }
                    .into_any()
                })}
            </Suspense>
        </StaffFrame>
    }
}

/// A request by phone or letter: find the turn by its receipt code, then act as the child would.
#[component]
fn ActForChild(code: String) -> impl IntoView {
    let typed = code.clone();
    let turn = page_data(
        move || code.clone(),
        |code| async move {
            if code.is_empty() {
                Ok(None)
            } else {
                staff_receipt(code).await.map(Some)
            }
        },
    );
    view! {
        <section aria-labelledby="act-heading">
            <h2 id="act-heading">"A request by phone or letter"</h2>
            <p>"Ask for the receipt code and check it back with the person. What you do here is logged with your name."</p>
            <form method="get" action="/staff/rights" class="staff-form">
                <label for="rights-code">"Receipt code"</label>
                <input id="rights-code" name="code" value=typed autocomplete="off" spellcheck="false"/>
                <button type="submit">"Find"</button>
            </form>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match turn.await {
                        Ok(Some(receipt)) => view! { <Turn receipt/> }.into_any(),
                        Ok(None) => ().into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Turn(receipt: Receipt) -> impl IntoView {
    let code = receipt.code.clone();
    let erase_all = ServerAction::<StaffErase>::new();
    view! {
        <h3>{format!("Receipt {code}")}</h3>
        <p><a class="button secondary" href=format!("/staff/rights/{code}/copy.zip") rel="external" download>
            "Download a copy for them (ZIP)"
        </a></p>
        {receipt.contributions.is_empty().then(|| view! { <p>"Nothing is left: every answer has been erased."</p> })}
        <ol class="contributions">
            {receipt
                .contributions
                .into_iter()
                .map(|said| {
                    let media = said.answer.media().cloned();
                    view! {
                        <li class="contribution">
                            <p class="prompt">{said.prompt.clone()}</p>
                            <p class="answer"><bdi>{said.answer.describe()}</bdi></p>
                            <AnswerActions code=code.clone() id=said.id.clone() consent=media.map(|m| m.consent)/>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <details class="moderate">
            <summary>"Erase the whole turn"</summary>
            <PageForm action=erase_all class="staff-form">
                <input type="hidden" name="code" value=code.clone()/>
                <input type="hidden" name="answer" value="all"/>
                <p>"Every answer, picture and recording of this turn goes at once and cannot be brought back; the counts stay."</p>
                <ActionProblem action=erase_all/>
                <button type="submit" class="worried-button">"Erase the whole turn"</button>
            </PageForm>
        </details>
    }
}

#[component]
fn AnswerActions(code: String, id: String, consent: Option<MediaConsent>) -> impl IntoView {
    let erase = ServerAction::<StaffErase>::new();
    let limit = ServerAction::<StaffLimit>::new();
    let field = format!("consent-{id}");
    let (limit_code, limit_id) = (code.clone(), id.clone());
    let narrowing = consent.map(move |current| {
        let narrower: Vec<MediaConsent> = MediaConsent::ALL
            .into_iter()
            .filter(|consent| *consent < current)
            .collect();
        view! {
            <p>{format!("Who may see it: {}", current.staff_label())}</p>
            {(!narrower.is_empty()).then(|| view! {
                <PageForm action=limit class="inline-form">
                    <input type="hidden" name="code" value=limit_code/>
                    <input type="hidden" name="contribution" value=limit_id/>
                    <label for=field.clone()>"Fewer people may see it"</label>
                    <select id=field.clone() name="consent">
                        {narrower
                            .into_iter()
                            .map(|consent| view! { <option value=consent.as_str()>{consent.staff_label()}</option> })
                            .collect_view()}
                    </select>
                    <ActionProblem action=limit/>
                    <button type="submit" class="button secondary">"Change"</button>
                </PageForm>
            })}
        }
    });
    view! {
        {narrowing}
        <details class="moderate">
            <summary>"Erase this answer"</summary>
            <PageForm action=erase class="staff-form">
                <input type="hidden" name="code" value=code/>
                <input type="hidden" name="answer" value=id/>
                <p>"The answer and any picture or recording go at once and cannot be brought back."</p>
                <ActionProblem action=erase/>
                <button type="submit" class="worried-button">"Erase it"</button>
            </PageForm>
        </details>
    }
}

/// Every request, newest first, with how long it took; held erasures wait for the lead.
#[component]
fn RequestLog(lead: bool) -> impl IntoView {
    let log = page_data(|| (), |_| rights_requests());
    view! {
        <section aria-labelledby="log-heading">
            <h2 id="log-heading">"Log of requests"</h2>
            <p>"What was asked and when it was answered, never what the child said. Requests must be answered within a month."</p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match log.await {
                        Ok(requests) if requests.is_empty() => view! { <p>"No requests yet."</p> }.into_any(),
                        Ok(requests) => view! {
                            <table class="exports rights-log">
                                <thead>
                                    <tr>
                                        <th scope="col">"Asked"</th>
                                        <th scope="col">"What"</th>
                                        <th scope="col">"Asked by"</th>
                                        <th scope="col">"State"</th>
                                        <th scope="col">"Answered"</th>
                                        <th scope="col">"Days"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {requests.into_iter().map(|request| view! { <LogRow request lead/> }).collect_view()}
                                </tbody>
                            </table>
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
fn LogRow(request: RightsRequest, lead: bool) -> impl IntoView {
    let decide = ServerAction::<DecideRightsRequest>::new();
    let what = format!(
        "{}{}",
        request.kind.label(),
        match (request.kind, request.one_answer) {
            (RightsKind::Copy, _) => "",
            (_, true) => ": one answer",
            (_, false) => ": the whole turn",
        }
    );
    let answered = match (&request.done_on, &request.decided_by) {
        (Some(on), Some(by)) => format!(
            "{on} by {by}: {}",
            request.decision_reason.clone().unwrap_or_default()
        ),
        (Some(on), None) => on.to_string(),
        (None, _) => "Not yet".to_owned(),
    };
    let reason = format!("why-{}", request.id);
    let held = request.state == RequestState::Held;
    view! {
        <tr>
            <td>{request.asked_on.to_string()}</td>
            <td>{what}</td>
            <td>{request.by_staff.unwrap_or_else(|| "The child, with the receipt".to_owned())}</td>
            <td>
                {request.state.label()}
                {(held && lead).then(|| view! {
                    <PageForm action=decide class="staff-form">
                        <input type="hidden" name="request" value=request.id.clone()/>
                        <fieldset>
                            <legend>"Your decision"</legend>
                            <label class="choice"><input type="radio" name="decision" value="erase" required/>"Erase as asked"</label>
                            <label class="choice"><input type="radio" name="decision" value="keep"/>"Keep for now"</label>
                        </fieldset>
                        <label for=reason.clone()>"Why"</label>
                        <input id=reason.clone() name="reason" required/>
                        <ActionProblem action=decide/>
                        <button type="submit">"Record the decision"</button>
                    </PageForm>
                })}
            </td>
            <td>{answered}</td>
            <td>{request.days}</td>
        </tr>
    }
}
