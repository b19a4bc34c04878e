//! Contributions: what a child said, kept as given, made idempotent by an id from the device.

use super::{
    activity, codes, get, new_id, now, session, trail, translation, DataError, DataResult, Db,
};
use crate::domain::{
    AgeBand, Answer, AnswerError, AnswerMode, Chosen, Communicated, Contribution, Finished,
    Language, MediaConsent, MediaRef, PlannedPrompt, ProblemCode, PromptPage, Receipt, Welcome,
    DECLINED,
};
use sqlx::any::AnyRow;

/// A child's answer as it arrives, already parsed for its prompt's mode.
#[derive(Clone, Debug)]
pub struct NewContribution {
    pub id: String,
    pub participation_id: String,
    pub prompt_id: String,
    pub answer: Answer,
    pub communicated: Communicated,
}

/// The stored copy of a photo, kept with its contribution in one transaction.
#[derive(Clone, Debug)]
pub struct NewMedia {
    pub content_type: &'static str,
    pub width: u32,
    pub height: u32,
    /// Of the bytes as uploaded, so a resent upload is recognised without processing it again.
    pub upload_sha256: String,
}

/// Where the child goes after an answer is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterAnswer {
    NextPrompt(i64),
    Finished,
}

/// Starts a child's turn in the open session the typed code belongs to.
pub async fn join(db: &Db, typed_code: &str) -> DataResult<String> {
    join_in(db, typed_code, Language::English).await
}

