//! "You said, we did" on its way back: to the children who said it (their receipts), to the next
//! session of the same activity, and to the public board; and the children's "did we get it
//! right?" in return.

use super::{decision, get, now, DataError, DataResult, Db};
use crate::domain::{BoardItem, EmojiScale, ProblemCode};

/// A child's "did we get it right?" for a decision that answers something they said, from their
/// receipt. Saying it again changes the answer.
pub async fn reply(db: &Db, receipt_code: &str, decision_id: &str, value: i64) -> DataResult<()> {
    if EmojiScale::label(value).is_none() {
        return Err(DataError::Coded(ProblemCode::ChooseFace));
    }
    let participation = super::rights::turn_of(db, receipt_code)
        .await?
        .participation_id;
    let answered = sqlx::query(
        "SELECT 1 AS yes FROM decision_links dl JOIN contributions c ON c.id = dl.contribution_id \
         JOIN feedback fb ON fb.decision_id = dl.decision_id \
         WHERE dl.decision_id = $1 AND c.participation_id = $2",
    )
    .bind(decision_id)
    .bind(&participation)
    .fetch_optional(db.pool())
    .await?;
    if answered.is_none() {
        return Err(DataError::Coded(ProblemCode::MessageNotOnReceipt));
    }
    sqlx::query(
        "INSERT INTO feedback_replies (participation_id, decision_id, value, replied_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (participation_id, decision_id) \
         DO UPDATE SET value = $3, replied_at = $4",
    )
    .bind(&participation)
    .bind(decision_id)
    .bind(value)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The child's replies, by decision id.
pub async fn replies(db: &Db, participation_id: &str) -> DataResult<Vec<(String, i64)>> {
    sqlx::query("SELECT decision_id, value FROM feedback_replies WHERE participation_id = $1")
        .bind(participation_id)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| Ok((get(row, "decision_id")?, get(row, "value")?)))
        .collect()
}

const BOARD_SELECT: &str = "SELECT d.id, d.title, d.status, d.reason, fb.plain_text, \
     fb.easy_read, fb.symbol, fb.published_at FROM decisions d \
     JOIN feedback fb ON fb.decision_id = d.id";

fn board_item(row: &sqlx::any::AnyRow) -> DataResult<BoardItem> {
    Ok(BoardItem {
        decision_id: get(row, "id")?,
        title: get(row, "title")?,
        status: crate::domain::DecisionStatus::parse(&get::<String>(row, "status")?)
            .ok_or(DataError::Fault("unknown decision status".into()))?,
        reason: get(row, "reason")?,
        feedback: decision::feedback_from(row)?
            .ok_or(DataError::Fault("feedback without a date".into()))?,
        pictures: Vec::new(),
    })
}

/// What was fed back about this activity before: shown at the start of its next session.
pub async fn for_activity(db: &Db, activity_id: &str) -> DataResult<Vec<BoardItem>> {
    sqlx::query(&format!(
        "{BOARD_SELECT} WHERE d.id IN (SELECT dl.decision_id FROM decision_links dl \
         JOIN contributions c ON c.id = dl.contribution_id \
         JOIN participations p ON p.id = c.participation_id \
         JOIN sessions s ON s.id = p.session_id WHERE s.activity_id = $1) \
         ORDER BY fb.published_at DESC LIMIT 3"
    ))
    .bind(activity_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(board_item)
    .collect()
}

/// The public board: every published "you said, we did", with the pictures children agreed
/// anyone may see. Nothing that could identify a child: no words, places, dates of turns.
pub async fn board(db: &Db) -> DataResult<Vec<BoardItem>> {
    let mut items: Vec<BoardItem> =
        sqlx::query(&format!("{BOARD_SELECT} ORDER BY fb.published_at DESC"))
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(board_item)
            .collect::<DataResult<_>>()?;
    let pictures = sqlx::query(concat!(
        "SELECT dl.decision_id, m.id, c.description FROM decision_links dl \
         JOIN contributions c ON c.id = dl.contribution_id JOIN media m ON m.id = c.media_id \
         WHERE m.consent = 'public' AND m.kind IN ('photo', 'drawing') \
         AND c.erased_at IS NULL AND ",
        super::trail::released!(),
        " ORDER BY dl.linked_at"
    ))
    .fetch_all(db.pool())
    .await?;
    for row in &pictures {
        let decision_id: String = get(row, "decision_id")?;
        if let Some(item) = items.iter_mut().find(|i| i.decision_id == decision_id) {
            item.pictures
                .push((get(row, "id")?, get(row, "description")?));
        }
    }
    Ok(items)
}

/// Whether a picture is on the public board: the child agreed anyone may see it, and it
/// illustrates published feedback.
pub async fn is_on_board(db: &Db, media_id: &str) -> DataResult<bool> {
    Ok(board(db)
        .await?
        .iter()
        .any(|item| item.pictures.iter().any(|(id, _)| id == media_id)))
}
