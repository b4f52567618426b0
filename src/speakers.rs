//! Speaker phrases: who a cue attributes its words to, read around the cue.
//!
//! - Before the cue: `NATO Secretary-General Jens Stoltenberg told`, `he added`, with
//!   auxiliaries and adverbs skipped (`has also said`, `publicly argued`).
//! - An appositive between commas: `Emma Ashford, a senior fellow at the Stimson Center,
//!   said`, `Trump's ambassador to Germany, Richard Grenell, recalled`, `officials, who
//!   asked not to be identified, said`.
//! - A relative clause inside the phrase: `a spokesman for the office that handles
//!   visas said`.
//! - After the cue: `said Jane Doe`, `according to people familiar with the matter`.

use std::ops::Range;

use crate::attribution::words::{
    Words, AND, BETWEEN, CONJUNCTIONS, DESCRIPTION_END, DETERMINERS, NOT_CUE_BEFORE,
    NOT_DESCRIPTION, OBJECT_PRONOUNS, OF, PARTITIVES, RELATIVES, RELATIVE_OPENERS, SPEAKER_OPENERS,
    SUBJECT_PRONOUNS, THAT, THAT_HAVING, THE,
};
use crate::lexicon::Category;
use crate::names::{bit, Ctx};
use crate::sources::SourceKind;
use crate::span::Span;

/// A speaker phrase.
#[derive(Clone, Debug)]
pub(crate) struct Speaker {
    /// The whole phrase, as a token range.
    pub(crate) range: Range<usize>,
    /// The person's name inside it.
    pub(crate) name: Option<Range<usize>>,
    /// Title, role or affiliation as written.
    pub(crate) description: Option<Wording>,
    pub(crate) kind: SourceKind,
    /// A subject pronoun to resolve (`he`, `she`, `they`, `it`, `we`, `i`).
    pub(crate) pronoun: Option<&'static str>,
    /// A stated reason for anonymity next to the phrase.
    pub(crate) reason: Option<Range<usize>>,
}

impl Speaker {
    /// A person known only by the name in `run`, with no title or pronoun.
    pub(crate) fn named(run: Range<usize>) -> Speaker {
        Speaker {
            range: run.clone(),
            name: Some(run),
            description: None,
            kind: SourceKind::Named,
            pronoun: None,
            reason: None,
        }
    }
}

/// Words of the article as written: a span of its text, or (rarely) two descriptions
/// joined by a comma. A span costs no allocation until the report's strings are made.
#[derive(Clone, Debug)]
pub(crate) enum Wording {
    /// The text of a span.
    Span(Span),
    /// Text made of several spans.
    Joined(String),
}

impl Wording {
    /// The words, in the article's `text`.
    pub(crate) fn as_str<'t>(&'t self, text: &'t str) -> &'t str {
        match self {
            Wording::Span(span) => span.text(text),
            Wording::Joined(s) => s,
        }
    }

    /// The words as an owned string, as a finding keeps them.
    pub(crate) fn into_boxed(self, text: &str) -> Box<str> {
        match self {
            Wording::Span(span) => span.text(text).into(),
            Wording::Joined(s) => s.into_boxed_str(),
        }
    }
}

/// The subject pronouns a speaker may be, in lower case.
const PRONOUNS: [&str; 6] = ["he", "she", "they", "it", "we", "i"];

