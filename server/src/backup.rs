//! `server backup` and `server restore`: everything Heard keeps about what children said is the
//! database and the media, so a backup is those two. Media in object storage is the bucket's to
//! keep (versioning, replication); the commands say so rather than copy a whole bucket.

use crate::Config;
use app::data::{Backend, Db};
use std::error::Error;
use std::path::{Path, PathBuf};

type Outcome = Result<(), Box<dyn Error>>;

pub async fn backup(config: &Config, to: &Path) -> Outcome {
    if to.exists() {
        return Err(format!(
            "{} exists already: back up into a new directory",
            to.display()
        )
        .into());
    }
    std::fs::create_dir_all(to)?;
    let db = Db::open(&config.database_url).await?;
    // The database first: a picture's file is written before its row, so every row in the copy
    // finds its file in the media copied after it.
    match db.backend() {
        Backend::Sqlite => {
            db.copy_into(&to.join("heard.db")).await?;
            println!("Copied the database to {}.", to.join("heard.db").display());
        }
        Backend::Postgres => println!(
            "The database is PostgreSQL: back it up with\n  pg_dump --format=custom --file {} \"$DATABASE_URL\"",
            to.join("heard.pgdump").display()
        ),
    }
    db.close().await;
    if let Some(url) = &config.media_url {
        println!(
            "The media is in object storage: keep it with the bucket's versioning or replication, or copy it with\n  aws s3 sync {url} {}",
            to.join("media").display()
        );
        return Ok(());
    }
    let copied = copy_files(&config.data_dir.join("media"), &to.join("media"))?;
    println!(
        "Copied {copied} media files to {}.",
        to.join("media").display()
    );
    Ok(())
}

/// Puts a backup back. Heard must be stopped; an existing database is never overwritten.
pub async fn restore(config: &Config, from: &Path) -> Outcome {
    match sqlite_file(&config.database_url) {
        Some(file) => {
            if file.exists() {
                return Err(format!(
                    "{} exists: stop Heard and move it away first; restore never overwrites a database",
                    file.display()
                )
                .into());
            }
            if let Some(parent) = file.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(from.join("heard.db"), &file)?;
            // Opening it checks it and brings it up to this version's schema.
            Db::open(&config.database_url).await?.close().await;
            println!("Restored the database to {}.", file.display());
        }
        None => println!(
            "The database is PostgreSQL: restore it with\n  pg_restore --clean --if-exists --dbname \"$DATABASE_URL\" {}",
            from.join("heard.pgdump").display()
        ),
    }
    if let Some(url) = &config.media_url {
        println!(
            "The media is in object storage: if the bucket lost it, copy it back with\n  aws s3 sync {} {url}",
            from.join("media").display()
        );
        return Ok(());
    }
    let copied = copy_files(&from.join("media"), &config.data_dir.join("media"))?;
    println!("Restored {copied} media files.");
    Ok(())
}

/// The file of a `sqlite:` URL, or `None` for another database.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    Some(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
}

/// Copies the files of `from` (none when it does not exist) into `to`; returns how many.
fn copy_files(from: &Path, to: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(to)?;
    let Ok(entries) = std::fs::read_dir(from) else {
        return Ok(0);
    };
    let mut copied = 0;
    for entry in entries {
        let entry = entry?;
        // A `.partial` file is an upload still being written: its row is not in the copy.
        let partial = entry.path().extension().is_some_and(|ext| ext == "partial");
        if entry.file_type()?.is_file() && !partial {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
            copied += 1;
        }
    }
    Ok(copied)
}
