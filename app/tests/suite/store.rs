//! The media store, on a directory and (with HEARD_TEST_MEDIA_URL) on a real S3-compatible server.

use crate::common::test_store;
use futures_util::StreamExt;

#[tokio::test]
async fn a_stored_file_comes_back_whole_and_in_pieces_and_then_goes() {
    let store = test_store();
    store.check().await.expect("the store answers");
    // Larger than one read, so the stream really comes in pieces.
    let recording: Vec<u8> = (0..300_000u32).map(|n| (n % 251) as u8).collect();
    store
        .put("0b8e1c2a-recording.webm", recording.clone())
        .await
        .unwrap();

    assert_eq!(
        store.get("0b8e1c2a-recording.webm").await.unwrap(),
        recording
    );
    let mut pieces = store.open("0b8e1c2a-recording.webm").await.unwrap();
    let mut read = Vec::new();
    let mut count = 0;
    while let Some(piece) = pieces.next().await {
        read.extend_from_slice(&piece.unwrap());
        count += 1;
    }
    assert_eq!(read, recording);
    assert!(count > 1, "read in pieces, not one buffer");

    // Writing again replaces it whole.
    store
        .put("0b8e1c2a-recording.webm", b"shorter".to_vec())
        .await
        .unwrap();
    assert_eq!(
        store.get("0b8e1c2a-recording.webm").await.unwrap(),
        b"shorter"
    );

    store.delete("0b8e1c2a-recording.webm").await.unwrap();
    assert!(store.open("0b8e1c2a-recording.webm").await.is_err());
    // Erasing twice (retention after a child's own erasure) is not an error.
    store.delete("0b8e1c2a-recording.webm").await.unwrap();
}

#[tokio::test]
async fn keys_that_could_leave_the_store_are_refused() {
    let store = test_store();
    for key in ["", "../heard.db", "a/b", "..", "photo?x=1", "ünïcode"] {
        assert!(store.put(key, b"x".to_vec()).await.is_err(), "{key:?}");
        assert!(store.open(key).await.is_err(), "{key:?}");
        assert!(store.delete(key).await.is_err(), "{key:?}");
    }
}
