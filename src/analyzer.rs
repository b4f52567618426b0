//! The [`Analyzer`] trait that every analyzer implements, built-in or yours.
//!
//! An analyzer reads an [`Article`] (its text, paragraphs, sentences, quotations and the
//! shared [`crate::scan::Scan`]) and returns its findings as a value.
//!
//! # Why an associated `Output` type and not a findings sink
//!
//! Each analyzer's findings have their own shape (a quote has a speaker, a numeric claim
//! a value), and users want them typed: `Quotes.analyze(&article)` gives `Vec<Quote>`,
//! with nothing to downcast. A sink would force one common finding type or dynamic
//! typing on every caller. The report needs only one thing in common, that the output
//! serializes, so [`crate::Report::add`] takes any analyzer whose `Output: Serialize`
//! and stores its JSON under the analyzer's [`Analyzer::name`].
//!
//! # Example: a user-written analyzer
//!
//! ```
//! use copydesk::{Analyzer, Article, Category, Report, Span};
//!
//! /// Flags every month name: a date to check.
//! struct Months;
//!
//! impl Analyzer for Months {
//!     type Output = Vec<Span>;
//!     fn name(&self) -> &'static str {
//!         "months"
//!     }
//!     fn analyze(&self, article: &Article) -> Vec<Span> {
//!         article.scan().hits_of(Category::Month).map(|(hit, _)| hit.span).collect()
//!     }
//! }
//!
//! let article = Article::new("The summit opens on January 31 in Brussels.");
//! let months = Months.analyze(&article);
//! assert_eq!(article.slice(months[0]), "January");
//!
//! let mut report = Report::new(&article);
//! report.add(&Months, &article)?;
//! assert_eq!(report.extra["months"][0]["start"], 20);
//! assert!(report.to_json().contains("\"months\":[{"));
//! # Ok::<(), copydesk::Error>(())
//! ```

use serde::Serialize;

use crate::article::Article;

/// Something that reads an article and reports findings.
pub trait Analyzer {
    /// The findings, in whatever shape suits them; serializable so they can join a
    /// [`crate::Report`].
    type Output: Serialize;

    /// A short snake_case name: the key of the findings in a report's JSON.
    fn name(&self) -> &'static str;

    /// Reads the article and returns the findings. Must not panic, whatever the text.
    fn analyze(&self, article: &Article) -> Self::Output;
}
