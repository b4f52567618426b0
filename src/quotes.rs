//! Quotes: what an article reports someone said, with its speaker and cue.
//!
//! Three kinds of quotes ([`QuoteKind`]):
//! - **direct**: a statement in quotation marks, `"We will not leave," the mayor said.`;
//! - **partial**: a quoted fragment inside the writer's own sentence, `he vowed to make
//!   them "pay dearly" for it`;
//! - **indirect**: reported speech without marks, `The mayor said the bridge would
//!   reopen.`, `According to the report, ...`; its text is the reported clause.
//!
//! A quoted single word, a title or a nickname (`the so-called "peace dividend"`, the song
//! `"Yellow Submarine"`) is a label, not speech, and is left out.
//!
//! The speaker of each quote is found by attribution rules over the shared scan (see
//! `src/attribution.rs`): a cue verb before or after the quote, the speaker before or after
//! the verb, titles and appositives around the name, a colon or a dash, a quote split
//! around its attribution, follow-on quotes, pronouns resolved to the latest fitting
//! speaker and bare surnames linked to the full name. Quotes and [`crate::Source`]s come
//! from the same computation, so a quote's `source` indexes the sources of the same
//! article.
//!
//! # JSON
//!
//! `{"start", "end", "text", "kind", "speaker", "source", "cue", "cue_span": {"start",
//! "end"} | null, "paragraph"}`: `start`/`end` are byte offsets of the quoted text
//! (without its quotation marks), `speaker` is the source's name, else its description,
//! else null; `cue` is the verb or phrase as written (`"told"`, `"according to"`, `"—"`
//! for a dash attribution) and `cue_span` its byte span.
//!
//! ```
//! use copydesk::{Analyzer, Article, QuoteKind, Quotes};
//!
//! let article = Article::new(
//!     "\"We will not leave,\" Mayor Ann Ruiz said. She added that the bridge would reopen.",
//! );
//! let quotes = Quotes::default().analyze(&article);
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].kind, QuoteKind::Direct);
//! assert_eq!(quotes[0].text, "We will not leave,");
//! assert_eq!(quotes[0].speaker.as_deref(), Some("Ann Ruiz"));
//! assert_eq!(quotes[1].kind, QuoteKind::Indirect);
//! assert_eq!(quotes[1].text, "the bridge would reopen");
//! assert_eq!(quotes[1].speaker.as_deref(), Some("Ann Ruiz"));
//! ```

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::article::Article;
use crate::span::Span;

/// What kind of quote a [`Quote`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// A statement in quotation marks: `"It is over," she said.`
    Direct,
    /// A quoted fragment inside the writer's sentence: `he called it "a dangerous mistake"
    /// that would cost jobs`.
    Partial,
    /// Reported speech without marks: `The minister said the talks had failed.`
    Indirect,
}

/// A quote: what was said, by whom, and the cue that attributes it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Quote {
    /// The quoted text (without quotation marks), or the reported clause.
    pub span: Span,
    /// The text of `span`.
    pub text: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The speaker: the source's name, else its description, else `None`.
    pub speaker: Option<Box<str>>,
    /// Index of the speaker in the article's sources, if known.
    pub source: Option<usize>,
    /// The cue as written (`"said"`, `"according to"`, `"—"`), if any.
    pub cue: Option<Box<str>>,
    /// Where the cue is.
    pub cue_span: Option<Span>,
    /// Index of the paragraph the quote is in.
    pub paragraph: usize,
}

crate::json::serialize_fields!(Quote {
    span;
    text,
    kind,
    speaker,
    source,
    cue,
    cue_span,
    paragraph
});

/// The quotes analyzer: direct, partial and indirect quotes with speaker and cue.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Quotes;

impl Quotes {
    /// The quotes analyzer with its defaults (the same as `Quotes::default()`).
    pub const fn new() -> Quotes {
        Quotes
    }
}

impl Analyzer for Quotes {
    type Output = Vec<Quote>;
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn analyze(&self, article: &Article) -> Vec<Quote> {
        crate::attribution::attribute(article).quotes
    }
}
