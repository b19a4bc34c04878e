//! Staff accounts and their server-side sign-in sessions.

use super::{get, new_id, now, DataError, DataResult, Db};
use crate::domain::{Role, StaffMember};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};

/// How long a sign-in lasts before the member of staff must sign in again.
pub const SIGN_IN_LIFETIME_SECS: i64 = 8 * 60 * 60;

fn hasher() -> Argon2<'static> {
    // Argon2id, 19 MiB, 2 passes: the OWASP minimum.
    Argon2::default()
}

pub fn hash_password(password: &str) -> DataResult<String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| DataError::Invalid(format!("could not hash password: {e}")))
}

fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| hasher().verify_password(password.as_bytes(), &hash).is_ok())
        .unwrap_or(false)
}

fn member_from(row: &sqlx::any::AnyRow) -> DataResult<StaffMember> {
    let role: String = get(row, "role")?;
    Ok(StaffMember {
        id: get(row, "id")?,
        email: get(row, "email")?,
        role: Role::parse(&role).ok_or(DataError::NotFound("unknown role"))?,
    })
}

/// Creates an account, or leaves an existing one with that email as it is.
pub async fn ensure_user(db: &Db, email: &str, role: Role, password: &str) -> DataResult<()> {
    let exists = sqlx::query("SELECT id FROM staff_users WHERE email = $1")
        .bind(email)
        .fetch_optional(db.pool())
        .await?
        .is_some();
    if !exists {
        sqlx::query(
            "INSERT INTO staff_users (id, email, role, password_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(email)
        .bind(role.as_str())
        .bind(hash_password(password)?)
        .bind(now())
        .execute(db.pool())
        .await?;
    }
    Ok(())
}

const WRONG_SIGN_IN: &str =
    "That email and password do not match an account. Check them and try again.";

/// Checks the password and starts a sign-in. Returns the token for the cookie; only its hash
/// is stored, so a copy of the database does not let anyone in.
pub async fn sign_in(db: &Db, email: &str, password: &str) -> DataResult<(String, StaffMember)> {
    let row =
        sqlx::query("SELECT id, email, role, password_hash FROM staff_users WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(db.pool())
            .await?;
    let Some(row) = row else {
        // Hash anyway so a missing account takes as long as a wrong password.
        let _ = hash_password(password);
        return Err(DataError::Invalid(WRONG_SIGN_IN.into()));
    };
    let stored: String = get(&row, "password_hash")?;
    if !password_matches(password, &stored) {
        return Err(DataError::Invalid(WRONG_SIGN_IN.into()));
    }
    let member = member_from(&row)?;
    let token = new_token();
    let created = now();
    sqlx::query(
        "INSERT INTO staff_sign_ins (token_hash, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(&member.id)
    .bind(created)
    .bind(created + SIGN_IN_LIFETIME_SECS)
    .execute(db.pool())
    .await?;
    Ok((token, member))
}

/// The member of staff a cookie token belongs to, if the sign-in is still live.
pub async fn member_for_token(db: &Db, token: &str) -> DataResult<Option<StaffMember>> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.role FROM staff_sign_ins s \
         JOIN staff_users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash(token))
    .bind(now())
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(member_from).transpose()
}

pub async fn sign_out(db: &Db, token: &str) -> DataResult<()> {
    sqlx::query("DELETE FROM staff_sign_ins WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(db.pool())
        .await?;
    Ok(())
}

fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
