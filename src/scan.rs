//! The one pass over an article: tokens by byte class, and lexicon hits from the one
//! automaton.
//!
//! [`Scan`] holds two sorted lists that every analyzer reads:
//! - [`Token`]s: words, numbers and single punctuation marks, found by character class
//!   in one linear pass (digits, quotation marks and other punctuation need no lexicon);
//! - [`Hit`]s: whole-word matches of the article's [`Lexicon`], the longest phrase at each
//!   token that can start one, found by walking the lexicon's Aho-Corasick automaton (an
//!   anchored DFA, one table lookup per byte) from the token's first byte; each hit is
//!   mapped to the tokens it covers.
//!
//! Both are kept in eight bytes an item, so that a long article's scan stays small (a
//! 4 MB article: about 10 MB): a [`Token`] reads its span and kind from its packed fields,
//! and [`Scan::hits`] gives each [`Hit`] rebuilt from its first token and its phrase's
//! length. A token's sentence is [`Scan::sentence_of`].
//!
//! An [`crate::Article`] computes its scan once, on first use; analyzers never scan the
//! text again for words the lexicon knows.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA as ScannerDfa;
use aho_corasick::Anchored;

use crate::lexicon::{Category, Entry, Lexicon};
use crate::span::Span;

mod tokenize;

use tokenize::ASCII_ALPHANUMERIC;
pub(crate) use tokenize::{is_word_char, tokenize, Tokenized};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters (and digits after a letter), with internal apostrophes: `don't`, `G7`,
    /// `O'Brien`, `Trump’s`. A hyphen splits words: `two-tier` is three tokens.
    Word,
    /// Digits with thousands separators and a decimal point: `40,000`, `2.5`, `.5`. Letters
    /// glued to a number are a separate word token: `3bn` is `3` then `bn`.
    Number,
    /// Any other character that is not white space, one token each: `.`, `"`, `—`, `$`.
    Punct,
}

/// A token: a word, a number or a punctuation mark.
///
/// Eight bytes: an article of a million words keeps its tokens in 8 MB. Its sentence is
/// [`Scan::sentence_of`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    start: u32,
    /// Length in bytes (the low [`Token::LEN_BITS`] bits) and kind (the high bits).
    len_kind: u32,
}

impl Token {
    /// Bits of a token's length: a run of word characters or digits longer than
    /// [`Token::MAX_LEN`] bytes (a gigabyte) is cut into tokens of at most that length.
    const LEN_BITS: u32 = 30;
    /// The longest token, in bytes.
    pub const MAX_LEN: usize = (1 << Token::LEN_BITS) - 1;

    /// A token at `span` (within the first [`MAX_TEXT`] bytes, at most
    /// [`Token::MAX_LEN`] long).
    #[inline]
    pub(crate) fn new(span: Span, kind: TokenKind) -> Token {
        debug_assert!(span.end <= MAX_TEXT && span.len() <= Token::MAX_LEN);
        // The kinds are numbered in their order: `Word` 0, `Number` 1, `Punct` 2.
        let kind = kind as u32;
        Token {
            start: span.start as u32,
            len_kind: (span.len() as u32 & Token::MAX_LEN as u32) | kind << Token::LEN_BITS,
        }
    }

    /// Where it is.
    #[inline]
    pub fn span(self) -> Span {
        Span {
            start: self.start(),
            end: self.end(),
        }
    }

    /// Its first byte.
    #[inline]
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// One past its last byte.
    #[inline]
    pub fn end(self) -> usize {
        self.start as usize + (self.len_kind & Token::MAX_LEN as u32) as usize
    }

    /// What it is.
    #[inline]
    pub fn kind(self) -> TokenKind {
        match self.len_kind >> Token::LEN_BITS {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            _ => TokenKind::Punct,
        }
    }

    /// The token's text in the article's text.
    pub fn text(self, text: &str) -> &str {
        self.span().text(text)
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("span", &self.span())
            .field("kind", &self.kind())
            .finish()
    }
}

