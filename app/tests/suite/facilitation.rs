//! Data-layer tests of facilitation: building activities, sessions with a date and a facilitator,
//! describing and tagging contributions, the closing summary, retention, withholding and the
//! safeguarding alert outbox. SQLite by default, PostgreSQL with HEARD_TEST_DATABASE_URL.

use crate::common::*;
use app::alerts::{AlertSettings, Mailer};
use app::data::contribution;
use app::data::decision;
use app::data::{
    activity, concern, media, moderation, now, retention, session, staff, Backend, DataError, Db,
};
use app::domain::{
    ActivityDraft, Answer, AnswerMode, Language, MediaConsent, PromptDraft, PromptForm,
};
use app::domain::{Choice, StaffProblem};

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

fn draft(title: &str) -> ActivityDraft {
    ActivityDraft::parse(
        title,
        "Tell us what you think about after-school clubs.",
        "forum-send-tc",
        strings(&["priority-8", "priority-2"]),
    )
    .unwrap()
}

fn question(text: &str, modes: &[&str], options: &[&str]) -> PromptDraft {
    let modes = strings(modes);
    let labels = strings(options);
    let symbols = vec![String::new(); labels.len()];
    PromptDraft::parse(PromptForm {
        text,
        easy_read: text,
        modes: &modes,
        option_labels: &labels,
        option_symbols: &symbols,
        ..Default::default()
    })
    .unwrap()
}

/// A new activity with three questions: faces, a choice, words.
async fn built_activity(db: &Db) -> String {
    let id = activity::create(db, &draft("After-school clubs"))
        .await
        .unwrap();
    for prompt in [
        question("How do you feel about clubs?", &["emoji_scale"], &[]),
        question("Which club?", &["choice"], &["Art", "Football", "Cooking"]),
        question("What would make clubs better?", &["text", "audio"], &[]),
    ] {
        activity::add_prompt(db, &id, &prompt).await.unwrap();
    }
    id
}

#[tokio::test]
async fn a_facilitator_builds_an_activity_and_orders_its_questions() {
    let db = test_db().await;
    let id = built_activity(&db).await;
    let built = activity::find(&db, &id).await.unwrap();
    assert_eq!(built.audience, "SEND Transformation & Commissioning group");
    assert_eq!(built.priority_ids.len(), 2);
    let texts: Vec<&str> = built.prompts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "How do you feel about clubs?",
            "Which club?",
            "What would make clubs better?"
        ]
    );
    assert_eq!(built.prompts[1].options.len(), 3);
    assert_eq!(
        built.prompts[2].modes,
        [AnswerMode::Text, AnswerMode::Audio]
    );

    // The last question moves to the front, then the choice is removed.
    activity::move_prompt(&db, &built.prompts[2].id, true)
        .await
        .unwrap();
    activity::move_prompt(&db, &built.prompts[2].id, true)
        .await
        .unwrap();
    // Already first: nothing to swap with, nothing changes.
    activity::move_prompt(&db, &built.prompts[2].id, true)
        .await
        .unwrap();
    activity::remove_prompt(&db, &built.prompts[1].id)
        .await
        .unwrap();
    let reordered = activity::prompts(&db, &id).await.unwrap();
    let order: Vec<(i64, &str)> = reordered
        .iter()
        .map(|p| (p.position, p.text.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            (1, "What would make clubs better?"),
            (2, "How do you feel about clubs?")
        ]
    );

    // A child meets the questions in that order.
    let facilitator = facilitator_id(&db).await;
    let opened = session::open(&db, session::NewSession::new(&id, "Library", &facilitator))
        .await
        .unwrap();
    let turn = join_and_agree(&db, &opened.join_code).await;
    let first = contribution::prompt_page(&db, &turn, 1).await.unwrap();
    assert_eq!(first.prompt.text, "What would make clubs better?");
    assert_eq!(first.total, 2);

    // The preview is the same page, for a turn that does not exist.
    let preview = contribution::preview_page(&db, &id, 2, Language::English)
        .await
        .unwrap();
    assert_eq!(preview.prompt.text, "How do you feel about clubs?");
    assert_eq!(preview.participation_id, contribution::PREVIEW);
    assert!(contribution::prompt_page(&db, contribution::PREVIEW, 1)
        .await
        .is_err());
}

