//! Person names and speaker phrases, read from tokens and lexicon hits without a tagger.
//!
//! A person's name is a run of capitalised words, joined by name particles ("van",
//! "bin"), hyphens ("Jean-Claude") and initials ("J."), that holds no word the lexicon
//! knows as something else: a title ("Secretary-General"), an honorific ("Dr."), a
//! nationality ("Ukrainian"), a place, a month or weekday, an organisation or one of its
//! head words ("Institute"), or a word that is never a person ("Article", "Logan Act").
//! A run right before an organisation word ("the Stimson Center") is an organisation's
//! name, and a possessive ("Trump's adviser") names a possessor, not the speaker.

use std::cell::Cell;
use std::ops::Range;

use crate::article::Article;
use crate::attribution::words::{Words, AFTER_CUE_STOPS, CLAUSE_WORDS};
use crate::lexicon::{Category, Entry, Lexicon};
use crate::scan::{Scan, SentenceCursor, Slot, Token, TokenKind};
use crate::span::Span;

mod cells;
mod runs;

use cells::{
    flags_of, possessive, Tok, CAPITALISED, CLASS_ID, FAR, NUMBER, PUNCT, QUOTED, QUOTE_MARK,
    STOP_MARK, WORD, WORDS_KNOWN,
};

/// The bit of a category in a hit's category mask.
pub(crate) const fn bit(category: Category) -> u64 {
    1 << category as u32
}

