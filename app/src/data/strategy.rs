//! Strategies, their commissioning priorities, the ambitions priorities serve, and the forums
//! that hear children.

use super::{get, new_id, DataError, DataResult, Db};
use crate::domain::{
    Ambition, AmbitionDraft, Forum, Priority, PriorityDraft, Strategy, StrategyDraft,
};
use crate::domain::{Choice, Missing, StaffProblem};
use std::collections::HashMap;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Every priority, strategy by strategy, in order, with the ambitions it serves.
pub async fn priorities(db: &Db) -> DataResult<Vec<Priority>> {
    priorities_where(db, "", None).await
}

pub async fn priority(db: &Db, id: &str) -> DataResult<Priority> {
    priorities_where(db, "WHERE p.id = $1", Some(id))
        .await?
        .pop()
        .ok_or(DataError::NotFound(Missing::Priority))
}

async fn priorities_where(
    db: &Db,
    condition: &str,
    param: Option<&str>,
) -> DataResult<Vec<Priority>> {
    let sql = format!(
        "SELECT p.id, p.strategy_id, p.position, p.title, p.why, p.what, p.how, p.owner, \
         p.period FROM priorities p JOIN strategies s ON s.id = p.strategy_id {condition} \
         ORDER BY s.title, p.position"
    );
    let mut query = sqlx::query(&sql);
    if let Some(param) = param {
        query = query.bind(param);
    }
    let rows = query.fetch_all(db.pool()).await?;
    let mut served = ambitions_by_priority(db).await?;
    rows.iter()
        .map(|row| {
            let id: String = get(row, "id")?;
            Ok(Priority {
                ambition_ids: served.remove(&id).unwrap_or_default(),
                id,
                strategy_id: get(row, "strategy_id")?,
                position: get(row, "position")?,
                title: get(row, "title")?,
                why: get(row, "why")?,
                what: get(row, "what")?,
                how: get(row, "how")?,
                owner: get(row, "owner")?,
                period: get(row, "period")?,
            })
        })
        .collect()
}

async fn ambitions_by_priority(db: &Db) -> DataResult<HashMap<String, Vec<String>>> {
    let rows = sqlx::query(
        "SELECT pa.priority_id, pa.ambition_id FROM priority_ambitions pa \
         JOIN ambitions a ON a.id = pa.ambition_id ORDER BY a.position",
    )
    .fetch_all(db.pool())
    .await?;
    let mut served: HashMap<String, Vec<String>> = HashMap::new();
    for row in &rows {
        served
            .entry(get(row, "priority_id")?)
            .or_default()
            .push(get(row, "ambition_id")?);
    }
    Ok(served)
}

/// Every strategy with its priorities, by title.
pub async fn strategies(db: &Db) -> DataResult<Vec<Strategy>> {
    let rows = sqlx::query("SELECT id, title, period, owner FROM strategies ORDER BY title")
        .fetch_all(db.pool())
        .await?;
    let mut by_strategy: HashMap<String, Vec<Priority>> = HashMap::new();
    for priority in priorities(db).await? {
        by_strategy
            .entry(priority.strategy_id.clone())
            .or_default()
            .push(priority);
    }
    rows.iter()
        .map(|row| {
            let id: String = get(row, "id")?;
            Ok(Strategy {
                priorities: by_strategy.remove(&id).unwrap_or_default(),
                id,
                title: get(row, "title")?,
                period: get(row, "period")?,
                owner: get(row, "owner")?,
            })
        })
        .collect()
}

pub async fn ambitions(db: &Db) -> DataResult<Vec<Ambition>> {
    sqlx::query("SELECT id, position, title, summary FROM ambitions ORDER BY position")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| {
            Ok(Ambition {
                id: get(row, "id")?,
                position: get(row, "position")?,
                title: get(row, "title")?,
                summary: get(row, "summary")?,
            })
        })
        .collect()
}

/// A new ambition at the end of the list; returns its id.
pub async fn create_ambition(db: &Db, draft: &AmbitionDraft) -> DataResult<String> {
    let id = new_id();
    let mut tx = db.pool().begin().await?;
    let last = sqlx::query("SELECT COALESCE(MAX(position), 0) AS last FROM ambitions")
        .fetch_one(&mut *tx)
        .await?;
    let inserted =
        sqlx::query("INSERT INTO ambitions (id, position, title, summary) VALUES ($1, $2, $3, $4)")
            .bind(&id)
            .bind(get::<i64>(&last, "last")? + 1)
            .bind(&draft.title)
            .bind(&draft.summary)
            .execute(&mut *tx)
            .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(DataError::Invalid(StaffProblem::AmbitionExists))
        }
        other => other?,
    };
    tx.commit().await?;
    Ok(id)
}

