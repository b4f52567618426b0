//! The context rules of the hedging analyzer: whether the words around a hit let it be a
//! hedge or a booster.
//!
//! Every rule looks at a bounded window of tokens (at most a few words on each side,
//! never past the sentence), so the analyzer stays linear in the text. The closed-class
//! words the rules compare against (forms of "be", prepositions before a month, verbs of
//! past ability) are small fixed lists in `words`, named for the rule that reads them;
//! the open lists (the cues themselves) are data in `src/lexicon/hedging.tsv`.

use crate::hedging::cue::{Cue, Rule};
use crate::lexicon::Category;
use crate::scan::{Hit, Scan, SentenceCursor, Token, TokenKind};

mod words;

use words::*;

/// The article's tokens and hits, with helpers to look around a hit.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) scan: &'a Scan,
    pub(crate) tokens: &'a [Token],
    sentences: SentenceCursor<'a>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(text: &'a str, scan: &'a Scan) -> Context<'a> {
        Context {
            text,
            scan,
            tokens: scan.tokens(),
            sentences: SentenceCursor::new(scan),
        }
    }

    fn token_text(&self, index: usize) -> &'a str {
        self.tokens
            .get(index)
            .map_or("", |t| t.span().text(self.text))
    }

    /// True when token `index` is a word in `words` (ASCII case ignored, ’ read as ').
    fn is_word(&self, index: usize, words: &Words) -> bool {
        let Some(token) = self.tokens.get(index) else {
            return false;
        };
        if token.kind() != TokenKind::Word {
            return false;
        }
        let text = token.span().text(self.text);
        if !text.is_ascii() && text.contains('\u{2019}') {
            let folded = text.replace('\u{2019}', "'");
            words.list.iter().any(|w| w.eq_ignore_ascii_case(&folded))
        } else {
            words.may_hold(text.as_bytes())
                && words.list.iter().any(|w| w.eq_ignore_ascii_case(text))
        }
    }

    /// The token before `index` in the same sentence.
    fn before(&self, index: usize) -> Option<usize> {
        let previous = index.checked_sub(1)?;
        let same = self.same_sentence(previous, index)?;
        same.then_some(previous)
    }

    /// The token `index` if it belongs to the sentence of token `of`.
    fn within(&self, index: usize, of: usize) -> Option<usize> {
        let same = self.same_sentence(index, of)?;
        same.then_some(index)
    }

    /// Whether tokens `a` and `b` belong to one sentence, when both exist.
    #[inline]
    fn same_sentence(&self, a: usize, b: usize) -> Option<bool> {
        (a.max(b) < self.tokens.len()).then(|| self.sentences.same(a, b))
    }

    fn is_number(&self, index: usize) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|t| t.kind() == TokenKind::Number)
    }

    fn is_punct(&self, index: usize) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|t| t.kind() == TokenKind::Punct)
    }

    /// The text of the hit's last token after the hit: "n't" of "couldn't", "'s" of "May's".
    fn tail(&self, hit: &Hit) -> &'a str {
        let last = (hit.end_token as usize).saturating_sub(1);
        self.tokens.get(last).map_or("", |t| {
            self.text
                .get(hit.span.end..t.span().end.max(hit.span.end))
                .unwrap_or("")
        })
    }

    fn is_negation(&self, index: usize) -> bool {
        let text = self.token_text(index);
        self.scan.is_at(index, Category::Negation)
            || text.ends_with("n't")
            || text.ends_with("n\u{2019}t")
    }

    /// A negation among the `window` tokens before token `first`, in the same sentence,
    /// with no punctuation between: "not possible", "no policy decisions".
    pub(crate) fn negated_before(&self, first: usize, window: usize) -> bool {
        let mut at = first;
        for _ in 0..window {
            let Some(previous) = self.before(at) else {
                return false;
            };
            if self.is_punct(previous) {
                return false;
            }
            if self.is_negation(previous) {
                return true;
            }
            at = previous;
        }
        false
    }

    /// A negation right after the hit: "could not", "couldn't", "would never".
    fn negated_after(&self, hit: &Hit) -> bool {
        let tail = self.tail(hit);
        if tail.ends_with("n't") || tail.ends_with("n\u{2019}t") {
            return true;
        }
        self.within(hit.end_token as usize, hit.first_token as usize)
            .is_some_and(|next| self.is_negation(next))
    }

    /// The first token after the hit in its sentence.
    fn after(&self, hit: &Hit) -> Option<usize> {
        self.within(hit.end_token as usize, hit.first_token as usize)
    }

    /// Whether a hedge cue with these rules is a hedge here.
    pub(crate) fn hedge_rules_pass(&self, hit: &Hit, cue: &Cue) -> bool {
        !self.in_compound(hit)
            && cue.rules().all(|rule| match rule {
                Rule::May => self.may_is_modal(hit),
                Rule::Ability => !self.past_ability(hit),
                Rule::Habit => !self.habitual(hit),
                Rule::Fixed => !self.fixed_possible(hit),
                Rule::Number => self.before_number(hit),
                Rule::Projecting => self.projecting(hit, cue.has(Rule::Passive)),
                Rule::Negated => self.negated_before(hit.first_token as usize, 3),
                Rule::Negatable => !self.negated_before(hit.first_token as usize, 3),
                // Checked by the caller, which needs the verb's extent.
                Rule::Verbal => !self
                    .before(hit.first_token as usize)
                    .is_some_and(|p| self.is_word(p, &ARTICLES)),
                Rule::AfterIn => {
                    self.before(hit.first_token as usize)
                        .is_some_and(|p| self.is_word(p, &IN))
                        && !self.after(hit).is_some_and(|n| self.is_number(n))
                }
                Rule::Complement => self.after(hit).is_some_and(|next| {
                    let ends_clause = matches!(
                        self.token_text(next),
                        "." | "," | ";" | ":" | ")" | "!" | "?"
                    );
                    !ends_clause && !self.is_word(next, &NOT_COMPLEMENTS)
                }),
                Rule::Subject | Rule::Predicative | Rule::Passive => true,
            })
    }

    /// The hit is the first part of a hyphenated compound: "clear-eyed", "would-be".
    pub(crate) fn in_compound(&self, hit: &Hit) -> bool {
        let end = hit.end_token as usize;
        let (Some(hyphen), Some(word)) = (self.tokens.get(end), self.tokens.get(end + 1)) else {
            return false;
        };
        hyphen.span().start == hit.span.end
            && hyphen.span().text(self.text) == "-"
            && word.span().start == hyphen.span().end
            && word.kind() == TokenKind::Word
    }

    /// A verb that projects: before "to" or "that" ("is expected to", "appears that"), or,
    /// when `passive`, after a form of "be" ("a verdict is expected next week"); never
    /// "as expected" or "the expected result".
    fn projecting(&self, hit: &Hit, passive: bool) -> bool {
        self.after(hit)
            .is_some_and(|next| self.is_word(next, &TO_THAT))
            || passive
                && self
                    .before(hit.first_token as usize)
                    .is_some_and(|previous| self.is_word(previous, &BE))
    }

    /// "may" is the modal unless it is the month or the name: "in May", "May 5",
    /// "Theresa May", "May's plan".
    fn may_is_modal(&self, hit: &Hit) -> bool {
        let first = hit.first_token as usize;
        let word = hit.span.text(self.text);
        if self.tail(hit).starts_with(['\'', '\u{2019}']) {
            return false;
        }
        let next = self.after(hit);
        if next.is_some_and(|n| self.is_number(n)) {
            return false;
        }
        let previous = self.before(first);
        // "in May", "mid-May".
        let hyphen = previous.is_some_and(|p| self.token_text(p) == "-");
        if hyphen || previous.is_some_and(|p| self.is_word(p, &BEFORE_MONTH)) {
            return false;
        }
        let capital = word.starts_with('M') && !word.bytes().all(|b| b.is_ascii_uppercase());
        if !capital {
            return true;
        }
        // A capital "May" after a word is a name or a month; at the start of a
        // sentence it is the modal unless a number, a comma or a speech verb follows.
        let after_word = previous.is_some_and(|p| !self.is_punct(p));
        let starts_name =
            next.is_some_and(|n| self.is_punct(n) || self.scan.is_at(n, Category::SpeechVerb));
        !after_word && !starts_name
    }

    /// "could" of past ability: "could not find", "nobody could", "she could swim", "as fast
    /// as he could".
    fn past_ability(&self, hit: &Hit) -> bool {
        // "could not find", "nobody could identify".
        if self.negated_after(hit) || self.negated_before(hit.first_token as usize, 2) {
            return true;
        }
        if self
            .after(hit)
            .is_some_and(|n| self.is_word(n, &ABILITY_VERBS))
        {
            return true;
        }
        let first = hit.first_token as usize;
        let Some(subject) = self.before(first) else {
            return false;
        };
        if !self.scan.is_at(subject, Category::Pronoun) {
            return false;
        }
        let Some(joiner) = self.before(subject) else {
            return false;
        };
        self.is_word(joiner, &AS_SO)
            || (self.is_word(joiner, &THAT)
                && self.before(joiner).is_some_and(|s| self.is_word(s, &SO)))
    }

    /// "would" that is not hypothetical: refusal ("would not comment"), wish ("would
    /// like"), habit ("would often walk"), or a plan reported after a speech verb.
    fn habitual(&self, hit: &Hit) -> bool {
        if self.negated_after(hit) || self.after(hit).is_some_and(|n| self.is_word(n, &HABIT)) {
            return true;
        }
        let mut at = hit.first_token as usize;
        for _ in 0..12 {
            let Some(previous) = self.before(at) else {
                return false;
            };
            // A verb that introduces reported speech ("said", "told reporters"), not
            // one that only attributes quotations ("continued", "asked").
            let reports = self
                .scan
                .entry_at(previous, Category::SpeechVerb)
                .is_some_and(|(_, entry)| !entry.payload.split_whitespace().any(|w| w == "direct"));
            if reports {
                return true;
            }
            at = previous;
        }
        false
    }

    /// "possible" in a fixed phrase: "as soon as possible", "made possible", "made it
    /// possible", "the best possible", "where possible", "it is possible to".
    fn fixed_possible(&self, hit: &Hit) -> bool {
        // "it is possible to bend the pins", "possible without surgery": what can be done,
        // not what may be true ("possible in the coming weeks" stays a hedge).
        if self.after(hit).is_some_and(|n| self.is_word(n, &FEASIBLE)) {
            return true;
        }
        let first = hit.first_token as usize;
        let Some(previous) = self.before(first) else {
            return false;
        };
        if self.is_word(previous, &FIXING) {
            return true;
        }
        // "made possible", "made it possible", "made the repair possible".
        let mut at = first;
        for _ in 0..3 {
            match self.before(at) {
                Some(p) if self.is_word(p, &MAKE) => return true,
                Some(p) if !self.is_punct(p) => at = p,
                _ => return false,
            }
        }
        false
    }

    /// A number follows: "about 40", "some $3 million", "around a dozen", "nearly half".
    fn before_number(&self, hit: &Hit) -> bool {
        let Some(mut next) = self.after(hit) else {
            return false;
        };
        for _ in 0..2 {
            let text = self.token_text(next);
            let skip = matches!(text, "$" | "£" | "€" | "¥") || self.is_word(next, &A_AN);
            if !skip {
                break;
            }
            match self.within(next + 1, next) {
                Some(n) => next = n,
                None => return false,
            }
        }
        self.is_number(next)
            || [Category::NumberWord, Category::Fraction, Category::Scale]
                .into_iter()
                .any(|c| self.scan.is_at(next, c))
    }

    /// For a weasel subject ("critics", "some people"): the index one past the speech or
    /// belief verb that completes it, if there is one.
    pub(crate) fn weasel_verb_end(
        &self,
        hit: &Hit,
        cue_of: impl Fn(&Hit) -> bool,
    ) -> Option<usize> {
        let first = hit.first_token as usize;
        if self
            .before(first)
            .is_some_and(|p| self.is_word(p, &DETERMINERS))
        {
            return None;
        }
        let mut at = self.after(hit)?;
        // Up to two plain lowercase words between, not function words: "some people say",
        // "critics also argue", "skeptics have argued".
        for _ in 0..3 {
            if let Some(verb) = self.scan.hit_at(at) {
                // The speech verb must report speech here: a `that` verb before "that"
                // ("critics warn that", not "some mutants show"), never a `direct` one.
                let speech = self.scan.entries(&verb).iter().any(|e| {
                    let mut flags = e.payload.split_whitespace().skip(1);
                    e.category == Category::SpeechVerb
                        && match flags.next() {
                            Some("that") => {
                                self.after(&verb).is_some_and(|n| self.is_word(n, &THAT))
                            }
                            Some("direct") => false,
                            _ => true,
                        }
                });
                if speech || cue_of(&verb) {
                    return Some(verb.end_token as usize);
                }
            }
            let plain = self.tokens.get(at).is_some_and(|t| {
                t.kind() == TokenKind::Word
                    && t.span()
                        .text(self.text)
                        .starts_with(|c: char| c.is_lowercase())
            });
            if !plain || self.is_negation(at) || self.is_word(at, &FUNCTION_WORDS) {
                return None;
            }
            at = self.within(at + 1, at)?;
        }
        None
    }

    /// A predicative booster: a linking verb before it, maybe past a negation or degree
    /// word: "it is clear", "is not entirely certain", "made it clear".
    pub(crate) fn predicative(&self, hit: &Hit) -> bool {
        let mut at = hit.first_token as usize;
        let mut skipped_object = false;
        for _ in 0..4 {
            let Some(previous) = self.before(at) else {
                return false;
            };
            if self.is_word(previous, &LINKING) {
                return true;
            }
            if self.is_word(previous, &MAKE) {
                return skipped_object;
            }
            if !(self.is_word(previous, &DEGREE) || self.is_negation(previous)) {
                return false;
            }
            skipped_object |= self.is_word(previous, &IT_THIS_THAT);
            at = previous;
        }
        false
    }

    /// A passive report on a speech verb: "is said to", "it was reported that". Returns
    /// the token where the phrase starts.
    pub(crate) fn passive_report(&self, hit: &Hit, payload: &str) -> Option<usize> {
        // A form of "be" before the verb first: it is rarer than a reporting lemma.
        let first = hit.first_token as usize;
        let be = self.before(first).filter(|&b| self.is_word(b, &BE))?;
        // The payload starts with the lemma ("say clause").
        let lemma = payload.split_whitespace().next().unwrap_or("");
        if !REPORT_LEMMAS.contains(&lemma) {
            return None;
        }
        let subject_it = self.before(be).filter(|&s| self.is_word(s, &IT));
        let projects = self.after(hit).is_some_and(|n| self.is_word(n, &TO_THAT));
        match (subject_it, projects) {
            (Some(it), _) => Some(it),
            (None, true) => Some(be),
            (None, false) => None,
        }
    }

    /// True when token `index` is the word "it".
    pub(crate) fn is_it(&self, index: usize) -> bool {
        self.is_word(index, &IT)
    }

    /// The token of "in" before a cue with the `after_in` rule ("in part").
    pub(crate) fn preposition_before(&self, hit: &Hit) -> Option<usize> {
        self.before(hit.first_token as usize)
            .filter(|&p| self.is_word(p, &IN))
    }

    /// "it is thought", "it was believed": the token of "it" before an epistemic verb.
    pub(crate) fn impersonal_subject(&self, hit: &Hit) -> Option<usize> {
        let be = self
            .before(hit.first_token as usize)
            .filter(|&b| self.is_word(b, &BE))?;
        self.before(be).filter(|&s| self.is_word(s, &IT))
    }

    /// The span start of token `index`.
    pub(crate) fn start_of(&self, index: usize) -> usize {
        self.tokens.get(index).map_or(0, |t| t.span().start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_list_filter_never_turns_away_one_of_its_words() {
        let lists = [
            &LINKING,
            &BE,
            &DEGREE,
            &HABIT,
            &FUNCTION_WORDS,
            &TO_THAT,
            &IT,
        ];
        for words in lists {
            for &word in words.list {
                assert!(words.may_hold(word.as_bytes()), "{word}");
                assert!(
                    words.may_hold(word.to_ascii_uppercase().as_bytes()),
                    "{word}"
                );
            }
        }
        assert!(
            !BE.may_hold(b"considered"),
            "no word of BE is ten bytes long"
        );
        assert!(!BE.may_hold(b"on"), "no word of BE starts with o");
        assert!(!BE.may_hold("\u{e9}s".as_bytes()));
        assert!(!IT.may_hold(b""));
    }
}
