//! Paragraphs and sentences.
//!
//! Paragraphs are separated by line breaks: a blank line or a single newline (wire copy
//! often uses one newline a paragraph); `\r\n` and a lone `\r` count as newlines.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (or a terminator of another script: `。` `؟`
//! `।`...) with any closing quotation marks and brackets after it, when white space and
//! the start of a new sentence follow: a capital letter or a letter of a caseless script,
//! a digit, or an opening mark or bracket (not a dash: `"Yes." — Vale` goes on). After the
//! full-width `。` `！` `？` of Chinese and Japanese no space is needed, unless a Japanese
//! corner bracket follows (`「…。」と言った` goes on). It does not end after:
//! - an abbreviation from the lexicon ([`Category::Abbreviation`]): `title` ones never
//!   end a sentence ("Dr. Amos"), `number` ones not before a number ("No. 5", "Jan. 31"),
//!   `end` ones only before a [`Category::SentenceStarter`] ("...in the U.S. He said");
//! - an initial, a single capital letter ("J. K. Rowling", "Thomas P. Gore"), or a single
//!   lowercase letter ("b. 1955") unless a sentence starter follows;
//! - a number that opens its sentence, a list label ("1. FC Pforzheim");
//! - an ellipsis (`...` or `…`), which marks an omission more often than an ending;
//! - a decimal point (numbers are single tokens: "2.5").

use crate::lexicon::Category;
use crate::marks::{family_of, MarkRole, QuoteMark};
use crate::scan::{Scan, Token, TokenKind, Tokenized};
use crate::span::Span;

/// Paragraph spans of `text`, trimmed, skipping blank lines: what [`crate::scan::tokenize`]
/// finds in its pass, written on its own for the tests to compare.
#[cfg(test)]
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut push = |from: usize, to: usize| {
        let line = &text[from..to];
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            paragraphs.push(Span::new(from + lead, from + lead + trimmed.len()));
        }
    };
    while let Some(i) = next_line_break(bytes, start) {
        push(start, i);
        start = i + 1;
    }
    push(start, text.len());
    paragraphs
}

/// Index of the first `\n` or `\r` at or after `from`. Reads eight bytes at a time
/// while none of them is a line break (paragraphs are long, line breaks rare).
#[cfg(test)]
fn next_line_break(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // True when one of the eight bytes of `word` is zero.
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS != 0;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let word = u64::from_le_bytes(eight);
        if has_zero(word ^ (ONES * u64::from(b'\n'))) || has_zero(word ^ (ONES * u64::from(b'\r')))
        {
            break;
        }
        at += 8;
    }
    bytes
        .get(at..)?
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|p| at + p)
}

pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '؟'
            | '۔'
            | '।'
            | '॥'
    )
}

/// Japanese corner brackets: `「…。」と言った` goes on after the closing bracket.
fn is_corner_bracket(c: char) -> bool {
    matches!(c, '」' | '』')
}

/// Full-width terminators of Chinese and Japanese end a sentence with no space after.
fn ends_without_space(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '」' | '』' | '）' | '】')
}

fn is_opening_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{')
}

