//! What the attribution rules know of each token, packed in four bytes: its kind and
//! punctuation flags, where its covering hit starts, and what is learned of it on first
//! use.

use crate::scan::{Token, TokenKind};

// Token flags.
pub(super) const WORD: u8 = 1;
pub(super) const NUMBER: u8 = 1 << 1;
pub(super) const PUNCT: u8 = 1 << 2;
/// A word starting with an upper-case letter.
pub(super) const CAPITALISED: u8 = 1 << 3;
/// `.`, `!`, `?`, `…` or `;` (a stop unless it is an honorific's dot).
pub(super) const STOP_MARK: u8 = 1 << 4;
/// A quotation mark of any family.
pub(super) const QUOTE_MARK: u8 = 1 << 5;
/// Inside an outermost quotation (between its marks).
pub(super) const QUOTED: u8 = 1 << 6;

// What is learned of a token on first use (`Tok::lazy`).
/// The word classes' id (`words::class_id`) is known: the low bits.
pub(super) const WORDS_KNOWN: u16 = 1 << 12;
/// The bits of the word classes' id.
pub(super) const CLASS_ID: u16 = WORDS_KNOWN - 1;
/// `NAME_WORD` is known.
pub(super) const NAME_KNOWN: u16 = 1 << 13;
/// May be a word of a person's name (when `NAME_KNOWN`).
pub(super) const NAME_WORD: u16 = 1 << 14;

/// `Tok::back` of a token whose covering hit starts too far back to tell in a byte.
pub(super) const FAR: u8 = u8::MAX;

/// What the rules know of a token, in four bytes.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tok {
    /// Kind, punctuation and quotation flags.
    pub(super) flags: u8,
    /// 0 when no hit covers the token; else how many tokens before it the covering hit
    /// starts, plus one (`FAR` when that does not fit).
    pub(super) back: u8,
    /// Learned on first use: word classes and whether it can be a word of a name.
    pub(super) lazy: u16,
}

/// The flags of a punctuation token by its first byte, when ASCII.
pub(super) static ASCII_PUNCT: [u8; 128] = {
    let mut table = [PUNCT; 128];
    table[b'.' as usize] |= STOP_MARK;
    table[b'!' as usize] |= STOP_MARK;
    table[b'?' as usize] |= STOP_MARK;
    table[b';' as usize] |= STOP_MARK;
    table[b'"' as usize] |= QUOTE_MARK;
    table[b'\'' as usize] |= QUOTE_MARK;
    table
};

/// The flags of a token, but the name flags.
#[inline]
pub(super) fn flags_of(text: &str, t: &Token) -> u8 {
    let lead = text.as_bytes().get(t.span().start).copied().unwrap_or(0);
    if lead.is_ascii() {
        return match t.kind() {
            TokenKind::Word if lead.is_ascii_uppercase() => WORD | CAPITALISED,
            TokenKind::Word => WORD,
            TokenKind::Number => NUMBER,
            TokenKind::Punct => ASCII_PUNCT[lead as usize],
        };
    }
    if lead == 0xE2 && t.kind() == TokenKind::Punct {
        // U+2000 to U+203F: curly quotes, dashes, the ellipsis.
        if let Some(&[0x80, last]) = text.as_bytes().get(t.span().start + 1..t.span().start + 3) {
            return general_punctuation_flags(last);
        }
    }
    slow_flags_of(text, t, lead)
}

/// The flags of a punctuation token whose character is U+2000 + `last - 0x80` (encoded
/// E2 80 `last`): quotation marks (U+2018 to U+201F, U+2039, U+203A) and the ellipsis
/// (U+2026) as `slow_flags_of` sees them.
#[inline]
fn general_punctuation_flags(last: u8) -> u8 {
    match last {
        0x98..=0x9F | 0xB9 | 0xBA => PUNCT | QUOTE_MARK,
        0xA6 => PUNCT | STOP_MARK,
        _ => PUNCT,
    }
}

/// `flags_of` a token whose first byte is not ASCII.
pub(super) fn slow_flags_of(text: &str, t: &Token, lead: u8) -> u8 {
    let first = || {
        if lead.is_ascii() {
            char::from(lead)
        } else {
            t.span().text(text).chars().next().unwrap_or('\0')
        }
    };
    match t.kind() {
        TokenKind::Word => {
            let upper = if lead.is_ascii() {
                lead.is_ascii_uppercase()
            } else {
                first().is_uppercase()
            };
            if upper {
                WORD | CAPITALISED
            } else {
                WORD
            }
        }
        TokenKind::Number => NUMBER,
        TokenKind::Punct => {
            let c = first();
            let mut flags = PUNCT;
            if matches!(c, '.' | '!' | '?' | '…' | ';') {
                flags |= STOP_MARK;
            } else if crate::marks::family_of(c).is_some() {
                flags |= QUOTE_MARK;
            }
            flags
        }
    }
}

/// True when a word ends like a possessive: "Trump's", "Growers'".
pub(super) fn possessive(w: &[u8]) -> bool {
    // The last byte of `s`, `'` or `’`.
    matches!(w.last(), Some(b's' | b'\'' | 0x99))
        && (w.ends_with(b"'s")
            || w.ends_with("’s".as_bytes())
            || w.ends_with(b"s'")
            || w.ends_with("s’".as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_punctuation_flags_match_the_characters() {
        for b in 0u8..128 {
            let c = char::from(b);
            let mut want = PUNCT;
            if matches!(c, '.' | '!' | '?' | '…' | ';') {
                want |= STOP_MARK;
            } else if crate::marks::family_of(c).is_some() {
                want |= QUOTE_MARK;
            }
            assert_eq!(ASCII_PUNCT[b as usize], want, "{b}");
        }
    }

    #[test]
    fn general_punctuation_flags_match_the_characters() {
        for last in 0x80u8..0xC0 {
            let c = char::from_u32(0x2000 + u32::from(last - 0x80)).unwrap();
            let mut want = PUNCT;
            if matches!(c, '.' | '!' | '?' | '…' | ';') {
                want |= STOP_MARK;
            } else if crate::marks::family_of(c).is_some() {
                want |= QUOTE_MARK;
            }
            assert_eq!(general_punctuation_flags(last), want, "{c}");
        }
    }
}
