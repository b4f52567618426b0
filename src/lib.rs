//! copydesk reads a news article and reports, with exact byte spans, what a copy editor
//! or fact-checker looks for: quotes with their speakers, the sources behind them
//! (named, unnamed, anonymous, organisations, documents), hedging and boosting, and
//! numeric claims with their value, qualifier and subject. It is rule-based and
//! deterministic: no model, no network, and one pass of one automaton over the text.
//!
//! # Overview
//!
//! - [`Article`] owns the text and computes, once, its paragraphs, sentences, quotation
//!   marks ([`marks`]) and the [`scan`]: tokens and the hits of every [`Lexicon`] phrase.
//! - [`Analyzer`] is the trait every analyzer implements: [`Quotes`], [`Sources`],
//!   [`Hedging`], [`Numbers`], and yours.
//! - [`Report`] runs the built-in analyzers and serializes to the JSON format described
//!   in [`report`].
//! - [`LexiconBuilder`] extends or replaces the word lists; [`Error`] is the one error.
//!
//! # Example: a report
//!
//! ```
//! use copydesk::{Article, Report};
//!
//! let article = Article::builder("\"We will not leave,\" the mayor said on Monday.")
//!     .title("Mayor stays")
//!     .build()?;
//! let report = Report::new(&article);
//! assert_eq!(report.stats.sentences, 1);
//! assert!(report.to_json().starts_with("{\"article\":{\"title\":\"Mayor stays\""));
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! # Example: sentences and quotations
//!
//! ```
//! use copydesk::Article;
//!
//! let article = Article::new("Gen. Ann Ray spoke at 2.5 p.m. sharp. “It’s done,” she said.");
//! assert_eq!(article.sentences().len(), 2);
//! let quote = &article.quotations()[0];
//! assert_eq!(article.slice(quote.inner), "It’s done,");
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod analyzer;
pub mod article;
mod attribution;
pub mod batch;
pub mod error;
pub mod hedging;
pub mod lexicon;
pub mod marks;
mod names;
pub mod numbers;
pub mod quotes;
pub mod report;
pub mod scan;
mod segment;
pub mod sources;
pub mod span;
mod speakers;

pub use crate::analyzer::Analyzer;
pub use crate::article::{Article, ArticleBuilder, Metadata};
pub use crate::error::{Error, Result};
pub use crate::hedging::{Hedge, Hedging};
pub use crate::lexicon::{Category, Lexicon, LexiconBuilder};
pub use crate::numbers::{Numbers, NumericClaim};
pub use crate::quotes::{Quote, QuoteKind, Quotes};
pub use crate::report::{Report, ReportBuilder};
pub use crate::sources::{Mention, Source, SourceKind, SourceStats, Sources};
pub use crate::span::Span;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_auto_traits<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}

    #[test]
    fn public_types_are_send_sync_unwind_safe() {
        assert_auto_traits::<Article>();
        assert_auto_traits::<ArticleBuilder>();
        assert_auto_traits::<Metadata>();
        assert_auto_traits::<Lexicon>();
        assert_auto_traits::<LexiconBuilder>();
        assert_auto_traits::<Category>();
        assert_auto_traits::<Report>();
        assert_auto_traits::<ReportBuilder>();
        assert_auto_traits::<Span>();
        assert_auto_traits::<Error>();
        assert_auto_traits::<Quote>();
        assert_auto_traits::<Quotes>();
        assert_auto_traits::<Source>();
        assert_auto_traits::<Sources>();
        assert_auto_traits::<QuoteKind>();
        assert_auto_traits::<SourceKind>();
        assert_auto_traits::<Mention>();
        assert_auto_traits::<SourceStats>();
        assert_auto_traits::<sources::KindCounts>();
        assert_auto_traits::<Hedge>();
        assert_auto_traits::<Hedging>();
        assert_auto_traits::<NumericClaim>();
        assert_auto_traits::<Numbers>();
        assert_auto_traits::<scan::Scan>();
        assert_auto_traits::<marks::Quotation>();
    }
}
