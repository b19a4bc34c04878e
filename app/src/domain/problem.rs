//! What went wrong, as a code, wherever a child or their carer can meet it: joining, the turn,
//! the receipt. The words are chosen where the page is drawn (`ui::words::problem`), in the
//! page's language, so the data and api layers never write a sentence a child reads.

use super::AnswerError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProblemCode {
    // Joining a session.
    JoinCodeMissing,
    JoinCodeUnknown,
    JoinTooOften,
    // The turn.
    TurnNotFound,
    TurnFinished,
    NotStarted,
    ChooseAge,
    ChooseWay,
    ChooseHowChildAnswered,
    QuestionNotFound,
    QuestionNotInActivity,
    AnswerDoesNotFit,
    Answer(AnswerError),
    AnswerNotSaved,
    AnswerIdReused,
    QuestionsLeft,
    ReceiptNotMade,
    LanguageUnknown,
    // With a receipt code.
    ReceiptCodeUnknown,
    ReceiptTooOften,
    NotOnReceipt,
    NoPictureOrRecording,
    OnlyFewerPeople,
    ChooseWhoMaySee,
    ChooseFace,
    MessageNotOnReceipt,
    ErasureFailed,
    MediaUnreadable,
    // A member of staff signing in.
    SignInTooOften,
}

impl ProblemCode {
    /// What a form of the child's turn can be refused with, also when the tablet's queue sends
    /// it again after the Wi-Fi came back (the offline bar words these; see `ui::shell`).
    pub const OF_A_TURN: &'static [ProblemCode] = &[
        ProblemCode::TurnNotFound,
        ProblemCode::TurnFinished,
        ProblemCode::NotStarted,
        ProblemCode::ChooseAge,
        ProblemCode::ChooseWay,
        ProblemCode::ChooseHowChildAnswered,
        ProblemCode::QuestionNotFound,
        ProblemCode::QuestionNotInActivity,
        ProblemCode::AnswerDoesNotFit,
        ProblemCode::AnswerNotSaved,
        ProblemCode::AnswerIdReused,
        ProblemCode::QuestionsLeft,
        ProblemCode::Answer(AnswerError::NoFaceChosen),
        ProblemCode::Answer(AnswerError::NotOnScale),
        ProblemCode::Answer(AnswerError::EmptyText),
        ProblemCode::Answer(AnswerError::TooLong),
        ProblemCode::Answer(AnswerError::NoPicture),
        ProblemCode::Answer(AnswerError::NoChoice),
        ProblemCode::Answer(AnswerError::OnlyOne),
        ProblemCode::Answer(AnswerError::NotAChoice),
    ];

    /// True when what was asked for is not there (HTTP 404); otherwise the request itself
    /// could not be carried out as sent.
    pub fn is_not_found(self) -> bool {
        matches!(
            self,
            ProblemCode::TurnNotFound
                | ProblemCode::QuestionNotFound
                | ProblemCode::NotOnReceipt
                | ProblemCode::MessageNotOnReceipt
        )
    }
}
