//! "How was today?": each child's own view of the session's Space and Voice.

use super::{get, now, DataError, DataResult, Db};
use crate::domain::{AnswerError, EmojiScale, ProblemCode, TodaySummary};

/// Records a finished turn's answers. Both are optional; a second send changes nothing.
pub async fn record(
    db: &Db,
    participation_id: &str,
    listened: Option<i64>,
    could_say: Option<i64>,
) -> DataResult<()> {
    for value in [listened, could_say].into_iter().flatten() {
        if EmojiScale::label(value).is_none() {
            return Err(DataError::Coded(ProblemCode::Answer(
                AnswerError::NotOnScale,
            )));
        }
    }
    let finished = sqlx::query("SELECT finished_at FROM participations WHERE id = $1")
        .bind(participation_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::Coded(ProblemCode::TurnNotFound))?;
    if get::<Option<i64>>(&finished, "finished_at")?.is_none() {
        return Err(DataError::Coded(ProblemCode::QuestionsLeft));
    }
    if listened.is_none() && could_say.is_none() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO session_evaluations (participation_id, listened, could_say, answered_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(participation_id)
    .bind(listened)
    .bind(could_say)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// How many children chose each face, per question, in a session.
pub async fn for_session(db: &Db, session_id: &str) -> DataResult<TodaySummary> {
    let rows = sqlx::query(
        "SELECT e.listened, e.could_say FROM session_evaluations e \
         JOIN participations p ON p.id = e.participation_id WHERE p.session_id = $1",
    )
    .bind(session_id)
    .fetch_all(db.pool())
    .await?;
    let mut summary = TodaySummary::default();
    for row in &rows {
        summary.add(get(row, "listened")?, get(row, "could_say")?);
    }
    Ok(summary)
}
