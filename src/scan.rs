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
//! An [`crate::Article`] computes its scan once, on first use; analyzers never scan the
//! text again for words the lexicon knows.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA as ScannerDfa;
use aho_corasick::Anchored;

use crate::lexicon::{Category, Entry, Lexicon};
use crate::span::Span;

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

/// A token: a word, a number or a punctuation mark, with the sentence it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Index of its sentence in [`crate::Article::sentences`].
    pub sentence: u32,
}

impl Token {
    /// The token's text in the article's text.
    pub fn text(self, text: &str) -> &str {
        self.span.text(text)
    }
}

/// A whole-word match of a lexicon phrase.
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

/// The tokens and lexicon hits of one article.
#[derive(Debug, Default)]
pub struct Scan {
    pub(crate) tokens: Vec<Token>,
    pub(crate) hits: Vec<Hit>,
    /// Per token: index of the hit starting at it.
    pub(crate) hit_starts: HitStarts,
    pub(crate) lexicon: Option<std::sync::Arc<Lexicon>>,
}

/// Per token: index of the hit starting at it, or [`NO_HIT`]. (One byte per token plus a
/// `u32` per 128 tokens would save 3 bytes a token, but cost ~4 instructions per byte of
/// text in the analyzers, which call [`Scan::hit_at`] at nearly every token.)
#[derive(Debug, Default)]
pub(crate) struct HitStarts {
    index: Vec<u32>,
}

const NO_HIT: u32 = u32::MAX;

impl HitStarts {
    /// No hit at any of `tokens` tokens.
    fn new(tokens: usize) -> HitStarts {
        HitStarts {
            index: vec![NO_HIT; tokens],
        }
    }

    /// Hit `hit` starts at token `token`.
    fn set(&mut self, token: usize, hit: usize) {
        if let Some(i) = self.index.get_mut(token) {
            *i = hit as u32;
        }
    }

    /// The index of the hit starting at token `token`, if any.
    #[inline]
    fn get(&self, token: usize) -> Option<usize> {
        match *self.index.get(token)? {
            NO_HIT => None,
            i => Some(i as usize),
        }
    }
}

impl Scan {
    /// Every token, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Every hit, in text order; hits do not overlap.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The entries of a hit.
    pub fn entries(&self, hit: &Hit) -> &[Entry] {
        self.lexicon
            .as_deref()
            .map_or(&[], |l| l.entries(hit.pattern))
    }

    /// The hit that starts at token `token`, if any.
    #[inline]
    pub fn hit_at(&self, token: usize) -> Option<&Hit> {
        self.hits.get(self.hit_starts.get(token)?)
    }

    /// The entry of `category` of the hit starting at token `token`, if any.
    #[inline]
    pub fn entry_at(&self, token: usize, category: Category) -> Option<(&Hit, &Entry)> {
        let hit = self.hit_at(token)?;
        let lexicon = self.lexicon.as_deref()?;
        // Most hits lack the category asked for: one bit test, no entry read.
        if lexicon.categories(hit.pattern) & category.bit() == 0 {
            return None;
        }
        lexicon
            .entries(hit.pattern)
            .iter()
            .find(|e| e.category == category)
            .map(|e| (hit, e))
    }

    /// True when the hit starting at token `token` has an entry of `category`.
    #[inline]
    pub fn is_at(&self, token: usize, category: Category) -> bool {
        self.entry_at(token, category).is_some()
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
            .lookup(t.span.text(text))
            .iter()
            .any(|e| e.category == category)
    }

    /// Every hit with an entry of `category`, with that entry.
    pub fn hits_of(&self, category: Category) -> impl Iterator<Item = (&Hit, &Entry)> + '_ {
        let lexicon = self.lexicon.as_deref();
        self.hits.iter().filter_map(move |hit| {
            if lexicon.map_or(0, |l| l.categories(hit.pattern)) & category.bit() == 0 {
                return None;
            }
            self.entries(hit)
                .iter()
                .find(|e| e.category == category)
                .map(|e| (hit, e))
        })
    }

    /// Index of the token that contains or starts after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }
}

/// True for characters that make up words: letters, digits and combining marks.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General Punctuation (curly quotes, dashes, spaces) holds no letter, digit or mark:
    // no need to read the Unicode tables for the commonest non-ASCII characters of news.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// True for characters invisible inside a word: soft hyphen, zero-width joiners, and
