//! Lexicons: every word list copydesk knows, compiled into one automaton.
//!
//! The built-in word lists are data files in `src/lexicon/*.tsv`, one entry a line:
//!
//! ```text
//! # phrase<TAB>category<TAB>payload (<TAB> is one tab character)
//! is considering<TAB>hedge<TAB>epistemic 0.8
//! people familiar with<TAB>anonymous_source
//! ```
//!
//! Blank lines and lines starting with `#` are comments. The payload column is optional
//! and free text: each analyzer documents what it reads there. A phrase may appear
//! in several categories (on several lines); a hit then carries all its entries.
//!
//! All entries of a [`Lexicon`] are compiled into ONE Aho-Corasick automaton
//! (leftmost-longest, ASCII case-insensitive), so an article is scanned once for every
//! analyzer (see [`crate::scan`]). The default lexicon is built once per process, on first
//! use; [`LexiconBuilder`] makes custom ones, starting empty or from the defaults.
//!
//! Phrases are matched as whole words: `may` is not found in `mayor`, nor `US` in `USB`.
//! Internal white space in a phrase matches one ASCII space in the text; an apostrophe in
//! a phrase also matches the typographic apostrophe `’`.
//!
//! # Example: adding a hedge cue
//!
//! ```
//! use copydesk::{Article, Category, LexiconBuilder};
//!
//! let lexicon = LexiconBuilder::with_defaults()
//!     .add("is mulling", Category::Hedge, "epistemic 0.8")?
//!     .build()?;
//! let article = Article::builder("The ministry is mulling a ban.").lexicon(lexicon).build()?;
//! let hits = article.scan().hits_of(Category::Hedge).count();
//! assert_eq!(hits, 1);
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA as ScannerDfa;
use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;
use serde::Serialize;

use crate::hedging::cue::Cue;

mod builder;

pub use builder::LexiconBuilder;

/// The longest phrase a lexicon accepts, in bytes.
pub const MAX_PHRASE_BYTES: usize = 128;

/// The built-in lexicon files, in the order they are read.
const BUILTIN: &[(&str, &str)] = &[
    ("common.tsv", include_str!("lexicon/common.tsv")),
    ("attribution.tsv", include_str!("lexicon/attribution.tsv")),
    ("hedging.tsv", include_str!("lexicon/hedging.tsv")),
    ("numbers.tsv", include_str!("lexicon/numbers.tsv")),
];

macro_rules! categories {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)*) => {
        /// What a lexicon entry is. Each analyzer reads the categories it needs.
        ///
        /// In the lexicon files a category is written in snake_case (`speech_verb`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Category {
            $($(#[$doc])* $variant,)*
        }

        impl Category {
            /// Every category, in declaration order.
            pub const ALL: &'static [Category] = &[$(Category::$variant,)*];

            /// The snake_case name used in lexicon files and JSON.
            pub fn name(self) -> &'static str {
                match self { $(Category::$variant => $name,)* }
            }

            /// The category with this snake_case name.
            pub fn from_name(name: &str) -> Option<Category> {
                match name { $($name => Some(Category::$variant),)* _ => None }
            }
        }
    };
}

