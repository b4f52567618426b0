//! Table-driven tests of the hedging analyzer: cases in tests/data/hedging.json.
//!
//! Each case gives a text and the exact hedges (and, when given, boosters) expected, as
//! `[cue text, category]` pairs in text order; optional `categories` restricts the
//! analyzer, `add` adds lexicon entries (`[phrase, category, payload]`) after `remove`
//! removes phrases, and `in_quote`
//! gives the expected flag of each hedge.

use copydesk::hedging::{HedgeCategory, HedgingFindings};
use copydesk::{Analyzer, Article, Category, Hedging, LexiconBuilder, Report};
use serde_json::Value;

fn analyze(case: &Value) -> (Article, HedgingFindings) {
    let text = case["text"].as_str().expect("case has text");
    let article = match case["add"].as_array() {
        Some(entries) => {
            let mut builder = LexiconBuilder::with_defaults();
            // A longer built-in phrase would hide the entries the case adds.
            for phrase in case["remove"].as_array().into_iter().flatten() {
                builder.remove(phrase.as_str().unwrap(), None);
            }
            for entry in entries {
                let category = Category::from_name(entry[1].as_str().unwrap()).unwrap();
                builder
                    .add(
                        entry[0].as_str().unwrap(),
                        category,
                        entry[2].as_str().unwrap(),
                    )
                    .unwrap();
            }
            Article::builder(text)
                .lexicon(builder.build().unwrap())
                .build()
                .unwrap()
        }
        None => Article::new(text),
    };
    // The table tests every category; the default set is tested on its own.
    let mut hedging = Hedging::all();
    if let Some(names) = case["categories"].as_array() {
        let chosen: Vec<HedgeCategory> = names
            .iter()
            .map(|n| HedgeCategory::from_name(n.as_str().unwrap()).unwrap())
            .collect();
        hedging = hedging.categories(&chosen);
    }
    let findings = hedging.analyze(&article);
    (article, findings)
}

fn pairs(findings: &[copydesk::Hedge]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|h| (h.text.clone(), h.category.name().to_string()))
        .collect()
}

fn expected(value: &Value) -> Vec<(String, String)> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_string(),
                p[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn table() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("data/hedging.json")).expect("valid JSON");
    let mut failures = Vec::new();
    for case in &cases {
        let (article, findings) = analyze(case);
        let note = case["note"].as_str().unwrap_or("");
        let got = pairs(&findings.hedges);
        let want = expected(&case["hedges"]);
        if got != want {
            failures.push(format!("{note}: hedges {got:?}, want {want:?}"));
        }
        if !case["boosters"].is_null() {
            let got = pairs(&findings.boosters);
            let want = expected(&case["boosters"]);
            if got != want {
                failures.push(format!("{note}: boosters {got:?}, want {want:?}"));
            }
        }
        if let Some(flags) = case["in_quote"].as_array() {
            let got: Vec<bool> = findings.hedges.iter().map(|h| h.in_quote).collect();
            let want: Vec<bool> = flags.iter().map(|f| f.as_bool().unwrap()).collect();
            if got != want {
                failures.push(format!("{note}: in_quote {got:?}, want {want:?}"));
            }
        }
        for hedge in findings.hedges.iter().chain(&findings.boosters) {
            assert_eq!(
                article.slice(hedge.span),
                hedge.text,
                "{note}: span and text"
            );
        }
    }
    assert!(cases.len() >= 80, "at least 80 cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn sentence_certainty_orders_hedged_plain_and_boosted() {
    let article =
        Article::new("The plan might perhaps fail. The plan failed. The plan clearly failed.");
    let scores = Hedging::new().analyze(&article).sentence_scores();
    assert_eq!(scores.len(), 3);
    assert!(scores[0] < scores[1] && scores[1] < scores[2], "{scores:?}");
}

