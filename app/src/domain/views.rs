//! What pages show. Built by the data layer on the server, sent to the browser as they are.

use super::{
    Answer, AnswerMode, CommissioningStage, Communicated, Day, DecisionEvent, DecisionStatus,
    FeedbackWords, Language, Moment, OutcomeLevel, Priority, Role, SpaceRecord,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: String,
    pub email: String,
    pub role: Role,
}

/// An account as an admin sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccount {
    pub member: StaffMember,
    /// Whether the authenticator app has been set up.
    pub second_factor: bool,
    pub disabled: bool,
}

/// The second step of signing in, as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactor {
    /// Set on the first sign-in: the secret to type into the app, and its QR code as SVG.
    pub enrol: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forum {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySummary {
    pub id: String,
    pub title: String,
    pub intro: String,
    /// The forum that will hear the answers, and its name: told to children before they answer.
    pub forum_id: String,
    pub audience: String,
    pub priorities: Vec<String>,
    pub priority_ids: Vec<String>,
    pub prompts: Vec<Prompt>,
    /// The themes facilitators tag this activity's contributions with.
    pub themes: Vec<Theme>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub name: String,
}

/// An activity as the facilitator builds it, with what the form offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPlan {
    pub activity: ActivitySummary,
    pub forums: Vec<Forum>,
    pub priorities: Vec<Priority>,
    /// Questions children have answered: their ways of answering and options stay.
    pub answered: Vec<String>,
    /// What the facilitator wrote, in the other languages of the child's pages.
    pub translations: super::Translations,
}

/// What the form for a new activity offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityChoices {
    pub forums: Vec<Forum>,
    pub priorities: Vec<Priority>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prompt {
    pub id: String,
    pub position: i64,
    pub text: String,
    pub easy_read: String,
    /// The ways the child may answer, in the order offered. Never empty.
    pub modes: Vec<AnswerMode>,
    /// 3 or 5 faces, when the emoji scale is offered.
    pub scale_points: i64,
    /// A picture beside the easy-read text, from the shipped symbol set.
    pub symbol: Option<String>,
    /// The options of a choice, in order.
    pub options: Vec<ChoiceOption>,
    /// Whether the child may choose more than one option.
    pub multiple: bool,
    /// The language of the text and easy-read words as shown: English unless translated.
    #[serde(default)]
    pub words_in: Language,
    /// The language of the options' labels as shown.
    #[serde(default)]
    pub options_in: Language,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub position: i64,
    pub label: String,
    pub symbol: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id: String,
    pub activity_id: String,
    pub activity_title: String,
    pub place: String,
    pub join_code: String,
    pub opened_on: Day,
    /// The day it is held, as the facilitator planned it.
    pub held_on: Day,
    /// The email of the facilitator running it.
    pub facilitator: String,
    pub open: bool,
    pub contribution_count: i64,
}

/// What a facilitator sees of one session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub summary: SessionSummary,
    /// While the session is open: a QR code (SVG) of the join page with the code filled in.
    pub join_qr_svg: Option<String>,
    pub space: SpaceRecord,
    pub contributions: Vec<Contribution>,
    pub concerns: Vec<ConcernNote>,
    pub today: TodaySummary,
    pub tally: SessionTally,
    /// The activity's theme list, to tag contributions with.
    pub themes: Vec<Theme>,
}

/// A session in numbers, shown as it runs and as its closing summary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTally {
    /// Children who started a turn and agreed to take part.
    pub children: i64,
    /// (way of answering, answers), most first; "Chose not to say" among them.
    pub by_mode: Vec<(String, i64)>,
    /// (question, answers), in the activity's order.
    pub by_prompt: Vec<(String, i64)>,
    /// (theme, contributions tagged), most first.
    pub by_theme: Vec<(String, i64)>,
}

/// A concern raised in a session, as the facilitator sees it in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConcernNote {
    /// `child` when the child pressed "I'm worried".
    pub source: String,
    pub raised_at: Moment,
    /// The turn it came from, so the safeguarding lead can find what the child said.
    pub receipt_code: Option<String>,
}

/// A concern in the safeguarding lead's queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConcernSummary {
    pub id: String,
    /// `child`, `facilitator` or `triage`.
    pub source: String,
    pub raised_at: Moment,
    pub activity: String,
    pub place: String,
    pub receipt_code: Option<String>,
    /// No one has opened it yet.
    pub new: bool,
    /// The safeguarding lead has cleared it: what the child said is no longer held back.
    pub cleared: bool,
}

/// One entry of a concern's chronology: it can be added to, never changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChronologyEntry {
    pub at: Moment,
    /// The member of staff who wrote it; `None` when the child raised it on the tablet or Heard
    /// itself wrote it (triage, a rights request).
    pub by: Option<String>,
    /// `raised`, `viewed`, `note`, `cleared`, or what the lead chose: `decision`, `action`,
    /// `outcome`.
    pub kind: String,
    pub text: String,
}

