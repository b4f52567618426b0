//! Quotation marks: which marks open, which close, which are apostrophes or strays, and
//! the quoted regions they delimit.
//!
//! News text mixes straight and curly marks, leaves stray closers behind, and opens a
//! quote again at each new paragraph of a long quotation without closing the previous
//! one. The rules here, applied in one pass with a small bounded stack per paragraph:
//!
//! - A mark's **role** comes first from its neighbours: white space (or an opening
//!   bracket or dash) before and a word after make an opener; a word or punctuation
//!   before and white space (or punctuation) after make a closer. Only when the
//!   neighbours cannot tell does the glyph decide (`“` opens, `”` closes). Adjacent marks
//!   are looked through (up to three), so in `"'Hello,'` both marks open.
//! - An **apostrophe** is a single mark inside a word (`don't`, absorbed into the word
//!   token already), before a decade (`'90s`), or after a plural `s` (`allies'`) while no
//!   single quote is open.
//! - Marks pair within their **family** (double: `" “ ” „ « »`; single: `' ‘ ’ ‚ ‹ ›`). A
//!   closer with no open quote of its family is a **stray** and opens nothing; an opener
//!   while a quote of the same family is open ends that quote (unclosed) and starts a new
//!   one.
//! - A quoted region holds at least one word or number; marks around marks quote nothing.
//! - A quoted region never crosses a paragraph. A region still open at the end of its
//!   paragraph is unclosed; it is marked `continues` when the next paragraph starts by
//!   reopening the same family, the news convention for a quotation over several
//!   paragraphs.

use serde::Serialize;

use crate::scan::{Token, TokenKind, Tokenized};
use crate::span::Span;

/// The two families of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkFamily {
    /// `" “ ” „ « »`
    Double,
    /// `' ‘ ’ ‚ ‹ ›`
    Single,
}

/// What a quotation mark does in its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkRole {
    /// Opens a quoted region.
    Open,
    /// Closes a quoted region.
    Close,
    /// An apostrophe written with a quote character (`'90s`, `allies'`).
    Apostrophe,
    /// A mark that pairs with nothing (a closer with nothing open).
    Stray,
}

/// One quotation mark character in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct QuoteMark {
    /// Where it is.
    pub span: Span,
    /// Its family.
    pub family: MarkFamily,
    /// Its role, as decided from its neighbours and the marks before it.
    pub role: MarkRole,
}

/// A region of text between an opening quotation mark and its closer (or the end of the
/// paragraph, when it has none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Quotation {
    /// From the opening mark to the end of the closing mark (or of the quoted text).
    pub span: Span,
    /// The quoted text between the marks, without surrounding white space.
    pub inner: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, if the region was closed.
    pub close: Option<Span>,
    /// The family of its marks.
    pub family: MarkFamily,
    /// Index of its paragraph.
    pub paragraph: u32,
    /// Nesting depth: 0 for an outermost quotation.
    pub depth: u8,
    /// True when the region is unclosed at the end of its paragraph and the next
    /// paragraph reopens a quotation of the same family (a quotation that runs on).
    pub continues: bool,
}

/// Deepest nesting tracked; deeper openers are strays. Keeps the pass linear on hostile
/// input such as thousands of alternating quote styles.
const MAX_DEPTH: usize = 8;

/// The family of a quotation mark character, or `None` for any other character.
pub fn family_of(c: char) -> Option<MarkFamily> {
    match c {
        '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '〝' | '〞' => {
            Some(MarkFamily::Double)
        }
        '\'' | '‘' | '’' | '‚' | '‹' | '›' | '‛' => Some(MarkFamily::Single),
        _ => None,
    }
}

/// The role the glyph suggests when the neighbours cannot tell.
fn glyph_hint(c: char) -> Option<MarkRole> {
    match c {
        '“' | '„' | '«' | '‘' | '‚' | '‹' | '‟' | '‛' | '〝' => {
            Some(MarkRole::Open)
        }
        '”' | '»' | '’' | '›' | '〞' => Some(MarkRole::Close),
        _ => None,
    }
}

