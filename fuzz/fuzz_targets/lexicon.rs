//! A custom lexicon from arbitrary entries (errors are fine, panics are not), then used
//! on arbitrary text, with the report's invariants checked.
#![no_main]

use arbitrary::Arbitrary;
use copydesk::{Article, Category, LexiconBuilder, Report};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    entries: Vec<(String, u8, String)>,
    /// Lexicon file text, parsed with `add_tsv` (any line may be invalid).
    tsv: String,
    defaults: bool,
    removals: Vec<(String, Option<u8>)>,
    text: String,
}

fn category(index: u8) -> Category {
    Category::ALL[index as usize % Category::ALL.len()]
}

fuzz_target!(|input: Input| {
    let mut builder = if input.defaults {
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
    let article = Article::builder(input.text.as_str())
        .lexicon(lexicon)
        .build()
        .expect("no size limit set");
    copydesk_fuzz::check_article(&article);
    for hit in article.scan().hits() {
        assert!(
            !article.scan().entries(hit).is_empty(),
            "a hit without entries"
        );
    }
    let json = Report::new(&article).to_json();
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
});
