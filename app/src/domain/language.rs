/// A language a child may answer in. Their own words are never changed; a member of staff who
/// reads the language can put an English translation beside them.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    #[default]
    English,
    Welsh,
    Polish,
    Romanian,
    Urdu,
    Arabic,
    Other,
}

coded!(Language {
    English => ("en", label.language.english),
    Welsh => ("cy", label.language.welsh),
    Polish => ("pl", label.language.polish),
    Romanian => ("ro", label.language.romanian),
    Urdu => ("ur", label.language.urdu),
    Arabic => ("ar", label.language.arabic),
    Other => ("other", label.language.other),
});

impl Language {
    /// The BCP 47 tag for a page's `lang` attribute, so a screen reader reads the child's words
    /// in their own language; `None` when the language has no tag here.
    pub fn tag(self) -> Option<&'static str> {
        (self != Language::Other).then(|| self.as_str())
    }
}

/// Shows a child's page in a chosen language inside a staff page: the facilitator's preview.
#[derive(Clone, Copy, Debug)]
pub struct PreviewLanguage(pub Language);

impl Language {
    /// The languages a child's pages are written in, in the order the choice shows them.
    pub const FOR_PAGES: [Language; 6] = [
        Language::English,
        Language::Welsh,
        Language::Polish,
        Language::Romanian,
        Language::Urdu,
        Language::Arabic,
    ];

    /// The language's name in itself, as a child who reads it would look for it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Welsh => "Cymraeg",
            Language::Polish => "Polski",
            Language::Romanian => "Română",
            Language::Urdu => "اردو",
            Language::Arabic => "العربية",
            Language::Other => "Other",
        }
    }

    pub fn right_to_left(self) -> bool {
        matches!(self, Language::Urdu | Language::Arabic)
    }

    /// `dir` for an element in this language.
    pub fn dir(self) -> &'static str {
        if self.right_to_left() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language of a child's pages: chosen on this tablet for this turn. Read from the
    /// cookie on the server and from `<html lang>` in the browser, so hydration sees what the
    /// server drew.
    pub fn of_child_pages() -> Language {
        if let Some(PreviewLanguage(language)) = leptos::prelude::use_context() {
            return language;
        }
        #[cfg(feature = "ssr")]
        let chosen = crate::auth::page_language();
        #[cfg(not(feature = "ssr"))]
        let chosen = leptos::prelude::document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|tag| Language::for_pages(&tag));
        chosen.unwrap_or(Language::English)
    }

    /// A page language from its tag; `None` for anything the child's pages are not written in.
    pub fn for_pages(tag: &str) -> Option<Language> {
        let primary = tag.split('-').next().unwrap_or_default();
        Language::FOR_PAGES
            .into_iter()
            .find(|language| language.as_str() == primary)
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn page_languages_come_from_their_tags_only() {
        assert_eq!(Language::for_pages("en-GB"), Some(Language::English));
        assert_eq!(Language::for_pages("ur"), Some(Language::Urdu));
        assert_eq!(Language::for_pages("other"), None);
        assert_eq!(Language::for_pages("fr"), None);
        assert_eq!(Language::for_pages(""), None);
        for language in Language::FOR_PAGES {
            assert_eq!(Language::for_pages(language.as_str()), Some(language));
        }
    }
}