/// Which way the neighbours of a mark point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lean {
    Open,
    Close,
    Unknown,
}

fn opens_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
}

fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
        )
}

/// Finds the quotation marks among `tokens` and pairs them into quotations. The quotation
/// mark tokens are those listed in `marks_and_terminators`, `quote_marks` of them (see
/// [`Tokenized`]).
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Span],
    marks_and_terminators: &[u32],
    quote_marks: usize,
) -> (Vec<QuoteMark>, Vec<Quotation>) {
    // `quote_marks` is the number of quotation mark tokens, each of which gives one mark;
    // quotations open at about half of them.
    let mut marks = Vec::with_capacity(quote_marks);
    let mut quotations: Vec<Quotation> = Vec::with_capacity(quote_marks / 2 + 1);
    // The token of each quotation's opening mark, in the same order: where the search for
    // its first quoted token starts.
    let mut open_tokens: Vec<u32> = Vec::with_capacity(quote_marks / 2 + 1);
    let mut paragraph = 0usize;
    // Open quotations of the current paragraph: (index into `quotations`, family).
    let mut stack = Stack::new();
    // Only the quotation mark tokens, as the tokenizer listed them.
    for &listed in marks_and_terminators {
        if listed & Tokenized::QUOTE_MARK == 0 {
            continue;
        }
        let i = (listed >> Tokenized::SHIFT) as usize;
        let Some(token) = tokens.get(i) else {
            continue;
        };
        let Some(c) = token.span().text(text).chars().next() else {
            continue;
        };
        let Some(family) = family_of(c) else { continue };
        while paragraph + 1 < paragraphs.len() && token.span().start >= paragraphs[paragraph].end {
            end_paragraph(
                text,
                &mut stack,
                &mut quotations,
                paragraphs,
                paragraph,
                tokens,
                i,
            );
            paragraph += 1;
        }
        let before = text[..token.span().start].chars().next_back();
        let after = text[token.span().end..].chars().next();
        // Adjacent marks ("'Hello,' or fine.'") are looked through: the characters
        // beyond them tell which way this mark points.
        let (outer_before, run_start) = beyond_marks_before(text, token.span().start);
        let (outer_after, run_end) = beyond_marks_after(text, token.span().end);
        let at_para_start = paragraphs
            .get(paragraph)
            .map_or(true, |p| run_start <= p.start);
        let at_para_end = paragraphs.get(paragraph).map_or(true, |p| run_end >= p.end);
        let space_before = at_para_start
            || outer_before.map_or(true, opens_after)
            || outer_before.and_then(family_of).is_some();
        let space_after = at_para_end
            || outer_after.map_or(true, closes_before)
            || outer_after.and_then(family_of).is_some();
        let lean = match (space_before, space_after) {
            (true, false) => Lean::Open,
            (false, true) => Lean::Close,
            _ => match glyph_hint(c) {
                Some(MarkRole::Open) if !space_after || !at_para_end => Lean::Open,
                Some(MarkRole::Close) => Lean::Close,
                _ => Lean::Unknown,
            },
        };
        let open_of_family = stack.open().iter().rposition(|&(_, f)| f == family);
        let role = if family == MarkFamily::Single
            && is_apostrophe_use(text, token.span(), before, after, open_of_family.is_some())
        {
            MarkRole::Apostrophe
        } else {
            match (lean, open_of_family) {
                (Lean::Close, Some(_)) | (Lean::Unknown, Some(_)) => MarkRole::Close,
                (Lean::Close, None) | (Lean::Unknown, None) => MarkRole::Stray,
                (Lean::Open, _) if at_para_end => MarkRole::Stray,
                (Lean::Open, _) => MarkRole::Open,
            }
        };
        match role {
            MarkRole::Open => {
                // A quote of the same family cannot nest directly: a new opener ends it.
                if let Some(pos) = open_of_family {
                    close_from(
                        text,
                        &mut stack,
                        &mut quotations,
                        pos,
                        token.span().start,
                        None,
                    );
                }
                if stack.len() >= MAX_DEPTH {
                    marks.push(QuoteMark {
                        span: token.span(),
                        family,
                        role: MarkRole::Stray,
                    });
                    continue;
                }
                let depth = stack.len() as u8;
                stack.push((quotations.len(), family));
                open_tokens.push(i as u32);
                quotations.push(Quotation {
                    span: token.span(),
                    inner: Span::new(token.span().end, token.span().end),
                    open: token.span(),
                    close: None,
                    family,
                    paragraph: paragraph as u32,
                    depth,
                    continues: false,
                });
            }
            MarkRole::Close => {
                if let Some(pos) = open_of_family {
                    close_from(
                        text,
                        &mut stack,
                        &mut quotations,
                        pos,
                        token.span().start,
                        Some(token.span()),
                    );
                }
            }
            MarkRole::Apostrophe | MarkRole::Stray => {}
        }
        marks.push(QuoteMark {
            span: token.span(),
            family,
            role,
        });
    }
    let last = paragraphs.len().saturating_sub(1);
    end_paragraph(
        text,
        &mut stack,
        &mut quotations,
        paragraphs,
        last,
        tokens,
        tokens.len(),
    );
    // A quotation holds at least one word or number: marks around marks or dashes alone
    // quote nothing. Its tokens are read from the one after its opening mark (white
    // space is no token, so none lies between that mark and the quoted text), and
    // quotations of one depth do not overlap, so each token is read at most once per
    // depth. `retain` visits the quotations once each, in order, as `open_tokens` lists
    // them.
    let mut open_token = open_tokens.into_iter();
    quotations.retain(|q| {
        let after_mark = open_token.next().map_or(0, |i| i as usize + 1);
        !q.inner.is_empty()
            && tokens
                .get(after_mark..)
                .unwrap_or_default()
                .iter()
                .skip_while(|t| t.span().start < q.inner.start)
                .take_while(|t| t.span().start < q.inner.end)
                .any(|t| t.kind() != TokenKind::Punct)
    });
    // Each quotation opens at its own mark: the keys are distinct, so an unstable sort
    // (which needs no buffer) gives the one order.
    quotations.sort_unstable_by_key(|q| (q.span.start, q.depth));
    shrink_if_spare(&mut marks);
    shrink_if_spare(&mut quotations);
    (marks, quotations)
}

