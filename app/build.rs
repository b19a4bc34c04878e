//! Turns the translation files in `locales/<language>/` into the `i18n` module, so a key or a
//! placeholder that does not exist is a compile error.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let config = Config::new("en")
        .and_then(|config| config.add_locales(["cy", "pl", "ro", "ur", "ar"]))
        .and_then(|config| config.add_namespace("child"))
        // Placeholders filled into plain strings, for attributes and read-aloud text.
        .map(|config| config.parse_options(ParseOptions::new().interpolate_display(true)))
        .expect("the languages are valid tags");
    let translations = TranslationsInfos::parse(config).expect("the translation files parse");
    translations.rerun_if_locales_changed();
    translations.emit_diagnostics();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    translations
        .generate_i18n_module(out.join("i18n"))
        .expect("the i18n module is written");
}
