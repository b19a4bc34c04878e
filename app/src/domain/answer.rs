use serde::{Deserialize, Serialize};

/// How a prompt lets a child answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerMode {
    EmojiScale,
    Text,
}

impl AnswerMode {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerMode::EmojiScale => "emoji_scale",
            AnswerMode::Text => "text",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "emoji_scale" => Some(AnswerMode::EmojiScale),
            "text" => Some(AnswerMode::Text),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AnswerMode::EmojiScale => "Emoji scale",
            AnswerMode::Text => "Text",
        }
    }
}

/// The five-point face scale. Each point has a word so no child has to read a face.
pub struct EmojiScale;

impl EmojiScale {
    pub const POINTS: [(i64, &'static str, &'static str); 5] = [
        (1, "😢", "Very sad"),
        (2, "🙁", "Sad"),
        (3, "😐", "Okay"),
        (4, "🙂", "Happy"),
        (5, "😄", "Very happy"),
    ];

    pub fn label(value: i64) -> Option<&'static str> {
        Self::POINTS
            .iter()
            .find(|(point, _, _)| *point == value)
            .map(|(_, _, label)| *label)
    }

    pub fn face(value: i64) -> Option<&'static str> {
        Self::POINTS
            .iter()
            .find(|(point, _, _)| *point == value)
            .map(|(_, face, _)| *face)
    }
}

/// The longest text answer we accept, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// What a child said, validated for its prompt's mode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Scale(i64),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("Please choose a face before pressing Next.")]
    NoFaceChosen,
    #[error("Please choose one of the faces.")]
    NotOnScale,
    #[error("Please write your answer before pressing Next.")]
    EmptyText,
    #[error("That is a lot of words! Please keep it under {MAX_TEXT_CHARS} characters.")]
    TooLong,
}

impl Answer {
    /// Turns what the form sent into an answer for a prompt of `mode`.
    pub fn parse(
        mode: AnswerMode,
        scale: Option<i64>,
        text: Option<&str>,
    ) -> Result<Self, AnswerError> {
        match mode {
            AnswerMode::EmojiScale => {
                let value = scale.ok_or(AnswerError::NoFaceChosen)?;
                EmojiScale::label(value).ok_or(AnswerError::NotOnScale)?;
                Ok(Answer::Scale(value))
            }
            AnswerMode::Text => {
                let text = text.map(str::trim).unwrap_or_default();
                if text.is_empty() {
                    Err(AnswerError::EmptyText)
                } else if text.chars().count() > MAX_TEXT_CHARS {
                    Err(AnswerError::TooLong)
                } else {
                    Ok(Answer::Text(text.to_owned()))
                }
            }
        }
    }

    pub fn mode(&self) -> AnswerMode {
        match self {
            Answer::Scale(_) => AnswerMode::EmojiScale,
            Answer::Text(_) => AnswerMode::Text,
        }
    }

    /// A human reading of the answer, for staff views and the receipt.
    pub fn describe(&self) -> String {
        match self {
            Answer::Scale(value) => format!(
                "{} {}",
                EmojiScale::face(*value).unwrap_or_default(),
                EmojiScale::label(*value).unwrap_or_default()
            ),
            Answer::Text(text) => text.clone(),
        }
    }
}

/// How the child communicated (Lundy's Voice): recorded beside the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Communicated {
    OwnWords,
    Supported,
    Interpreted,
}

impl Communicated {
    pub fn as_str(self) -> &'static str {
        match self {
            Communicated::OwnWords => "own_words",
            Communicated::Supported => "supported",
            Communicated::Interpreted => "interpreted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "own_words" => Some(Communicated::OwnWords),
            "supported" => Some(Communicated::Supported),
            "interpreted" => Some(Communicated::Interpreted),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Communicated::OwnWords => "Own words",
            Communicated::Supported => "Supported by an adult",
            Communicated::Interpreted => "Adult's interpretation",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_answers_must_be_a_face_on_the_scale() {
        assert_eq!(Answer::parse(AnswerMode::EmojiScale, Some(4), None), Ok(Answer::Scale(4)));
        assert_eq!(
            Answer::parse(AnswerMode::EmojiScale, None, None),
            Err(AnswerError::NoFaceChosen)
        );
        assert_eq!(
            Answer::parse(AnswerMode::EmojiScale, Some(9), None),
            Err(AnswerError::NotOnScale)
        );
    }

    #[test]
    fn text_answers_are_trimmed_and_must_not_be_empty() {
        assert_eq!(
            Answer::parse(AnswerMode::Text, None, Some("  more swimming ")),
            Ok(Answer::Text("more swimming".into()))
        );
        assert_eq!(
            Answer::parse(AnswerMode::Text, None, Some("   ")),
            Err(AnswerError::EmptyText)
        );
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(Answer::parse(AnswerMode::Text, None, Some(&long)), Err(AnswerError::TooLong));
    }
}
