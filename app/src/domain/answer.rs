use super::{icon, Prompt, Symbol};
use serde::{Deserialize, Serialize};

/// How a prompt lets a child answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerMode {
    EmojiScale,
    Choice,
    Text,
    Photo,
    Drawing,
    Audio,
}

impl AnswerMode {
    pub const ALL: [AnswerMode; 6] = [
        Self::EmojiScale,
        Self::Choice,
        Self::Text,
        Self::Photo,
        Self::Drawing,
        Self::Audio,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AnswerMode::EmojiScale => "emoji_scale",
            AnswerMode::Choice => "choice",
            AnswerMode::Text => "text",
            AnswerMode::Photo => "photo",
            AnswerMode::Drawing => "drawing",
            AnswerMode::Audio => "audio",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|mode| mode.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            AnswerMode::EmojiScale => crate::staff!(label.answer_mode.emoji_scale),
            AnswerMode::Choice => crate::staff!(label.answer_mode.choice),
            AnswerMode::Text => crate::staff!(label.answer_mode.text),
            AnswerMode::Photo => crate::staff!(label.answer_mode.photo),
            AnswerMode::Drawing => crate::staff!(label.answer_mode.drawing),
            AnswerMode::Audio => crate::staff!(label.answer_mode.audio),
        }
    }

    /// Parses a prompt's stored list of modes, e.g. `photo,text`.
    pub fn parse_list(list: &str) -> Option<Vec<AnswerMode>> {
        let modes: Option<Vec<_>> = list
            .split(',')
            .map(|m| AnswerMode::parse(m.trim()))
            .collect();
        modes.filter(|modes| !modes.is_empty())
    }
}

/// The face scale. Each point has a word so no child has to read a face. A three-point scale
/// uses the middle three faces, so a value means the same on either scale.
pub struct EmojiScale;

impl EmojiScale {
    /// The faces of a scale with `points` points (3 or 5).
    pub fn points(points: i64) -> &'static [(i64, Symbol, &'static str)] {
        if points == 3 {
            &Self::POINTS[1..4]
        } else {
            &Self::POINTS
        }
    }

    pub const POINTS: [(i64, Symbol, &'static str); 5] = [
        (1, icon::VERY_SAD, crate::staff!(label.face.very_sad)),
        (2, icon::SAD, crate::staff!(label.face.sad)),
        (3, icon::OKAY, crate::staff!(label.face.okay)),
        (4, icon::HAPPY, crate::staff!(label.face.happy)),
        (5, icon::VERY_HAPPY, crate::staff!(label.face.very_happy)),
    ];

    pub fn label(value: i64) -> Option<&'static str> {
        Self::POINTS
            .iter()
            .find(|(point, _, _)| *point == value)
            .map(|(_, _, label)| *label)
    }

    pub fn face(value: i64) -> Option<Symbol> {
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
    Choice(Vec<Chosen>),
    Text(String),
    Photo(MediaRef),
    Drawing(MediaRef),
    Audio(MediaRef),
    /// "I'd rather not say": a choice the child made, not a missing answer.
    Declined,
}

/// An option a child chose, with its words as they saw them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chosen {
    pub position: i64,
    pub label: String,
}

/// A photo, drawing or recording a child sent, by its media id, with who the child agreed may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaRef {
    pub media_id: String,
    pub consent: MediaConsent,
}

/// Who may see a child's photo, drawing or recording. Team only unless the child chose more.
/// Ordered from the fewest people to the most, so "narrower" is `<`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaConsent {
    #[default]
    Team,
    DecisionMakers,
    Public,
}

impl MediaConsent {
    pub const ALL: [MediaConsent; 3] = [Self::Team, Self::DecisionMakers, Self::Public];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Team => "team",
            Self::DecisionMakers => "decision_makers",
            Self::Public => "public",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|consent| consent.as_str() == s)
    }

    pub fn staff_label(self) -> &'static str {
        match self {
            Self::Team => crate::staff!(label.media_consent.team),
            Self::DecisionMakers => crate::staff!(label.media_consent.decision_makers),
            Self::Public => crate::staff!(label.media_consent.public),
        }
    }
}

