//! What a page loads through a server function, decoded the same way whether it came drawn into
//! the page (hydration) or as a server function's answer (a move within the app).
//!
//! Leptos' default codec reads the first with `serde_json::from_str` and the server function
//! reads the second with `serde_json::from_slice`: two readers, so every type's decoder was in the
//! wasm twice. Reading both from bytes keeps one copy, which a child's tablet downloads.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::{de::DeserializeOwned, Serialize};

/// JSON, read from bytes both when hydrating and after a server function answers.
pub struct PageJson;

impl<T: Serialize> Encoder<T> for PageJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for PageJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(drawn: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(drawn.as_bytes())
    }
}

/// A page's data: loaded when `source` changes, drawn into the page on the server.
#[track_caller]
pub fn page_data<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T, PageJson>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, serde::Deserialize)]
    struct Drawn {
        words: String,
        count: u32,
    }

    #[test]
    fn what_the_server_draws_reads_back_the_same() {
        let drawn = Drawn {
            words: "Ćma \"lubi\" światło </script>".into(),
            count: 3,
        };
        let encoded = <PageJson as Encoder<Drawn>>::encode(&drawn).unwrap();
        let read: Drawn = <PageJson as Decoder<Drawn>>::decode(&encoded).unwrap();
        assert_eq!(read, drawn);
    }

    #[test]
    fn damaged_data_is_an_error_not_a_guess() {
        assert!(<PageJson as Decoder<Drawn>>::decode("{\"words\":\"x\"").is_err());
    }
}
