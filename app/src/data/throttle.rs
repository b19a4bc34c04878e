//! Throttles: at most so many tries per key in a fixed window. A try is counted in the same
//! statement that reads the count (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so tries sent
//! at the same moment each get a different count and concurrency cannot multiply the budget.
//! A try that turns out right is given back, so only failures use a budget up.

use super::{get, now, DataError, DataResult, Db};
use crate::domain::ProblemCode;

/// How many tries a key may make in a window.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    scope: &'static str,
    pub allowed: i64,
    pub window_secs: i64,
    /// What the person is told when the limit is reached.
    problem: ProblemCode,
}

/// Password or second-factor tries for one account from one address.
pub const SIGN_IN_ACCOUNT_AT_ADDRESS: Limit = Limit {
    scope: "sign-in-account",
    allowed: 5,
    window_secs: 15 * 60,
    problem: ProblemCode::SignInTooOften,
};

/// Sign-in tries from one address over every account.
pub const SIGN_IN_ADDRESS: Limit = Limit {
    scope: "sign-in-address",
    allowed: 30,
    window_secs: 15 * 60,
    problem: ProblemCode::SignInTooOften,
};

/// Wrong join codes from one address. A school is one address behind its router: a hall of 30
/// children each mistyping three times stays under it. With 8-character codes it still makes
/// guessing hopeless (see `codes::join_code`).
pub const JOIN_ADDRESS: Limit = Limit {
    scope: "join-address",
    allowed: 100,
    window_secs: 10 * 60,
    problem: ProblemCode::JoinTooOften,
};

/// Wrong receipt codes from one address. A receipt shows what a child said and lets them erase
/// it, so guessing must be hopeless: see `codes::receipt_code` for the arithmetic. A child or
/// carer who mistypes a few times is far below it.
pub const RECEIPT_ADDRESS: Limit = Limit {
    scope: "receipt-address",
    allowed: 20,
    window_secs: 60 * 60,
    problem: ProblemCode::ReceiptTooOften,
};

/// A try that was counted; give it back with [`Counted::forgive`] when it turned out right.
#[derive(Debug)]
#[must_use = "a try that succeeded should be forgiven"]
pub struct Counted {
    scope: &'static str,
    key: String,
    window_start: i64,
}

/// Counts one try for `key`; refuses with [`DataError::Throttled`] when the window already
/// holds as many as the limit allows.
pub async fn count(db: &Db, limit: &Limit, key: &str) -> DataResult<Counted> {
    let at = now();
    let window_start = at - at.rem_euclid(limit.window_secs);
    let row = sqlx::query(
        "INSERT INTO throttle_counts (scope, key, window_start, tries) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (scope, key, window_start) \
         DO UPDATE SET tries = throttle_counts.tries + 1 RETURNING tries",
    )
    .bind(limit.scope)
    .bind(key)
    .bind(window_start)
    .fetch_one(db.pool())
    .await?;
    let tries: i64 = get(&row, "tries")?;
    if tries == 1 {
        // The first try of a new window clears the windows before it.
        sqlx::query("DELETE FROM throttle_counts WHERE scope = $1 AND window_start < $2")
            .bind(limit.scope)
            .bind(window_start)
            .execute(db.pool())
            .await?;
    }
    if tries > limit.allowed {
        tracing::warn!(scope = limit.scope, "throttled");
        return Err(DataError::Throttled {
            problem: limit.problem,
            retry_after_secs: (window_start + limit.window_secs - at).max(1),
        });
    }
    Ok(Counted {
        scope: limit.scope,
        key: key.to_owned(),
        window_start,
    })
}

impl Counted {
    /// The try was right: it does not count against the budget.
    pub async fn forgive(self, db: &Db) -> DataResult<()> {
        sqlx::query(
            "UPDATE throttle_counts SET tries = tries - 1 \
             WHERE scope = $1 AND key = $2 AND window_start = $3 AND tries > 0",
        )
        .bind(self.scope)
        .bind(&self.key)
        .bind(self.window_start)
        .execute(db.pool())
        .await?;
        Ok(())
    }
}