/// Why an answer could not be taken; worded in the page's language by `ui::words`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerError {
    NoFaceChosen,
    NotOnScale,
    EmptyText,
    /// Longer than [`MAX_TEXT_CHARS`].
    TooLong,
    NoPicture,
    NoChoice,
    OnlyOne,
    NotAChoice,
}

impl Answer {
    /// Turns what a form sent into an answer given in `mode` to a prompt whose face scale has
    /// `scale_points` points. Photos arrive as uploads and are not parsed here.
    pub fn parse(
        mode: AnswerMode,
        scale_points: i64,
        scale: Option<i64>,
        text: Option<&str>,
    ) -> Result<Self, AnswerError> {
        match mode {
            AnswerMode::EmojiScale => {
                let value = scale.ok_or(AnswerError::NoFaceChosen)?;
                if !EmojiScale::points(scale_points)
                    .iter()
                    .any(|(point, _, _)| *point == value)
                {
                    return Err(AnswerError::NotOnScale);
                }
                Ok(Answer::Scale(value))
            }
            AnswerMode::Text => {
                let text = super::text::clean(text.unwrap_or_default());
                if text.is_empty() {
                    Err(AnswerError::EmptyText)
                } else if text.chars().count() > MAX_TEXT_CHARS {
                    Err(AnswerError::TooLong)
                } else {
                    Ok(Answer::Text(text))
                }
            }
            AnswerMode::Photo | AnswerMode::Drawing | AnswerMode::Audio => {
                Err(AnswerError::NoPicture)
            }
            AnswerMode::Choice => Err(AnswerError::NoChoice),
        }
    }

    /// The options chosen (by position) on a choice prompt, checked against its options.
    pub fn parse_choice(prompt: &Prompt, positions: &[i64]) -> Result<Self, AnswerError> {
        let mut positions = positions.to_vec();
        positions.sort_unstable();
        positions.dedup();
        if positions.is_empty() {
            return Err(AnswerError::NoChoice);
        }
        if positions.len() > 1 && !prompt.multiple {
            return Err(AnswerError::OnlyOne);
        }
        positions
            .into_iter()
            .map(|position| {
                prompt
                    .options
                    .iter()
                    .find(|option| option.position == position)
                    .map(|option| Chosen {
                        position,
                        label: option.label.clone(),
                    })
                    .ok_or(AnswerError::NotAChoice)
            })
            .collect::<Result<_, _>>()
            .map(Answer::Choice)
    }

    /// The way the child answered; `None` when they chose not to say.
    pub fn mode(&self) -> Option<AnswerMode> {
        match self {
            Answer::Scale(_) => Some(AnswerMode::EmojiScale),
            Answer::Choice(_) => Some(AnswerMode::Choice),
            Answer::Text(_) => Some(AnswerMode::Text),
            Answer::Photo(_) => Some(AnswerMode::Photo),
            Answer::Drawing(_) => Some(AnswerMode::Drawing),
            Answer::Audio(_) => Some(AnswerMode::Audio),
            Answer::Declined => None,
        }
    }

    /// The stored media of a photo, drawing or recording.
    pub fn media(&self) -> Option<&MediaRef> {
        match self {
            Answer::Photo(media) | Answer::Drawing(media) | Answer::Audio(media) => Some(media),
            _ => None,
        }
    }

    /// The `mode` column of a stored contribution.
    pub fn stored_mode(&self) -> &'static str {
        self.mode().map_or(DECLINED, AnswerMode::as_str)
    }

    /// A human reading of the answer in English, for staff views (`ui::words::said` words it in
    /// the child's language for their receipt).
    pub fn describe(&self) -> String {
        match self {
            Answer::Scale(value) => EmojiScale::label(*value).unwrap_or_default().to_owned(),
            Answer::Text(text) => text.clone(),
            Answer::Choice(chosen) => chosen
                .iter()
                .map(|c| c.label.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            Answer::Photo(_) => "A photo".into(),
            Answer::Drawing(_) => "A drawing".into(),
            Answer::Audio(_) => "A voice recording".into(),
            Answer::Declined => "I'd rather not say".into(),
        }
    }
}

