//! Attribution: the one computation behind [`crate::Quotes`] and [`crate::Sources`].
//!
//! One pass over the article's cues (speech verbs and attribution phrases from the
//! lexicon) and its outermost quotations, in text order:
//!
//! - each quotation is classified (direct, partial, or a label such as a title or a
//!   scare-quoted word, which is dropped) and attributed: a cue after it (`"...," she
//!   said`), a dash (`"..." — Jane Doe`), a cue before it (`She said: "..."`), or, with
//!   none, the speaker of the quote just before it in the same or previous paragraph
//!   (split quotes, follow-on quotes, quotes over several paragraphs);
//! - each cue not used by a quotation may report speech without marks: a clause after
//!   it (`said (that) ...`, `told reporters ...`, `According to X, ...`) or before it
//!   (`..., X said.`, `..., according to X.`);
//! - each speaker phrase becomes a source: names are grouped (a bare surname joins the
//!   full name), pronouns join the latest fitting source, other phrases group by their
//!   wording; stated reasons for anonymity join the nearest anonymous source.
//!
//! Every step looks at a bounded window of tokens around a cue or a quotation, and the
//! cues are walked with cursors, so the work is linear in the article.

mod grouping;
mod keys;
mod quoted;
mod reported;
pub(crate) mod words;

use std::cell::RefCell;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::ops::Range;

use crate::article::Article;
use crate::lexicon::Category;
use crate::names::{bit, Ctx};
use crate::quotes::{Quote, QuoteKind};
use crate::sources::{Mention, Source, SourceKind};
use crate::span::Span;
use crate::speakers::{Speaker, Wording};
use words::{AND_BUT, BASE_FORMS, MODALS};

/// Builds [`KeyHasher`]s from the process's seed: the hash of [`keys::Keys`], keyed by
/// short names and wordings, a cheap multiply-rotate hash (the keys are a handful of
/// words) seeded once per process, so the text cannot choose colliding keys in advance.
#[derive(Clone, Copy, Default)]
struct KeyHash;

impl BuildHasher for KeyHash {
    type Hasher = KeyHasher;

    fn build_hasher(&self) -> KeyHasher {
        static SEED: once_cell::sync::Lazy<u64> =
            once_cell::sync::Lazy::new(|| RandomState::new().build_hasher().finish());
        KeyHasher(*SEED)
    }
}

/// The hasher of [`Map`].
struct KeyHasher(u64);

impl KeyHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        // The tail, read without a copy: its last eight bytes (overlapping the chunks)
        // when there are that many, else two overlapping halves or three bytes.
        let n = rest.len();
        let u32_at = |b: &[u8], at: usize| {
            let mut word = [0u8; 4];
            word.copy_from_slice(&b[at..at + 4]);
            u64::from(u32::from_le_bytes(word))
        };
        let word = if n == 0 {
            return;
        } else if bytes.len() >= 8 {
            let mut word = [0u8; 8];
            word.copy_from_slice(&bytes[bytes.len() - 8..]);
            u64::from_le_bytes(word)
        } else if n >= 4 {
            u32_at(rest, 0) | u32_at(rest, n - 4) << 32
        } else {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        };
        self.add(word ^ (n as u64) << 59);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // Mix the high bits down: the table indexes buckets by the low bits.
        let h = self.0;
        h ^ (h >> 29) ^ (h >> 47)
    }
}

/// Quotes and sources of one article, computed together.
#[derive(Clone, Debug, Default)]
pub(crate) struct Attribution {
    pub(crate) quotes: Vec<Quote>,
    pub(crate) sources: Vec<Source>,
}

/// How a cue introduces reported speech (the speech verb's payload).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// A bare clause or a `that` clause: "said".
    Clause,
    /// Only a `that` clause: "noted".
    That,
    /// A listener, then a clause: "told".
    Object,
    /// Quotations only: "asked".
    Direct,
    /// "according to X".
    According,
}

