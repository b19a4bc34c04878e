//! Media in S3-compatible object storage, for several app servers sharing one store. Credentials,
//! region and endpoint come from the usual `AWS_` variables (`AWS_ENDPOINT` and
//! `AWS_ALLOW_HTTP=true` for a store on the local network).

use super::{checked, ByteStream, MediaStore, StoreFuture};
use crate::media::MediaError;
use futures_util::{StreamExt, TryStreamExt};
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::path::Path;
use object_store::{ClientConfigKey, ObjectStore, ObjectStoreExt, PutPayload, RetryConfig};
use std::time::Duration;

/// A child waits on an upload, so a store that does not answer is given up on within seconds
/// (the tablet keeps the photo and sends it again) instead of the library's three minutes.
const TRY_FOR: Duration = Duration::from_secs(15);

#[derive(Debug)]
pub struct ObjectMediaStore {
    store: Box<dyn ObjectStore>,
    prefix: Path,
}

fn storage(error: object_store::Error) -> MediaError {
    MediaError::Storage(error.to_string())
}

impl ObjectMediaStore {
    /// `s3://bucket` or `s3://bucket/some/prefix`.
    pub fn from_url(url: &str) -> Result<Self, MediaError> {
        let parsed = url::Url::parse(url)
            .map_err(|e| MediaError::Storage(format!("HEARD_MEDIA_URL {url:?}: {e}")))?;
        if parsed.scheme() != "s3" {
            return Err(MediaError::Storage(format!(
                "HEARD_MEDIA_URL must start with s3:// (got {url:?}); leave it unset for a local directory"
            )));
        }
        let client = |key| AmazonS3ConfigKey::Client(key);
        let store = AmazonS3Builder::from_env()
            .with_url(url)
            .with_config(client(ClientConfigKey::ConnectTimeout), "3s")
            .with_config(client(ClientConfigKey::Timeout), "10s")
            .with_retry(RetryConfig {
                max_retries: 3,
                retry_timeout: TRY_FOR,
                ..RetryConfig::default()
            })
            .build()
            .map_err(storage)?;
        let prefix = Path::parse(parsed.path().trim_matches('/'))
            .map_err(|e| MediaError::Storage(format!("HEARD_MEDIA_URL prefix: {e}")))?;
        Ok(ObjectMediaStore {
            store: Box::new(store),
            prefix,
        })
    }

    fn path(&self, key: &str) -> Result<Path, MediaError> {
        Ok(self.prefix.clone().join(checked(key)?))
    }
}

impl MediaStore for ObjectMediaStore {
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            // One request: the object is there whole or not at all.
            self.store
                .put(&self.path(key)?, PutPayload::from(bytes))
                .await
                .map(drop)
                .map_err(storage)
        })
    }

    fn open<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ByteStream> {
        Box::pin(async move {
            let found = self.store.get(&self.path(key)?).await.map_err(storage)?;
            Ok(found.into_stream().map_err(storage).boxed())
        })
    }

    fn check(&self) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            // Listing answers only when the bucket exists and the credentials are let in.
            self.store
                .list_with_delimiter(Some(&self.prefix))
                .await
                .map(drop)
                .map_err(storage)
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            match self.store.delete(&self.path(key)?).await {
                Err(object_store::Error::NotFound { .. }) | Ok(()) => Ok(()),
                Err(error) => Err(storage(error)),
            }
        })
    }
}
