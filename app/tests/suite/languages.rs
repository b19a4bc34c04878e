//! A child's language: chosen for the turn, kept on it, and what the facilitator wrote shown in
//! it where translated, English otherwise.

use crate::common::*;
use app::data::{activity, contribution, session, translation};
use app::domain::{ActivityDraft, ActivityWords, Language, PromptDraft, PromptForm, PromptWords};
use app::domain::{Field, StaffProblem};

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

/// An activity with a choice and a written question, and a session of it.
async fn opened(db: &app::data::Db) -> (String, String) {
    let id = activity::create(
        db,
        &ActivityDraft::parse(
            "Swimming",
            "Tell us about swimming.",
            "forum-send-tc",
            strings(&["priority-2"]),
        )
        .unwrap(),
    )
    .await
    .unwrap();
    for (text, modes, options) in [
        (
            "Where do you like to swim?",
            &["choice"][..],
            &["Pool", "Sea"][..],
        ),
        ("What would make swimming better?", &["text"][..], &[][..]),
    ] {
        let (modes, labels) = (strings(modes), strings(options));
        let symbols = vec![String::new(); labels.len()];
        let draft = PromptDraft::parse(PromptForm {
            text,
            easy_read: text,
            modes: &modes,
            option_labels: &labels,
            option_symbols: &symbols,
            ..Default::default()
        })
        .unwrap();
        activity::add_prompt(db, &id, &draft).await.unwrap();
    }
    let facilitator = facilitator_id(db).await;
    let session = session::open(
        db,
        session::NewSession::new(&id, "Leisure centre", &facilitator),
    )
    .await
    .unwrap();
    (id, session.join_code)
}

#[tokio::test]
async fn a_polish_child_sees_the_polish_words_and_english_where_none_were_written() {
    let db = test_db().await;
    let (id, code) = opened(&db).await;
    let prompts = activity::prompts(&db, &id).await.unwrap();
    let choice = &prompts[0];
    let polish = PromptWords::parse(
        choice,
        "Gdzie lubisz pływać?",
        "Gdzie lubisz pływać?",
        &strings(&["Basen", "Morze"]),
    )
    .unwrap();
    translation::save_prompt(&db, &choice.id, Language::Polish, Some(&polish))
        .await
        .unwrap();
    let intro = ActivityWords::parse("Pływanie", "Powiedz nam o pływaniu.").unwrap();
    translation::save_activity(&db, &id, Language::Polish, Some(&intro))
        .await
        .unwrap();

    let turn = contribution::join_in(&db, &code, Language::Polish)
        .await
        .unwrap();
    let welcome = contribution::welcome(&db, &turn).await.unwrap();
    assert_eq!(
        (welcome.activity_title.as_str(), welcome.words_in),
        ("Pływanie", Language::Polish)
    );
    contribution::assent(&db, &turn, None).await.unwrap();
    let first = contribution::prompt_page(&db, &turn, 1).await.unwrap();
    assert_eq!(first.prompt.text, "Gdzie lubisz pływać?");
    assert_eq!(first.prompt.words_in, Language::Polish);
    let labels: Vec<&str> = first
        .prompt
        .options
        .iter()
        .map(|o| o.label.as_str())
        .collect();
    assert_eq!(
        (labels, first.prompt.options_in),
        (vec!["Basen", "Morze"], Language::Polish)
    );
    // Not translated: English, and it says so.
    let second = contribution::prompt_page(&db, &turn, 2).await.unwrap();
    assert_eq!(second.prompt.text, "What would make swimming better?");
    assert_eq!(second.prompt.words_in, Language::English);

    // An English child of the same session sees the English; staff keep the English.
    let english = join_and_agree(&db, &code).await;
    let page = contribution::prompt_page(&db, &english, 1).await.unwrap();
    assert_eq!(page.prompt.text, "Where do you like to swim?");
    assert_eq!(
        activity::prompts(&db, &id).await.unwrap()[0].text,
        "Where do you like to swim?"
    );

    // The facilitator's preview shows each language.
    let preview = contribution::preview_page(&db, &id, 1, Language::Polish)
        .await
        .unwrap();
    assert_eq!(preview.prompt.options[1].label, "Morze");

    // The receipt read in Polish: the question and the chosen option in Polish, the untranslated
    // question in English and saying so.
    let english_prompt = activity::prompt(&db, &choice.id).await.unwrap();
    let mut chose_sea = answer_for(&first, 4, "");
    chose_sea.answer = app::domain::Answer::parse_choice(&english_prompt, &[2]).unwrap();
    contribution::submit(&db, chose_sea, None).await.unwrap();
    contribution::submit(&db, answer_for(&second, 4, "Warmer water"), None)
        .await
        .unwrap();
    let receipt_code = contribution::finished(&db, &turn)
        .await
        .unwrap()
        .receipt_code;
    let mut receipt = contribution::receipt(&db, &receipt_code).await.unwrap();
    assert_eq!(
        receipt.contributions[0].prompt,
        "Where do you like to swim?"
    );
    translation::receipt_in(&db, &mut receipt, Language::Polish)
        .await
        .unwrap();
    let [chosen, written] = &receipt.contributions[..] else {
        panic!("two answers on the receipt")
    };
    assert_eq!(
        (chosen.prompt.as_str(), chosen.prompt_in),
        ("Gdzie lubisz pływać?", Language::Polish)
    );
    assert_eq!(
        (&chosen.answer, chosen.options_in),
        (
            &app::domain::Answer::Choice(vec![app::domain::Chosen {
                position: 2,
                label: "Morze".into()
            }]),
            Language::Polish
        )
    );
    assert_eq!(
        (written.prompt.as_str(), written.prompt_in),
        ("What would make swimming better?", Language::English)
    );

    // Removing the translation shows the English again.
    translation::save_prompt(&db, &choice.id, Language::Polish, None)
        .await
        .unwrap();
    let again = contribution::preview_page(&db, &id, 1, Language::Polish)
        .await
        .unwrap();
    assert_eq!(
        (again.prompt.text.as_str(), again.prompt.words_in),
        ("Where do you like to swim?", Language::English)
    );
}