#[derive(Clone, Debug)]
struct Cue {
    tokens: Range<usize>,
    mode: Mode,
    participle: bool,
    /// The source of the cue's speaker, once known (`Builder::cue_source`).
    speaker: Option<Option<usize>>,
    /// Attributes a quotation already, so it reports nothing more.
    used: bool,
}

struct Builder<'c, 'a> {
    ctx: &'c Ctx<'a>,
    cues: Vec<Cue>,
    /// Per cue: the speaker phrase before it (`Ctx::speaker_before(start, 0)`), once
    /// computed; `cue_source` takes it.
    before: RefCell<Vec<Option<Option<Speaker>>>>,
    /// Spans of the stated reasons for anonymity, in text order.
    reasons: Vec<Span>,
    sources: Vec<Acc>,
    /// Every mention of every source (source index, span), in the order noted.
    mentions: Vec<(usize, Span)>,
    /// Reused buffer for the name runs of a sentence (`grouping::resolve`).
    runs_buf: Vec<(Range<usize>, bool)>,
    /// Named sources by lower-case name (and surname keys), other sources by kind and
    /// lower-case wording, and the first full name of each surname: see
    /// `grouping::{NAME, SURNAME, ROLE, FULL_NAME}`.
    keys: keys::Keys,
    quotes: Vec<Raw>,
    /// The latest attributed speaker and its paragraph.
    last: Option<(usize, usize)>,
    /// Recent people (named or singular roles), latest last: who "he" or "she" may be.
    recent_people: Recent,
    last_group: Option<usize>,
    last_org: Option<usize>,
    /// End byte of the latest indirect quote: a cue inside it reports nothing new.
    covered_until: usize,
    /// Every full name outside quotations indexed so far, in text order (the first of
    /// each surname is keyed in `keys`).
    full_runs: Vec<Range<usize>>,
    /// The token where indexing full names goes on (`index_full_names`).
    full_at: usize,
    /// Quotes of a quotation running over several paragraphs whose speaker no cue has
    /// named yet: a cue on a later paragraph of the same quotation names it.
    chain: Vec<usize>,
}

/// What "he" and "she" tell about a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

struct Acc {
    name: Option<Span>,
    description: Option<Wording>,
    kind: SourceKind,
    /// The latest mention noted (`Builder::add_mention`).
    last_mention: Option<Span>,
    reason: Option<Span>,
    gender: Option<Gender>,
}

struct Raw {
    span: Span,
    kind: QuoteKind,
    source: Option<usize>,
    cue: Option<Span>,
    paragraph: usize,
}

/// The latest few people mentioned, latest last, without allocating.
#[derive(Clone, Copy, Debug, Default)]
struct Recent {
    people: [usize; Recent::MAX],
    len: usize,
}

impl Recent {
    const MAX: usize = 8;

    /// Notes `index` as the latest, forgetting the oldest beyond `MAX`.
    fn note(&mut self, index: usize) {
        let mut kept = 0;
        for k in 0..self.len {
            if self.people[k] != index {
                self.people[kept] = self.people[k];
                kept += 1;
            }
        }
        if kept == Recent::MAX {
            self.people.copy_within(1.., 0);
            kept -= 1;
        }
        self.people[kept] = index;
        self.len = kept + 1;
    }

    /// Latest first.
    fn latest_first(&self) -> impl Iterator<Item = usize> + '_ {
        self.people[..self.len].iter().rev().copied()
    }
}

/// Finds the quotes and sources of an article.
pub(crate) fn attribute(article: &Article) -> Attribution {
    let ctx = Ctx::new(article);
    let (cues, reasons) = collect_cues(&ctx);
    let mut builder = Builder {
        ctx: &ctx,
        before: RefCell::new(vec![None; cues.len()]),
        quotes: Vec::with_capacity(cues.len() + ctx.article.quotations().len()),
        cues,
        reasons,
        sources: Vec::with_capacity(16),
        keys: keys::Keys::default(),
        last: None,
        recent_people: Recent::default(),
        last_group: None,
        last_org: None,
        covered_until: 0,
        full_runs: Vec::with_capacity(16),
        full_at: 0,
        mentions: Vec::with_capacity(32),
        runs_buf: Vec::new(),
        chain: Vec::new(),
    };
    builder.run();
    builder.finish()
}