/// How much of an article's text is analyzed: its first 4 GiB (less than a char at the
/// cut). Token and hit offsets are kept in 32 bits.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// A whole-word match of a lexicon phrase, as [`Scan::hits`] and [`Scan::hit_at`] give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Hit {
    /// Where it is.
    pub span: Span,
    /// The automaton pattern: its entries are [`Lexicon::entries`]`(pattern)`.
    pub pattern: u32,
    /// Index of the first token the hit covers.
    pub first_token: u32,
    /// Index one past the last token the hit covers.
    pub end_token: u32,
}

/// A hit as the scan keeps it, in eight bytes: its first token, and its pattern (the
/// low [`Slot::PATTERN_BITS`] bits) with the number of tokens it covers (the high bits:
/// a phrase of at most [`crate::lexicon::MAX_PHRASE_BYTES`] bytes covers at most that
/// many tokens). Its span is its first token's start and its pattern's length.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Slot {
    first_token: u32,
    pattern_tokens: u32,
}

impl Slot {
    /// Bits of the pattern: a lexicon holds fewer than 2^24 patterns (phrases and their
    /// apostrophe variants; [`crate::LexiconBuilder::build`] refuses more).
    pub(crate) const PATTERN_BITS: u32 = 24;
    /// The most patterns a lexicon may hold.
    pub(crate) const MAX_PATTERNS: usize = 1 << Slot::PATTERN_BITS;
    /// The most tokens a hit covers.
    const MAX_TOKENS: usize = (u32::MAX >> Slot::PATTERN_BITS) as usize;

    fn new(pattern: u32, first_token: usize, end_token: usize) -> Slot {
        // A hit covers at most one token per character of its phrase.
        const _: () = assert!(crate::lexicon::MAX_PHRASE_BYTES <= Slot::MAX_TOKENS);
        let tokens = (end_token - first_token).min(Slot::MAX_TOKENS) as u32;
        Slot {
            first_token: first_token as u32,
            pattern_tokens: pattern | tokens << Slot::PATTERN_BITS,
        }
    }

    /// The first token the hit covers.
    #[inline]
    pub(crate) fn first_token(self) -> usize {
        self.first_token as usize
    }

    /// One past the last token the hit covers.
    #[inline]
    pub(crate) fn end_token(self) -> usize {
        self.first_token as usize + (self.pattern_tokens >> Slot::PATTERN_BITS) as usize
    }

    /// The automaton pattern.
    #[inline]
    pub(crate) fn pattern(self) -> u32 {
        self.pattern_tokens & (Slot::MAX_PATTERNS as u32 - 1)
    }
}

/// The hits of a scan, in text order: [`Scan::hits`].
#[derive(Clone, Copy, Debug)]
pub struct Hits<'a> {
    scan: &'a Scan,
}

impl<'a> Hits<'a> {
    /// The number of hits.
    #[inline]
    pub fn len(self) -> usize {
        self.scan.hits.len()
    }

    /// True when the lexicon matched nothing.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.scan.hits.is_empty()
    }

    /// Hit number `index`.
    #[inline]
    pub fn get(self, index: usize) -> Option<Hit> {
        self.scan
            .hits
            .get(index)
            .map(|&slot| self.scan.expand(slot))
    }

    /// The first token of hit number `index` (the same as `get(index)`'s, without
    /// reading the rest of the hit).
    #[inline]
    pub fn first_token(self, index: usize) -> Option<usize> {
        self.scan.hits.get(index).map(|slot| slot.first_token())
    }

    /// Every hit, in text order.
    #[inline]
    pub fn iter(self) -> HitIter<'a> {
        HitIter {
            scan: self.scan,
            slots: self.scan.hits.iter(),
        }
    }

    /// The number of hits, from the first, for which `before` holds: `before` must hold
    /// for the hits before some point and not after it (as for
    /// [`slice::partition_point`]).
    pub fn partition_point(self, mut before: impl FnMut(Hit) -> bool) -> usize {
        self.scan
            .hits
            .partition_point(|&slot| before(self.scan.expand(slot)))
    }
}

impl<'a> IntoIterator for Hits<'a> {
    type Item = Hit;
    type IntoIter = HitIter<'a>;

    #[inline]
    fn into_iter(self) -> HitIter<'a> {
        self.iter()
    }
}

/// An iterator over the hits of a scan, in text order: [`Hits::iter`].
#[derive(Clone, Debug)]
pub struct HitIter<'a> {
    scan: &'a Scan,
    slots: std::slice::Iter<'a, Slot>,
}