#[tokio::test]
async fn an_answered_question_keeps_its_ways_and_options() {
    let db = test_db().await;
    let id = built_activity(&db).await;
    let facilitator = facilitator_id(&db).await;
    let opened = session::open(&db, session::NewSession::new(&id, "Library", &facilitator))
        .await
        .unwrap();
    child_answers_everything(&db, &opened.join_code, "More cooking").await;
    let choice = activity::prompts(&db, &id).await.unwrap().remove(1);

    let fewer = question("Which club?", &["choice"], &["Art", "Football"]);
    let refused = activity::update_prompt(&db, &choice.id, &fewer).await;
    assert!(matches!(
        refused,
        Err(DataError::Invalid(
            StaffProblem::QuestionAnsweredKeepsItsWays
        ))
    ));
    let other_way = question("Which club?", &["text"], &[]);
    assert!(activity::update_prompt(&db, &choice.id, &other_way)
        .await
        .is_err());
    assert!(matches!(
        activity::remove_prompt(&db, &choice.id).await,
        Err(DataError::Invalid(_))
    ));

    // Words and labels can still be put right.
    let reworded = question(
        "Which club do you go to?",
        &["choice"],
        &["Art", "Football", "Cookery"],
    );
    activity::update_prompt(&db, &choice.id, &reworded)
        .await
        .unwrap();
    let saved = activity::prompt(&db, &choice.id).await.unwrap();
    assert_eq!(saved.text, "Which club do you go to?");
    assert_eq!(saved.options[2].label, "Cookery");
}

#[tokio::test]
async fn an_activity_needs_a_unique_title_and_a_real_forum_and_priorities() {
    let db = test_db().await;
    built_activity(&db).await;
    let again = activity::create(&db, &draft("After-school clubs")).await;
    assert!(matches!(
        again,
        Err(DataError::Invalid(StaffProblem::ActivityExists))
    ));
    let mut nowhere = draft("Somewhere else");
    nowhere.forum_id = "forum-made-up".into();
    assert!(matches!(
        activity::create(&db, &nowhere).await,
        Err(DataError::Invalid(_))
    ));
    let mut unknown = draft("Unknown priority");
    unknown.priority_ids = strings(&["priority-99"]);
    assert!(matches!(
        activity::create(&db, &unknown).await,
        Err(DataError::Invalid(_))
    ));
    // Nothing half-made was left behind.
    let titles: Vec<String> = activity::list(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
}

#[tokio::test]
async fn a_session_has_a_date_a_facilitator_and_an_expected_group() {
    let db = test_db().await;
    let me = facilitator_id(&db).await;
    let admin = staff::find_by_email(&db, "admin@heard.example")
        .await
        .unwrap();
    let viewer = staff::find_by_email(&db, "viewer@heard.example")
        .await
        .unwrap();
    let mut new = session::NewSession::new("activity-short-breaks", "Oakfield School", &admin.id);
    new.held_on = Some(app::data::parse_date("2026-12-03").unwrap());
    new.expected_group = "Year 9 at a special school";
    let opened = session::open(&db, new).await.unwrap();
    assert_eq!(opened.held_on.to_string(), "3 December 2026");
    assert_eq!(opened.facilitator, "admin@heard.example");
    let space = session::space(&db, &opened.id).await.unwrap();
    assert_eq!(space.expected_group, "Year 9 at a special school");

    let by_viewer = session::open(
        &db,
        session::NewSession::new("activity-short-breaks", "Hall", &viewer.id),
    )
    .await;
    assert!(matches!(
        by_viewer,
        Err(DataError::Invalid(StaffProblem::ChooseFromList(
            Choice::Facilitator
        )))
    ));
    let facilitators: Vec<String> = staff::facilitators(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.email)
        .collect();
    assert!(facilitators.contains(&"facilitator@heard.example".to_owned()));
    assert!(!facilitators.contains(&"viewer@heard.example".to_owned()));
    let mine = session::open(
        &db,
        session::NewSession::new("activity-short-breaks", "Hall", &me),
    )
    .await
    .unwrap();
    assert_eq!(mine.facilitator, "facilitator@heard.example");
}

#[tokio::test]
async fn a_recording_in_another_language_gets_an_english_translation_that_triage_reads() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let facilitator = facilitator_id(&db).await;
    let (_, recording) = child_sends_media(
        &db,
        &opened.join_code,
        AnswerMode::Audio,
        MediaConsent::DecisionMakers,
    )
    .await;

    // Spoken in English: a transcript, word for word, with no language to name.
    moderation::describe(
        &db,
        &recording,
        &facilitator,
        "I like the big slide.",
        Some(Language::English),
    )
    .await
    .unwrap();
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let transcribed = said.iter().find(|c| c.id == recording).unwrap();
    assert_eq!(transcribed.translated_from, None);
    assert_eq!(transcribed.translation(), None);

    // Spoken in Urdu: an English translation beside the recording, which stays as it was.
    moderation::describe(
        &db,
        &recording,
        &facilitator,
        "The slide is too high for me.",
        Some(Language::Urdu),
    )
    .await
    .unwrap();
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let translated = said.iter().find(|c| c.id == recording).unwrap();
    assert!(
        matches!(translated.answer, Answer::Audio(_)),
        "the original stays"
    );
    assert_eq!(translated.translated_from, Some(Language::Urdu));
    assert_eq!(translated.lang(), None, "\"A voice recording\" is English");
    assert_eq!(
        translated.translation().as_deref(),
        Some("Spoken in Urdu. In English: The slide is too high for me.")
    );
    // Exports say what it was and what language it was in.
    let rows = app::data::evidence::export_rows(&db, &Default::default())
        .await
        .unwrap();
    assert!(rows.iter().any(|row| row.answer
        == "Voice recording in Urdu; translated: \"The slide is too high for me.\""));
    assert!(concern::queue(&db).await.unwrap().is_empty());

    // A disclosure in the translation reaches the lead like one a child wrote in English.
    moderation::describe(
        &db,
        &recording,
        &facilitator,
        "My uncle hits me when mum is at work.",
        Some(Language::Urdu),
    )
    .await
    .unwrap();
    let queue = concern::queue(&db).await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].source, "triage");
}