/// The article as the attribution rules read it: tokens, the hit covering each token,
/// and whether each token lies inside quotation marks.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    pub(crate) article: &'a Article,
    pub(crate) tokens: &'a [Token],
    pub(crate) scan: &'a Scan,
    /// Per token: its flags, where its covering hit starts, and what is learned of it.
    toks: Vec<Cell<Tok>>,
    pub(crate) lexicon: &'a Lexicon,
    /// The sentences of tokens.
    sentences: SentenceCursor<'a>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(article: &'a Article) -> Ctx<'a> {
        let scan = article.scan();
        let tokens = scan.tokens();
        let text = article.text();
        let mut toks: Vec<Cell<Tok>> = Vec::with_capacity(tokens.len());
        toks.extend(tokens.iter().map(|t| {
            Cell::new(Tok {
                flags: flags_of(text, t),
                back: 0,
                lazy: 0,
            })
        }));
        // The slots as kept: a `Hit`'s span is not needed here.
        for slot in scan.slots() {
            let first = slot.first_token();
            let end = slot.end_token();
            if end == first + 1 {
                // Most hits are one word.
                if let Some(tok) = toks.get_mut(first) {
                    tok.get_mut().back = 1;
                }
                continue;
            }
            // 1, 2, ... up to `FAR`.
            let mut back = 1u8;
            for tok in toks
                .get_mut(first..end.min(tokens.len()))
                .unwrap_or_default()
            {
                tok.get_mut().back = back;
                back = back.saturating_add(1);
            }
        }
        let mut t = 0usize;
        for q in article.quotations() {
            if q.depth != 0 {
                continue;
            }
            t += gallop(&tokens[t..], |token| token.start() < q.inner.start);
            while t < tokens.len() && tokens[t].end() <= q.inner.end {
                toks[t].get_mut().flags |= QUOTED;
                t += 1;
            }
        }
        Ctx {
            text,
            article,
            tokens,
            scan,
            toks,
            lexicon: article.lexicon(),
            sentences: SentenceCursor::new(scan),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text (`""` out of range).
    #[inline]
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span().text(self.text))
    }

    #[inline]
    fn flags(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.get().flags)
    }

    #[inline]
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.flags(i) & WORD != 0
    }

    pub(crate) fn is_number(&self, i: usize) -> bool {
        self.flags(i) & NUMBER != 0
    }

    pub(crate) fn is_punctuation(&self, i: usize) -> bool {
        self.flags(i) & PUNCT != 0
    }

    /// The first character of punctuation token `i`, if it is one.
    fn punct_char(&self, i: usize) -> Option<char> {
        let t = self
            .tokens
            .get(i)
            .filter(|t| t.kind() == TokenKind::Punct)?;
        t.span().text(self.text).chars().next()
    }

    /// True when token `i` is the punctuation mark `c`.
    #[inline]
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if t.kind() != TokenKind::Punct {
            return false;
        }
        let bytes = self.text.as_bytes();
        if c.is_ascii() {
            bytes.get(t.span().start) == Some(&(c as u8))
        } else {
            let mut buf = [0u8; 4];
            let c = c.encode_utf8(&mut buf).as_bytes();
            bytes
                .get(t.span().start..t.span().end)
                .is_some_and(|b| b.starts_with(c))
        }
    }

    #[inline]
    pub(crate) fn is_quote_mark(&self, i: usize) -> bool {
        self.flags(i) & QUOTE_MARK != 0
    }

    /// True for `.`, `!`, `?`, `…` and `;`.
    #[inline]
    pub(crate) fn is_stop(&self, i: usize) -> bool {
        self.flags(i) & STOP_MARK != 0 && !self.honorific_dot(i)
    }

    /// True when token `i` is the dot of an honorific before a name ("Sen.", "Dr."):
    /// it ends no sentence.
    #[inline(never)]
    pub(crate) fn honorific_dot(&self, i: usize) -> bool {
        i > 0
            && self.has(i - 1, Category::Honorific)
            && self
                .scan
                .slot_at(i - 1)
                .is_some_and(|slot| slot.end_token() > i)
    }

    pub(crate) fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct_char(i), Some('—' | '–' | '-'))
    }

    /// The first token of the sentence holding token `i`.
    #[inline]
    pub(crate) fn sentence_first(&self, i: usize) -> usize {
        if i < self.len() {
            self.sentences.tokens(i).start
        } else {
            0
        }
    }

    /// One past the last token of the sentence holding token `i`.
    #[inline]
    pub(crate) fn sentence_end(&self, i: usize) -> usize {
        if i < self.len() {
            self.sentences.tokens(i).end
        } else {
            self.len()
        }
    }

    /// `scan.token_at_or_after(offset)`, searched outwards from token `near` (the
    /// answer's neighbourhood): the same index, in a few steps when it is close.
    pub(crate) fn token_at_or_after_near(&self, offset: usize, near: usize) -> usize {
        let tokens = self.tokens;
        let before = |t: usize| tokens[t].span().end <= offset;
        let near = near.min(tokens.len());
        // The answer lies in `lo..=hi`: every token before `lo` ends by `offset`, and
        // `hi` is the length or a token that does not.
        let (mut lo, mut hi);
        if near < tokens.len() && before(near) {
            lo = near + 1;
            let mut step = 1;
            hi = loop {
                let probe = near + step;
                if probe >= tokens.len() {
                    break tokens.len();
                }
                if !before(probe) {
                    break probe;
                }
                lo = probe + 1;
                step *= 2;
            };
        } else {
            hi = near;
            let mut step = 1;
            lo = loop {
                let Some(probe) = near.checked_sub(step) else {
                    break 0;
                };
                if before(probe) {
                    break probe + 1;
                }
                hi = probe;
                step *= 2;
            };
        }
        lo + tokens[lo..hi].partition_point(|t| t.span().end <= offset)
    }

    /// `scan.token_at_or_after(offset)`, searched from where it is likely to be: as many
    /// tokens after token `known` (which starts at byte `known_at`, at or before
    /// `offset`) as an average token and its space take bytes (about five).
    pub(crate) fn token_at_or_after_from(
        &self,
        offset: usize,
        known: usize,
        known_at: usize,
    ) -> usize {
        let guess = known.saturating_add(offset.saturating_sub(known_at) / 5);
        self.token_at_or_after_near(offset, guess)
    }

    #[inline]
    pub(crate) fn sentence(&self, i: usize) -> u32 {
        if i < self.tokens.len() {
            self.sentences.sentence(i) as u32
        } else {
            u32::MAX
        }
    }

    /// True when token `i` lies inside an outermost quotation (between its marks).
    #[inline]
    pub(crate) fn quoted(&self, i: usize) -> bool {
        self.flags(i) & QUOTED != 0
    }

    /// True when token `i` is a word of one of the classes `words`, ignoring ASCII case.
    #[inline]
    pub(crate) fn lower_is(&self, i: usize, words: Words) -> bool {
        let Some(cell) = self.toks.get(i) else {
            return false;
        };
        let lazy = cell.get().lazy;
        let id = if lazy & WORDS_KNOWN != 0 {
            lazy & CLASS_ID
        } else {
            self.learn_words(i)
        };
        crate::attribution::words::classes_of(id) & words.0 != 0
    }

    /// The word classes' id of token `i`, on first use.
    #[inline(never)]
    fn learn_words(&self, i: usize) -> u16 {
        let id = match self.tokens.get(i) {
            Some(t) if t.kind() == TokenKind::Word => {
                crate::attribution::words::class_id_at(self.text, t.span().start, t.span().len())
            }
            _ => 0,
        };
        let cell = &self.toks[i];
        let mut tok = cell.get();
        tok.lazy |= WORDS_KNOWN | id;
        cell.set(tok);
        id
    }

    #[inline]
    pub(crate) fn capitalised(&self, i: usize) -> bool {
        self.flags(i) & CAPITALISED != 0
    }

    /// The hit covering token `i`.
    #[inline]
    fn hit(&self, i: usize) -> Option<Slot> {
        match self.toks.get(i)?.get().back {
            0 => None,
            FAR => self.far_hit(i),
            back => self.scan.slot_at(i + 1 - back as usize),
        }
    }

    /// The hit covering token `i`, which starts too far back for `Tok::back`.
    #[cold]
    fn far_hit(&self, i: usize) -> Option<Slot> {
        let slots = self.scan.slots();
        let k = slots.partition_point(|slot| slot.first_token() <= i);
        k.checked_sub(1)
            .and_then(|k| slots.get(k).copied())
            .filter(|slot| slot.end_token() > i)
    }

    /// The categories of the hit covering token `i`, one bit each.
    #[inline]
    fn cats(&self, i: usize) -> u64 {
        match self.hit(i) {
            Some(slot) => self.lexicon.categories(slot.pattern()),
            None => 0,
        }
    }

    /// The entries of the hit covering token `i`.
    pub(crate) fn entries(&self, i: usize) -> &'a [Entry] {
        match self.hit(i) {
            Some(slot) => self.lexicon.entries(slot.pattern()),
            None => &[],
        }
    }

    /// The token range of the hit covering token `i`.
    pub(crate) fn hit_range(&self, i: usize) -> Option<Range<usize>> {
        self.hit(i).map(|slot| slot.first_token()..slot.end_token())
    }

    /// The categories of the hits covering any of tokens `range`, one bit each (see
    /// [`bit`]).
    pub(crate) fn cats_in(&self, range: Range<usize>) -> u64 {
        range.fold(0, |cats, i| cats | self.cats(i))
    }

    #[inline]
    pub(crate) fn has(&self, i: usize, category: Category) -> bool {
        self.cats(i) & bit(category) != 0
    }

    /// True when the hit covering token `i` has an entry of any of `categories`.
    #[inline]
    pub(crate) fn has_any(&self, i: usize, categories: &[Category]) -> bool {
        let bits = categories.iter().fold(0u64, |b, &c| b | bit(c));
        self.cats(i) & bits != 0
    }

    pub(crate) fn entry(&self, i: usize, category: Category) -> Option<&'a Entry> {
        if !self.has(i, category) {
            return None;
        }
        self.entries(i).iter().find(|e| e.category == category)
    }

    /// The span from token `first` to the end of token `end - 1`.
    #[inline]
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        match (
            self.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) {
            (Some(a), Some(b)) if range.start < range.end => {
                Span::new(a.span().start, b.span().end)
            }
            _ => Span::default(),
        }
    }

    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span().range()))
            .is_some_and(possessive)
    }

    fn glued(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => x.span().end == y.span().start,
            _ => false,
        }
    }

    /// True when token `i` may belong to a speaker phrase.
    fn phrase_token(&self, i: usize, stops: Words) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        match t.kind() {
            TokenKind::Word => {
                !self.lower_is(i, Words(CLAUSE_WORDS.0 | stops.0))
                    && !self.has(i, Category::SpeechVerb)
            }
            TokenKind::Number => true,
            TokenKind::Punct => {
                let c = self.word(i).chars().next().unwrap_or(' ');
                match c {
                    '-' | '&' => true,
                    // "the Growers' Union": a plural possessive.
                    '\'' | '’' => {
                        i > 0 && self.glued(i - 1, i) && self.word(i - 1).ends_with('s')
                    }
                    // A period inside an abbreviation or initial: "Dr.", "J.", "U.S.".
                    '.' => {
                        i > 0
                            && self.glued(i - 1, i)
                            && (self.hit_range(i).is_some()
                                || self.word(i - 1).chars().count() == 1)
                    }
                    _ => false,
                }
            }
        }
    }

    /// The phrase ending just before token `end`, walking left at most `max` tokens and
    /// never before token `floor`.
    pub(crate) fn phrase_before(&self, end: usize, floor: usize, max: usize) -> Range<usize> {
        let mut start = end;
        while start > floor
            && end - start < max
            && self.sentence(start - 1) == self.sentence(end.saturating_sub(1))
            && self.phrase_token(start - 1, Words::NONE)
        {
            start -= 1;
        }
        // Hits are whole: do not split a title or anonymous phrase in two.
        if let Some(r) = self.hit_range(start) {
            if r.start < start && r.start >= floor {
                start = r.start;
            }
        }
        start..end
    }

    /// The phrase starting at token `start`, walking right at most `max` tokens.
    pub(crate) fn phrase_after(&self, start: usize, max: usize) -> Range<usize> {
        let mut end = start;
        let sentence = self.sentence(start);
        while end < self.len()
            && end - start < max
            && self.sentence(end) == sentence
            && self.phrase_token(end, AFTER_CUE_STOPS)
        {
            end += 1;
        }
        if end > start {
            if let Some(r) = self.hit_range(end - 1) {
                if r.end > end && r.end - start <= max + 4 {
                    end = r.end;
                }
            }
        }
        start..end
    }
}

