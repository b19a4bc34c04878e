//! Signing in: a password, then a code from an authenticator app (TOTP) or a one-time recovery
//! code. Sign-ins live in the database, so several app servers share them; a new token is made at
//! each step, they end after a time idle and after a working day, and signing out ends them on
//! the server. Failures are throttled per account *and address*, and per address: someone
//! guessing from elsewhere slows only themselves and cannot lock the real person out.

use super::staff::{member_from, new_recovery_codes, password_matches};
use super::throttle::{self, Counted};
use super::{get, now, DataError, DataResult, Db};
use crate::domain::StaffMember;
use crate::domain::StaffProblem;
use sha2::{Digest, Sha256};
use totp_rs::{Builder, Secret, Totp};

/// A sign-in ends after this long, however busy.
pub const SIGN_IN_LIFETIME_SECS: i64 = 8 * 60 * 60;
/// And after this long without a request.
pub const IDLE_SECS: i64 = 30 * 60;
/// Between the password and the second factor.
pub const SECOND_FACTOR_SECS: i64 = 5 * 60;

/// What the second step asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecondStep {
    /// A code from the app set up earlier.
    Code,
    /// First sign-in: set up the app with this secret (shown as a QR code of `url`), then a code.
    Enrol { secret: String, url: String },
}

/// A completed sign-in. `recovery_codes` are shown once, right after the app was set up.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub token: String,
    pub member: StaffMember,
    pub recovery_codes: Vec<String>,
}

/// Checks the password. Returns a short-lived token for the second step, and what it asks for.
pub async fn with_password(
    db: &Db,
    email: &str,
    password: &str,
    address: &str,
) -> DataResult<(String, SecondStep)> {
    let email = email.trim().to_lowercase();
    let tries = count_try(db, &email, address).await?;
    let row = sqlx::query(
        "SELECT id, email, role, password_hash, totp_secret, disabled_at \
         FROM staff_users WHERE email = $1",
    )
    .bind(&email)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        // Hash anyway so a missing account takes as long as a wrong password.
        let _ = super::staff::hash_password(password);
        return Err(DataError::Invalid(StaffProblem::WrongPassword));
    };
    if !password_matches(password, &get::<String>(&row, "password_hash")?) {
        return Err(DataError::Invalid(StaffProblem::WrongPassword));
    }
    forgive(db, tries).await?;
    if get::<Option<i64>>(&row, "disabled_at")?.is_some() {
        return Err(DataError::Invalid(StaffProblem::AccountTurnedOff));
    }
    let member = member_from(&row)?;
    let enrolled: Option<String> = get(&row, "totp_secret")?;
    let enrol_secret = enrolled.is_none().then(new_secret);
    let token = new_token();
    let created = now();
    sqlx::query(
        "INSERT INTO staff_sign_ins (token_hash, user_id, stage, enrol_secret, created_at, \
         last_seen_at, expires_at) VALUES ($1, $2, 'password', $3, $4, $4, $5)",
    )
    .bind(token_hash(&token))
    .bind(&member.id)
    .bind(enrol_secret.as_deref())
    .bind(created)
    .bind(created + SECOND_FACTOR_SECS)
    .execute(db.pool())
    .await?;
    let step = match enrol_secret {
        None => SecondStep::Code,
        Some(secret) => SecondStep::Enrol {
            url: enrolment_url(&secret, &member.email)?,
            secret,
        },
    };
    Ok((token, step))
}

/// What the second step of a sign-in asks for, for its page.
pub async fn second_step(db: &Db, token: &str) -> DataResult<SecondStep> {
    let pending = pending(db, token).await?;
    Ok(match pending.enrol_secret {
        None => SecondStep::Code,
        Some(secret) => SecondStep::Enrol {
            url: enrolment_url(&secret, &pending.member.email)?,
            secret,
        },
    })
}

struct Pending {
    member: StaffMember,
    enrol_secret: Option<String>,
    secret: Option<String>,
    last_step: Option<i64>,
}

async fn pending(db: &Db, token: &str) -> DataResult<Pending> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.role, u.totp_secret, u.totp_last_step, s.enrol_secret \
         FROM staff_sign_ins s JOIN staff_users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.stage = 'password' AND s.expires_at > $2 \
         AND u.disabled_at IS NULL",
    )
    .bind(token_hash(token))
    .bind(now())
    .fetch_optional(db.pool())
    .await?
    .ok_or(DataError::Invalid(StaffProblem::SignInTookTooLong))?;
    Ok(Pending {
        member: member_from(&row)?,
        enrol_secret: get(&row, "enrol_secret")?,
        secret: get(&row, "totp_secret")?,
        last_step: get(&row, "totp_last_step")?,
    })
}

