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

use std::collections::HashMap;
use std::ops::Range;

use crate::article::Article;
use crate::lexicon::Category;
use crate::marks::Quotation;
use crate::names::Ctx;
use crate::quotes::{Quote, QuoteKind};
use crate::sources::{Mention, Source, SourceKind};
use crate::span::Span;
use crate::speakers::Speaker;

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
}

/// Words before a quotation that make it a title or a name, not speech: `the film
/// "..."`, `a podcast titled "..."`.
const TITLE_WORDS: &[&str] = &[
    "titled",
    "entitled",
    "nicknamed",
    "so-called",
    "song",
    "film",
    "book",
    "album",
    "movie",
    "show",
    "series",
    "hashtag",
    "novel",
    "play",
    "poem",
    "opera",
    "programme",
    "program",
    "podcast",
    "documentary",
    "headline",
    "exhibition",
];

/// Words before a quotation that make it a label when it is short or in title case:
/// `a group called "Save the Park"`, `the term "woke"`; but `called the plan "a
/// dangerous gamble for the country"` is speech.
const LABEL_WORDS: &[&str] = &[
    "called", "dubbed", "named", "as", "term", "word", "words", "phrase", "slogan", "label",
    "brand", "motto", "known",
];

/// Adverbs that may follow a cue: `said again that`.
const ADVERBS: &[&str] = &[
    "also",
    "again",
    "later",
    "then",
    "previously",
    "separately",
    "today",
    "yesterday",
];

/// Prepositions that open a short phrase after a sentence-final cue.
const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "from",
    "via",
    "with",
    "through",
    "to",
    "for",
    "outside",
    "inside",
    "ahead",
    "following",
    "late",
    "early",
];

/// Modal verbs.
const MODALS: &[&str] = &[
    "would", "will", "could", "can", "might", "may", "should", "must", "shall", "to",
];

/// Words that cannot start a reported clause after a cue.
const NOT_CLAUSE_START: &[&str] = &[
    "to",
    "of",
    "about",
    "for",
    "with",
    "by",
    "from",
    "on",
    "in",
    "at",
    "into",
    "so",
    "yes",
    "no",
    "nothing",
    "something",
    "anything",
    "goodbye",
    "hello",
    "thanks",
    "sorry",
    "as",
    "after",
    "before",
    "during",
    "while",
    "when",
    "through",
    "via",
    "up",
    "out",
    "over",
];

/// Small words that may stay lowercase in a title: "Gone with the Wind".
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
];

struct Builder<'c, 'a> {
    ctx: &'c Ctx<'a>,
    cues: Vec<Cue>,
    cue_speaker: Vec<Option<Option<usize>>>,
    /// Per cue: attributes a quotation already, so it reports nothing more.
    used: Vec<bool>,
    sources: Vec<Acc>,
    by_key: HashMap<String, usize>,
    by_surname: HashMap<String, usize>,
    quotes: Vec<Raw>,
    /// The latest attributed speaker and its paragraph.
    last: Option<(usize, usize)>,
    last_person: Option<usize>,
    last_group: Option<usize>,
    last_org: Option<usize>,
    /// End byte of the latest indirect quote: a cue inside it reports nothing new.
    covered_until: usize,
    /// Surname -> first full name in the text, built on first use.
    full_names: Option<HashMap<String, Range<usize>>>,
}

struct Acc {
    name: Option<String>,
    description: Option<String>,
    kind: SourceKind,
    mentions: Vec<Span>,
    reason: Option<Span>,
}

struct Raw {
    span: Span,
    kind: QuoteKind,
    source: Option<usize>,
    cue: Option<Span>,
    paragraph: usize,
}

/// Finds the quotes and sources of an article.
pub(crate) fn attribute(article: &Article) -> Attribution {
    let ctx = Ctx::new(article);
    let cues = collect_cues(&ctx);
    let mut builder = Builder {
        ctx: &ctx,
        cue_speaker: vec![None; cues.len()],
        used: vec![false; cues.len()],
        cues,
        sources: Vec::new(),
        by_key: HashMap::new(),
        by_surname: HashMap::new(),
        quotes: Vec::new(),
        last: None,
        last_person: None,
        last_group: None,
        last_org: None,
        covered_until: 0,
        full_names: None,
    };
    builder.run();
    builder.finish()
}