impl Iterator for HitIter<'_> {
    type Item = Hit;

    #[inline]
    fn next(&mut self) -> Option<Hit> {
        self.slots.next().map(|&slot| self.scan.expand(slot))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.slots.size_hint()
    }
}

impl DoubleEndedIterator for HitIter<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Hit> {
        self.slots.next_back().map(|&slot| self.scan.expand(slot))
    }
}

impl ExactSizeIterator for HitIter<'_> {}

/// The tokens and lexicon hits of one article.
#[derive(Debug, Default)]
pub struct Scan {
    pub(crate) tokens: Vec<Token>,
    pub(crate) hits: Vec<Slot>,
    /// Per token: index of the hit starting at it.
    pub(crate) hit_starts: HitStarts,
    /// Per token: its sentence.
    pub(crate) sentences: SentenceIndex,
    pub(crate) lexicon: Option<std::sync::Arc<Lexicon>>,
}

/// Which sentence each token belongs to, in about 5 bits per token: the first token of
/// each sentence, and the sentence of every [`SentenceIndex::BLOCK`]th token. A lookup
/// starts from its token's block and steps over the few sentences that start inside it.
#[derive(Debug, Default)]
pub(crate) struct SentenceIndex {
    /// Per sentence: its first token (the first token starting at or after the
    /// sentence's start); 0 for the first sentence.
    first_token: Vec<u32>,
    /// Per block of tokens: the sentence of its first token.
    blocks: Vec<u32>,
    /// The number of tokens.
    tokens: usize,
}

/// The sentences of tokens, for a reader that asks about tokens near each other in
/// turn: the last sentence looked up is kept, and a token inside it costs two
/// comparisons.
#[derive(Debug)]
pub(crate) struct SentenceCursor<'a> {
    index: &'a SentenceIndex,
    /// The last sentence looked up, its first token and one past its last.
    last: std::cell::Cell<(u32, u32, u32)>,
}

impl<'a> SentenceCursor<'a> {
    pub(crate) fn new(scan: &'a Scan) -> SentenceCursor<'a> {
        SentenceCursor {
            index: &scan.sentences,
            last: std::cell::Cell::new((0, 0, 0)),
        }
    }

    /// The sentence of token `token` (a token of the text), its first token and one past
    /// its last.
    #[inline]
    fn look(&self, token: usize) -> (usize, usize, usize) {
        let (s, first, end) = self.last.get();
        if (first as usize..end as usize).contains(&token) {
            return (s as usize, first as usize, end as usize);
        }
        self.look_up(token)
    }

    #[inline(never)]
    fn look_up(&self, token: usize) -> (usize, usize, usize) {
        let s = self.index.of(token);
        let tokens = self.index.tokens(s);
        self.last
            .set((s as u32, tokens.start as u32, tokens.end as u32));
        (s, tokens.start, tokens.end)
    }

    /// The sentence of token `token`, which must be a token of the text.
    #[inline]
    pub(crate) fn sentence(&self, token: usize) -> usize {
        self.look(token).0
    }

    /// The tokens of the sentence of token `token`, which must be a token of the text.
    #[inline]
    pub(crate) fn tokens(&self, token: usize) -> std::ops::Range<usize> {
        let (_, first, end) = self.look(token);
        first..end
    }

    /// True when tokens `a` and `b` (tokens of the text) belong to one sentence.
    #[inline]
    pub(crate) fn same(&self, a: usize, b: usize) -> bool {
        self.tokens(a).contains(&b)
    }
}

impl SentenceIndex {
    /// Tokens per block.
    const BLOCK: usize = 64;

    /// The index of `tokens` (in text order) into `sentences` (in text order): a token
    /// belongs to the last sentence that starts at or before it, or to the first.
    #[cfg(test)]
    pub(crate) fn new(tokens: &[Token], sentences: &[Span]) -> SentenceIndex {
        let mut first_token = Vec::with_capacity(sentences.len());
        let mut t = 0usize;
        for (i, sentence) in sentences.iter().enumerate() {
            if i > 0 {
                while tokens
                    .get(t)
                    .is_some_and(|token| token.start() < sentence.start)
                {
                    t += 1;
                }
            }
            first_token.push(t as u32);
        }
        SentenceIndex::from_first_tokens(first_token, tokens.len())
    }