#[tokio::test]
async fn a_description_sits_beside_the_photo_and_is_checked_by_triage() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let facilitator = facilitator_id(&db).await;
    let (_, photo) = child_sends_a_photo(&db, &opened.join_code, MediaConsent::Team).await;

    moderation::describe(
        &db,
        &photo,
        &facilitator,
        "A swing in a park, with two friends.",
        None,
    )
    .await
    .unwrap();
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let described = said.iter().find(|c| c.id == photo).unwrap();
    assert_eq!(
        described.description.as_deref(),
        Some("A swing in a park, with two friends.")
    );
    assert!(
        matches!(described.answer, Answer::Photo(_)),
        "the original stays"
    );
    assert!(concern::for_session(&db, &opened.id)
        .await
        .unwrap()
        .is_empty());

    // Words on the picture that come close to the lead's phrases are flagged like written ones.
    moderation::describe(
        &db,
        &photo,
        &facilitator,
        "Writing on the drawing says: he hits me",
        None,
    )
    .await
    .unwrap();
    let queue = concern::queue(&db).await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].source, "triage");
    assert!(contribution::released(&db)
        .await
        .unwrap()
        .iter()
        .all(|c| c.id != photo));

    // Writing is translated, not described; a picture is described, never translated; an
    // empty text takes the description away.
    let words = said
        .iter()
        .find(|c| matches!(c.answer, Answer::Text(_)))
        .unwrap();
    assert!(matches!(
        moderation::describe(&db, &words.id, &facilitator, "x", None).await,
        Err(DataError::Invalid(_))
    ));
    assert!(matches!(
        moderation::describe(&db, &photo, &facilitator, "x", Some(Language::Polish)).await,
        Err(DataError::Invalid(_))
    ));
    moderation::describe(&db, &photo, &facilitator, "  ", None)
        .await
        .unwrap();
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    assert_eq!(
        said.iter().find(|c| c.id == photo).unwrap().description,
        None
    );
}