/// Gives back a list's spare room when it is large (a reallocation costs more than the
/// few bytes of a list sized from a close estimate).
pub(crate) fn shrink_if_spare<T>(list: &mut Vec<T>) {
    if list.capacity() - list.len() > list.len() / 2 + 8 {
        list.shrink_to_fit();
    }
}

/// How many adjacent quotation marks a mark looks through to find its neighbours;
/// bounded so that a long run of marks stays linear.
const LOOK_THROUGH: usize = 3;

/// The character before `at`, past at most [`LOOK_THROUGH`] adjacent quotation marks,
/// and where that run of marks starts.
fn beyond_marks_before(text: &str, at: usize) -> (Option<char>, usize) {
    let mut start = at;
    let mut chars = text[..at].chars().rev();
    for _ in 0..=LOOK_THROUGH {
        match chars.next() {
            Some(c) if family_of(c).is_some() => start -= c.len_utf8(),
            other => return (other, start),
        }
    }
    (text[..start].chars().next_back(), start)
}

/// The character after `at`, past at most [`LOOK_THROUGH`] adjacent quotation marks,
/// and where that run of marks ends.
fn beyond_marks_after(text: &str, at: usize) -> (Option<char>, usize) {
    let mut end = at;
    let mut chars = text[at..].chars();
    for _ in 0..=LOOK_THROUGH {
        match chars.next() {
            Some(c) if family_of(c).is_some() => end += c.len_utf8(),
            other => return (other, end),
        }
    }
    (text[end..].chars().next(), end)
}

/// `char::is_alphanumeric`, without its Unicode tables for ASCII and for the quotation
/// marks (the neighbours of a mark in a run of marks), which are neither.
fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        family_of(c).is_none() && c.is_alphanumeric()
    }
}

