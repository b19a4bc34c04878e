//! Staff accounts: who they are, their role, invitations, and turning accounts off. Signing in
//! is `sign_in`.

use super::{codes, get, new_id, now, sign_in, DataError, DataResult, Db};
use crate::domain::{Missing, StaffProblem};
use crate::domain::{Role, StaffAccount, StaffMember};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// How long an invitation link works.
pub const INVITE_LIFETIME_SECS: i64 = 7 * 24 * 60 * 60;

fn hasher() -> Argon2<'static> {
    // Argon2id, 19 MiB, 2 passes: the OWASP minimum.
    Argon2::default()
}

pub fn hash_password(password: &str) -> DataResult<String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| DataError::Fault(format!("could not hash password: {e}")))
}

pub(super) fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| hasher().verify_password(password.as_bytes(), &hash).is_ok())
        .unwrap_or(false)
}

const COMMON_PASSWORDS: &str = include_str!("passwords/common.txt");

/// A new password: long enough, not absurdly long, and not one of the 10,000 most common. No
/// rules about kinds of characters (NIST SP 800-63B): a long phrase is better than `P@ssw0rd!`.
pub fn check_new_password(password: &str) -> DataResult<()> {
    let length = password.chars().count();
    if length < 10 {
        return Err(DataError::Invalid(StaffProblem::PasswordTooShort));
    }
    if length > 128 {
        return Err(DataError::Invalid(StaffProblem::PasswordTooLong));
    }
    let lower = password.to_lowercase();
    if COMMON_PASSWORDS.lines().any(|common| common == lower) {
        return Err(DataError::Invalid(StaffProblem::PasswordCommon));
    }
    Ok(())
}

pub(super) fn member_from(row: &sqlx::any::AnyRow) -> DataResult<StaffMember> {
    let role: String = get(row, "role")?;
    Ok(StaffMember {
        id: get(row, "id")?,
        email: get(row, "email")?,
        role: Role::parse(&role).ok_or(DataError::Fault("unknown role".into()))?,
    })
}

/// Creates an account, or leaves an existing one with that email as it is. `totp_secret`
/// pre-enrols the second factor (demo accounts only).
pub async fn ensure_user(
    db: &Db,
    email: &str,
    role: Role,
    password: &str,
    totp_secret: Option<&str>,
) -> DataResult<()> {
    let exists = sqlx::query("SELECT id FROM staff_users WHERE email = $1")
        .bind(email)
        .fetch_optional(db.pool())
        .await?
        .is_some();
    if !exists {
        sqlx::query(
            "INSERT INTO staff_users (id, email, role, password_hash, totp_secret, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(new_id())
        .bind(email)
        .bind(role.as_str())
        .bind(hash_password(password)?)
        .bind(totp_secret)
        .bind(now())
        .execute(db.pool())
        .await?;
    }
    Ok(())
}

/// Every account, for an admin.
pub async fn list(db: &Db) -> DataResult<Vec<StaffAccount>> {
    sqlx::query(
        "SELECT id, email, role, CASE WHEN totp_secret IS NULL THEN 0 ELSE 1 END AS enrolled, \
         disabled_at \
         FROM staff_users ORDER BY email",
    )
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| {
        Ok(StaffAccount {
            member: member_from(row)?,
            second_factor: get::<i64>(row, "enrolled")? == 1,
            disabled: get::<Option<i64>>(row, "disabled_at")?.is_some(),
        })
    })
    .collect()
}

/// Active accounts whose role lets them run sessions, for choosing a session's facilitator.
pub async fn facilitators(db: &Db) -> DataResult<Vec<StaffMember>> {
    Ok(active(db)
        .await?
        .into_iter()
        .filter(|member| member.role.can_facilitate())
        .collect())
}

/// Where safeguarding alerts go: every active safeguarding lead.
pub async fn safeguarding_lead_emails(db: &Db) -> DataResult<Vec<String>> {
    Ok(active(db)
        .await?
        .into_iter()
        .filter(|member| member.role.can_safeguard())
        .map(|member| member.email)
        .collect())
}

/// Every account that is not turned off, by email.
pub async fn active(db: &Db) -> DataResult<Vec<StaffMember>> {
    sqlx::query("SELECT id, email, role FROM staff_users WHERE disabled_at IS NULL ORDER BY email")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(member_from)
        .collect()
}

