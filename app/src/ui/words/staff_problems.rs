//! The errors of the staff pages in words (English for now, from `app/locales/en/staff.json`).
//! Their `Display` is what a staff page, a test or the server's log shows.

use crate::domain::{Choice, Field, Language, Missing, StaffProblem};
use crate::error::AppError;
use crate::staff;
use std::borrow::Cow;
use std::fmt;

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::NotSignedIn => f.write_str(staff!(problem.not_signed_in)),
            AppError::Forbidden => f.write_str(staff!(problem.forbidden)),
            #[cfg(feature = "staff-pages")]
            AppError::Invalid(problem) => problem.fmt(f),
            #[cfg(feature = "staff-pages")]
            AppError::NotFound(missing) => missing.fmt(f),
            // Never read on a page without the staff's words (see `error.rs`).
            #[cfg(not(feature = "staff-pages"))]
            AppError::Invalid(_) | AppError::NotFound(_) => {
                f.write_str(super::call_failed_in(Language::English, None))
            }
            AppError::Coded(problem) | AppError::Throttled { problem, .. } => problem.fmt(f),
            AppError::Internal => f.write_str(super::call_failed_in(Language::English, None)),
            AppError::Transport(failure) => {
                f.write_str(super::call_failed_in(Language::English, Some(*failure)))
            }
        }
    }
}