/// A concern as the safeguarding lead works on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConcernCase {
    pub summary: ConcernSummary,
    pub chronology: Vec<ChronologyEntry>,
    /// What the child said in that turn, held back from decision makers until cleared.
    pub contributions: Vec<Contribution>,
}

/// "How was today?": how many children chose each face (very sad … very happy) per question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodaySummary {
    pub listened: [i64; 5],
    pub could_say: [i64; 5],
}

impl TodaySummary {
    /// The two questions, as the child reads them in English.
    pub const LISTENED: &'static str = crate::staff!(label.today.listened);
    pub const COULD_SAY: &'static str = crate::staff!(label.today.could_say);

    pub fn add(&mut self, listened: Option<i64>, could_say: Option<i64>) {
        for (tally, value) in [
            (&mut self.listened, listened),
            (&mut self.could_say, could_say),
        ] {
            if let Some(slot) = value
                .and_then(|v| usize::try_from(v - 1).ok())
                .and_then(|i| tally.get_mut(i))
            {
                *slot += 1;
            }
        }
    }

    pub fn answers(&self) -> i64 {
        self.listened
            .iter()
            .sum::<i64>()
            .max(self.could_say.iter().sum())
    }
}

/// The assent screen: what this is, who will hear, and that the child need not answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    pub participation_id: String,
    pub activity_title: String,
    pub intro: String,
    /// The language of the title and intro as shown: English unless translated.
    pub words_in: Language,
    pub audience: String,
    /// What adults did after earlier sessions of this activity: "you said, we did".
    pub fed_back: Vec<BoardItem>,
}

/// A published "you said, we did" as anyone may see it: on the public board and at the start of
/// the next session. Nothing in it identifies a child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardItem {
    pub decision_id: String,
    pub title: String,
    pub status: DecisionStatus,
    pub reason: Option<String>,
    pub feedback: Feedback,
    /// (media id, description) of pictures children agreed anyone may see.
    pub pictures: Vec<(String, Option<String>)>,
}

/// One prompt as a child sees it on the tablet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptPage {
    pub participation_id: String,
    pub activity_title: String,
    pub audience: String,
    pub prompt: Prompt,
    pub total: i64,
    /// Made before the child answers so a resent form is recognised as the same answer.
    pub contribution_id: String,
    /// Every prompt of the turn in order, so the tablet knows what comes next and which pages
    /// to keep for when the Wi-Fi drops.
    pub plan: Vec<PlannedPrompt>,
}

/// A prompt's place in a turn and the ways it may be answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedPrompt {
    pub position: i64,
    pub modes: Vec<AnswerMode>,
}

/// What the child sees once they have finished.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finished {
    pub receipt_code: String,
    pub audience: String,
}

/// The thank-you screen: the receipt code, and a QR code that opens the receipt page on a phone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThankYou {
    pub finished: Finished,
    /// An SVG made on the server from the receipt address; no child content.
    pub receipt_qr_svg: String,
}

/// A contribution with its Lundy trail: Space, Voice, Audience, Influence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub id: String,
    pub prompt_id: String,
    pub prompt: String,
    /// The language `prompt` is in: English, or the reader's where the question was translated.
    pub prompt_in: Language,
    pub answer: Answer,
    /// The language of the chosen options' labels in `answer`, as `prompt_in`.
    pub options_in: Language,
    pub communicated: Communicated,
    pub trail: LundyTrail,
    /// Why a facilitator hid it from decision makers, while it is hidden.
    pub hidden_reason: Option<String>,
    /// A facilitator's description of a picture, transcript of a recording or English
    /// translation of writing or of a recording; the child's original stays beside it.
    pub description: Option<String>,
    /// The language the child wrote or spoke in, when `description` translates it.
    pub translated_from: Option<Language>,
    /// The language the child's pages were in when they answered.
    pub page_language: Language,
    pub themes: Vec<Theme>,
}

impl Contribution {
    /// The question and the options the child chose, as `prompt` words them where it was
    /// translated into `language`.
    pub fn worded_as(&mut self, prompt: &Prompt, language: Language) {
        if prompt.words_in == language {
            self.prompt.clone_from(&prompt.text);
            self.prompt_in = language;
        }
        if let (Answer::Choice(chosen), true) = (&mut self.answer, prompt.options_in == language) {
            for choice in chosen {
                if let Some(option) = prompt
                    .options
                    .iter()
                    .find(|o| o.position == choice.position)
                {
                    choice.label.clone_from(&option.label);
                }
            }
            self.options_in = language;
        }
    }

