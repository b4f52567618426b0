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
use crate::attribution::words::{
    Words, AFTER_CUE_STOPS, CLAUSE_WORDS, COUNT_WORDS, PREPOSITIONS, THE,
};
use crate::lexicon::{Category, Entry};
use crate::scan::{Hit, Scan, Token, TokenKind};
use crate::span::Span;

/// Categories whose words never belong to a person's name.
const NOT_NAME: &[Category] = &[
    Category::Title,
    Category::Honorific,
    Category::OrgWord,
    Category::Organization,
    Category::NotPerson,
    Category::Month,
    Category::Weekday,
    Category::Nationality,
    Category::Place,
    Category::Pronoun,
    Category::SentenceStarter,
    Category::AnonymousSource,
    Category::Document,
    Category::SpeechVerb,
    Category::AttributionPhrase,
    Category::TimeWord,
    Category::NumberWord,
    Category::Ordinal,
];

/// Category bits of [`NOT_NAME`].
const NOT_NAME_BITS: u64 = {
    let mut bits = 0u64;
    let mut i = 0;
    while i < NOT_NAME.len() {
        bits |= 1 << NOT_NAME[i] as u32;
        i += 1;
    }
    bits
};

/// The bit of a category in a hit's category mask.
pub(crate) const fn bit(category: Category) -> u64 {
    1 << category as u32
}

// Token flags.
const WORD: u8 = 1;
const NUMBER: u8 = 1 << 1;
const PUNCT: u8 = 1 << 2;
/// A word starting with an upper-case letter.
const CAPITALISED: u8 = 1 << 3;
/// `.`, `!`, `?`, `…` or `;` (a stop unless it is an honorific's dot).
const STOP_MARK: u8 = 1 << 4;
/// A quotation mark of any family.
const QUOTE_MARK: u8 = 1 << 5;
/// Inside an outermost quotation (between its marks).
const QUOTED: u8 = 1 << 6;

// What is learned of a token on first use (`Tok::lazy`).
/// The word classes' id (`words::class_id`) is known: the low bits.
const WORDS_KNOWN: u16 = 1 << 12;
/// The bits of the word classes' id.
const CLASS_ID: u16 = WORDS_KNOWN - 1;
/// `NAME_WORD` is known.
const NAME_KNOWN: u16 = 1 << 13;
/// May be a word of a person's name (when `NAME_KNOWN`).
const NAME_WORD: u16 = 1 << 14;

/// `Tok::back` of a token whose covering hit starts too far back to tell in a byte.
const FAR: u8 = u8::MAX;

/// What the rules know of a token, in four bytes.
#[derive(Clone, Copy, Debug, Default)]
struct Tok {
    /// Kind, punctuation and quotation flags.
    flags: u8,
    /// 0 when no hit covers the token; else how many tokens before it the covering hit
    /// starts, plus one (`FAR` when that does not fit).
    back: u8,
    /// Learned on first use: word classes and whether it can be a word of a name.
    lazy: u16,
}

/// Slots of the cache of hit categories by lexicon pattern (a power of two).
const PATTERN_SLOTS: usize = 256;

