//! Person-name runs: capitalised words joined by particles, hyphens and initials, that
//! no lexicon entry claims for something else (see the parent module).

use std::cell::Cell;
use std::ops::Range;

use super::cells::{CAPITALISED, NAME_KNOWN, NAME_WORD};
use super::{bit, Ctx};
use crate::attribution::words::{COUNT_WORDS, PREPOSITIONS, THE};
use crate::lexicon::Category;
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

impl<'a> Ctx<'a> {
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
                i = self.first_capitalised(i, range.end);
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

    /// The first capitalised token in `from..to` (`to` when there is none), four
    /// tokens at a test where none is.
    pub(super) fn first_capitalised(&self, from: usize, to: usize) -> usize {
        let Some(toks) = self.toks.get(from..to) else {
            return to;
        };
        let mut skipped = 0;
        for chunk in toks.chunks_exact(4) {
            let any = chunk[0].get().flags
                | chunk[1].get().flags
                | chunk[2].get().flags
                | chunk[3].get().flags;
            if any & CAPITALISED != 0 {
                break;
            }
            skipped += 4;
        }
        let rest = &toks[skipped..];
        from + skipped
            + rest
                .iter()
                .position(|t| t.get().flags & CAPITALISED != 0)
                .unwrap_or(rest.len())
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
}

/// Acronyms (NATO, EU) are organisations more often than people.
#[inline]
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
