//! Numeric claims. (In progress.)

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::article::Article;

/// A numeric claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct NumericClaim {}

/// The numeric claims analyzer.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Numbers;

impl Analyzer for Numbers {
    type Output = Vec<NumericClaim>;
    fn name(&self) -> &'static str {
        "numbers"
    }
    fn analyze(&self, _article: &Article) -> Vec<NumericClaim> {
        Vec::new()
    }
}