categories! {
    /// An abbreviation ending in a period: "U.S.", "Dr.", "Jan.". Payload: `title` (never
    /// ends a sentence: "Dr. Smith"), `number` (does not end one before a number:
    /// "No. 5", "Jan. 31"), or `end` (may end one: "...in the U.S. He said").
    Abbreviation => "abbreviation",
    /// A word that typically starts a sentence ("He", "The", "But"); decides whether a
    /// period after an `end` abbreviation ends the sentence.
    SentenceStarter => "sentence_starter",
    /// A month name: "January", "Sept.". Payload: its number (1 to 12).
    Month => "month",
    /// A day of the week: "Thursday". Payload: its number (1 = Monday).
    Weekday => "weekday",
    /// A relative day or time word: "today", "yesterday", "this week".
    TimeWord => "time_word",
    /// A hedge cue: "is considering", "could", "possible". Payload: `category weight`.
    Hedge => "hedge",
    /// A booster, the opposite of a hedge: "clearly", "always". Payload: `weight`.
    Booster => "booster",
    /// A negation: "not", "never", "no". Flips boosters into hedges.
    Negation => "negation",
    /// A speech or attribution verb in any form: "said", "told", "warned". Payload: lemma.
    SpeechVerb => "speech_verb",
    /// An attribution phrase without a verb: "according to", "in a statement".
    AttributionPhrase => "attribution_phrase",
    /// A phrase naming an anonymous source: "people familiar with", "informed sources".
    AnonymousSource => "anonymous_source",
    /// A stated reason for anonymity: "who asked not to be identified".
    AnonymityReason => "anonymity_reason",
    /// A title or role that describes a person: "Secretary-General", "ambassador".
    Title => "title",
    /// An honorific before a name: "Mr.", "Dr.", "Sen.".
    Honorific => "honorific",
    /// A word that heads an organisation's name: "Ministry", "Institute", "Bank".
    OrgWord => "org_word",
    /// An organisation named as a whole: "NATO", "the ministry", "the White House".
    Organization => "organization",
    /// A document as a source: "a report", "court filings", "data".
    Document => "document",
    /// A capitalised word that is never (part of) a person's name: "Article", "Act".
    NotPerson => "not_person",
    /// A particle inside a person's name: "van", "de", "bin", "al".
    NameParticle => "name_particle",
    /// A personal pronoun. Payload: `he`, `she`, `they` or `it`.
    Pronoun => "pronoun",
    /// A nationality or demonym adjective: "Ukrainian", "German".
    Nationality => "nationality",
    /// A place name: "Brussels", "Germany".
    Place => "place",
    /// A cardinal number word: "two", "eighteen", "dozen". Payload: its value.
    NumberWord => "number_word",
    /// An ordinal word: "second", "third". Payload: its value.
    Ordinal => "ordinal",
    /// A fraction word: "half", "third", "quarter". Payload: its value.
    Fraction => "fraction",
    /// A scale word or abbreviation: "million", "bn", "k". Payload: its multiplier.
    Scale => "scale",
    /// A unit of measure: "km", "years", "barrels". Payload: the unit's canonical name.
    Unit => "unit",
    /// A currency word or code: "dollars", "euros", "USD". Payload: ISO 4217 code.
    Currency => "currency",
    /// A quantity qualifier: "at least", "nearly". Payload: its snake_case name.
    Qualifier => "qualifier",
    /// A word of change: "rose", "fell", "doubled". Payload: `up` or `down` (and factor).
    Change => "change",
    /// A word that makes the number after it an identifier: "Article", "Flight".
    Reference => "reference",
    /// A word that is never a quantity's head although it follows a number ("tier").
    NotQuantity => "not_quantity",
    /// Free for users' own analyzers; the built-in analyzers never read it.
    Custom => "custom",
}

