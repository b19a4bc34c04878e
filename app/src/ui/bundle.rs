//! Which wasm bundle a page hydrates with. The child's turn and the receipt pages have smaller
//! bundles of their own (`frontend-child`, `frontend-receipt`), so a child's tablet does not
//! download the staff pages' code over a school's Wi-Fi.

use leptos::prelude::*;

/// The browser code a page hydrates with: the child's turn and the receipt pages each have a
/// bundle of their own when the release has it (`hash-child.txt`, `hash-receipt.txt` beside the
/// server, see `Cargo.toml`); staff pages, and every page of a build without them, load everything.
pub(super) fn for_this_page(options: LeptosOptions) -> LeptosOptions {
    #[cfg(feature = "ssr")]
    {
        let own = use_context::<axum::http::request::Parts>()
            .and_then(|request| own_bundle(request.uri.path()))
            .filter(|hashes| options.hash_files && bundle_built(&options, hashes));
        if let Some(hashes) = own {
            let mut own_options = options;
            own_options.hash_file = hashes.into();
            return own_options;
        }
    }
    options
}

/// The hash files of the bundles that hydrate part of the site (see `own_bundle`).
#[cfg(feature = "ssr")]
const CHILD_BUNDLE: &str = "hash-child.txt";
#[cfg(feature = "ssr")]
const RECEIPT_BUNDLE: &str = "hash-receipt.txt";

/// The hash file of the bundle that hydrates the page at `path`, when it is not the whole one.
/// Follows the route groups in `ui/mod.rs`: `ReceiptRoutes` under /receipt, /board and
/// /what-happens, `ChildRoutes` everywhere else outside /staff.
#[cfg(feature = "ssr")]
fn own_bundle(path: &str) -> Option<&'static str> {
    if path.starts_with("/staff") {
        None
    } else if ["/board", "/receipt", "/what-happens"].contains(&path)
        || path.starts_with("/receipt/")
    {
        Some(RECEIPT_BUNDLE)
    } else {
        Some(CHILD_BUNDLE)
    }
}

/// Whether the bundle named in `hashes` is among the site's files: a release built without it
/// (`cargo leptos build` alone) may leave an older hash file behind. Looked at once.
#[cfg(feature = "ssr")]
fn bundle_built(options: &LeptosOptions, hashes: &str) -> bool {
    use std::sync::OnceLock;
    static BUILT: OnceLock<Vec<&'static str>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            [CHILD_BUNDLE, RECEIPT_BUNDLE]
                .into_iter()
                .filter(|hashes| names_a_built_wasm(options, hashes))
                .collect()
        })
        .contains(&hashes)
}

#[cfg(feature = "ssr")]
fn names_a_built_wasm(options: &LeptosOptions, hashes: &str) -> bool {
    let Some(server_dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.to_owned()))
    else {
        return false;
    };
    let Ok(lines) = std::fs::read_to_string(server_dir.join(hashes)) else {
        return false;
    };
    lines
        .lines()
        .filter_map(|line| line.split_once(':'))
        .any(|(kind, hash)| {
            kind.trim() == "wasm"
                && std::path::Path::new(&*options.site_root)
                    .join(&*options.site_pkg_dir)
                    .join(format!("{}.{}.wasm", options.output_name, hash.trim()))
                    .exists()
        })
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn staff_pages_load_the_whole_bundle() {
        assert_eq!(own_bundle("/staff"), None);
        assert_eq!(own_bundle("/staff/sessions/4"), None);
    }

    /// A page added to a route group but not to `own_bundle` would be drawn by the server and
    /// then hydrated by a bundle whose router does not know it.
    #[test]
    fn every_route_of_a_bundle_is_served_with_that_bundle() {
        fn paths<IV: IntoView + 'static>(
            app: impl Fn() -> IV + Clone + Send + 'static,
        ) -> Vec<String> {
            leptos_axum::generate_route_list(app)
                .iter()
                .map(|route| {
                    let segments = route.path().split('/').map(|segment| {
                        if segment.starts_with('{') || segment.starts_with(':') {
                            "x"
                        } else {
                            segment
                        }
                    });
                    segments.collect::<Vec<_>>().join("/")
                })
                .collect()
        }
        let child = paths(crate::ui::ChildApp);
        let receipt = paths(crate::ui::ReceiptApp);
        assert!(
            child.len() >= 7 && receipt.len() >= 6,
            "{child:?} {receipt:?}"
        );
        for path in child {
            assert_eq!(own_bundle(&path), Some(CHILD_BUNDLE), "{path}");
        }
        for path in receipt {
            assert_eq!(own_bundle(&path), Some(RECEIPT_BUNDLE), "{path}");
        }
    }
}
