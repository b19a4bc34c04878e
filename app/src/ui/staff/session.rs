use super::space::SpaceRecordForm;
use super::StaffFrame;
use crate::api::facilitation::{
    load_session, CloseSession, DescribeContribution, ModerateContribution, RecordCommunication,
    SaveSpaceRecord, TagContribution,
};
use crate::api::safeguarding::RaiseConcern;
use crate::domain::triage::may_be_another_language;
use crate::domain::{
    Answer, Communicated, Contribution, EmojiScale, Language, SessionTally, SessionView, Theme,
    TodaySummary,
};
use crate::staff;
use crate::ui::components::{on_live_change, ActionProblem, Icon, Problem, TrailView};
use crate::ui::page_data;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    let close = ServerAction::<CloseSession>::new();
    let record = ServerAction::<RecordCommunication>::new();
    let save_space = ServerAction::<SaveSpaceRecord>::new();
    let session = page_data(
        move || {
            (
                params.read().get("session").unwrap_or_default(),
                close.version().get() + record.version().get() + save_space.version().get(),
            )
        },
        |(id, _)| load_session(id),
    );
    // While the page is open, each answer or concern in the session refreshes it (see api/live).
    on_live_change(
        move || {
            let id = params.read().get("session").unwrap_or_default();
            format!("/staff/sessions/{id}/live")
        },
        move || session.refetch(),
    );
    view! {
        <Title text=staff!(common.session)/>
        <StaffFrame>
            <Suspense fallback=|| view! { <p>{staff!(common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match session.await {
                        Ok(view) => view! { <Session view close record save_space/> }.into_any(),
                        Err(error) => view! { <Problem error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Session(
    view: SessionView,
    close: ServerAction<CloseSession>,
    record: ServerAction<RecordCommunication>,
    save_space: ServerAction<SaveSpaceRecord>,
) -> impl IntoView {
    let SessionView {
        summary,
        join_qr_svg,
        space,
        contributions,
        concerns,
        today,
        tally,
        themes,
    } = view;
    let id = summary.id.clone();
    let concerns = (!concerns.is_empty()).then(|| view! {
        <section class="concerns" aria-labelledby="concerns-heading">
            <h2 id="concerns-heading">{staff!(session.concerns_raised, count = concerns.len())}</h2>
            <p>{staff!(session.go_child_now_then)}</p>
            <ul>
                {concerns
                    .into_iter()
                    .map(|c| {
                        let who = if c.source == "child" { staff!(session.worried_child) } else { staff!(session.worried_staff) };
                        let raised = staff!(session.worry_raised, who, on = c.raised_at);
                        let line = match c.receipt_code {
                            Some(code) => staff!(session.worry_with_receipt, raised, code),
                            None => raised,
                        };
                        view! { <li>{line}</li> }
                    })
                    .collect_view()}
            </ul>
        </section>
    });
    view! {
        <h1>{summary.activity_title.clone()}</h1>
        <p>{staff!(session.where_when_who, place = summary.place, on = summary.held_on, facilitator = summary.facilitator)}</p>
        {concerns}
        {if let (true, Some(join_qr)) = (summary.open, join_qr_svg) {
            view! {
                <p class="join-code-label">{staff!(session.join_code)}</p>
                <p class="join-code" data-testid="join-code">{summary.join_code.clone()}</p>
                <p>{staff!(session.children_open_site_tablet)}</p>
                <div class="join-qr" role="img" aria-label=staff!(session.qr_code_opens_join) inner_html=join_qr></div>
                <ActionForm action=close attr:class="inline-form">
                    <input type="hidden" name="session" value=summary.id.clone()/>
                    <ActionProblem action=close/>
                    <button type="submit">{staff!(session.close_session)}</button>
                </ActionForm>
            }
            .into_any()
        } else {
            view! { <p>{staff!(session.session_closed)}</p> }.into_any()
        }}
        <TallyView tally closed=!summary.open/>
        <SpaceRecordForm session=id.clone() record=space closed=!summary.open save=save_space/>
        <h2>{staff!(session.what_children_said, count = contributions.len())}</h2>
        <p><a href=format!("/staff/sessions/{id}")>{staff!(session.refresh)}</a></p>
        <ol class="contributions">
            {contributions
                .into_iter()
                .map(|c| view! { <ContributionItem c session=id.clone() themes=themes.clone() record/> })
                .collect_view()}
        </ol>
        <TodayView today/>
    }
}

#[component]
fn ContributionItem(
    c: Contribution,
    session: String,
    themes: Vec<Theme>,
    record: ServerAction<RecordCommunication>,
) -> impl IntoView {
    let field = format!("communicated-{}", c.id);
    let (translation, lang) = (c.translation(), c.lang());
    let (worry_session, worry_contribution) = (session.clone(), c.id.clone());
    let how = view! {
        <ActionForm action=record attr:class="inline-form communicated">
            <input type="hidden" name="session" value=session/>
            <input type="hidden" name="contribution" value=c.id.clone()/>
            <label for=field.clone()>{staff!(session.how_child_answered)}</label>
            <select id=field name="communicated">
                {[Communicated::OwnWords, Communicated::Supported, Communicated::Interpreted]
                    .into_iter()
                    .map(|option| view! {
                        <option value=option.as_str() selected=option == c.communicated>
                            {option.label()}
                        </option>
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button secondary">{staff!(common.save)}</button>
        </ActionForm>
    };
    let media = c.answer.media().map(|media| {
        let source = format!("/staff/media/{}", media.media_id);
        let shown = match c.answer {
            Answer::Audio(_) => view! {
                <audio
                    controls
                    preload="none"
                    src=source
                    aria-label=staff!(session.recording_for, question = c.prompt)
                ></audio>
            }
            .into_any(),
            _ => {
                let alt = if matches!(c.answer, Answer::Drawing(_)) {
                    staff!(session.drawing_for, question = c.prompt)
                } else {
                    staff!(session.photo_for, question = c.prompt)
                };
                view! {
                    <a href=source.clone()>
                        <img
                            class="thumbnail"
                            src=format!("{source}/thumb")
                            alt=alt
                        />
                    </a>
                }
                .into_any()
            }
        };
        view! {
            <p>
                {shown}
                <br/>
                {staff!(common.who_may_see, who = media.consent.staff_label())}
            </p>
        }
    });
    let moderate = ServerAction::<ModerateContribution>::new();
    let hidden = c.hidden_reason.clone();
    let reason_field = format!("hide-{worry_contribution}");
    let (moderated_session, moderated) = (worry_session.clone(), worry_contribution.clone());
    let moderation = view! {
        {hidden.clone().map(|reason| view! {
            <p class="hidden-note">{staff!(session.hidden_because, reason)}</p>
        })}
        <details class="moderate">
            <summary>{if hidden.is_some() { staff!(session.show_again_summary) } else { staff!(session.hide_summary) }}</summary>
            <ActionForm action=moderate attr:class="staff-form">
                <input type="hidden" name="session" value=moderated_session/>
                <input type="hidden" name="contribution" value=moderated/>
                <input type="hidden" name="hide" value=hidden.is_none().to_string()/>
                <label for=reason_field.clone()>{staff!(common.why)}</label>
                <input id=reason_field name="reason"/>
                <ActionProblem action=moderate/>
                <button type="submit" class="button secondary">
                    {if hidden.is_some() { staff!(session.show_again) } else { staff!(session.hide) }}
                </button>
            </ActionForm>
        </details>
    };
    let (session, contribution_id) = (worry_session.clone(), worry_contribution.clone());
    let describe = match &c.answer {
        Answer::Text(text) => {
            let unchecked = c.translated_from.is_none()
                && (c.page_language != Language::English || may_be_another_language(text));
            // Most children write in the language of their pages.
            let from = c.translated_from.or(Some(c.page_language));
            Some(view! {
                {unchecked.then(|| view! {
                    <p class="hidden-note">{staff!(session.may_another_language_other)}</p>
                })}
                <TranslateForm session=session.clone() contribution=contribution_id.clone() shown=translation current=c.description.clone() from/>
            }.into_any())
        }
        Answer::Audio(_) => Some(view! {
            <TranscribeForm
                session=session.clone()
                contribution=contribution_id.clone()
                shown=translation.or_else(|| c.description.as_ref().map(|text| staff!(session.transcript, text)))
                current=c.description.clone()
                spoken_in=c.translated_from.unwrap_or(c.page_language)
            />
        }.into_any()),
        answer if answer.media().is_some() => Some(view! {
            <DescribeForm session=session.clone() contribution=contribution_id.clone() current=c.description.clone()/>
        }.into_any()),
        _ => None,
    };
    let tags =
        view! { <ThemeTags session contribution=contribution_id themes tagged=c.themes.clone()/> };
    let raise = ServerAction::<RaiseConcern>::new();
    let note_field = format!("concern-{worry_contribution}");
    let worry = view! {
        <details class="raise-concern">
            <summary>{staff!(session.raise_safeguarding_concern_about)}</summary>
            <ActionForm action=raise attr:class="staff-form">
                <input type="hidden" name="session" value=worry_session/>
                <input type="hidden" name="contribution" value=worry_contribution/>
                <label for=note_field.clone()>{staff!(session.what_worries)}</label>
                <textarea id=note_field name="note" rows="2"></textarea>
                <ActionProblem action=raise/>
                <button type="submit">{staff!(session.raise_concern)}</button>
            </ActionForm>
        </details>
    };
    let pages_in = (c.page_language != Language::English)
        .then(|| staff!(session.pages_were_in, language = c.page_language.label()));
    view! {
        <li class="contribution">
            <p class="prompt">{c.prompt}</p>
            {pages_in.map(|note| view! { <p class="small">{note}</p> })}
            <p class="answer" lang=lang>{c.answer.describe()}</p>
            {media}
            {describe}
            <TrailView trail=c.trail/>
            {tags}
            {how}
            {moderation}
            {worry}
        </li>
    }
}

/// "How was today?": the children's own evaluation of Space and Voice in this session.
#[component]
fn TodayView(today: TodaySummary) -> impl IntoView {
    let rows = |counts: [i64; 5]| {
        EmojiScale::POINTS
            .iter()
            .zip(counts)
            .map(|((_, face, word), count)| {
                view! {
                    <td><Icon symbol=*face/>" "{staff!(evidence.counted, what = word, count)}</td>
                }
            })
            .collect_view()
    };
    view! {
        <h2>{staff!(session.how_was_today, count = today.answers())}</h2>
        <table class="today">
            <tbody>
                <tr><th scope="row">{staff!(session.felt_listened)}</th>{rows(today.listened)}</tr>
                <tr><th scope="row">{staff!(session.could_say_what_they)}</th>{rows(today.could_say)}</tr>
            </tbody>
        </table>
    }
}

/// A description of a picture beside the child's original.
#[component]
fn DescribeForm(session: String, contribution: String, current: Option<String>) -> impl IntoView {
    let save = ServerAction::<DescribeContribution>::new();
    let field = format!("describe-{contribution}");
    view! {
        {current.clone().map(|text| view! { <p class="description">{staff!(session.description_is, text)}</p> })}
        <details class="describe">
            <summary>{if current.is_some() { staff!(session.change_description) } else { staff!(session.add_description) }}</summary>
            <ActionForm action=save attr:class="staff-form">
                <input type="hidden" name="session" value=session/>
                <input type="hidden" name="contribution" value=contribution/>
                <label for=field.clone()>{staff!(session.description)}</label>
                <p class="hint">{staff!(session.what_picture_shows_people)}</p>
                <textarea id=field name="text" rows="3">{current.unwrap_or_default()}</textarea>
                <ActionProblem action=save/>
                <button type="submit" class="button secondary">{staff!(session.save_description)}</button>
            </ActionForm>
        </details>
    }
}

/// What a child said in a recording, beside it: word for word when they spoke English, an
/// English translation when they spoke another language (the recording stays as it is).
#[component]
fn TranscribeForm(
    session: String,
    contribution: String,
    shown: Option<String>,
    current: Option<String>,
    spoken_in: Language,
) -> impl IntoView {
    let save = ServerAction::<DescribeContribution>::new();
    let field = format!("transcribe-{contribution}");
    let language_field = format!("spoken-in-{contribution}");
    view! {
        {shown.map(|text| view! { <p class="description">{text}</p> })}
        <details class="describe">
            <summary>{if current.is_some() { staff!(session.change_transcript) } else { staff!(session.add_transcript) }}</summary>
            <ActionForm action=save attr:class="staff-form">
                <input type="hidden" name="session" value=session/>
                <input type="hidden" name="contribution" value=contribution/>
                <label for=language_field.clone()>{staff!(session.spoken_in)}</label>
                <select id=language_field name="translated_from">
                    {language_options(Language::ALL.iter().copied(), Some(spoken_in))}
                </select>
                <label for=field.clone()>{staff!(common.what_child_said)}</label>
                <p class="hint">{staff!(session.word_word_they_spoke)}</p>
                <textarea id=field name="text" rows="3">{current.unwrap_or_default()}</textarea>
                <ActionProblem action=save/>
                <button type="submit" class="button secondary">{staff!(session.save_what_child_said)}</button>
            </ActionForm>
        </details>
    }
}

/// An English translation beside what a child wrote in another language: the child's words
/// stay as they are, labelled with their language.
#[component]
fn TranslateForm(
    session: String,
    contribution: String,
    shown: Option<String>,
    current: Option<String>,
    from: Option<Language>,
) -> impl IntoView {
    let save = ServerAction::<DescribeContribution>::new();
    let field = format!("translate-{contribution}");
    let language_field = format!("written-in-{contribution}");
    let others = Language::ALL
        .iter()
        .copied()
        .filter(|language| *language != Language::English);
    view! {
        {shown.map(|text| view! { <p class="description">{text}</p> })}
        <details class="describe">
            <summary>{if current.is_some() { staff!(session.change_translation) } else { staff!(session.add_translation) }}</summary>
            <ActionForm action=save attr:class="staff-form">
                <input type="hidden" name="session" value=session/>
                <input type="hidden" name="contribution" value=contribution/>
                <label for=language_field.clone()>{staff!(session.written_in)}</label>
                <select id=language_field name="translated_from">{language_options(others, from)}</select>
                <label for=field.clone()>{staff!(session.in_english)}</label>
                <p class="hint">{staff!(session.what_child_wrote_english)}</p>
                <textarea id=field name="text" rows="3">{current.unwrap_or_default()}</textarea>
                <ActionProblem action=save/>
                <button type="submit" class="button secondary">{staff!(session.save_translation)}</button>
            </ActionForm>
        </details>
    }
}

fn language_options(
    languages: impl Iterator<Item = Language>,
    selected: Option<Language>,
) -> impl IntoView {
    languages
        .map(|language| {
            let name = language.label();
            view! {
                <option value=language.as_str() selected=selected == Some(language)>
                    {format!("{}{}", name[..1].to_uppercase(), &name[1..])}
                </option>
            }
        })
        .collect_view()
}

/// The contribution's themes, chosen from the activity's list.
#[component]
fn ThemeTags(
    session: String,
    contribution: String,
    themes: Vec<Theme>,
    tagged: Vec<Theme>,
) -> impl IntoView {
    let tag = ServerAction::<TagContribution>::new();
    let names: Vec<String> = tagged.iter().map(|t| t.name.clone()).collect();
    let shown = (!names.is_empty()).then(
        || view! { <p class="themes">{staff!(hearing.themes, themes = names.join(", "))}</p> },
    );
    if themes.is_empty() {
        return shown.into_any();
    }
    let boxes = themes
        .into_iter()
        .map(|theme| {
            let checked = tagged.iter().any(|t| t.id == theme.id);
            view! {
                <label class="choice">
                    <input type="checkbox" name="themes[]" value=theme.id checked=checked/>
                    {theme.name}
                </label>
            }
        })
        .collect_view();
    view! {
        {shown}
        <details class="tag">
            <summary>{staff!(common.themes)}</summary>
            <ActionForm action=tag attr:class="staff-form">
                <input type="hidden" name="session" value=session/>
                <input type="hidden" name="contribution" value=contribution/>
                <fieldset class="choices">
                    <legend>{staff!(session.which_themes_about)}</legend>
                    {boxes}
                </fieldset>
                <ActionProblem action=tag/>
                <button type="submit" class="button secondary">{staff!(session.save_themes)}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

/// The session in numbers: while it runs, and as its closing summary.
#[component]
fn TallyView(tally: SessionTally, closed: bool) -> impl IntoView {
    let rows = |counts: Vec<(String, i64)>| {
        counts
            .into_iter()
            .map(|(name, n)| view! { <tr><th scope="row">{name}</th><td>{n}</td></tr> })
            .collect_view()
    };
    let table = |caption: &'static str, what: &'static str, counts: Vec<(String, i64)>| {
        (!counts.is_empty()).then(|| view! {
            <table class="tally">
                <caption>{caption}</caption>
                <thead><tr><th scope="col">{what}</th><th scope="col">{staff!(session.answers)}</th></tr></thead>
                <tbody>{rows(counts)}</tbody>
            </table>
        })
    };
    view! {
        <section aria-labelledby="tally-heading">
            <h2 id="tally-heading">{if closed { staff!(session.closing_summary) } else { staff!(session.so_far) }}</h2>
            <p>{match tally.children {
                1 => staff!(session.one_child).to_owned(),
                count => staff!(session.children_took_part, count),
            }}</p>
            {table(staff!(session.by_way), staff!(session.way), tally.by_mode)}
            {table(staff!(session.by_question), staff!(common.question), tally.by_prompt)}
            {table(staff!(session.by_theme), staff!(session.theme), tally.by_theme)}
        </section>
    }
}
