/// A language a child may answer in. Their own words are never changed; a member of staff who
/// reads the language can put an English translation beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Language {
    English,
    Welsh,
    Polish,
    Romanian,
    Urdu,
    Arabic,
    Other,
}

coded!(Language {
    English => ("en", "English"),
    Welsh => ("cy", "Welsh"),
    Polish => ("pl", "Polish"),
    Romanian => ("ro", "Romanian"),
    Urdu => ("ur", "Urdu"),
    Arabic => ("ar", "Arabic"),
    Other => ("other", "another language"),
});

impl Language {
    /// The BCP 47 tag for a page's `lang` attribute, so a screen reader reads the child's words
    /// in their own language; `None` when the language has no tag here.
    pub fn tag(self) -> Option<&'static str> {
        (self != Language::Other).then(|| self.as_str())
    }
}