/// Sentence spans of `text`, and each one's paragraph index. `most` bounds their number
/// (terminators plus paragraphs) and sizes the lists.
pub(crate) fn sentences(
    text: &str,
    paragraphs: &[Span],
    tokens: &[Token],
    scan: &Scan,
    marks: &[QuoteMark],
    marks_and_terminators: &[u32],
    most: usize,
) -> Sentences {
    let first_char = |t: &Token| t.span().text(text).chars().next().unwrap_or(' ');
    let mut mark_cursor = 0usize;
    let mut role_of = |span: Span| -> Option<MarkRole> {
        while mark_cursor < marks.len() && marks[mark_cursor].span.start < span.start {
            mark_cursor += 1;
        }
        marks
            .get(mark_cursor)
            .filter(|m| m.span == span)
            .map(|m| m.role)
    };
    let mut terminators = marks_and_terminators
        .iter()
        .filter(|&&listed| listed & Tokenized::QUOTE_MARK == 0)
        .map(|&listed| (listed >> Tokenized::SHIFT) as usize)
        .filter(|&index| index < tokens.len())
        .peekable();
    let mut sentences = Vec::with_capacity(most);
    let mut owners = Vec::with_capacity(most);
    let mut first_tokens = Vec::with_capacity(most);
    let mut token = 0usize;
    for (p, paragraph) in paragraphs.iter().enumerate() {
        while token < tokens.len() && tokens[token].span().start < paragraph.start {
            token += 1;
        }
        let first = token;
        // Tokens do not overlap, so their ends increase: a binary search, not a pass.
        token += tokens[token..].partition_point(|t| t.span().end <= paragraph.end);
        let para_tokens = first..token;
        let mut start = paragraph.start;
        let mut start_token = para_tokens.start;
        let mut i = para_tokens.start;
        loop {
            // The next terminator token of the paragraph, from the tokenizer's list.
            while terminators.peek().is_some_and(|&index| index < i) {
                terminators.next();
            }
            match terminators.peek() {
                Some(&index) if index < para_tokens.end => i = index,
                _ => break,
            }
            let t = tokens[i];
            let c = first_char(&t);
            if !is_terminator(c) {
                i += 1;
                continue;
            }
            // Runs of terminators ("?!", "...") end together.
            let mut end = i + 1;
            while end < para_tokens.end
                && tokens[end].kind() == TokenKind::Punct
                && is_terminator(first_char(&tokens[end]))
                && tokens[end].span().start == tokens[end - 1].span().end
            {
                end += 1;
            }
            let ellipsis = c == '…' || end - i >= 3 && first_char(&tokens[i + 1]) == '.';
            // Keep closing marks and brackets with the sentence they close.
            let mut close = end;
            while close < para_tokens.end && tokens[close].kind() == TokenKind::Punct {
                let ch = first_char(&tokens[close]);
                let closes = is_closing_bracket(ch)
                    || family_of(ch).is_some()
                        && matches!(
                            role_of(tokens[close].span()),
                            Some(MarkRole::Close | MarkRole::Stray)
                        );
                if !closes {
                    break;
                }
                close += 1;
            }
            let splits = close < para_tokens.end
                && !ellipsis
                && (tokens[close].span().start > tokens[close - 1].span().end
                    || ends_without_space(first_char(&tokens[end - 1]))
                        && !tokens[end..close]
                            .iter()
                            .any(|t| is_corner_bracket(first_char(t))))
                && starts_sentence(text, tokens, close)
                && !is_abbreviation_or_initial(text, tokens, scan, i, close, start);
            if splits {
                let end_byte = tokens[close - 1].span().end;
                sentences.push(Span::new(start, end_byte));
                owners.push(p as u32);
                first_tokens.push(start_token as u32);
                start = tokens[close].span().start;
                start_token = close;
            }
            i = close.max(i + 1);
        }
        if start < paragraph.end {
            sentences.push(Span::new(start, paragraph.end));
            owners.push(p as u32);
            first_tokens.push(start_token as u32);
        }
    }
    crate::marks::shrink_if_spare(&mut sentences);
    crate::marks::shrink_if_spare(&mut owners);
    crate::marks::shrink_if_spare(&mut first_tokens);
    // Tokens before the first sentence (there are none: every token lies in a
    // paragraph) would belong to it.
    if let Some(first) = first_tokens.first_mut() {
        *first = 0;
    }
    Sentences {
        spans: sentences,
        paragraphs: owners,
        first_tokens,
    }
}

/// The sentences of an article.
pub(crate) struct Sentences {
    /// Each sentence's span, in text order.
    pub(crate) spans: Vec<Span>,
    /// Each sentence's paragraph.
    pub(crate) paragraphs: Vec<u32>,
    /// Each sentence's first token (the first token starting at or after its start).
    pub(crate) first_tokens: Vec<u32>,
}