impl Category {
    /// This category's bit in a set of categories (there are fewer than 64).
    #[inline]
    pub(crate) const fn bit(self) -> u64 {
        1 << (self as u32)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One entry of a lexicon: a category and its payload.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// What the phrase is.
    pub category: Category,
    /// Free text the analyzer of that category reads (a lemma, a value, a weight...).
    pub payload: Box<str>,
}

/// A compiled lexicon: phrases, their entries, and the one automaton that finds them.
///
/// Built once and shared: [`Lexicon::default_shared`] is the built-in one.
pub struct Lexicon {
    automaton: AhoCorasick,
    /// The same phrases lowercased (ASCII), as an automaton the scan walks byte by byte,
    /// each byte lowercased, from each token start (anchored searches without the
    /// per-call cost of [`AhoCorasick::find`]).
    scanner: ScannerDfa,
    /// Per automaton pattern: the range of its entries in `entries`.
    pattern_entries: Vec<(u32, u32)>,
    /// Per automaton pattern: the categories of its entries, one [`Category::bit`] each,
    /// so that asking a hit for a category it lacks reads no entry.
    pattern_categories: Vec<u64>,
    /// Per automaton pattern: the phrase as written in the lexicon.
    pattern_phrase: Vec<u32>,
    /// Per automaton pattern: its length in bytes.
    pattern_lens: Vec<u16>,
    phrases: Vec<Box<str>>,
    entries: Vec<Entry>,
    /// Per entry (parallel to `entries`): its payload read as a hedge or booster cue, once
    /// here rather than at each analysis (other categories get the empty payload's cue).
    hedge_cues: Vec<Cue>,
    /// Lowercased phrase -> automaton pattern, for looking up one word directly.
    by_phrase: HashMap<Box<str>, u32>,
    /// Per byte value: true when some pattern starts with that byte (either ASCII case).
    first_bytes: [bool; 256],
    /// One bit per scanner state (by id): set when the state, reached by an anchored walk,
    /// ends a phrase: its first match is a pattern as long as the walk. A state's depth is
    /// fixed in an anchored walk, so this is the scan's `pattern_len(match_pattern(state,
    /// 0)) == walked` test without the two lookups (matches copied from shorter suffixes
    /// make the test necessary).
    phrase_ends: Vec<u64>,
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("phrases", &self.phrases.len())
            .field("entries", &self.entries.len())
            .field("automaton_bytes", &self.automaton_bytes())
            .finish()
    }
}

static DEFAULT: Lazy<Arc<Lexicon>> = Lazy::new(|| {
    Arc::new(
        LexiconBuilder::with_defaults()
            .build()
            .expect("the built-in lexicon is valid (tested)"),
    )
});

impl Lexicon {
    /// The built-in lexicon, built on first use and shared by the whole process.
    pub fn default_shared() -> Arc<Lexicon> {
        Arc::clone(&DEFAULT)
    }

    /// The automaton holding every phrase (for a bare pass, as the benchmarks do).
    pub fn automaton(&self) -> &AhoCorasick {
        &self.automaton
    }

    /// The automaton the scan walks (anchored searches from token starts), over
    /// lowercased phrases: give it each byte lowercased.
    pub(crate) fn scanner(&self) -> &ScannerDfa {
        &self.scanner
    }

    /// True when some phrase starts with the byte `byte` (ASCII case ignored): the scan
    /// skips tokens starting with any other byte without searching.
    pub(crate) fn may_start_phrase(&self, byte: u8) -> bool {
        self.first_bytes[usize::from(byte)]
    }

    /// True when the scanner's state `state`, reached by an anchored walk from a token
    /// start, ends a phrase that starts there (see `phrase_ends`).
    #[inline]
    pub(crate) fn ends_phrase(&self, state: StateID) -> bool {
        let id = state.as_usize();
        self.phrase_ends
            .get(id >> 6)
            .is_some_and(|bits| bits & (1 << (id & 63)) != 0)
    }

    /// The entries of an automaton pattern (see [`crate::scan::Hit::pattern`]).
    #[inline]
    pub fn entries(&self, pattern: u32) -> &[Entry] {
        match self.pattern_entries.get(pattern as usize) {
            Some(&(start, end)) => &self.entries[start as usize..end as usize],
            None => &[],
        }
    }

    /// The length in bytes of automaton pattern `pattern` (of any text it matches: the
    /// automaton folds ASCII case only).
    #[inline]
    pub(crate) fn pattern_len(&self, pattern: u32) -> usize {
        self.pattern_lens
            .get(pattern as usize)
            .map_or(0, |&len| usize::from(len))
    }

    /// The categories of an automaton pattern's entries, one [`Category::bit`] each.
    #[inline]
    pub(crate) fn categories(&self, pattern: u32) -> u64 {
        self.pattern_categories
            .get(pattern as usize)
            .copied()
            .unwrap_or(0)
    }

