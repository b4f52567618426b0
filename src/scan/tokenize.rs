//! The tokenizer: words, numbers and punctuation marks by character class, and the
//! paragraphs and quotation-mark and terminator positions, in one pass over the text.

use super::{Token, TokenKind};
use crate::span::Span;

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
pub(super) fn is_invisible(c: char) -> bool {
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

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// ASCII letters and digits, by byte (one load where a range test takes several).
pub(super) static ASCII_ALPHANUMERIC: [bool; 256] = {
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
    /// The number of word and number tokens.
    pub(crate) words: usize,
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

/// Adds the token `start..end`, cut into tokens of at most [`Token::MAX_LEN`] bytes (at
/// char boundaries) when it is longer; returns the number of tokens added.
#[inline]
fn push(
    tokens: &mut Vec<Token>,
    text: &str,
    mut start: usize,
    end: usize,
    kind: TokenKind,
) -> usize {
    let mut added = 1;
    while end - start > Token::MAX_LEN {
        let cut = crate::span::floor_char_boundary(text, start + Token::MAX_LEN);
        tokens.push(Token::new(Span::new(start, cut), kind));
        start = cut;
        added += 1;
    }
    tokens.push(Token::new(Span::new(start, end), kind));
    added
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
    let mut words = 0;
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
            words += push(&mut tokens, text, start, end, TokenKind::Word);
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
        let added = push(&mut tokens, text, start, end, kind);
        if kind != TokenKind::Punct {
            words += added;
        }
        paragraphs.text(start, end);
        at = end;
    }
    paragraphs.close();
    tokens.shrink_to_fit();
    let mut paragraphs = paragraphs.spans;
    crate::marks::shrink_if_spare(&mut paragraphs);
    Tokenized {
        tokens,
        words,
        paragraphs,
        marks_and_terminators,
        quote_marks,
        terminators,
    }
}

/// The end of the word whose characters go on at byte `end` (a char boundary): word
/// characters, invisible ones, and apostrophes followed by a letter ("don't").
#[inline(always)]
pub(super) fn word_end(text: &str, mut end: usize) -> usize {
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
pub(super) fn ascii_alphanumeric_end(bytes: &[u8], mut at: usize) -> usize {
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
pub(super) fn not_alphanumeric(word: u64) -> u64 {
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
