/// How the child's screens look: chosen on the tablet, kept only until "Next person".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Display {
    pub large_text: bool,
    pub high_contrast: bool,
}

impl Display {
    pub fn parse(value: &str) -> Self {
        Display {
            large_text: value.split('.').any(|part| part == "large"),
            high_contrast: value.split('.').any(|part| part == "contrast"),
        }
    }

    pub fn as_cookie(self) -> String {
        let mut parts = Vec::new();
        if self.large_text {
            parts.push("large");
        }
        if self.high_contrast {
            parts.push("contrast");
        }
        parts.join(".")
    }

    /// Classes for `<body>`, which the style sheet turns into bigger text or high contrast.
    pub fn body_class(self) -> String {
        let mut classes = Vec::new();
        if self.large_text {
            classes.push("large-text");
        }
        if self.high_contrast {
            classes.push("high-contrast");
        }
        classes.join(" ")
    }

    /// The display as the page was rendered: from the cookie on the server, from `<body>` in the
    /// browser, so hydration sees what the server drew.
    pub fn current() -> Self {
        #[cfg(feature = "ssr")]
        {
            crate::auth::display()
        }
        #[cfg(not(feature = "ssr"))]
        {
            let classes = leptos::prelude::document()
                .body()
                .map(|body| body.class_name())
                .unwrap_or_default();
            Display {
                large_text: classes.split(' ').any(|c| c == "large-text"),
                high_contrast: classes.split(' ').any(|c| c == "high-contrast"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Display;

    #[test]
    fn the_cookie_round_trips() {
        for display in [
            Display::default(),
            Display {
                large_text: true,
                high_contrast: false,
            },
            Display {
                large_text: true,
                high_contrast: true,
            },
        ] {
            assert_eq!(Display::parse(&display.as_cookie()), display);
        }
        assert_eq!(Display::parse("nonsense"), Display::default());
    }
}
