//! A bounded view of one sentence's tokens with the lexicon lookups the numbers
//! analyzer needs. Every accessor returns nothing outside the sentence, so no rule can
//! read across a sentence boundary or past the ends of the text.

use std::cell::Cell;

use crate::lexicon::{Category, Entry, Lexicon};
use crate::scan::{Scan, Slot, Token, TokenKind};

/// One sentence of tokens, seen from the numbers analyzer.
pub(crate) struct View<'a> {
    pub text: &'a str,
    pub scan: &'a Scan,
    /// The scan's tokens.
    pub tokens: &'a [Token],
    pub lexicon: &'a Lexicon,
    /// The text's bytes.
    bytes: &'a [u8],
    /// The scan's hits, as kept.
    slots: &'a [Slot],
    /// The sentence's tokens: `tokens[lo..hi]`, so that one comparison tells whether a
    /// token is inside the sentence.
    sentence: &'a [Token],
    /// The number of hits that start before token `at` (see [`View::seek`]): where the
    /// search for a hit ending at a token near `at` starts.
    near: Cell<usize>,
    /// The token the rules are reading.
    at: Cell<usize>,
    /// The last token asked for the hit ending before it, and that hit.
    last_before: Cell<(usize, Option<Slot>)>,
    /// First token of the sentence.
    pub lo: usize,
    /// One past the last token of the sentence.
    pub hi: usize,
}

impl<'a> View<'a> {
    /// A view of no sentence yet over the article's tokens and hits.
    pub fn new(text: &'a str, scan: &'a Scan, lexicon: &'a Lexicon) -> View<'a> {
        View {
            text,
            scan,
            tokens: scan.tokens(),
            lexicon,
            bytes: text.as_bytes(),
            slots: scan.slots(),
            sentence: &[],
            near: Cell::new(0),
            at: Cell::new(0),
            last_before: Cell::new((usize::MAX, None)),
            lo: 0,
            hi: 0,
        }
    }

    /// Looks at the sentence of tokens `lo..hi`.
    pub fn set_sentence(&mut self, lo: usize, hi: usize) {
        self.lo = lo;
        self.hi = hi;
        self.sentence = self.tokens.get(lo..hi).unwrap_or(&[]);
    }

    /// The rules read around token `i` now (never before the last token sought).
    #[inline(always)]
    pub fn seek(&self, i: usize) {
        self.at.set(i);
        let mut near = self.near.get();
        let slots = self.slots;
        while slots.get(near).is_some_and(|s| s.first_token() < i) {
            near += 1;
        }
        self.near.set(near);
    }

    /// True when token `i` is inside the sentence.
    #[inline(always)]
    pub fn has(&self, i: usize) -> bool {
        i.wrapping_sub(self.lo) < self.sentence.len()
    }

    /// Token `i`, or None outside the sentence.
    #[inline(always)]
    fn token(&self, i: usize) -> Option<&'a Token> {
        self.sentence.get(i.wrapping_sub(self.lo))
    }

