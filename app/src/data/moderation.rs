//! Moderation: what a facilitator does with a contribution after the child gave it. The child's
//! own answer is never changed: how they communicated, a description or transcript, themes and
//! hiding sit beside it, and hiding is kept in an audit trail.

use super::{audit, get, DataError, DataResult, Db};
use crate::domain::{Choice, Field, Missing, StaffProblem};
use crate::domain::{Communicated, Language};

/// The facilitator records how a child communicated after the answer was given, e.g. that an
/// adult interpreted their signing.
pub async fn set_communicated(
    db: &Db,
    contribution_id: &str,
    communicated: Communicated,
) -> DataResult<()> {
    let updated = sqlx::query("UPDATE contributions SET communicated = $1 WHERE id = $2")
        .bind(communicated.as_str())
        .bind(contribution_id)
        .execute(db.pool())
        .await?;
    if updated.rows_affected() == 0 {
        return Err(DataError::NotFound(Missing::Answer));
    }
    Ok(())
}

/// A facilitator hides a contribution from decision makers, or shows it again, with the reason.
/// The child's words are not touched; each change goes into the moderation audit trail.
pub async fn set_hidden(
    db: &Db,
    contribution_id: &str,
    staff_id: &str,
    hide: bool,
    reason: &str,
) -> DataResult<()> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(DataError::Invalid(if hide {
            StaffProblem::WhyHide
        } else {
            StaffProblem::WhyShow
        }));
    }
    let mut tx = db.pool().begin().await?;
    let changed = sqlx::query("UPDATE contributions SET hidden_reason = $1 WHERE id = $2")
        .bind(hide.then_some(reason))
        .bind(contribution_id)
        .execute(&mut *tx)
        .await?;
    if changed.rows_affected() == 0 {
        return Err(DataError::NotFound(Missing::Contribution));
    }
    let action = if hide { "hidden" } else { "shown" };
    audit::append(
        &mut tx,
        audit::Trail::Moderation,
        contribution_id,
        Some(staff_id),
        action,
        reason,
        None,
    )
    .await?;
    tx.commit().await?;
    announce_session_of(db, contribution_id).await
}

async fn announce_session_of(db: &Db, contribution_id: &str) -> DataResult<()> {
    let turn = turn_of(db, contribution_id).await?;
    db.announce(&turn.session_id).await;
    Ok(())
}

struct Turn {
    participation_id: String,
    session_id: String,
    activity_id: String,
    mode: String,
}

async fn turn_of(db: &Db, contribution_id: &str) -> DataResult<Turn> {
    let row = sqlx::query(
        "SELECT c.participation_id, c.mode, p.session_id, s.activity_id FROM contributions c \
         JOIN participations p ON p.id = c.participation_id \
         JOIN sessions s ON s.id = p.session_id WHERE c.id = $1",
    )
    .bind(contribution_id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::NotFound(Missing::Contribution))?;
    Ok(Turn {
        participation_id: get(&row, "participation_id")?,
        session_id: get(&row, "session_id")?,
        activity_id: get(&row, "activity_id")?,
        mode: get(&row, "mode")?,
    })
}

/// Longest description or transcript: two minutes of speech is well under this.
pub const MAX_DESCRIPTION_CHARS: usize = 4000;

