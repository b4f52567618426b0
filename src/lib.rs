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
//! # Example: quotes and their sources
//!
//! [`Quotes`] finds direct, partial and indirect quotes; [`Sources`] groups who said them
//! into named, unnamed, anonymous, organization and document sources. The report runs the
//! attribution once for both.
//!
//! ```
//! use copydesk::{Article, QuoteKind, Report, SourceKind};
//!
//! let article = Article::new(
//!     "\"We will rebuild the bridge,\" said Mayor Ana Ortiz. Two officials, who asked not \
//!      to be named, said the work could take at least 18 months and cost $40 million.",
//! );
//! let report = Report::new(&article);
//! let direct = &report.quotes[0];
//! assert_eq!(direct.kind, QuoteKind::Direct);
//! assert_eq!(direct.speaker.as_deref(), Some("Ana Ortiz"));
//! let indirect = &report.quotes[1];
//! assert_eq!(indirect.kind, QuoteKind::Indirect);
//! assert_eq!(indirect.text, "the work could take at least 18 months and cost $40 million");
//! let officials = &report.sources[indirect.source.unwrap()];
//! assert_eq!(officials.kind, SourceKind::Anonymous);
//! assert_eq!(officials.anonymity_reason.as_deref(), Some("who asked not to be named"));
//! ```
//!
//! # Example: hedges
//!
//! [`Hedging`] reports hedge cues by category, and boosters apart; `in_quote` tells the
//! writer's hedges from the quoted speakers'.
//!
//! ```
//! use copydesk::hedging::HedgeCategory;
//! use copydesk::{Analyzer, Article, Hedging};
//!
//! let article = Article::new("The minister is considering a ban, which could start in May.");
//! let found = Hedging::new().analyze(&article);
//! let cues: Vec<(&str, HedgeCategory)> = found.hedges.iter().map(|h| (h.text.as_str(), h.category)).collect();
//! assert_eq!(cues, [("is considering", HedgeCategory::Epistemic), ("could", HedgeCategory::Modal)]);
//! ```
//!
//! # Example: numeric claims
//!
//! [`Numbers`] reads each quantity's value, kind, unit, qualifier and subject; "18 of the
//! 31 member states" is one ratio, and dates and identifiers such as "Article 5" are not
//! claims.
//!
//! ```
//! use copydesk::numbers::NumberKind;
//! use copydesk::{Analyzer, Article, Numbers};
//!
//! let article = Article::new("Under Article 5, at least 18 of the 31 member states paid $95 billion.");
//! let claims = Numbers::new().analyze(&article);
//! assert_eq!(claims.len(), 2);
//! assert_eq!((claims[0].kind, claims[0].value, claims[0].of), (NumberKind::Ratio, 18.0, Some(31.0)));
//! assert_eq!(claims[0].qualifier.as_deref(), Some("at_least"));
//! assert_eq!((claims[1].kind, claims[1].value), (NumberKind::Money, 95e9));
//! assert_eq!(claims[1].unit.as_deref(), Some("USD"));
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
pub mod input;
mod json;
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
pub use crate::hedging::{Hedge, HedgeCategory, Hedging, HedgingFindings};
pub use crate::lexicon::{Category, Lexicon, LexiconBuilder};
pub use crate::numbers::{NumberKind, Numbers, NumericClaim};
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