/// True when token `next` can open a sentence: a capital or a caseless letter, a digit,
/// an opening mark.
fn starts_sentence(text: &str, tokens: &[Token], next: usize) -> bool {
    let t = tokens[next];
    let c = t.span().text(text).chars().next().unwrap_or(' ');
    match t.kind() {
        TokenKind::Number => true,
        // A capital, or a letter of a script without case (Arabic, Chinese, Hindi...).
        TokenKind::Word => !c.is_lowercase(),
        TokenKind::Punct => {
            is_opening_bracket(c)
                || family_of(c).is_some()
                || matches!(c, '¿' | '¡' | '$' | '£' | '€' | '¥' | '#' | '@' | '*' | '•')
                // Other non-ASCII marks and symbols (emoji, currency signs) may start one,
                // unlike those that end or continue a sentence. A dash after a quotation
                // continues it: `"We are ready." — Commissioner Vale`.
                || !c.is_ascii()
                    && !is_terminator(c)
                    && !is_closing_bracket(c)
                    && !matches!(
                        c,
                        '—' | '–' | '‒' | '―' | '，' | '、' | '：' | '；' | '°' | '′' | '″' | '‰' | '‱'
                    )
        }
    }
}

/// True when the period at token `period` belongs to an abbreviation, an initial or an
/// enumerator that does not end the sentence (begun at byte `sentence_start`) before
/// token `next`.
fn is_abbreviation_or_initial(
    text: &str,
    tokens: &[Token],
    scan: &Scan,
    period: usize,
    next: usize,
    sentence_start: usize,
) -> bool {
    if !first_is(text, &tokens[period], '.') || period == 0 {
        return false;
    }
    let word = tokens[period - 1];
    let glued = word.span().end == tokens[period].span().start;
    // An abbreviation hit ends exactly at this period.
    // Such a hit covers the period: it is the last hit starting at or before it.
    let period_end = tokens[period].end();
    let slots = scan.slots();
    let abbreviation = slots
        .partition_point(|slot| slot.first_token() <= period)
        .checked_sub(1)
        .map(|k| scan.expand(slots[k]))
        .filter(|h| h.span.end == period_end)
        .and_then(|hit| {
            scan.entries(&hit)
                .iter()
                .find(|e| e.category == Category::Abbreviation)
                .map(|entry| (hit, entry))
        });
    let letter = match word.kind() {
        TokenKind::Word if glued => {
            let mut chars = word.span().text(text).chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        }
        _ => None,
    };
    // The letter stands alone: not the last of "U.S." or "a.m.".
    let before = (period >= 2).then(|| tokens[period - 2]);
    let after_period =
        before.is_some_and(|t| t.span().end == word.span().start && first_is(text, &t, '.'));
    let lone_letter = letter
        .filter(|_| abbreviation.map_or(true, |(hit, _)| hit.span.start == word.span().start));
    match (lone_letter, abbreviation) {
        (Some(c), _) if c.is_uppercase() => {
            // "J. K. Rowling", "Thomas P. Gore": an initial, even where it spells a
            // lowercase abbreviation ("p.", "c."). A sentence ending in a lone capital
            // ("World War I. Then") is rare next to names.
            let prev_is_word = before
                .is_some_and(|t| t.kind() == TokenKind::Word && t.span().start >= sentence_start);
            !(prev_is_word && !after_period && scan.word_is(text, next, Category::SentenceStarter))
        }
        (_, Some((_, entry))) => match &*entry.payload {
            "title" => true,
            // "No. 5", "Fig. S1": before a number or a word holding digits.
            "number" => {
                tokens[next].kind() == TokenKind::Number
                    || tokens[next]
                        .span()
                        .text(text)
                        .bytes()
                        .any(|b| b.is_ascii_digit())
            }
            _ => !scan.word_is(text, next, Category::SentenceStarter),
        },
        // "(b. 1955)", "a. Relaxed matches": a lone lowercase letter is an abbreviation
        // or a list label unless a clear sentence opener follows.
        (Some(c), None) if c.is_lowercase() && !after_period => {
            !scan.word_is(text, next, Category::SentenceStarter)
        }
        // "1. FC Pforzheim", "2. The second point": a number that opens its sentence is
        // a list label, not a sentence of its own.
        _ => word.kind() == TokenKind::Number && glued && word.span().start == sentence_start,
    }
}

fn first_is(text: &str, token: &Token, c: char) -> bool {
    token.span().text(text).starts_with(c)
}
