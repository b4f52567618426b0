//! The invariants every copydesk article and report keep, shared by the fuzz targets and
//! by the crate's own tests (tests/properties.rs and tests/hostile.rs include this file).
//! Each check panics with a message naming what broke: libFuzzer reports that as a crash,
//! proptest as a failing (and shrunk) case.

use copydesk::{Article, Report, Span};
use serde_json::Value;

/// A span lies in `text`, on its char boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what} {span:?} reversed");
    assert!(
        span.end <= text.len(),
        "{what} {span:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

fn check_sorted_disjoint(text: &str, spans: impl Iterator<Item = Span>, what: &str) {
    let mut previous: Option<Span> = None;
    for span in spans {
        check_span(text, span, what);
        if let Some(p) = previous {
            assert!(p.end <= span.start, "{what} overlap: {p:?} {span:?}");
        }
        previous = Some(span);
    }
}

/// The article's layout: paragraphs, sentences, tokens, hits, marks and quotations are in
/// bounds, on char boundaries, sorted, and nested where documented.
pub fn check_article(article: &Article) {
    let text = article.text();
    check_sorted_disjoint(text, article.paragraphs().iter().copied(), "paragraph");
    check_sorted_disjoint(text, article.sentences().iter().copied(), "sentence");
    for (i, sentence) in article.sentences().iter().enumerate() {
        assert!(!sentence.is_empty(), "empty sentence {i}");
        let paragraph = article.paragraphs()[article.paragraph_of_sentence(i)];
        assert!(
            paragraph.contains(*sentence),
            "sentence {i} outside its paragraph"
        );
    }
    let scan = article.scan();
    check_sorted_disjoint(text, scan.tokens().iter().map(|t| t.span()), "token");
    for (i, token) in scan.tokens().iter().enumerate() {
        assert!(!token.span().is_empty(), "empty token");
        let sentence = article.sentences().get(scan.sentence_of(i));
        assert!(
            sentence.is_some_and(|s| s.contains(token.span())),
            "token {:?} outside its sentence",
            token.span()
        );
    }
    check_sorted_disjoint(text, scan.hits().iter().map(|h| h.span), "hit");
    for hit in scan.hits() {
        assert!(
            hit.first_token < hit.end_token && hit.end_token as usize <= scan.tokens().len(),
            "hit tokens {hit:?}"
        );
        assert_eq!(
            scan.tokens()[hit.first_token as usize].start(),
            hit.span.start,
            "hit does not start at its first token"
        );
    }
    check_sorted_disjoint(
        text,
        article.quote_marks().iter().map(|m| m.span),
        "quote mark",
    );
    let mut previous = (0usize, 0u8);
    for q in article.quotations() {
        check_span(text, q.span, "quotation");
        check_span(text, q.inner, "quotation inner");
        check_span(text, q.open, "quotation open");
        assert!(!q.inner.is_empty(), "empty quotation {q:?}");
        assert!(q.span.contains(q.inner) && q.span.contains(q.open), "{q:?}");
        assert!(q.open.end <= q.inner.start, "{q:?}");
        if let Some(close) = q.close {
            check_span(text, close, "quotation close");
            assert!(
                q.inner.end <= close.start && close.end == q.span.end,
                "{q:?}"
            );
        }
        let paragraph = article.paragraphs().get(q.paragraph as usize);
        assert!(
            paragraph.is_some_and(|p| p.contains(q.span)),
            "quotation crosses its paragraph: {q:?}"
        );
        assert!((q.span.start, q.depth) >= previous, "quotations unsorted");
        previous = (q.span.start, q.depth);
    }
    assert!(article.word_count() <= scan.tokens().len());
}

/// Every span object in the JSON (`start` and `end`) is in bounds and on char boundaries
/// and its `text`, when present, is the text it covers; every number is finite; every
/// `source` index points into `sources`.
pub fn check_json(text: &str, value: &Value, sources: usize, path: &str) {
    match value {
        Value::Number(n) => {
            assert!(
                n.as_f64().is_some_and(f64::is_finite),
                "{path}: {n} not finite"
            );
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_json(text, item, sources, &format!("{path}[{i}]"));
            }
        }
        Value::Object(map) => {
            if let (Some(start), Some(end)) = (map.get("start"), map.get("end")) {
                let (Some(start), Some(end)) = (start.as_u64(), end.as_u64()) else {
                    panic!("{path}: span bounds are not integers");
                };
                assert!(start <= end, "{path}: reversed span");
                let span = Span::new(start as usize, end as usize);
                check_span(text, span, path);
                if let Some(Value::String(covered)) = map.get("text") {
                    assert_eq!(covered, span.text(text), "{path}: text");
                }
            }
            if let Some(source) = map.get("source").filter(|v| !v.is_null()) {
                assert!(
                    source.as_u64().is_some_and(|i| (i as usize) < sources),
                    "{path}.source {source} does not index sources ({sources})"
                );
            }
            for (key, item) in map {
                check_json(text, item, sources, &format!("{path}.{key}"));
            }
        }
        _ => {}
    }
}

/// The report of `article` as JSON, checked: spans, finite numbers, source indices,
/// findings sorted by start, stats matching the article.
pub fn check_report(article: &Article) -> (String, Value) {
    let text = article.text();
    let json = Report::new(article).to_json();
    let value: Value = serde_json::from_str(&json).expect("the report is valid JSON");
    let sources = value["sources"].as_array().map_or(0, Vec::len);
    check_json(text, &value, sources, "report");
    for key in ["quotes", "hedges", "boosters", "numbers"] {
        let starts: Vec<u64> = value[key]
            .as_array()
            .map(|items| items.iter().filter_map(|i| i["start"].as_u64()).collect())
            .unwrap_or_default();
        assert!(
            starts.windows(2).all(|w| w[0] <= w[1]),
            "{key} not sorted by start"
        );
    }
    let stats = &value["stats"];
    assert_eq!(stats["bytes"].as_u64(), Some(text.len() as u64));
    assert_eq!(
        stats["sentences"].as_u64(),
        Some(article.sentences().len() as u64)
    );
    assert_eq!(
        stats["paragraphs"].as_u64(),
        Some(article.paragraphs().len() as u64)
    );
    (json, value)
}

/// Builds the article and its report, checks every invariant, and checks that a second
/// run gives byte-identical JSON. Returns the article and the report's JSON value.
pub fn check_text(text: &str) -> (Article, Value) {
    let article = Article::new(text);
    check_article(&article);
    let (json, value) = check_report(&article);
    let again = Report::new(&Article::new(text)).to_json();
    assert_eq!(json, again, "the report differs between two runs");
    (article, value)
}