fn unique_strategy(
    result: Result<sqlx::any::AnyQueryResult, sqlx::Error>,
) -> DataResult<sqlx::any::AnyQueryResult> {
    match result {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            Err(DataError::Invalid(StaffProblem::StrategyExists))
        }
        other => Ok(other?),
    }
}

pub async fn create_strategy(db: &Db, draft: &StrategyDraft) -> DataResult<String> {
    let id = new_id();
    let inserted =
        sqlx::query("INSERT INTO strategies (id, title, period, owner) VALUES ($1, $2, $3, $4)")
            .bind(&id)
            .bind(&draft.title)
            .bind(&draft.period)
            .bind(&draft.owner)
            .execute(db.pool())
            .await;
    unique_strategy(inserted)?;
    Ok(id)
}

pub async fn update_strategy(db: &Db, id: &str, draft: &StrategyDraft) -> DataResult<()> {
    let updated =
        sqlx::query("UPDATE strategies SET title = $1, period = $2, owner = $3 WHERE id = $4")
            .bind(&draft.title)
            .bind(&draft.period)
            .bind(&draft.owner)
            .bind(id)
            .execute(db.pool())
            .await;
    if unique_strategy(updated)?.rows_affected() == 0 {
        return Err(DataError::NotFound(Missing::Strategy));
    }
    Ok(())
}

/// A new priority at the end of its strategy's list; returns its id.
pub async fn create_priority(
    db: &Db,
    strategy_id: &str,
    draft: &PriorityDraft,
) -> DataResult<String> {
    let id = new_id();
    let mut tx = db.pool().begin().await?;
    let strategy = sqlx::query("SELECT id FROM strategies WHERE id = $1")
        .bind(strategy_id)
        .fetch_optional(&mut *tx)
        .await?;
    if strategy.is_none() {
        return Err(DataError::Invalid(StaffProblem::ChooseFromList(
            Choice::Strategy,
        )));
    }
    let last = sqlx::query(
        "SELECT COALESCE(MAX(position), 0) AS last FROM priorities WHERE strategy_id = $1",
    )
    .bind(strategy_id)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO priorities (id, strategy_id, position, title, why, what, how, owner, period) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(strategy_id)
    .bind(get::<i64>(&last, "last")? + 1)
    .bind(&draft.title)
    .bind(&draft.why)
    .bind(&draft.what)
    .bind(&draft.how)
    .bind(&draft.owner)
    .bind(&draft.period)
    .execute(&mut *tx)
    .await?;
    link_ambitions(&mut tx, &id, &draft.ambition_ids).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a priority's words, owner, period and ambitions. Activities and decisions under it
/// stay linked.
pub async fn update_priority(db: &Db, id: &str, draft: &PriorityDraft) -> DataResult<()> {
    let mut tx = db.pool().begin().await?;
    let updated = sqlx::query(
        "UPDATE priorities SET title = $1, why = $2, what = $3, how = $4, owner = $5, \
         period = $6 WHERE id = $7",
    )
    .bind(&draft.title)
    .bind(&draft.why)
    .bind(&draft.what)
    .bind(&draft.how)
    .bind(&draft.owner)
    .bind(&draft.period)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(DataError::NotFound(Missing::Priority));
    }
    sqlx::query("DELETE FROM priority_ambitions WHERE priority_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    link_ambitions(&mut tx, id, &draft.ambition_ids).await?;
    tx.commit().await?;
    Ok(())
}

async fn link_ambitions(tx: &mut Tx, priority_id: &str, ambition_ids: &[String]) -> DataResult<()> {
    for ambition in ambition_ids {
        let found = sqlx::query("SELECT id FROM ambitions WHERE id = $1")
            .bind(ambition)
            .fetch_optional(&mut **tx)
            .await?;
        if found.is_none() {
            return Err(DataError::Invalid(StaffProblem::ChooseFromList(
                Choice::Ambitions,
            )));
        }
        sqlx::query("INSERT INTO priority_ambitions (priority_id, ambition_id) VALUES ($1, $2)")
            .bind(priority_id)
            .bind(ambition)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Activities that asked children about a priority: (id, title).
pub async fn activities_for(db: &Db, priority_id: &str) -> DataResult<Vec<(String, String)>> {
    sqlx::query(
        "SELECT a.id, a.title FROM activities a JOIN activity_priorities ap \
         ON ap.activity_id = a.id WHERE ap.priority_id = $1 ORDER BY a.title",
    )
    .bind(priority_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| Ok((get(row, "id")?, get(row, "title")?)))
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