fn collect_cues(ctx: &Ctx<'_>) -> Vec<Cue> {
    let mut cues = Vec::new();
    for hit in ctx.scan.hits() {
        let first = hit.first_token as usize;
        if ctx.quotation_of(first).is_some() {
            continue;
        }
        for entry in ctx.scan.entries(hit) {
            let mode = match entry.category {
                Category::SpeechVerb => {
                    if ctx.not_a_cue(first) {
                        continue;
                    }
                    match entry.payload.split_whitespace().nth(1) {
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
                && ctx.lower_is(first, &["say", "tell", "add", "write", "argue", "claim"])
            {
                Mode::That
            } else {
                mode
            };
            cues.push(Cue {
                tokens: first..hit.end_token as usize,
                mode,
                participle: ctx.word(first).to_ascii_lowercase().ends_with("ing"),
            });
            break;
        }
    }
    cues
}

impl Builder<'_, '_> {
    fn run(&mut self) {
        let ctx = self.ctx;
        let quotations: Vec<(usize, &Quotation)> = ctx
            .article
            .quotations()
            .iter()
            .enumerate()
            .filter(|(_, q)| q.depth == 0)
            .collect();
        let mut next_cue = 0usize;
        for &(_, q) in &quotations {
            let open = ctx.scan.token_at_or_after(q.open.start);
            while next_cue < self.cues.len() && self.cues[next_cue].tokens.start < open {
                self.visit_cue(next_cue);
                next_cue += 1;
            }
            self.visit_quotation(q, open);
        }
        while next_cue < self.cues.len() {
            self.visit_cue(next_cue);
            next_cue += 1;
        }
        self.attach_reasons();
    }

    /// The source of cue `c`'s speaker, registered on first use.
    fn cue_source(&mut self, c: usize) -> Option<usize> {
        if let Some(known) = self.cue_speaker[c] {
            return known;
        }
        let ctx = self.ctx;
        let cue = self.cues[c].clone();
        let speaker = if cue.mode == Mode::According {
            self.according_end(c)
                .and_then(|end| ctx.classify(cue.tokens.end..end))
                .filter(|s| s.pronoun.is_none())
        } else {
            let before = ctx.speaker_before(cue.tokens.start, 0);
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
        let shared = cue.participle
            || cue.tokens.start > 0 && ctx.lower_is(cue.tokens.start - 1, &["and", "but"]);
        let source = match speaker {
            Some(s) => self.register(&s),
            None if shared => {
                // "..., adding that": the speaker of the sentence's earlier cue.
                let sentence = ctx.sentence(cue.tokens.start);
                let earlier: Vec<usize> = (0..c)
                    .rev()
                    .take(4)
                    .take_while(|&k| ctx.sentence(self.cues[k].tokens.start) == sentence)
                    .collect();
                earlier.into_iter().find_map(|k| {
                    if self.cues[k].participle {
                        self.cue_speaker[k].flatten()
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
        self.cue_speaker[c] = Some(source);
        source
    }

    fn register(&mut self, speaker: &Speaker) -> Option<usize> {
        let ctx = self.ctx;
        let mention = ctx.span(speaker.range.clone());
        let index = if let Some(pronoun) = &speaker.pronoun {
            self.resolve(pronoun, speaker.range.start)?
        } else if let Some(run) = &speaker.name {
            let name = ctx.name_text(run.clone());
            let key = name.to_lowercase();
            let surname = name.split_whitespace().last().unwrap_or("").to_lowercase();
            let single = !name.contains(' ');
            let found = self
                .by_key
                .get(&key)
                .copied()
                .or_else(|| self.by_surname.get(&surname).copied().filter(|_| single))
                .or_else(|| self.by_key.get(&surname).copied());
            let index = match found {
                Some(i) => {
                    if !single
                        && self.sources[i]
                            .name
                            .as_ref()
                            .is_some_and(|n| !n.contains(' '))
                    {
                        self.sources[i].name = Some(name.clone());
                        self.by_key.insert(key, i);
                    }
                    i
                }
                None => {
                    // A bare surname takes the full name used earlier in the text.
                    let earlier = if single {
                        self.full_name_before(&surname, run.start)
                    } else {
                        None
                    };
                    let full = earlier
                        .as_ref()
                        .map_or(name.clone(), |r| ctx.name_text(r.clone()));
                    let i = self.new_source(Some(full.clone()), SourceKind::Named);
                    if let Some(r) = earlier {
                        self.sources[i].mentions.push(ctx.span(r));
                    }
                    self.by_key.insert(full.to_lowercase(), i);
                    self.by_key.insert(key, i);
                    self.by_surname.entry(surname).or_insert(i);
                    i
                }
            };
            if self.sources[index].description.is_none() {
                self.sources[index].description = speaker.description.clone();
            }
            index
        } else {
            let description = speaker.description.clone().unwrap_or_default();
            let lower = description.to_lowercase();
            let stem = ["a ", "an ", "the "]
                .iter()
                .find_map(|d| lower.strip_prefix(d))
                .unwrap_or(&lower);
            let key = format!("{:?}:{stem}", speaker.kind);
            match self.by_key.get(&key) {
                Some(&i) => i,
                None => {
                    let i = self.new_source(None, speaker.kind);
                    self.sources[i].description = speaker.description.clone();
                    self.by_key.insert(key, i);
                    i
                }
            }
        };
        let source = &mut self.sources[index];
        if speaker.kind == SourceKind::Anonymous && speaker.pronoun.is_none() {
            source.kind = SourceKind::Anonymous;
        }
        if source.mentions.last() != Some(&mention) && !mention.is_empty() {
            source.mentions.push(mention);
        }
        if let Some(reason) = &speaker.reason {
            source.reason.get_or_insert(ctx.span(reason.clone()));
        }
        match source.kind {
            SourceKind::Named => self.last_person = Some(index),
            SourceKind::Unnamed | SourceKind::Anonymous => {
                self.last_group = Some(index);
                // "a senior engineer", "the mayor" may be "he" or "she"; "officials",
                // "the skippers" may not.
                let singular = source.description.as_deref().is_some_and(|d| {
                    let d = d.to_ascii_lowercase();
                    let head = d.split(|c: char| !c.is_alphanumeric()).nth(1).unwrap_or("");
                    ["a ", "an ", "one "].iter().any(|p| d.starts_with(p))
                        || d.starts_with("the ") && !head.ends_with('s')
                });
                if singular {
                    self.last_person = Some(index);
                }
            }
            SourceKind::Organization | SourceKind::Document => self.last_org = Some(index),
        }
        Some(index)
    }

    /// The first multi-word name ending in `surname` before token `before`, outside
    /// quotations. The index of full names is built once, on first use.
    fn full_name_before(&mut self, surname: &str, before: usize) -> Option<Range<usize>> {
        let ctx = self.ctx;
        let index = self.full_names.get_or_insert_with(|| {
            let mut index: HashMap<String, Range<usize>> = HashMap::new();
            for (run, possessive) in ctx.name_runs(0..ctx.len()) {
                if run.len() < 2 || ctx.quotation_of(run.start).is_some() {
                    continue;
                }
                let name = ctx.name_text(run.clone());
                if possessive || !name.contains(' ') {
                    continue;
                }
                let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
                index.entry(last).or_insert(run);
            }
            index
        });
        index.get(surname).filter(|r| r.end <= before).cloned()
    }

    fn new_source(&mut self, name: Option<String>, kind: SourceKind) -> usize {
        self.sources.push(Acc {
            name,
            description: None,
            kind,
            mentions: Vec::new(),
            reason: None,
        });
        self.sources.len() - 1
    }

    /// The source a pronoun at token `at` refers to.
    fn resolve(&mut self, pronoun: &str, at: usize) -> Option<usize> {
        let ctx = self.ctx;
        match pronoun {
            "he" | "she" | "i" => {
                // A person named earlier in the same sentence, outside quotations.
                let first = ctx.sentence_first(at);
                let first = first.max(at.saturating_sub(60));
                let run = ctx.name_runs(first..at).into_iter().find(|(run, _)| {
                    ctx.quotation_of(run.start).is_none()
                        && (run.len() > 1
                            || run.start > first
                            || self
                                .by_surname
                                .contains_key(&ctx.name_text(run.clone()).to_lowercase()))
                });
                // Else the subject of the sentence before, a known speaker first.
                let run = run.or_else(|| {
                    let previous = ctx.sentence_first(first.checked_sub(1)?);
                    let previous = previous.max(first.saturating_sub(60));
                    let runs: Vec<_> = ctx
                        .name_runs(previous..first)
                        .into_iter()
                        .filter(|(run, possessive)| {
                            !possessive
                                && ctx.quotation_of(run.start).is_none()
                                && !ctx.after_preposition(run.start)
                        })
                        .collect();
                    let is_known = |run: &Range<usize>| {
                        let name = ctx.name_text(run.clone()).to_lowercase();
                        self.by_key.contains_key(&name) || self.by_surname.contains_key(&name)
                    };
                    let known = runs.iter().find(|(run, _)| is_known(run));
                    known
                        .or_else(|| {
                            // The subject: a name after nothing but titles and the like.
                            runs.first().filter(|(run, _)| {
                                (previous..run.start).all(|i| {
                                    ctx.capitalised(i)
                                        || ctx.is_punct(i, '-')
                                        || ctx.is_punct(i, '.')
                                        || ctx.lower_is(i, crate::names::DETERMINERS)
                                        || ctx.has(i, Category::Title)
                                })
                            })
                        })
                        .cloned()
                });
                if let Some((run, _)) = run {
                    let speaker = Speaker {
                        range: run.clone(),
                        name: Some(run),
                        description: None,
                        kind: SourceKind::Named,
                        pronoun: None,
                        reason: None,
                    };
                    return self.register(&speaker);
                }
                self.last_person
            }
            "they" => self.last_group.or(self.last.map(|(s, _)| s)),
            "it" => self.last_org,
            _ => self.last.map(|(s, _)| s),
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

    fn visit_quotation(&mut self, q: &Quotation, open: usize) {
        let ctx = self.ctx;
        let Some(kind) = self.quote_kind(q, open) else {
            return;
        };
        let close = q.close.map(|m| ctx.scan.token_at_or_after(m.start));
        let paragraph = q.paragraph as usize;
        let mut found: Option<(Option<usize>, Option<Span>)> = None;
        if let Some(close) = close {
            if let Some(c) = self.cue_after_quote(q, close) {
                let source = self.cue_source(c);
                if source.is_some() {
                    self.used[c] = true;
                    found = Some((source, Some(self.cue_span(c))));
                }
            } else if ctx.is_dash(close + 1) && ctx.quotation_of(close + 2).is_none() {
                if let Some(s) = ctx.speaker_after(close + 2, false) {
                    if s.pronoun.is_none() {
                        let source = self.register(&s);
                        found = Some((source, Some(ctx.span(close + 1..close + 2))));
                    }
                }
            }
        }
        if found.is_none() {
            if let Some(c) = self.cue_before_quote(open, kind) {
                let source = self.cue_source(c);
                if source.is_some() {
                    self.used[c] = true;
                    found = Some((source, Some(self.cue_span(c))));
                }
            }
        }
        if found.is_none() && kind == QuoteKind::Direct && open > 0 && ctx.is_punct(open - 1, ':') {
            // `She told reporters:` ending the paragraph before the quotation.
            let c = self.cue_at_or_after(open).checked_sub(1);
            if let Some(c) = c.filter(|&c| open - self.cues[c].tokens.end <= 14) {
                if (self.cues[c].tokens.end..open - 1)
                    .all(|i| !ctx.is_stop(i) && !ctx.is_quote_mark(i))
                {
                    let source = self.cue_source(c);
                    if source.is_some() {
                        self.used[c] = true;
                        found = Some((source, Some(self.cue_span(c))));
                    }
                }
            }
        }
        if found.is_none() && kind == QuoteKind::Direct && open > 0 && ctx.is_punct(open - 1, ':') {
            // "From the chairwoman: "..."" / "Ruiz: "...""
            let range = ctx.phrase_before(open - 1, ctx.sentence_first(open - 1), 8);
            // "told parents:" names the listener, not the speaker.
            let listener = range.start > 0 && ctx.has(range.start - 1, Category::SpeechVerb);
            let headed = range.clone().any(|i| {
                [
                    Category::Title,
                    Category::AnonymousSource,
                    Category::Organization,
                    Category::OrgWord,
                ]
                .iter()
                .any(|&c| ctx.has(i, c))
            });
            if let Some(s) = ctx.classify(range).filter(|s| {
                !listener
                    && s.pronoun.is_none()
                    && s.kind != SourceKind::Document
                    && (s.name.is_some() || headed)
            }) {
                let source = self.register(&s);
                found = Some((source, None));
            }
        }
        if found.is_none() && kind == QuoteKind::Direct {
            // A follow-on quote: the previous speaker goes on.
            if let Some((source, p)) = self.last {
                if p + 1 >= paragraph {
                    found = Some((Some(source), None));
                }
            }
        }
        let (source, cue) = found.unwrap_or((None, None));
        self.push_quote(q.inner, kind, source, cue);
    }

    /// Direct, partial, or `None` for a label (a title, a scare-quoted word).
    fn quote_kind(&self, q: &Quotation, open: usize) -> Option<QuoteKind> {
        let ctx = self.ctx;
        let inner = q.inner.text(ctx.text);
        let first = ctx.scan.token_at_or_after(q.inner.start);
        let end = ctx.scan.token_at_or_after(q.inner.end);
        let words = (first..end.min(first + 12))
            .filter(|&i| {
                !ctx.is_punct(i, ',') && ctx.tokens[i].kind != crate::scan::TokenKind::Punct
            })
            .count();
        let last_char = inner
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .chars()
            .last()
            .unwrap_or(' ');
        let terminal = matches!(last_char, '.' | '!' | '?' | '…');
        let paragraph_start = open == 0
            || ctx.tokens[open - 1].span.end
                <= ctx.article.paragraphs()[q.paragraph as usize].start;
        let prev = open.checked_sub(1).filter(|_| !paragraph_start);
        let boundary = match prev {
            None => true,
            Some(p) => {
                ctx.is_punct(p, ':')
                    || ctx.is_stop(p)
                    || ctx.is_quote_mark(p)
                    || ctx.is_dash(p)
                    || ctx.is_punct(p, '(')
                    || ctx.is_punct(p, '[')
            }
        };
        if words <= 1 && !terminal && !matches!(last_char, ',' | '!' | '?') {
            return None;
        }
        let title_case = !terminal
            && !last_char.eq(&',')
            && (first..end)
                .take(12)
                .all(|i| !ctx.is_word(i) || ctx.capitalised(i) || ctx.lower_is(i, TITLE_SMALL))
            && end - first <= 12;
        if let Some(p) = prev {
            let before = |words: &[&str]| {
                ctx.lower_is(p, words)
                    || p > 0 && ctx.is_punct(p, ',') && ctx.lower_is(p - 1, words)
            };
            if before(TITLE_WORDS) && words <= 6 && !terminal {
                return None;
            }
            if before(LABEL_WORDS) && (title_case || words <= 2) && !terminal {
                return None;
            }
        }
        if title_case && !boundary {
            return None;
        }
        if title_case && boundary && words <= 6 {
            // `"The Long Winter" opens on Friday.`: a title as the subject, unless an
            // attribution follows (`"Never Again," she said.`).
            let after = q.close.map(|m| ctx.scan.token_at_or_after(m.end));
            let attributed = after.is_some_and(|t| {
                ctx.is_punct(t, ',')
                    || ctx.is_dash(t)
                    || ctx.has(t, Category::SpeechVerb)
                    || ctx.has(t, Category::Pronoun)
                    || ctx.sentence(t) != ctx.sentence(open)
            });
            if !attributed {
                return None;
            }
        }
        if boundary {
            return Some(QuoteKind::Direct);
        }
        let p = prev.unwrap_or(0);
        let starts_upper = inner.chars().next().is_some_and(char::is_uppercase);
        let after_cue = ctx.is_punct(p, ',')
            && p > 0
            && (ctx.has(p - 1, Category::SpeechVerb) || ctx.is_word(p - 1));
        if after_cue && (starts_upper || last_char == ',' || terminal) {
            return Some(QuoteKind::Direct);
        }
        // `He added that "..."`: a whole statement running to the end of the sentence.
        let ends_sentence = terminal || close_ends_sentence(ctx, q);
        let introduced = ctx.lower_is(p, &["that"]) || ctx.has(p, Category::SpeechVerb);
        if introduced && ends_sentence && words >= 5 {
            return Some(QuoteKind::Direct);
        }
        Some(QuoteKind::Partial)
    }

    /// A cue right after a quotation: `"...," she said`, `"..." said Doe`.
    fn cue_after_quote(&self, q: &Quotation, close: usize) -> Option<usize> {
        let ctx = self.ctx;
        let paragraph = q.paragraph as usize;
        let c = self.cue_at_or_after(close + 1);
        let cue = self.cues.get(c)?;
        if cue.tokens.start > close + 14
            || ctx
                .article
                .paragraph_at(ctx.tokens[cue.tokens.start].span.start)
                != paragraph
        {
            return None;
        }
        if (close + 1..cue.tokens.start).any(|i| ctx.is_stop(i) || ctx.is_quote_mark(i)) {
            return None;
        }
        let mut floor = close + 1;
        if ctx.is_punct(floor, ',') {
            floor += 1;
        }
        if cue.mode != Mode::According && cue.tokens.start > floor {
            let speaker = ctx.speaker_before(cue.tokens.start, floor)?;
            if speaker.range.start > floor {
                return None;
            }
        }
        let inner = q.inner.text(ctx.text);
        let sentence_done = inner.ends_with('.') && ctx.capitalised(close + 1);
        if sentence_done && self.clause_after(c).is_some() {
            // `"..." He added that ...`: a new sentence with its own report.
            return None;
        }
        Some(c)
    }

    /// A cue before a quotation: `She said: "..."`, `said in a statement, "..."`.
    fn cue_before_quote(&self, open: usize, kind: QuoteKind) -> Option<usize> {
        let ctx = self.ctx;
        let c = self.cue_at_or_after(open).checked_sub(1)?;
        let cue = &self.cues[c];
        let sentence_first = ctx.sentence_first(open);
        if kind == QuoteKind::Partial {
            // The sentence's latest cue speaks the fragment.
            return (cue.tokens.start >= sentence_first && open - cue.tokens.end <= 40)
                .then_some(c);
        }
        if open - cue.tokens.end > 14 || cue.tokens.start + 40 < sentence_first {
            return None;
        }
        if ctx
            .article
            .paragraph_at(ctx.tokens[cue.tokens.start].span.start)
            != ctx.article.paragraph_at(ctx.tokens[open].span.start)
        {
            return None;
        }
        if (cue.tokens.end..open).any(|i| ctx.is_stop(i) || ctx.is_quote_mark(i)) {
            return None;
        }
        Some(c)
    }

    /// Where the reported clause after cue `c` starts, if one follows.
    fn clause_after(&self, c: usize) -> Option<usize> {
        let ctx = self.ctx;
        let cue = &self.cues[c];
        let mut j = cue.tokens.end;
        if cue.mode == Mode::Direct {
            return None;
        }
        let start = cue.tokens.start;
        let edge = start == ctx.sentence_first(start)
            || ctx.is_punct(start - 1, ',')
            || ctx.is_quote_mark(start - 1);
        if edge && cue.mode != Mode::According && ctx.speaker_before(start, 0).is_none() {
            // "..., said Ann Ruiz, the mayor.": the speaker follows the cue.
            if let Some(s) = ctx.speaker_after(j, false) {
                j = s.range.end;
            }
        }
        if cue.mode == Mode::According {
            return None;
        }
        if cue.mode == Mode::Object {
            // "told reporters in Brussels that", "told Reuters the plan..."
            let that = (j..(j + 8).min(ctx.len()))
                .take_while(|&i| ctx.is_word(i) || ctx.is_punct(i, '-'))
                .find(|&i| ctx.lower_is(i, &["that"]));
            if let Some(t) = that {
                return Some(t + 1);
            }
            if ctx.has(j, Category::Pronoun)
                || ctx.is_word(j)
                    && !ctx.capitalised(j)
                    && ctx.word(j).ends_with('s')
                    && ctx.word(j).len() > 3
            {
                j += 1;
            } else if ctx.capitalised(j) || ctx.lower_is(j, &["the"]) && ctx.capitalised(j + 1) {
                // "told Reuters", "told the BBC"
                j += 1;
                while ctx.capitalised(j) && j < cue.tokens.end + 5 {
                    j += 1;
                }
            } else {
                return None;
            }
        }
        j = self.skip_adverbials(j);
        if ctx.lower_is(j, &["that"]) {
            return Some(j + 1);
        }
        if cue.mode != Mode::Clause && cue.mode != Mode::Object {
            return None;
        }
        if ctx.sentence(j) != ctx.sentence(cue.tokens.start)
            || !(ctx.is_word(j)
                || ctx
                    .tokens
                    .get(j)
                    .is_some_and(|t| t.kind == crate::scan::TokenKind::Number))
        {
            return None;
        }
        if ctx.lower_is(j, NOT_CLAUSE_START) || ctx.has(j, Category::SpeechVerb) {
            return None;
        }
        Some(j)
    }

    /// Skips time words and short adverbials after a cue: `on Thursday`, `this week`,
    /// `in a statement`, `in Brussels`.
    fn skip_adverbials(&self, mut j: usize) -> usize {
        let ctx = self.ctx;
        for _ in 0..4 {
            let start = j;
            if ctx.is_punct(j, ',') && ctx.lower_is(j + 1, &["that"]) {
                j += 1;
            } else if let Some(entry) = ctx.entry(j, Category::AttributionPhrase) {
                if &*entry.payload != "adverbial" {
                    break;
                }
                j = ctx.hit_range(j).map_or(j + 1, |r| r.end);
            } else if ctx.has(j, Category::TimeWord) || ctx.has(j, Category::Weekday) {
                j = ctx.hit_range(j).map_or(j + 1, |r| r.end);
            } else if ctx.lower_is(
                j,
                &[
                    "on", "in", "at", "during", "last", "this", "late", "early", "earlier", "via",
                ],
            ) && (ctx.has(j + 1, Category::Weekday)
                || ctx.has(j + 1, Category::Month)
                || ctx.has(j + 1, Category::TimeWord)
                || ctx.capitalised(j + 1)
                || ctx.lower_is(j + 1, &["week", "month", "year", "friday"]))
            {
                j += 1;
                let limit = j + 5;
                while j < limit
                    && (ctx.capitalised(j)
                        || ctx.has(j, Category::Month)
                        || ctx
                            .tokens
                            .get(j)
                            .is_some_and(|t| t.kind == crate::scan::TokenKind::Number)
                        || ctx.lower_is(
                            j,
                            &[
                                "week",
                                "month",
                                "year",
                                "morning",
                                "afternoon",
                                "evening",
                                "night",
                            ],
                        ))
                {
                    j += 1;
                }
                if ctx.is_punct(j, ',')
                    && ctx
                        .tokens
                        .get(j + 1)
                        .is_some_and(|t| t.kind == crate::scan::TokenKind::Number)
                {
                    j += 2;
                }
            } else if ctx.is_word(j)
                && !ctx.capitalised(j)
                && ctx.word(j).len() > 4
                && ctx.word(j).ends_with("ly")
                || ctx.lower_is(j, ADVERBS)
            {
                j += 1;
            }
            if j == start {
                break;
            }
        }
        j
    }

    /// The end (exclusive token) of the sentence's reported clause: before the final
    /// punctuation, closing marks, and a trailing `, according to ...`.
    fn clause_end(&self, from: usize) -> usize {
        let ctx = self.ctx;
        let mut end = ctx.sentence_end(from);
        let next = self.cue_at_or_after(from);
        if let Some(cue) = self.cues[next..]
            .iter()
            .take(3)
            .filter(|c| c.tokens.start < end)
            .find(|c| c.mode == Mode::According || c.participle)
        {
            if cue.tokens.start > from && ctx.is_punct(cue.tokens.start - 1, ',') {
                end = cue.tokens.start - 1;
            }
        }
        while end > from
            && (ctx.is_stop(end - 1)
                || ctx.is_quote_mark(end - 1)
                || ctx.is_punct(end - 1, ')')
                || ctx.is_punct(end - 1, ','))
        {
            end -= 1;
        }
        end
    }

    fn words_in(&self, range: Range<usize>) -> usize {
        range
            .take(8)
            .filter(|&i| self.ctx.tokens[i].kind != crate::scan::TokenKind::Punct)
            .count()
    }

    /// The first token of the first quotation that starts inside `range`.
    fn first_quotation(&self, range: Range<usize>) -> Option<usize> {
        let ctx = self.ctx;
        let (Some(a), Some(b)) = (
            ctx.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| ctx.tokens.get(e)),
        ) else {
            return None;
        };
        let quotations = ctx.article.quotations();
        let i = quotations.partition_point(|q| q.span.end <= a.span.start);
        let q = quotations.get(i).filter(|q| q.span.start < b.span.end)?;
        Some(ctx.scan.token_at_or_after(q.open.start).max(range.start))
    }

    fn visit_cue(&mut self, c: usize) {
        let ctx = self.ctx;
        let cue = self.cues[c].clone();
        let cue_start = ctx.tokens[cue.tokens.start].span.start;
        if cue_start < self.covered_until || self.used[c] {
            return;
        }
        let sentence_end = ctx.sentence_end(cue.tokens.start);
        let last_stop = sentence_end.checked_sub(1).filter(|&e| e >= cue.tokens.end);
        let question = (sentence_end.saturating_sub(3)..sentence_end).any(|i| ctx.is_punct(i, '?'));
        let first = self.after_dateline(ctx.sentence_first(cue.tokens.start));
        if cue.mode == Mode::According {
            let source = self.cue_source(c);
            let Some(speaker_end) = self.according_end(c) else {
                return;
            };
            let clause = if cue.tokens.start == first
                || ctx.lower_is(first, &["but", "and"]) && cue.tokens.start == first + 1
            {
                if !ctx.is_punct(speaker_end, ',') {
                    return;
                }
                speaker_end + 1..self.clause_end(speaker_end + 1)
            } else if ctx.is_punct(cue.tokens.start - 1, ',') {
                first..cue.tokens.start - 1
            } else {
                return;
            };
            self.push_indirect(clause, source, c, question);
            return;
        }
        if let Some(start) = self.clause_after(c) {
            if ctx.is_quote_mark(start) || start >= sentence_end {
                return;
            }
            let source = self.cue_source(c);
            if source.is_none() {
                return;
            }
            let end = self.clause_end(start);
            self.push_indirect(start..end, source, c, question);
            return;
        }
        // `..., X said.` / `..., said X.`: the cue ends the sentence.
        let Some(_) = last_stop else { return };
        if cue.mode == Mode::Direct {
            return;
        }
        let before = ctx.speaker_before(cue.tokens.start, first);
        let (comma, after_end) = match &before {
            Some(s) if s.range.start > first => (s.range.start - 1, cue.tokens.end),
            Some(_) => return,
            None if cue.tokens.start > first => {
                let after = ctx.speaker_after(cue.tokens.end, false);
                (
                    cue.tokens.start - 1,
                    after.map_or(cue.tokens.end, |s| s.range.end),
                )
            }
            None => return,
        };
        if !ctx.is_punct(comma, ',') {
            return;
        }
        let rest = self.skip_adverbials(after_end);
        let closing = |i: usize| ctx.is_stop(i) || ctx.is_quote_mark(i) || ctx.is_punct(i, ')');
        let mut tail = sentence_end;
        while tail > rest && closing(tail - 1) {
            tail -= 1;
        }
        // What may follow `..., the office said`: nothing, a short prepositional phrase
        // ("in a preliminary estimate"), or a comma and more ("..., as wages rose").
        let ends = rest >= tail
            || ctx.is_punct(rest, ',')
            || (cue.mode == Mode::Object && rest + 2 >= tail)
            || tail - rest <= 8
                && ctx.lower_is(rest, PREPOSITIONS)
                && !(rest..tail).any(|i| ctx.lower_is(i, &["that"]));
        if !ends {
            return;
        }
        let source = self.cue_source(c);
        if source.is_none() {
            return;
        }
        self.push_indirect(first..comma, source, c, question);
    }

    /// The first token after a dateline (`BERLIN (AP) — `) that opens a paragraph at
    /// token `first`, or `first`.
    fn after_dateline(&self, first: usize) -> usize {
        let ctx = self.ctx;
        let paragraph = ctx
            .article
            .paragraph_at(ctx.tokens.get(first).map_or(0, |t| t.span.start));
        let opens = ctx.article.paragraphs().get(paragraph).is_some_and(|p| {
            ctx.tokens
                .get(first)
                .is_some_and(|t| t.span.start == p.start)
        });
        if !opens {
            return first;
        }
        let dash = (first..(first + 10).min(ctx.len())).find(|&i| {
            (ctx.is_punct(i, '—') || ctx.is_punct(i, '–') || ctx.is_punct(i, '-'))
                && i > first
                && (ctx.is_punct(i - 1, ')') || {
                    let w = ctx.word(i - 1);
                    ctx.is_word(i - 1) && w.len() > 1 && w.chars().all(|c| !c.is_lowercase())
                })
                && ctx.tokens[i].span.start > ctx.tokens[i - 1].span.end
        });
        dash.map_or(first, |d| d + 1)
    }

    /// One past the last token of the source phrase after `according to`.
    fn according_end(&self, c: usize) -> Option<usize> {
        let ctx = self.ctx;
        let start = self.cues[c].tokens.end;
        let mut end = start;
        while end < ctx.len()
            && end - start < 14
            && !ctx.is_punct(end, ',')
            && !ctx.is_stop(end)
            && !ctx.is_quote_mark(end)
            && ctx.sentence(end) == ctx.sentence(start)
        {
            end += 1;
        }
        (end > start).then_some(end)
    }

    fn push_indirect(
        &mut self,
        clause: Range<usize>,
        source: Option<usize>,
        c: usize,
        question: bool,
    ) {
        let ctx = self.ctx;
        let mut clause = clause;
        let mut least = 3;
        if let Some(open) = self.first_quotation(clause.clone()) {
            // A few words before a quoted fragment ("the coalition had") report nothing
            // the fragment does not.
            least = 5;
            // `said the talks were "a farce"`: the report stops where the quoted words
            // start; the fragment is a quote of its own.
            clause.end = open;
            while clause.end > clause.start
                && (ctx.is_punct(clause.end - 1, ',')
                    || ctx.is_punct(clause.end - 1, ':')
                    || ctx.is_dash(clause.end - 1))
            {
                clause.end -= 1;
            }
        }
        if question || clause.is_empty() || self.words_in(clause.clone()) < least {
            return;
        }
        let span = ctx.span(clause);
        if span.start < self.covered_until {
            return;
        }
        self.covered_until = span.end;
        let cue = self.cue_span(c);
        self.push_quote(span, QuoteKind::Indirect, source, Some(cue));
    }

    /// Stated reasons for anonymity not next to a speaker join the nearest anonymous
    /// source of their sentence, or become one.
    fn attach_reasons(&mut self) {
        let ctx = self.ctx;
        let mut anonymous: Vec<(usize, Span)> = Vec::new();
        for (i, s) in self.sources.iter().enumerate() {
            if s.kind == SourceKind::Anonymous {
                anonymous.extend(s.mentions.iter().map(|m| (i, *m)));
            }
        }
        anonymous.sort_by_key(|&(_, m)| m.start);
        let mut taken: Vec<Span> = self.sources.iter().filter_map(|s| s.reason).collect();
        taken.sort();
        let reasons: Vec<Span> = ctx
            .scan
            .hits_of(Category::AnonymityReason)
            .map(|(hit, _)| hit.span)
            .filter(|r| {
                // Reasons do not overlap each other: only the neighbours can overlap `r`.
                let k = taken.partition_point(|t| t.end <= r.start);
                !taken.get(k).is_some_and(|t| t.overlaps(*r))
            })
            .collect();
        for reason in reasons {
            let sentence = ctx.article.sentence_at(reason.start);
            let k = anonymous.partition_point(|&(_, m)| m.start < reason.start);
            let near = [k.checked_sub(1), Some(k)]
                .into_iter()
                .flatten()
                .filter_map(|i| anonymous.get(i))
                .find(|&&(_, m)| ctx.article.sentence_at(m.start) == sentence);
            match near {
                Some(&(i, _)) => {
                    self.sources[i].reason.get_or_insert(reason);
                }
                None => {
                    let i = self.new_source(None, SourceKind::Anonymous);
                    self.sources[i].mentions.push(reason);
                    self.sources[i].reason = Some(reason);
                }
            }
        }
    }

    fn finish(self) -> Attribution {
        let ctx = self.ctx;
        let text = ctx.text;
        let mut raws = self.quotes;
        raws.sort_by_key(|r| (r.span.start, r.span.end));
        let mut sources: Vec<Source> = self
            .sources
            .into_iter()
            .map(|acc| {
                let mut mentions = acc.mentions;
                mentions.sort();
                mentions.dedup();
                Source {
                    name: acc.name,
                    description: acc.description,
                    kind: acc.kind,
                    mentions: mentions
                        .into_iter()
                        .map(|span| Mention {
                            span,
                            text: span.text(text).to_string(),
                        })
                        .collect(),
                    quotes: Vec::new(),
                    anonymity_reason: acc.reason.map(|r| r.text(text).to_string()),
                }
            })
            .collect();
        let quotes = raws
            .into_iter()
            .enumerate()
            .map(|(i, raw)| {
                let speaker = raw.source.and_then(|s| sources.get_mut(s)).and_then(|s| {
                    s.quotes.push(i);
                    s.name.clone().or_else(|| s.description.clone())
                });
                Quote {
                    span: raw.span,
                    text: raw.span.text(text).to_string(),
                    kind: raw.kind,
                    speaker,
                    source: raw.source,
                    cue: raw.cue.map(|c| c.text(text).to_string()),
                    cue_span: raw.cue,
                    paragraph: raw.paragraph,
                }
            })
            .collect();
        Attribution { quotes, sources }
    }
}

/// True when nothing but punctuation follows a quotation's close in its sentence.
fn close_ends_sentence(ctx: &Ctx<'_>, q: &Quotation) -> bool {
    let Some(close) = q.close else { return true };
    let t = ctx.scan.token_at_or_after(close.end);
    t >= ctx.len() || ctx.is_stop(t) || ctx.sentence(t) != ctx.sentence(t.saturating_sub(1))
}