/// Checks the code (or a recovery code) and completes the sign-in with a new token.
pub async fn with_code(db: &Db, token: &str, code: &str, address: &str) -> DataResult<SignedIn> {
    let pending = pending(db, token).await?;
    let email = pending.member.email.clone();
    let tries = count_try(db, &email, address).await?;
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let secret = pending
        .enrol_secret
        .as_ref()
        .or(pending.secret.as_ref())
        .ok_or(DataError::Invalid(StaffProblem::StartSignInAgain))?;
    let accepted_step = matching_step(secret, &email, &code, pending.last_step)?;
    let used_recovery = match accepted_step {
        Some(_) => false,
        None if pending.enrol_secret.is_none() => {
            use_recovery_code(db, &pending.member.id, &code).await?
        }
        None => false,
    };
    if accepted_step.is_none() && !used_recovery {
        return Err(DataError::Invalid(StaffProblem::WrongCode));
    }
    forgive(db, tries).await?;

    let recovery_codes = if pending.enrol_secret.is_some() {
        new_recovery_codes()
    } else {
        Vec::new()
    };
    let full = new_token();
    let created = now();
    let mut tx = db.pool().begin().await?;
    // The password-stage token ends here: a new one is made for the signed-in session.
    let ended =
        sqlx::query("DELETE FROM staff_sign_ins WHERE token_hash = $1 AND stage = 'password'")
            .bind(token_hash(token))
            .execute(&mut *tx)
            .await?;
    if ended.rows_affected() != 1 {
        return Err(DataError::Invalid(StaffProblem::SignInUsed));
    }
    if let Some(step) = accepted_step {
        sqlx::query("UPDATE staff_users SET totp_secret = $1, totp_last_step = $2 WHERE id = $3")
            .bind(secret)
            .bind(step)
            .bind(&pending.member.id)
            .execute(&mut *tx)
            .await?;
    }
    if !recovery_codes.is_empty() {
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(&pending.member.id)
            .execute(&mut *tx)
            .await?;
        for recovery in &recovery_codes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(&pending.member.id)
                .bind(recovery_hash(recovery))
                .execute(&mut *tx)
                .await?;
        }
    }
    sqlx::query(
        "INSERT INTO staff_sign_ins (token_hash, user_id, stage, created_at, last_seen_at, \
         expires_at) VALUES ($1, $2, 'full', $3, $3, $4)",
    )
    .bind(token_hash(&full))
    .bind(&pending.member.id)
    .bind(created)
    .bind(created + SIGN_IN_LIFETIME_SECS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(SignedIn {
        token: full,
        member: pending.member,
        recovery_codes,
    })
}

/// 160 random bits, base32 as authenticator apps expect.
fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Secret::from(bytes).to_base32()
}

fn enrolment_url(secret: &str, email: &str) -> DataResult<String> {
    totp(secret, email)?
        .to_url()
        .map_err(|_| DataError::Invalid(StaffProblem::EmailNotForAuthenticator))
}

/// SHA-1, 6 digits, 30-second steps, one step of drift either way: what every app expects.
fn totp(secret: &str, email: &str) -> DataResult<Totp> {
    let damaged = |_| DataError::Invalid(StaffProblem::AuthenticatorDamaged);
    let secret = Secret::try_from_base32(secret).map_err(damaged)?;
    Builder::new()
        .with_secret(secret)
        .with_issuer(Some("Heard"))
        .with_account_name(email)
        .build()
        .map_err(|_| DataError::Invalid(StaffProblem::AuthenticatorDamaged))
}

/// The code an authenticator app with `secret` shows at `unix_time`.
pub fn code_at(secret: &str, email: &str, unix_time: i64) -> DataResult<String> {
    Ok(totp(secret, email)?.generate(unix_time as u64).to_string())
}

/// The 30-second step whose code this is: now, or one step either side for a clock that drifts.
/// A step at or before `last_step` was used already, so its code does not work again.
fn matching_step(
    secret: &str,
    email: &str,
    code: &str,
    last_step: Option<i64>,
) -> DataResult<Option<i64>> {
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let step = totp(secret, email)?
        .check(code, now() as u64)
        .map(|step| step as i64);
    Ok(step.filter(|step| last_step.is_none_or(|last| *step > last)))
}

async fn use_recovery_code(db: &Db, user_id: &str, typed: &str) -> DataResult<bool> {
    let used = sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 \
         WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(now())
    .bind(user_id)
    .bind(recovery_hash(typed))
    .execute(db.pool())
    .await?;
    Ok(used.rows_affected() == 1)
}

fn recovery_hash(code: &str) -> String {
    token_hash(&super::codes::normalise(code))
}

/// Counts a sign-in try for the account from this address and for the address over all
/// accounts: someone guessing from elsewhere slows only themselves.
async fn count_try(db: &Db, email: &str, address: &str) -> DataResult<[Counted; 2]> {
    let here = throttle::count(
        db,
        &throttle::SIGN_IN_ACCOUNT_AT_ADDRESS,
        &format!("{email} {address}"),
    )
    .await?;
    let anywhere = throttle::count(db, &throttle::SIGN_IN_ADDRESS, address).await?;
    Ok([here, anywhere])
}

async fn forgive(db: &Db, tries: [Counted; 2]) -> DataResult<()> {
    for counted in tries {
        counted.forgive(db).await?;
    }
    Ok(())
}

/// The member of staff a cookie token belongs to, if the sign-in is complete, not idle too long,
/// not past its end, and the account is still on. A request keeps it from going idle.
pub async fn member_for_token(db: &Db, token: &str) -> DataResult<Option<StaffMember>> {
    let at = now();
    let row = sqlx::query(
        "SELECT u.id, u.email, u.role, s.last_seen_at FROM staff_sign_ins s \
         JOIN staff_users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.stage = 'full' AND s.expires_at > $2 \
         AND s.last_seen_at > $3 AND u.disabled_at IS NULL",
    )
    .bind(token_hash(token))
    .bind(at)
    .bind(at - IDLE_SECS)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    // Written at most once a minute: reads should not each cost a write.
    if get::<i64>(&row, "last_seen_at")? < at - 60 {
        sqlx::query("UPDATE staff_sign_ins SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(at)
            .bind(token_hash(token))
            .execute(db.pool())
            .await?;
    }
    member_from(&row).map(Some)
}

pub async fn sign_out(db: &Db, token: &str) -> DataResult<()> {
    sqlx::query("DELETE FROM staff_sign_ins WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(db.pool())
        .await?;
    Ok(())
}

pub(super) fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// Only hashes of tokens are stored, so a copy of the database lets no one in.
pub(super) fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
