//! The words of the child's pages, from the translation files in `app/locales/<language>/`,
//! in the language chosen for the turn. `say!(join.title)` names a phrase; the server has every
//! language compiled in with checked keys, the browser only English and the page's own language
//! (see `phrases`).

// Generated from `app/locales` by leptos_i18n (see `app/build/main.rs`).
#[cfg(feature = "ssr")]
#[allow(clippy::all, unused_imports, dead_code)]
#[rustfmt::skip]
#[path = "../i18n/mod.rs"]
mod generated;
mod phrases;
mod staff_problems;

/// The staff pages' words, from `app/locales/en/staff.json` (see `app/build/staff_words.rs`):
/// `staff!(session.close)`.
#[allow(non_upper_case_globals, non_camel_case_types, dead_code)]
pub mod staff {
    include!(concat!(env!("OUT_DIR"), "/staff_words.rs"));
}

use crate::domain::{
    AnswerError, AnswerMode, Day, DecisionStatus, Language, MediaConsent, Moment, ProblemCode,
    UploadProblem, MAX_RECORDING_SECS, MAX_TEXT_CHARS, PHOTO_MAX_MB,
};
use crate::error::Transport;
use leptos::prelude::IntoView;
#[cfg(not(feature = "ssr"))]
pub use phrases::phrase;
pub use phrases::{fill, learn, page_phrases, BLOCK_ID};

/// leptos_i18n's name for a language of the child's pages; English for anything else.
#[cfg(feature = "ssr")]
pub fn locale_of(language: Language) -> generated::i18n::Locale {
    use generated::i18n::Locale;
    match language {
        Language::Welsh => Locale::cy,
        Language::Polish => Locale::pl,
        Language::Romanian => Locale::ro,
        Language::Urdu => Locale::ur,
        Language::Arabic => Locale::ar,
        Language::English | Language::Other => Locale::en,
    }
}

/// A phrase of the child's pages in the page's language: `say!(join.title)`, with placeholders
/// as `say!(will_hear, audience = name)` (or `say!(rights.kept, months)` for a variable of that
/// name).
#[macro_export]
macro_rules! say {
    ($($key:tt)*) => {
        $crate::say_in!($crate::domain::Language::of_child_pages(), $($key)*)
    };
}

/// A phrase in a given language: on the server through leptos_i18n, whose macro checks the key
/// and its placeholders when Heard is built.
#[cfg(feature = "ssr")]
#[macro_export]
macro_rules! say_in {
    ($language:expr, $($key:tt)*) => {
        leptos_i18n::td_string!($crate::ui::words::locale_of($language), child.$($key)*)
    };
}

/// In the browser, from the phrases the page brought (the server build checks the same keys).
#[cfg(not(feature = "ssr"))]
#[macro_export]
macro_rules! say_in {
    ($language:expr, $first:ident $(. $rest:ident)*) => {
        $crate::ui::words::phrase($language, concat!(stringify!($first) $(, ".", stringify!($rest))*))
    };
    ($language:expr, $first:ident $(. $rest:ident)*, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::ui::words::fill(
            $crate::ui::words::phrase($language, concat!(stringify!($first) $(, ".", stringify!($rest))*)),
            &[$((stringify!($name), ($crate::placeholder!($name $(= $value)?)).to_string())),+],
        )
    };
}

/// A phrase of the staff pages: `staff!(session.close)` is a `&'static str`;
/// `staff!(session.joined, count = n)` (or `staff!(session.joined, count)`) a `String`. English
/// for now, but through keys a missing one of which does not compile.
#[macro_export]
macro_rules! staff {
    ($first:ident $(. $rest:ident)*) => {
        $crate::ui::words::staff::$first $(::$rest)*
    };
    ($first:ident $(. $rest:ident)*, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        ::std::string::ToString::to_string(&$crate::ui::words::staff::$first $(::$rest)* {
            $($name: &$crate::placeholder!($name $(= $value)?)),+
        })
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! placeholder {
    ($name:ident) => {
        $name
    };
    ($name:ident = $value:expr) => {
        $value
    };
}

/// The word under a face of the emoji scale.
pub fn face(value: i64) -> &'static str {
    match value {
        1 => crate::say!(question.very_sad),
        2 => crate::say!(question.sad),
        3 => crate::say!(question.okay),
        4 => crate::say!(question.happy),
        _ => crate::say!(question.very_happy),
    }
}

/// The button that offers a way of answering.
pub fn invitation(mode: AnswerMode) -> &'static str {
    match mode {
        AnswerMode::EmojiScale => crate::say!(question.choose_face),
        AnswerMode::Choice => crate::say!(question.choose_pictures),
        AnswerMode::Text => crate::say!(question.write_it),
        AnswerMode::Photo => crate::say!(question.show_photo),
        AnswerMode::Drawing => crate::say!(question.draw_it),
        AnswerMode::Audio => crate::say!(question.say_it),
    }
}