/// The cues of an article (outside quotations), and the spans of its stated reasons
/// for anonymity (anywhere), in text order.
fn collect_cues(ctx: &Ctx<'_>) -> (Vec<Cue>, Vec<Span>) {
    // Some hits in twenty are cues: one allocation for most texts.
    let mut cues = Vec::with_capacity(ctx.scan.hits().len() / 8 + 4);
    let mut reasons = Vec::new();
    const WANTED: u64 = bit(Category::AnonymityReason)
        | bit(Category::SpeechVerb)
        | bit(Category::AttributionPhrase);
    // Most hits are neither cues nor reasons: one test of their categories.
    for (_, hit) in ctx.scan.hits_in(WANTED) {
        let cats = ctx.lexicon.categories(hit.pattern);
        let first = hit.first_token as usize;
        let entries = ctx.scan.entries(&hit);
        if cats & bit(Category::AnonymityReason) != 0 {
            reasons.push(hit.span);
        }
        if ctx.quoted(first) {
            continue;
        }
        for entry in entries {
            let mode = match entry.category {
                Category::SpeechVerb => {
                    if ctx.not_a_cue(first) {
                        continue;
                    }
                    match second_word(&entry.payload) {
                        Some("that") => Mode::That,
                        Some("object") => Mode::Object,
                        Some("direct") => Mode::Direct,
                        _ => Mode::Clause,
                    }
                }
                Category::AttributionPhrase if &*entry.payload == "according" => Mode::According,
                _ => continue,
            };
            // "would say a word": after a modal, the base form reports only a clause
            // introduced by "that".
            let mode = if mode == Mode::Clause
                && first > 0
                && ctx.lower_is(first - 1, MODALS)
                && ctx.lower_is(first, BASE_FORMS)
            {
                Mode::That
            } else {
                mode
            };
            cues.push(Cue {
                tokens: first..hit.end_token as usize,
                mode,
                participle: ends_with_ignore_case(ctx.word(first), "ing"),
                speaker: None,
                used: false,
            });
            break;
        }
    }
    (cues, reasons)
}

/// The second word of a payload: `payload.split_whitespace().nth(1)`, without the
/// iterator machinery when the payload is ASCII.
fn second_word(payload: &str) -> Option<&str> {
    if !payload.is_ascii() {
        return payload.split_whitespace().nth(1);
    }
    // ASCII white space as `char::is_whitespace` sees it (with the vertical tab).
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let bytes = payload.as_bytes();
    let skip = |from: usize, white: bool| {
        from + bytes[from..]
            .iter()
            .position(|b| space(b) != white)
            .unwrap_or(bytes.len() - from)
    };
    let first_end = skip(skip(0, true), false);
    let start = skip(first_end, true);
    let end = skip(start, false);
    payload.get(start..end).filter(|w| !w.is_empty())
}

/// True when `word` ends with `suffix` (lower-case ASCII), ignoring ASCII case.
fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    let (w, s) = (word.as_bytes(), suffix.as_bytes());
    w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s)
}

impl Builder<'_, '_> {
    fn run(&mut self) {
        let ctx = self.ctx;
        let mut next_cue = 0usize;
        // The previous quotation's opening mark: where to search for the next one's.
        let (mut last_open, mut last_open_at) = (0usize, 0usize);
        for q in ctx.article.quotations().iter().filter(|q| q.depth == 0) {
            let open = ctx.token_at_or_after_from(q.open.start, last_open, last_open_at);
            last_open = open;
            last_open_at = q.open.start;
            while next_cue < self.cues.len() && self.cues[next_cue].tokens.start < open {
                self.visit_cue(next_cue);
                self.note_speaker(next_cue);
                next_cue += 1;
            }
            self.visit_quotation(q, open);
        }
        while next_cue < self.cues.len() {
            self.visit_cue(next_cue);
            self.note_speaker(next_cue);
            next_cue += 1;
        }
        self.attach_reasons();
    }