#[tokio::test]
async fn themes_come_from_the_activity_list_and_the_closing_summary_counts_them() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let own = opened.activity_id.clone();
    let travel = activity::add_theme(&db, &own, "Getting there")
        .await
        .unwrap();
    let friends = activity::add_theme(&db, &own, "People I like")
        .await
        .unwrap();
    assert!(matches!(
        activity::add_theme(&db, &own, "Getting there").await,
        Err(DataError::Invalid(_))
    ));
    let elsewhere = built_activity(&db).await;
    let foreign = activity::add_theme(&db, &elsewhere, "Clubs").await.unwrap();

    child_answers_everything(&db, &opened.join_code, "The bus is late").await;
    child_answers_everything(&db, &opened.join_code, "I miss my friends").await;
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let words: Vec<&str> = said
        .iter()
        .filter(|c| matches!(c.answer, Answer::Text(_)))
        .map(|c| c.id.as_str())
        .collect();
    moderation::set_themes(&db, words[0], std::slice::from_ref(&travel))
        .await
        .unwrap();
    moderation::set_themes(&db, words[1], &[friends.clone(), travel.clone()])
        .await
        .unwrap();
    assert!(matches!(
        moderation::set_themes(&db, words[0], &[foreign]).await,
        Err(DataError::Invalid(_))
    ));
    let tagged = contribution::for_session(&db, &opened.id).await.unwrap();
    let names: Vec<&str> = tagged
        .iter()
        .find(|c| c.id == words[1])
        .unwrap()
        .themes
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["Getting there", "People I like"]);

    session::close(&db, &opened.id).await.unwrap();
    let tally = session::tally(&db, &opened.id).await.unwrap();
    assert_eq!(tally.children, 2);
    let prompts = activity::prompts(&db, &own).await.unwrap();
    assert_eq!(tally.by_prompt.len(), prompts.len());
    assert!(tally.by_prompt.iter().all(|(_, n)| *n == 2));
    let answers: i64 = tally.by_mode.iter().map(|(_, n)| n).sum();
    assert_eq!(answers, 2 * prompts.len() as i64);
    assert_eq!(
        tally.by_theme,
        [
            ("Getting there".to_owned(), 2),
            ("People I like".to_owned(), 1)
        ]
    );

    // Taking a theme off the list takes it off the answers.
    activity::remove_theme(&db, &own, &travel).await.unwrap();
    let tally = session::tally(&db, &opened.id).await.unwrap();
    assert_eq!(tally.by_theme, [("People I like".to_owned(), 1)]);
}

