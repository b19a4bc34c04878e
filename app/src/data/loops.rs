//! How far each contribution's loop has got, kept on the contribution itself: when it was first
//! heard (in a presented pack, or by the forum of a decision linked to it), first linked to a
//! decision, and first fed back. Written whenever a pack is presented, a contribution linked or
//! feedback published, so the evidence figures are one scan of the contributions, not a probe
//! of the hearing, link and feedback tables for each.

use super::{DataResult, Db};

/// Which contributions a change touched.
#[derive(Clone, Copy, Debug)]
pub(super) enum Touched<'a> {
    Contribution(&'a str),
    /// Every contribution in a hearing pack.
    Hearing(&'a str),
    /// Every contribution linked to a decision.
    Decision(&'a str),
}

const HEARD_AT: &str = "(SELECT MIN(t.at) FROM ( \
       SELECT (SELECT MIN(h.held_on) FROM hearing_items hi JOIN hearings h ON h.id = hi.hearing_id \
         WHERE hi.contribution_id = contributions.id AND h.presented_at IS NOT NULL) AS at \
       UNION ALL SELECT (SELECT MIN(d.decided_on) FROM decision_links dl \
         JOIN decisions d ON d.id = dl.decision_id \
         WHERE dl.contribution_id = contributions.id)) t)";
const LINKED_AT: &str = "(SELECT MIN(dl.linked_at) FROM decision_links dl \
       WHERE dl.contribution_id = contributions.id)";
const FED_BACK_AT: &str = "(SELECT MIN(fb.published_at) FROM decision_links dl \
       JOIN feedback fb ON fb.decision_id = dl.decision_id \
       WHERE dl.contribution_id = contributions.id)";

fn update(which: &str) -> String {
    format!(
        "UPDATE contributions SET heard_at = {HEARD_AT}, linked_at = {LINKED_AT}, \
         fed_back_at = {FED_BACK_AT} WHERE {which}"
    )
}

/// Works the loop times out again for the contributions a change touched, in the change's
/// own transaction.
pub(super) async fn refresh(
    conn: &mut sqlx::AnyConnection,
    touched: Touched<'_>,
) -> DataResult<()> {
    let (which, id) = match touched {
        Touched::Contribution(id) => ("id = $1", id),
        Touched::Hearing(id) => (
            "id IN (SELECT contribution_id FROM hearing_items WHERE hearing_id = $1)",
            id,
        ),
        Touched::Decision(id) => (
            "id IN (SELECT contribution_id FROM decision_links WHERE decision_id = $1)",
            id,
        ),
    };
    sqlx::query(&update(which)).bind(id).execute(conn).await?;
    Ok(())
}

/// Works every loop time out again from the hearing, link and feedback tables: for data
/// written around the data layer (bulk imports, generated benchmark data, tests that move
/// time by hand).
pub async fn refresh_all(db: &Db) -> DataResult<()> {
    sqlx::query(&update(
        "id IN (SELECT contribution_id FROM hearing_items \
         UNION SELECT contribution_id FROM decision_links)",
    ))
    .execute(db.pool())
    .await?;
    Ok(())
}