impl fmt::Display for StaffProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use StaffProblem as P;
        let words: Cow<'static, str> = match self {
            P::FillIn(field) => staff!(problem.fill_in, field).into(),
            P::Shorten { field, max } => staff!(problem.shorten, field, max).into(),
            P::ChooseFromList(choice) => staff!(problem.choose_from_list, choice).into(),
            P::Choose(choice) => staff!(problem.choose, choice).into(),
            P::MonthsOutOfRange { min, max } => {
                staff!(problem.months_out_of_range, min, max).into()
            }
            P::AlreadyOnList(name) => staff!(problem.already_on_list, name).into(),
            P::TooManyOptions { max } => staff!(problem.too_many_options, max).into(),
            P::OptionTooLong { option, max } => staff!(problem.option_too_long, option, max).into(),
            P::TranslateEachOption { count } => staff!(problem.translate_each_option, count).into(),
            P::DateUnreadable => staff!(problem.date_unreadable).into(),
            P::SomeoneElseWriting => staff!(problem.someone_else_writing).into(),
            P::WrongPassword => staff!(problem.wrong_password).into(),
            P::WrongCode => staff!(problem.wrong_code).into(),
            P::AccountTurnedOff => staff!(problem.account_turned_off).into(),
            P::SignInTookTooLong => staff!(problem.sign_in_took_too_long).into(),
            P::SignInUsed => staff!(problem.sign_in_used).into(),
            P::StartSignInAgain => staff!(problem.start_sign_in_again).into(),
            P::EmailNotForAuthenticator => staff!(problem.email_not_for_authenticator).into(),
            P::AuthenticatorDamaged => staff!(problem.authenticator_damaged).into(),
            P::PasswordTooShort => staff!(problem.password_too_short).into(),
            P::PasswordTooLong => staff!(problem.password_too_long).into(),
            P::PasswordCommon => staff!(problem.password_common).into(),
            P::EmailUnreadable => staff!(problem.email_unreadable).into(),
            P::EmailTaken => staff!(problem.email_taken).into(),
            P::InvitationExpired => staff!(problem.invitation_expired).into(),
            P::OwnAdminRole => staff!(problem.own_admin_role).into(),
            P::OwnAccount => staff!(problem.own_account).into(),
            P::MonthsNotANumber => staff!(problem.months_not_a_number).into(),
            P::ActivityExists => staff!(problem.activity_exists).into(),
            P::QuestionAnsweredKeepsItsWays => {
                staff!(problem.question_answered_keeps_its_ways).into()
            }
            P::QuestionAnsweredStays => staff!(problem.question_answered_stays).into(),
            P::TooFewOptions => staff!(problem.too_few_options).into(),
            P::ScaleFaces => staff!(problem.scale_faces).into(),
            P::NoUniqueJoinCode => staff!(problem.no_unique_join_code).into(),
            P::WhyHide => staff!(problem.why_hide).into(),
            P::WhyShow => staff!(problem.why_show).into(),
            P::PicturesAreDescribed => staff!(problem.pictures_are_described).into(),
            P::EnglishNeedsNoTranslation => staff!(problem.english_needs_no_translation).into(),
            P::OnlyWritingTranslated => staff!(problem.only_writing_translated).into(),
            P::ThemeNotOnList => staff!(problem.theme_not_on_list).into(),
            P::WriteWhatWasDone => staff!(problem.write_what_was_done).into(),
            P::WriteWhyCleared => staff!(problem.write_why_cleared).into(),
            P::PhraseListEmpty => staff!(problem.phrase_list_empty).into(),
            P::RequestNotWaiting => staff!(problem.request_not_waiting).into(),
            P::StrategyExists => staff!(problem.strategy_exists).into(),
            P::AmbitionExists => staff!(problem.ambition_exists).into(),
            P::HearingPresented => staff!(problem.hearing_presented).into(),
            P::NotForDecisionMakers => staff!(problem.not_for_decision_makers).into(),
            P::HearingEmpty => staff!(problem.hearing_empty).into(),
            P::OnlyForumMembers => staff!(problem.only_forum_members).into(),
            P::HearingNotPresented => staff!(problem.hearing_not_presented).into(),
            P::WhyNotTakenForward => staff!(problem.why_not_taken_forward).into(),
            P::HeldBack => staff!(problem.held_back).into(),
            P::AlreadyLinked => staff!(problem.already_linked).into(),
            P::LinkBeforeFeedback => staff!(problem.link_before_feedback).into(),
        };
        f.write_str(&words)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::Option(number) => return f.write_str(&staff!(field.option, number)),
            Field::Title => staff!(field.title),
            Field::ActivityIntro => staff!(field.activity_intro),
            Field::Question => staff!(field.question),
            Field::EasyReadWords => staff!(field.easy_read_words),
            Field::Theme => staff!(field.theme),
            Field::Description => staff!(field.description),
            Field::Place => staff!(field.place),
            Field::Message => staff!(field.message),
            Field::EasyReadMessage => staff!(field.easy_read_message),
            Field::Ambition => staff!(field.ambition),
            Field::AmbitionMeaning => staff!(field.ambition_meaning),
            Field::StrategyTitle => staff!(field.strategy_title),
            Field::PriorityTitle => staff!(field.priority_title),
            Field::WhyItMatters => staff!(field.why_it_matters),
            Field::WhatWeWant => staff!(field.what_we_want),
            Field::HowWeWillDoIt => staff!(field.how_we_will_do_it),
            Field::Owner => staff!(field.owner),
            Field::Period => staff!(field.period),
            Field::PeriodCovered => staff!(field.period_covered),
            Field::DecisionTitle => staff!(field.decision_title),
            Field::WhatWasDecided => staff!(field.what_was_decided),
            Field::LinkRationale => staff!(field.link_rationale),
            Field::WhatHasHappened => staff!(field.what_has_happened),
            Field::HearingTitle => staff!(field.hearing_title),
            Field::Reason => staff!(field.reason),
        })
    }
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Choice::Audience => staff!(choice.audience),
            Choice::Priority => staff!(choice.priority),
            Choice::Priorities => staff!(choice.priorities),
            Choice::WayToAnswer => staff!(choice.way_to_answer),
            Choice::Facilitator => staff!(choice.facilitator),
            Choice::Forum => staff!(choice.forum),
            Choice::DecidingForum => staff!(choice.deciding_forum),
            Choice::Picture => staff!(choice.picture),
            Choice::Strategy => staff!(choice.strategy),
            Choice::Ambitions => staff!(choice.ambitions),
            Choice::Role => staff!(choice.role),
            Choice::DecisionStatus => staff!(choice.decision_status),
            Choice::EntryKind => staff!(choice.entry_kind),
            Choice::HowChildAnswered => staff!(choice.how_child_answered),
            Choice::EraseOrKeep => staff!(choice.erase_or_keep),
            Choice::Language => staff!(choice.language),
            Choice::ChildLanguage => staff!(choice.child_language),
            Choice::TranslationLanguage => staff!(choice.translation_language),
            Choice::Stage => staff!(choice.stage),
            Choice::OutcomeLevel => staff!(choice.outcome_level),
            Choice::Step => staff!(choice.step),
            Choice::AgeBand => staff!(choice.age_band),
        })
    }
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Missing::Activity => staff!(missing.activity),
            Missing::Question => staff!(missing.question),
            Missing::Session => staff!(missing.session),
            Missing::Contribution => staff!(missing.contribution),
            Missing::Answer => staff!(missing.answer),
            Missing::Picture => staff!(missing.picture),
            Missing::Concern => staff!(missing.concern),
            Missing::Decision => staff!(missing.decision),
            Missing::Strategy => staff!(missing.strategy),
            Missing::Priority => staff!(missing.priority),
            Missing::Hearing => staff!(missing.hearing),
            Missing::Forum => staff!(missing.forum),
            Missing::Account => staff!(missing.account),
            Missing::PhraseList => staff!(missing.phrase_list),
        })
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_as_a_sentence_with_its_values_in_place() {
        assert_eq!(
            StaffProblem::FillIn(Field::Option(2)).to_string(),
            "Please fill in option 2."
        );
        assert_eq!(
            StaffProblem::Shorten {
                field: Field::Title,
                max: 120
            }
            .to_string(),
            "Please shorten the title to 120 characters or fewer."
        );
        assert_eq!(
            StaffProblem::AlreadyOnList("Swimming".into()).to_string(),
            "\"Swimming\" is already on the list."
        );
        assert_eq!(
            AppError::NotFound(Missing::Hearing).to_string(),
            "That hearing does not exist."
        );
        assert_eq!(
            AppError::Internal.to_string(),
            "Something went wrong on our side. Please try again in a moment."
        );
    }

    #[test]
    fn a_staff_phrase_fills_each_placeholder_by_name_wherever_it_stands() {
        assert_eq!(
            staff!(
                hearing.presented_to,
                on = "3 December 2026",
                forum = "the SEND forum"
            ),
            "Presented to the SEND forum for the meeting on 3 December 2026."
        );
        let count = 4;
        assert_eq!(
            staff!(session.children_took_part, count),
            "4 children took part."
        );
    }
}
