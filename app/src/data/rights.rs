//! A child's rights over what they said. Heard keeps no names, so the receipt code is the only
//! key a child has: with it they (or their carer) see what they said, take a copy, narrow who
//! may see a picture or recording, and erase. Staff act the same way for a request that arrives
//! by phone or letter. Every request is logged without its content.

use super::{
    concern, contribution, day_of, erasure, get, media, new_id, now, throttle, DataError,
    DataResult, Db,
};
use crate::domain::{
    Erased, MediaConsent, ProblemCode, RequestState, RightsKind, RightsRequest, TurnCopy,
};
use crate::domain::{Field, StaffProblem};
use crate::media::MediaStore;
use std::sync::{Arc, Mutex};

/// A turn, found by its receipt code.
#[derive(Clone, Debug)]
pub struct Turn {
    pub participation_id: String,
    pub code: String,
}

/// Who is asking: the child (or carer) with the receipt, or a member of staff for them.
#[derive(Clone, Copy, Debug)]
pub enum Asker<'a> {
    Child,
    Staff(&'a str),
}

impl Asker<'_> {
    fn staff_id(&self) -> Option<&str> {
        match self {
            Asker::Child => None,
            Asker::Staff(id) => Some(id),
        }
    }
}

/// What to erase.
#[derive(Clone, Copy, Debug)]
pub enum Which<'a> {
    One(&'a str),
    WholeTurn,
}

/// The turn of a receipt code, without counting tries: for staff and for code already checked.
pub async fn turn_of(db: &Db, typed_code: &str) -> DataResult<Turn> {
    let not_found = || DataError::Coded(ProblemCode::ReceiptCodeUnknown);
    let code = super::codes::typed_receipt(typed_code).ok_or_else(not_found)?;
    let row = sqlx::query("SELECT id FROM participations WHERE receipt_code = $1")
        .bind(&code)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(not_found)?;
    Ok(Turn {
        participation_id: get(&row, "id")?,
        code,
    })
}

/// The turn of a receipt code typed at `address`; wrong codes are counted per address
/// (`throttle::RECEIPT_ADDRESS`), so codes cannot be guessed.
pub async fn find_turn(db: &Db, typed_code: &str, address: &str) -> DataResult<Turn> {
    let counted = throttle::count(db, &throttle::RECEIPT_ADDRESS, address).await?;
    let turn = turn_of(db, typed_code).await?;
    counted.forgive(db).await?;
    Ok(turn)
}

/// An answer of this turn that is not erased; its media id and consent, if it has media.
async fn answer_of(
    db: &Db,
    turn: &Turn,
    contribution_id: &str,
) -> DataResult<Option<(String, MediaConsent)>> {
    let row = sqlx::query(
        "SELECT c.media_id, m.consent FROM contributions c LEFT JOIN media m ON m.id = c.media_id \
         WHERE c.id = $1 AND c.participation_id = $2 AND c.erased_at IS NULL",
    )
    .bind(contribution_id)
    .bind(&turn.participation_id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::Coded(ProblemCode::NotOnReceipt))?;
    let media_id: Option<String> = get(&row, "media_id")?;
    match media_id {
        None => Ok(None),
        Some(id) => {
            let consent = MediaConsent::parse(&get::<String>(&row, "consent")?)
                .ok_or(DataError::Fault("unknown consent".into()))?;
            Ok(Some((id, consent)))
        }
    }
}