    /// The index from each sentence's first token (non-decreasing, 0 for the first
    /// sentence: the first token starting at or after the sentence's start) and the
    /// number of tokens.
    pub(crate) fn from_first_tokens(first_token: Vec<u32>, tokens: usize) -> SentenceIndex {
        let mut blocks = Vec::with_capacity(tokens / Self::BLOCK + 1);
        let mut s = 0usize;
        for b in (0..tokens).step_by(Self::BLOCK) {
            while first_token.get(s + 1).is_some_and(|&f| f as usize <= b) {
                s += 1;
            }
            blocks.push(s as u32);
        }
        SentenceIndex {
            first_token,
            blocks,
            tokens,
        }
    }

    /// The sentence of token `token` (the last sentence for a token past the end).
    #[inline]
    pub(crate) fn of(&self, token: usize) -> usize {
        let block = (token / Self::BLOCK).min(self.blocks.len().saturating_sub(1));
        let mut s = self.blocks.get(block).map_or(0, |&s| s as usize);
        // Most blocks hold a few sentence starts: step over them; a block where many
        // sentences start (sentences of no token) is searched by halves.
        for _ in 0..4 {
            match self.first_token.get(s + 1) {
                Some(&f) if f as usize <= token => s += 1,
                _ => return s,
            }
        }
        // The sentence is at most that of the next block's first token.
        let last = self
            .blocks
            .get(block + 1)
            .map_or(self.first_token.len(), |&s| s as usize + 1);
        let rest = self.first_token.get(s + 1..last).unwrap_or_default();
        s + rest.partition_point(|&f| f as usize <= token)
    }

    /// The tokens of sentence `sentence`.
    pub(crate) fn tokens(&self, sentence: usize) -> std::ops::Range<usize> {
        let first = |s: usize| self.first_token.get(s).map_or(self.tokens, |&f| f as usize);
        let start = first(sentence);
        start..first(sentence + 1).max(start)
    }
}

/// Per token: whether a hit starts at it, one bit, and per 64 tokens the number of hits
/// that start before them: the index of the hit starting at a token is a count of bits
/// (an eighth of a byte per token, where an index per token took four bytes).
#[derive(Debug, Default)]
pub(crate) struct HitStarts {
    bits: Vec<u64>,
    before: Vec<u32>,
}

impl HitStarts {
    /// No hit at any of `tokens` tokens.
    fn new(tokens: usize) -> HitStarts {
        HitStarts {
            bits: vec![0; tokens.div_ceil(64)],
            before: Vec::new(),
        }
    }

    /// A hit starts at token `token` (hits are set in text order; [`HitStarts::finish`]
    /// follows the last).
    fn set(&mut self, token: usize) {
        if let Some(word) = self.bits.get_mut(token / 64) {
            *word |= 1 << (token % 64);
        }
    }

    /// Counts the hits before each block of 64 tokens.
    fn finish(&mut self) {
        let mut before = 0u32;
        self.before = self
            .bits
            .iter()
            .map(|word| {
                let here = before;
                before += word.count_ones();
                here
            })
            .collect();
    }

    /// The index of the hit starting at token `token`, if any.
    #[inline]
    fn get(&self, token: usize) -> Option<usize> {
        let word = *self.bits.get(token / 64)?;
        let bit = 1u64 << (token % 64);
        if word & bit == 0 {
            return None;
        }
        let before = *self.before.get(token / 64)?;
        Some(before as usize + (word & (bit - 1)).count_ones() as usize)
    }
}

impl Scan {
    /// Every token, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The index in [`crate::Article::sentences`] of the sentence of token `token`.
    #[inline]
    pub fn sentence_of(&self, token: usize) -> usize {
        self.sentences.of(token)
    }

    /// The tokens of the sentence of token `token`.
    pub(crate) fn sentence_tokens(&self, token: usize) -> std::ops::Range<usize> {
        self.sentences.tokens(self.sentences.of(token))
    }

    /// Every hit, in text order; hits do not overlap.
    #[inline]
    pub fn hits(&self) -> Hits<'_> {
        Hits { scan: self }
    }

