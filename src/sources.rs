//! Sources: who the information in an article comes from.
//!
//! Every speaker mention and every attribution is grouped into a [`Source`] with a
//! [`SourceKind`]:
//! - **named**: a person identified by name, `Mayor Ann Ruiz`;
//! - **unnamed**: a specific role whose holder is not named, `a spokesman for the port
//!   authority`;
//! - **anonymous**: identity withheld, `people familiar with the matter`, `a senior
//!   official who asked not to be identified` (the stated reason is kept);
//! - **organization**: `the ministry said`, `NATO said in a statement`;
//! - **document**: `a report by the auditor`, `court filings show`.
//!
//! A bare surname (`Ruiz said`) joins the source of the full name used earlier, and a
//! pronoun speaker (`she added`) joins the latest fitting source.
//!
//! # JSON
//!
//! `{"name", "description", "kind", "mentions": [{"start", "end", "text"}], "quotes":
//! [indices into the report's quotes], "anonymity_reason"}`.
//!
//! ```
//! use copydesk::{Analyzer, Article, SourceKind, Sources};
//!
//! let article = Article::new(
//!     "Ann Ruiz, the mayor of Porto Alto, said the bridge would reopen. \
//!      Officials who asked not to be named said repairs would take a year.",
//! );
//! let sources = Sources::default().analyze(&article);
//! assert_eq!(sources[0].name.as_deref(), Some("Ann Ruiz"));
//! assert_eq!(sources[0].kind, SourceKind::Named);
//! assert_eq!(sources[0].description.as_deref(), Some("the mayor of Porto Alto"));
//! assert_eq!(sources[1].kind, SourceKind::Anonymous);
//! assert_eq!(sources[1].anonymity_reason.as_deref(), Some("who asked not to be named"));
//! ```

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::article::Article;
use crate::quotes::Quote;
use crate::span::Span;

/// What kind of source a [`Source`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceKind {
    /// A person identified by name: `Jens Stoltenberg told reporters`.
    Named,
    /// A specific role whose holder is not named: `a spokesman for the ministry said`.
    Unnamed,
    /// Identity withheld: `people familiar with the matter said`.
    Anonymous,
    /// An organisation speaking as a whole: `the ministry said in a statement`.
    Organization,
    /// A document: `a report by the auditor found`, `court filings show`.
    Document,
}

/// One place where the text names or refers to a source.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// The text of the mention.
    pub text: String,
}

crate::json::serialize_fields!(Mention { span; text });

/// A source: a person, a group, an organisation or a document that information is
/// attributed to.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Source {
    /// The person's name, when given: `"Jens Stoltenberg"`.
    pub name: Option<Box<str>>,
    /// Title, role or affiliation as written: `"NATO Secretary-General"`.
    pub description: Option<Box<str>>,
    /// Named, unnamed, anonymous, organization or document.
    pub kind: SourceKind,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Indices of the quotes it gave, into the same report's quotes.
    pub quotes: Vec<usize>,
    /// The stated reason for anonymity, as written: `"who asked not to be identified"`.
    pub anonymity_reason: Option<Box<str>>,
}

crate::json::serialize_fields!(Source {
    name,
    description,
    kind,
    mentions,
    quotes,
    anonymity_reason
});

/// Counts of sources or quotes by source kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct KindCounts {
    /// Named sources.
    pub named: usize,
    /// Unnamed sources.
    pub unnamed: usize,
    /// Anonymous sources.
    pub anonymous: usize,
    /// Organisations.
    pub organization: usize,
    /// Documents.
    pub document: usize,
}

impl KindCounts {
    fn add(&mut self, kind: SourceKind) {
        match kind {
            SourceKind::Named => self.named += 1,
            SourceKind::Unnamed => self.unnamed += 1,
            SourceKind::Anonymous => self.anonymous += 1,
            SourceKind::Organization => self.organization += 1,
            SourceKind::Document => self.document += 1,
        }
    }
}

/// Statistics of the sources analyzer, flattened into the report's `stats`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SourceStats {
    /// Sources by kind.
    pub sources_by_kind: KindCounts,
    /// Quotes by the kind of their source.
    pub quotes_by_source_kind: KindCounts,
    /// Quotes with no known source.
    pub unattributed_quotes: usize,
    /// Share (0 to 1) of quoted words, over all quotes, that come from anonymous sources.
    pub anonymous_quoted_word_share: f64,
}

impl SourceStats {
    /// The statistics of these quotes and sources.
    pub fn new(quotes: &[Quote], sources: &[Source]) -> SourceStats {
        let mut stats = SourceStats::default();
        for source in sources {
            stats.sources_by_kind.add(source.kind);
        }
        for quote in quotes {
            match quote.source.and_then(|i| sources.get(i)) {
                Some(source) => stats.quotes_by_source_kind.add(source.kind),
                None => stats.unattributed_quotes += 1,
            }
        }
        // With no anonymous quote the share is 0 whatever the words: count them only
        // when there is one.
        if stats.quotes_by_source_kind.anonymous == 0 {
            return stats;
        }
        let (mut all_words, mut anonymous_words) = (0usize, 0usize);
        for quote in quotes {
            let words = word_count(&quote.text);
            all_words += words;
            let source = quote.source.and_then(|i| sources.get(i));
            if source.is_some_and(|s| s.kind == SourceKind::Anonymous) {
                anonymous_words += words;
            }
        }
        if all_words > 0 {
            stats.anonymous_quoted_word_share = anonymous_words as f64 / all_words as f64;
        }
        stats
    }
}

