//! Hearings (Audience): the list, building a pack and presenting it, members saying they heard
//! it, and the forums' membership.

use super::StaffFrame;
use crate::api::audience::{
    forum_members, hearings, load_hearing, AcknowledgeHearing, AddForumMember, AddToHearing,
    CreateHearing, PresentHearing, RemoveForumMember, RemoveFromHearing, SetHearingSummary,
};
use crate::domain::{Answer, Contribution, HearingSummary, HearingWork, MediaConsent};
use crate::staff;
use crate::ui::components::{ActionProblem, Problem};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn HearingsPage() -> impl IntoView {
    let create = ServerAction::<CreateHearing>::new();
    let list = page_data(|| (), |_| hearings());
    view! {
        <Title text=staff!(hearing.hearings)/>
        <StaffFrame>
            <h1>{staff!(hearing.hearings)}</h1>
            <p>{staff!(hearing.hearing_takes_what_children)}</p>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    let list = match list.await {
                        Ok(list) => list,
                        Err(error) => return view! { <Problem error/> }.into_any(),
                    };
                    let waiting = (!list.to_acknowledge.is_empty()).then(|| view! {
                        <section class="card" aria-labelledby="waiting-heading">
                            <h2 id="waiting-heading">{staff!(hearing.for_you_to_acknowledge)}</h2>
                            <HearingLinks hearings=list.to_acknowledge/>
                        </section>
                    });
                    let build = list.can_build.then(|| view! {
                        <details class="card">
                            <summary>{staff!(hearing.build_new_hearing_pack)}</summary>
                            <ActionForm action=create attr:class="staff-form">
                                <label for="hearing-forum">{staff!(common.forum)}</label>
                                <select id="hearing-forum" name="forum">
                                    {list.forums.into_iter().map(|f| view! { <option value=f.id>{f.name}</option> }).collect_view()}
                                </select>
                                <label for="hearing-title">{staff!(common.title)}</label>
                                <input id="hearing-title" name="title" placeholder=staff!(hearing.e_g_short_breaks)/>
                                <label for="hearing-date">{staff!(hearing.date_meeting)}</label>
                                <input id="hearing-date" name="held_on" type="date"/>
                                <ActionProblem action=create/>
                                <button type="submit">{staff!(hearing.start_pack)}</button>
                            </ActionForm>
                        </details>
                    });
                    view! {
                        {waiting}
                        {build}
                        <h2>{staff!(hearing.all_hearings)}</h2>
                        <HearingLinks hearings=list.hearings/>
                    }
                    .into_any()
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn HearingLinks(hearings: Vec<HearingSummary>) -> impl IntoView {
    if hearings.is_empty() {
        return view! { <p>{staff!(common.none_yet)}</p> }.into_any();
    }
    view! {
        <ul class="cards">
            {hearings
                .into_iter()
                .map(|h| view! {
                    <li>
                        <a href=format!("/staff/hearings/{}", h.id)>{h.title}</a>
                        {staff!(
                            hearing.list_line,
                            forum = h.forum,
                            on = h.held_on,
                            count = h.items,
                            state = if h.presented {
                                staff!(hearing.presented_heard, count = h.acknowledged)
                            } else {
                                staff!(hearing.being_built).to_owned()
                            },
                        )}
                    </li>
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn HearingPage() -> impl IntoView {
    let params = use_params_map();
    let add = ServerAction::<AddToHearing>::new();
    let remove = ServerAction::<RemoveFromHearing>::new();
    let present = ServerAction::<PresentHearing>::new();
    let summary = ServerAction::<SetHearingSummary>::new();
    let acknowledge = ServerAction::<AcknowledgeHearing>::new();
    let work = page_data(
        move || {
            (
                params.read().get("hearing").unwrap_or_default(),
                add.version().get()
                    + remove.version().get()
                    + present.version().get()
                    + summary.version().get()
                    + acknowledge.version().get(),
            )
        },
        |(id, _)| load_hearing(id),
    );
    view! {
        <Title text=staff!(hearing.hearing)/>
        <StaffFrame>
            <ActionProblem action=add/>
            <ActionProblem action=remove/>
            <ActionProblem action=present/>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match work.await {
                        Ok(work) => view! { <Hearing work add remove present summary acknowledge/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Hearing(
    work: HearingWork,
    add: ServerAction<AddToHearing>,
    remove: ServerAction<RemoveFromHearing>,
    present: ServerAction<PresentHearing>,
    summary: ServerAction<SetHearingSummary>,
    acknowledge: ServerAction<AcknowledgeHearing>,
) -> impl IntoView {
    let HearingWork {
        hearing,
        candidates,
        can_build,
        is_member,
    } = work;
    let head = hearing.summary.clone();
    let id = head.id.clone();
    let (id_summary, id_present, id_heard) = (id.clone(), id.clone(), id.clone());
    let state = if head.presented {
        staff!(hearing.presented_to, forum = head.forum, on = head.held_on)
    } else {
        staff!(
            hearing.being_built_for,
            forum = head.forum,
            on = head.held_on
        )
    };
    let themes = (!hearing.themes.is_empty()).then(|| {
        let names: Vec<String> = hearing
            .themes
            .iter()
            .map(|(name, n)| staff!(common.counted_in_brackets, what = name, count = n))
            .collect();
        view! { <p>{staff!(hearing.themes, themes = names.join(", "))}</p> }
    });
    let summary_part = if can_build {
        view! {
            <ActionForm action=summary attr:class="staff-form">
                <input type="hidden" name="hearing" value=id_summary/>
                <label for="hearing-summary">{staff!(hearing.summary_forum)}</label>
                <textarea id="hearing-summary" name="summary" rows="4">{hearing.text.clone()}</textarea>
                <ActionProblem action=summary/>
                <button type="submit" class="button secondary">{staff!(hearing.save_summary)}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! { <p class="summary">{hearing.text.clone()}</p> }.into_any()
    };
    let already_heard = hearing
        .members
        .iter()
        .any(|m| m.heard_on.is_some() && is_member);
    let items = hearing
        .items
        .into_iter()
        .map(|c| {
            let (hearing_id, contribution_id) = (id.clone(), c.id.clone());
            let removal = can_build.then(|| {
                view! {
                    <ActionForm action=remove attr:class="inline-form">
                        <input type="hidden" name="hearing" value=hearing_id/>
                        <input type="hidden" name="contribution" value=contribution_id/>
                        <button type="submit" class="button secondary">{staff!(hearing.take_out)}</button>
                    </ActionForm>
                }
            });
            view! { <li class="contribution"><PackItem c/>{removal}</li> }
        })
        .collect_view();
    let candidates = can_build.then(|| {
        let choices = candidates
            .into_iter()
            .map(|c| {
                let (hearing_id, contribution_id) = (id.clone(), c.id.clone());
                let add_it = view! {
                    <ActionForm action=add attr:class="inline-form">
                        <input type="hidden" name="hearing" value=hearing_id/>
                        <input type="hidden" name="contribution" value=contribution_id/>
                        <button type="submit" class="button secondary">{staff!(hearing.add_to_pack)}</button>
                    </ActionForm>
                };
                view! { <li class="contribution"><PackItem c/>{add_it}</li> }
            })
            .collect_view();
        view! {
            <section aria-labelledby="candidates-heading">
                <h2 id="candidates-heading">{staff!(hearing.what_could_go)}</h2>
                <p>{staff!(hearing.only_what_decision_makers)}</p>
                <ol class="contributions">{choices}</ol>
            </section>
        }
    });
    let present_it = can_build.then(|| {
        view! {
            <ActionForm action=present attr:class="inline-form">
                <input type="hidden" name="hearing" value=id_present/>
                <button type="submit">{staff!(hearing.mark_pack_presented)}</button>
            </ActionForm>
        }
    });
    let heard_it = (is_member && head.presented).then(|| view! {
        <section class="card" aria-labelledby="ack-heading">
            <h2 id="ack-heading">{if already_heard { "You said you heard it" } else { "Did you hear it?" }}</h2>
            <ActionForm action=acknowledge attr:class="staff-form">
                <input type="hidden" name="hearing" value=id_heard/>
                <label for="ack-response">{staff!(hearing.response_childrens_views_optional)}</label>
                <textarea id="ack-response" name="response" rows="3"></textarea>
                <ActionProblem action=acknowledge/>
                <button type="submit">{if already_heard { "Update my response" } else { "I heard what the children said" }}</button>
            </ActionForm>
        </section>
    });
    view! {
        <h1>{head.title.clone()}</h1>
        <p>{state}</p>
        {summary_part}
        {themes}
        {heard_it}
        <h2>{staff!(hearing.in_pack, count = head.items)}</h2>
        <ol class="contributions">{items}</ol>
        {present_it}
        <h2>{staff!(hearing.who_heard)}</h2>
        <table class="members">
            <thead><tr><th scope="col">{staff!(hearing.member)}</th><th scope="col">{staff!(hearing.heard_it)}</th><th scope="col">{staff!(hearing.response)}</th></tr></thead>
            <tbody>
                {hearing
                    .members
                    .into_iter()
                    .map(|m| view! {
                        <tr>
                            <td>{m.member}</td>
                            <td>{m.heard_on.map_or_else(|| staff!(common.not_yet).to_owned(), |day| day.to_string())}</td>
                            <td>{m.response}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
        {candidates}
    }
}

/// A contribution in a pack: the question, the child's answer, a picture with its description,
/// a recording with its transcript or writing with its translation, and its themes.
#[component]
fn PackItem(c: Contribution) -> impl IntoView {
    let media = c.answer.media().map(|media| {
        let source = format!("/staff/media/{}", media.media_id);
        // Packs only take media decision makers may see; a narrower consent now means the child
        // took it back after the pack was made.
        if media.consent == MediaConsent::Team {
            return view! {
                <p class="hidden-note">{staff!(hearing.pack_child_has_since)}</p>
            }
            .into_any();
        }
        match c.answer {
            Answer::Audio(_) => view! {
                <audio controls preload="none" src=source aria-label=staff!(hearing.recording_for, question = c.prompt)></audio>
            }
            .into_any(),
            _ => view! {
                <img
                    class="thumbnail"
                    src=format!("{source}/thumb")
                    alt=c.description.clone().unwrap_or_else(|| staff!(hearing.picture_for, question = c.prompt))
                />
            }
            .into_any(),
        }
    });
    let themes: Vec<String> = c.themes.iter().map(|t| t.name.clone()).collect();
    view! {
        <p class="prompt">{c.prompt.clone()}</p>
        <p class="answer" lang=c.lang()>{c.answer.describe()}</p>
        {media}
        {c.translation().or_else(|| c.description.clone()).map(|text| view! { <p class="description">{text}</p> })}
        {(!themes.is_empty()).then(|| view! { <p class="themes">{format!("Themes: {}", themes.join(", "))}</p> })}
    }
}

/// Who sits on each forum: members acknowledge the hearings presented to it.
#[component]
pub fn ForumsPage() -> impl IntoView {
    let add = ServerAction::<AddForumMember>::new();
    let remove = ServerAction::<RemoveForumMember>::new();
    let forums = page_data(
        move || add.version().get() + remove.version().get(),
        |_| forum_members(),
    );
    view! {
        <Title text=staff!(hearing.forums)/>
        <StaffFrame>
            <h1>{staff!(common.forums_their_members)}</h1>
            <ActionProblem action=add/>
            <ActionProblem action=remove/>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    let (forums, accounts) = match forums.await {
                        Ok(found) => found,
                        Err(error) => return view! { <Problem error/> }.into_any(),
                    };
                    forums
                        .into_iter()
                        .map(|(forum, members)| {
                            let field = format!("member-{}", forum.id);
                            let forum_id = forum.id.clone();
                            let options = accounts
                                .iter()
                                .map(|a| view! { <option value=a.id.clone()>{a.email.clone()}</option> })
                                .collect_view();
                            view! {
                                <section class="card">
                                    <h2>{forum.name}</h2>
                                    <ul>
                                        {members
                                            .into_iter()
                                            .map(|m| {
                                                let forum_id = forum_id.clone();
                                                let label = staff!(hearing.remove_member, email = m.email);
                                                view! {
                                                    <li>
                                                        {m.email.clone()}
                                                        <ActionForm action=remove attr:class="inline-form">
                                                            <input type="hidden" name="forum" value=forum_id.clone()/>
                                                            <input type="hidden" name="account" value=m.id/>
                                                            <button type="submit" class="link-button" aria-label=label>{staff!(common.remove)}</button>
                                                        </ActionForm>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    <ActionForm action=add attr:class="staff-form">
                                        <input type="hidden" name="forum" value=forum.id.clone()/>
                                        <label for=field.clone()>{staff!(hearing.add_member)}</label>
                                        <select id=field name="account">{options}</select>
                                        <button type="submit" class="button secondary">{staff!(hearing.add)}</button>
                                    </ActionForm>
                                </section>
                            }
                        })
                        .collect_view()
                        .into_any()
                })}
            </Suspense>
        </StaffFrame>
    }
}
