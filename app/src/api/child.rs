#[cfg(feature = "ssr")]
use crate::domain::ProblemCode;
use crate::domain::{PromptPage, Receipt, ThankYou, Welcome};
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn join_session(code: String) -> Result<(), AppError> {
    use crate::{auth, data::session};
    let language = crate::domain::Language::of_child_pages();
    match session::join_limited(&auth::db()?, &code, &auth::client_address(), language).await {
        Ok(participation) => {
            leptos_axum::redirect(&format!("/take/{participation}/welcome"));
            Ok(())
        }
        Err(refused) => {
            let refused = AppError::from(refused);
            back_keeping_code(&refused, &code);
            Err(refused)
        }
    }
}

/// A join form posted as a whole page goes back to its page with the error, as every form does;
/// here the typed code goes back too, so a child who mistyped one letter corrects it instead of
/// typing it all again.
#[cfg(feature = "ssr")]
fn back_keeping_code(error: &AppError, typed: &str) {
    use axum::http::{header, request::Parts};
    use leptos::server_fn::error::ServerFnUrlError;
    use leptos::server_fn::ServerFn;
    let Some(parts) = use_context::<Parts>() else {
        return;
    };
    let accepts_html = parts
        .headers
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.contains("text/html"));
    let referer = parts
        .headers
        .get(header::REFERER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| url::Url::parse(value).ok());
    let (true, Some(mut back)) = (accepts_html, referer) else {
        return;
    };
    let code: String = crate::data::codes::typed_join_code(typed)
        .chars()
        .take(16)
        .collect();
    let kept: Vec<(String, String)> = back
        .query_pairs()
        .filter(|(key, _)| !matches!(key.as_ref(), "code" | "__path" | "__err"))
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    back.query_pairs_mut()
        .clear()
        .extend_pairs(kept)
        .append_pair("code", &code);
    if let Ok(url) = ServerFnUrlError::new(JoinSession::PATH, error.clone()).to_url(back.as_str()) {
        leptos_axum::redirect(url.as_str());
    }
}

#[server]
pub async fn load_welcome(participation: String) -> Result<Welcome, AppError> {
    use crate::{auth, data::contribution};
    Ok(contribution::welcome(&auth::db()?, &participation).await?)
}

#[server]
pub async fn agree(
    participation: String,
    /// The child's age band, when they chose to give it.
    #[server(default)]
    age: String,
) -> Result<(), AppError> {
    use crate::{auth, data::contribution, domain::AgeBand};
    let age_band = match age.trim() {
        "" => None,
        band => Some(AgeBand::parse(band).ok_or_else(|| AppError::Coded(ProblemCode::ChooseAge))?),
    };
    contribution::assent(&auth::db()?, &participation, age_band).await?;
    leptos_axum::redirect(&format!("/take/{participation}/1"));
    Ok(())
}

#[server]
pub async fn load_prompt(participation: String, position: i64) -> Result<PromptPage, AppError> {
    use crate::{auth, data::contribution};
    Ok(contribution::prompt_page(&auth::db()?, &participation, position).await?)
}

/// One answer from the tablet. `declined` is set by the "I'd rather not say" button; `way` is
/// the answer mode the child picked when the prompt offers more than one.
#[server]
pub async fn submit_answer(
    participation: String,
    prompt: String,
    contribution: String,
    way: Option<String>,
    scale: Option<i64>,
    text: Option<String>,
    /// The chosen options' positions, from `choice[]` checkboxes or radios.
    #[server(default)]
    choice: Vec<i64>,
    declined: Option<String>,
    communicated: Option<String>,
) -> Result<(), AppError> {
    use crate::data::{
        activity,
        contribution::{self, NewContribution},
    };
    use crate::domain::{Answer, AnswerMode};
    let db = crate::auth::db()?;
    // The prompt decides what kind of answer is valid, so look it up before parsing.
    let prompt = activity::prompt(&db, &prompt).await?;
    let answer = if declined.is_some() {
        Answer::Declined
    } else {
        let mode = match way.as_deref() {
            Some(way) => AnswerMode::parse(way).ok_or(AppError::Coded(ProblemCode::ChooseWay))?,
            None => prompt.modes[0],
        };
        let parsed = if mode == AnswerMode::Choice {
            Answer::parse_choice(&prompt, &choice)
        } else {
            Answer::parse(mode, prompt.scale_points, scale, text.as_deref())
        };
        parsed.map_err(|e| AppError::Coded(ProblemCode::Answer(e)))?
    };
    let new = NewContribution {
        id: contribution,
        participation_id: participation.clone(),
        prompt_id: prompt.id,
        answer,
        communicated: super::communicated(communicated.as_deref())?,
    };
    let after = contribution::submit(&db, new, None).await?;
    leptos_axum::redirect(&super::next_page(&participation, after));
    Ok(())
}

