//! A user-written analyzer run beside the built-in ones and serialized in the same report.
//!
//! `VagueSourcing` flags attributions to unnamed plural sources ("sources said", "officials
//! say", "people familiar with the matter") in paragraphs where no named source speaks:
//! claims a fact-checker cannot trace to anyone.
//!
//! ```text
//! cargo run --release --example custom_analyzer             # the embedded sample article
//! cargo run --release --example custom_analyzer -- FILE
//! ```

use std::process::ExitCode;

use copydesk::sources::SourceKind;
use copydesk::{Analyzer, Article, Category, Report, Sources, Span};
use serde::Serialize;

const SAMPLE: &str = include_str!("data/wire.txt");

/// One flagged attribution.
#[derive(Serialize)]
struct VagueAttribution {
    start: usize,
    end: usize,
    text: String,
    paragraph: usize,
}

/// Flags anonymous-source phrases in paragraphs without a named source.
struct VagueSourcing;

impl Analyzer for VagueSourcing {
    type Output = Vec<VagueAttribution>;

    fn name(&self) -> &'static str {
        "vague_sourcing"
    }

    fn analyze(&self, article: &Article) -> Vec<VagueAttribution> {
        // Paragraphs where a named source is mentioned, from the built-in Sources analyzer.
        let mut named = vec![false; article.paragraphs().len()];
        for source in Sources::new().analyze(article) {
            if source.kind == SourceKind::Named {
                for mention in &source.mentions {
                    if let Some(flag) = named.get_mut(article.paragraph_at(mention.span.start)) {
                        *flag = true;
                    }
                }
            }
        }
        // Anonymous-source phrases come straight from the shared scan: no second pass.
        article
            .scan()
            .hits_of(Category::AnonymousSource)
            .map(|(hit, _)| hit.span)
            .filter(|span: &Span| !named[article.paragraph_at(span.start)])
            .map(|span| VagueAttribution {
                start: span.start,
                end: span.end,
                text: article.slice(span).to_string(),
                paragraph: article.paragraph_at(span.start),
            })
            .collect()
    }
}

fn main() -> ExitCode {
    let text = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("custom_analyzer: cannot read {path}: {e}");
                return ExitCode::from(1);
            }
        },
        None => SAMPLE.to_string(),
    };
    let article = Article::new(text);
    let mut report = Report::new(&article);
    if let Err(e) = report.add(&VagueSourcing, &article) {
        eprintln!("custom_analyzer: {e}");
        return ExitCode::from(1);
    }
    for flagged in VagueSourcing.analyze(&article) {
        println!(
            "paragraph {:>2}: {:?} has no named source beside it",
            flagged.paragraph, flagged.text
        );
    }
    println!(
        "\nThe same findings sit in the JSON report under \"vague_sourcing\" ({} bytes of JSON).",
        report.to_json().len()
    );
    ExitCode::SUCCESS
}