#[tokio::test]
async fn retention_erases_old_contributions_but_not_those_held_for_safeguarding() {
    let db = test_db().await;
    let store = test_store();
    let opened = open_demo_session(&db).await;
    let facilitator = facilitator_id(&db).await;
    let (_, photo) = child_sends_a_photo(&db, &opened.join_code, MediaConsent::Team).await;
    let photo_media = match &contribution::for_session(&db, &opened.id)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.id == photo)
        .unwrap()
        .answer
    {
        Answer::Photo(media) => media.media_id.clone(),
        other => panic!("not a photo: {other:?}"),
    };
    let (full, thumbnail) = media::keys(&photo_media);
    store.put(&full, b"jpeg".to_vec()).await.unwrap();
    store.put(&thumbnail, b"jpeg".to_vec()).await.unwrap();
    let held_turn = child_answers_everything(&db, &opened.join_code, "More trips").await;
    let held_answer = contribution::receipt(&db, &receipt_code(&db, &held_turn).await)
        .await
        .unwrap()
        .contributions[0]
        .id
        .clone();
    let raised = concern::raise_by_staff(&db, &held_answer, &facilitator, "Check in")
        .await
        .unwrap();
    session::close(&db, &opened.id).await.unwrap();
    let everything = contribution::for_session(&db, &opened.id)
        .await
        .unwrap()
        .len();

    // Within the period nothing goes.
    assert_eq!(
        retention::erase_expired(&db, &*store, now()).await.unwrap(),
        0
    );
    retention::set_months(&db, 1, &facilitator).await.unwrap();
    assert!(retention::set_months(&db, 0, &facilitator).await.is_err());
    let later = now() + 40 * 24 * 60 * 60;
    let erased = retention::erase_expired(&db, &*store, later).await.unwrap() as usize;
    let kept = contribution::for_session(&db, &opened.id).await.unwrap();
    assert_eq!(erased + kept.len(), everything);
    assert!(!kept.is_empty() && erased > 0);
    assert!(
        kept.iter().any(|c| c.id == held_answer),
        "held for safeguarding"
    );
    assert!(kept.iter().all(|c| c.id != photo));
    assert!(store.get(&full).await.is_err(), "the photo's file is gone");
    assert!(store.get(&thumbnail).await.is_err());
    assert!(matches!(
        media::find(&db, &photo_media).await,
        Err(DataError::NotFound(_))
    ));
    // The counts of what was said stay.
    let tally = session::tally(&db, &opened.id).await.unwrap();
    let counted: i64 = tally.by_mode.iter().map(|(_, n)| n).sum();
    assert_eq!(counted as usize, everything);

    // Once the lead clears the concern, the held turn goes too.
    let lead = staff::find_by_email(&db, "safeguarding@heard.example")
        .await
        .unwrap();
    concern::clear(
        &db,
        &raised,
        &lead.id,
        "Spoke with the school; no further action",
    )
    .await
    .unwrap();
    retention::erase_expired(&db, &*store, later).await.unwrap();
    assert!(contribution::for_session(&db, &opened.id)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_decision_shows_no_link_to_a_contribution_held_back_later() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let commissioner = commissioner_id(&db).await;
    let facilitator = facilitator_id(&db).await;
    child_answers_everything(&db, &opened.join_code, "More evening clubs").await;
    let said = contribution::released(&db).await.unwrap();
    let decision = decision::create(
        &db,
        crate::common::decision("Evening clubs", "2026-11-20"),
        &commissioner,
    )
    .await
    .unwrap();
    decision::link(
        &db,
        &decision,
        &said[0].id,
        "You asked for evening clubs",
        &commissioner,
    )
    .await
    .unwrap();
    assert_eq!(decision::find(&db, &decision).await.unwrap().links.len(), 1);

    let raised = concern::raise_by_staff(&db, &said[1].id, &facilitator, "Worried")
        .await
        .unwrap();
    assert!(decision::find(&db, &decision)
        .await
        .unwrap()
        .links
        .is_empty());
    let lead = staff::find_by_email(&db, "safeguarding@heard.example")
        .await
        .unwrap();
    concern::clear(&db, &raised, &lead.id, "Resolved")
        .await
        .unwrap();
    assert_eq!(decision::find(&db, &decision).await.unwrap().links.len(), 1);
}

#[tokio::test]
async fn a_new_concern_waits_for_its_alert_until_it_is_sent() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    assert!(concern::awaiting_alert(&db).await.unwrap().is_empty());
    let turn = join_and_agree(&db, &opened.join_code).await;
    concern::raise_by_child(&db, &turn, None).await.unwrap();
    let waiting = concern::awaiting_alert(&db).await.unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(concern::claim_alerts(&db).await.unwrap(), waiting);
    assert!(concern::awaiting_alert(&db).await.unwrap().is_empty());
    assert!(
        concern::claim_alerts(&db).await.unwrap().is_empty(),
        "claimed once"
    );
    concern::release_alerts(&db, &waiting).await.unwrap();
    assert_eq!(concern::awaiting_alert(&db).await.unwrap(), waiting);
    assert_eq!(
        staff::safeguarding_lead_emails(&db).await.unwrap(),
        ["safeguarding@heard.example"]
    );
}

/// An SMTP relay that takes one message and hands back its recipients and its text.
async fn one_message_relay(listener: tokio::net::TcpListener) -> (Vec<String>, String) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let (socket, _) = listener.accept().await.unwrap();
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    let (mut recipients, mut data, mut in_data) = (Vec::new(), String::new(), false);
    write.write_all(b"220 relay.test ESMTP\r\n").await.unwrap();
    while let Some(line) = lines.next_line().await.unwrap() {
        let reply: &[u8] = if in_data {
            if line == "." {
                in_data = false;
                b"250 queued\r\n"
            } else {
                data.push_str(&line);
                data.push('\n');
                continue;
            }
        } else if line.starts_with("EHLO") {
            b"250 relay.test\r\n"
        } else if let Some(to) = line.strip_prefix("RCPT TO:") {
            recipients.push(to.trim_matches(|c| c == '<' || c == '>').to_owned());
            b"250 ok\r\n"
        } else if line == "DATA" {
            in_data = true;
            b"354 go on\r\n"
        } else if line == "QUIT" {
            write.write_all(b"221 bye\r\n").await.unwrap();
            break;
        } else {
            b"250 ok\r\n"
        };
        write.write_all(reply).await.unwrap();
    }
    (recipients, data)
}

