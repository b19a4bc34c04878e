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
use crate::staff;
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
            "erased" => staff!(rights.done.erased),
            "held" => staff!(rights.done.held),
            "limited" => staff!(rights.done.limited),
            "decided" => staff!(rights.done.decided),
            _ => return None,
        })
    });
    let me = page_data(|| (), |_| who_am_i());
    view! {
        <Title text=staff!(rights.childrens_rights_requests)/>
        <StaffFrame>
            <h1>{staff!(rights.childrens_rights_requests)}</h1>
            {done.map(|message| view! { <p class="done" role="status">{message}</p> })}
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    let role = match me.await {
                        Ok(Some(member)) => member.role,
                        Ok(None) => return view! { <p><a href="/staff/sign-in">{staff!(rights.please_sign)}</a></p> }.into_any(),
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
            <h2 id="act-heading">{staff!(rights.request_phone_letter)}</h2>
            <p>{staff!(rights.ask_receipt_code_check)}</p>
            <form method="get" action="/staff/rights" class="staff-form">
                <label for="rights-code">{staff!(rights.receipt_code)}</label>
                <input id="rights-code" name="code" value=typed autocomplete="off" spellcheck="false"/>
                <button type="submit">{staff!(rights.find)}</button>
            </form>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
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
        <h3>{staff!(rights.receipt, code)}</h3>
        <p><a class="button secondary" href=format!("/staff/rights/{code}/copy.zip") rel="external" download>
            {staff!(rights.download_copy_them_zip)}
        </a></p>
        {receipt.contributions.is_empty().then(|| view! { <p>{staff!(rights.nothing_left_every_answer)}</p> })}
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
            <summary>{staff!(rights.erase_whole_turn)}</summary>
            <PageForm action=erase_all class="staff-form">
                <input type="hidden" name="code" value=code.clone()/>
                <input type="hidden" name="answer" value="all"/>
                <p>{staff!(rights.every_answer_picture_recording)}</p>
                <ActionProblem action=erase_all/>
                <button type="submit" class="worried-button">{staff!(rights.erase_whole_turn)}</button>
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
            <p>{staff!(common.who_may_see, who = current.staff_label())}</p>
            {(!narrower.is_empty()).then(|| view! {
                <PageForm action=limit class="inline-form">
                    <input type="hidden" name="code" value=limit_code/>
                    <input type="hidden" name="contribution" value=limit_id/>
                    <label for=field.clone()>{staff!(rights.fewer_people_may_see)}</label>
                    <select id=field.clone() name="consent">
                        {narrower
                            .into_iter()
                            .map(|consent| view! { <option value=consent.as_str()>{consent.staff_label()}</option> })
                            .collect_view()}
                    </select>
                    <ActionProblem action=limit/>
                    <button type="submit" class="button secondary">{staff!(rights.change)}</button>
                </PageForm>
            })}
        }
    });
    view! {
        {narrowing}
        <details class="moderate">
            <summary>{staff!(rights.erase_answer)}</summary>
            <PageForm action=erase class="staff-form">
                <input type="hidden" name="code" value=code/>
                <input type="hidden" name="answer" value=id/>
                <p>{staff!(rights.answer_any_picture_recording)}</p>
                <ActionProblem action=erase/>
                <button type="submit" class="worried-button">{staff!(rights.erase)}</button>
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
            <h2 id="log-heading">{staff!(rights.log_requests)}</h2>
            <p>{staff!(rights.what_asked_when_answered)}</p>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match log.await {
                        Ok(requests) if requests.is_empty() => view! { <p>{staff!(rights.no_requests_yet)}</p> }.into_any(),
                        Ok(requests) => view! {
                            <table class="exports rights-log">
                                <thead>
                                    <tr>
                                        <th scope="col">{staff!(rights.asked)}</th>
                                        <th scope="col">{staff!(common.what)}</th>
                                        <th scope="col">{staff!(rights.asked_by)}</th>
                                        <th scope="col">{staff!(rights.state)}</th>
                                        <th scope="col">{staff!(rights.answered)}</th>
                                        <th scope="col">{staff!(rights.days)}</th>
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
    let kind = request.kind.label();
    let what = match (request.kind, request.one_answer) {
        (RightsKind::Copy, _) => kind.to_owned(),
        (_, true) => staff!(rights.one_answer, kind),
        (_, false) => staff!(rights.whole_turn, kind),
    };
    let answered = match (&request.done_on, &request.decided_by) {
        (Some(on), Some(by)) => staff!(
            rights.decided_by,
            on,
            by,
            reason = request.decision_reason.clone().unwrap_or_default()
        ),
        (Some(on), None) => on.to_string(),
        (None, _) => staff!(common.not_yet).to_owned(),
    };
    let reason = format!("why-{}", request.id);
    let held = request.state == RequestState::Held;
    view! {
        <tr>
            <td>{request.asked_on.to_string()}</td>
            <td>{what}</td>
            <td>{request.by_staff.unwrap_or_else(|| staff!(rights.by_child).to_owned())}</td>
            <td>
                {request.state.label()}
                {(held && lead).then(|| view! {
                    <PageForm action=decide class="staff-form">
                        <input type="hidden" name="request" value=request.id.clone()/>
                        <fieldset>
                            <legend>{staff!(rights.decision)}</legend>
                            <label class="choice"><input type="radio" name="decision" value="erase" required/>{staff!(rights.erase_asked)}</label>
                            <label class="choice"><input type="radio" name="decision" value="keep"/>{staff!(rights.keep_now)}</label>
                        </fieldset>
                        <label for=reason.clone()>{staff!(common.why)}</label>
                        <input id=reason.clone() name="reason" required/>
                        <ActionProblem action=decide/>
                        <button type="submit">{staff!(common.record_the_decision)}</button>
                    </PageForm>
                })}
            </td>
            <td>{answered}</td>
            <td>{request.days}</td>
        </tr>
    }
}
