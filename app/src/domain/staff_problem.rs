//! What went wrong for a member of staff, as a code: a form's mistake, a refusal, or something
//! that is not there. The domain, data and api layers say what happened; the page words it
//! (`ui::words`, from `app/locales/en/staff.json`), as the child's `ProblemCode` is worded.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffProblem {
    // Any form.
    FillIn(Field),
    Shorten { field: Field, max: usize },
    DateUnreadable,
    ChooseFromList(Choice),
    Choose(Choice),
    SomeoneElseWriting,
    // Signing in and accounts.
    WrongPassword,
    WrongCode,
    AccountTurnedOff,
    SignInTookTooLong,
    SignInUsed,
    StartSignInAgain,
    EmailNotForAuthenticator,
    AuthenticatorDamaged,
    PasswordTooShort,
    PasswordTooLong,
    PasswordCommon,
    EmailUnreadable,
    EmailTaken,
    InvitationExpired,
    OwnAdminRole,
    OwnAccount,
    MonthsNotANumber,
    MonthsOutOfRange { min: i64, max: i64 },
    // Activities and sessions.
    ActivityExists,
    AlreadyOnList(String),
    QuestionAnsweredKeepsItsWays,
    QuestionAnsweredStays,
    TooFewOptions,
    TooManyOptions { max: usize },
    OptionTooLong { option: String, max: usize },
    ScaleFaces,
    TranslateEachOption { count: usize },
    NoUniqueJoinCode,
    // Moderation and safeguarding.
    WhyHide,
    WhyShow,
    PicturesAreDescribed,
    EnglishNeedsNoTranslation,
    OnlyWritingTranslated,
    ThemeNotOnList,
    WriteWhatWasDone,
    WriteWhyCleared,
    PhraseListEmpty,
    RequestNotWaiting,
    // Audience and influence.
    StrategyExists,
    AmbitionExists,
    HearingPresented,
    NotForDecisionMakers,
    HearingEmpty,
    OnlyForumMembers,
    HearingNotPresented,
    WhyNotTakenForward,
    HeldBack,
    AlreadyLinked,
    LinkBeforeFeedback,
}

/// A field of a staff form, named in a problem with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    Title,
    ActivityIntro,
    Question,
    EasyReadWords,
    Theme,
    /// The nth option of a question, from 1.
    Option(usize),
    Description,
    Place,
    Message,
    EasyReadMessage,
    Ambition,
    AmbitionMeaning,
    StrategyTitle,
    PriorityTitle,
    WhyItMatters,
    WhatWeWant,
    HowWeWillDoIt,
    Owner,
    Period,
    PeriodCovered,
    DecisionTitle,
    WhatWasDecided,
    LinkRationale,
    WhatHasHappened,
    HearingTitle,
    Reason,
}

/// Something a staff form asks to be chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    Audience,
    Priority,
    Priorities,
    WayToAnswer,
    Facilitator,
    Forum,
    DecidingForum,
    Picture,
    Strategy,
    Ambitions,
    Role,
    DecisionStatus,
    EntryKind,
    HowChildAnswered,
    EraseOrKeep,
    Language,
    ChildLanguage,
    TranslationLanguage,
    Stage,
    OutcomeLevel,
    Step,
    AgeBand,
}

/// Something a member of staff asked for that is not there (or no longer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Missing {
    Activity,
    Question,
    Session,
    Contribution,
    Answer,
    Picture,
    Concern,
    Decision,
    Strategy,
    Priority,
    Hearing,
    Forum,
    Account,
    PhraseList,
}
