//! Hearings (Audience): a facilitator puts contributions in a pack for a forum's meeting and
//! presents it; the forum's members say they heard it and may respond. Only contributions
//! decision makers may see go in: none held back for safeguarding or hidden, and media only
//! where the child agreed that decision makers may see it. A presented pack does not change.

use super::loops::{self, Touched};
use super::{day_of, get, new_id, now, required, trail, DataError, DataResult, Db};
use crate::domain::{Acknowledgement, HearingSummary, HearingView, StaffMember};
use crate::domain::{Choice, Field, Missing, StaffProblem};

#[derive(Clone, Debug)]
pub struct NewHearing {
    pub forum_id: String,
    pub title: String,
    pub summary: String,
    /// The day of the meeting, Unix seconds.
    pub held_on: i64,
}

pub async fn create(db: &Db, new: &NewHearing, staff_id: &str) -> DataResult<String> {
    let title = required(Field::HearingTitle, &new.title)?;
    let forum = sqlx::query("SELECT id FROM forums WHERE id = $1")
        .bind(&new.forum_id)
        .fetch_optional(db.pool())
        .await?;
    if forum.is_none() {
        return Err(DataError::Invalid(StaffProblem::ChooseFromList(
            Choice::Forum,
        )));
    }
    let id = new_id();
    sqlx::query(
        "INSERT INTO hearings (id, forum_id, title, summary, held_on, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(&new.forum_id)
    .bind(&title)
    .bind(new.summary.trim())
    .bind(new.held_on)
    .bind(staff_id)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(id)
}

/// Changes the summary while the pack is being built.
pub async fn set_summary(db: &Db, hearing_id: &str, summary: &str) -> DataResult<()> {
    not_presented(db, hearing_id).await?;
    sqlx::query("UPDATE hearings SET summary = $1 WHERE id = $2")
        .bind(summary.trim())
        .bind(hearing_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

async fn not_presented(db: &Db, hearing_id: &str) -> DataResult<()> {
    let row = sqlx::query("SELECT presented_at FROM hearings WHERE id = $1")
        .bind(hearing_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(Missing::Hearing))?;
    if get::<Option<i64>>(&row, "presented_at")?.is_some() {
        return Err(DataError::Invalid(StaffProblem::HearingPresented));
    }
    Ok(())
}

pub async fn add(db: &Db, hearing_id: &str, contribution_id: &str) -> DataResult<()> {
    not_presented(db, hearing_id).await?;
    let allowed = sqlx::query(concat!(
        "SELECT c.id FROM contributions c WHERE c.id = $1 AND ",
        trail::presentable!()
    ))
    .bind(contribution_id)
    .fetch_optional(db.pool())
    .await?;
    if allowed.is_none() {
        return Err(DataError::Invalid(StaffProblem::NotForDecisionMakers));
    }
    sqlx::query(
        "INSERT INTO hearing_items (hearing_id, contribution_id, added_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(hearing_id)
    .bind(contribution_id)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

pub async fn remove(db: &Db, hearing_id: &str, contribution_id: &str) -> DataResult<()> {
    not_presented(db, hearing_id).await?;
    sqlx::query("DELETE FROM hearing_items WHERE hearing_id = $1 AND contribution_id = $2")
        .bind(hearing_id)
        .bind(contribution_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The facilitator presented the pack at the meeting: from now it is the Audience evidence.
pub async fn present(db: &Db, hearing_id: &str) -> DataResult<()> {
    not_presented(db, hearing_id).await?;
    let items = sqlx::query("SELECT COUNT(*) AS n FROM hearing_items WHERE hearing_id = $1")
        .bind(hearing_id)
        .fetch_one(db.pool())
        .await?;
    if get::<i64>(&items, "n")? == 0 {
        return Err(DataError::Invalid(StaffProblem::HearingEmpty));
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE hearings SET presented_at = $1 WHERE id = $2")
        .bind(now())
        .bind(hearing_id)
        .execute(&mut *tx)
        .await?;
    loops::refresh(&mut tx, Touched::Hearing(hearing_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// A member of the forum says they heard the pack, with an optional response.
pub async fn acknowledge(
    db: &Db,
    hearing_id: &str,
    staff_id: &str,
    response: &str,
) -> DataResult<()> {
    let row = sqlx::query(
        "SELECT h.presented_at, (SELECT COUNT(*) FROM forum_members fm \
         WHERE fm.forum_id = h.forum_id AND fm.staff_id = $2) AS member \
         FROM hearings h WHERE h.id = $1",
    )
    .bind(hearing_id)
    .bind(staff_id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::NotFound(Missing::Hearing))?;
    if get::<i64>(&row, "member")? == 0 {
        return Err(DataError::Invalid(StaffProblem::OnlyForumMembers));
    }
    if get::<Option<i64>>(&row, "presented_at")?.is_none() {
        return Err(DataError::Invalid(StaffProblem::HearingNotPresented));
    }
    sqlx::query(
        "INSERT INTO hearing_acknowledgements (hearing_id, staff_id, acknowledged_at, response) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (hearing_id, staff_id) DO UPDATE SET response = $4",
    )
    .bind(hearing_id)
    .bind(staff_id)
    .bind(now())
    .bind(response.trim())
    .execute(db.pool())
    .await?;
    Ok(())
}

const SUMMARY_SELECT: &str = "SELECT h.id, h.title, h.held_on, h.presented_at, f.name AS forum, \
     (SELECT COUNT(*) FROM hearing_items hi WHERE hi.hearing_id = h.id) AS items, \
     (SELECT COUNT(*) FROM hearing_acknowledgements ha WHERE ha.hearing_id = h.id) AS heard_by \
     FROM hearings h JOIN forums f ON f.id = h.forum_id";

fn summary_from(row: &sqlx::any::AnyRow) -> DataResult<HearingSummary> {
    Ok(HearingSummary {
        id: get(row, "id")?,
        title: get(row, "title")?,
        forum: get(row, "forum")?,
        held_on: day_of(get(row, "held_on")?),
        presented: get::<Option<i64>>(row, "presented_at")?.is_some(),
        items: get(row, "items")?,
        acknowledged: get(row, "heard_by")?,
    })
}

pub async fn list(db: &Db) -> DataResult<Vec<HearingSummary>> {
    sqlx::query(&format!(
        "{SUMMARY_SELECT} ORDER BY h.held_on DESC, h.created_at DESC"
    ))
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(summary_from)
    .collect()
}

/// Presented hearings of the member's forums that they have not acknowledged yet.
pub async fn awaiting(db: &Db, staff_id: &str) -> DataResult<Vec<HearingSummary>> {
    sqlx::query(&format!(
        "{SUMMARY_SELECT} WHERE h.presented_at IS NOT NULL \
         AND h.forum_id IN (SELECT forum_id FROM forum_members WHERE staff_id = $1) \
         AND NOT EXISTS (SELECT 1 FROM hearing_acknowledgements ha \
           WHERE ha.hearing_id = h.id AND ha.staff_id = $1) ORDER BY h.held_on"
    ))
    .bind(staff_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(summary_from)
    .collect()
}

/// A pack as the facilitator, the members and commissioners see it. Contributions held back
/// since they were added are left out.
pub async fn find(db: &Db, hearing_id: &str) -> DataResult<HearingView> {
    let row = sqlx::query(&format!("{SUMMARY_SELECT} WHERE h.id = $1"))
        .bind(hearing_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(Missing::Hearing))?;
    let extra = sqlx::query("SELECT summary, forum_id FROM hearings WHERE id = $1")
        .bind(hearing_id)
        .fetch_one(db.pool())
        .await?;
    let forum_id: String = get(&extra, "forum_id")?;
    let items = trail::load(db, trail::Scope::Hearing(hearing_id)).await?;
    let mut themes: Vec<(String, i64)> = Vec::new();
    for theme in items.iter().flat_map(|c| &c.themes) {
        match themes.iter_mut().find(|(name, _)| *name == theme.name) {
            Some((_, n)) => *n += 1,
            None => themes.push((theme.name.clone(), 1)),
        }
    }
    themes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let members = sqlx::query(
        "SELECT u.email, ha.acknowledged_at, ha.response FROM forum_members fm \
         JOIN staff_users u ON u.id = fm.staff_id \
         LEFT JOIN hearing_acknowledgements ha ON ha.hearing_id = $1 AND ha.staff_id = fm.staff_id \
         WHERE fm.forum_id = $2 ORDER BY u.email",
    )
    .bind(hearing_id)
    .bind(&forum_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| {
        Ok(Acknowledgement {
            member: get(row, "email")?,
            heard_on: get::<Option<i64>>(row, "acknowledged_at")?.map(day_of),
            response: get::<Option<String>>(row, "response")?.unwrap_or_default(),
        })
    })
    .collect::<DataResult<_>>()?;
    Ok(HearingView {
        summary: summary_from(&row)?,
        text: get(&extra, "summary")?,
        items,
        themes,
        members,
    })
}

/// Contributions that may still go in the pack.
pub async fn candidates(db: &Db, hearing_id: &str) -> DataResult<Vec<crate::domain::Contribution>> {
    let inside: Vec<String> =
        sqlx::query("SELECT contribution_id FROM hearing_items WHERE hearing_id = $1")
            .bind(hearing_id)
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|row| get(row, "contribution_id"))
            .collect::<DataResult<_>>()?;
    Ok(trail::load(db, trail::Scope::Presentable)
        .await?
        .into_iter()
        .filter(|c| !inside.contains(&c.id))
        .collect())
}

/// Forum members: the staff accounts that sit on a forum and acknowledge its hearings.
pub async fn add_member(db: &Db, forum_id: &str, staff_id: &str) -> DataResult<()> {
    let forum = sqlx::query("SELECT id FROM forums WHERE id = $1")
        .bind(forum_id)
        .fetch_optional(db.pool())
        .await?;
    if forum.is_none() {
        return Err(DataError::NotFound(Missing::Forum));
    }
    sqlx::query(
        "INSERT INTO forum_members (forum_id, staff_id, added_at) \
         SELECT $1, u.id, $3 FROM staff_users u WHERE u.id = $2 AND u.disabled_at IS NULL \
         ON CONFLICT DO NOTHING",
    )
    .bind(forum_id)
    .bind(staff_id)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Whether the staff member sits on the forum the hearing is for.
pub async fn is_member(db: &Db, hearing_id: &str, staff_id: &str) -> DataResult<bool> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM hearings h JOIN forum_members fm ON fm.forum_id = h.forum_id \
         WHERE h.id = $1 AND fm.staff_id = $2",
    )
    .bind(hearing_id)
    .bind(staff_id)
    .fetch_one(db.pool())
    .await?;
    Ok(get::<i64>(&row, "n")? > 0)
}

/// The forum's members, by email.
pub async fn members(db: &Db, forum_id: &str) -> DataResult<Vec<StaffMember>> {
    sqlx::query(
        "SELECT u.id, u.email, u.role FROM forum_members fm JOIN staff_users u ON u.id = fm.staff_id \
         WHERE fm.forum_id = $1 ORDER BY u.email",
    )
    .bind(forum_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(super::staff::member_from)
    .collect()
}

pub async fn remove_member(db: &Db, forum_id: &str, staff_id: &str) -> DataResult<()> {
    sqlx::query("DELETE FROM forum_members WHERE forum_id = $1 AND staff_id = $2")
        .bind(forum_id)
        .bind(staff_id)
        .execute(db.pool())
        .await?;
    Ok(())
}