fn alert_settings(relay: String) -> AlertSettings {
    AlertSettings {
        relay,
        from: "heard@council.example".into(),
        public_url: "https://heard.council.example/".into(),
    }
}

#[tokio::test]
async fn the_alert_email_has_a_link_and_nothing_a_child_said() {
    let db = test_db().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let relay_address = listener.local_addr().unwrap().to_string();
    let mailer = Mailer::new(&alert_settings(relay_address.clone())).unwrap();
    assert_eq!(mailer.send_waiting(&db).await.unwrap(), 0, "nothing waits");

    let opened = open_demo_session(&db).await;
    child_answers_everything(&db, &opened.join_code, "my uncle hits me").await;
    let waiting = concern::awaiting_alert(&db).await.unwrap().len();
    assert!(waiting > 0, "triage flagged the answers");
    let relay = tokio::spawn(one_message_relay(listener));
    // Two servers hear of the concerns at once: one email between them, for all.
    let second_server = Mailer::new(&alert_settings(relay_address.clone())).unwrap();
    let (first, second) = tokio::join!(mailer.send_waiting(&db), second_server.send_waiting(&db));
    let mut sent = [first.unwrap(), second.unwrap()];
    sent.sort();
    assert_eq!(sent, [0, waiting], "one email for all, from one server");
    let (recipients, message) = relay.await.unwrap();
    assert_eq!(recipients, ["safeguarding@heard.example"]);
    assert!(message.contains("https://heard.council.example/staff/safeguarding"));
    for secret in ["uncle", "hits", "Youth club hall", &opened.join_code] {
        assert!(!message.contains(secret), "the email gives away {secret:?}");
    }
    assert!(concern::awaiting_alert(&db).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_alert_the_relay_did_not_take_waits_for_the_next_try() {
    let db = test_db().await;
    // A port nothing listens on: the relay is down.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = closed.local_addr().unwrap().to_string();
    drop(closed);
    let mailer = Mailer::new(&alert_settings(address.clone())).unwrap();
    let opened = open_demo_session(&db).await;
    let turn = join_and_agree(&db, &opened.join_code).await;
    concern::raise_by_child(&db, &turn, None).await.unwrap();
    assert!(mailer.send_waiting(&db).await.is_err());
    assert_eq!(concern::awaiting_alert(&db).await.unwrap().len(), 1);

    // The relay is back.
    let listener = tokio::net::TcpListener::bind(&address).await.unwrap();
    let relay = tokio::spawn(one_message_relay(listener));
    assert_eq!(mailer.send_waiting(&db).await.unwrap(), 1);
    relay.await.unwrap();
    assert!(concern::awaiting_alert(&db).await.unwrap().is_empty());
}

/// Makes every concern insert fail, as a crash after the answer's row and before the concern's
/// would; returns the SQL that puts things back.
async fn break_concern_inserts(db: &Db) -> &'static str {
    let statements: &[&str] = match db.backend() {
        Backend::Sqlite => &["CREATE TRIGGER crash_here BEFORE INSERT ON concerns \
             BEGIN SELECT RAISE(ABORT, 'simulated crash'); END"],
        Backend::Postgres => &[
            "CREATE FUNCTION crash_here() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$",
            "CREATE TRIGGER crash_here BEFORE INSERT ON concerns \
             FOR EACH ROW EXECUTE FUNCTION crash_here()",
        ],
    };
    for statement in statements {
        sqlx::query(statement).execute(db.pool()).await.unwrap();
    }
    match db.backend() {
        Backend::Sqlite => "DROP TRIGGER crash_here",
        Backend::Postgres => "DROP TRIGGER crash_here ON concerns",
    }
}

#[tokio::test]
async fn a_flagged_answer_and_its_concern_are_stored_together_or_not_at_all() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let turn = join_and_agree(&db, &opened.join_code).await;
    let first = contribution::prompt_page(&db, &turn, 1).await.unwrap();
    contribution::submit(&db, answer_for(&first, 3, ""), None)
        .await
        .unwrap();
    let words = contribution::prompt_page(&db, &turn, 2).await.unwrap();
    let disclosure = answer_for(&words, 3, "my dad hits me when i get home");

    let repair = break_concern_inserts(&db).await;
    let crashed = contribution::submit(&db, disclosure.clone(), None).await;
    assert!(crashed.is_err(), "the child is told it did not go");
    // Nothing half-written: no answer without its concern.
    assert!(contribution::for_session(&db, &opened.id)
        .await
        .unwrap()
        .iter()
        .all(|c| c.id != disclosure.id));
    assert!(concern::queue(&db).await.unwrap().is_empty());

    // The tablet sends it again once the server is back: both arrive, once.
    sqlx::query(repair).execute(db.pool()).await.unwrap();
    contribution::submit(&db, disclosure.clone(), None)
        .await
        .unwrap();
    contribution::submit(&db, disclosure.clone(), None)
        .await
        .unwrap();
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    assert_eq!(said.iter().filter(|c| c.id == disclosure.id).count(), 1);
    let queue = concern::queue(&db).await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].source, "triage");
}

