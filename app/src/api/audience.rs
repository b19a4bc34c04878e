//! Hearings (Audience): facilitators build and present packs for a forum; forum members say
//! they heard them; commissioners keep the forums' membership.

use crate::domain::{Forum, HearingList, HearingWork, StaffMember};
use crate::error::AppError;
use leptos::prelude::*;

/// Every hearing, the forums a new one can be for, and the caller's packs to acknowledge.
#[server]
pub async fn hearings() -> Result<HearingList, AppError> {
    use crate::data::{hearing, strategy};
    use crate::{auth, domain::Role};
    let member = auth::require(Role::is_staff).await?;
    let db = auth::db()?;
    Ok(HearingList {
        hearings: hearing::list(&db).await?,
        forums: strategy::forums(&db).await?,
        can_build: member.role.can_facilitate(),
        to_acknowledge: hearing::awaiting(&db, &member.id).await?,
    })
}

#[server]
pub async fn create_hearing(
    forum: String,
    title: String,
    held_on: String,
    #[server(default)] summary: String,
) -> Result<(), AppError> {
    use crate::data::hearing::{self, NewHearing};
    use crate::{auth, data::parse_date, domain::Role};
    let facilitator = auth::require(Role::can_facilitate).await?;
    let new = NewHearing {
        forum_id: forum,
        title,
        summary,
        held_on: parse_date(&held_on)?,
    };
    let id = hearing::create(&auth::db()?, &new, &facilitator.id).await?;
    leptos_axum::redirect(&format!("/staff/hearings/{id}"));
    Ok(())
}

/// A pack with who heard it, and (while it is being built) what could still go in.
#[server]
pub async fn load_hearing(hearing: String) -> Result<HearingWork, AppError> {
    use crate::{auth, data::hearing as hearings, domain::Role};
    let member = auth::require(Role::is_staff).await?;
    let db = auth::db()?;
    let view = hearings::find(&db, &hearing).await?;
    let can_build = member.role.can_facilitate() && !view.summary.presented;
    let candidates = if can_build {
        hearings::candidates(&db, &hearing).await?
    } else {
        Vec::new()
    };
    Ok(HearingWork {
        is_member: hearings::is_member(&db, &hearing, &member.id).await?,
        hearing: view,
        candidates,
        can_build,
    })
}

#[server]
pub async fn set_hearing_summary(hearing: String, summary: String) -> Result<(), AppError> {
    use crate::{auth, data::hearing as hearings, domain::Role};
    auth::require(Role::can_facilitate).await?;
    hearings::set_summary(&auth::db()?, &hearing, &summary).await?;
    Ok(())
}

#[server]
pub async fn add_to_hearing(hearing: String, contribution: String) -> Result<(), AppError> {
    use crate::{auth, data::hearing as hearings, domain::Role};
    auth::require(Role::can_facilitate).await?;
    hearings::add(&auth::db()?, &hearing, &contribution).await?;
    Ok(())
}

#[server]
pub async fn remove_from_hearing(hearing: String, contribution: String) -> Result<(), AppError> {
    use crate::{auth, data::hearing as hearings, domain::Role};
    auth::require(Role::can_facilitate).await?;
    hearings::remove(&auth::db()?, &hearing, &contribution).await?;
    Ok(())
}

#[server]
pub async fn present_hearing(hearing: String) -> Result<(), AppError> {
    use crate::{auth, data::hearing as hearings, domain::Role};
    auth::require(Role::can_facilitate).await?;
    hearings::present(&auth::db()?, &hearing).await?;
    Ok(())
}

/// A forum member says they heard the pack, and may respond.
#[server]
pub async fn acknowledge_hearing(
    hearing: String,
    #[server(default)] response: String,
) -> Result<(), AppError> {
    use crate::{auth, data::hearing as hearings, domain::Role};
    let member = auth::require(Role::is_staff).await?;
    hearings::acknowledge(&auth::db()?, &hearing, &member.id, &response).await?;
    Ok(())
}

/// Forums with their members, and the accounts that could join them.
#[server]
pub async fn forum_members() -> Result<(Vec<(Forum, Vec<StaffMember>)>, Vec<StaffMember>), AppError>
{
    use crate::data::{hearing, staff, strategy};
    use crate::{auth, domain::Role};
    auth::require(Role::can_commission).await?;
    let db = auth::db()?;
    let mut forums = Vec::new();
    for forum in strategy::forums(&db).await? {
        let members = hearing::members(&db, &forum.id).await?;
        forums.push((forum, members));
    }
    Ok((forums, staff::active(&db).await?))
}

#[server]
pub async fn add_forum_member(forum: String, account: String) -> Result<(), AppError> {
    use crate::{auth, data::hearing, domain::Role};
    auth::require(Role::can_commission).await?;
    hearing::add_member(&auth::db()?, &forum, &account).await?;
    Ok(())
}

#[server]
pub async fn remove_forum_member(forum: String, account: String) -> Result<(), AppError> {
    use crate::{auth, data::hearing, domain::Role};
    auth::require(Role::can_commission).await?;
    hearing::remove_member(&auth::db()?, &forum, &account).await?;
    Ok(())
}