/// The number of whitespace-separated words in `text` (`split_whitespace().count()`),
/// eight bytes at a time where they are ASCII.
fn word_count(text: &str) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // ASCII white space as `char::is_whitespace` sees it: ' ' and 0x09 to 0x0D (tab,
    // line feed, vertical tab, form feed, carriage return).
    let space = |b: u8| b == b' ' || (0x09..=0x0D).contains(&b);
    // One bit per byte at most: their sum, without a popcount instruction.
    let count = |starts: u64| ((starts >> 7).wrapping_mul(ONES) >> 56) as usize;
    let bytes = text.as_bytes();
    let mut words = 0usize;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if x & HIGH == 0 {
                let solid = solid_ascii(x);
                let before = if in_word { 0x80 } else { 0 };
                words += count(solid & !((solid << 8) | before));
                in_word = solid >> 63 != 0;
                i += 8;
                continue;
            }
        } else if let Some(last) = bytes.len().checked_sub(8).and_then(|at| bytes.get(at..)) {
            // Fewer than eight bytes left: the last eight of the text, but the `done`
            // first ones (counted already).
            let x = u64::from_le_bytes(last.try_into().unwrap_or_default());
            if x & HIGH == 0 {
                let done = 8 - (bytes.len() - i);
                let solid = solid_ascii(x) & !((1u64 << (8 * done)) - 1);
                let before = if in_word { 0x80 << (8 * done) } else { 0 };
                words += count(solid & !((solid << 8) | before));
                break;
            }
        }
        let solid = if bytes[i].is_ascii() {
            let solid = !space(bytes[i]);
            i += 1;
            solid
        } else {
            let c = text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .unwrap_or(' ');
            i += c.len_utf8();
            !c.is_whitespace()
        };
        words += usize::from(solid && !in_word);
        in_word = solid;
    }
    words
}

/// The high bit of each of eight ASCII bytes (each below 0x80) that is not white space.
#[inline]
fn solid_ascii(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    const LOW7: u64 = ONES * 0x7F;
    // Every byte is below 0x80, so no sum below carries into the next byte. The high
    // bit of each byte below 0x21, then of each below 0x20.
    let low = !(x + ONES * (0x80 - 0x21)) & HIGH;
    if !(x + ONES * (0x80 - 0x20)) & HIGH == 0 {
        // No control character: the bytes below 0x21 are spaces.
        return !low & HIGH;
    }
    let t = x ^ (ONES * 0x20);
    let blank = !(((t & LOW7) + LOW7) | t) & HIGH;
    let control = (x + ONES * (0x80 - 0x09)) & !(x + ONES * (0x80 - 0x0E)) & HIGH;
    !(blank | control) & HIGH
}

/// The sources analyzer: who the article's information comes from.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Sources;

impl Sources {
    /// The sources analyzer with its defaults (the same as `Sources::default()`).
    pub const fn new() -> Sources {
        Sources
    }
}

impl Analyzer for Sources {
    type Output = Vec<Source>;
    fn name(&self) -> &'static str {
        "sources"
    }
    fn analyze(&self, article: &Article) -> Vec<Source> {
        crate::attribution::attribute(article).sources
    }
}

#[cfg(test)]
mod tests {
    use super::word_count;

    #[test]
    fn word_count_matches_split_whitespace() {
        for text in [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tand\nnew\r\nline\x0bvertical\x0cfeed",
            "non\u{a0}breaking and\u{2009}thin",
            "naïve café",
            "exactly8",
            "sixteen bytes  .",
            "\t\x0b\x0c\r\n a\x1fb\x08c  longer text, over several chunks of eight bytes; ",
            "word\x0dword\x09word\x0aword\x0bword\x0cword\x0eword\x08word\x20word!",
            "        many        spaces        between        words        ",
            "“Quoted,” she said — twice\u{3000}over\u{85}and\u{2029}again, ‘naïvely’ . ",
            "ééééééé wordsafter a\u{a0}b\u{1680}c\u{2000}d\u{200a}e\u{202f}f\u{205f}g",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
        // Every mix of words and spaces up to fourteen bytes, after prefixes that leave
        // the tail at every place, inside a word or not.
        for len in 0..=14 {
            for bits in 0u32..1 << len {
                let tail: String = (0..len)
                    .map(|k| if bits >> k & 1 == 1 { 'a' } else { ' ' })
                    .collect();
                for prefix in ["", "w", "word ", "é", "x\ty", "twelve bytes"] {
                    let text = format!("{prefix}{tail}");
                    assert_eq!(
                        word_count(&text),
                        text.split_whitespace().count(),
                        "{text:?}"
                    );
                }
            }
        }
        // Every ASCII byte at every place of a chunk, next to words, to spaces and to
        // other characters.
        for b in 0u8..128 {
            for at in 0..20 {
                for fill in ["x", " ", "é", "\u{a0}"] {
                    let mut text: Vec<String> = vec![fill.to_string(); 20];
                    text[at] = char::from(b).to_string();
                    text[(at * 7 + 3) % 20] = "y".to_string();
                    let text = text.concat();
                    assert_eq!(
                        word_count(&text),
                        text.split_whitespace().count(),
                        "{text:?}"
                    );
                }
            }
        }
    }
}
