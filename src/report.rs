//! The [`Report`]: every built-in analyzer's findings for one article, and the JSON
//! format that is copydesk's stable output.
//!
//! ```json
//! {
//!   "article": {"title": null, "byline": null, "published": null, "url": null, "id": null},
//!   "quotes": [...], "sources": [...], "hedges": [...], "boosters": [...], "numbers": [...],
//!   "stats": {"bytes": 4854, "words": 812, "sentences": 31, "paragraphs": 16, ...}
//! }
//! ```
//!
//! Every finding has `start` and `end`, UTF-8 byte offsets into the text, and `text`,
//! the text they cover. The fields each analyzer adds are documented on its finding
//! type. Outputs of user analyzers added with [`Report::add`] appear as extra top-level
//! keys.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::article::{Article, Metadata};
use crate::error::{Error, Result};
use crate::hedging::{Hedge, HedgeStats, Hedging};
use crate::numbers::{Numbers, NumericClaim};
use crate::quotes::{Quote, Quotes};
use crate::sources::{Source, SourceStats, Sources};

/// Counts of the article and of the analyzers' findings.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Stats {
    /// Length of the text in bytes.
    pub bytes: usize,
    /// Words (word and number tokens).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Sources by kind, quotes by source kind, anonymous share.
    #[serde(flatten)]
    pub sources: SourceStats,
    /// Hedge and booster densities.
    #[serde(flatten)]
    pub hedging: HedgeStats,
}

/// The findings of every built-in analyzer for one article, ready to serialize.
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// The article's metadata.
    pub article: Metadata,
    /// Quotes, sorted by start.
    pub quotes: Vec<Quote>,
    /// Sources, in order of first mention.
    pub sources: Vec<Source>,
    /// Hedges, sorted by start.
    pub hedges: Vec<Hedge>,
    /// Boosters, sorted by start.
    pub boosters: Vec<Hedge>,
    /// Numeric claims, sorted by start.
    pub numbers: Vec<NumericClaim>,
    /// Counts.
    pub stats: Stats,
    /// Outputs of user analyzers added with [`Report::add`], by name.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Chooses and configures the analyzers a [`Report`] runs.
#[derive(Clone, Debug, Default)]
pub struct ReportBuilder {
    quotes: Quotes,
    sources: Sources,
    hedging: Hedging,
    numbers: Numbers,
}

impl ReportBuilder {
    /// Uses this quotes analyzer.
    pub fn quotes(mut self, quotes: Quotes) -> Self {
        self.quotes = quotes;
        self
    }

    /// Uses this sources analyzer.
    pub fn sources(mut self, sources: Sources) -> Self {
        self.sources = sources;
        self
    }

    /// Uses this hedging analyzer (for instance one limited to some categories).
    pub fn hedging(mut self, hedging: Hedging) -> Self {
        self.hedging = hedging;
        self
    }

    /// Uses this numbers analyzer.
    pub fn numbers(mut self, numbers: Numbers) -> Self {
        self.numbers = numbers;
        self
    }

    /// Runs the analyzers over the article.
    pub fn run(&self, article: &Article) -> Report {
        // Quotes and sources come from one attribution pass; the analyzers hold no
        // configuration yet, so `self.quotes` and `self.sources` need not run apart.
        let _ = (&self.quotes, &self.sources);
        let crate::attribution::Attribution { quotes, sources } =
            crate::attribution::attribute(article);
        let source_stats = SourceStats::new(&quotes, &sources);
        let hedging = self.hedging.analyze(article);
        let numbers = self.numbers.analyze(article);
        let stats = Stats {
            bytes: article.text().len(),
            words: article.word_count(),
            sentences: article.sentences().len(),
            paragraphs: article.paragraphs().len(),
            sources: source_stats,
            hedging: hedging.stats,
        };
        Report {
            article: article.metadata().clone(),
            quotes,
            sources,
            hedges: hedging.hedges,
            boosters: hedging.boosters,
            numbers,
            stats,
            extra: BTreeMap::new(),
        }
    }
}

impl Report {
    /// Runs every built-in analyzer with its defaults.
    pub fn new(article: &Article) -> Report {
        ReportBuilder::default().run(article)
    }

    /// A builder to configure the analyzers.
    pub fn builder() -> ReportBuilder {
        ReportBuilder::default()
    }

    /// Runs a user analyzer and stores its output under its name.
    ///
    /// Fails when the name is one of the report's own keys or when the output does
    /// not serialize to JSON.
    pub fn add<A: Analyzer>(&mut self, analyzer: &A, article: &Article) -> Result<&mut Self> {
        const RESERVED: &[&str] = &[
            "article", "quotes", "sources", "hedges", "boosters", "numbers", "stats",
        ];
        let name = analyzer.name();
        if RESERVED.contains(&name) {
            return Err(Error::Analyzer {
                name: name.to_string(),
                problem: "the name is a key of the report itself; choose another".into(),
            });
        }
        let value =
            serde_json::to_value(analyzer.analyze(article)).map_err(|e| Error::Analyzer {
                name: name.to_string(),
                problem: e.to_string(),
            })?;
        self.extra.insert(name.to_string(), value);
        Ok(self)
    }

    /// The report as compact JSON, on one line.
    pub fn to_json(&self) -> String {
        // Written by the findings themselves, the same bytes as serde_json's at a
        // fraction of the cost per field (see src/json.rs); serde_json still has the
        // last word on a value that path refuses.
        crate::json::write(self, self.json_size_estimate())
            .or_else(|_| serde_json::to_string(self))
            .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
    }

    /// About the size of the compact JSON, so that its buffer is seldom grown: the texts
    /// of the findings and a few hundred bytes of fields each.
    fn json_size_estimate(&self) -> usize {
        let findings = self.quotes.len()
            + self.sources.len()
            + self.hedges.len()
            + self.boosters.len()
            + self.numbers.len();
        let quoted: usize = self.quotes.iter().map(|q| q.text.len()).sum();
        1024 + findings * 256 + quoted
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
    }
}

/// The report's top level, in the order of its `Serialize` (the derive above: its fields,
/// then the user analyzers' outputs flattened after them); the findings write themselves.
impl crate::json::Json for Report {
    fn write_json(&self, writer: &mut crate::json::Writer) -> crate::json::Result {
        use crate::json::Serde;
        let Report {
            article,
            quotes,
            sources,
            hedges,
            boosters,
            numbers,
            stats,
            extra,
        } = self;
        writer.raw(b"{\"article\":");
        Serde(article).write_json(writer)?;
        writer.raw(b",\"quotes\":");
        quotes.write_json(writer)?;
        writer.raw(b",\"sources\":");
        sources.write_json(writer)?;
        writer.raw(b",\"hedges\":");
        hedges.write_json(writer)?;
        writer.raw(b",\"boosters\":");
        boosters.write_json(writer)?;
        writer.raw(b",\"numbers\":");
        numbers.write_json(writer)?;
        writer.raw(b",\"stats\":");
        Serde(stats).write_json(writer)?;
        for (name, value) in extra {
            writer.raw(b",");
            writer.string(name);
            writer.raw(b":");
            Serde(value).write_json(writer)?;
        }
        writer.raw(b"}");
        Ok(())
    }
}