    /// The hit a slot keeps.
    #[inline]
    pub(crate) fn expand(&self, slot: Slot) -> Hit {
        let first = slot.first_token();
        let pattern = slot.pattern();
        let start = self.tokens.get(first).map_or(0, |t| t.start());
        let len = self
            .lexicon
            .as_deref()
            .map_or(0, |l| l.pattern_len(pattern));
        Hit {
            span: Span::new(start, start + len),
            pattern,
            first_token: first as u32,
            end_token: slot.end_token() as u32,
        }
    }

    /// The hits as kept, in text order.
    #[inline]
    pub(crate) fn slots(&self) -> &[Slot] {
        &self.hits
    }

    /// The hit starting at token `token`, as kept.
    #[inline]
    pub(crate) fn slot_at(&self, token: usize) -> Option<Slot> {
        self.hits.get(self.hit_starts.get(token)?).copied()
    }

    /// Every hit with an entry of one of `categories` (one bit each, [`Category::bit`]),
    /// with its index: the others are passed over without being read whole.
    pub(crate) fn hits_in(&self, categories: u64) -> impl Iterator<Item = (usize, Hit)> + '_ {
        let lexicon = self.lexicon.as_deref();
        self.hits
            .iter()
            .enumerate()
            .filter(move |(_, slot)| {
                lexicon.map_or(0, |l| l.categories(slot.pattern())) & categories != 0
            })
            .map(|(index, &slot)| (index, self.expand(slot)))
    }

    /// The entries of a hit.
    pub fn entries(&self, hit: &Hit) -> &[Entry] {
        self.lexicon
            .as_deref()
            .map_or(&[], |l| l.entries(hit.pattern))
    }

    /// The hit that starts at token `token`, if any.
    #[inline]
    pub fn hit_at(&self, token: usize) -> Option<Hit> {
        self.slot_at(token).map(|slot| self.expand(slot))
    }

    /// The entry of `category` of the hit starting at token `token`, if any.
    #[inline]
    pub fn entry_at(&self, token: usize, category: Category) -> Option<(Hit, &Entry)> {
        let slot = self.slot_at(token)?;
        let lexicon = self.lexicon.as_deref()?;
        // Most hits lack the category asked for: one bit test, no entry read.
        if lexicon.categories(slot.pattern()) & category.bit() == 0 {
            return None;
        }
        lexicon
            .entries(slot.pattern())
            .iter()
            .find(|e| e.category == category)
            .map(|e| (self.expand(slot), e))
    }

    /// True when the hit starting at token `token` has an entry of `category`.
    #[inline]
    pub fn is_at(&self, token: usize, category: Category) -> bool {
        let (Some(slot), Some(lexicon)) = (self.slot_at(token), self.lexicon.as_deref()) else {
            return false;
        };
        lexicon.categories(slot.pattern()) & category.bit() != 0
    }

    /// True when token `token` is, as a word on its own, an entry of `category`: either
    /// the hit starting there has such an entry, or the lexicon lists the token's text
    /// itself (which a longer phrase starting at the same token may have hidden).
    /// `text` is the article's text.
    pub fn word_is(&self, text: &str, token: usize, category: Category) -> bool {
        if self.is_at(token, category) {
            return true;
        }
        let (Some(lexicon), Some(t)) = (self.lexicon.as_deref(), self.tokens.get(token)) else {
            return false;
        };
        lexicon
            .lookup(t.span().text(text))
            .iter()
            .any(|e| e.category == category)
    }

    /// Every hit with an entry of `category`, with that entry.
    pub fn hits_of(&self, category: Category) -> impl Iterator<Item = (Hit, &Entry)> + '_ {
        let lexicon = self.lexicon.as_deref();
        self.hits.iter().filter_map(move |&slot| {
            let lexicon = lexicon?;
            if lexicon.categories(slot.pattern()) & category.bit() == 0 {
                return None;
            }
            lexicon
                .entries(slot.pattern())
                .iter()
                .find(|e| e.category == category)
                .map(|e| (self.expand(slot), e))
        })
    }

    /// Index of the token that contains or starts after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span().end <= offset)
    }
}

/// Each byte ASCII-lowercased (one load where the range test takes several).
static ASCII_LOWER: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    table
};

/// How many shorter phrases at the same place are tried after a phrase that is not a
/// whole word. Bounds the work per position (each try reads at most one phrase length)
/// even for a lexicon of nested phrases ("x.", "x.x.", "x.x.x."...) built to be slow.
const MAX_SHORTER_TRIES: usize = 8;

