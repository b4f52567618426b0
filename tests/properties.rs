//! Properties that hold for any string: no panic, every span in bounds and on `char`
//! boundaries, lists sorted where documented, and the JSON report identical across runs
//! and threads.
//!
//! The number of cases comes from the `PROPTEST_CASES` environment variable (proptest's
//! default reading), 256 when unset; CI sets 10000.

use copydesk::{Article, Report};
use proptest::prelude::*;

/// Pieces of news text and of hostile text, so that random strings hit the rules often.
const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "‚",
    " \"",
    "\" ",
    ".",
    "...",
    "…",
    "?",
    "!",
    ",",
    ";",
    ":",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "U.S.",
    "U.K.",
    "Dr.",
    "Mr.",
    "Sen.",
    "Jan.",
    "No.",
    "a.m.",
    "Inc.",
    "J. K.",
    "2.5",
    "40,000",
    ".5",
    "1e308",
    "NaN",
    "inf",
    "999999999999999999999999",
    "%",
    "$",
    "€",
    "said",
    "told",
    "according to",
    "may",
    "could",
    "clearly",
    "not",
    "million",
    "two",
    "at least",
    "years",
    "Article",
    "NATO",
    "He",
    "The",
    "she said",
    "people familiar with",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "é",
    "e\u{301}",
    "日本語",
    "مرحبا",
    "\u{202E}",
    "🙂",
    "👩‍👩‍👧",
    "\u{200B}",
    "\u{00A0}",
    "\u{FEFF}",
    "\0",
    "\u{1}",
    "&quot;",
    "&amp;",
    "<p>",
    "don't",
    "Trump’s",
    "'90s",
    "allies'",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z]{1,8}",
        1 => "[0-9]{1,5}",
    ]
}

fn news_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..64).prop_map(|pieces| pieces.concat())
}

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod invariants;

/// Every invariant, then the same report once more on another thread.
fn check_everything(text: &str) -> Result<(), TestCaseError> {
    let (article, _) = invariants::check_text(text);
    let report = Report::new(&article);
    let json = report.to_json();
    // Report::to_json has its own serializer: the same bytes as serde_json's.
    let reference = serde_json::to_string(&report).expect("report serializes");
    prop_assert_eq!(&json, &reference, "to_json differs from serde_json");
    let owned = text.to_string();
    let threaded = std::thread::spawn(move || Report::new(&Article::new(owned)).to_json())
        .join()
        .map_err(|_| TestCaseError::fail("panic on another thread"))?;
    prop_assert_eq!(&json, &threaded, "report differs across threads");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn any_string(text in any::<String>()) {
        check_everything(&text)?;
    }

    #[test]
    fn news_like_strings(text in news_like()) {
        check_everything(&text)?;
    }

    #[test]
    fn quote_heavy_strings(text in "([\"“”‘’'«»„‹› .,\n]|[a-z]{1,4}){0,80}") {
        check_everything(&text)?;
    }
}

/// The samples, and a report carrying user outputs with keys and strings that need
/// escapes: `to_json` writes what serde_json writes.
#[test]
fn to_json_is_serde_json() {
    let samples = [
        include_str!("../examples/data/wire.txt"),
        include_str!("../examples/data/business.txt"),
        include_str!("../examples/data/feature.txt"),
    ];
    for text in samples {
        let report = Report::new(&Article::new(text));
        assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
    }
    let article = Article::new("\"Odd\tkeys\u{1}\", she said.\r\n");
    let mut report = Report::new(&article);
    let value = serde_json::json!({"a\"b": ["\\", "\u{7f}", 1.5, -2, null, true], "\n": {}});
    report.extra.insert("user \"one\"".to_string(), value);
    assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
}
