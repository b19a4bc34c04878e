//! PRIVACY.md lists every field Heard stores about a child. The tables that hold a child's data
//! are found from the schema itself (every table that refers, directly or through another, to a
//! child's turn), so a new table or column fails here until PRIVACY.md says what it is for.

use app::data::Db;
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};

/// Tables whose rows are about children's tries to join or find a receipt, though no key says so.
const ALSO_ABOUT_CHILDREN: &[&str] = &["throttle_counts"];

/// `### table` headings and the backticked first cell of each row of their tables.
fn listed() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../PRIVACY.md"))
        .expect("PRIVACY.md at the top of the repository");
    let mut tables: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = None;
    for line in text.lines() {
        if let Some(table) = line.strip_prefix("### ") {
            current = Some(table.trim().to_owned());
            tables.entry(table.trim().to_owned()).or_default();
        } else if let (Some(table), Some(row)) = (&current, line.strip_prefix("| `")) {
            let column = row.split('`').next().unwrap_or_default();
            tables.get_mut(table).unwrap().insert(column.to_owned());
        }
    }
    tables
}

async fn schema(db: &Db) -> (BTreeMap<String, BTreeSet<String>>, Vec<(String, String)>) {
    let rows = sqlx::query(
        "SELECT m.name AS tbl, p.name AS col FROM sqlite_master m, pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    let mut columns: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in rows {
        columns
            .entry(row.get("tbl"))
            .or_default()
            .insert(row.get("col"));
    }
    let references = sqlx::query(
        "SELECT m.name AS tbl, f.\"table\" AS refers FROM sqlite_master m, \
         pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    )
    .fetch_all(db.pool())
    .await
    .unwrap()
    .iter()
    .map(|row| (row.get("tbl"), row.get("refers")))
    .collect();
    (columns, references)
}

/// The turn's table, and every table that refers to one already found, until no more are.
fn about_children(references: &[(String, String)]) -> BTreeSet<String> {
    let mut found: BTreeSet<String> = ["participations".to_owned()].into();
    found.extend(ALSO_ABOUT_CHILDREN.iter().map(|t| t.to_string()));
    loop {
        let more: Vec<String> = references
            .iter()
            .filter(|(table, refers)| found.contains(refers) && !found.contains(table))
            .map(|(table, _)| table.clone())
            .collect();
        if more.is_empty() {
            return found;
        }
        found.extend(more);
    }
}

#[tokio::test]
async fn privacy_md_lists_every_column_that_holds_a_childs_data() {
    let path = std::env::temp_dir().join(format!("heard-privacy-{}.db", uuid::Uuid::new_v4()));
    let db = Db::open(&format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap();
    let (columns, references) = schema(&db).await;
    let children = about_children(&references);
    // Media are reached from contributions, which refer to them rather than the other way.
    let children: BTreeSet<String> = children.into_iter().chain(["media".to_owned()]).collect();
    let listed = listed();
    let mut missing = Vec::new();
    for table in &children {
        for column in &columns[table] {
            if !listed.get(table).is_some_and(|cols| cols.contains(column)) {
                missing.push(format!("{table}.{column}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "PRIVACY.md does not say what these hold, why, who sees them and how long: {missing:?}"
    );
    // And it lists nothing that is not there, so it cannot drift the other way either.
    for (table, listed_columns) in &listed {
        let stored = columns
            .get(table)
            .unwrap_or_else(|| panic!("PRIVACY.md lists a table Heard does not have: {table}"));
        for column in listed_columns {
            assert!(
                stored.contains(column),
                "PRIVACY.md lists {table}.{column}, which is not stored"
            );
        }
    }
    assert!(children.len() >= 12, "found {children:?}");
    let _ = std::fs::remove_file(path);
}
