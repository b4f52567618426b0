//! Table-driven quotation-mark cases from tests/data/quote_marks.json.
//!
//! Each case gives a text and the expected quotations (inner text, and where it matters
//! depth, whether closed, whether it `continues`) and optionally the role of every
//! quotation mark in order (`open`, `close`, `apostrophe`, `stray`).

use copydesk::Article;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    quotations: Vec<Expected>,
    #[serde(default)]
    roles: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct Expected {
    inner: String,
    #[serde(default)]
    depth: Option<u8>,
    #[serde(default)]
    closed: Option<bool>,
    #[serde(default)]
    continues: Option<bool>,
    #[serde(default)]
    paragraph: Option<u32>,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("data/quote_marks.json"))
        .expect("tests/data/quote_marks.json is valid")
}

fn role_name(role: copydesk::marks::MarkRole) -> String {
    serde_json::to_value(role)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn quote_mark_cases() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let article = Article::new(case.text.as_str());
        let text = article.text();
        let got: Vec<String> = article
            .quotations()
            .iter()
            .map(|q| {
                format!(
                    "{:?} depth={} closed={} continues={} paragraph={}",
                    q.inner.text(text),
                    q.depth,
                    q.close.is_some(),
                    q.continues,
                    q.paragraph
                )
            })
            .collect();
        let inners: Vec<&str> = article
            .quotations()
            .iter()
            .map(|q| q.inner.text(text))
            .collect();
        let expected_inners: Vec<&str> = case.quotations.iter().map(|e| e.inner.as_str()).collect();
        if inners != expected_inners {
            failures.push(format!(
                "{}: quotations\n  expected {:?}\n  got      {:#?}",
                case.name, expected_inners, got
            ));
            continue;
        }
        for (q, e) in article.quotations().iter().zip(&case.quotations) {
            let wrong = e.depth.is_some_and(|d| d != q.depth)
                || e.closed.is_some_and(|c| c != q.close.is_some())
                || e.continues.is_some_and(|c| c != q.continues)
                || e.paragraph.is_some_and(|p| p != q.paragraph);
            if wrong {
                failures.push(format!("{}: {:?} got {:#?}", case.name, e.inner, got));
            }
            // The region's span runs from its opening mark to its closer (or its text).
            assert!(
                q.span.contains(q.inner),
                "{}: inner outside span",
                case.name
            );
            assert_eq!(q.span.start, q.open.start, "{}", case.name);
        }
        if let Some(roles) = &case.roles {
            let got: Vec<String> = article
                .quote_marks()
                .iter()
                .map(|m| role_name(m.role))
                .collect();
            if &got != roles {
                failures.push(format!(
                    "{}: roles\n  expected {:?}\n  got      {:?}",
                    case.name, roles, got
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn quotation_at_finds_the_outermost() {
    let article = Article::new("He said “they told me ‘never again’ twice” and left.");
    let inner = article.text().find("never").unwrap();
    let q = article.quotation_at(inner).expect("inside a quotation");
    assert_eq!(q.depth, 0);
    assert_eq!(
        q.inner.text(article.text()),
        "they told me ‘never again’ twice"
    );
    assert!(article.quotation_at(0).is_none());
    assert!(article.quotation_at(article.text().len()).is_none());
}
