//! Media in a directory, by default `HEARD_DATA_DIR/media`: one server, no other service.

use super::{checked, ByteStream, MediaStore, StoreFuture};
use crate::media::MediaError;
use futures_util::{StreamExt, TryStreamExt};
use std::path::PathBuf;
use tokio_util::io::ReaderStream;

#[derive(Debug)]
pub struct LocalDirStore {
    root: PathBuf,
}

impl LocalDirStore {
    pub fn new(root: impl Into<PathBuf>) -> std::io::Result<Self> {
        let root = root.into();
        std::fs::create_dir_all(&root)?;
        Ok(LocalDirStore { root })
    }

    fn path(&self, key: &str) -> Result<PathBuf, MediaError> {
        Ok(self.root.join(checked(key)?))
    }
}

fn storage(error: std::io::Error) -> MediaError {
    MediaError::Storage(error.to_string())
}

impl MediaStore for LocalDirStore {
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path(key)?;
            // Write then rename, so a crash never leaves half a file under a real key; both the
            // file and the directory's new entry reach the disk before the caller commits the row
            // that points at it, so a power cut cannot leave a row whose file is gone.
            let partial = path.with_extension("partial");
            let root = self.root.clone();
            tokio::task::spawn_blocking(move || {
                use std::io::Write;
                let mut file = std::fs::File::create(&partial)?;
                file.write_all(&bytes)?;
                file.sync_all()?;
                std::fs::rename(&partial, &path)?;
                std::fs::File::open(root)?.sync_all()
            })
            .await
            .map_err(|e| MediaError::Storage(e.to_string()))?
            .map_err(storage)
        })
    }

    fn open<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ByteStream> {
        Box::pin(async move {
            let file = tokio::fs::File::open(self.path(key)?)
                .await
                .map_err(storage)?;
            Ok(ReaderStream::new(file).map_err(storage).boxed())
        })
    }

    fn check(&self) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            tokio::fs::read_dir(&self.root)
                .await
                .map(drop)
                .map_err(storage)
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            match tokio::fs::remove_file(self.path(key)?).await {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(storage(e)),
                _ => Ok(()),
            }
        })
    }
}