/// the direction marks and overrides of bidirectional text.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// ASCII letters and digits, by byte (one load where a range test takes several).
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// What the one pass over the characters finds: the tokens, the paragraphs, and counts
/// that size the lists built from them.
pub(crate) struct Tokenized {
    /// Every token, in text order.
    pub(crate) tokens: Vec<Token>,
    /// Paragraph spans: the text between line breaks (`\n`, `\r`) without its white
    /// space; blank lines are not paragraphs.
    pub(crate) paragraphs: Vec<Span>,
    /// The punctuation tokens that are quotation marks ([`crate::marks::family_of`]) or
    /// sentence terminators, in order: [`Tokenized::QUOTE_MARK`] set for the first,
    /// shifted by [`Tokenized::SHIFT`] the token's index. The passes that look for them
    /// read this list, not every token.
    pub(crate) marks_and_terminators: Vec<u32>,
    /// Number of quotation mark tokens.
    pub(crate) quote_marks: usize,
    /// Number of terminator tokens.
    pub(crate) terminators: usize,
}

impl Tokenized {
    /// The bit of a quotation mark in [`Tokenized::marks_and_terminators`].
    pub(crate) const QUOTE_MARK: u32 = 1;
    /// The shift of the token index in [`Tokenized::marks_and_terminators`].
    pub(crate) const SHIFT: u32 = 1;
}

/// Paragraphs as [`tokenize`] finds them: a paragraph opens at its first character that
/// is not white space and ends after its last one.
struct Paragraphs {
    spans: Vec<Span>,
    open: bool,
    start: usize,
    end: usize,
}

impl Paragraphs {
    /// The characters from `start` to `end` are not white space.
    #[inline(always)]
    fn text(&mut self, start: usize, end: usize) {
        if !self.open {
            self.open = true;
            self.start = start;
        }
        self.end = end;
    }

    /// A line break.
    fn close(&mut self) {
        if self.open {
            self.open = false;
            self.spans.push(Span::new(self.start, self.end));
        }
    }
}

/// Splits `text` into tokens and paragraphs, in one pass over its characters.
///
/// ASCII bytes (most of an English article) are classified byte by byte; only other
/// characters are decoded.
pub(crate) fn tokenize(text: &str) -> Tokenized {
    let bytes = text.as_bytes();
    // English prose has about one token per 4.7 bytes: one allocation for most texts,
    // none of its spare room touched, and the rest given back at the end.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
    // News paragraphs run to a few hundred bytes.
    let mut paragraphs = Paragraphs {
        spans: Vec::with_capacity(text.len() / 128 + 4),
        open: false,
        start: 0,
        end: 0,
    };
    // News has about one quotation mark or terminator per 50 bytes.
    let mut marks_and_terminators = Vec::with_capacity(text.len() / 32 + 16);
    let mut quote_marks = 0;
    let mut terminators = 0;
    let char_at = |i: usize| text.get(i..).and_then(|s| s.chars().next());
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let start = at;
        // The commonest starts first: a space, a word's first letter.
        if b == b' ' {
            at += 1;
            continue;
        }
        if b.is_ascii_alphabetic() {
            let end = word_end(text, start + 1);
            tokens.push(Token {
                span: Span::new(start, end),
                kind: TokenKind::Word,
                sentence: 0,
            });
            paragraphs.text(start, end);
            at = end;
            continue;
        }
        let c = if b.is_ascii() {
            // White space and control characters: no token. Line breaks end paragraphs;
            // control characters are no white space, so they belong to one.
            if b <= b' ' || b == 0x7F {
                match b {
                    b'\n' | b'\r' => paragraphs.close(),
                    b'\t' | b'\x0B' | b'\x0C' => {}
                    _ => paragraphs.text(start, start + 1),
                }
                at += 1;
                continue;
            }
            char::from(b)
        } else {
            let c = char_at(start).unwrap_or(char::REPLACEMENT_CHARACTER);
            if c.is_whitespace() {
                at += c.len_utf8();
                continue;
            }
            if is_invisible(c) || c.is_control() {
                at += c.len_utf8();
                paragraphs.text(start, at);
                continue;
            }
            c
        };
        let starts_number = c.is_ascii_digit()
            || (c == '.'
                && digit_at(start + 1)
                && !text[..start].chars().next_back().is_some_and(is_word_char));
        let (end, kind) = if starts_number {
            let mut end = start + 1;
            let mut has_point = c == '.';
            loop {
                while digit_at(end) {
                    end += 1;
                }
                let separator = bytes.get(end).copied();
                // "40,000" and "1,234.5" hold separators; "3, 4" and "2." end the number.
                let thousands = separator == Some(b',')
                    && (1..=3).all(|k| digit_at(end + k))
                    && !digit_at(end + 4);
                let decimal = separator == Some(b'.') && digit_at(end + 1) && !has_point;
                if thousands || decimal {
                    has_point |= decimal;
                    end += 1;
                } else {
                    break;
                }
            }
            (end, TokenKind::Number)
        } else if is_word_char(c) {
            (word_end(text, start + c.len_utf8()), TokenKind::Word)
        } else {
            let index = (tokens.len() as u32) << Tokenized::SHIFT;
            if crate::marks::family_of(c).is_some() {
                quote_marks += 1;
                marks_and_terminators.push(index | Tokenized::QUOTE_MARK);
            } else if crate::segment::is_terminator(c) {
                terminators += 1;
                marks_and_terminators.push(index);
            }
            (start + c.len_utf8(), TokenKind::Punct)
        };
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            sentence: 0,
        });
        paragraphs.text(start, end);
        at = end;
    }
    paragraphs.close();
    tokens.shrink_to_fit();
    let mut paragraphs = paragraphs.spans;
    crate::marks::shrink_if_spare(&mut paragraphs);
    Tokenized {
        tokens,
        paragraphs,
        marks_and_terminators,
        quote_marks,
        terminators,
    }
}