    /// Every attribution names a source, even one that reports no quote here
    /// ("Court filings show ...", a cue inside another report).
    fn note_speaker(&mut self, c: usize) {
        let cue = &self.cues[c];
        if cue.speaker.is_some() || cue.mode == Mode::Direct || cue.participle {
            return;
        }
        let named = self.with_before(c, |s| {
            s.is_some_and(|s| {
                s.pronoun.is_none() && (s.name.is_some() || self.ctx.has_head(s.range.clone()))
            })
        });
        if named {
            self.cue_source(c);
        }
    }

    /// The source of cue `c`'s speaker, registered on first use.
    fn cue_source(&mut self, c: usize) -> Option<usize> {
        if let Some(known) = self.cues[c].speaker {
            return known;
        }
        let ctx = self.ctx;
        let cue = self.cues[c].clone();
        let speaker = if cue.mode == Mode::According {
            self.according_end(c)
                .and_then(|end| ctx.classify(cue.tokens.end..end))
                .filter(|s| s.pronoun.is_none())
        } else {
            let before = self.take_before(c);
            let prev_is_edge = cue.tokens.start == ctx.sentence_first(cue.tokens.start)
                || ctx.is_punct(cue.tokens.start - 1, ',')
                || ctx.is_quote_mark(cue.tokens.start - 1);
            before.or_else(|| {
                if prev_is_edge && !cue.participle {
                    ctx.speaker_after(cue.tokens.end, false)
                } else {
                    None
                }
            })
        };
        // "described the fire as ... and said ...": the verbs share their subject.
        let shared =
            cue.participle || cue.tokens.start > 0 && ctx.lower_is(cue.tokens.start - 1, AND_BUT);
        let source = match speaker {
            Some(s) => self.register(&s),
            None if shared => {
                // "..., adding that": the speaker of the sentence's earlier cue.
                let sentence = ctx.sentence(cue.tokens.start);
                let mut earlier = 0;
                while earlier < 4.min(c)
                    && ctx.sentence(self.cues[c - 1 - earlier].tokens.start) == sentence
                {
                    earlier += 1;
                }
                (c - earlier..c).rev().find_map(|k| {
                    if self.cues[k].participle {
                        self.cues[k].speaker.flatten()
                    } else {
                        self.cue_source(k)
                    }
                })
            }
            None => None,
        };
        let source = match source {
            None if cue.participle => {
                // "A spokeswoman declined to comment, saying ...": the sentence's subject.
                let first = ctx.sentence_first(cue.tokens.start);
                let mut subject = ctx.phrase_after(first, 8);
                if let Some(verb) = subject.clone().skip(1).find(|&i| {
                    let w = ctx.word(i);
                    ctx.is_word(i) && !ctx.capitalised(i) && w.len() > 3 && w.ends_with("ed")
                }) {
                    subject.end = verb;
                }
                match ctx.classify(subject).filter(|s| s.pronoun.is_none()) {
                    Some(s) => self.register(&s),
                    None => None,
                }
            }
            other => other,
        };
        self.cues[c].speaker = Some(source);
        source
    }

    /// Calls `f` with the speaker phrase before cue `c` (see `Ctx::speaker_before`).
    fn with_before<R>(&self, c: usize, f: impl FnOnce(Option<&Speaker>) -> R) -> R {
        let mut cache = self.before.borrow_mut();
        let slot =
            cache[c].get_or_insert_with(|| self.ctx.speaker_before(self.cues[c].tokens.start, 0));
        f(slot.as_ref())
    }

    /// The speaker phrase before cue `c`, taken out of the cache.
    fn take_before(&self, c: usize) -> Option<Speaker> {
        match self.before.borrow_mut()[c].take() {
            Some(known) => known,
            None => self.ctx.speaker_before(self.cues[c].tokens.start, 0),
        }
    }

    fn push_quote(
        &mut self,
        span: Span,
        kind: QuoteKind,
        source: Option<usize>,
        cue: Option<Span>,
    ) {
        let paragraph = self.ctx.article.paragraph_at(span.start);
        if let Some(s) = source {
            self.last = Some((s, paragraph));
        }
        self.quotes.push(Raw {
            span,
            kind,
            source,
            cue,
            paragraph,
        });
    }

