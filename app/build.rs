//! The words of the child's pages: `src/ui/i18n/mod.rs` is generated from `locales/` by
//! leptos_i18n and committed, because generating it needs ICU's data tools, which would add
//! minutes to every cold build. After changing a translation file, regenerate it with
//!
//!     cargo build -p app --features ssr,regenerate-words
//!
//! Until then every build stops here, so stale words never ship.

use std::path::{Path, PathBuf};

const DIGEST_FILE: &str = "src/ui/i18n/locales.digest";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed={DIGEST_FILE}");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let digest = digest_of(&manifest.join("locales"));
    #[cfg(feature = "regenerate-words")]
    {
        regenerate(&manifest.join("src/ui/i18n"));
        std::fs::write(manifest.join(DIGEST_FILE), format!("{digest}\n"))
            .expect("the digest is written");
    }
    let committed = std::fs::read_to_string(manifest.join(DIGEST_FILE)).unwrap_or_default();
    if committed.trim() != digest {
        panic!(
            "the translation files in app/locales changed since src/ui/i18n/mod.rs was \
             generated: run `cargo build -p app --features ssr,regenerate-words`"
        );
    }
}

#[cfg(feature = "regenerate-words")]
fn regenerate(module: &Path) {
    use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
    let config = Config::new("en")
        .and_then(|config| config.add_locales(["cy", "pl", "ro", "ur", "ar"]))
        .and_then(|config| config.add_namespace("child"))
        // Placeholders filled into plain strings, for attributes and read-aloud text.
        .map(|config| config.parse_options(ParseOptions::new().interpolate_display(true)))
        .expect("the languages are valid tags");
    let translations = TranslationsInfos::parse(config).expect("the translation files parse");
    translations.emit_diagnostics();
    translations
        .generate_i18n_module(module.to_owned())
        .expect("the i18n module is written");
}

/// FNV-1a over every translation file's name and text (line endings ignored): enough to notice
/// a change, with nothing to install.
fn digest_of(locales: &Path) -> String {
    let mut files: Vec<PathBuf> = std::fs::read_dir(locales)
        .expect("app/locales exists")
        .flatten()
        .flat_map(|language| std::fs::read_dir(language.path()).into_iter().flatten())
        .flatten()
        .map(|file| file.path())
        .collect();
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let name = file
            .strip_prefix(locales)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&file)
            .unwrap_or_default()
            .replace('\r', "");
        for byte in name.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
