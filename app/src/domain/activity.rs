//! What a facilitator writes when building an activity, checked before it is stored.

use super::{AnswerMode, Choice, Field, StaffProblem, Symbol};

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_PROMPT_CHARS: usize = 300;
pub const MAX_OPTION_CHARS: usize = 60;
pub const MAX_OPTIONS: usize = 12;
pub const MAX_THEME_CHARS: usize = 60;

/// An activity's own fields: what it is, who hears the answers, which priorities it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityDraft {
    pub title: String,
    pub intro: String,
    pub forum_id: String,
    pub priority_ids: Vec<String>,
}

impl ActivityDraft {
    pub fn parse(
        title: &str,
        intro: &str,
        forum_id: &str,
        priority_ids: Vec<String>,
    ) -> Result<Self, StaffProblem> {
        let title = within(Field::Title, title, MAX_TITLE_CHARS)?;
        let intro = within(Field::ActivityIntro, intro, MAX_PROMPT_CHARS)?;
        if forum_id.trim().is_empty() {
            return Err(StaffProblem::Choose(Choice::Audience));
        }
        let mut priority_ids: Vec<String> = priority_ids
            .into_iter()
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
            .collect();
        priority_ids.sort();
        priority_ids.dedup();
        if priority_ids.is_empty() {
            return Err(StaffProblem::Choose(Choice::Priorities));
        }
        Ok(Self {
            title,
            intro,
            forum_id: forum_id.trim().to_owned(),
            priority_ids,
        })
    }
}

/// A question as the facilitator writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromptDraft {
    pub text: String,
    pub easy_read: String,
    pub symbol: Option<String>,
    pub modes: Vec<AnswerMode>,
    pub scale_points: i64,
    pub multiple: bool,
    /// Label and picture of each option, in order; empty unless a choice is offered.
    pub options: Vec<(String, Option<String>)>,
}

/// The form's fields for one prompt, as typed.
#[derive(Clone, Debug, Default)]
pub struct PromptForm<'a> {
    pub text: &'a str,
    pub easy_read: &'a str,
    pub symbol: &'a str,
    pub modes: &'a [String],
    pub scale_points: &'a str,
    pub multiple: bool,
    pub option_labels: &'a [String],
    pub option_symbols: &'a [String],
}

impl PromptDraft {
    pub fn parse(form: PromptForm<'_>) -> Result<Self, StaffProblem> {
        let text = within(Field::Question, form.text, MAX_PROMPT_CHARS)?;
        let easy_read = within(Field::EasyReadWords, form.easy_read, MAX_PROMPT_CHARS)?;
        let symbol = picture(form.symbol)?;
        let mut modes = Vec::new();
        for mode in AnswerMode::ALL {
            if form.modes.iter().any(|m| m == mode.as_str()) {
                modes.push(mode);
            }
        }
        if modes.is_empty() {
            return Err(StaffProblem::Choose(Choice::WayToAnswer));
        }
        let scale_points = match form.scale_points.trim() {
            "" | "5" => 5,
            "3" => 3,
            _ => return Err(StaffProblem::ScaleFaces),
        };
        let mut options = Vec::new();
        if modes.contains(&AnswerMode::Choice) {
            for (i, label) in form.option_labels.iter().enumerate() {
                let label = label.trim();
                if label.is_empty() {
                    continue;
                }
                if label.chars().count() > MAX_OPTION_CHARS {
                    return Err(StaffProblem::OptionTooLong {
                        option: label.to_owned(),
                        max: MAX_OPTION_CHARS,
                    });
                }
                let symbol = picture(form.option_symbols.get(i).map_or("", String::as_str))?;
                options.push((label.to_owned(), symbol));
            }
            if options.len() < 2 {
                return Err(StaffProblem::TooFewOptions);
            }
            if options.len() > MAX_OPTIONS {
                return Err(StaffProblem::TooManyOptions { max: MAX_OPTIONS });
            }
        }
        Ok(Self {
            text,
            easy_read,
            symbol,
            modes,
            scale_points,
            multiple: form.multiple && !options.is_empty(),
            options,
        })
    }

    /// The stored list of modes, e.g. `photo,text`.
    pub fn modes_list(&self) -> String {
        let modes: Vec<&str> = self.modes.iter().map(|m| m.as_str()).collect();
        modes.join(",")
    }
}

/// A theme name for an activity's list.
pub fn theme_name(name: &str) -> Result<String, StaffProblem> {
    within(Field::Theme, name, MAX_THEME_CHARS)
}

pub(super) fn within(field: Field, value: &str, max: usize) -> Result<String, StaffProblem> {
    let value = value.trim();
    if value.is_empty() {
        Err(StaffProblem::FillIn(field))
    } else if value.chars().count() > max {
        Err(StaffProblem::Shorten { field, max })
    } else {
        Ok(value.to_owned())
    }
}

/// An optional picture: empty means none; anything else must be a symbol Heard ships.
fn picture(hex: &str) -> Result<Option<String>, StaffProblem> {
    let hex = hex.trim();
    if hex.is_empty() {
        return Ok(None);
    }
    Symbol::find(hex)
        .map(|symbol| Some(symbol.hex.to_owned()))
        .ok_or(StaffProblem::ChooseFromList(Choice::Picture))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn a_choice_keeps_the_options_with_words_in_order() {
        let modes = strings(&["choice", "text"]);
        let labels = strings(&["Swimming", "", "  Cinema "]);
        let symbols = strings(&["", "", ""]);
        let draft = PromptDraft::parse(PromptForm {
            text: "What would you like to do?",
            easy_read: "Things to do",
            modes: &modes,
            multiple: true,
            option_labels: &labels,
            option_symbols: &symbols,
            ..Default::default()
        })
        .unwrap();
        assert_eq!(draft.modes, vec![AnswerMode::Choice, AnswerMode::Text]);
        assert_eq!(
            draft.options,
            vec![("Swimming".into(), None), ("Cinema".into(), None)]
        );
        assert!(draft.multiple);
        assert_eq!(draft.modes_list(), "choice,text");
    }

    #[test]
    fn a_prompt_needs_words_a_way_to_answer_and_real_options() {
        let text = strings(&["text"]);
        let form = |modes: &[String], labels: &[String]| -> Result<PromptDraft, StaffProblem> {
            let symbols = Vec::new();
            PromptDraft::parse(PromptForm {
                text: "Q",
                easy_read: "Q",
                modes,
                option_labels: labels,
                option_symbols: &symbols,
                ..Default::default()
            })
        };
        assert!(form(&[], &[]).unwrap_err() == StaffProblem::Choose(Choice::WayToAnswer));
        assert!(form(&strings(&["choice"]), &strings(&["One"]))
            .unwrap_err()
            .eq(&StaffProblem::TooFewOptions));
        assert!(form(&text, &[]).is_ok());
        let no_words = PromptDraft::parse(PromptForm {
            text: "  ",
            easy_read: "Q",
            modes: &text,
            ..Default::default()
        });
        assert_eq!(no_words.unwrap_err(), StaffProblem::FillIn(Field::Question));
        let made_up_picture = PromptDraft::parse(PromptForm {
            text: "Q",
            easy_read: "Q",
            symbol: "<svg>",
            modes: &text,
            ..Default::default()
        });
        assert_eq!(
            made_up_picture.unwrap_err(),
            StaffProblem::ChooseFromList(Choice::Picture)
        );
    }
}
