//! The scan: tokens and whole-word lexicon hits. Cases in tests/data/scan.json give a
//! lexicon (`null` for the built-in one), a text and the expected hits as
//! `[text, category]` pairs in order (the category is one of the hit's entries).

use copydesk::{Article, Category, Error, LexiconBuilder};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    lexicon: Option<Vec<(String, String)>>,
    text: String,
    hits: Vec<(String, String)>,
}

fn article(case: &Case) -> Article {
    match &case.lexicon {
        None => Article::new(case.text.as_str()),
        Some(entries) => {
            let mut builder = LexiconBuilder::new();
            for (phrase, category) in entries {
                let category = Category::from_name(category)
                    .unwrap_or_else(|| panic!("{}: unknown category {category}", case.name));
                builder.add(phrase, category, "").expect("valid entry");
            }
            let lexicon = builder.build().expect("lexicon builds");
            Article::builder(case.text.as_str())
                .lexicon(lexicon)
                .build()
                .expect("no limit set")
        }
    }
}

#[test]
fn scan_cases() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("data/scan.json")).expect("valid");
    let mut failures = Vec::new();
    for case in &cases {
        let article = article(case);
        let scan = article.scan();
        let text = article.text();
        let got: Vec<(String, Vec<&str>)> = scan
            .hits()
            .iter()
            .map(|h| {
                let categories = scan.entries(&h).iter().map(|e| e.category.name()).collect();
                (h.span.text(text).to_string(), categories)
            })
            .collect();
        let matches = got.len() == case.hits.len()
            && got
                .iter()
                .zip(&case.hits)
                .all(|((t, cats), (et, ec))| t == et && cats.contains(&ec.as_str()));
        if !matches {
            failures.push(format!(
                "{}:\n  expected {:?}\n  got      {:?}",
                case.name, case.hits, got
            ));
        }
        // Hits are sorted, disjoint, and each starts at its first token.
        let hits: Vec<_> = scan.hits().iter().collect();
        for pair in hits.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{}", case.name);
        }
        let starts: Vec<usize> = hits.iter().map(|h| h.first_token as usize).collect();
        for t in 0..scan.tokens().len() {
            assert_eq!(
                scan.hit_at(t).is_some(),
                starts.contains(&t),
                "{}: token {t}",
                case.name
            );
        }
        for hit in scan.hits() {
            // The tokens it covers are those that start inside it ("US" in "US's"
            // covers the one token "US's").
            let covered = scan.tokens().partition_point(|t| t.start() < hit.span.end);
            assert_eq!(hit.end_token as usize, covered, "{}", case.name);
            let first = scan.tokens()[hit.first_token as usize];
            assert_eq!(first.start(), hit.span.start, "{}", case.name);
            assert!(hit.end_token > hit.first_token, "{}", case.name);
            assert_eq!(
                scan.hit_at(hit.first_token as usize).map(|h| h.span),
                Some(hit.span),
                "{}",
                case.name
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn entry_at_and_hits_of() {
    let mut builder = LexiconBuilder::new();
    builder
        .add("about", Category::Hedge, "approximator")
        .unwrap();
    builder.add("about", Category::Qualifier, "about").unwrap();
    let article = Article::builder("It cost about 5 dollars, or about that.")
        .lexicon(builder.build().unwrap())
        .build()
        .unwrap();
    let scan = article.scan();
    let about = scan.token_at_or_after(article.text().find("about").unwrap());
    let (_, entry) = scan
        .entry_at(about, Category::Qualifier)
        .expect("qualifier");
    assert_eq!(&*entry.payload, "about");
    assert!(scan.is_at(about, Category::Hedge));
    assert!(!scan.is_at(about, Category::Booster));
    assert!(!scan.is_at(about + 1, Category::Hedge));
    assert_eq!(scan.hits_of(Category::Hedge).count(), 2);
    assert_eq!(scan.hits_of(Category::Booster).count(), 0);
}

#[test]
fn tokens_know_their_sentence() {
    let article = Article::new("One two. Three four.\nFive.");
    let scan = article.scan();
    let sentences: Vec<usize> = (0..scan.tokens().len())
        .map(|t| scan.sentence_of(t))
        .collect();
    assert_eq!(sentences, [0, 0, 0, 1, 1, 1, 2, 2]);
}

#[test]
fn sentences_of_tokens_across_many_blocks() {
    // Sentences of 1 to 7 words: several start inside each block of 64 tokens, and
    // some blocks start mid-sentence.
    let mut text = String::new();
    let mut expected = Vec::new();
    for s in 0..300 {
        for w in 0..=s % 7 {
            text.push_str(if w == 0 { "Word" } else { " word" });
            expected.push(s);
        }
        text.push_str(". ");
        expected.push(s);
    }
    let article = Article::new(text);
    assert_eq!(article.sentences().len(), 300);
    let scan = article.scan();
    let found: Vec<usize> = (0..scan.tokens().len())
        .map(|t| scan.sentence_of(t))
        .collect();
    assert_eq!(found, expected);
}

fn lexicon_error(result: Result<&mut LexiconBuilder, Error>) -> String {
    match result {
        Err(e @ Error::Lexicon { .. }) => e.to_string(),
        Err(other) => panic!("wrong error kind: {other}"),
        Ok(_) => panic!("expected an error"),
    }
}

#[test]
fn empty_whitespace_long_and_wordless_entries_are_errors() {
    let mut builder = LexiconBuilder::new();
    let message = lexicon_error(builder.add("", Category::Hedge, ""));
    assert!(message.contains("empty"), "{message}");
    let message = lexicon_error(builder.add(" \t\n ", Category::Hedge, ""));
    assert!(message.contains("white space"), "{message}");
    let long = "x".repeat(copydesk::lexicon::MAX_PHRASE_BYTES + 1);
    let message = lexicon_error(builder.add(&long, Category::Hedge, ""));
    assert!(message.contains("over the limit"), "{message}");
    let message = lexicon_error(builder.add("“ … ”", Category::Custom, ""));
    assert!(message.contains("no letter"), "{message}");
    // The longest allowed phrase still works.
    let longest = "y".repeat(copydesk::lexicon::MAX_PHRASE_BYTES);
    builder
        .add(&longest, Category::Custom, "")
        .expect("at the limit");
    // Failed adds left nothing behind.
    assert_eq!(builder.build().unwrap().len(), 1);
}

#[test]
fn tsv_errors_name_file_and_line() {
    let data = "# comment\n\nmaybe\thedge\tepistemic\nperhaps\tguess\n";
    let message = lexicon_error(LexiconBuilder::new().add_tsv(data, "extra.tsv"));
    assert!(message.contains("extra.tsv:4"), "{message}");
    assert!(message.contains("guess"), "{message}");
    let message = lexicon_error(LexiconBuilder::new().add_tsv("ok\thedge\n \thedge\n", "two.tsv"));
    assert!(message.contains("two.tsv:2"), "{message}");
    // CRLF files parse like LF files.
    let lexicon = LexiconBuilder::new()
        .add_tsv("maybe\thedge\tx\r\nperhaps\thedge\r\n", "crlf.tsv")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(lexicon.len(), 2);
    assert_eq!(lexicon.iter().next().map(|(_, e)| &*e.payload), Some("x"));
}

#[test]
fn missing_lexicon_file_is_an_io_error() {
    let err = LexiconBuilder::new()
        .add_file("/nonexistent/copydesk/words.tsv")
        .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
    assert!(err.to_string().contains("words.tsv"));
}

#[test]
fn empty_lexicon_finds_nothing() {
    let lexicon = LexiconBuilder::new().build().unwrap();
    assert!(lexicon.is_empty());
    let article = Article::builder("Anything at all.")
        .lexicon(lexicon)
        .build()
        .unwrap();
    assert!(article.scan().hits().is_empty());
    assert_eq!(article.scan().tokens().len(), 4);
}

#[test]
fn a_phrase_of_many_tokens_is_one_hit() {
    // 64 one-letter words: the longest phrase a lexicon takes (127 bytes).
    let phrase = vec!["a"; 64].join(" ");
    let mut builder = LexiconBuilder::new();
    builder
        .add(&phrase, Category::Hedge, "")
        .expect("a valid phrase");
    let lexicon = std::sync::Arc::new(builder.build().expect("a valid lexicon"));
    let text = format!("One {phrase} two. {phrase}");
    let article = Article::builder(text.as_str())
        .lexicon(lexicon)
        .build()
        .expect("no limit");
    let scan = article.scan();
    let hits: Vec<_> = scan.hits().iter().collect();
    assert_eq!(hits.len(), 2);
    assert_eq!((hits[0].first_token, hits[0].end_token), (1, 65));
    assert_eq!(hits[0].span.text(&text), phrase);
    assert_eq!((hits[1].first_token, hits[1].end_token), (67, 131));
    assert_eq!(hits[1].span.text(&text), phrase);
    assert_eq!(scan.hit_at(67), Some(hits[1]));
    assert_eq!(scan.hits().get(1), Some(hits[1]));
    assert_eq!(scan.hits().first_token(1), Some(67));
    assert_eq!(scan.hits().iter().next_back(), Some(hits[1]));
}