/// `items.partition_point(pred)` found from the front: steps of 1, 2, 4, ... then halves,
/// so an answer `k` items in costs about `2 log k` tests, not `log n`.
fn gallop<T>(items: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let mut lo = 0;
    let mut step = 1;
    loop {
        let probe = lo + step - 1;
        match items.get(probe) {
            Some(item) if pred(item) => {
                lo = probe + 1;
                step *= 2;
            }
            _ => {
                let hi = probe.min(items.len());
                return lo + items[lo..hi].partition_point(pred);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gallop_matches_partition_point() {
        for n in 0..70 {
            let items: Vec<usize> = (0..n).collect();
            for cut in 0..=n {
                assert_eq!(gallop(&items, |&x| x < cut), cut, "{n} {cut}");
            }
        }
    }

    #[test]
    fn first_capitalised_matches_a_token_walk() {
        let article = Article::new(
            "the cat and the dog saw it, then Ann Lee and bob met Carl at the old mill by the river \
             in june. a b c d e f g h i j K l m n o p q r s t U V w x y z.",
        );
        let ctx = Ctx::new(&article);
        for from in 0..=ctx.len() + 2 {
            for to in from..=ctx.len() + 2 {
                let want = match ctx.toks.get(from..to) {
                    Some(_) => (from..to).find(|&i| ctx.capitalised(i)).unwrap_or(to),
                    None => to,
                };
                assert_eq!(ctx.first_capitalised(from, to), want, "{from} {to}");
            }
        }
    }

    #[test]
    fn token_search_near_any_token_matches_the_scan() {
        let article = Article::new("One two, three. Four five six? Seven.\n\nEight nine ten.");
        let ctx = Ctx::new(&article);
        let text = article.text();
        for offset in 0..=text.len() + 2 {
            for near in 0..=ctx.len() + 1 {
                assert_eq!(
                    ctx.token_at_or_after_near(offset, near),
                    article.scan().token_at_or_after(offset),
                    "{offset} {near}"
                );
            }
        }
    }
}