    /// The hedge or booster cue of entry `index` of automaton pattern `pattern` (the
    /// empty payload's cue when there is no such entry).
    #[inline]
    pub(crate) fn hedge_cue(&self, pattern: u32, index: usize) -> Cue {
        self.pattern_entries
            .get(pattern as usize)
            .and_then(|&(start, _)| self.hedge_cues.get(start as usize + index))
            .copied()
            .unwrap_or_else(|| Cue::parse("", false))
    }

    /// The phrase of an automaton pattern as written in the lexicon.
    pub fn phrase(&self, pattern: u32) -> &str {
        self.pattern_phrase
            .get(pattern as usize)
            .and_then(|&p| self.phrases.get(p as usize))
            .map_or("", |p| p)
    }

    /// The entries of `phrase` (ASCII case ignored), whether or not a longer phrase
    /// covers it in a given text. Leftmost-longest matching reports only the longest
    /// phrase at a place ("The company" as an organisation hides "The" as a sentence
    /// starter); this looks a word up on its own.
    pub fn lookup(&self, phrase: &str) -> &[Entry] {
        // The key (ASCII lowercase, ’ read as ') is built on the stack: no phrase of a
        // lexicon is longer than MAX_PHRASE_BYTES, so a longer key finds nothing.
        const APOSTROPHE: &[u8] = "\u{2019}".as_bytes();
        let bytes = phrase.as_bytes();
        let mut key = [0u8; MAX_PHRASE_BYTES];
        let mut len = 0;
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let (folded, width) = if bytes[at..].starts_with(APOSTROPHE) {
                (b'\'', APOSTROPHE.len())
            } else {
                (byte.to_ascii_lowercase(), 1)
            };
            let Some(slot) = key.get_mut(len) else {
                return &[];
            };
            *slot = folded;
            len += 1;
            at += width;
        }
        // Whole characters were copied or replaced by one: still UTF-8.
        let Ok(key) = std::str::from_utf8(&key[..len]) else {
            return &[];
        };
        self.by_phrase
            .get(key)
            .map_or(&[], |&pattern| self.entries(pattern))
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when the lexicon has no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Heap bytes used by the automaton.
    pub fn automaton_bytes(&self) -> usize {
        self.automaton.memory_usage() + self.scanner.memory_usage()
    }