/// Apostrophes spelled with a single quote character.
fn is_apostrophe_use(
    text: &str,
    span: Span,
    before: Option<char>,
    after: Option<char>,
    single_open: bool,
) -> bool {
    let letter = |c: Option<char>| c.is_some_and(is_letter_or_digit);
    if letter(before) && letter(after) {
        return true;
    }
    // '90s, '20: a decade or year elided.
    let rest = &text.as_bytes()[span.end..];
    if !letter(before)
        && rest.len() >= 2
        && rest[0].is_ascii_digit()
        && rest[1].is_ascii_digit()
        && !rest.get(2).is_some_and(u8::is_ascii_digit)
    {
        return true;
    }
    // allies' budgets: a plural possessive, unless a single quote is open to close.
    !single_open && matches!(before, Some('s' | 'S')) && !letter(after)
}

/// The open quotations of a paragraph, innermost last: (index into the quotations, family).
/// At most [`MAX_DEPTH`], so kept in place rather than on the heap.
struct Stack {
    open: [(usize, MarkFamily); MAX_DEPTH],
    len: usize,
}

impl Stack {
    fn new() -> Stack {
        Stack {
            open: [(0, MarkFamily::Double); MAX_DEPTH],
            len: 0,
        }
    }

    fn open(&self) -> &[(usize, MarkFamily)] {
        &self.open[..self.len]
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Pushes an open quotation; the caller keeps the stack under [`MAX_DEPTH`].
    fn push(&mut self, open: (usize, MarkFamily)) {
        if let Some(slot) = self.open.get_mut(self.len) {
            *slot = open;
            self.len += 1;
        }
    }

    fn pop(&mut self) -> Option<(usize, MarkFamily)> {
        self.len = self.len.checked_sub(1)?;
        Some(self.open[self.len])
    }
}

/// Closes the quotation at stack position `pos` and every one nested in it.
fn close_from(
    text: &str,
    stack: &mut Stack,
    quotations: &mut [Quotation],
    pos: usize,
    at: usize,
    mark: Option<Span>,
) {
    while stack.len() > pos {
        let Some((index, _)) = stack.pop() else { break };
        let closing = if stack.len() == pos { mark } else { None };
        let q = &mut quotations[index];
        q.close = closing;
        q.inner = trim(text, Span::new(q.open.end, at));
        q.span = Span::new(
            q.open.start,
            closing.map_or(q.inner.end.max(q.open.end), |m| m.end),
        );
    }
}

/// Ends the open quotations of paragraph `paragraph` at its end; marks them `continues`
/// when the next paragraph opens with a mark of the same family.
fn end_paragraph(
    text: &str,
    stack: &mut Stack,
    quotations: &mut [Quotation],
    paragraphs: &[Span],
    paragraph: usize,
    tokens: &[Token],
    next_token: usize,
) {
    if stack.is_empty() {
        return;
    }
    let outer = stack.open().first().map(|&(index, _)| index);
    // The open quotations all belong to the paragraph of the outermost one.
    let paragraph = outer.map_or(paragraph, |i| quotations[i].paragraph as usize);
    let end = paragraphs.get(paragraph).map_or(text.len(), |p| p.end);
    let reopened = tokens
        .get(next_token)
        .filter(|t| {
            paragraphs
                .get(paragraph + 1)
                .is_some_and(|p| t.span().start == p.start)
        })
        .and_then(|t| t.span().text(text).chars().next())
        .and_then(family_of);
    close_from(text, stack, quotations, 0, end, None);
    if let (Some(index), Some(family)) = (outer, reopened) {
        if quotations[index].family == family {
            quotations[index].continues = true;
        }
    }
}

fn trim(text: &str, span: Span) -> Span {
    let inner = span.text(text);
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.start + inner.trim_end().len();
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    /// The shortcut answers as `char::is_alphanumeric` for every character.
    #[test]
    fn letters_and_digits_are_those_of_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
