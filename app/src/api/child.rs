use crate::domain::{Finished, PromptPage, Receipt};
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn join_session(code: String) -> Result<(), AppError> {
    use crate::{auth, data::contribution};
    let participation = contribution::join(&auth::db()?, &code).await?;
    leptos_axum::redirect(&format!("/take/{participation}/1"));
    Ok(())
}

#[server]
pub async fn load_prompt(participation: String, position: i64) -> Result<PromptPage, AppError> {
    use crate::{auth, data::contribution};
    Ok(contribution::prompt_page(&auth::db()?, &participation, position).await?)
}

#[server]
pub async fn submit_answer(
    participation: String,
    prompt: String,
    contribution: String,
    scale: Option<i64>,
    text: Option<String>,
) -> Result<(), AppError> {
    use crate::data::contribution::{self, AfterAnswer, NewContribution};
    use crate::domain::{Answer, Communicated};
    let db = crate::auth::db()?;
    // The prompt decides what kind of answer is valid, so look it up before parsing.
    let mode = crate::data::activity::prompt_mode(&db, &prompt).await?;
    let answer = Answer::parse(mode, scale, text.as_deref())
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let new = NewContribution {
        id: contribution,
        participation_id: participation.clone(),
        prompt_id: prompt,
        answer,
        communicated: Communicated::OwnWords,
    };
    match contribution::submit(&db, new).await? {
        AfterAnswer::NextPrompt(position) => {
            leptos_axum::redirect(&format!("/take/{participation}/{position}"))
        }
        AfterAnswer::Finished => leptos_axum::redirect(&format!("/take/{participation}/done")),
    }
    Ok(())
}

#[server]
pub async fn finished_turn(participation: String) -> Result<Finished, AppError> {
    use crate::{auth, data::contribution};
    Ok(contribution::finished(&auth::db()?, &participation).await?)
}

#[server]
pub async fn open_receipt(code: String) -> Result<(), AppError> {
    use crate::{auth, data::contribution};
    let receipt = contribution::receipt(&auth::db()?, &code).await?;
    leptos_axum::redirect(&format!("/receipt/{}", receipt.code));
    Ok(())
}

#[server]
pub async fn load_receipt(code: String) -> Result<Receipt, AppError> {
    use crate::{auth, data::contribution};
    Ok(contribution::receipt(&auth::db()?, &code).await?)
}