/// Who may see a picture or recording, as the child is asked it.
pub fn consent(consent: MediaConsent) -> &'static str {
    match consent {
        MediaConsent::Team => crate::say!(media.team),
        MediaConsent::DecisionMakers => crate::say!(media.decision_makers),
        MediaConsent::Public => crate::say!(media.public),
    }
}

/// Why a picture or recording was not taken, and what to do.
pub fn upload_problem(problem: UploadProblem) -> String {
    match problem {
        UploadProblem::TooLarge => crate::say!(media.too_large, megabytes = PHOTO_MAX_MB),
        UploadProblem::TooLong => crate::say!(media.too_long, minutes = MAX_RECORDING_SECS / 60),
        UploadProblem::Empty => crate::say!(media.empty).to_owned(),
        UploadProblem::NotAllowed => crate::say!(media.not_allowed).to_owned(),
        UploadProblem::TooManyPixels => crate::say!(media.too_many_pixels).to_owned(),
        UploadProblem::Unreadable => crate::say!(media.unreadable).to_owned(),
        UploadProblem::Conflict => crate::say!(media.conflict).to_owned(),
        UploadProblem::NotSaved => crate::say!(media.not_saved).to_owned(),
    }
}

/// What went wrong, in the page's language.
pub fn problem(code: ProblemCode) -> String {
    problem_in(Language::of_child_pages(), code)
}

/// A call that did not get through or failed on our side, in `language`: a child can meet these
/// on any page, so they are the child's phrases.
pub fn call_failed_in(language: Language, failure: Option<Transport>) -> &'static str {
    match failure {
        Some(Transport::Unreachable) => crate::say_in!(language, problem.unreachable),
        Some(Transport::NotUnderstood) => crate::say_in!(language, problem.not_understood),
        Some(Transport::Failed) | None => crate::say_in!(language, problem.our_side),
    }
}

/// The words of each problem a form of the turn can be refused with, for the offline bar: the
/// service worker sends kept forms again once the Wi-Fi is back and hears only the code. A JSON
/// object keyed by the code as the server's error names it (`"TurnFinished"`,
/// `{"Answer":"NoFaceChosen"}`). Drawn by the server only: the page's head is never hydrated.
pub fn turn_problems() -> String {
    #[cfg(feature = "ssr")]
    {
        let words: serde_json::Map<String, serde_json::Value> = ProblemCode::OF_A_TURN
            .iter()
            .filter_map(|code| Some((serde_json::to_string(code).ok()?, problem(*code).into())))
            .collect();
        serde_json::Value::Object(words).to_string()
    }
    #[cfg(not(feature = "ssr"))]
    String::new()
}

/// In English, for the staff pages and the server's log.
impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&problem_in(Language::English, *self))
    }
}