impl Ctx<'_> {
    /// The text of tokens `range` without white space, commas, semicolons, colons and
    /// parentheses at either end, unless nothing is left.
    fn trimmed(&self, range: Range<usize>) -> Option<Wording> {
        let span = self.span(range);
        let text = span.text(self.text);
        let trim = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')');
        let rest = text.trim_start_matches(trim);
        let start = span.start + (text.len() - rest.len());
        let t = rest.trim_end_matches(trim);
        (!t.is_empty()).then(|| Wording::Span(Span::new(start, start + t.len())))
    }

    /// What a phrase names, if it can be a source.
    pub(crate) fn classify(&self, range: Range<usize>) -> Option<Speaker> {
        let mut range = range;
        while range.start < range.end
            && (self.is_punct(range.start, ',') || self.lower_is(range.start, CONJUNCTIONS))
        {
            range.start += 1;
        }
        while range.end > range.start && self.is_punct(range.end - 1, ',') {
            range.end -= 1;
        }
        // An object pronoun starts no subject: "told me about the teacher".
        if range.is_empty() || self.lower_is(range.start, OBJECT_PRONOUNS) {
            return None;
        }
        let speaker = |kind, name, description| Speaker {
            range: range.clone(),
            name,
            description,
            kind,
            pronoun: None,
            reason: None,
        };
        if range.len() == 1
            && self.has(range.start, Category::Pronoun)
            && self.lower_is(range.start, SUBJECT_PRONOUNS)
        {
            let word = self.word(range.start);
            // The class holds exactly these words, in any ASCII case.
            if let Some(&pronoun) = PRONOUNS.iter().find(|p| p.eq_ignore_ascii_case(word)) {
                let mut s = speaker(SourceKind::Named, None, None);
                s.pronoun = Some(pronoun);
                return Some(s);
            }
        }
        let partitive = range.len() >= 3
            && self.lower_is(range.start, PARTITIVES)
            && self.lower_is(range.start + 1, OF);
        let names_from = if partitive {
            range.start + 2
        } else {
            range.start
        };
        if let Some((run, _)) = self
            .name_runs(names_from..range.end)
            .filter(|(run, possessive)| {
                // "A Treasury spokesman": a capitalised modifier of a role is no person.
                let modifier = run.end < range.end
                    && self.has_any(run.end, &[Category::Title, Category::AnonymousSource])
                    && !self.capitalised(run.end);
                !(*possessive
                    || modifier
                    || run.start > range.start && self.after_preposition(run.start))
            })
            .last()
        {
            let honorific_only = (range.start..run.start)
                .all(|i| self.has(i, Category::Honorific) || self.is_punct(i, '.'));
            let description = if honorific_only && run.start > range.start {
                None
            } else if run.start > range.start {
                self.trimmed(range.start..run.start)
            } else {
                self.trimmed(run.end..range.end)
            };
            return Some(speaker(SourceKind::Named, Some(run), description));
        }
        let cats = self.cats_in(range.clone());
        let any = |category| cats & bit(category) != 0;
        // A determiner or a possessive opens the phrase: "the office", "Ruiz's office".
        let determined = self.lower_is(range.start, DETERMINERS) || self.is_possessive(range.start);
        let kind = if any(Category::AnonymousSource) || partitive {
            SourceKind::Anonymous
        } else if any(Category::Document)
            && range.clone().any(|i| {
                // "a report by ...", not "the statistics office".
                self.has(i, Category::Document)
                    && self.hit_range(i).is_some_and(|r| {
                        r.start == i && !self.has_any(r.end, &[Category::OrgWord, Category::Title])
                    })
            })
        {
            SourceKind::Document
        } else if any(Category::Title) {
            SourceKind::Unnamed
        } else if any(Category::Organization)
            || self.has(range.end - 1, Category::OrgWord) && determined
            || any(Category::OrgWord)
                && range.clone().any(|i| {
                    self.has(i, Category::OrgWord)
                        && (self.capitalised(i) || i > range.start && self.lower_is(i - 1, THE))
                })
        {
            SourceKind::Organization
        } else if (determined || self.lower_is(range.start, PARTITIVES))
            && range.len() >= 2
            && range.len() <= 8
        {
            // "a senior engineer at the consortium said": a role the lexicon lacks.
            SourceKind::Unnamed
        } else if range.len() == 1
            && self.is_word(range.start)
            && !self.capitalised(range.start)
            && {
                // "while tenants countered": a bare plural noun is a group of people.
                let w = self.word(range.start);
                w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.contains('\'')
            }
        {
            SourceKind::Unnamed
        } else {
            return None;
        };
        Some(speaker(kind, None, self.trimmed(range.clone())))
    }

    /// True when a phrase holds a word the lexicon knows as a source's head: a title, an
    /// anonymous source, an organisation or a document.
    pub(crate) fn has_head(&self, range: Range<usize>) -> bool {
        range.into_iter().any(|i| {
            self.has_any(
                i,
                &[
                    Category::Title,
                    Category::AnonymousSource,
                    Category::Organization,
                    Category::OrgWord,
                    Category::Document,
                ],
            )
        })
    }

    /// True when token `i` cannot be a speech verb: `the said document`, `have a say`,
    /// `is said to`, `did not say`, `to say`.
    pub(crate) fn not_a_cue(&self, i: usize) -> bool {
        if i == 0 || self.sentence(i - 1) != self.sentence(i) {
            return false;
        }
        let prev = i - 1;
        self.lower_is(prev, Words(DETERMINERS.0 | NOT_CUE_BEFORE.0))
            || self.has(prev, Category::Negation)
            // "That said, ...", "Having said that".
            || self.lower_is(prev, THAT_HAVING) && prev == self.sentence_first(i)
            || self.lower_is(i + 1, THAT) && self.is_punct(i + 2, ',')
    }

    /// The speaker phrase before the cue starting at token `cue`, not before `floor`.
    pub(crate) fn speaker_before(&self, cue: usize, floor: usize) -> Option<Speaker> {
        let floor = floor.max(self.sentence_first(cue));
        let mut end = cue;
        let mut skipped = 0;
        while end > floor && skipped < 3 {
            let w = self.word(end - 1);
            let adverb = self.is_word(end - 1)
                && w.len() > 4
                && w.ends_with("ly")
                && !self.capitalised(end - 1);
            if self.lower_is(end - 1, BETWEEN) || adverb {
                end -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        if end <= floor {
            return None;
        }
        if self.is_punct(end - 1, ',') {
            return self.appositive_speaker(end - 1, floor);
        }
        let range = self.phrase_before(end, floor, 10);
        if range.is_empty() {
            return None;
        }
        match self.classify(range.clone()) {
            Some(s) => Some(self.with_partner(s, floor)),
            // The relative clause is short and starts with its verb: "that handles visas".
            None if range.start > floor
                && self.lower_is(range.start - 1, RELATIVES)
                && range.len() <= 5
                && !self.capitalised(range.start)
                && !self.lower_is(range.start, DETERMINERS)
                && !self.lower_is(range.start, PARTITIVES)
                && self.is_word(range.start) =>
            {
                // "a spokesman for the office that handles visas said"
                let outer = self.phrase_before(range.start - 1, floor, 10);
                let mut s = self.classify(outer.clone())?;
                if s.pronoun.is_some() {
                    return None;
                }
                s.range = s.range.start..range.end;
                if s.name.is_none() {
                    s.description = self.trimmed(s.range.clone());
                }
                Some(s)
            }
            None => None,
        }
    }

    /// How the text introduces the person named by `run`, wherever it stands: a title
    /// right before it ("Chief Inspector Viktor Salo") or an appositive after it ("Simon
    /// Hale, the chief executive, ...") or before it ("The chief executive, Simon Hale,").
    pub(crate) fn describe(&self, run: Range<usize>) -> Option<Wording> {
        let mut start = run.start;
        while start > 0
            && run.start - start < 4
            && self.has_any(start - 1, &[Category::Title, Category::Honorific])
            && self.capitalised(start - 1)
        {
            start -= 1;
        }
        if let Some(r) = self.hit_range(start) {
            start = start.min(r.start);
        }
        let honorific_only =
            (start..run.start).all(|i| self.has(i, Category::Honorific) || self.is_punct(i, '.'));
        if start < run.start && !honorific_only {
            return self.trimmed(start..run.start);
        }
        let after = run.end;
        if self.is_punct(after, ',')
            && (self.lower_is(after + 1, DETERMINERS) || self.has(after + 1, Category::Title))
        {
            let mut end = after + 1;
            while end < self.len()
                && end - after < 14
                && !self.is_punct(end, ',')
                && !self.is_stop(end)
                && !self.is_quote_mark(end)
                && !self.lower_is(end, RELATIVES)
            {
                end += 1;
            }
            return self.trimmed(after + 1..end);
        }
        if run.start >= 2 && self.is_punct(run.start - 1, ',') && self.is_punct(after, ',') {
            let before = self.phrase_before(run.start - 1, self.sentence_first(run.start), 10);
            let names_no_one = self
                .name_runs(before.clone())
                .all(|(r, _)| self.after_preposition(r.start));
            if self.has_head(before.clone()) && names_no_one {
                return self.trimmed(before);
            }
        }
        None
    }

    /// `Ann Ruiz and Tom Ure said`: two named people speak together.
    fn with_partner(&self, speaker: Speaker, floor: usize) -> Speaker {
        let Some(name) = speaker.name.clone() else {
            return speaker;
        };
        let start = speaker.range.start;
        // "Hale and Sen. Anita Cruz": titles may stand before the second name.
        let titled = (start..name.start).all(|i| {
            self.has_any(i, &[Category::Honorific, Category::Title]) || self.is_punct(i, '.')
        });
        if !titled || start < floor + 2 || !self.lower_is(start - 1, AND) {
            return speaker;
        }
        let left = self.phrase_before(start - 1, floor, 6);
        match self.classify(left.clone()) {
            Some(partner) if partner.name.as_ref().is_some_and(|n| n.end == left.end) => {
                let first = partner.name.map_or(left.start, |n| n.start);
                Speaker {
                    range: left.start..speaker.range.end,
                    name: Some(first..name.end),
                    description: partner.description,
                    ..speaker
                }
            }
            _ => speaker,
        }
    }

    /// `X, APPOSITIVE, said`: `comma` is the comma right before the cue.
    fn appositive_speaker(&self, comma: usize, floor: usize) -> Option<Speaker> {
        self.appositive_from(comma, floor, 0)
    }

    /// `appositive_speaker`, at most `2 - hops` more commas to the left.
    fn appositive_from(&self, comma: usize, floor: usize, hops: u8) -> Option<Speaker> {
        let mut start = comma;
        while start > floor && comma - start < 16 && !self.is_punct(start - 1, ',') {
            if self.is_quote_mark(start - 1) || self.is_stop(start - 1) {
                return None;
            }
            start -= 1;
        }
        if start <= floor || start == comma {
            return None;
        }
        let inner = start..comma;
        let before = self.phrase_before(start - 1, floor, 10);
        let reason = inner
            .clone()
            .find(|&i| self.has(i, Category::AnonymityReason))
            .map(|i| {
                let r = self.hit_range(i).unwrap_or(i..i + 1);
                r.start..comma
            });
        let outer = self
            .classify(before.clone())
            .filter(|s| s.pronoun.is_none() || reason.is_none());
        // "Smith, 45, a teacher from Leeds, said": a short piece between two commas
        // (an age, a party) sits between the name and the appositive.
        let outer = match outer {
            None if before.len() <= 3
                && before.start > floor
                && self.is_punct(before.start - 1, ',')
                && hops < 2 =>
            {
                let inner_speaker = self.appositive_from(start - 1, floor, hops + 1);
                if let Some(mut s) = inner_speaker {
                    if reason.is_none() && s.name.is_some() && s.description.is_none() {
                        s.description = self.trimmed(inner.clone());
                    }
                    s.range = s.range.start..comma;
                    return Some(s);
                }
                None
            }
            other => other,
        };
        if let Some(reason) = reason {
            let mut s = outer.unwrap_or(Speaker {
                range: reason.clone(),
                name: None,
                description: None,
                kind: SourceKind::Anonymous,
                pronoun: None,
                reason: None,
            });
            if s.kind != SourceKind::Named {
                s.kind = SourceKind::Anonymous;
            }
            s.reason = Some(reason);
            return Some(s);
        }
        let appositive = self.classify(inner.clone());
        // A description starts in lower case, with a determiner, a title or a
        // possessive: "a senior fellow at ...", "Merkel's successor", "who studies ...".
        let described = !self.capitalised(inner.start)
            || self.lower_is(inner.start, DETERMINERS)
            || self.has(inner.start, Category::Title)
            || self.word(inner.start).ends_with("'s")
            || self.word(inner.start).ends_with("’s");
        let relative = self.lower_is(inner.start, RELATIVE_OPENERS);
        match (outer, appositive) {
            // "Trump's ambassador to Germany, Richard Grenell, recalled"
            (Some(o), Some(mut a))
                if !described
                    && a.name.is_some()
                    && o.name.is_none()
                    && o.pronoun.is_none()
                    && a.description.is_none() =>
            {
                a.description = self.trimmed(o.range.clone());
                a.range = o.range.start..a.range.end;
                Some(a)
            }
            (Some(mut o), a)
                if o.pronoun.is_none()
                    && (described || a.as_ref().is_some_and(|a| a.name.is_none())) =>
            {
                // "Emma Ashford, a senior fellow at the Stimson Center, said"
                // "Smith, however, said": a lone adverb describes no one.
                let adverb = inner.len() == 1 && !self.capitalised(inner.start)
                    // "Smith, for his part, said", "Smith, in a statement, said"
                    || self.after_preposition(inner.start + 1)
                    || self.has(inner.start, Category::AttributionPhrase);
                let written = if relative || adverb {
                    None
                } else {
                    self.trimmed(inner.clone())
                };
                if o.name.is_some() {
                    o.description = match (o.description.take(), written) {
                        (Some(d), Some(w)) => Some(Wording::Joined(format!(
                            "{}, {}",
                            d.as_str(self.text),
                            w.as_str(self.text)
                        ))),
                        (d, w) => d.or(w),
                    };
                }
                Some(o)
            }
            _ => None,
        }
    }

    /// The speaker phrase right after a cue ending before token `at`: `said Jane Doe`.
    pub(crate) fn speaker_after(&self, at: usize, lowercase_ok: bool) -> Option<Speaker> {
        let range = self.phrase_after(at, 10);
        if range.is_empty() {
            return None;
        }
        let first_ok = lowercase_ok
            || self.capitalised(range.start)
            || self.lower_is(range.start, SPEAKER_OPENERS);
        let names_someone = self
            .name_runs(range.clone())
            .any(|(run, possessive)| !possessive && !self.after_preposition(run.start));
        if !first_ok && !names_someone && !self.has(range.start, Category::Title) {
            return None;
        }
        let mut s = self.classify(range.clone())?;
        // After the cue only a phrase with a head is a speaker: "said the mayor", not
        // "..., said the roof leaked".
        if s.name.is_none() && s.pronoun.is_none() && !self.has_head(range.clone()) {
            return None;
        }
        // "said Jane Doe, a spokeswoman for the ministry"
        if s.name.is_some()
            && s.description.is_none()
            && self.is_punct(range.end, ',')
            && (self.is_word(range.end + 1) && !self.capitalised(range.end + 1)
                || self.has(range.end + 1, Category::Title))
            && !self.lower_is(range.end + 1, NOT_DESCRIPTION)
            && !self.has(range.end + 1, Category::SpeechVerb)
        {
            let mut end = range.end + 1;
            while end < self.len()
                && end - range.end < 14
                && !self.lower_is(end, DESCRIPTION_END)
                && !self.is_punct(end, ',')
                && !self.is_stop(end)
                && !self.is_quote_mark(end)
            {
                end += 1;
            }
            s.description = self.trimmed(range.end + 1..end);
            s.range = s.range.start..end;
        }
        Some(s)
    }
}