/// The stored mode of an answer the child chose not to give.
pub const DECLINED: &str = "declined";

/// How the Voice step names the way a child answered.
pub fn mode_label(mode: Option<AnswerMode>) -> &'static str {
    mode.map_or(crate::staff!(label.answer_mode.declined), AnswerMode::label)
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
            Communicated::OwnWords => crate::staff!(label.communicated.own_words),
            Communicated::Supported => crate::staff!(label.communicated.supported),
            Communicated::Interpreted => crate::staff!(label.communicated.interpreted),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_answers_must_be_a_face_on_the_scale() {
        assert_eq!(
            Answer::parse(AnswerMode::EmojiScale, 5, Some(4), None),
            Ok(Answer::Scale(4))
        );
        assert_eq!(
            Answer::parse(AnswerMode::EmojiScale, 5, None, None),
            Err(AnswerError::NoFaceChosen)
        );
        assert_eq!(
            Answer::parse(AnswerMode::EmojiScale, 5, Some(9), None),
            Err(AnswerError::NotOnScale)
        );
    }

    #[test]
    fn text_answers_are_trimmed_and_must_not_be_empty() {
        assert_eq!(
            Answer::parse(AnswerMode::Text, 5, None, Some("  more swimming ")),
            Ok(Answer::Text("more swimming".into()))
        );
        assert_eq!(
            Answer::parse(AnswerMode::Text, 5, None, Some("   ")),
            Err(AnswerError::EmptyText)
        );
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            Answer::parse(AnswerMode::Text, 5, None, Some(&long)),
            Err(AnswerError::TooLong)
        );
    }

    #[test]
    fn a_three_point_scale_uses_the_middle_faces() {
        assert_eq!(
            Answer::parse(AnswerMode::EmojiScale, 3, Some(2), None),
            Ok(Answer::Scale(2))
        );
        assert_eq!(
            Answer::parse(AnswerMode::EmojiScale, 3, Some(5), None),
            Err(AnswerError::NotOnScale)
        );
        assert_eq!(
            EmojiScale::points(3)
                .iter()
                .map(|p| p.2)
                .collect::<Vec<_>>(),
            ["Sad", "Okay", "Happy"]
        );
    }

    #[test]
    fn a_prompt_lists_its_modes_in_order() {
        assert_eq!(
            AnswerMode::parse_list("photo,text"),
            Some(vec![AnswerMode::Photo, AnswerMode::Text])
        );
        assert_eq!(AnswerMode::parse_list("photo,song"), None);
        assert_eq!(AnswerMode::parse_list(""), None);
    }

    fn choice_prompt(multiple: bool) -> Prompt {
        let option = |position: i64, label: &str| crate::domain::ChoiceOption {
            position,
            label: label.into(),
            symbol: None,
        };
        Prompt {
            id: "p".into(),
            position: 1,
            text: "What would you like?".into(),
            easy_read: "Pick".into(),
            modes: vec![AnswerMode::Choice],
            scale_points: 5,
            symbol: None,
            options: vec![option(1, "Swimming"), option(2, "Music"), option(3, "Art")],
            multiple,
            words_in: Default::default(),
            options_in: Default::default(),
        }
    }

    #[test]
    fn choices_must_be_options_of_the_prompt() {
        let several = choice_prompt(true);
        let chosen = Answer::parse_choice(&several, &[3, 1, 3]).unwrap();
        let Answer::Choice(chosen) = chosen else {
            panic!("not a choice")
        };
        let labels: Vec<&str> = chosen.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Swimming", "Art"]);
        assert_eq!(
            Answer::parse_choice(&several, &[]),
            Err(AnswerError::NoChoice)
        );
        assert_eq!(
            Answer::parse_choice(&several, &[9]),
            Err(AnswerError::NotAChoice)
        );
        let one = choice_prompt(false);
        assert_eq!(
            Answer::parse_choice(&one, &[1, 2]),
            Err(AnswerError::OnlyOne)
        );
        assert!(Answer::parse_choice(&one, &[2]).is_ok());
    }
}