#[tokio::test]
async fn retention_waits_its_turn_behind_children_answering_instead_of_failing_on_a_lock() {
    let db = test_db().await;
    let store = test_store();
    let facilitator = facilitator_id(&db).await;
    let old = open_demo_session(&db).await;
    for n in 0..4 {
        child_answers_everything(&db, &old.join_code, &format!("Old idea {n}")).await;
    }
    session::close(&db, &old.id).await.unwrap();
    retention::set_months(&db, 1, &facilitator).await.unwrap();
    let later = now() + 40 * 24 * 60 * 60;

    // A hall answering in another session while the erasure runs, three times over.
    let busy = open_demo_session(&db).await;
    for _ in 0..3 {
        let children = (0..8).map(|n| {
            let db = db.clone();
            let code = busy.join_code.clone();
            tokio::spawn(async move {
                child_answers_everything(&db, &code, &format!("New idea {n}")).await;
            })
        });
        let children: Vec<_> = children.collect();
        let erased = retention::erase_expired(&db, &*store, later).await;
        assert!(erased.is_ok(), "{erased:?}");
        for child in children {
            child.await.unwrap();
        }
    }
    assert!(contribution::for_session(&db, &old.id)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        contribution::for_session(&db, &busy.id)
            .await
            .unwrap()
            .len(),
        3 * 8 * 5
    );
}

#[tokio::test]
async fn on_postgresql_one_server_erases_at_a_time() {
    let db = test_db().await;
    if db.backend() != Backend::Postgres {
        // SQLite is one server's file: there is no other server to wait for.
        return;
    }
    let store = test_store();
    let opened = open_demo_session(&db).await;
    child_answers_everything(&db, &opened.join_code, "Old news").await;
    session::close(&db, &opened.id).await.unwrap();
    let said = contribution::for_session(&db, &opened.id)
        .await
        .unwrap()
        .len();
    let later = now() + 40 * 24 * 60 * 60;
    retention::set_months(&db, 1, &facilitator_id(&db).await)
        .await
        .unwrap();

    // Another server is erasing: it holds the lock.
    let mut other_server = db.pool().acquire().await.unwrap();
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(retention::RETENTION_LOCK)
        .execute(&mut *other_server)
        .await
        .unwrap();
    assert_eq!(
        retention::erase_expired(&db, &*store, later).await.unwrap(),
        0
    );
    assert_eq!(
        contribution::for_session(&db, &opened.id)
            .await
            .unwrap()
            .len(),
        said,
        "left to the server holding the lock"
    );
    sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(retention::RETENTION_LOCK)
        .execute(&mut *other_server)
        .await
        .unwrap();
    assert_eq!(
        retention::erase_expired(&db, &*store, later).await.unwrap() as usize,
        said
    );
}