/// Finds every whole-word lexicon hit and maps it to tokens.
///
/// A hit starts where a token starts, so the lexicon's automaton is walked, from each
/// token start not covered by an earlier hit, for as long as some phrase can go on (an
/// anchored search: a few bytes). Tokens whose first byte begins no phrase, or that start
/// inside a word ("bn" in "3bn"), are skipped. The longest phrase found is taken when it
/// ends a word; otherwise ("may be" in "may benefit") the next shorter phrase found at the
/// same start ("may"; at most [`MAX_SHORTER_TRIES`] of them). Each phrase's end is tested
/// as the walk finds it. This gives the hits of a leftmost-longest search over the whole
/// text, each byte read at most once per phrase that starts before it.
pub(crate) fn find_hits(text: &str, lexicon: &Lexicon, tokens: &[Token]) -> (Vec<Slot>, HitStarts) {
    let dfa = lexicon.scanner();
    let bytes = text.as_bytes();
    // About one hit per ten bytes of English prose (never more than one per token): one
    // allocation for most texts, the spare room untouched and given back at the end.
    let mut hits = Vec::with_capacity((text.len() / 6 + 16).min(tokens.len()));
    let mut hit_starts = HitStarts::new(tokens.len());
    let Ok(anchored_start) = dfa.start_state(Anchored::Yes) else {
        return (hits, hit_starts);
    };
    let mut token = 0usize;
    while let Some(t) = tokens.get(token) {
        let start = t.span().start;
        let may_start = bytes
            .get(start)
            .is_some_and(|&b| lexicon.may_start_phrase(b));
        if !may_start || starts_inside_word(text, start) {
            token += 1;
            continue;
        }
        let Some((end, pattern)) = longest_phrase(dfa, lexicon, text, start, anchored_start) else {
            token += 1;
            continue;
        };
        let mut end_token = token + 1;
        while tokens.get(end_token).is_some_and(|t| t.span().start < end) {
            end_token += 1;
        }
        hit_starts.set(token);
        hits.push(Slot::new(pattern, token, end_token));
        token = end_token;
    }
    hit_starts.finish();
    crate::marks::shrink_if_spare(&mut hits);
    (hits, hit_starts)
}

/// The longest phrase that starts at byte `start` and ends a word, if it is among the
/// last [`MAX_SHORTER_TRIES`] + 1 phrases found there: its end and pattern.
///
/// One table lookup and one comparison per byte while the automaton is in an ordinary
/// state; only its special states (dead, or a match) are looked at further.
#[inline(always)]
fn longest_phrase(
    dfa: &ScannerDfa,
    lexicon: &Lexicon,
    text: &str,
    start: usize,
    anchored_start: StateID,
) -> Option<(usize, u32)> {
    let rest = text.as_bytes().get(start..)?;
    // Phrases found so far, and the last one that ends a word: (end, its state, its
    // number among the phrases found).
    let mut found = 0usize;
    let mut best: Option<(usize, StateID, usize)> = None;
    let mut state = anchored_start;
    for (walked, &byte) in rest.iter().enumerate() {
        // The scanner knows lowercased phrases (see `LexiconBuilder::build`).
        state = dfa.next_state(Anchored::Yes, state, ASCII_LOWER[usize::from(byte)]);
        if !dfa.is_special(state) {
            continue;
        }
        if dfa.is_dead(state) {
            break;
        }
        // Only a phrase that starts at the token: a match state may also carry a
        // shorter phrase that ends inside it (a per-state bit, set with the lexicon).
        if dfa.is_match(state) && lexicon.ends_phrase(state) {
            found += 1;
            let end = start + walked + 1;
            // A space after the phrase (the commonest case) ends a word whatever the
            // phrase's last character is.
            let space_after = rest.get(walked + 1).map_or(true, |&b| b == b' ');
            if space_after || ends_word(text, end) {
                best = Some((end, state, found));
            }
        }
    }
    let (end, state, number) = best?;
    (found - number <= MAX_SHORTER_TRIES).then(|| (end, dfa.match_pattern(state, 0).as_u32()))
}