/// "I'm worried", pressed on a child's screen during their turn. `back` is the page they were
/// on, so they can return to it; `request` identifies the press, so a resend is not a second
/// concern.
#[server]
pub async fn raise_worry(
    participation: String,
    back: String,
    request: Option<String>,
) -> Result<(), AppError> {
    use crate::{auth, data::concern};
    concern::raise_by_child(&auth::db()?, &participation, request.as_deref()).await?;
    let back = super::safe_step(&back);
    leptos_axum::redirect(&format!("/take/{participation}/worried?back={back}"));
    Ok(())
}

#[server]
pub async fn record_today(
    participation: String,
    listened: Option<i64>,
    could_say: Option<i64>,
) -> Result<(), AppError> {
    use crate::{auth, data::evaluation};
    evaluation::record(&auth::db()?, &participation, listened, could_say).await?;
    leptos_axum::redirect(&format!("/take/{participation}/done"));
    Ok(())
}

#[server]
pub async fn finished_turn(participation: String) -> Result<ThankYou, AppError> {
    use crate::{auth, data::contribution};
    let finished = contribution::finished(&auth::db()?, &participation).await?;
    let address = format!("{}/receipt/{}", auth::site_origin()?, finished.receipt_code);
    let receipt_qr_svg = crate::qr::svg(&address).map_err(|error| {
        tracing::error!(%error, "receipt QR code failed");
        AppError::Internal
    })?;
    Ok(ThankYou {
        finished,
        receipt_qr_svg,
    })
}

/// "Next person": ends the turn on this tablet and goes back to a clean start, with the
/// display as it was before this child changed it.
#[server]
pub async fn next_person(participation: String) -> Result<(), AppError> {
    use crate::{auth, data::contribution};
    contribution::hand_over(&auth::db()?, &participation).await?;
    auth::reset_display()?;
    auth::reset_page_language()?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Bigger text or high contrast, from the buttons on every child screen; back to `back`.
#[server]
pub async fn change_display(large: bool, contrast: bool, back: String) -> Result<(), AppError> {
    use crate::{auth, domain::Display};
    auth::set_display(Display {
        large_text: large,
        high_contrast: contrast,
    })?;
    go_back(&back);
    Ok(())
}

/// The language of the child's pages, from the choice on the join, welcome, receipt and board
/// pages; kept for this turn, and on the turn itself so staff know it.
#[server]
pub async fn change_language(
    language: String,
    #[server(default)] participation: String,
    back: String,
) -> Result<(), AppError> {
    use crate::{auth, data::contribution, domain::Language};
    let language = Language::for_pages(&language)
        .ok_or_else(|| AppError::Coded(ProblemCode::LanguageUnknown))?;
    if !participation.is_empty() {
        contribution::choose_language(&auth::db()?, &participation, language).await?;
    }
    auth::set_page_language(language)?;
    go_back(&back);
    Ok(())
}

/// Back to the page a choice was made on: only a path on this site, never somewhere a crafted
/// link chose.
#[cfg(feature = "ssr")]
fn go_back(back: &str) {
    let safe = back.starts_with('/')
        && !back.starts_with("//")
        && back
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_?=&".contains(c));
    leptos_axum::redirect(if safe { back } else { "/" });
}

/// A receipt code typed on the lookup page; wrong codes are counted per address.
#[server]
pub async fn open_receipt(code: String) -> Result<(), AppError> {
    use crate::{auth, data::rights};
    let turn = rights::find_turn(&auth::db()?, &code, &auth::client_address()).await?;
    leptos_axum::redirect(&format!("/receipt/{}", turn.code));
    Ok(())
}

#[server]
pub async fn load_receipt(code: String) -> Result<Receipt, AppError> {
    use crate::{auth, data::contribution, data::rights, data::translation};
    let db = auth::db()?;
    let turn = rights::find_turn(&db, &code, &auth::client_address()).await?;
    let mut receipt = contribution::receipt(&db, &turn.code).await?;
    translation::receipt_in(&db, &mut receipt, crate::domain::Language::of_child_pages()).await?;
    Ok(receipt)
}

/// "Did we get it right?" from the receipt page: the receipt code is the child's key.
#[server]
pub async fn reply_to_feedback(
    code: String,
    decision: String,
    scale: Option<i64>,
) -> Result<(), AppError> {
    use crate::{auth, data::feedback, data::rights};
    let value = scale.ok_or_else(|| AppError::Coded(ProblemCode::ChooseFace))?;
    let db = auth::db()?;
    let turn = rights::find_turn(&db, &code, &auth::client_address()).await?;
    feedback::reply(&db, &turn.code, &decision, value).await?;
    leptos_axum::redirect(&format!("/receipt/{}#decision-{decision}", turn.code));
    Ok(())
}

/// The public board of "you said, we did".
#[server]
pub async fn load_board() -> Result<Vec<crate::domain::BoardItem>, AppError> {
    use crate::{auth, data::feedback, data::translation};
    let db = auth::db()?;
    let mut board = feedback::board(&db).await?;
    translation::board_in(&db, &mut board, crate::domain::Language::of_child_pages()).await?;
    Ok(board)
}