    /// The bytes of token `i`'s text.
    #[inline(always)]
    fn token_bytes(&self, t: &Token) -> &'a [u8] {
        self.bytes.get(t.span().start..t.span().end).unwrap_or(&[])
    }

    /// The text of token `i`, or "" outside the sentence.
    #[inline(always)]
    pub fn word(&self, i: usize) -> &'a str {
        self.token(i).map_or("", |t| t.text(self.text))
    }

    /// The bytes of token `i`'s text, or none outside the sentence.
    #[inline(always)]
    pub fn bytes_at(&self, i: usize) -> &'a [u8] {
        self.token(i).map_or(&[], |t| self.token_bytes(t))
    }

    /// The kind of token `i`.
    #[inline(always)]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.token(i).map(|t| t.kind())
    }

    /// The bytes of token `i` when it is a word token. Every word the rules compare
    /// tokens with starts with a letter, which only word tokens do.
    #[inline(always)]
    pub fn word_bytes(&self, i: usize) -> Option<&'a [u8]> {
        self.token(i)
            .filter(|t| t.kind() == TokenKind::Word)
            .map(|t| self.token_bytes(t))
    }

    /// True when token `i` is a word equal to `word`, ignoring ASCII case.
    #[inline(always)]
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.word_bytes(i)
            .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    }

    /// True when token `i` is one of `words`, ignoring ASCII case.
    #[inline]
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.word_bytes(i).is_some_and(|w| {
            words
                .iter()
                .any(|x| w.len() == x.len() && w.eq_ignore_ascii_case(x.as_bytes()))
        })
    }

    /// True when token `i` is a word of `sorted` (see [`in_sorted_bytes`]), ignoring ASCII case.
    pub fn is_in(&self, i: usize, sorted: &[&str]) -> bool {
        self.word_bytes(i)
            .is_some_and(|w| in_sorted_bytes(sorted, w))
    }

    /// True when token `i` is a word token.
    #[inline(always)]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// True when token `i` is a number token.
    #[inline(always)]
    pub fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// True when token `i` is punctuation within `marks`.
    #[inline(always)]
    pub fn is_punct(&self, i: usize, marks: &[char]) -> bool {
        let Some(t) = self.token(i).filter(|t| t.kind() == TokenKind::Punct) else {
            return false;
        };
        let Some(&b) = self.bytes.get(t.span().start) else {
            return false;
        };
        if b.is_ascii() {
            marks.contains(&char::from(b))
        } else {
            t.text(self.text)
                .chars()
                .next()
                .is_some_and(|c| marks.contains(&c))
        }
    }

    /// The first byte of token `i` when it is punctuation (an ASCII mark is that byte).
    #[inline(always)]
    pub fn punct_byte(&self, i: usize) -> Option<u8> {
        let t = self.token(i).filter(|t| t.kind() == TokenKind::Punct)?;
        self.bytes.get(t.span().start).copied()
    }

    /// The character of token `i` when it is punctuation (a mark is one character).
    #[inline(always)]
    pub fn punct_char(&self, i: usize) -> Option<char> {
        let t = self.token(i).filter(|t| t.kind() == TokenKind::Punct)?;
        let b = *self.bytes.get(t.span().start)?;
        if b.is_ascii() {
            Some(char::from(b))
        } else {
            t.text(self.text).chars().next()
        }
    }

    /// True when token `i` starts exactly where token `i - 1` ends (no space between).
    #[inline(always)]
    pub fn glued(&self, i: usize) -> bool {
        let k = i.wrapping_sub(self.lo);
        match self.sentence.get(k.wrapping_sub(1)..k.wrapping_add(1)) {
            Some([a, b]) => a.span().end == b.span().start,
            _ => false,
        }
    }

    /// True when token `i` starts with an uppercase letter.
    #[inline(always)]
    pub fn capitalized(&self, i: usize) -> bool {
        let Some(t) = self.token(i) else {
            return false;
        };
        let Some(&b) = self.bytes.get(t.span().start) else {
            return false;
        };
        if b.is_ascii() {
            b.is_ascii_uppercase()
        } else {
            t.text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        }
    }

    /// The hit starting at token `i`, as the scan keeps it, when `i` is inside the
    /// sentence.
    #[inline(always)]
    pub fn slot(&self, i: usize) -> Option<Slot> {
        if !self.has(i) {
            return None;
        }
        self.slot_near(i)
    }

    /// The hit starting at token `i`, whatever the sentence, found from the hits near
    /// the token the rules read (a few steps at most: farther, the scan looks it up).
    #[inline(always)]
    pub fn slot_near(&self, i: usize) -> Option<Slot> {
        self.walk_to_slot(i)
    }

    /// [`View::slot_near`], walking the hits.
    #[inline(always)]
    fn walk_to_slot(&self, i: usize) -> Option<Slot> {
        const MOST_STEPS: usize = 8;
        let slots = self.slots;
        // `p`: the number of hits that start before token `at`.
        let mut p = self.near.get();
        let mut steps = 0;
        if i >= self.at.get() {
            loop {
                let slot = *slots.get(p)?;
                if slot.first_token() >= i {
                    return (slot.first_token() == i).then_some(slot);
                }
                p += 1;
                steps += 1;
                if steps > MOST_STEPS {
                    return self.scan.slot_at(i);
                }
            }
        }
        loop {
            let slot = *slots.get(p.checked_sub(1)?)?;
            if slot.first_token() <= i {
                return (slot.first_token() == i).then_some(slot);
            }
            p -= 1;
            steps += 1;
            if steps > MOST_STEPS {
                return self.scan.slot_at(i);
            }
        }
    }

    /// The categories of the hit starting at token `i` (one [`Category::bit`] each), or
    /// none, whatever the sentence.
    #[inline(always)]
    pub fn categories_at(&self, i: usize) -> u64 {
        self.scan
            .slot_at(i)
            .map_or(0, |slot| self.lexicon.categories(slot.pattern()))
    }

    /// The categories of the hit starting at token `i` when it ends inside the sentence
    /// (the hits [`View::entry`] sees), or none.
    #[inline(always)]
    pub fn categories_in(&self, i: usize) -> u64 {
        match self.slot(i) {
            Some(slot) if slot.end_token() <= self.hi => self.lexicon.categories(slot.pattern()),
            _ => 0,
        }
    }

    /// The entry of `category` of the hit starting at token `i`, with the hit's end token.
    #[inline(always)]
    pub fn entry(&self, i: usize, category: Category) -> Option<(usize, &'a Entry)> {
        let slot = self.slot(i)?;
        let pattern = slot.pattern();
        // Most hits lack the category asked for: one bit test, no entry read.
        if self.lexicon.categories(pattern) & category.bit() == 0 {
            return None;
        }
        let end = slot.end_token();
        if end > self.hi {
            return None;
        }
        find(self.lexicon.entries(pattern), category).map(|e| (end, e))
    }

    /// The hit that ends just before token `i` (its end token is `i`), found from the
    /// hits near the token the rules read: as many steps as hits start between the two.
    #[inline(always)]
    pub fn hit_before(&self, i: usize) -> Option<Slot> {
        let (last, slot) = self.last_before.get();
        if last == i {
            return slot;
        }
        let slot = self.walk_to_hit_before(i);
        self.last_before.set((i, slot));
        slot
    }

    /// [`View::hit_before`], walking the hits.
    fn walk_to_hit_before(&self, i: usize) -> Option<Slot> {
        if i > self.tokens.len() {
            return None;
        }
        let slots = self.slots;
        // `p`: the number of hits that start before token `i`.
        let mut p = self.near.get();
        if i <= self.at.get() {
            while p > 0 && slots.get(p - 1).is_some_and(|s| s.first_token() >= i) {
                p -= 1;
            }
        } else {
            while slots.get(p).is_some_and(|s| s.first_token() < i) {
                p += 1;
            }
        }
        let slot = *slots.get(p.checked_sub(1)?)?;
        (slot.end_token() == i).then_some(slot)
    }

    /// The entry of `category` of the hit that ends just before token `i`, with the hit's
    /// first token.
    #[inline(always)]
    pub fn entry_before(&self, i: usize, category: Category) -> Option<(usize, &'a Entry)> {
        let slot = self.hit_before(i)?;
        let first = slot.first_token();
        if first < self.lo || self.lexicon.categories(slot.pattern()) & category.bit() == 0 {
            return None;
        }
        find(self.lexicon.entries(slot.pattern()), category).map(|e| (first, e))
    }

    /// The entries of the hit that ends just before token `i` when it starts inside the
    /// sentence (those [`View::entry_before`] looks in), or none.
    #[inline(always)]
    pub fn entries_before(&self, i: usize) -> &'a [Entry] {
        match self.hit_before(i) {
            Some(slot) if slot.first_token() >= self.lo => self.lexicon.entries(slot.pattern()),
            _ => &[],
        }
    }

    /// True when the hit at token `i` has an entry of `category` with this payload.
    pub fn has_payload(&self, i: usize, category: Category, payload: &str) -> bool {
        self.has(i)
            && self.slot_near(i).is_some_and(|slot| {
                self.lexicon
                    .entries(slot.pattern())
                    .iter()
                    .any(|e| e.category == category && &*e.payload == payload)
            })
    }

    /// The entries of a whole word looked up in the lexicon: for a word glued to digits
    /// ("bn" in "3bn", "km" in "300km"), which the scan cannot see as a whole word.
    pub fn lookup(&self, word: &str) -> &'a [Entry] {
        if word.is_empty() || word.len() > 24 {
            return &[];
        }
        match self.lexicon.automaton().find(word) {
            Some(m) if m.start() == 0 && m.end() == word.len() => {
                self.lexicon.entries(m.pattern().as_u32())
            }
            _ => &[],
        }
    }
}

