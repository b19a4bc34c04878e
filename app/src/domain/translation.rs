//! What a facilitator wrote (an activity's title and intro, a prompt's words and options), in
//! the languages of the child's pages. English is the source; a child sees their language where
//! a translation exists and English otherwise, marked as English.

use super::activity::{within, MAX_OPTION_CHARS, MAX_PROMPT_CHARS, MAX_TITLE_CHARS};
use super::{Field, Language, Prompt, StaffProblem};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityWords {
    pub title: String,
    pub intro: String,
}

impl ActivityWords {
    pub fn parse(title: &str, intro: &str) -> Result<Self, StaffProblem> {
        Ok(Self {
            title: within(Field::Title, title, MAX_TITLE_CHARS)?,
            intro: within(Field::ActivityIntro, intro, MAX_PROMPT_CHARS)?,
        })
    }
}

/// "You said, we did" in another language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackWords {
    pub plain_text: String,
    pub easy_read: String,
}

/// Longer than any message a child is asked to read.
const MAX_FEEDBACK_CHARS: usize = 1000;

impl FeedbackWords {
    pub fn parse(plain_text: &str, easy_read: &str) -> Result<Self, StaffProblem> {
        Ok(Self {
            plain_text: within(Field::Message, plain_text, MAX_FEEDBACK_CHARS)?,
            easy_read: within(Field::EasyReadMessage, easy_read, MAX_FEEDBACK_CHARS)?,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptWords {
    pub text: String,
    pub easy_read: String,
    /// One label per option of the prompt, in its order.
    pub options: Vec<String>,
}

impl PromptWords {
    /// A translation of `prompt`: every field the English has, and a label for every option.
    pub fn parse(
        prompt: &Prompt,
        text: &str,
        easy_read: &str,
        options: &[String],
    ) -> Result<Self, StaffProblem> {
        let text = within(Field::Question, text, MAX_PROMPT_CHARS)?;
        let easy_read = within(Field::EasyReadWords, easy_read, MAX_PROMPT_CHARS)?;
        if options.len() != prompt.options.len() {
            return Err(StaffProblem::TranslateEachOption {
                count: prompt.options.len(),
            });
        }
        let options = options
            .iter()
            .enumerate()
            .map(|(n, label)| within(Field::Option(n + 1), label, MAX_OPTION_CHARS))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            text,
            easy_read,
            options,
        })
    }

    /// Whether the English has changed shape since this was written: options added or removed.
    pub fn fits(&self, prompt: &Prompt) -> bool {
        self.options.len() == prompt.options.len()
    }
}

/// Every translation of an activity, for its builder.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translations {
    pub activity: Vec<(Language, ActivityWords)>,
    /// (prompt id, language, words).
    pub prompts: Vec<(String, Language, PromptWords)>,
}

impl Translations {
    pub fn of_activity(&self, language: Language) -> Option<&ActivityWords> {
        self.activity
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, words)| words)
    }

    pub fn of_prompt(&self, prompt_id: &str, language: Language) -> Option<&PromptWords> {
        self.prompts
            .iter()
            .find(|(id, l, _)| id == prompt_id && *l == language)
            .map(|(_, _, words)| words)
    }
}

impl Prompt {
    /// The prompt as a child reading `language` sees it: translated where the translation fits,
    /// and each part saying which language it is in.
    pub fn in_language(mut self, language: Language, words: Option<&PromptWords>) -> Prompt {
        let Some(words) = words else {
            return self;
        };
        self.text = words.text.clone();
        self.easy_read = words.easy_read.clone();
        self.words_in = language;
        if words.fits(&self) {
            for (option, label) in self.options.iter_mut().zip(&words.options) {
                option.label = label.clone();
            }
            self.options_in = language;
        }
        self
    }
}