#[tokio::test]
async fn a_translation_must_cover_every_option_and_stale_options_fall_back_to_english() {
    let db = test_db().await;
    let (id, code) = opened(&db).await;
    let choice = activity::prompts(&db, &id).await.unwrap().remove(0);
    let missing = PromptWords::parse(&choice, "Gdzie?", "Gdzie?", &strings(&["Basen"]));
    assert_eq!(
        missing.unwrap_err(),
        StaffProblem::TranslateEachOption { count: 2 }
    );
    let blank = PromptWords::parse(&choice, "Gdzie?", "Gdzie?", &strings(&["Basen", " "]));
    assert_eq!(blank.unwrap_err(), StaffProblem::FillIn(Field::Option(2)));

    let polish =
        PromptWords::parse(&choice, "Gdzie?", "Gdzie?", &strings(&["Basen", "Morze"])).unwrap();
    translation::save_prompt(&db, &choice.id, Language::Polish, Some(&polish))
        .await
        .unwrap();
    // The facilitator adds an option in English afterwards.
    let modes = strings(&["choice"]);
    let labels = strings(&["Pool", "Sea", "River"]);
    let symbols = vec![String::new(); 3];
    let changed = PromptDraft::parse(PromptForm {
        text: "Where do you like to swim?",
        easy_read: "Where do you like to swim?",
        modes: &modes,
        option_labels: &labels,
        option_symbols: &symbols,
        ..Default::default()
    })
    .unwrap();
    activity::update_prompt(&db, &choice.id, &changed)
        .await
        .unwrap();

    let turn = contribution::join_in(&db, &code, Language::Polish)
        .await
        .unwrap();
    contribution::assent(&db, &turn, None).await.unwrap();
    let page = contribution::prompt_page(&db, &turn, 1).await.unwrap();
    assert_eq!(
        (page.prompt.text.as_str(), page.prompt.words_in),
        ("Gdzie?", Language::Polish)
    );
    let labels: Vec<&str> = page
        .prompt
        .options
        .iter()
        .map(|o| o.label.as_str())
        .collect();
    assert_eq!(
        (labels, page.prompt.options_in),
        (vec!["Pool", "Sea", "River"], Language::English)
    );
    let stored = translation::for_activity(&db, &id).await.unwrap();
    assert!(!stored
        .of_prompt(&choice.id, Language::Polish)
        .unwrap()
        .fits(&page.prompt));
}