    /// The `lang` of the child's own words, when a translation names their language. A
    /// recording has no words on the page (it shows as "A voice recording", in English).
    pub fn lang(&self) -> Option<&'static str> {
        match self.answer {
            Answer::Text(_) => self.translated_from.and_then(Language::tag),
            _ => None,
        }
    }

    /// A translation as staff read it: "Written in Polish. In English: …", or "Spoken in …"
    /// for a recording.
    pub fn translation(&self) -> Option<String> {
        let how = if matches!(self.answer, Answer::Audio(_)) {
            "Spoken"
        } else {
            "Written"
        };
        Some(format!(
            "{how} in {}. In English: {}",
            self.translated_from?.label(),
            self.description.as_ref()?
        ))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LundyTrail {
    pub space: SpaceStep,
    pub voice: VoiceStep,
    /// Every forum that heard it; empty until someone with power to decide has.
    pub audience: Vec<AudienceStep>,
    pub influence: Vec<InfluenceStep>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpaceStep {
    pub activity: String,
    pub place: String,
    pub said_on: Day,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceStep {
    /// `None` when the child chose not to say.
    pub mode: Option<AnswerMode>,
    pub communicated: Communicated,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceStep {
    pub forum: String,
    pub heard_on: Day,
    /// The members who said they heard it (a hearing); empty when known from a decision.
    pub acknowledged_by: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingSummary {
    pub id: String,
    pub title: String,
    pub forum: String,
    pub held_on: Day,
    pub presented: bool,
    /// Contributions in the pack.
    pub items: i64,
    /// Members who said they heard it.
    pub acknowledged: i64,
}

/// A hearing pack with what is in it and who heard it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingView {
    pub summary: HearingSummary,
    /// The facilitator's summary for the forum.
    pub text: String,
    pub items: Vec<Contribution>,
    /// (theme, contributions in the pack tagged with it), most first.
    pub themes: Vec<(String, i64)>,
    pub members: Vec<Acknowledgement>,
}

/// A forum member and whether they said they heard a pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub member: String,
    pub heard_on: Option<Day>,
    pub response: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfluenceStep {
    pub decision_id: String,
    pub decision: String,
    pub decided: String,
    pub status: DecisionStatus,
    pub rationale: String,
    /// Why not, when the decision was not taken forward.
    pub reason: Option<String>,
    pub feedback: Option<Feedback>,
    /// On a child's receipt: their "did we get it right?" face, 1 to 5, once given.
    pub reply: Option<i64>,
}

/// "You said, we did".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub plain_text: String,
    pub easy_read: String,
    /// A picture beside the easy-read words, from the shipped symbols.
    pub symbol: Option<String>,
    pub published_on: Day,
    /// English, or the reader's language where the message was translated into it.
    pub written_in: Language,
}

impl Feedback {
    /// The message in `language` where it was translated into it; English otherwise.
    pub fn in_language(&mut self, language: Language, words: Option<&FeedbackWords>) {
        if let Some(words) = words {
            self.plain_text.clone_from(&words.plain_text);
            self.easy_read.clone_from(&words.easy_read);
            self.written_in = language;
        }
    }
}

/// What a child (or their carer) sees with their receipt code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub code: String,
    pub contributions: Vec<Contribution>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: String,
    pub title: String,
    pub decided: String,
    pub status: DecisionStatus,
    pub priority: String,
    pub forum: String,
    pub decided_on: Day,
    pub stage: CommissioningStage,
    pub outcome_level: OutcomeLevel,
    pub decision_maker: String,
    /// Why not, when it was not taken forward.
    pub reason: Option<String>,
    pub links: Vec<DecisionLink>,
    pub feedback: Option<Feedback>,
    /// "You said, we did" in the other languages of the child's pages.
    pub feedback_translations: Vec<(Language, FeedbackWords)>,
    pub timeline: Vec<TimelineEntry>,
}

/// One entry of a decision's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub on: Day,
    pub by: String,
    pub event: DecisionEvent,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionLink {
    pub contribution_id: String,
    pub prompt: String,
    pub answer: Answer,
    pub rationale: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionSummary {
    pub id: String,
    pub title: String,
    pub status: DecisionStatus,
    pub priority: String,
    pub decided_on: Day,
    pub published: bool,
}

/// The staff start page: what the signed-in member's role lets them work on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHome {
    pub member: StaffMember,
    /// For the safeguarding lead: concerns no one has opened yet.
    pub unopened_concerns: Option<i64>,
    pub activities: Vec<ActivitySummary>,
    pub sessions: Vec<SessionSummary>,
    /// Who can be chosen to run a session.
    pub facilitators: Vec<StaffMember>,
    pub decisions: Vec<DecisionSummary>,
}

/// The hearings page: every hearing, the forums a new one can be for, and the signed-in
/// member's own part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingList {
    pub hearings: Vec<HearingSummary>,
    pub forums: Vec<Forum>,
    /// Whether the member may build packs (facilitators).
    pub can_build: bool,
    /// Presented packs of the member's forums they have not said they heard.
    pub to_acknowledge: Vec<HearingSummary>,
}

/// One hearing as the signed-in member may work on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingWork {
    pub hearing: HearingView,
    /// While the pack is being built, for facilitators: what could still go in.
    pub candidates: Vec<Contribution>,
    pub can_build: bool,
    /// The member sits on the forum and may say they heard it.
    pub is_member: bool,
}
