//! Reported speech without quotation marks: the clause after a cue (`said (that) ...`,
//! `told reporters ...`, `According to X, ...`) or before it (`..., X said.`, `...,
//! according to X.`).

use std::ops::Range;

use crate::lexicon::Category;
use crate::quotes::QuoteKind;

use super::words::{
    AND_BUT, CLAUSE_OPENERS, CLAUSE_SUBJECTS, CONTRASTS, DAY_PARTS, DETERMINERS, NOT_CLAUSE_START,
    PHRASE_PREPOSITIONS, SUBORDINATORS, THAT, THE, TIME_NOUNS, TIME_OPENERS, TIME_TAILS, WHO_WHICH,
};
use super::{Builder, Mode};

impl Builder<'_, '_> {
    /// Where the reported clause after cue `c` starts, if one follows.
    pub(super) fn clause_after(&self, c: usize) -> Option<usize> {
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
        if edge && cue.mode != Mode::According && self.with_before(c, |s| s.is_none()) {
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
                .find(|&i| ctx.lower_is(i, THAT));
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
            } else if ctx.is_word(j)
                && !ctx.capitalised(j)
                && !ctx.lower_is(j, DETERMINERS)
                && ctx.lower_is(j + 1, CLAUSE_OPENERS)
            {
                // "told police the car was ...": a one-word listener, then a clause.
                j += 1;
            } else if ctx.capitalised(j) || ctx.lower_is(j, THE) && ctx.capitalised(j + 1) {
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
        if ctx.lower_is(j, THAT) {
            return Some(j + 1);
        }
        // "admitted he had lied": a subject pronoun can only open a clause.
        if cue.mode == Mode::That
            && ctx.lower_is(j, CLAUSE_SUBJECTS)
            && ctx.sentence(j) == ctx.sentence(cue.tokens.start)
        {
            return Some(j);
        }
        if cue.mode != Mode::Clause && cue.mode != Mode::Object {
            return None;
        }
        if ctx.sentence(j) != ctx.sentence(cue.tokens.start)
            || !(ctx.is_word(j) || ctx.is_number(j))
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
    pub(super) fn skip_adverbials(&self, mut j: usize) -> usize {
        let ctx = self.ctx;
        for _ in 0..4 {
            let start = j;
            // "wrote in a note to clients that": a phrase, then the clause.
            let that = if ctx.lower_is(j, PHRASE_PREPOSITIONS) {
                (j + 1..(j + 9).min(ctx.len()))
                    .take_while(|&k| ctx.is_word(k) || ctx.is_punct(k, '-'))
                    .find(|&k| ctx.lower_is(k, THAT))
            } else {
                None
            };
            if let Some(that) = that {
                j = that;
            } else if ctx.is_punct(j, ',') && ctx.lower_is(j + 1, THAT) {
                j += 1;
            } else if let Some(entry) = ctx.entry(j, Category::AttributionPhrase) {
                if &*entry.payload != "adverbial" {
                    break;
                }
                j = ctx.hit_range(j).map_or(j + 1, |r| r.end);
            } else if ctx.has_any(j, &[Category::TimeWord, Category::Weekday]) {
                j = ctx.hit_range(j).map_or(j + 1, |r| r.end);
                // "Tuesday night"
                if ctx.lower_is(j, DAY_PARTS) {
                    j += 1;
                }
            } else if ctx.lower_is(j, TIME_OPENERS)
                && (ctx.has(j + 1, Category::Weekday)
                    || ctx.has(j + 1, Category::Month)
                    || ctx.has(j + 1, Category::TimeWord)
                    || ctx.capitalised(j + 1)
                    || ctx.lower_is(j + 1, TIME_NOUNS))
            {
                j += 1;
                let limit = j + 5;
                while j < limit
                    && (ctx.capitalised(j)
                        || ctx.has(j, Category::Month)
                        || ctx.is_number(j)
                        || ctx.lower_is(j, TIME_TAILS))
                {
                    j += 1;
                }
                if ctx.is_punct(j, ',') && ctx.is_number(j + 1) {
                    j += 2;
                }
            } else if ctx.is_word(j)
                && !ctx.capitalised(j)
                && ctx.word(j).len() > 4
                && ctx.word(j).ends_with("ly")
                || ctx.lower_is(j, super::words::ADVERBS)
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
    pub(super) fn clause_end(&self, from: usize) -> usize {
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
        // "..., while critics countered that ...": a second speaker's report ends the
        // first one at the comma.
        let opens_report = |subject: usize| {
            subject >= from + 2
                && ctx.is_punct(subject - 2, ',')
                && ctx.lower_is(subject - 1, CONTRASTS)
        };
        let split = self.cues[next..]
            .iter()
            .take(3)
            .filter(|c| c.tokens.start < end && c.mode != Mode::According && !c.participle)
            .find_map(|c| {
                let start = c.tokens.start;
                // A speaker the lexicon knows, or one word: "while tenants countered".
                let known = ctx
                    .speaker_before(start, from)
                    .filter(|s| s.pronoun.is_none())
                    .map(|s| s.range.start);
                let one_word = (start > 0 && ctx.is_word(start - 1)).then(|| start - 1);
                known
                    .filter(|&s| opens_report(s))
                    .or(one_word.filter(|&s| opens_report(s)))
            });
        if let Some(subject) = split {
            end = end.min(subject - 2);
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

    pub(super) fn words_in(&self, range: Range<usize>) -> usize {
        range
            .take(8)
            .filter(|&i| !self.ctx.is_punctuation(i))
            .count()
    }

    /// The first token of the first quotation that starts inside `range`.
    pub(super) fn first_quotation(&self, range: Range<usize>) -> Option<usize> {
        let ctx = self.ctx;
        let (Some(a), Some(b)) = (
            ctx.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| ctx.tokens.get(e)),
        ) else {
            return None;
        };
        let quotations = ctx.article.quotations();
        let i = quotations.partition_point(|q| q.span.end <= a.span().start);
        let q = quotations.get(i).filter(|q| q.span.start < b.span().end)?;
        let open = ctx.token_at_or_after_from(q.open.start, range.start, a.span().start);
        Some(open.max(range.start))
    }

    pub(super) fn visit_cue(&mut self, c: usize) {
        let ctx = self.ctx;
        let cue = self.cues[c].clone();
        let cue_start = ctx.tokens[cue.tokens.start].span().start;
        if cue_start < self.covered_until || cue.used {
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
                || ctx.lower_is(first, AND_BUT) && cue.tokens.start == first + 1
            {
                if !ctx.is_punct(speaker_end, ',') {
                    return;
                }
                // "According to two officials, who spoke privately, the ..."
                let mut start = speaker_end + 1;
                if ctx.lower_is(start, WHO_WHICH) {
                    let end = (start..(start + 16).min(ctx.len())).find(|&i| ctx.is_punct(i, ','));
                    if let Some(end) = end {
                        start = end + 1;
                    }
                }
                start..self.clause_end(start)
            } else if cue.tokens.start > 0 && ctx.is_punct(cue.tokens.start - 1, ',') {
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
        // With no dateline, `first` opens the sentence: the cue's own speaker phrase.
        let before = if first == ctx.sentence_first(cue.tokens.start) {
            self.with_before(c, |s| s.map(|s| s.range.start))
        } else {
            ctx.speaker_before(cue.tokens.start, first)
                .map(|s| s.range.start)
        };
        let (comma, after_end) = match before {
            Some(start) if start > first => (start - 1, cue.tokens.end),
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
                && ctx.lower_is(rest, PHRASE_PREPOSITIONS)
                && !(rest..tail).any(|i| ctx.lower_is(i, THAT));
        if !ends {
            return;
        }
        let source = self.cue_source(c);
        if source.is_none() {
            return;
        }
        // `The plan, he said, is dead.`: the attribution interrupts the report, which
        // then runs over the whole sentence.
        let interrupted = ctx.is_punct(rest, ',')
            && ctx.is_word(rest + 1)
            && !ctx.capitalised(rest + 1)
            && !ctx.lower_is(rest + 1, SUBORDINATORS)
            && !ctx.has(rest + 1, Category::SpeechVerb)
            // The predicate goes on ("will open"); a new subject starts a new clause.
            && !ctx.lower_is(rest + 1, DETERMINERS)
            && !ctx.has(rest + 1, Category::Pronoun)
            && comma - first <= 6;
        let clause = if interrupted {
            first..self.clause_end(rest + 1)
        } else {
            first..comma
        };
        self.push_indirect(clause, source, c, question);
    }

    /// The first token after a dateline (`BERLIN (AP) — `) that opens a paragraph at
    /// token `first`, or `first`.
    pub(super) fn after_dateline(&self, first: usize) -> usize {
        let ctx = self.ctx;
        let paragraph = ctx
            .article
            .paragraph_at(ctx.tokens.get(first).map_or(0, |t| t.span().start));
        let opens = ctx.article.paragraphs().get(paragraph).is_some_and(|p| {
            ctx.tokens
                .get(first)
                .is_some_and(|t| t.span().start == p.start)
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
                && ctx.tokens[i].span().start > ctx.tokens[i - 1].span().end
        });
        dash.map_or(first, |d| d + 1)
    }

    /// One past the last token of the source phrase after `according to`.
    pub(super) fn according_end(&self, c: usize) -> Option<usize> {
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

    pub(super) fn push_indirect(
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
}
