//! Hedging: hedges and boosters. (In progress.)

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::article::Article;

/// A hedge or booster finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Hedge {}

/// Hedges and boosters of an article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HedgingFindings {
    /// Hedges.
    pub hedges: Vec<Hedge>,
    /// Boosters.
    pub boosters: Vec<Hedge>,
}

/// Statistics of the hedging analyzer, flattened into the report's `stats`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HedgeStats {}

/// The hedging analyzer.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Hedging;

impl Analyzer for Hedging {
    type Output = HedgingFindings;
    fn name(&self) -> &'static str {
        "hedging"
    }
    fn analyze(&self, _article: &Article) -> HedgingFindings {
        HedgingFindings::default()
    }
}