#[tokio::test]
async fn a_translation_sits_beside_writing_in_another_language_and_reaches_triage() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    let facilitator = facilitator_id(&db).await;
    // Not one of the Polish starting phrases: only a translation lets triage read it.
    let polish = "Wujek mnie kopie, gdy mama wychodzi. Jest mi źle.";
    child_answers_everything(&db, &opened.join_code, polish).await;
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let written = said
        .iter()
        .find(|c| matches!(c.answer, Answer::Text(_)))
        .unwrap();
    assert!(
        concern::for_session(&db, &opened.id)
            .await
            .unwrap()
            .is_empty(),
        "the kinds of harm are English, and no Polish phrase is close"
    );

    assert!(matches!(
        moderation::describe(&db, &written.id, &facilitator, "x", Some(Language::English)).await,
        Err(DataError::Invalid(_))
    ));
    let english = "My uncle kicks me when mum goes out. I feel bad.";
    moderation::describe(
        &db,
        &written.id,
        &facilitator,
        english,
        Some(Language::Polish),
    )
    .await
    .unwrap();
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let translated = said.iter().find(|c| c.id == written.id).unwrap();
    assert_eq!(
        translated.answer,
        Answer::Text(polish.into()),
        "the child's words stay"
    );
    assert_eq!(translated.translated_from, Some(Language::Polish));
    assert_eq!(translated.lang(), Some("pl"));
    assert_eq!(
        translated.translation().as_deref(),
        Some("Written in Polish. In English: My uncle kicks me when mum goes out. I feel bad.")
    );
    let queue = concern::queue(&db).await.unwrap();
    assert_eq!(
        queue.len(),
        1,
        "the translation is checked like a child's own words"
    );
    assert_eq!(queue[0].source, "triage");

    // Taking the translation away takes its language too.
    moderation::describe(&db, &written.id, &facilitator, "", Some(Language::Polish))
        .await
        .unwrap();
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let plain = said.iter().find(|c| c.id == written.id).unwrap();
    assert_eq!(
        (plain.description.clone(), plain.translated_from),
        (None, None)
    );

    // Exports carry the child's words and the translation together.
    child_answers_everything(&db, &opened.join_code, "Lubię basen").await;
    let said = contribution::for_session(&db, &opened.id).await.unwrap();
    let liked = said
        .iter()
        .find(|c| c.answer == Answer::Text("Lubię basen".into()))
        .unwrap();
    moderation::describe(
        &db,
        &liked.id,
        &facilitator,
        "I like the swimming pool",
        Some(Language::Polish),
    )
    .await
    .unwrap();
    let rows = app::data::evidence::export_rows(&db, &Default::default())
        .await
        .unwrap();
    assert!(rows.iter().any(
        |row| row.answer == "Lubię basen (in Polish; translated: \"I like the swimming pool\")"
    ));
}

#[tokio::test]
async fn the_phrase_lists_in_other_languages_flag_a_polish_and_an_urdu_disclosure() {
    let db = test_db().await;
    let opened = open_demo_session(&db).await;
    child_answers_everything(&db, &opened.join_code, "Boję się, tata mnie bije").await;
    child_answers_everything(&db, &opened.join_code, "ابو مجھے مارتا ہے").await;
    child_answers_everything(&db, &opened.join_code, "Lubię pływać w basenie").await;
    let queue = concern::queue(&db).await.unwrap();
    let mut reasons = Vec::new();
    for raised in &queue {
        reasons.push(
            concern::chronology(&db, &raised.id).await.unwrap()[0]
                .text
                .clone(),
        );
    }
    // Each child wrote in every question that takes words: flags for the Polish and the Urdu
    // disclosure only, none for the swimming.
    assert!(
        reasons
            .iter()
            .all(|r| r.contains("Polish phrase \"mnie bije\"") || r.contains("Urdu phrase")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("close to the Polish phrase \"mnie bije\"")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("close to the Urdu phrase \"مجھے مارتا\"")),
        "{reasons:?}"
    );

    // The lead edits a language's list like the English one.
    let mut list = app::data::triage::current(&db).await.unwrap();
    assert!(list.lines(Language::Arabic).contains("يضربني"));
    list.phrases.push((Language::Polish, "basen*".into()));
    app::data::triage::save(&db, &list.phrases, None)
        .await
        .unwrap();
    child_answers_everything(&db, &opened.join_code, "Byłem na basenie").await;
    assert!(concern::queue(&db).await.unwrap().len() > queue.len());
}