/// A facilitator describes a photo or drawing, transcribes a recording, or translates what a
/// child wrote or said in another language into English (`translated_from`), so people who
/// cannot see, hear or read it can take it in. An empty text removes it. The text is checked
/// against the safeguarding phrase list like words a child wrote (a translation is how a
/// disclosure in another language reaches triage), and a match is raised as a concern in the
/// same transaction.
pub async fn describe(
    db: &Db,
    contribution_id: &str,
    staff_id: &str,
    text: &str,
    translated_from: Option<Language>,
) -> DataResult<()> {
    let turn = turn_of(db, contribution_id).await?;
    let translated_from = match (turn.mode.as_str(), translated_from) {
        ("photo" | "drawing", None) => None,
        ("photo" | "drawing", Some(_)) => {
            return Err(DataError::Invalid(StaffProblem::PicturesAreDescribed))
        }
        // A recording in English is transcribed word for word; in another language, translated.
        ("audio", Some(Language::English) | None) => None,
        ("audio", Some(spoken_in)) => Some(spoken_in),
        ("text", Some(Language::English)) => {
            return Err(DataError::Invalid(StaffProblem::EnglishNeedsNoTranslation))
        }
        ("text", Some(written_in)) => Some(written_in),
        ("text", None) => {
            return Err(DataError::Invalid(StaffProblem::Choose(
                Choice::ChildLanguage,
            )))
        }
        _ => return Err(DataError::Invalid(StaffProblem::OnlyWritingTranslated)),
    };
    let text = crate::domain::text::clean(text);
    let text = text.as_str();
    if text.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(DataError::Invalid(StaffProblem::Shorten {
            field: Field::Description,
            max: MAX_DESCRIPTION_CHARS,
        }));
    }
    let flagged = if text.is_empty() {
        None
    } else {
        super::triage::check(db, text).await?
    };
    let mut tx = db.pool().begin().await?;
    let kept = !text.is_empty();
    sqlx::query(
        "UPDATE contributions SET description = $1, translated_from = $2, described_by = $3 \
         WHERE id = $4",
    )
    .bind(kept.then_some(text))
    .bind(translated_from.filter(|_| kept).map(Language::as_str))
    .bind(staff_id)
    .bind(contribution_id)
    .execute(&mut *tx)
    .await?;
    if let Some((matched, version)) = &flagged {
        let matched: Vec<&str> = matched.iter().map(String::as_str).collect();
        super::concern::raise_by_triage_in(
            &mut tx,
            &turn.participation_id,
            contribution_id,
            &matched,
            *version,
        )
        .await?;
    }
    tx.commit().await?;
    db.announce(&turn.session_id).await;
    if flagged.is_some() {
        db.announce(super::SAFEGUARDING).await;
    }
    Ok(())
}

/// Tags a contribution with themes from its activity's list, replacing the ones it had.
pub async fn set_themes(db: &Db, contribution_id: &str, theme_ids: &[String]) -> DataResult<()> {
    let turn = turn_of(db, contribution_id).await?;
    let mut theme_ids = theme_ids.to_vec();
    theme_ids.sort();
    theme_ids.dedup();
    let mut tx = db.pool().begin().await?;
    sqlx::query("DELETE FROM contribution_themes WHERE contribution_id = $1")
        .bind(contribution_id)
        .execute(&mut *tx)
        .await?;
    for theme in &theme_ids {
        // Only the activity's own themes: one from another list is not inserted.
        let tagged = sqlx::query(
            "INSERT INTO contribution_themes (contribution_id, theme_id) \
             SELECT $1, id FROM themes WHERE id = $2 AND activity_id = $3",
        )
        .bind(contribution_id)
        .bind(theme)
        .bind(&turn.activity_id)
        .execute(&mut *tx)
        .await?;
        if tagged.rows_affected() == 0 {
            return Err(DataError::Invalid(StaffProblem::ThemeNotOnList));
        }
    }
    tx.commit().await?;
    db.announce(&turn.session_id).await;
    Ok(())
}

/// The moderation audit trail of a contribution: (action, reason, who), oldest first.
pub async fn moderation_trail(
    db: &Db,
    contribution_id: &str,
) -> DataResult<Vec<(String, String, String)>> {
    sqlx::query(
        "SELECT e.action, e.reason, u.email FROM moderation_events e \
         JOIN staff_users u ON u.id = e.staff_id WHERE e.contribution_id = $1 ORDER BY e.seq",
    )
    .bind(contribution_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| Ok((get(row, "action")?, get(row, "reason")?, get(row, "email")?)))
    .collect()
}