#[tokio::test]
async fn the_turn_keeps_the_language_chosen_until_it_is_handed_over() {
    let db = test_db().await;
    let (_, code) = opened(&db).await;
    let turn = contribution::join_in(&db, &code, Language::Urdu)
        .await
        .unwrap();
    assert_eq!(language_of(&db, &turn).await, "ur");
    contribution::choose_language(&db, &turn, Language::Arabic)
        .await
        .unwrap();
    assert_eq!(language_of(&db, &turn).await, "ar");
    // A child who joined without choosing is in English.
    let english = contribution::join(&db, &code).await.unwrap();
    assert_eq!(language_of(&db, &english).await, "en");
}

async fn language_of(db: &app::data::Db, turn: &str) -> String {
    let row = sqlx::query("SELECT language FROM participations WHERE id = $1")
        .bind(turn)
        .fetch_one(db.pool())
        .await
        .unwrap();
    sqlx::Row::get(&row, "language")
}

#[tokio::test]
async fn you_said_we_did_reaches_a_child_in_their_language_and_english_otherwise() {
    use app::data::{decision, feedback};
    use app::domain::FeedbackWords;
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let participation = child_answers_everything(&db, &opened.join_code, "A quiet room").await;
    let code = contribution::finished(&db, &participation)
        .await
        .unwrap()
        .receipt_code;
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let commissioner = commissioner_id(&db).await;
    let id = decision::create(&db, decision("Quiet rooms", "2026-11-20"), &commissioner)
        .await
        .unwrap();
    decision::link(&db, &id, &said[0].id, "You asked for it.", &commissioner)
        .await
        .unwrap();
    decision::publish(
        &db,
        &id,
        &message("We will add quiet rooms.", "Quiet rooms. Yes!"),
        &commissioner,
    )
    .await
    .unwrap();
    let polish = FeedbackWords::parse("Dodamy ciche pokoje.", "Ciche pokoje. Tak!").unwrap();
    translation::save_feedback(&db, &id, Language::Polish, Some(&polish))
        .await
        .unwrap();
    assert_eq!(
        decision::find(&db, &id)
            .await
            .unwrap()
            .feedback_translations,
        vec![(Language::Polish, polish.clone())]
    );

    let fed_back = |receipt: &app::domain::Receipt| {
        receipt
            .contributions
            .iter()
            .flat_map(|c| c.trail.influence.iter())
            .find_map(|step| step.feedback.clone())
            .unwrap()
    };
    let mut in_polish = contribution::receipt(&db, &code).await.unwrap();
    translation::receipt_in(&db, &mut in_polish, Language::Polish)
        .await
        .unwrap();
    let message_in_polish = fed_back(&in_polish);
    assert_eq!(message_in_polish.easy_read, "Ciche pokoje. Tak!");
    assert_eq!(message_in_polish.written_in, Language::Polish);

    // Urdu has no translation: the English, saying it is English.
    let mut in_urdu = contribution::receipt(&db, &code).await.unwrap();
    translation::receipt_in(&db, &mut in_urdu, Language::Urdu)
        .await
        .unwrap();
    assert_eq!(fed_back(&in_urdu).easy_read, "Quiet rooms. Yes!");
    assert_eq!(fed_back(&in_urdu).written_in, Language::English);

    let mut board = feedback::board(&db).await.unwrap();
    translation::board_in(&db, &mut board, Language::Polish)
        .await
        .unwrap();
    let item = board.iter().find(|item| item.decision_id == id).unwrap();
    assert_eq!(item.feedback.plain_text, "Dodamy ciche pokoje.");

    // Removed: the Polish child reads the English again.
    translation::save_feedback(&db, &id, Language::Polish, None)
        .await
        .unwrap();
    let mut again = contribution::receipt(&db, &code).await.unwrap();
    translation::receipt_in(&db, &mut again, Language::Polish)
        .await
        .unwrap();
    assert_eq!(fed_back(&again).written_in, Language::English);
    assert!(
        translation::save_feedback(&db, "no-such-decision", Language::Polish, Some(&polish))
            .await
            .is_err()
    );
    assert!(FeedbackWords::parse("  ", "Tak").is_err());
}
