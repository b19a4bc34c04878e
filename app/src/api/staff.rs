#[cfg(feature = "ssr")]
use crate::domain::{Choice, StaffProblem};
use crate::domain::{SecondFactor, StaffAccount, StaffMember};
use crate::error::AppError;
use leptos::prelude::*;

/// The first step of signing in: the password. The second asks for a code.
#[server]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    use crate::{auth, data::sign_in};
    let (pending, _) =
        sign_in::with_password(&auth::db()?, &email, &password, &auth::client_address()).await?;
    auth::start_second_step(&pending)?;
    leptos_axum::redirect("/staff/sign-in/code");
    Ok(())
}

/// What the second step shows: on a first sign-in, the new secret and its QR code.
#[server]
pub async fn load_second_factor() -> Result<SecondFactor, AppError> {
    use crate::{auth, data::sign_in};
    let pending = auth::pending_token().ok_or(AppError::NotSignedIn)?;
    Ok(match sign_in::second_step(&auth::db()?, &pending).await? {
        sign_in::SecondStep::Code => SecondFactor { enrol: None },
        sign_in::SecondStep::Enrol { secret, url } => {
            let qr = crate::qr::svg(&url).map_err(|error| {
                tracing::error!(%error, "enrolment QR code failed");
                AppError::Internal
            })?;
            SecondFactor {
                enrol: Some((secret, qr)),
            }
        }
    })
}

/// The second step: a code from the app, or a recovery code. Returns the recovery codes when
/// the app was set up just now, for the page to show once; otherwise goes to the staff home.
#[server]
pub async fn sign_in_code(code: String) -> Result<Vec<String>, AppError> {
    use crate::{auth, data::sign_in};
    let pending =
        auth::pending_token().ok_or(AppError::Invalid(StaffProblem::SignInTookTooLong))?;
    let signed_in =
        sign_in::with_code(&auth::db()?, &pending, &code, &auth::client_address()).await?;
    auth::start_sign_in(&signed_in.token)?;
    tracing::info!(staff_id = %signed_in.member.id, role = signed_in.member.role.as_str(), "staff signed in");
    if signed_in.recovery_codes.is_empty() {
        leptos_axum::redirect("/staff");
    }
    Ok(signed_in.recovery_codes)
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
    use crate::data::{activity, decision, session, staff};
    use crate::domain::{Role, StaffHome};
    let member = crate::auth::require(Role::is_staff).await?;
    let db = crate::auth::db()?;
    let (activities, sessions, facilitators) = if member.role.can_facilitate() {
        (
            activity::list(&db).await?,
            session::list(&db).await?,
            staff::facilitators(&db).await?,
        )
    } else {
        Default::default()
    };
    let decisions = if member.role.can_commission() {
        decision::list(&db, None).await?
    } else {
        Vec::new()
    };
    let unopened_concerns = if member.role.can_safeguard() {
        Some(crate::data::concern::unopened(&db).await?)
    } else {
        None
    };
    Ok(StaffHome {
        member,
        unopened_concerns,
        activities,
        sessions,
        facilitators,
        decisions,
    })
}

/// How many months children's contributions are kept after their session closed.
#[server]
pub async fn retention_months() -> Result<i64, AppError> {
    use crate::{data::retention, domain::Role};
    crate::auth::require(Role::can_manage_staff).await?;
    Ok(retention::months(&crate::auth::db()?).await?)
}

#[server]
pub async fn set_retention_months(months: String) -> Result<(), AppError> {
    use crate::{data::retention, domain::Role};
    let admin = crate::auth::require(Role::can_manage_staff).await?;
    let months = months
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::Invalid(StaffProblem::MonthsNotANumber))?;
    retention::set_months(&crate::auth::db()?, months, &admin.id).await?;
    Ok(())
}

#[server]
pub async fn staff_accounts() -> Result<Vec<StaffAccount>, AppError> {
    use crate::{auth, data::staff, domain::Role};
    auth::require(Role::can_manage_staff).await?;
    Ok(staff::list(&auth::db()?).await?)
}

/// Returns the invitation link for the admin to pass on (Heard sends no email).
#[server]
pub async fn invite_staff(email: String, role: String) -> Result<String, AppError> {
    use crate::{auth, data::staff, domain::Role};
    let admin = auth::require(Role::can_manage_staff).await?;
    let role = Role::parse(&role).ok_or(AppError::Invalid(StaffProblem::Choose(Choice::Role)))?;
    let token = staff::invite(&auth::db()?, &email, role, &admin.id).await?;
    Ok(format!("{}/staff/invite/{token}", auth::site_origin()?))
}

#[server]
pub async fn set_staff_role(account: String, role: String) -> Result<(), AppError> {
    use crate::{auth, data::staff, domain::Role};
    let admin = auth::require(Role::can_manage_staff).await?;
    let role = Role::parse(&role).ok_or(AppError::Invalid(StaffProblem::Choose(Choice::Role)))?;
    if admin.id == account && role != Role::Admin {
        return Err(AppError::Invalid(StaffProblem::OwnAdminRole));
    }
    staff::set_role(&auth::db()?, &account, role).await?;
    Ok(())
}

/// Turns an account off; every sign-in it has ends at once.
#[server]
pub async fn disable_staff(account: String) -> Result<(), AppError> {
    use crate::{auth, data::staff, domain::Role};
    let admin = auth::require(Role::can_manage_staff).await?;
    if admin.id == account {
        return Err(AppError::Invalid(StaffProblem::OwnAccount));
    }
    staff::disable(&auth::db()?, &account).await?;
    Ok(())
}

/// Someone invited chooses their password; they set up their app when they first sign in.
#[server]
pub async fn accept_invite(token: String, password: String) -> Result<(), AppError> {
    use crate::{auth, data::staff};
    staff::accept_invite(&auth::db()?, &token, &password).await?;
    leptos_axum::redirect("/staff/sign-in?invited=1");
    Ok(())
}
