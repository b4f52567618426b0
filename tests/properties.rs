//! Properties that hold for any string: no panic, every span in bounds and on `char`
//! boundaries, lists sorted where documented, and the JSON report identical across runs
//! and threads.
//!
//! The number of cases comes from the `PROPTEST_CASES` environment variable (proptest's
//! default reading), 256 when unset; CI sets 10000.

use copydesk::{Article, Report, Span};
use proptest::prelude::*;
use serde_json::Value;

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

fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{what} {span:?} reversed");
    prop_assert!(span.end <= text.len(), "{what} {span:?} past the end");
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
    Ok(())
}

fn check_sorted_disjoint(text: &str, spans: &[Span], what: &str) -> Result<(), TestCaseError> {
    for span in spans {
        check_span(text, *span, what)?;
    }
    for pair in spans.windows(2) {
        prop_assert!(pair[0].end <= pair[1].start, "{what} overlap: {pair:?}");
    }
    Ok(())
}

fn check_article(article: &Article) -> Result<(), TestCaseError> {
    let text = article.text();
    check_sorted_disjoint(text, article.paragraphs(), "paragraph")?;
    check_sorted_disjoint(text, article.sentences(), "sentence")?;
    for (i, sentence) in article.sentences().iter().enumerate() {
        prop_assert!(!sentence.is_empty(), "empty sentence {i}");
        let paragraph = article.paragraphs()[article.paragraph_of_sentence(i)];
        prop_assert!(
            paragraph.contains(*sentence),
            "sentence {i} outside its paragraph"
        );
    }
    let scan = article.scan();
    let tokens: Vec<Span> = scan.tokens().iter().map(|t| t.span).collect();
    check_sorted_disjoint(text, &tokens, "token")?;
    for token in scan.tokens() {
        prop_assert!(!token.span.is_empty());
        let sentence = article.sentences().get(token.sentence as usize);
        prop_assert!(
            sentence.is_some_and(|s| s.contains(token.span)),
            "token outside its sentence"
        );
    }
    let hits: Vec<Span> = scan.hits().iter().map(|h| h.span).collect();
    check_sorted_disjoint(text, &hits, "hit")?;
    for hit in scan.hits() {
        prop_assert!(hit.first_token < hit.end_token);
        prop_assert!((hit.end_token as usize) <= scan.tokens().len());
        prop_assert_eq!(
            scan.tokens()[hit.first_token as usize].span.start,
            hit.span.start
        );
    }
    let marks: Vec<Span> = article.quote_marks().iter().map(|m| m.span).collect();
    check_sorted_disjoint(text, &marks, "quote mark")?;
    let mut previous = (0usize, 0u8);
    for q in article.quotations() {
        check_span(text, q.span, "quotation")?;
        check_span(text, q.inner, "quotation inner")?;
        check_span(text, q.open, "quotation open")?;
        prop_assert!(!q.inner.is_empty(), "empty quotation");
        prop_assert!(q.span.contains(q.inner) && q.span.contains(q.open));
        prop_assert!(q.open.end <= q.inner.start);
        if let Some(close) = q.close {
            check_span(text, close, "quotation close")?;
            prop_assert!(q.inner.end <= close.start && close.end == q.span.end);
        }
        let paragraph = article.paragraphs().get(q.paragraph as usize);
        prop_assert!(
            paragraph.is_some_and(|p| p.contains(q.span)),
            "quotation crosses its paragraph"
        );
        prop_assert!((q.span.start, q.depth) >= previous, "quotations unsorted");
        previous = (q.span.start, q.depth);
    }
    prop_assert!(article.word_count() <= scan.tokens().len());
    Ok(())
}

/// Walks the report JSON: every object with `start`/`end` is an in-bounds span on char
/// boundaries whose `text`, when present, is the text it covers; every number is finite.
fn check_json(text: &str, value: &Value, path: &str) -> Result<(), TestCaseError> {
    match value {
        Value::Number(n) => {
            prop_assert!(
                n.as_f64().is_some_and(f64::is_finite),
                "{path}: {n} not finite"
            );
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_json(text, item, &format!("{path}[{i}]"))?;
            }
        }
        Value::Object(map) => {
            if let (Some(start), Some(end)) = (map.get("start"), map.get("end")) {
                let start = start.as_u64().map(|v| v as usize);
                let end = end.as_u64().map(|v| v as usize);
                prop_assert!(
                    start.is_some() && end.is_some(),
                    "{path}: span not integers"
                );
                let span = Span::new(start.unwrap_or(0), end.unwrap_or(0));
                prop_assert!(start <= end, "{path}: reversed span");
                check_span(text, span, path)?;
                if let Some(Value::String(covered)) = map.get("text") {
                    prop_assert_eq!(covered.as_str(), span.text(text), "{}: text", path);
                }
            }
            for (key, item) in map {
                check_json(text, item, &format!("{path}.{key}"))?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_sorted_findings(report: &Value) -> Result<(), TestCaseError> {
    for key in ["quotes", "hedges", "boosters", "numbers"] {
        let starts: Vec<u64> = report[key]
            .as_array()
            .map(|items| items.iter().filter_map(|i| i["start"].as_u64()).collect())
            .unwrap_or_default();
        prop_assert!(
            starts.windows(2).all(|w| w[0] <= w[1]),
            "{key} not sorted by start"
        );
    }
    Ok(())
}

fn check_everything(text: &str) -> Result<(), TestCaseError> {
    let article = Article::new(text);
    check_article(&article)?;
    let json = Report::new(&article).to_json();
    let value: Value = serde_json::from_str(&json)
        .map_err(|e| TestCaseError::fail(format!("report JSON does not parse: {e}")))?;
    check_json(text, &value, "report")?;
    check_sorted_findings(&value)?;
    let stats = &value["stats"];
    prop_assert_eq!(stats["bytes"].as_u64(), Some(text.len() as u64));
    prop_assert_eq!(
        stats["sentences"].as_u64(),
        Some(article.sentences().len() as u64)
    );
    prop_assert_eq!(
        stats["paragraphs"].as_u64(),
        Some(article.paragraphs().len() as u64)
    );
    // Identical on a fresh article, and on another thread.
    let again = Report::new(&Article::new(text)).to_json();
    prop_assert_eq!(&json, &again, "report differs between two runs");
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
