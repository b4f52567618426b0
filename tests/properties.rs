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
    let json = Report::new(&article).to_json();
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
