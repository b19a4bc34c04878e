//! Where media lives: a local directory (the default) or S3-compatible object storage, chosen by
//! `HEARD_MEDIA_URL`. Files are stored under generated ids only; nothing a child sent names a path.

mod local;
mod object;

pub use local::LocalDirStore;
pub use object::ObjectMediaStore;

use super::MediaError;
use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::TryStreamExt;
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;

pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, MediaError>> + Send + 'a>>;

/// A stored file read in pieces, so serving a recording never holds all of it in memory.
pub type ByteStream = BoxStream<'static, Result<Bytes, MediaError>>;

/// The small interface a media backend implements.
pub trait MediaStore: Send + Sync + std::fmt::Debug {
    /// Stores the whole file under `key`; when this returns, the file is durable.
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>) -> StoreFuture<'a, ()>;
    /// Opens a stored file for reading; an error now means it is not there.
    fn open<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ByteStream>;
    /// Removes a file; removing one that is not there is not an error.
    fn delete<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()>;
    /// Fails when the store cannot be reached or read, so a wrong setting stops the server at
    /// start-up rather than the first child's photo.
    fn check(&self) -> StoreFuture<'_, ()>;

    /// The whole file at once, for the few places that need it whole (a child's ZIP copy).
    fn get<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Vec<u8>> {
        Box::pin(async move {
            let pieces: Vec<Bytes> = self.open(key).await?.try_collect().await?;
            Ok(pieces.concat())
        })
    }
}

/// The store a deployment configured: `s3://bucket/prefix` for object storage (credentials,
/// region and endpoint from the usual `AWS_` variables), or the directory `media` under the data
/// directory when no URL is given.
pub fn open_store(url: Option<&str>, data_dir: &Path) -> Result<Arc<dyn MediaStore>, MediaError> {
    match url {
        None => Ok(Arc::new(
            LocalDirStore::new(data_dir.join("media"))
                .map_err(|e| MediaError::Storage(e.to_string()))?,
        )),
        Some(url) => Ok(Arc::new(ObjectMediaStore::from_url(url)?)),
    }
}

/// Keys are ours (uuids plus a suffix); anything else could leave the directory or the prefix.
fn checked(key: &str) -> Result<&str, MediaError> {
    let allowed = !key.is_empty()
        && !key.contains("..")
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if allowed {
        Ok(key)
    } else {
        Err(MediaError::Storage(format!("refused media key {key:?}")))
    }
}