fn problem_in(language: Language, code: ProblemCode) -> String {
    macro_rules! words {
        ($($key:tt)*) => {
            crate::say_in!(language, problem.$($key)*).to_owned()
        };
    }
    match code {
        ProblemCode::JoinCodeMissing => words!(join_code_missing),
        ProblemCode::JoinCodeUnknown => words!(join_code_unknown),
        ProblemCode::JoinTooOften => words!(join_too_often),
        ProblemCode::TurnNotFound => words!(turn_not_found),
        ProblemCode::TurnFinished => words!(turn_finished),
        ProblemCode::NotStarted => words!(not_started),
        ProblemCode::ChooseAge => words!(choose_age),
        ProblemCode::ChooseWay => words!(choose_way),
        ProblemCode::ChooseHowChildAnswered => words!(choose_how_child_answered),
        ProblemCode::QuestionNotFound => words!(question_not_found),
        ProblemCode::QuestionNotInActivity => words!(question_not_in_activity),
        ProblemCode::AnswerDoesNotFit => words!(answer_does_not_fit),
        ProblemCode::AnswerNotSaved => words!(answer_not_saved),
        ProblemCode::AnswerIdReused => words!(answer_id_reused),
        ProblemCode::QuestionsLeft => words!(questions_left),
        ProblemCode::ReceiptNotMade => words!(receipt_not_made),
        ProblemCode::LanguageUnknown => words!(language_unknown),
        ProblemCode::ReceiptCodeUnknown => words!(receipt_code_unknown),
        ProblemCode::ReceiptTooOften => words!(receipt_too_often),
        ProblemCode::NotOnReceipt => words!(not_on_receipt),
        ProblemCode::NoPictureOrRecording => words!(no_picture_or_recording),
        ProblemCode::OnlyFewerPeople => words!(only_fewer_people),
        ProblemCode::ChooseWhoMaySee => words!(choose_who_may_see),
        ProblemCode::ChooseFace => words!(choose_face),
        ProblemCode::MessageNotOnReceipt => words!(message_not_on_receipt),
        ProblemCode::ErasureFailed => words!(erasure_failed),
        ProblemCode::MediaUnreadable => words!(media_unreadable),
        ProblemCode::SignInTooOften => words!(sign_in_too_often),
        ProblemCode::Answer(AnswerError::NoFaceChosen) => words!(answer.no_face_chosen),
        ProblemCode::Answer(AnswerError::NotOnScale) => words!(answer.not_on_scale),
        ProblemCode::Answer(AnswerError::EmptyText) => words!(answer.empty_text),
        ProblemCode::Answer(AnswerError::TooLong) => {
            crate::say_in!(language, problem.answer.too_long, count = MAX_TEXT_CHARS)
        }
        ProblemCode::Answer(AnswerError::NoPicture) => words!(answer.no_picture),
        ProblemCode::Answer(AnswerError::NoChoice) => words!(answer.no_choice),
        ProblemCode::Answer(AnswerError::OnlyOne) => words!(answer.only_one),
        ProblemCode::Answer(AnswerError::NotAChoice) => words!(answer.not_a_choice),
    }
}

/// A day as the page's language writes it: "3 December 2026", "3 grudnia 2026".
pub fn day(day: Day) -> String {
    day_in(Language::of_child_pages(), day)
}

/// In English, for the staff pages and exports.
impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&day_in(Language::English, *self))
    }
}

/// In English, for the staff pages: "3 December 2026, 14:05 UTC".
impl std::fmt::Display for Moment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let time = format!("{:02}:{:02}", self.hour, self.minute);
        f.write_str(&crate::staff!(label.moment, day = self.day, time))
    }
}

/// Day, month, year: the order all six languages use. Western digits, which every one of
/// them reads.
fn day_in(language: Language, day: Day) -> String {
    macro_rules! month {
        ($key:ident) => {
            crate::say_in!(language, month.$key)
        };
    }
    let month = match day.month {
        1 => month!(january),
        2 => month!(february),
        3 => month!(march),
        4 => month!(april),
        5 => month!(may),
        6 => month!(june),
        7 => month!(july),
        8 => month!(august),
        9 => month!(september),
        10 => month!(october),
        11 => month!(november),
        _ => month!(december),
    };
    format!("{} {month} {}", day.day, day.year)
}

/// Where a decision has got to.
pub fn status(status: DecisionStatus) -> &'static str {
    match status {
        DecisionStatus::Proposed => crate::say!(decision.proposed),
        DecisionStatus::Agreed => crate::say!(decision.agreed),
        DecisionStatus::InProgress => crate::say!(decision.in_progress),
        DecisionStatus::Done => crate::say!(decision.done),
        DecisionStatus::NotTakenForward => crate::say!(decision.not_taken_forward),
    }
}

/// What a child said, as their receipt shows it: their own words as they wrote them.
pub fn said(answer: &crate::domain::Answer) -> String {
    use crate::domain::Answer;
    match answer {
        Answer::Scale(value) => face(*value).to_owned(),
        // The child's own words, and the labels they chose as they were shown them.
        Answer::Text(_) | Answer::Choice(_) => answer.describe(),
        Answer::Photo(_) => crate::say!(said.photo).to_owned(),
        Answer::Drawing(_) => crate::say!(said.drawing).to_owned(),
        Answer::Audio(_) => crate::say!(said.recording).to_owned(),
        Answer::Declined => crate::say!(rather_not_say).to_owned(),
    }
}