/// The payload's leading number.
#[inline]
pub(crate) fn payload_value(entry: &Entry) -> Option<f64> {
    let first = two_words(&entry.payload).0?;
    plain_number(first).or_else(|| first.parse().ok())
}

/// The first two words of a payload, as `split_whitespace` gives them: "3 plural",
/// "up 2", "USD" are read byte by byte; anything else is split by `split_whitespace`.
#[inline]
pub(crate) fn two_words(payload: &str) -> (Option<&str>, Option<&str>) {
    let bytes = payload.as_bytes();
    let plain = |b: &u8| *b > b' ' && *b < 0x80;
    match bytes.iter().position(|b| !plain(b)) {
        None if !bytes.is_empty() => (Some(payload), None),
        Some(k)
            if k > 0
                && bytes[k] == b' '
                && k + 1 < bytes.len()
                && bytes[k + 1..].iter().all(plain) =>
        {
            (Some(&payload[..k]), Some(&payload[k + 1..]))
        }
        _ => {
            let mut words = payload.split_whitespace();
            (words.next(), words.next())
        }
    }
}

/// The value of a whole number ("1000") or a power of ten ("1e6"), the payloads number
/// words mostly have, without the cost of parsing a float: the same value `parse` gives,
/// since both are exact.
fn plain_number(s: &str) -> Option<f64> {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    let digits = |d: &[u8]| -> Option<u64> {
        if d.is_empty() || !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(d.iter().fold(0u64, |n, &x| n * 10 + u64::from(x - b'0')))
    };
    if let Some(n) = digits(b) {
        #[allow(clippy::cast_precision_loss)]
        return Some(n as f64);
    }
    if b.len() <= 4 && b.starts_with(b"1e") {
        let n = usize::try_from(digits(&b[2..])?).ok()?;
        return POWERS.get(n).copied();
    }
    // "0.25": at most 15 digits around a point; the whole of the digits and the power of
    // ten it is divided by are exact, so their quotient is the value `parse` gives.
    let point = b.iter().position(|&x| x == b'.')?;
    let (whole, fraction) = (&b[..point], &b[point + 1..]);
    let n = digits(whole)? * 10u64.pow(u32::try_from(fraction.len()).ok()?) + digits(fraction)?;
    #[allow(clippy::cast_precision_loss)]
    Some(n as f64 / POWERS[fraction.len()])
}

