//! Strategies, their commissioning priorities, and the forums that hear children.

use super::{get, DataResult, Db};
use crate::domain::{Forum, Priority};

pub async fn priorities(db: &Db) -> DataResult<Vec<Priority>> {
    let rows = sqlx::query(
        "SELECT p.id, p.position, p.title, p.why, p.what, p.how FROM priorities p \
         JOIN strategies s ON s.id = p.strategy_id ORDER BY s.title, p.position",
    )
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Priority {
                id: get(row, "id")?,
                position: get(row, "position")?,
                title: get(row, "title")?,
                why: get(row, "why")?,
                what: get(row, "what")?,
                how: get(row, "how")?,
            })
        })
        .collect()
}

pub async fn forums(db: &Db) -> DataResult<Vec<Forum>> {
    let rows = sqlx::query("SELECT id, name FROM forums ORDER BY name")
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|row| {
            Ok(Forum {
                id: get(row, "id")?,
                name: get(row, "name")?,
            })
        })
        .collect()
}