/// `lang` and `dir` for what a child said as their receipt shows it: the labels of options they
/// chose are staff's words, in the language they were shown in; the rest is the child's own.
pub fn said_marked(
    contribution: &crate::domain::Contribution,
) -> (Option<&'static str>, Option<&'static str>) {
    match contribution.answer {
        crate::domain::Answer::Choice(_) => marked(contribution.options_in),
        _ => (None, None),
    }
}

/// `lang` and `dir` for words a member of staff wrote in `written_in`, on a page in another
/// language: a screen reader then reads them with the right voice (WCAG 3.1.2). `None` when they
/// are in the page's language.
pub fn marked(written_in: Language) -> (Option<&'static str>, Option<&'static str>) {
    if written_in == Language::of_child_pages() {
        (None, None)
    } else {
        (written_in.tag(), Some(written_in.dir()))
    }
}

/// Where a name goes in a sentence of the page's language: `say!(will_hear, audience = NAME)`.
pub const NAME: &str = "\u{E000}";

/// A sentence with a name staff wrote in English (a forum, a place) inside it: the name is
/// isolated and marked as English, so it neither reorders a right-to-left sentence nor is read
/// with the page's voice.
pub fn with_name(sentence: &str, name: String) -> impl IntoView + use<> {
    use leptos::prelude::*;
    let (before, after) = around_name(sentence);
    let (lang, _) = marked(Language::English);
    leptos::view! { {before}<bdi lang=lang>{name}</bdi>{after} }
}

/// A sentence with a receipt code where `NAME` is: the code is isolated and reads left to
/// right, in every language.
pub fn with_code(sentence: &str, code: String) -> impl IntoView + use<> {
    use leptos::prelude::*;
    let (before, after) = around_name(sentence);
    leptos::view! { {before}<bdi dir="ltr">{code}</bdi>{after} }
}

fn around_name(sentence: &str) -> (String, String) {
    let (before, after) = sentence.split_once(NAME).unwrap_or((sentence, ""));
    (before.to_owned(), after.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_written_as_each_language_writes_it() {
        let day = Day {
            year: 2026,
            month: 12,
            day: 3,
        };
        assert_eq!(day.to_string(), "3 December 2026");
        let moment = Moment {
            day,
            hour: 9,
            minute: 5,
        };
        assert_eq!(moment.to_string(), "3 December 2026, 09:05 UTC");
        assert_eq!(day_in(Language::Polish, day), "3 grudnia 2026");
        assert_eq!(day_in(Language::Welsh, day), "3 Rhagfyr 2026");
        assert_eq!(day_in(Language::Arabic, day), "3 ديسمبر 2026");
    }

    /// Keyed as the service worker names a refusal's code: `JSON.stringify` of the error's value.
    #[cfg(feature = "ssr")]
    #[test]
    fn the_offline_bar_has_words_for_every_code_a_turn_can_be_refused_with() {
        let words: serde_json::Value = serde_json::from_str(&turn_problems()).unwrap();
        assert_eq!(
            words["\"TurnFinished\""],
            "This turn has ended. The next person can start with the code."
        );
        assert_eq!(
            words["{\"Answer\":\"NoFaceChosen\"}"],
            "Please choose a face before pressing Next."
        );
        assert_eq!(
            words.as_object().unwrap().len(),
            ProblemCode::OF_A_TURN.len()
        );
    }

    #[test]
    fn a_problem_is_english_for_staff_and_the_log_and_fills_its_numbers_in_every_language() {
        assert_eq!(
            ProblemCode::ReceiptCodeUnknown.to_string(),
            "We could not find that receipt code. Check each letter and try again."
        );
        let too_long = ProblemCode::Answer(AnswerError::TooLong);
        assert!(problem_in(Language::Urdu, too_long).contains(&MAX_TEXT_CHARS.to_string()));
        assert_ne!(
            problem_in(Language::Urdu, too_long),
            problem_in(Language::English, too_long)
        );
    }
}