/// Joins with the child's pages already in `language` (chosen on the join page).
pub async fn join_in(db: &Db, typed_code: &str, language: Language) -> DataResult<String> {
    let session_id = session::by_join_code(db, typed_code).await?;
    let id = new_id();
    for _ in 0..5 {
        let inserted = sqlx::query(
            "INSERT INTO participations (id, session_id, receipt_code, started_at, language) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(&session_id)
        .bind(codes::receipt_code())
        .bind(now())
        .bind(language.as_str())
        .execute(db.pool())
        .await;
        match inserted {
            Ok(_) => return Ok(id),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(DataError::Coded(ProblemCode::ReceiptNotMade))
}

struct Turn {
    session_id: String,
    activity_id: String,
    activity_title: String,
    audience: String,
    intro: String,
    receipt_code: String,
    assented: bool,
    finished: bool,
    finished_at: Option<i64>,
    handed_over: bool,
    /// The language of the child's pages.
    language: Language,
}

async fn turn(db: &Db, participation_id: &str) -> DataResult<Turn> {
    let row = sqlx::query(
        "SELECT p.session_id, s.activity_id, a.title, a.intro, f.name AS audience, p.receipt_code, \
         p.assented_at, p.finished_at, p.handed_over_at, p.language \
         FROM participations p JOIN sessions s ON s.id = p.session_id \
         JOIN activities a ON a.id = s.activity_id JOIN forums f ON f.id = a.forum_id \
         WHERE p.id = $1",
    )
    .bind(participation_id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::Coded(ProblemCode::TurnNotFound))?;
    Ok(Turn {
        session_id: get(&row, "session_id")?,
        activity_id: get(&row, "activity_id")?,
        activity_title: get(&row, "title")?,
        audience: get(&row, "audience")?,
        intro: get(&row, "intro")?,
        receipt_code: get(&row, "receipt_code")?,
        assented: get::<Option<i64>>(&row, "assented_at")?.is_some(),
        finished: get::<Option<i64>>(&row, "finished_at")?.is_some(),
        finished_at: get(&row, "finished_at")?,
        handed_over: get::<Option<i64>>(&row, "handed_over_at")?.is_some(),
        language: Language::parse(&get::<String>(&row, "language")?).unwrap_or_default(),
    })
}

/// What the child is told before they agree to take part.
pub async fn welcome(db: &Db, participation_id: &str) -> DataResult<Welcome> {
    let turn = turn(db, participation_id).await?;
    let translated = translation::for_activity(db, &turn.activity_id).await?;
    let (activity_title, intro, words_in) = match translated.of_activity(turn.language) {
        Some(words) => (words.title.clone(), words.intro.clone(), turn.language),
        None => (turn.activity_title, turn.intro, Language::English),
    };
    let mut fed_back = super::feedback::for_activity(db, &turn.activity_id).await?;
    translation::board_in(db, &mut fed_back, turn.language).await?;
    Ok(Welcome {
        participation_id: participation_id.to_owned(),
        fed_back,
        activity_title,
        intro,
        words_in,
        audience: turn.audience,
    })
}

/// The child said yes on the assent screen. Saying yes twice changes nothing.
/// The child agreed to take part, giving their age band if they chose to.
pub async fn assent(db: &Db, participation_id: &str, age_band: Option<AgeBand>) -> DataResult<()> {
    turn(db, participation_id).await?;
    sqlx::query(
        "UPDATE participations SET assented_at = $1, age_band = $2 \
         WHERE id = $3 AND assented_at IS NULL",
    )
    .bind(now())
    .bind(age_band.map(AgeBand::as_str))
    .bind(participation_id)
    .execute(db.pool())
    .await?;
    Ok(())
}

fn ready_to_answer(turn: &Turn) -> DataResult<()> {
    if turn.finished {
        Err(DataError::Coded(ProblemCode::TurnFinished))
    } else if !turn.assented {
        Err(DataError::Coded(ProblemCode::NotStarted))
    } else {
        Ok(())
    }
}

/// How long after a turn finished an answer made during it may still arrive: as long as a
/// tablet keeps answers it could not send (a week, `KEEP_FOR_MS` in `public/sw.js`).
pub const LATE_ANSWER_SECS: i64 = 7 * 24 * 60 * 60;

/// Whether `new` is an answer made during a turn that has finished since: a tablet that lost
/// the network sends its fresh posts at once and its queued ones later, so the turn's last answer
/// can arrive before an earlier one. It belongs to the turn it was made in and is stored, once
/// per question, within the time a tablet keeps answers.
async fn arrives_late(db: &Db, turn: &Turn, new: &NewContribution) -> DataResult<bool> {
    let Some(finished_at) = turn.finished_at.filter(|_| turn.assented) else {
        return Ok(false);
    };
    if now() - finished_at > LATE_ANSWER_SECS {
        return Ok(false);
    }
    let answered = sqlx::query(
        "SELECT 1 AS answered FROM contributions WHERE participation_id = $1 AND prompt_id = $2",
    )
    .bind(&new.participation_id)
    .bind(&new.prompt_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(answered.is_none())
}

/// The prompt at `position` of the child's activity, with a fresh id for their answer.
pub async fn prompt_page(db: &Db, participation_id: &str, position: i64) -> DataResult<PromptPage> {
    let turn = turn(db, participation_id).await?;
    ready_to_answer(&turn)?;
    let prompts = activity::prompts(db, &turn.activity_id).await?;
    let prompts = in_language(db, &turn.activity_id, prompts, turn.language).await?;
    page_of(
        prompts,
        position,
        participation_id,
        turn.activity_title,
        turn.audience,
    )
}

/// An activity's prompts as a child reading `language` sees them.
async fn in_language(
    db: &Db,
    activity_id: &str,
    prompts: Vec<crate::domain::Prompt>,
    language: Language,
) -> DataResult<Vec<crate::domain::Prompt>> {
    if language == Language::English {
        return Ok(prompts);
    }
    let translated = translation::for_activity(db, activity_id).await?;
    Ok(prompts
        .into_iter()
        .map(|prompt| {
            let words = translated.of_prompt(&prompt.id, language).cloned();
            prompt.in_language(language, words.as_ref())
        })
        .collect())
}

/// The prompt at `position` as a child reading `language` would see it, for the facilitator
/// building the activity. Its turn id is not a real one, so nothing sent from it is stored.
pub async fn preview_page(
    db: &Db,
    activity_id: &str,
    position: i64,
    language: Language,
) -> DataResult<PromptPage> {
    let activity = activity::find(db, activity_id).await?;
    page_of(
        in_language(db, activity_id, activity.prompts, language).await?,
        position,
        PREVIEW,
        activity.title,
        activity.audience,
    )
}

/// The turn id of a preview.
pub const PREVIEW: &str = "preview";

fn page_of(
    prompts: Vec<crate::domain::Prompt>,
    position: i64,
    participation_id: &str,
    activity_title: String,
    audience: String,
) -> DataResult<PromptPage> {
    let prompt = prompts
        .iter()
        .find(|p| p.position == position)
        .cloned()
        .ok_or(DataError::Coded(ProblemCode::QuestionNotFound))?;
    Ok(PromptPage {
        participation_id: participation_id.to_owned(),
        activity_title,
        audience,
        prompt,
        total: prompts.len() as i64,
        contribution_id: new_id(),
        plan: prompts
            .iter()
            .map(|p| PlannedPrompt {
                position: p.position,
                modes: p.modes.clone(),
            })
            .collect(),
    })
}

/// Stores an answer exactly once. An identical retry gets the same result; a different answer
/// under an id already used is refused. A photo's `media` row is written in the same transaction.
pub async fn submit(
    db: &Db,
    mut new: NewContribution,
    media: Option<NewMedia>,
) -> DataResult<AfterAnswer> {
    // Whatever path an answer came by, control characters and bidi overrides are not kept
    // (PostgreSQL would refuse a NUL outright).
    if let Answer::Text(text) = &mut new.answer {
        *text = crate::domain::text::clean(text);
        if text.is_empty() {
            return Err(DataError::Coded(ProblemCode::Answer(
                AnswerError::EmptyText,
            )));
        }
    }
    let upload_digest = media.as_ref().map(|m| m.upload_sha256.clone());
    let digest = upload_digest.as_deref();
    let turn = turn(db, &new.participation_id).await?;
    if let Err(not_ready) = ready_to_answer(&turn) {
        // The last answer sent again after the turn finished still gets its first result.
        if let Some(earlier) = earlier_result(db, &new, digest).await? {
            return Ok(earlier);
        }
        if !arrives_late(db, &turn, &new).await? {
            return Err(not_ready);
        }
    }
    let prompts = activity::prompts(db, &turn.activity_id).await?;
    let prompt = prompts
        .iter()
        .find(|p| p.id == new.prompt_id)
        .ok_or(DataError::Coded(ProblemCode::QuestionNotInActivity))?;
    if let Some(mode) = new.answer.mode() {
        if !prompt.modes.contains(&mode) {
            return Err(DataError::Coded(ProblemCode::AnswerDoesNotFit));
        }
    }
    let next = prompts
        .iter()
        .find(|p| p.position > prompt.position)
        .map(|p| p.position);

    let columns = Columns::of(&new.answer);
    let stored_media = match (new.answer.media(), media) {
        (Some(item), Some(media)) => Some((item.clone(), media)),
        (Some(_), None) => {
            return Err(DataError::Coded(ProblemCode::Answer(
                AnswerError::NoPicture,
            )))
        }
        (None, _) => None,
    };
    let mode = new.answer.stored_mode();
    let row = new.clone();
    let finishes_turn = next.is_none() && !turn.finished;
    // Words a child wrote are checked against the safeguarding lead's phrase list; a match is
    // written with the answer, in one transaction.
    let flagged = match &new.answer {
        Answer::Text(text) => super::triage::check(db, text).await?,
        _ => None,
    };
    let raises_concern = flagged.is_some();
    let written = db
        .write(Box::new(move |conn| {
            Box::pin(async move {
                if let Some((item, media)) = &stored_media {
                    sqlx::query(
                        "INSERT INTO media (id, kind, content_type, width, height, upload_sha256, \
                         consent, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(&item.media_id)
                    .bind(mode)
                    .bind(media.content_type)
                    .bind(i64::from(media.width))
                    .bind(i64::from(media.height))
                    .bind(&media.upload_sha256)
                    .bind(item.consent.as_str())
                    .bind(now())
                    .execute(&mut *conn)
                    .await?;
                }
                sqlx::query(
                    "INSERT INTO contributions (id, participation_id, prompt_id, mode, scale_value, \
                     text_value, choice_values, media_id, communicated, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(&row.id)
                .bind(&row.participation_id)
                .bind(&row.prompt_id)
                .bind(mode)
                .bind(columns.scale)
                .bind(columns.text)
                .bind(columns.choices)
                .bind(columns.media_id)
                .bind(row.communicated.as_str())
                .bind(now())
                .execute(&mut *conn)
                .await?;
                if let Some((matched, version)) = &flagged {
                    let matched: Vec<&str> = matched.iter().map(String::as_str).collect();
                    super::concern::raise_by_triage_in(
                        conn,
                        &row.participation_id,
                        &row.id,
                        &matched,
                        *version,
                    )
                    .await?;
                }
                if finishes_turn {
                    sqlx::query("UPDATE participations SET finished_at = $1 WHERE id = $2")
                        .bind(now())
                        .bind(&row.participation_id)
                        .execute(&mut *conn)
                        .await?;
                }
                Ok(())
            })
        }))
        .await;
    match written {
        Ok(()) => {
            db.announce(&turn.session_id).await;
            if raises_concern {
                db.announce(super::SAFEGUARDING).await;
            }
            Ok(match next {
                Some(position) if !turn.finished => AfterAnswer::NextPrompt(position),
                _ => AfterAnswer::Finished,
            })
        }
        // Another copy of the same request was stored first.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            earlier_result(db, &new, digest)
                .await?
                .ok_or(DataError::Coded(ProblemCode::AnswerNotSaved))
        }
        Err(e) => Err(e.into()),
    }
}

/// How an answer sits in the contribution's columns.
#[derive(Debug, PartialEq, Eq)]
struct Columns {
    mode: String,
    scale: Option<i64>,
    text: Option<String>,
    choices: Option<String>,
    media_id: Option<String>,
    consent: Option<String>,
}

impl Columns {
    fn of(answer: &Answer) -> Self {
        let (scale, text, picture) = match answer {
            Answer::Scale(value) => (Some(*value), None, None),
            Answer::Text(text) => (None, Some(text.clone()), None),
            Answer::Choice(chosen) => {
                let labels = chosen.iter().map(|c| c.label.as_str()).collect::<Vec<_>>();
                (None, Some(labels.join("\n")), None)
            }
            Answer::Photo(media) | Answer::Drawing(media) | Answer::Audio(media) => {
                (None, None, Some(media))
            }
            Answer::Declined => (None, None, None),
        };
        let choices = match answer {
            Answer::Choice(chosen) => Some(
                chosen
                    .iter()
                    .map(|c| c.position.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            _ => None,
        };
        Columns {
            mode: answer.stored_mode().to_owned(),
            scale,
            text,
            choices,
            media_id: picture.map(|p| p.media_id.clone()),
            consent: picture.map(|p| p.consent.as_str().to_owned()),
        }
    }
}

/// The answer stored under the columns
/// `mode, scale_value, text_value, choice_values, media_id, consent`.
pub(super) fn answer_from(row: &AnyRow) -> DataResult<Answer> {
    let mode: String = get(row, "mode")?;
    if mode == DECLINED {
        return Ok(Answer::Declined);
    }
    let unknown = || DataError::Fault("unknown answer mode".into());
    Ok(match AnswerMode::parse(&mode).ok_or_else(unknown)? {
        AnswerMode::EmojiScale => Answer::Scale(get(row, "scale_value")?),
        AnswerMode::Text => Answer::Text(get(row, "text_value")?),
        AnswerMode::Choice => Answer::Choice(chosen_from(row)?),
        AnswerMode::Photo => Answer::Photo(media_ref_from(row)?),
        AnswerMode::Drawing => Answer::Drawing(media_ref_from(row)?),
        AnswerMode::Audio => Answer::Audio(media_ref_from(row)?),
    })
}

fn chosen_from(row: &AnyRow) -> DataResult<Vec<Chosen>> {
    let positions: String = get(row, "choice_values")?;
    let labels: String = get(row, "text_value")?;
    positions
        .split(',')
        .zip(labels.split('\n'))
        .map(|(position, label)| {
            Ok(Chosen {
                position: position
                    .parse()
                    .map_err(|_| DataError::Fault("unknown choice".into()))?,
                label: label.to_owned(),
            })
        })
        .collect()
}

fn media_ref_from(row: &AnyRow) -> DataResult<MediaRef> {
    Ok(MediaRef {
        media_id: get(row, "media_id")?,
        consent: MediaConsent::parse(&get::<String>(row, "consent")?)
            .ok_or(DataError::Fault("unknown consent".into()))?,
    })
}

/// If this contribution id is already stored, the result of the earlier request when this one
/// is identical, or a refusal when it is not.
pub async fn earlier_result(
    db: &Db,
    new: &NewContribution,
    upload_sha256: Option<&str>,
) -> DataResult<Option<AfterAnswer>> {
    let Some(row) = sqlx::query(
        "SELECT c.participation_id, c.prompt_id, c.communicated, c.mode, c.scale_value, \
         c.text_value, c.choice_values, c.media_id, m.consent, m.upload_sha256 \
         FROM contributions c LEFT JOIN media m ON m.id = c.media_id WHERE c.id = $1",
    )
    .bind(&new.id)
    .fetch_optional(db.pool())
    .await?
    else {
        return Ok(None);
    };
    let stored = Columns {
        mode: get(&row, "mode")?,
        scale: get(&row, "scale_value")?,
        text: get(&row, "text_value")?,
        choices: get(&row, "choice_values")?,
        media_id: get(&row, "media_id")?,
        consent: get(&row, "consent")?,
    };
    let mut expected = Columns::of(&new.answer);
    // A photo's media id is made per request; the upload's digest is what identifies it.
    if stored.media_id.is_some() && upload_sha256.is_some() {
        expected.media_id.clone_from(&stored.media_id);
    }
    let identical = get::<String>(&row, "participation_id")? == new.participation_id
        && get::<String>(&row, "prompt_id")? == new.prompt_id
        && get::<String>(&row, "communicated")? == new.communicated.as_str()
        && stored == expected
        && get::<Option<String>>(&row, "upload_sha256")?.as_deref() == upload_sha256;
    if !identical {
        return Err(DataError::Coded(ProblemCode::AnswerIdReused));
    }
    let turn = turn(db, &new.participation_id).await?;
    let prompts = activity::prompts(db, &turn.activity_id).await?;
    let position = prompts
        .iter()
        .find(|p| p.id == new.prompt_id)
        .map(|p| p.position);
    let next = prompts
        .iter()
        .find(|p| Some(p.position) > position)
        .map(|p| p.position);
    Ok(Some(match next {
        Some(position) if !turn.finished => AfterAnswer::NextPrompt(position),
        _ => AfterAnswer::Finished,
    }))
}

/// The receipt of a turn, shown on the tablet when the child has finished and until it is
/// handed to the next child. The tablet fetches it as soon as the child has said yes, so that it
/// can show it even if the Wi-Fi drops before the end; it holds only the receipt code.
pub async fn finished(db: &Db, participation_id: &str) -> DataResult<Finished> {
    let turn = turn(db, participation_id).await?;
    if !turn.assented {
        return Err(DataError::Coded(ProblemCode::NotStarted));
    }
    if turn.handed_over {
        return Err(DataError::Coded(ProblemCode::TurnFinished));
    }
    Ok(Finished {
        receipt_code: turn.receipt_code,
        audience: turn.audience,
    })
}

/// "Next person": the tablet no longer shows this turn's receipt, even through Back.
pub async fn hand_over(db: &Db, participation_id: &str) -> DataResult<()> {
    let turn = turn(db, participation_id).await?;
    if !turn.finished {
        return Err(DataError::Coded(ProblemCode::QuestionsLeft));
    }
    sqlx::query(
        "UPDATE participations SET handed_over_at = $1 WHERE id = $2 AND handed_over_at IS NULL",
    )
    .bind(now())
    .bind(participation_id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The child changed the language of their pages during the turn; a turn handed over is left
/// as it was.
pub async fn choose_language(
    db: &Db,
    participation_id: &str,
    language: Language,
) -> DataResult<()> {
    sqlx::query("UPDATE participations SET language = $1 WHERE id = $2 AND handed_over_at IS NULL")
        .bind(language.as_str())
        .bind(participation_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Everything said in a session, newest last, with each contribution's trail.
pub async fn for_session(db: &Db, session_id: &str) -> DataResult<Vec<Contribution>> {
    trail::load(db, trail::Scope::Session(session_id)).await
}

/// Every contribution decision makers may see and link to a decision: none held back by a
/// safeguarding concern that is still open.
pub async fn released(db: &Db) -> DataResult<Vec<Contribution>> {
    trail::load(db, trail::Scope::Released).await
}

/// Whether this contribution is held back from decision makers: a safeguarding concern about
/// its turn is still open, or a facilitator hid it.
pub async fn is_withheld(db: &Db, contribution_id: &str) -> DataResult<bool> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM contributions c WHERE c.id = $1 AND (c.hidden_reason IS NOT NULL \
         OR EXISTS (SELECT 1 FROM concerns k \
         WHERE k.participation_id = c.participation_id AND k.cleared_at IS NULL))",
    )
    .bind(contribution_id)
    .fetch_one(db.pool())
    .await?;
    Ok(get::<i64>(&row, "n")? > 0)
}

/// What a receipt code shows. Only published feedback reaches the child.
pub async fn receipt(db: &Db, typed_code: &str) -> DataResult<Receipt> {
    let super::rights::Turn {
        participation_id,
        code,
    } = super::rights::turn_of(db, typed_code).await?;
    let mut contributions = trail::load(db, trail::Scope::Participation(&participation_id)).await?;
    let replies = super::feedback::replies(db, &participation_id).await?;
    for contribution in &mut contributions {
        let influence = &mut contribution.trail.influence;
        influence.retain(|step| step.feedback.is_some());
        for step in influence {
            step.reply = replies
                .iter()
                .find(|(decision, _)| *decision == step.decision_id)
                .map(|(_, value)| *value);
        }
    }
    Ok(Receipt {
        code,
        contributions,
    })
}
