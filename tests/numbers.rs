//! Table-driven tests of the numeric claims analyzer: the cases are in
//! `tests/data/numbers.json`. Each case lists every claim the text must yield (exactly
//! those, in order); a case with no claims is a negative (dates, identifiers, scores,
//! the pronoun "one"...). Fields left out of an expected claim are not checked.

use copydesk::{Analyzer, Article, Numbers};
use serde_json::Value;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn check_field(claim: &Value, want: &Value, field: &str) -> Option<String> {
    let expected = want.get(field)?;
    let got = &claim[field];
    let ok = match (expected.as_f64(), got.as_f64()) {
        (Some(x), Some(y)) => close(x, y),
        _ => expected == got,
    };
    (!ok).then(|| format!("{field}: want {expected}, got {got}"))
}

#[test]
fn numeric_claims_table() {
    let data = include_str!("data/numbers.json");
    let cases: Vec<Value> = serde_json::from_str(data).expect("tests/data/numbers.json is valid");
    assert!(cases.len() >= 120, "the table keeps at least 120 cases");
    let mut failures = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().expect("text");
        let dates = case["dates"].as_bool().unwrap_or(false);
        let article = Article::new(text);
        let claims = Numbers::new()
            .with_dates_and_references(dates)
            .analyze(&article);
        let got: Vec<Value> = claims
            .iter()
            .map(|c| serde_json::to_value(c).expect("a claim serializes"))
            .collect();
        let want = case["expect"].as_array().expect("expect");
        let summary = || {
            got.iter()
                .map(|c| format!("{} ({}, {})", c["text"], c["kind"], c["value"]))
                .collect::<Vec<_>>()
                .join("; ")
        };
        if got.len() != want.len() {
            failures.push(format!(
                "{text:?}: want {} claims, got {}: {}",
                want.len(),
                got.len(),
                summary()
            ));
            continue;
        }
        for (claim, expected) in got.iter().zip(want) {
            let mut problems: Vec<String> = [
                "text",
                "kind",
                "value",
                "of",
                "from",
                "to",
                "unit",
                "qualifier",
                "change",
                "subject",
                "base",
                "in_quote",
            ]
            .iter()
            .filter_map(|f| check_field(claim, expected, f))
            .collect();
            let (start, end) = (
                claim["start"].as_u64().unwrap_or(0) as usize,
                claim["end"].as_u64().unwrap_or(0) as usize,
            );
            if text.get(start..end) != claim["text"].as_str() {
                problems.push("span does not match text".into());
            }
            if !problems.is_empty() {
                failures.push(format!("{text:?}: {}", problems.join(", ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn values_are_finite_and_claims_sorted_on_odd_input() {
    let text = "9".repeat(400) + " percent, 1e999 and $-. 3/0 of 0 - 5 5/ 1,,000 ½ — 10–";
    let article = Article::new(text.as_str());
    let claims = Numbers::new()
        .with_dates_and_references(true)
        .analyze(&article);
    for pair in claims.windows(2) {
        assert!(pair[0].start <= pair[1].start);
    }
    for c in &claims {
        assert!(c.value.is_finite());
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
    }
}

proptest::proptest! {
    /// Any text: no panic, spans in bounds on char boundaries, sorted, finite values,
    /// and the same JSON twice.
    #[test]
    fn any_text_gives_sound_claims(text in "(\\PC|[0-9$£%.,/ -]|one|half|a |million|of the|to |bn){0,60}") {
        let article = Article::new(text.as_str());
        let numbers = Numbers::new().with_dates_and_references(true);
        let claims = numbers.analyze(&article);
        for c in &claims {
            proptest::prop_assert!(c.start < c.end && c.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            proptest::prop_assert!(c.value.is_finite());
            proptest::prop_assert_eq!(&text[c.start..c.end], c.text.as_str());
        }
        for pair in claims.windows(2) {
            proptest::prop_assert!(pair[0].start <= pair[1].start);
        }
        let again = serde_json::to_string(&numbers.analyze(&article)).unwrap();
        proptest::prop_assert_eq!(serde_json::to_string(&claims).unwrap(), again);
    }
}

/// The numbers lexicon's long phrases ("at least") start with sentence starters of the
/// common lexicon ("At"); they carry that category too, so sentences still split there.
#[test]
fn qualifier_phrases_still_start_sentences() {
    for text in [
        "He was raised in the U.S. At least 40 people came.",
        "He was raised in the U.S. A few hundred people came.",
        "He was raised in the U.S. In excess of 40 people came.",
    ] {
        assert_eq!(Article::new(text).sentences().len(), 2, "{text}");
    }
}

/// The numbers module's public types keep the crate's auto traits.
#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn auto<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    auto::<Numbers>();
    auto::<copydesk::NumericClaim>();
    auto::<copydesk::numbers::NumberKind>();
    auto::<copydesk::numbers::Direction>();
}

/// A claim's optional strings are boxed (16 bytes each, not 24): a report keeps one claim
/// per number, and a number-heavy text has hundreds of thousands of them.
#[test]
fn a_claim_takes_at_most_168_bytes() {
    assert!(std::mem::size_of::<copydesk::NumericClaim>() <= 168);
    let article = copydesk::Article::new("Prices rose to $8 and at least 9% of voters agreed.");
    let claims = copydesk::Analyzer::analyze(&copydesk::Numbers::new(), &article);
    let units: Vec<Option<&str>> = claims.iter().map(|c| c.unit.as_deref()).collect();
    assert_eq!(units, [Some("USD"), Some("percent")]);
    assert_eq!(claims[1].qualifier.as_deref(), Some("at_least"));
    assert_eq!(claims[1].base.as_deref(), Some("voters"));
}