#[test]
fn stats_split_writer_and_quoted_text() {
    let article =
        Article::new("The talks may fail. \"We will probably walk out,\" a union leader said.");
    let report = Report::new(&article);
    let stats = &report.stats.hedging;
    assert_eq!(stats.hedge_count, 2);
    assert_eq!(stats.quoted_words, 5);
    // 13 words: 8 by the writer (one hedge), 5 quoted (one hedge).
    assert!(
        (stats.writer_hedges_per_100_words - 12.5).abs() < 0.01,
        "{stats:?}"
    );
    assert!(
        (stats.quoted_hedges_per_100_words - 20.0).abs() < 0.01,
        "{stats:?}"
    );
    let json = report.to_json();
    assert!(json.contains("\"hedges_per_100_words\":"), "{json}");
    assert!(json.contains("\"category\":\"modal\""), "{json}");
}

#[test]
fn boosters_can_be_left_out() {
    let article = Article::new("It clearly may rain.");
    let findings = Hedging::new()
        .categories(&[HedgeCategory::Modal])
        .analyze(&article);
    assert_eq!(findings.hedges.len(), 1);
    assert!(findings.boosters.is_empty());
}

#[test]
fn odd_texts_do_not_panic_and_spans_are_on_boundaries() {
    for text in [
        "",
        "may",
        "May",
        "could’",
        "about $",
        "some",
        "“if”",
        "not",
        "— possible —",
        "Ünïcödé may ß about 5",
        "it is",
        "critics",
    ] {
        let article = Article::new(text);
        let findings = Hedging::new().analyze(&article);
        for hedge in findings.hedges.iter().chain(&findings.boosters) {
            assert!(
                text.is_char_boundary(hedge.span.start) && text.is_char_boundary(hedge.span.end)
            );
        }
    }
}

#[test]
fn approximators_only_on_request() {
    let article = Article::new("About 40 people may have left.");
    let default: Vec<_> = Hedging::new()
        .analyze(&article)
        .hedges
        .into_iter()
        .map(|h| h.text)
        .collect();
    assert_eq!(default, ["may"]);
    let all = Hedging::all().analyze(&article);
    assert_eq!(all.hedges[0].category, HedgeCategory::Approximator);
    assert_eq!(all.hedges.len(), 2);
}

proptest::proptest! {
    /// For any text: no panic, spans in bounds and on char boundaries, sorted, and the
    /// same findings twice.
    #[test]
    fn any_text_gives_sorted_spans_on_boundaries(
        text in "(may|May|could|would|not|if|as|possible|about|some|critics|say|said|it|is|clear|never|[0-9]{1,3}|[a-zé’'\"“”.,!? -]{0,6}| ){0,24}"
    ) {
        let article = Article::new(text.as_str());
        let findings = Hedging::all().analyze(&article);
        for list in [&findings.hedges, &findings.boosters] {
            for hedge in list.iter() {
                proptest::prop_assert!(hedge.span.start < hedge.span.end && hedge.span.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(hedge.span.start));
                proptest::prop_assert!(text.is_char_boundary(hedge.span.end));
            }
            proptest::prop_assert!(list.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        }
        proptest::prop_assert_eq!(findings.sentences.len(), article.sentences().len());
        proptest::prop_assert_eq!(findings, Hedging::all().analyze(&article));
    }
}

#[test]
fn hedging_phrases_keep_sentence_starts() {
    // "In fact" is one hit; it still starts a sentence after an abbreviation.
    let article = Article::new("The plant is in the U.S. In fact, it is the largest.");
    assert_eq!(article.sentences().len(), 2);
    let findings = Hedging::new().analyze(&article);
    assert_eq!(findings.boosters[0].text, "In fact");
}

#[test]
fn whole_article_snapshot() {
    let text = include_str!("data/hedging_article.txt");
    let expected: Value =
        serde_json::from_str(include_str!("data/hedging_article.json")).expect("valid JSON");
    let report: Value = serde_json::from_str(&Report::new(&Article::new(text)).to_json()).unwrap();
    let triples = |key: &str| -> Vec<Value> {
        report[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| serde_json::json!([h["text"], h["category"], h["in_quote"]]))
            .collect()
    };
    assert_eq!(Value::from(triples("hedges")), expected["hedges"]);
    assert_eq!(Value::from(triples("boosters")), expected["boosters"]);
    for (key, value) in expected["stats"].as_object().unwrap() {
        assert_eq!(&report["stats"][key], value, "stats.{key}");
    }
}
