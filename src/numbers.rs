//! Numeric claims: every quantity an article asserts, read the way a fact-checker reads
//! it, with what it counts, its qualifier, its base and its direction of change.
//!
//! "With 18 of the 31 member states expected to participate" gives one claim of kind
//! [`NumberKind::Ratio`] with `value` 18, `of` 31 and `subject` "member states"; "at
//! least 2 percent of gross domestic product" a [`NumberKind::Percent`] with qualifier
//! `at_least` and base "gross domestic product". Dates, clock times, years and
//! identifiers ("Article 5", "COVID-19", "Flight 370") are not claims: they are left out,
//! or reported with kind `date` / `reference` when [`Numbers::with_dates_and_references`]
//! asks for them.
//!
//! # How it works
//!
//! One pass over the tokens of the shared scan. At each number token or number-word hit
//! `parse` and `words` read the number (digits, words, scale, fraction); `claim` then
//! looks at a bounded window of neighbouring tokens and hits: `around` (currency,
//! qualifier, change word, percent, unit), `pair` (a second number for a range, a
//! from-to change or a ratio), `judge` (subject and base, years, ordinals, the pronoun
//! "one") and decides what the number is. Nothing looks further than a few tokens, and
//! never past the sentence, so the work is linear in the text.
//!
//! The words are data in `src/lexicon/numbers.tsv`: `number_word`, `ordinal`, `fraction`,
//! `scale`, `unit` (payload: canonical unit), `currency` (payload: ISO code), `qualifier`
//! (payload: snake_case name), `change` (payload: `up`/`down` and a factor), `reference`
//! (payload `cap`: only when capitalised) and `not_quantity`.
//!
//! # Example: a ratio and a qualified percentage
//!
//! ```
//! use copydesk::{Analyzer, Article, Numbers};
//! use copydesk::numbers::NumberKind;
//!
//! let article = Article::new(
//!     "Members must spend at least 2 percent of GDP, and 18 of the 31 member states will.",
//! );
//! let claims = Numbers::default().analyze(&article);
//! assert_eq!(claims.len(), 2);
//! assert_eq!(claims[0].kind, NumberKind::Percent);
//! assert_eq!(claims[0].qualifier.as_deref(), Some("at_least"));
//! assert_eq!(claims[0].base.as_deref(), Some("GDP"));
//! assert_eq!(claims[1].kind, NumberKind::Ratio);
//! assert_eq!((claims[1].value, claims[1].of), (18.0, Some(31.0)));
//! assert_eq!(claims[1].subject.as_deref(), Some("member states"));
//! ```
//!
//! # Example: dates and identifiers are not claims
//!
//! ```
//! use copydesk::{Analyzer, Article, Numbers};
//! use copydesk::numbers::NumberKind;
//!
//! let article = Article::new("Article 5 was invoked on January 31 after 40,000 troops moved.");
//! let claims = Numbers::new().analyze(&article);
//! assert_eq!(claims.len(), 1);
//! assert_eq!(claims[0].text, "40,000");
//! assert_eq!(claims[0].subject.as_deref(), Some("troops"));
//!
//! let all = Numbers::new().with_dates_and_references(true).analyze(&article);
//! let kinds: Vec<NumberKind> = all.iter().map(|c| c.kind).collect();
//! assert_eq!(kinds, [NumberKind::Reference, NumberKind::Date, NumberKind::Count]);
//! ```

mod around;
mod claim;
mod judge;
mod pair;
mod parse;
mod phrase;
mod settle;
mod view;
mod words;

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::article::Article;
use crate::span::Span;

/// What a numeric claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberKind {
    /// A number of things: "40,000 troops", "one solution".
    Count,
    /// A percentage: "2 percent", "2%", "3 percentage points" (unit tells which).
    Percent,
    /// A part of a whole: "18 of the 31 member states", "one in five"; a fraction of
    /// something: "two-thirds of voters".
    Ratio,
    /// An amount of money, ISO code in `unit`: "$95 billion", "£2.4tn".
    Money,
    /// A value with a unit: "two years", "300 km", "5 million barrels".
    Quantity,
    /// A rank: "second term", "third-largest".
    Ordinal,
    /// A range: "between 3 and 5 percent", "3-5%"; `value` is the low end, `to` the high.
    Range,
    /// A multiplying change: "doubled", "a threefold increase"; `value` is the factor.
    Factor,
    /// A date, year or clock time: "January 31", "in 2024", "10:30" (only when asked for).
    Date,
    /// An identifier: "Article 5", "COVID-19", "Flight 370" (only when asked for).
    Reference,
}

/// The direction of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// "rose", "up", "doubled".
    Up,
    /// "fell", "down", "halved".
    Down,
}

/// A numeric claim: "at least 2 percent of gross domestic product".
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct NumericClaim {
    /// Byte offset of the claim's start (a currency symbol, the number).
    pub start: usize,
    /// Byte offset of its end (after a scale word, unit, percent sign or second number).
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// What it is.
    pub kind: NumberKind,
    /// The value, fully scaled ("$800 million" is 800000000); a percentage's number; the
    /// part of a ratio; the low end of a range; the factor of a change.
    pub value: f64,
    /// The whole of a ratio: 31 in "18 of the 31".
    pub of: Option<f64>,
    /// The start value of a change: 2.1 in "rose from 2.1% to 3%".
    pub from: Option<f64>,
    /// The high end of a range, or the end value of a change.
    pub to: Option<f64>,
    /// The unit: an ISO currency code for money, "percent", "percentage point",
    /// "basis point", or a canonical unit name ("year", "kilometre").
    pub unit: Option<Box<str>>,
    /// "at_least", "nearly", "more_than"...
    pub qualifier: Option<Box<str>>,
    /// Up or down, for "rose 3%", "fell from 2.1% to 1.8%", "doubled".
    pub change: Option<Direction>,
    /// What is counted or measured, as written: "member states", "troops", "years".
    pub subject: Option<Box<str>>,
    /// What a percentage is of: "gross domestic product" in "2 percent of gross domestic
    /// product".
    pub base: Option<Box<str>>,
    /// True when the claim is inside a quotation.
    pub in_quote: bool,
}

crate::json::serialize_fields!(NumericClaim {
    start,
    end,
    text,
    kind,
    value,
    of,
    from,
    to,
    unit,
    qualifier,
    change,
    subject,
    base,
    in_quote
});

/// The numeric claims analyzer.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Numbers {
    dates_and_references: bool,
}

impl Numbers {
    /// The analyzer with its defaults: dates and identifiers are left out.
    pub fn new() -> Numbers {
        Numbers::default()
    }

    /// Also reports dates, years and clock times (kind `date`) and identifiers (kind
    /// `reference`), which are never counted as claims.
    pub fn with_dates_and_references(mut self, yes: bool) -> Numbers {
        self.dates_and_references = yes;
        self
    }
}

impl Analyzer for Numbers {
    type Output = Vec<NumericClaim>;

    fn name(&self) -> &'static str {
        "numbers"
    }

    fn analyze(&self, article: &Article) -> Vec<NumericClaim> {
        claim::find(article, self.dates_and_references)
    }
}

impl NumericClaim {
    /// The claim's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}