    fn cue_span(&self, c: usize) -> Span {
        self.ctx.span(self.cues[c].tokens.clone())
    }

    /// Index of the first cue starting at or after token `t`.
    fn cue_at_or_after(&self, t: usize) -> usize {
        self.cues.partition_point(|c| c.tokens.start < t)
    }

    fn finish(self) -> Attribution {
        let ctx = self.ctx;
        let text = ctx.text;
        let mut raws = self.quotes;
        raws.sort_by_key(|r| (r.span.start, r.span.end));
        let mut accs = self.sources;
        // Each source's mentions in text order, once each.
        let mut mentions = self.mentions;
        mentions.sort_unstable();
        mentions.dedup();
        let mentions_of = |i: usize| {
            let from = mentions.partition_point(|&(s, _)| s < i);
            let to = from + mentions[from..].partition_point(|&(s, _)| s == i);
            &mentions[from..to]
        };
        // Sources in order of first mention (`order`, by `first`: where each source's
        // first mention starts), each source's new index (`new_index`) and its quotes,
        // counted to size its list once (`counts`): four tables in one allocation.
        let n = accs.len();
        let mut table = vec![0usize; 4 * n];
        let (order, rest) = table.split_at_mut(n);
        let (new_index, rest) = rest.split_at_mut(n);
        let (counts, first) = rest.split_at_mut(n);
        for (i, slot) in order.iter_mut().enumerate() {
            *slot = i;
        }
        first.fill(usize::MAX);
        // The mentions are sorted by source, then span: a source's first is its least.
        for &(s, span) in mentions.iter().rev() {
            if let Some(f) = first.get_mut(s) {
                *f = span.start;
            }
        }
        order.sort_by_key(|&i| first[i]);
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        for raw in &raws {
            if let Some(s) = raw.source {
                counts[new_index[s]] += 1;
            }
        }
        let mut sources: Vec<Source> = order
            .iter()
            .zip(counts.iter().copied())
            .map(|(&old, count)| {
                let acc = &mut accs[old];
                Source {
                    name: acc.name.map(|n| n.text(text).into()),
                    description: acc.description.take().map(|d| d.into_boxed(text)),
                    kind: acc.kind,
                    mentions: mentions_of(old)
                        .iter()
                        .map(|&(_, span)| Mention {
                            span,
                            text: span.text(text).to_string(),
                        })
                        .collect(),
                    quotes: Vec::with_capacity(count),
                    anonymity_reason: acc.reason.map(|r| r.text(text).into()),
                }
            })
            .collect();
        let quotes = raws
            .into_iter()
            .enumerate()
            .map(|(i, raw)| {
                let source = raw.source.map(|s| new_index[s]);
                let speaker = source.and_then(|s| sources.get_mut(s)).and_then(|s| {
                    s.quotes.push(i);
                    s.name
                        .clone()
                        .or_else(|| s.description.clone())
                        .or_else(|| s.mentions.first().map(|m| m.text.as_str().into()))
                });
                Quote {
                    span: raw.span,
                    text: raw.span.text(text).to_string(),
                    kind: raw.kind,
                    speaker,
                    source,
                    cue: raw.cue.map(|c| c.text(text).into()),
                    cue_span: raw.cue,
                    paragraph: raw.paragraph,
                }
            })
            .collect();
        Attribution { quotes, sources }
    }
}

#[cfg(test)]
mod tests {
    use super::second_word;

    #[test]
    fn second_word_matches_split_whitespace() {
        for payload in [
            "",
            "say",
            "say that",
            "  tell \t object ",
            "a\x0bb c",
            "ask direct extra",
            "one  ",
            " two\r\nwords",
            "naïve café au",
            "x\u{a0}y z",
        ] {
            assert_eq!(
                second_word(payload),
                payload.split_whitespace().nth(1),
                "{payload:?}"
            );
        }
    }
}
