//! Table-driven sentence and paragraph segmentation cases from tests/data/segmentation.json.
//!
//! Each case gives a text and the expected sentence texts; `paragraphs` (optional) gives
//! the expected paragraph texts.

use copydesk::Article;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
    #[serde(default)]
    paragraphs: Option<Vec<String>>,
}

fn cases() -> Vec<Case> {
    let data = include_str!("data/segmentation.json");
    serde_json::from_str(data).expect("tests/data/segmentation.json is valid")
}

#[test]
fn segmentation_cases() {
    let cases = cases();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let article = Article::new(case.text.as_str());
        let sentences: Vec<&str> = (0..article.sentences().len())
            .map(|i| article.sentence_text(i))
            .collect();
        if sentences != case.sentences {
            failures.push(format!(
                "{}: sentences\n  expected {:?}\n  got      {:?}",
                case.name, case.sentences, sentences
            ));
        }
        if let Some(expected) = &case.paragraphs {
            let paragraphs: Vec<&str> = (0..article.paragraphs().len())
                .map(|i| article.paragraph_text(i))
                .collect();
            if &paragraphs != expected {
                failures.push(format!(
                    "{}: paragraphs\n  expected {:?}\n  got      {:?}",
                    case.name, expected, paragraphs
                ));
            }
        }
        // Every sentence lies inside the paragraph it is said to belong to.
        for (i, sentence) in article.sentences().iter().enumerate() {
            let paragraph = article.paragraphs()[article.paragraph_of_sentence(i)];
            if !paragraph.contains(*sentence) {
                failures.push(format!("{}: sentence {i} outside its paragraph", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn case_names_are_unique() {
    let cases = cases();
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "duplicate case names");
}
