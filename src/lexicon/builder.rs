//! [`LexiconBuilder`]: the entries of a lexicon gathered, checked and compiled into its
//! automata.

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA as ScannerDfa;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, MatchKind, StartKind};

use super::{Category, Entry, Lexicon, BUILTIN, MAX_PHRASE_BYTES};
use crate::error::{Error, Result};
use crate::hedging::cue::Cue;

/// Builds a [`Lexicon`], from nothing or from the built-in lists, with entries added or
/// removed. Every method that takes user data checks it and returns an [`Error`] for an
/// unusable entry.
#[derive(Clone, Debug, Default)]
pub struct LexiconBuilder {
    /// Phrase (normalised, lowercase key) -> (phrase as written, entries).
    phrases: Vec<(Box<str>, Vec<Entry>)>,
    index: HashMap<String, usize>,
}

impl LexiconBuilder {
    /// An empty builder.
    pub fn new() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// A builder holding the built-in word lists.
    pub fn with_defaults() -> LexiconBuilder {
        let mut builder = LexiconBuilder::new();
        for (name, data) in BUILTIN {
            builder
                .add_tsv(data, name)
                .expect("the built-in lexicon files are valid (tested)");
        }
        builder
    }

    /// Adds one entry. The phrase's white space is folded to single spaces; matching
    /// ignores ASCII case.
    pub fn add(&mut self, phrase: &str, category: Category, payload: &str) -> Result<&mut Self> {
        self.add_at(phrase, category, payload, "builder")
    }

    fn add_at(
        &mut self,
        phrase: &str,
        category: Category,
        payload: &str,
        origin: &str,
    ) -> Result<&mut Self> {
        let normal = normalise_phrase(phrase, origin)?;
        let key = normal.to_ascii_lowercase();
        let entry = Entry {
            category,
            payload: payload.trim().into(),
        };
        match self.index.get(&key) {
            Some(&i) => {
                let entries = &mut self.phrases[i].1;
                if !entries.contains(&entry) {
                    entries.push(entry);
                }
            }
            None => {
                self.index.insert(key, self.phrases.len());
                self.phrases.push((normal.into(), vec![entry]));
            }
        }
        Ok(self)
    }

    /// Removes a phrase's entries of one category, or of every category with `None`.
    /// Returns how many entries were removed.
    pub fn remove(&mut self, phrase: &str, category: Option<Category>) -> usize {
        let key = phrase
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        let Some(&i) = self.index.get(&key) else {
            return 0;
        };
        let entries = &mut self.phrases[i].1;
        let before = entries.len();
        entries.retain(|e| category.is_some_and(|c| c != e.category));
        before - entries.len()
    }