/// The flags of a punctuation token by its first byte, when ASCII.
static ASCII_PUNCT: [u8; 128] = {
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
fn flags_of(text: &str, t: &Token) -> u8 {
    let lead = text.as_bytes().get(t.span.start).copied().unwrap_or(0);
    if lead.is_ascii() {
        return match t.kind {
            TokenKind::Word if lead.is_ascii_uppercase() => WORD | CAPITALISED,
            TokenKind::Word => WORD,
            TokenKind::Number => NUMBER,
            TokenKind::Punct => ASCII_PUNCT[lead as usize],
        };
    }
    slow_flags_of(text, t, lead)
}

/// `flags_of` a token whose first byte is not ASCII.
fn slow_flags_of(text: &str, t: &Token, lead: u8) -> u8 {
    let first = || {
        if lead.is_ascii() {
            char::from(lead)
        } else {
            t.span.text(text).chars().next().unwrap_or('\0')
        }
    };
    match t.kind {
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
fn possessive(w: &[u8]) -> bool {
    // The last byte of `s`, `'` or `’`.
    matches!(w.last(), Some(b's' | b'\'' | 0x99))
        && (w.ends_with(b"'s")
            || w.ends_with("’s".as_bytes())
            || w.ends_with(b"s'")
            || w.ends_with("s’".as_bytes()))
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
    /// The categories of the hits of recent lexicon patterns (`pattern`, one bit per
    /// category); a slot holds the pattern `u32::MAX` until first use.
    pattern_cats: [Cell<(u32, u64)>; PATTERN_SLOTS],
    /// Per sentence: its first token and (plus one) the token at or after its end, or
    /// `(0, 0)` before first use.
    bounds: Vec<Cell<(u32, u32)>>,
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
        for hit in scan.hits() {
            let first = hit.first_token as usize;
            let end = hit.end_token as usize;
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
            t += tokens[t..].partition_point(|token| token.span.start < q.inner.start);
            while t < tokens.len() && tokens[t].span.end <= q.inner.end {
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
            pattern_cats: std::array::from_fn(|_| Cell::new((u32::MAX, 0))),
            bounds: vec![Cell::new((0, 0)); article.sentences().len()],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text (`""` out of range).
    #[inline]
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.text(self.text))
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
        let t = self.tokens.get(i).filter(|t| t.kind == TokenKind::Punct)?;
        t.span.text(self.text).chars().next()
    }

    /// True when token `i` is the punctuation mark `c`.
    #[inline]
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if t.kind != TokenKind::Punct {
            return false;
        }
        let bytes = self.text.as_bytes();
        if c.is_ascii() {
            bytes.get(t.span.start) == Some(&(c as u8))
        } else {
            let mut buf = [0u8; 4];
            let c = c.encode_utf8(&mut buf).as_bytes();
            bytes
                .get(t.span.start..t.span.end)
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
                .hit_at(i - 1)
                .is_some_and(|h| h.end_token as usize > i)
    }

    pub(crate) fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct_char(i), Some('—' | '–' | '-'))
    }

    /// The first token of the sentence holding token `i`.
    #[inline]
    pub(crate) fn sentence_first(&self, i: usize) -> usize {
        self.bounds_of(self.sentence(i) as usize, i)
            .map_or(0, |(first, _)| first)
    }

    /// One past the last token of the sentence holding token `i`.
    #[inline]
    pub(crate) fn sentence_end(&self, i: usize) -> usize {
        self.bounds_of(self.sentence(i) as usize, i)
            .map_or(self.len(), |(_, end)| end)
    }

    /// `scan.token_at_or_after(offset)`, searched outwards from token `near` (the
    /// answer's neighbourhood): the same index, in a few steps when it is close.
    pub(crate) fn token_at_or_after_near(&self, offset: usize, near: usize) -> usize {
        let tokens = self.tokens;
        let before = |t: usize| tokens[t].span.end <= offset;
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
        lo + tokens[lo..hi].partition_point(|t| t.span.end <= offset)
    }

    /// The first token of sentence `index` and the token at or after its end, found
    /// on first use near token `near`.
    #[inline]
    fn bounds_of(&self, index: usize, near: usize) -> Option<(usize, usize)> {
        let cell = self.bounds.get(index)?;
        let (first, end) = cell.get();
        if end > 0 {
            return Some((first as usize, end as usize - 1));
        }
        Some(self.learn_bounds(index, cell, near))
    }

    /// `bounds_of` sentence `index` on first use.
    #[inline(never)]
    fn learn_bounds(&self, index: usize, cell: &Cell<(u32, u32)>, near: usize) -> (usize, usize) {
        let s = self.article.sentences()[index];
        let first = self.token_at_or_after_near(s.start, near);
        let end = self.token_at_or_after_near(s.end, first);
        cell.set((first as u32, end as u32 + 1));
        (first, end)
    }

    #[inline]
    pub(crate) fn sentence(&self, i: usize) -> u32 {
        self.tokens.get(i).map_or(u32::MAX, |t| t.sentence)
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
            Some(t) if t.kind == TokenKind::Word => {
                crate::attribution::words::class_id_at(self.text, t.span.start, t.span.len())
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
    fn hit(&self, i: usize) -> Option<&'a Hit> {
        match self.toks.get(i)?.get().back {
            0 => None,
            FAR => self.far_hit(i),
            back => self.scan.hit_at(i + 1 - back as usize),
        }
    }

    /// The hit covering token `i`, which starts too far back for `Tok::back`.
    #[cold]
    fn far_hit(&self, i: usize) -> Option<&'a Hit> {
        let hits = self.scan.hits();
        let k = hits.partition_point(|h| h.first_token as usize <= i);
        k.checked_sub(1)
            .map(|k| &hits[k])
            .filter(|h| h.end_token as usize > i)
    }

    /// The categories of the hit covering token `i`, one bit each.
    #[inline]
    fn cats(&self, i: usize) -> u64 {
        match self.hit(i) {
            Some(hit) => self.hit_cats(hit),
            None => 0,
        }
    }

    /// The categories of a hit's entries, one bit each, cached by lexicon pattern.
    #[inline]
    pub(crate) fn hit_cats(&self, hit: &Hit) -> u64 {
        let pattern = hit.pattern;
        let slot = &self.pattern_cats[pattern as usize & (PATTERN_SLOTS - 1)];
        match slot.get() {
            (p, cats) if p == pattern => cats,
            _ => {
                let cats = self
                    .scan
                    .entries(hit)
                    .iter()
                    .fold(0u64, |bits, e| bits | bit(e.category));
                slot.set((pattern, cats));
                cats
            }
        }
    }

    /// The entries of the hit covering token `i`.
    pub(crate) fn entries(&self, i: usize) -> &'a [Entry] {
        match self.hit(i) {
            Some(hit) => self.scan.entries(hit),
            None => &[],
        }
    }

    /// The token range of the hit covering token `i`.
    pub(crate) fn hit_range(&self, i: usize) -> Option<Range<usize>> {
        self.hit(i)
            .map(|hit| hit.first_token as usize..hit.end_token as usize)
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
            (Some(a), Some(b)) if range.start < range.end => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }

    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span.range()))
            .is_some_and(possessive)
    }

    fn glued(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    /// True when token `i` can be a word of a person's name.
    #[inline]
    fn name_word(&self, i: usize) -> bool {
        let Some(tok) = self.toks.get(i).map(Cell::get) else {
            return false;
        };
        if tok.flags & CAPITALISED == 0 {
            return false;
        }
        if tok.lazy & NAME_KNOWN != 0 {
            return tok.lazy & NAME_WORD != 0;
        }
        self.learn_name_word(i)
    }

    /// `name_word` of a capitalised token, on first use.
    #[inline(never)]
    fn learn_name_word(&self, i: usize) -> bool {
        let name = self.cats(i) & NOT_NAME_BITS == 0
            && !is_acronym(self.word(i))
            && !self.lower_is(i, COUNT_WORDS);
        let cell = &self.toks[i];
        let mut tok = cell.get();
        tok.lazy |= NAME_KNOWN | if name { NAME_WORD } else { 0 };
        cell.set(tok);
        name
    }

    /// Person-name runs in `range`, each as a token range, in order. A run ending in a
    /// possessive is flagged.
    pub(crate) fn name_runs(
        &self,
        range: Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
        let mut i = range.start;
        std::iter::from_fn(move || self.next_name_run(&mut i, range.end))
    }

    /// The first person-name run from token `*at` on, ending by token `limit`; moves
    /// `*at` past it.
    pub(crate) fn next_name_run(
        &self,
        at: &mut usize,
        limit: usize,
    ) -> Option<(Range<usize>, bool)> {
        let range = *at..limit;
        let mut i = *at;
        while i < range.end {
            if self.flags(i) & CAPITALISED == 0 {
                // Only capitalised words start a name: skip to the next one.
                let next = self
                    .toks
                    .get(i..range.end)
                    .and_then(|rest| rest.iter().position(|t| t.get().flags & CAPITALISED != 0));
                i = next.map_or(range.end, |k| i + k);
                continue;
            }
            if !self.name_word(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end >= range.end || self.is_possessive(end - 1) {
                    break;
                }
                if (self.name_word(end) || self.surname_title(end)) && !self.is_punct(end - 1, ',')
                {
                    // "Mark Dean", "Ann King": a title word after a first name is a surname.
                    end += 1;
                } else if self.is_punct(end, '.')
                    && self.glued(end - 1, end)
                    && self.word(end - 1).chars().count() == 1
                    && end + 1 < range.end
                    && self.name_word(end + 1)
                {
                    // An initial: "J. K. Rowling".
                    end += 2;
                } else if self.is_punct(end, '-')
                    && self.glued(end - 1, end)
                    && self.glued(end, end + 1)
                    && end + 1 < range.end
                    && self.name_word(end + 1)
                {
                    // "Jean-Claude", "Delacroix-Fenn".
                    end += 2;
                } else if let Some(next) = self.after_particles(end, range.end) {
                    // "van der Berg", "bin Salman", "al-Assad".
                    end = next;
                } else {
                    break;
                }
            }
            i = end;
            if self.is_org_name(start, end) {
                continue;
            }
            let possessive = self.is_possessive(end - 1) || self.is_apostrophe_after(end);
            *at = i;
            return Some((start..end, possessive));
        }
        *at = i;
        None
    }

    /// True when token `i` is a capitalised one-word title that also serves as a surname.
    fn surname_title(&self, i: usize) -> bool {
        self.capitalised(i)
            && self.hit_range(i).is_some_and(|r| r.len() == 1)
            && self.cats(i) & !bit(Category::Title) == 0
            && !self.capitalised(i + 1)
    }

    /// After one to three name particles starting at `at` (with hyphens: "al-"), the
    /// index past the capitalised word that ends them.
    fn after_particles(&self, at: usize, limit: usize) -> Option<usize> {
        let mut j = at;
        let mut particles = 0;
        while j < limit && particles < 3 && self.has(j, Category::NameParticle) && self.is_word(j) {
            j += 1;
            particles += 1;
            if self.is_punct(j, '-') && self.glued(j - 1, j) {
                j += 1;
            }
        }
        (particles > 0 && j < limit && self.name_word(j)).then_some(j + 1)
    }

    /// True when a capitalised run names an organisation or a thing: "the Stimson
    /// Center", "Stimson Center", "Beijing office".
    fn is_org_name(&self, start: usize, end: usize) -> bool {
        let next_is_org = self.capitalised(end)
            && self.has_any(
                end,
                &[
                    Category::OrgWord,
                    Category::NotPerson,
                    Category::Organization,
                ],
            );
        // "the Growers' Union": look past a plural possessive.
        let org_after_apostrophe = self.is_apostrophe_after(end)
            && self.capitalised(end + 1)
            && self.has(end + 1, Category::OrgWord);
        // "the Tessaly foreign ministry", "the Trump administration": a run after "the"
        // qualifies something else.
        let after_the = start > 0 && self.lower_is(start - 1, THE);
        next_is_org || org_after_apostrophe || after_the
    }

    /// True when token `i` is an apostrophe glued to the word before it (`Growers'`).
    fn is_apostrophe_after(&self, i: usize) -> bool {
        i > 0 && (self.is_punct(i, '\'') || self.is_punct(i, '’')) && self.glued(i - 1, i)
    }

    /// True when the token before `i` is a preposition: `a spokesman for Smith`.
    pub(crate) fn after_preposition(&self, i: usize) -> bool {
        i > 0 && self.lower_is(i - 1, PREPOSITIONS)
    }

    /// The person's name text of a run, without a possessive ending.
    pub(crate) fn name_text(&self, run: Range<usize>) -> &'a str {
        self.name_span(run).text(self.text)
    }

    /// The span of `name_text`.
    pub(crate) fn name_span(&self, run: Range<usize>) -> Span {
        let span = self.span(run);
        let text = span.text(self.text);
        for suffix in ["'s", "’s", "'", "’"] {
            if text.ends_with(suffix) {
                return Span::new(span.start, span.end - suffix.len());
            }
        }
        span
    }

    /// True when token `i` may belong to a speaker phrase.
    fn phrase_token(&self, i: usize, stops: Words) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        match t.kind {
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

/// Acronyms (NATO, EU) are organisations more often than people.
fn is_acronym(w: &str) -> bool {
    if w.is_ascii() {
        let b = w.as_bytes();
        return b.len() > 1 && !b.iter().any(u8::is_ascii_lowercase);
    }
    let upper = w
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    upper && w.chars().count() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
