//! Quotes: direct, partial and indirect, with speaker and cue. (In progress.)

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::article::Article;

/// A quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Quote {}

/// The quotes analyzer.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Quotes;

impl Analyzer for Quotes {
    type Output = Vec<Quote>;
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn analyze(&self, _article: &Article) -> Vec<Quote> {
        Vec::new()
    }
}