/// The categories of `categories` as bits of a mask, as [`Lexicon::categories`] gives them.
pub(crate) const fn mask(categories: &[Category]) -> u64 {
    let mut bits = 0;
    let mut k = 0;
    while k < categories.len() {
        bits |= bit(categories[k]);
        k += 1;
    }
    bits
}

/// The bit of a category in a [`mask`] (none past the 64th category).
#[inline(always)]
const fn bit(category: Category) -> u64 {
    let n = category as u32;
    if n < 64 {
        1 << n
    } else {
        0
    }
}

/// The first entry of `category` in `entries`.
pub(crate) fn find(entries: &[Entry], category: Category) -> Option<&Entry> {
    entries.iter().find(|e| e.category == category)
}

/// True when the word `bytes`, ASCII case ignored, is in `sorted`: a list of lowercase
/// words in byte order (the closed word lists the rules test at many tokens), by binary
/// search.
pub(crate) fn in_sorted_bytes(sorted: &[&str], bytes: &[u8]) -> bool {
    debug_assert!(sorted.windows(2).all(|w| w[0] < w[1]), "list not sorted");
    debug_assert!(sorted
        .iter()
        .all(|w| !w.bytes().any(|b| b.is_ascii_uppercase())));
    let mut buf = [0u8; 32];
    if bytes.is_empty() || bytes.len() > buf.len() {
        return false;
    }
    let lower = &mut buf[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    in_sorted_lower(sorted, lower)
}

/// [`in_sorted_bytes`] of a word already lowercased.
pub(crate) fn in_sorted_lower(sorted: &[&str], lower: &[u8]) -> bool {
    sorted
        .binary_search_by(|w| compare_short(w.as_bytes(), lower))
        .is_ok()
}

/// The byte order of two short words, compared in a loop (the slice order without a
/// call to `memcmp` for a few bytes).
#[inline(always)]
fn compare_short(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod payload_tests {
    use super::{plain_number, two_words};

    #[test]
    fn two_words_are_those_split_whitespace_gives() {
        for payload in [
            "", " ", "3", "3 plural", "up 2", " up 2", "up  2", "up 2 3", "up\t2", "a\u{a0}b",
            "é x", "x é", "1e6", "\u{1}x",
        ] {
            let mut words = payload.split_whitespace();
            assert_eq!(
                two_words(payload),
                (words.next(), words.next()),
                "{payload:?}"
            );
        }
    }

    #[test]
    fn plain_numbers_are_parsed_as_parse_does() {
        for s in [
            "0.25", "0.5", "0.125", "12", "1e6", "1000", "3.75", "0.1", "99.99",
        ] {
            assert_eq!(plain_number(s), s.parse::<f64>().ok(), "{s}");
        }
        for s in ["5.", ".5", "-1", "1.5e3", "0.3333333333333333"] {
            assert_eq!(plain_number(s), None, "{s}");
        }
    }
}