    /// Every `(phrase, entry)` pair, in phrase order (for inspection and tests).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Entry)> + '_ {
        let mut seen = vec![false; self.phrases.len()];
        self.pattern_phrase
            .iter()
            .enumerate()
            .filter_map(move |(pattern, &phrase)| {
                let first = !std::mem::replace(&mut seen[phrase as usize], true);
                first.then_some((pattern, phrase))
            })
            .flat_map(move |(pattern, phrase)| {
                self.entries(pattern as u32)
                    .iter()
                    .map(move |e| (&*self.phrases[phrase as usize], e))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn builtin_files_parse_and_build() {
        let lexicon = LexiconBuilder::with_defaults().build().unwrap();
        assert!(lexicon.len() > 100);
    }

    #[test]
    fn empty_whitespace_and_long_entries_are_errors() {
        let mut builder = LexiconBuilder::new();
        assert!(matches!(
            builder.add("", Category::Hedge, ""),
            Err(Error::Lexicon { .. })
        ));
        assert!(matches!(
            builder.add(" \t ", Category::Hedge, ""),
            Err(Error::Lexicon { .. })
        ));
        assert!(matches!(
            builder.add("--", Category::Hedge, ""),
            Err(Error::Lexicon { .. })
        ));
        let long = "word ".repeat(40);
        assert!(matches!(
            builder.add(&long, Category::Hedge, ""),
            Err(Error::Lexicon { .. })
        ));
    }

    #[test]
    fn unknown_category_names_file_and_line() {
        let err = LexiconBuilder::new()
            .add_tsv("# c\nmaybe\thedge\nperhaps\tfoo\n", "mine.tsv")
            .unwrap_err();
        let message = err.to_string();
        assert!(message.contains("mine.tsv:3"), "{message}");
        assert!(message.contains("foo"), "{message}");
    }

    #[test]
    fn same_phrase_in_two_categories_keeps_both() {
        let mut builder = LexiconBuilder::new();
        builder
            .add("about", Category::Hedge, "approximator")
            .unwrap();
        builder.add("About", Category::Qualifier, "about").unwrap();
        let lexicon = builder.build().unwrap();
        assert_eq!(lexicon.len(), 1);
        assert_eq!(lexicon.entries(0).len(), 2);
    }

    #[test]
    fn remove_drops_entries() {
        let mut builder = LexiconBuilder::new();
        builder.add("about", Category::Hedge, "").unwrap();
        builder.add("about", Category::Qualifier, "").unwrap();
        assert_eq!(builder.remove("ABOUT", Some(Category::Hedge)), 1);
        assert_eq!(builder.remove("about", None), 1);
        assert_eq!(builder.remove("missing", None), 0);
    }

    #[test]
    fn a_word_hidden_by_a_longer_phrase_is_still_found_on_its_own() {
        let mut builder = LexiconBuilder::new();
        builder.add("The", Category::SentenceStarter, "").unwrap();
        builder
            .add("the company", Category::Organization, "")
            .unwrap();
        let lexicon = std::sync::Arc::new(builder.build().unwrap());
        assert_eq!(lexicon.lookup("THE")[0].category, Category::SentenceStarter);
        assert!(lexicon.lookup("company").is_empty());
        let text = "The company said no.";
        let article = crate::Article::builder(text)
            .lexicon(lexicon)
            .build()
            .unwrap();
        let scan = article.scan();
        assert!(
            !scan.is_at(0, Category::SentenceStarter),
            "the longest phrase wins the scan"
        );
        assert!(scan.word_is(text, 0, Category::SentenceStarter));
        assert!(!scan.word_is(text, 1, Category::SentenceStarter));
    }

    #[test]
    fn lookup_folds_case_and_the_typographic_apostrophe() {
        let mut builder = LexiconBuilder::new();
        builder.add("don't know", Category::Hedge, "").unwrap();
        builder.add("Été", Category::Place, "").unwrap();
        let lexicon = builder.build().unwrap();
        assert_eq!(lexicon.lookup("DON\u{2019}T KNOW").len(), 1);
        assert_eq!(lexicon.lookup("Don't know").len(), 1);
        assert_eq!(lexicon.lookup("Été").len(), 1);
        assert!(
            lexicon.lookup("été").is_empty(),
            "only ASCII case is folded"
        );
        assert!(lexicon.lookup("don't").is_empty());
        assert!(lexicon.lookup(&"\u{2019}".repeat(100)).is_empty());
        assert!(lexicon.lookup(&"x".repeat(500)).is_empty());
    }

    #[test]
    fn category_names_round_trip() {
        for &c in Category::ALL {
            assert_eq!(Category::from_name(c.name()), Some(c));
        }
    }

    #[test]
    fn each_category_has_its_own_bit_and_patterns_know_theirs() {
        assert!(Category::ALL.len() <= 64);
        let all = Category::ALL.iter().fold(0u64, |set, c| {
            assert_eq!(set & c.bit(), 0, "{c}");
            set | c.bit()
        });
        assert_eq!(all.count_ones() as usize, Category::ALL.len());
        let lexicon = Lexicon::default_shared();
        for pattern in 0..lexicon.pattern_entries.len() as u32 {
            let expected = lexicon
                .entries(pattern)
                .iter()
                .fold(0, |set, e| set | e.category.bit());
            assert_eq!(
                lexicon.categories(pattern),
                expected,
                "{}",
                lexicon.phrase(pattern)
            );
        }
    }
}
