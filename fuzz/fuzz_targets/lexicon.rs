//! A custom lexicon from arbitrary entries (errors are fine, panics are not), then used
//! on arbitrary text, with the report's invariants checked.
#![no_main]

use arbitrary::Arbitrary;
use std::sync::Arc;

use copydesk::lexicon::MAX_PHRASE_BYTES;
use copydesk::{Article, Category, LexiconBuilder, Report};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    entries: Vec<(String, u8, String)>,
    /// Lexicon file text, parsed with `add_tsv` (any line may be invalid).
    tsv: String,
    /// Starts from the built-in lists when `defaults % 8 == 0`: building the full
    /// automaton is slow, so most runs start empty and explore the builder faster.
    defaults: u8,
    removals: Vec<(String, Option<u8>)>,
    text: String,
}

fn category(index: u8) -> Category {
    Category::ALL[index as usize % Category::ALL.len()]
}

fuzz_target!(|input: Input| {
    let mut builder = if input.defaults % 8 == 0 {
        LexiconBuilder::with_defaults()
    } else {
        LexiconBuilder::new()
    };
    for (phrase, index, payload) in input.entries.iter().take(64) {
        let _ = builder.add(phrase, category(*index), payload);
    }
    let _ = builder.add_tsv(&input.tsv, "fuzz.tsv");
    for (phrase, index) in &input.removals {
        builder.remove(phrase, index.map(category));
    }
    let Ok(lexicon) = builder.build() else {
        return;
    };
    // Inspection never panics, and every phrase is one the builder accepted.
    for (phrase, _) in lexicon.iter() {
        assert!(!phrase.trim().is_empty() && phrase.len() <= MAX_PHRASE_BYTES);
    }
    for pattern in 0..lexicon.len() as u32 + 2 {
        let _ = (lexicon.phrase(pattern), lexicon.entries(pattern));
    }
    let article = Article::builder(input.text.as_str())
        .lexicon(Arc::new(lexicon))
        .build()
        .expect("no size limit set");
    copydesk_fuzz::check_article(&article);
    for hit in article.scan().hits() {
        assert!(
            !article.scan().entries(&hit).is_empty(),
            "a hit without entries"
        );
    }
    let json = Report::new(&article).to_json();
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
});