/// True when the word characters on both sides of byte `at` (a char boundary) join: a
/// phrase starting there would start inside a word ("bn" in "3bn").
fn starts_inside_word(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(i) = at.checked_sub(1) else {
        return false;
    };
    match (bytes.get(i), bytes.get(at)) {
        (Some(&before), Some(&first)) if (before | first).is_ascii() => {
            ASCII_ALPHANUMERIC[usize::from(before)] && ASCII_ALPHANUMERIC[usize::from(first)]
        }
        _ => joins(char_before(text, at), char_after(text, at)),
    }
}

/// True when a phrase ending at byte `at` (a char boundary) ends a word: it does not stop
/// inside one, and it is not a period glued to a longer abbreviation ("U.S." in
/// "U.S.S.R."). A possessive does not join: "US's" holds the whole word "US".
fn ends_word(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&last) = at.checked_sub(1).and_then(|i| bytes.get(i)) else {
        return false;
    };
    let after = bytes.get(at).copied().unwrap_or(b' ');
    if (last | after).is_ascii() {
        // Only a letter or digit after the phrase can join it or go on an abbreviation.
        if !ASCII_ALPHANUMERIC[usize::from(after)] {
            return true;
        }
        let joins = ASCII_ALPHANUMERIC[usize::from(last)];
        let abbreviation_goes_on = last == b'.' && after.is_ascii_alphabetic();
        return !joins && !abbreviation_goes_on;
    }
    let after = char_after(text, at);
    let last = char_before(text, at);
    let abbreviation_goes_on = last == Some('.') && after.is_some_and(char::is_alphabetic);
    !joins(after, last) && !abbreviation_goes_on
}

/// True when both characters are word characters: a boundary between them is inside a
/// word.
fn joins(outside: Option<char>, inside: Option<char>) -> bool {
    matches!((outside, inside), (Some(o), Some(i)) if is_word_char(o) && is_word_char(i))
}

/// The character that ends at byte `at` (a char boundary) of `text`; ASCII without decoding.
fn char_before(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at.checked_sub(1)?) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(..at)?.chars().next_back(),
    }
}

