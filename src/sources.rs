//! Sources: who the information comes from. (In progress.)

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::article::Article;

/// A source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Source {}

/// Statistics of the sources analyzer, flattened into the report's `stats`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SourceStats {}

/// The sources analyzer.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Sources;

impl Analyzer for Sources {
    type Output = Vec<Source>;
    fn name(&self) -> &'static str {
        "sources"
    }
    fn analyze(&self, _article: &Article) -> Vec<Source> {
        Vec::new()
    }
}
