//! Quotations: which are speech (direct or partial) and which are labels, and who
//! said them: a cue after (`"...," she said`), a dash, a cue before (`She said:`), a
//! colon, or the speaker of the quote just before (split and follow-on quotes).

use crate::lexicon::Category;
use crate::marks::Quotation;
use crate::names::Ctx;
use crate::quotes::QuoteKind;
use crate::sources::SourceKind;
use crate::span::Span;
use crate::speakers::Speaker;

use super::words::{Words, AS, LABEL_WORDS, THAT, TITLE_SMALL, TITLE_WORDS};
use super::{Builder, Mode};

impl Builder<'_, '_> {
    pub(super) fn visit_quotation(&mut self, q: &Quotation, open: usize) {
        let ctx = self.ctx;
        let Some(kind) = self.quote_kind(q, open) else {
            return;
        };
        let close = q
            .close
            .map(|m| ctx.token_at_or_after_from(m.start, open, q.open.start));
        let paragraph = q.paragraph as usize;
        let mut found: Option<(Option<usize>, Option<Span>)> = None;
        if let Some(close) = close {
            if let Some(c) = self.cue_after_quote(q, close) {
                let source = self.cue_source(c);
                if source.is_some() {
                    self.cues[c].used = true;
                    found = Some((source, Some(self.cue_span(c))));
                }
            } else if ctx.is_dash(close + 1) && !ctx.quoted(close + 2) {
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
                    self.cues[c].used = true;
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
                        self.cues[c].used = true;
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
                ctx.has_any(
                    i,
                    &[
                        Category::Title,
                        Category::AnonymousSource,
                        Category::Organization,
                        Category::OrgWord,
                    ],
                )
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
            // `Jones disagreed. "We lost."`: the person the sentence before is about.
            if let Some(s) = self.narrated_subject(open) {
                let source = self.register(&s);
                if source.is_some() {
                    found = Some((source, None));
                }
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
        // A quotation over several paragraphs: the cue that ends it ("... we all joined
        // in," she said.) names the speaker of its earlier paragraphs too.
        let cued = source.is_some() && cue.is_some();
        if cued {
            for &i in &self.chain {
                self.quotes[i].source = source;
            }
            self.chain.clear();
        }
        self.push_quote(q.inner, kind, source, cue);
        if !q.continues {
            self.chain.clear();
        } else if !cued {
            self.chain.push(self.quotes.len() - 1);
        }
    }

    /// The subject of the narration sentence right before a quotation that opens its
    /// sentence (or follows a colon), when it is a person: a full name, or a name
    /// already known.
    fn narrated_subject(&self, open: usize) -> Option<Speaker> {
        let ctx = self.ctx;
        // `Ana Ruiz was blunt: "It failed."`: the sentence a colon opens the quote in.
        let colon = open > 0 && ctx.is_punct(open - 1, ':');
        if open == 0 || !colon && ctx.sentence_first(open) != open {
            return None;
        }
        let first = ctx.sentence_first(open - 1);
        if open - first > 40 || self.first_quotation(first..open).is_some() {
            return None;
        }
        let same_paragraph = ctx.article.paragraph_at(ctx.tokens[first].span().start)
            == ctx.article.paragraph_at(ctx.tokens[open].span().start);
        if !same_paragraph {
            return None;
        }
        // "Asked if she would run, Ana Ruiz laughed.": an opening participle clause, then
        // the subject right after its comma.
        let participle = {
            let w = ctx.word(first).to_ascii_lowercase();
            ctx.is_word(first) && (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4
        };
        let comma = (first..open)
            .find(|&i| ctx.is_punct(i, ','))
            .filter(|_| participle);
        let runs: Vec<_> = ctx.name_runs(first..open).collect();
        let after_clause = comma.and_then(|c| runs.iter().find(|(r, _)| r.start == c + 1));
        let (run, possessive) = after_clause.or(runs.first()).cloned()?;
        let leads = after_clause.is_some()
            || (first..run.start)
                .all(|i| ctx.capitalised(i) || ctx.is_punct(i, '.') || ctx.has(i, Category::Title));
        let name = super::keys::Lower::new(ctx.name_text(run.clone()));
        let known = self.keys.contains(super::grouping::NAME, name.bytes())
            || self.keys.contains(super::grouping::SURNAME, name.bytes());
        if possessive || !leads || !(run.len() > 1 || known) {
            return None;
        }
        Some(Speaker::named(run))
    }

    /// Direct, partial, or `None` for a label (a title, a scare-quoted word).
    pub(super) fn quote_kind(&self, q: &Quotation, open: usize) -> Option<QuoteKind> {
        let ctx = self.ctx;
        let inner = q.inner.text(ctx.text);
        let first = ctx.token_at_or_after_near(q.inner.start, open);
        let end = ctx.token_at_or_after_from(q.inner.end, first, q.inner.start);
        let words = (first..end.min(first + 12))
            .filter(|&i| !ctx.is_punctuation(i))
            .count();
        let last_char = inner
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .chars()
            .last()
            .unwrap_or(' ');
        let terminal = matches!(last_char, '.' | '!' | '?' | '…');
        let paragraph_start = open == 0
            || ctx.tokens[open - 1].span().end
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
        // One quoted word is a label (`words like "freedom," "justice"`), unless it
        // opens a sentence as speech: `"Maybe," he said.`
        if words <= 1 && !terminal && !(boundary && matches!(last_char, ',' | '!' | '?')) {
            return None;
        }
        let title_case = !terminal
            && !last_char.eq(&',')
            && (first..end)
                .take(12)
                .all(|i| !ctx.is_word(i) || ctx.capitalised(i) || ctx.lower_is(i, TITLE_SMALL))
            && end - first <= 12;
        if let Some(p) = prev {
            let before = |words: Words| {
                ctx.lower_is(p, words)
                    || p > 0 && ctx.is_punct(p, ',') && ctx.lower_is(p - 1, words)
            };
            if before(TITLE_WORDS) && words <= 6 && !terminal {
                return None;
            }
            // `described it as "a betrayal"` is speech; `known as "the Hawk"` a name.
            let short = words <= 2 && !ctx.lower_is(p, AS);
            if before(LABEL_WORDS) && (title_case || short) && !terminal {
                return None;
            }
        }
        if title_case && !boundary {
            return None;
        }
        if title_case && boundary && words <= 6 {
            // `"The Long Winter" opens on Friday.`: a title as the subject, unless an
            // attribution follows (`"Never Again," she said.`).
            let after = q.close.map(|m| ctx.token_at_or_after_near(m.end, end));
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
        let introduced = ctx.lower_is(p, THAT) || ctx.has(p, Category::SpeechVerb);
        if introduced && ends_sentence && words >= 5 {
            return Some(QuoteKind::Direct);
        }
        Some(QuoteKind::Partial)
    }

    /// A cue right after a quotation: `"...," she said`, `"..." said Doe`.
    pub(super) fn cue_after_quote(&self, q: &Quotation, close: usize) -> Option<usize> {
        let ctx = self.ctx;
        let paragraph = q.paragraph as usize;
        let c = self.cue_at_or_after(close + 1);
        let cue = self.cues.get(c)?;
        if cue.tokens.start > close + 14
            || ctx
                .article
                .paragraph_at(ctx.tokens[cue.tokens.start].span().start)
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
    pub(super) fn cue_before_quote(&self, open: usize, kind: QuoteKind) -> Option<usize> {
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
            .paragraph_at(ctx.tokens[cue.tokens.start].span().start)
            != ctx.article.paragraph_at(ctx.tokens[open].span().start)
        {
            return None;
        }
        if (cue.tokens.end..open).any(|i| ctx.is_stop(i) || ctx.is_quote_mark(i)) {
            return None;
        }
        Some(c)
    }
}

/// True when nothing but punctuation follows a quotation's close in its sentence.
fn close_ends_sentence(ctx: &Ctx<'_>, q: &Quotation) -> bool {
    let Some(close) = q.close else { return true };
    let t = ctx.scan.token_at_or_after(close.end);
    t >= ctx.len() || ctx.is_stop(t) || ctx.sentence(t) != ctx.sentence(t.saturating_sub(1))
}