fn normalised_email(email: &str) -> DataResult<String> {
    let email = email.trim().to_lowercase();
    let plausible = email.len() <= 254
        && email
            .split_once('@')
            .is_some_and(|(name, domain)| !name.is_empty() && domain.contains('.'));
    if plausible {
        Ok(email)
    } else {
        Err(DataError::Invalid(StaffProblem::EmailUnreadable))
    }
}

/// An admin invites someone with a role. Returns the token for the link the admin passes on;
/// only its hash is stored.
pub async fn invite(db: &Db, email: &str, role: Role, invited_by: &str) -> DataResult<String> {
    insert_invite(db, email, role, Some(invited_by)).await
}

/// The first admin of a deployment, invited from the command line: they set their own password
/// and second factor through the link like everyone else, so no password is ever printed.
pub async fn invite_first_admin(db: &Db, email: &str) -> DataResult<String> {
    insert_invite(db, email, Role::Admin, None).await
}

async fn insert_invite(
    db: &Db,
    email: &str,
    role: Role,
    invited_by: Option<&str>,
) -> DataResult<String> {
    let email = normalised_email(email)?;
    let taken = sqlx::query("SELECT id FROM staff_users WHERE email = $1")
        .bind(&email)
        .fetch_optional(db.pool())
        .await?
        .is_some();
    if taken {
        return Err(DataError::Invalid(StaffProblem::EmailTaken));
    }
    let token = sign_in::new_token();
    let created = now();
    sqlx::query(
        "INSERT INTO staff_invites (token_hash, email, role, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(sign_in::token_hash(&token))
    .bind(&email)
    .bind(role.as_str())
    .bind(invited_by)
    .bind(created)
    .bind(created + INVITE_LIFETIME_SECS)
    .execute(db.pool())
    .await?;
    Ok(token)
}

/// The invited person chooses a password; the account exists from then on, and its second
/// factor is set up at its first sign-in.
pub async fn accept_invite(db: &Db, token: &str, password: &str) -> DataResult<StaffMember> {
    check_new_password(password)?;
    let row = sqlx::query(
        "SELECT email, role FROM staff_invites \
         WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2",
    )
    .bind(sign_in::token_hash(token))
    .bind(now())
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::Invalid(StaffProblem::InvitationExpired))?;
    let email: String = get(&row, "email")?;
    let role: String = get(&row, "role")?;
    let member = StaffMember {
        id: new_id(),
        email,
        role: Role::parse(&role).ok_or(DataError::Fault("unknown role".into()))?,
    };
    let mut tx = db.pool().begin().await?;
    let claimed = sqlx::query(
        "UPDATE staff_invites SET accepted_at = $1 WHERE token_hash = $2 AND accepted_at IS NULL",
    )
    .bind(now())
    .bind(sign_in::token_hash(token))
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Err(DataError::Invalid(StaffProblem::InvitationExpired));
    }
    sqlx::query(
        "INSERT INTO staff_users (id, email, role, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&member.id)
    .bind(&member.email)
    .bind(member.role.as_str())
    .bind(hash_password(password)?)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(member)
}

pub async fn set_role(db: &Db, user_id: &str, role: Role) -> DataResult<()> {
    let changed = sqlx::query("UPDATE staff_users SET role = $1 WHERE id = $2")
        .bind(role.as_str())
        .bind(user_id)
        .execute(db.pool())
        .await?;
    if changed.rows_affected() == 0 {
        return Err(DataError::NotFound(Missing::Account));
    }
    Ok(())
}

/// Turns an account off and ends every sign-in it has.
pub async fn disable(db: &Db, user_id: &str) -> DataResult<()> {
    let mut tx = db.pool().begin().await?;
    let changed = sqlx::query("UPDATE staff_users SET disabled_at = $1 WHERE id = $2")
        .bind(now())
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    if changed.rows_affected() == 0 {
        return Err(DataError::NotFound(Missing::Account));
    }
    sqlx::query("DELETE FROM staff_sign_ins WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// One-time codes for when the authenticator app is lost: made at enrolment, shown once, stored
/// as hashes.
pub(super) fn new_recovery_codes() -> Vec<String> {
    (0..10).map(|_| codes::recovery_code()).collect()
}

pub async fn find_by_email(db: &Db, email: &str) -> DataResult<StaffMember> {
    let row = sqlx::query("SELECT id, email, role FROM staff_users WHERE email = $1")
        .bind(email.trim().to_lowercase())
        .fetch_optional(db.pool())
        .await?
        .ok_or(DataError::NotFound(Missing::Account))?;
    member_from(&row)
}