async fn log(
    conn: &mut sqlx::AnyConnection,
    turn: &Turn,
    contribution_id: Option<&str>,
    kind: RightsKind,
    asker: Asker<'_>,
    state: RequestState,
    at: i64,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO rights_requests (id, participation_id, contribution_id, kind, staff_id, \
         asked_at, state, done_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(&turn.participation_id)
    .bind(contribution_id)
    .bind(kind.as_str())
    .bind(asker.staff_id())
    .bind(at)
    .bind(state.as_str())
    .bind((state == RequestState::Done).then_some(at))
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Narrows who may see a picture, drawing or recording. It takes effect at once: media are
/// served, packed, reported, exported and put on the board by their consent as it is now.
/// Widening is not offered here: a receipt may be in other hands than the child's.
pub async fn limit(
    db: &Db,
    turn: &Turn,
    contribution_id: &str,
    consent: MediaConsent,
    asker: Asker<'_>,
) -> DataResult<()> {
    let Some((media_id, current)) = answer_of(db, turn, contribution_id).await? else {
        return Err(DataError::Coded(ProblemCode::NoPictureOrRecording));
    };
    if consent > current {
        return Err(DataError::Coded(ProblemCode::OnlyFewerPeople));
    }
    if consent == current {
        return Ok(());
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE media SET consent = $1 WHERE id = $2")
        .bind(consent.as_str())
        .bind(&media_id)
        .execute(&mut *tx)
        .await?;
    log(
        &mut tx,
        turn,
        Some(contribution_id),
        RightsKind::Limit,
        asker,
        RequestState::Done,
        now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Erases one answer or the whole turn at once: the words, the picture or recording and its
/// file. When an open safeguarding concern holds the turn nothing goes yet: the request waits
/// for the safeguarding lead, and each open concern's chronology says so.
pub async fn erase(
    db: &Db,
    store: &dyn MediaStore,
    turn: &Turn,
    which: Which<'_>,
    asker: Asker<'_>,
) -> DataResult<Erased> {
    let one = match which {
        Which::One(id) => {
            answer_of(db, turn, id).await?;
            Some(id.to_owned())
        }
        Which::WholeTurn => None,
    };
    let at = now();
    let outcome: Arc<Mutex<Option<(Erased, Vec<String>)>>> = Arc::default();
    let written = outcome.clone();
    let (turn_owned, staff) = (turn.clone(), asker.staff_id().map(str::to_owned));
    db.write(Box::new(move |conn| {
        Box::pin(async move {
            let asker = staff.as_deref().map_or(Asker::Child, Asker::Staff);
            // Written first, so the check below reads under the write lock and a concern raised
            // at the same moment cannot slip between the check and the erasure.
            let request = log(
                conn,
                &turn_owned,
                one.as_deref(),
                RightsKind::Erase,
                asker,
                RequestState::Held,
                at,
            )
            .await?;
            let held = held(conn, &turn_owned.participation_id).await?;
            let result = if held {
                (Erased::Held, Vec::new())
            } else {
                let (erased, media_ids) =
                    erase_now(conn, &turn_owned.participation_id, one.as_deref(), at).await?;
                finish(conn, &request, RequestState::Done, None, None, at).await?;
                (Erased::Done(erased), media_ids)
            };
            *written.lock().expect("not poisoned") = Some(result);
            Ok(())
        })
    }))
    .await?;
    let (erased, media_ids) = outcome
        .lock()
        .expect("not poisoned")
        .take()
        .ok_or(DataError::Coded(ProblemCode::ErasureFailed))?;
    erasure::remove_files(store, &media_ids).await;
    if erased == Erased::Held {
        let what = if matches!(which, Which::One(_)) {
            "one answer"
        } else {
            "the whole turn"
        };
        let by = match asker {
            Asker::Child => "with their receipt",
            Asker::Staff(_) => "through a member of staff",
        };
        concern::note_on_open(
            db,
            &turn.participation_id,
            &format!(
                "The child asked {by} to erase {what}. Nothing is erased while this concern is open: decide on the Rights requests page."
            ),
        )
        .await?;
    }
    Ok(erased)
}

async fn held(conn: &mut sqlx::AnyConnection, participation_id: &str) -> Result<bool, sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM concerns WHERE participation_id = $1 AND cleared_at IS NULL",
    )
    .bind(participation_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(sqlx::Row::try_get::<i64, _>(&row, "n")? > 0)
}

/// Marks and empties one answer or every answer of a turn; returns how many and their media.
async fn erase_now(
    conn: &mut sqlx::AnyConnection,
    participation_id: &str,
    one: Option<&str>,
    at: i64,
) -> Result<(u64, Vec<String>), sqlx::Error> {
    let marked = match one {
        Some(id) => sqlx::query(
            "UPDATE contributions SET erased_at = $1 \
             WHERE id = $2 AND participation_id = $3 AND erased_at IS NULL",
        )
        .bind(at)
        .bind(id)
        .bind(participation_id),
        None => sqlx::query(
            "UPDATE contributions SET erased_at = $1 WHERE participation_id = $2 AND erased_at IS NULL",
        )
        .bind(at)
        .bind(participation_id),
    }
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok((marked, erasure::scrub(conn, at).await?))
}

async fn finish(
    conn: &mut sqlx::AnyConnection,
    request: &str,
    state: RequestState,
    decided_by: Option<&str>,
    reason: Option<&str>,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE rights_requests SET state = $1, done_at = $2, decided_by = $3, decision_reason = $4 \
         WHERE id = $5",
    )
    .bind(state.as_str())
    .bind(at)
    .bind(decided_by)
    .bind(reason)
    .bind(request)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The safeguarding lead decides a held erasure: erase now, or keep it for now; either way with
/// the reason, which goes in the log and in the open concerns' chronologies.
pub async fn decide(
    db: &Db,
    store: &dyn MediaStore,
    request_id: &str,
    lead_id: &str,
    erase: bool,
    reason: &str,
) -> DataResult<()> {
    let reason = super::required(Field::Reason, reason)?;
    let row = sqlx::query(
        "SELECT participation_id, contribution_id FROM rights_requests \
         WHERE id = $1 AND state = 'held'",
    )
    .bind(request_id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::Invalid(StaffProblem::RequestNotWaiting))?;
    let participation_id: String = get(&row, "participation_id")?;
    let one: Option<String> = get(&row, "contribution_id")?;
    let at = now();
    let media_ids: Arc<Mutex<Vec<String>>> = Arc::default();
    let written = media_ids.clone();
    let (request, lead, why, turn) = (
        request_id.to_owned(),
        lead_id.to_owned(),
        reason.clone(),
        participation_id.clone(),
    );
    db.write(Box::new(move |conn| {
        Box::pin(async move {
            let state = if erase {
                let (_, erased_media) = erase_now(conn, &turn, one.as_deref(), at).await?;
                *written.lock().expect("not poisoned") = erased_media;
                RequestState::Done
            } else {
                RequestState::Kept
            };
            finish(conn, &request, state, Some(&lead), Some(&why), at).await
        })
    }))
    .await?;
    let media_ids = std::mem::take(&mut *media_ids.lock().expect("not poisoned"));
    erasure::remove_files(store, &media_ids).await;
    let decided = if erase {
        "Erased as the child asked"
    } else {
        "Kept for now"
    };
    concern::note_on_open(db, &participation_id, &format!("{decided}: {reason}")).await?;
    Ok(())
}

/// A copy of what Heard keeps about a turn; the request is logged.
pub async fn copy(db: &Db, turn: &Turn, asker: Asker<'_>) -> DataResult<TurnCopy> {
    let receipt = contribution::receipt(db, &turn.code).await?;
    let today = sqlx::query(
        "SELECT listened, could_say FROM session_evaluations WHERE participation_id = $1",
    )
    .bind(&turn.participation_id)
    .fetch_optional(db.pool())
    .await?;
    let (listened, could_say) = match today {
        Some(row) => (get(&row, "listened")?, get(&row, "could_say")?),
        None => (None, None),
    };
    let kept_months = super::retention::months(db).await?;
    let mut conn = db.pool().acquire().await?;
    log(
        &mut conn,
        turn,
        None,
        RightsKind::Copy,
        asker,
        RequestState::Done,
        now(),
    )
    .await?;
    Ok(TurnCopy {
        receipt,
        listened,
        could_say,
        kept_months,
    })
}

/// A picture or recording of the child's, as stored.
#[derive(Debug)]
pub struct CopiedFile {
    pub contribution_id: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// The pictures and recordings of a copy, as stored.
pub async fn files(
    db: &Db,
    store: &dyn MediaStore,
    copy: &TurnCopy,
) -> DataResult<Vec<CopiedFile>> {
    let mut files = Vec::new();
    for said in &copy.receipt.contributions {
        let Some(picture) = said.answer.media() else {
            continue;
        };
        let record = media::find(db, &picture.media_id).await?;
        let bytes = store
            .get(&media::keys(&picture.media_id).0)
            .await
            .map_err(|error| {
                tracing::error!(%error, "copy: a media file could not be read");
                DataError::Coded(ProblemCode::MediaUnreadable)
            })?;
        files.push(CopiedFile {
            contribution_id: said.id.clone(),
            content_type: record.content_type,
            bytes,
        });
    }
    Ok(files)
}

const DAY_SECS: i64 = 24 * 60 * 60;

/// The log of rights requests, those waiting for the safeguarding lead first, then newest
/// first: what was asked, how, when, and when it was
/// answered; never what the child said.
pub async fn log_of_requests(db: &Db) -> DataResult<Vec<RightsRequest>> {
    let rows = sqlx::query(
        "SELECT r.id, r.kind, r.contribution_id, s.email AS by_staff, r.asked_at, r.state, \
         r.done_at, d.email AS decided_by, r.decision_reason FROM rights_requests r \
         LEFT JOIN staff_users s ON s.id = r.staff_id LEFT JOIN staff_users d ON d.id = r.decided_by \
         ORDER BY CASE WHEN r.state = 'held' THEN 0 ELSE 1 END, r.asked_at DESC, r.id LIMIT 500",
    )
    .fetch_all(db.pool())
    .await?;
    let today = now();
    rows.iter()
        .map(|row| {
            let asked_at: i64 = get(row, "asked_at")?;
            let done_at: Option<i64> = get(row, "done_at")?;
            Ok(RightsRequest {
                id: get(row, "id")?,
                kind: RightsKind::parse(&get::<String>(row, "kind")?)
                    .ok_or(DataError::Fault("unknown request".into()))?,
                one_answer: get::<Option<String>>(row, "contribution_id")?.is_some(),
                by_staff: get(row, "by_staff")?,
                asked_on: day_of(asked_at),
                state: RequestState::parse(&get::<String>(row, "state")?)
                    .ok_or(DataError::Fault("unknown request state".into()))?,
                done_on: done_at.map(day_of),
                decided_by: get(row, "decided_by")?,
                decision_reason: get(row, "decision_reason")?,
                days: (done_at.unwrap_or(today) - asked_at) / DAY_SECS,
            })
        })
        .collect()
}
