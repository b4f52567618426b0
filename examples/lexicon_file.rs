//! Extends the built-in word lists from a file of your own, without forking copydesk.
//!
//! ```text
//! cargo run --release --example lexicon_file                   # the built-in demo entries
//! cargo run --release --example lexicon_file -- my_cues.tsv    # your file
//! ```
//!
//! A lexicon file has one entry a line, `phrase<TAB>category<TAB>payload`, and `#`
//! comments; the categories are those of `copydesk::Category` in snake_case (`hedge`,
//! `booster`, `speech_verb`, `anonymous_source`, `unit`...). A bad line is an error that
//! names the file and the line.

use std::process::ExitCode;

use copydesk::{Article, Category, LexiconBuilder, Report};

/// Entries used when no file is given: a newsroom's own hedge cue and speech verb.
const DEMO: &str = "# my newsroom's additions\n\
is mulling\thedge\tepistemic 0.8\n\
quipped\tspeech_verb\tquip\n";

const TEXT: &str = "The ministry is mulling a ban on night flights, a spokesman quipped.";

fn main() -> ExitCode {
    let mut builder = LexiconBuilder::with_defaults();
    let added = match std::env::args().nth(1) {
        Some(path) => builder.add_file(&path).map(|_| ()),
        None => builder.add_tsv(DEMO, "demo").map(|_| ()),
    };
    // Entries can also be removed: here "possibly" stops being a hedge cue.
    builder.remove("possibly", Some(Category::Hedge));
    let lexicon = match added.and_then(|()| builder.build()) {
        Ok(lexicon) => lexicon,
        Err(e) => {
            eprintln!("lexicon_file: {e}");
            return ExitCode::from(1);
        }
    };
    let article = match Article::builder(TEXT).lexicon(lexicon).build() {
        Ok(article) => article,
        Err(e) => {
            eprintln!("lexicon_file: {e}");
            return ExitCode::from(1);
        }
    };
    println!("{TEXT}\n");
    for hit in article.scan().hits() {
        let categories: Vec<&str> = article
            .scan()
            .entries(&hit)
            .iter()
            .map(|e| e.category.name())
            .collect();
        println!("{:<14} {}", article.slice(hit.span), categories.join(", "));
    }
    let report = Report::new(&article);
    println!(
        "\nhedges: {}, quotes: {}",
        report.hedges.len(),
        report.quotes.len()
    );
    ExitCode::SUCCESS
}
