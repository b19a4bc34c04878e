//! The starting phrase list against a corpus of disclosure-like and everyday sentences written
//! for these tests. Triage must flag at least 95% of the disclosures; the false-positive rate on
//! everyday answers is reported, and kept low enough that the safeguarding lead trusts the flags.

use app::domain::triage::matches;

fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

#[test]
fn the_starting_list_flags_disclosures_and_mostly_leaves_everyday_answers_alone() {
    let list = app::data::triage::parse(include_str!("../src/data/triage/phrases.txt"));
    let disclosures = lines(include_str!("triage/disclosures.txt"));
    let benign = lines(include_str!("triage/benign.txt"));

    let missed: Vec<&str> = disclosures
        .iter()
        .copied()
        .filter(|text| matches(&list, text).is_empty())
        .collect();
    let flagged_benign: Vec<(&str, Vec<&str>)> = benign
        .iter()
        .map(|text| (*text, matches(&list, text)))
        .filter(|(_, found)| !found.is_empty())
        .collect();
    let recall = 1.0 - missed.len() as f64 / disclosures.len() as f64;
    let false_positives = flagged_benign.len() as f64 / benign.len() as f64;
    println!(
        "triage: {} of {} disclosures flagged ({:.1}%); {} of {} everyday answers flagged ({:.1}% false positives)",
        disclosures.len() - missed.len(),
        disclosures.len(),
        recall * 100.0,
        flagged_benign.len(),
        benign.len(),
        false_positives * 100.0
    );
    println!("missed: {missed:?}");
    println!("flagged everyday answers: {flagged_benign:?}");
    assert!(
        recall >= 0.95,
        "only {:.1}% flagged; missed {missed:?}",
        recall * 100.0
    );
    assert!(false_positives <= 0.15, "{flagged_benign:?}");
}
