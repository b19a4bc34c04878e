//! Triage measured on a corpus of children's writing written for these tests (not from real
//! children): disclosures of every kind of harm, and everyday sentences that share their words
//! ("my dad hits the ball", "I'm dying to go swimming"). The model was tuned on `tune/` only;
//! `held-out/` was written before it and is the figure that counts: on unseen text triage must
//! flag at least 95% of disclosures and at most 10% of everyday answers.

use app::domain::triage::{reasons, Harm};

struct Corpus {
    disclosures: Vec<(Harm, &'static str)>,
    benign: Vec<&'static str>,
}

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn corpus(disclosures: &'static str, benign: &'static str) -> Corpus {
    Corpus {
        disclosures: lines(disclosures)
            .map(|line| {
                let (kind, text) = line.split_once(':').expect("kind: text");
                let harm = Harm::from_code(kind.trim()).expect("a known kind");
                (harm, text.trim())
            })
            .collect(),
        benign: lines(benign).collect(),
    }
}

/// Every language's starting phrases: a phrase in another language must not flag English.
fn starting_list() -> Vec<(app::domain::Language, String)> {
    app::data::triage::starting_lists()
}

/// Recall and false-positive rate, printed with what was missed and what was flagged wrongly.
fn measure(name: &str, corpus: &Corpus) -> (f64, f64) {
    let list = starting_list();
    let missed: Vec<&(Harm, &str)> = corpus
        .disclosures
        .iter()
        .filter(|(_, text)| reasons(&list, text).is_empty())
        .collect();
    let flagged: Vec<(&str, Vec<String>)> = corpus
        .benign
        .iter()
        .map(|text| (*text, reasons(&list, text)))
        .filter(|(_, why)| !why.is_empty())
        .collect();
    let recall = 1.0 - missed.len() as f64 / corpus.disclosures.len() as f64;
    let false_positives = flagged.len() as f64 / corpus.benign.len() as f64;
    println!(
        "{name}: {} of {} disclosures flagged (recall {:.1}%); {} of {} everyday answers flagged \
         ({:.1}% false positives)",
        corpus.disclosures.len() - missed.len(),
        corpus.disclosures.len(),
        recall * 100.0,
        flagged.len(),
        corpus.benign.len(),
        false_positives * 100.0
    );
    for harm in Harm::ALL {
        let of_kind: Vec<_> = corpus
            .disclosures
            .iter()
            .filter(|(h, _)| *h == harm)
            .collect();
        let caught = of_kind
            .iter()
            .filter(|(_, text)| !reasons(&list, text).is_empty())
            .count();
        println!("  {:<32} {caught} of {}", harm.label(), of_kind.len());
    }
    println!("  missed: {missed:?}");
    println!("  flagged everyday answers: {flagged:?}");
    (recall, false_positives)
}

#[test]
fn every_kind_of_harm_has_disclosures_in_both_sets() {
    for set in [
        corpus(include_str!("triage/tune/disclosures.txt"), ""),
        corpus(include_str!("triage/held-out/disclosures.txt"), ""),
    ] {
        for harm in Harm::ALL {
            let count = set.disclosures.iter().filter(|(h, _)| *h == harm).count();
            assert!(count >= 10, "{} has only {count}", harm.label());
        }
    }
}

#[test]
fn on_the_tuning_set() {
    let tune = corpus(
        include_str!("triage/tune/disclosures.txt"),
        include_str!("triage/tune/benign.txt"),
    );
    let (recall, false_positives) = measure("tuning set", &tune);
    assert!(recall >= 0.95 && false_positives <= 0.10);
}

#[test]
fn on_text_it_was_not_tuned_on() {
    let held_out = corpus(
        include_str!("triage/held-out/disclosures.txt"),
        include_str!("triage/held-out/benign.txt"),
    );
    let (recall, false_positives) = measure("held-out set", &held_out);
    assert!(
        recall >= 0.95,
        "recall {:.1}% on unseen text",
        recall * 100.0
    );
    assert!(
        false_positives <= 0.10,
        "{:.1}% false positives on unseen text",
        false_positives * 100.0
    );
}