/// The end of the word whose characters go on at byte `end` (a char boundary): word
/// characters, invisible ones, and apostrophes followed by a letter ("don't").
#[inline(always)]
fn word_end(text: &str, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    let char_at = |i: usize| text.get(i..).and_then(|s| s.chars().next());
    loop {
        end = ascii_alphanumeric_end(bytes, end);
        let Some(&next_byte) = bytes.get(end) else {
            break;
        };
        if next_byte.is_ascii() && next_byte != b'\'' {
            break;
        }
        let next = char_at(end).unwrap_or(char::REPLACEMENT_CHARACTER);
        let inside = is_word_char(next)
            || is_invisible(next)
            || is_apostrophe(next)
                && char_at(end + next.len_utf8()).is_some_and(|n| n.is_alphabetic());
        if !inside {
            break;
        }
        end += next.len_utf8();
    }
    end
}

/// The end of the run of ASCII letters and digits at byte `at`: eight bytes at a time
/// while eight remain, then byte by byte.
#[inline(always)]
fn ascii_alphanumeric_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let stops = not_alphanumeric(u64::from_le_bytes(eight));
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes
        .get(at)
        .is_some_and(|&b| ASCII_ALPHANUMERIC[usize::from(b)])
    {
        at += 1;
    }
    at
}

/// The high bit of each byte of `word` (eight bytes, the first lowest) that is not an
/// ASCII letter or digit. Each byte, its high bit cleared, is compared with the ends of
/// the ranges by adding a constant that sets its high bit when it is at or past an end
/// (no sum passes 0xFF, so no byte carries into the next).
#[inline(always)]
fn not_alphanumeric(word: u64) -> u64 {
    const fn each(byte: u8) -> u64 {
        u64::from_le_bytes([byte; 8])
    }
    const HIGHS: u64 = each(0x80);
    let low = word & !HIGHS;
    // At least `lo` and not past `hi`: (x + 0x80 - lo) has its high bit, (x + 0x7F - hi)
    // does not.
    let between = |x: u64, lo: u8, hi: u8| (x + each(0x80 - lo)) & !(x + each(0x7F - hi));
    let digit = between(low, b'0', b'9');
    let letter = between(low | each(0x20), b'a', b'z');
    !((digit | letter) & !word) & HIGHS
}

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
pub(crate) fn find_hits(text: &str, lexicon: &Lexicon, tokens: &[Token]) -> (Vec<Hit>, HitStarts) {
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
        let start = t.span.start;
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
        while tokens.get(end_token).is_some_and(|t| t.span.start < end) {
            end_token += 1;
        }
        hit_starts.set(token, hits.len());
        hits.push(Hit {
            span: Span::new(start, end),
            pattern,
            first_token: token as u32,
            end_token: end_token as u32,
        });
        token = end_token;
    }
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
        state = dfa.next_state(Anchored::Yes, state, byte);
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
    use super::*;

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