    /// Adds every entry of a lexicon file's text (`phrase<TAB>category<TAB>payload` lines,
    /// `#` comments). `origin` names the file in errors.
    pub fn add_tsv(&mut self, data: &str, origin: &str) -> Result<&mut Self> {
        for (number, line) in data.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let at = format!("{origin}:{}", number + 1);
            let mut columns = line.split('\t');
            let phrase = columns.next().unwrap_or("");
            let category_name = columns.next().unwrap_or("").trim();
            let payload = columns.next().unwrap_or("");
            let category = Category::from_name(category_name).ok_or_else(|| Error::Lexicon {
                entry: phrase.to_string(),
                origin: at.clone(),
                problem: format!(
                    "unknown category {category_name:?}; write phrase<TAB>category<TAB>payload with a category from Category::ALL"
                ),
            })?;
            self.add_at(phrase, category, payload, &at)?;
        }
        Ok(self)
    }

    /// Reads a lexicon file from disk and adds its entries.
    pub fn add_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<&mut Self> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        let data = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            origin: path.display().to_string(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        self.add_tsv(&data, &path.display().to_string())
    }

    /// Compiles the entries into a [`Lexicon`].
    pub fn build(&self) -> Result<Lexicon> {
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries = Vec::new();
        let mut pattern_categories = Vec::new();
        let mut pattern_phrase = Vec::new();
        let mut pattern_lens = Vec::new();
        let mut phrases = Vec::new();
        let mut entries = Vec::new();
        let mut by_phrase = HashMap::new();
        for (phrase, phrase_entries) in &self.phrases {
            if phrase_entries.is_empty() {
                continue;
            }
            let start = entries.len() as u32;
            entries.extend(phrase_entries.iter().cloned());
            let range = (start, entries.len() as u32);
            let phrase_index = phrases.len() as u32;
            by_phrase.insert(
                phrase.to_ascii_lowercase().into_boxed_str(),
                patterns.len() as u32,
            );
            phrases.push(phrase.clone());
            let categories = phrase_entries
                .iter()
                .fold(0, |set, e| set | e.category.bit());
            for variant in apostrophe_variants(phrase) {
                // At most three bytes a character (an apostrophe made curly).
                pattern_lens.push(variant.len().min(usize::from(u16::MAX)) as u16);
                // Lowercased (ASCII): both automata fold case, and the scan gives the
                // scanner each byte lowercased (see below).
                patterns.push(variant.to_ascii_lowercase());
                pattern_entries.push(range);
                pattern_categories.push(categories);
                pattern_phrase.push(phrase_index);
            }
        }
        // `automaton`, a contiguous NFA, serves unanchored searches (bare passes, single
        // words): an unanchored DFA would take twice the build time and several times the
        // memory. The scan walks `scanner` from each token start: a DFA with anchored
        // starts only, one table lookup per byte, built in a few milliseconds more
        // (default lexicon: both automata 2 MB; see the notes on issue 6).
        let unbuildable = |e: aho_corasick::BuildError| Error::Lexicon {
            entry: String::new(),
            origin: "builder".into(),
            problem: format!("the automaton could not be built: {e}"),
        };
        if patterns.len() >= crate::scan::Slot::MAX_PATTERNS {
            return Err(Error::Lexicon {
                entry: String::new(),
                origin: "builder".into(),
                problem: format!(
                    "{} phrases (with their apostrophe variants): at most {} fit",
                    patterns.len(),
                    crate::scan::Slot::MAX_PATTERNS - 1
                ),
            });
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .or_else(|_| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(&patterns)
            })
            .map_err(unbuildable)?;
        // The scan lowercases (ASCII) each byte it gives the scanner, so the scanner is
        // built over the lowercased phrases as they are, without case folding: with no
        // capital letters in its alphabet it has 50 byte classes instead of 76 for the
        // default lexicon, and its table is half as large (1.8 MB, not 3.6) for one
        // table load more per byte walked.
        let scanner = ScannerDfa::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .map_err(unbuildable)?;
        let mut first_bytes = [false; 256];
        for pattern in &patterns {
            if let Some(&byte) = pattern.as_bytes().first() {
                first_bytes[usize::from(byte.to_ascii_lowercase())] = true;
                first_bytes[usize::from(byte.to_ascii_uppercase())] = true;
            }
        }
        let phrase_ends = phrase_end_states(&scanner, &patterns);
        let hedge_cues = entries
            .iter()
            .map(|e| match e.category {
                Category::Hedge => Cue::parse(&e.payload, false),
                Category::Booster => Cue::parse(&e.payload, true),
                _ => Cue::parse("", false),
            })
            .collect();
        Ok(Lexicon {
            automaton,
            scanner,
            first_bytes,
            phrase_ends,
            pattern_entries,
            pattern_categories,
            pattern_phrase,
            pattern_lens,
            phrases,
            entries,
            hedge_cues,
            by_phrase,
        })
    }
}

/// The bit set of [`Lexicon::ends_phrase`]: each pattern walked from the anchored start;
/// the state where it ends is set when its first match is as long as the pattern.
pub(super) fn phrase_end_states(scanner: &ScannerDfa, patterns: &[String]) -> Vec<u64> {
    let mut bits: Vec<u64> = Vec::new();
    let Ok(start) = scanner.start_state(Anchored::Yes) else {
        return bits;
    };
    for pattern in patterns {
        let mut state = start;
        for &byte in pattern.as_bytes() {
            state = scanner.next_state(Anchored::Yes, state, byte);
        }
        let ends = scanner.is_match(state)
            && scanner.pattern_len(scanner.match_pattern(state, 0)) == pattern.len();
        if ends {
            let id = state.as_usize();
            if bits.len() <= id >> 6 {
                bits.resize((id >> 6) + 1, 0);
            }
            bits[id >> 6] |= 1 << (id & 63);
        }
    }
    bits.shrink_to_fit();
    bits
}

/// Folds white space and checks that a phrase is usable.
pub(super) fn normalise_phrase(phrase: &str, origin: &str) -> Result<String> {
    let problem = |problem: &str| Error::Lexicon {
        entry: phrase.to_string(),
        origin: origin.to_string(),
        problem: problem.to_string(),
    };
    let normal = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    if normal.is_empty() {
        return Err(problem(
            "the phrase is empty or only white space; give at least one word",
        ));
    }
    if normal.len() > MAX_PHRASE_BYTES {
        return Err(problem(&format!(
            "the phrase is {} bytes long, over the limit of {MAX_PHRASE_BYTES}; shorten it",
            normal.len()
        )));
    }
    if !normal.chars().any(char::is_alphanumeric) {
        return Err(problem(
            "the phrase has no letter or digit; lexicons hold words",
        ));
    }
    Ok(normal)
}

/// The phrase, plus a variant with typographic apostrophes when it has ASCII ones.
pub(super) fn apostrophe_variants(phrase: &str) -> Vec<String> {
    let mut variants = vec![phrase.to_string()];
    if phrase.contains('\'') {
        variants.push(phrase.replace('\'', "\u{2019}"));
    }
    variants
}