/// The character that starts at byte `at` (a char boundary) of `text`; ASCII without
/// decoding.
fn char_after(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::tokenize::ascii_alphanumeric_end;
    use super::*;

    /// The sentence of each token as the index defines it: the last sentence that starts
    /// at or before the token, or the first.
    fn sentences_by_search(tokens: &[Token], sentences: &[Span]) -> Vec<usize> {
        tokens
            .iter()
            .map(|t| {
                sentences
                    .iter()
                    .rposition(|s| s.start <= t.start())
                    .unwrap_or(0)
            })
            .collect()
    }

    #[test]
    fn sentence_index_steps_over_sentences_without_tokens() {
        // One-byte tokens at even offsets; sentences start at every byte from 100 to 400
        // (most of them between two tokens' starts: no token of their own), and sparsely
        // elsewhere.
        let tokens: Vec<Token> = (0..500)
            .map(|i| Token::new(Span::new(2 * i, 2 * i + 1), TokenKind::Word))
            .collect();
        let mut starts: Vec<usize> = vec![3, 5, 50];
        starts.extend(100..400);
        starts.extend([401, 700, 998, 999, 1200]);
        let sentences: Vec<Span> = starts
            .iter()
            .zip(starts.iter().skip(1).chain([&1500]))
            .map(|(&a, &b)| Span::new(a, b))
            .collect();
        let index = SentenceIndex::new(&tokens, &sentences);
        let found: Vec<usize> = (0..tokens.len()).map(|t| index.of(t)).collect();
        assert_eq!(found, sentences_by_search(&tokens, &sentences));
        for (t, &s) in found.iter().enumerate() {
            assert!(index.tokens(s).contains(&t), "token {t} sentence {s}");
        }
        assert_eq!(index.of(10_000), sentences.len() - 1);
        // The cursor gives the same answers, asked in order, backwards, or by jumps.
        let scan = Scan {
            sentences: index,
            ..Scan::default()
        };
        let cursor = SentenceCursor::new(&scan);
        let order = (0..500)
            .chain((0..500).rev())
            .chain((0..500).map(|t| t * 7 % 500));
        for t in order {
            assert_eq!(cursor.sentence(t), found[t], "token {t}");
            assert_eq!(
                cursor.tokens(t),
                scan.sentences.tokens(found[t]),
                "token {t}"
            );
            for u in t.saturating_sub(3)..(t + 3).min(500) {
                assert_eq!(cursor.same(t, u), found[t] == found[u], "tokens {t} {u}");
            }
        }
        let empty = SentenceIndex::new(&tokens, &[]);
        assert_eq!(empty.of(7), 0);
    }

    #[test]
    fn tokens_are_eight_bytes_and_keep_their_kind() {
        assert_eq!(std::mem::size_of::<Token>(), 8);
        for kind in [TokenKind::Word, TokenKind::Number, TokenKind::Punct] {
            let token = Token::new(Span::new(7, 7 + Token::MAX_LEN), kind);
            assert_eq!(token.kind(), kind);
            assert_eq!(token.span(), Span::new(7, 7 + Token::MAX_LEN));
        }
    }

    fn texts<'a>(text: &'a str, tokens: &[Token]) -> Vec<&'a str> {
        tokens.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens_of_a_messy_line() {
        let text = "Trump’s $95 billion, 40,000 troops—2.5% of .5 don't O'Brien two-tier 3bn";
        let tokens = tokenize(text).tokens;
        assert_eq!(
            texts(text, &tokens),
            [
                "Trump’s",
                "$",
                "95",
                "billion",
                ",",
                "40,000",
                "troops",
                "—",
                "2.5",
                "%",
                "of",
                ".5",
                "don't",
                "O'Brien",
                "two",
                "-",
                "tier",
                "3",
                "bn"
            ]
        );
    }

    #[test]
    fn numbers_stop_at_trailing_punctuation() {
        let text = "in 2024. Then 3, 4 and 1,23 and 1.2.3";
        let tokens = tokenize(text).tokens;
        assert_eq!(
            texts(text, &tokens),
            [
                "in", "2024", ".", "Then", "3", ",", "4", "and", "1", ",", "23", "and", "1.2", ".",
                "3"
            ]
        );
    }

    #[test]
    fn paragraphs_are_the_lines_without_their_white_space() {
        let texts = [
            "",
            "\n\r\n",
            "One.\nTwo.\r\nThree.\rFour.",
            "  lead and trail \t\n\n\n  \u{a0}x\u{2003}\n",
            "a\u{200b}\n\u{200b}\n\u{1}\n \u{85} \nz",
            "\u{2028}para\u{2029}\n\u{feff}",
            "x\u{b}y\u{c}\n\u{7f}\n\u{1c}",
            "\"Quoted,\" she said.\n\n— 3.5%",
        ];
        for text in texts {
            let found = tokenize(text);
            assert_eq!(
                found.paragraphs,
                crate::segment::paragraphs(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn quotation_marks_and_terminators_are_counted() {
        let text = "\u{201c}Yes.\u{201d} 'No?' Don't... 2.5 \"x\"";
        let found = tokenize(text);
        assert_eq!(found.quote_marks, 6);
        assert_eq!(found.terminators, 5);
        let listed: Vec<(&str, bool)> = found
            .marks_and_terminators
            .iter()
            .map(|&m| {
                let token = found.tokens[(m >> Tokenized::SHIFT) as usize];
                (token.text(text), m & Tokenized::QUOTE_MARK != 0)
            })
            .collect();
        assert_eq!(
            listed,
            [
                ("\u{201c}", true),
                (".", false),
                ("\u{201d}", true),
                ("'", true),
                ("?", false),
                ("'", true),
                (".", false),
                (".", false),
                (".", false),
                ("\"", true),
                ("\"", true)
            ]
        );
    }

    #[test]
    fn eight_bytes_at_a_time_finds_the_first_byte_that_is_no_letter_or_digit() {
        for stop in 0..=255u8 {
            for at in 0..9 {
                let mut bytes = *b"aZ09qwertyMNBV5x";
                bytes[at] = stop;
                for from in [0, 3, 9] {
                    let naive = (from..bytes.len())
                        .find(|&i| !bytes[i].is_ascii_alphanumeric())
                        .unwrap_or(bytes.len());
                    let found = ascii_alphanumeric_end(&bytes, from);
                    assert_eq!(found, naive, "{stop} at {at} from {from}");
                }
            }
        }
    }
}
