use crate::domain::StaffMember;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    use crate::{auth, data::staff};
    let (token, member) = staff::sign_in(&auth::db()?, &email, &password).await?;
    auth::start_sign_in(&token)?;
    tracing::info!(staff_id = %member.id, role = member.role.as_str(), "staff signed in");
    leptos_axum::redirect("/staff");
    Ok(())
}

#[server]
pub async fn sign_out() -> Result<(), AppError> {
    crate::auth::end_sign_in().await?;
    leptos_axum::redirect("/staff/sign-in");
    Ok(())
}

/// Anyone may ask who they are; the answer is `None` when not signed in.
#[server]
pub async fn who_am_i() -> Result<Option<StaffMember>, AppError> {
    crate::auth::current_staff().await
}

#[server]
pub async fn staff_home() -> Result<crate::domain::StaffHome, AppError> {
    use crate::data::{activity, decision, session};
    use crate::domain::StaffHome;
    let member = crate::auth::require(|_| true).await?;
    let db = crate::auth::db()?;
    let (activities, sessions) = if member.role.can_facilitate() {
        (activity::list(&db).await?, session::list(&db).await?)
    } else {
        Default::default()
    };
    let decisions = if member.role.can_commission() {
        decision::list(&db).await?
    } else {
        Vec::new()
    };
    Ok(StaffHome {
        member,
        activities,
        sessions,
        decisions,
    })
}
