//! Hedging: the words by which an article signals uncertainty (hedges) or certainty
//! (boosters), who uses them (the writer or a quoted speaker), and how firm each sentence
//! is.
//!
//! Cues come from the shared scan (lexicon category [`Category::Hedge`] and
//! [`Category::Booster`], payload described in `src/lexicon/hedging.tsv`), then context
//! rules look at a few neighbouring tokens to drop the look-alikes: "May" the month,
//! "could" of past ability, "would" of habit, "as soon as possible", "talked about",
//! "some NATO members", "as if", "whether or not", "expected" that does not project.
//! A negated booster is a hedge ("not clear"); a negated "possible" is not.
//!
//! [`Hedging::new`] reports every [`HedgeCategory`] but approximators ("about 40"), which
//! blur a number rather than doubt a claim; [`Hedging::all`] and [`Hedging::categories`]
//! choose otherwise. Each finding says whether it sits inside a direct or partial quote
//! ([`Hedge::in_quote`]); [`HedgeStats`] gives densities per 100 words for the writer and
//! for quoted speakers, and [`SentenceCertainty`] scores each sentence.
//!
//! # Example: hedges, boosters and the certainty of each sentence
//!
//! ```
//! use copydesk::{Analyzer, Article, Hedging};
//! use copydesk::hedging::HedgeCategory;
//!
//! let article = Article::new(
//!     "The minister may resign if the vote fails. It is clearly over, \"probably\" for good.",
//! );
//! let findings = Hedging::new().analyze(&article);
//! let cues: Vec<_> = findings.hedges.iter().map(|h| (h.text.as_str(), h.category)).collect();
//! assert_eq!(cues, [
//!     ("may", HedgeCategory::Modal),
//!     ("if", HedgeCategory::Conditional),
//!     ("probably", HedgeCategory::Probability),
//! ]);
//! assert!(findings.hedges[2].in_quote);
//! assert_eq!(findings.boosters[0].text, "clearly");
//! assert!(findings.sentences[0].certainty < findings.sentences[1].certainty);
//! ```
//!
//! # Example: weasels only, and a cue of your own
//!
//! ```
//! use copydesk::{Analyzer, Article, Category, Hedging, LexiconBuilder};
//! use copydesk::hedging::HedgeCategory;
//!
//! let lexicon = LexiconBuilder::with_defaults()
//!     .add("word on the street", Category::Hedge, "weasel 0.7")?
//!     .build()?;
//! let text = "Critics say the law may fail. Word on the street is that it will.";
//! let article = Article::builder(text).lexicon(lexicon).build()?;
//! let weasels = Hedging::new().categories(&[HedgeCategory::Weasel]).analyze(&article);
//! let cues: Vec<_> = weasels.hedges.iter().map(|h| h.text.as_str()).collect();
//! assert_eq!(cues, ["Critics say", "Word on the street"]);
//! # Ok::<(), copydesk::Error>(())
//! ```

pub(crate) mod cue;
mod rules;

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::article::Article;
use crate::lexicon::{Category, Entry, Lexicon};
use crate::scan::{Hit, TokenKind};
use crate::span::Span;

use self::cue::{CueKind, Rule};
use self::rules::Context;

/// What kind of hedge a cue is (or [`HedgeCategory::Booster`] for a booster).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HedgeCategory {
    /// A modal verb of possibility: "The ceasefire **may** collapse by spring."
    Modal,
    /// A verb or phrase of belief, expectation or appearance: "The council **is expected
    /// to** approve the budget." "The leak **appears to** come from the ministry."
    Epistemic,
    /// An adjective, adverb or noun of probability: "a **possible** second term", "the
    /// talks will **probably** resume".
    Probability,
    /// A condition the claim depends on: "**If** the rain stops, the match goes ahead."
    Conditional,
    /// An approximate quantity: "**about** 40 people", "**some** 300 homes". Not
    /// reported by [`Hedging::new`]; ask for it with [`Hedging::all`] or
    /// [`Hedging::categories`].
    Approximator,
    /// The writer does not vouch for the claim: "The mayor **reportedly** resigned", "the
    /// owner **is said** to favour a sale",
    /// "**according to people familiar with** the plans", "an aide, **who asked not to
    /// be named**". Anonymous sources and reasons for anonymity are read from the
    /// lexicon's `anonymous_source` and `anonymity_reason` entries.
    Distancing,
    /// A vague crowd as the source: "**Critics argue** the fee is unfair", "**it is
    /// thought** that...", "**it is said** that...".
    Weasel,
    /// The matter is still open: "**No decision has been made**", "it **remains unclear**".
    Unsettled,
    /// A booster, the opposite of a hedge: "The results are **clearly** wrong." Only in
    /// [`HedgingFindings::boosters`].
    Booster,
}

impl HedgeCategory {
    /// The categories [`Hedging::new`] reports: every one but
    /// [`HedgeCategory::Approximator`]. An approximator blurs a quantity ("about 40")
    /// without doubting the claim; annotators of uncertainty do not mark it, and counting
    /// it cost 0.03 sentence F1 on the Wikipedia and biomedical development sets.
    pub const DEFAULT: &'static [HedgeCategory] = &[
        HedgeCategory::Modal,
        HedgeCategory::Epistemic,
        HedgeCategory::Probability,
        HedgeCategory::Conditional,
        HedgeCategory::Distancing,
        HedgeCategory::Weasel,
        HedgeCategory::Unsettled,
        HedgeCategory::Booster,
    ];

    /// Every category, boosters and approximators included.
    pub const ALL: &'static [HedgeCategory] = &[
        HedgeCategory::Modal,
        HedgeCategory::Epistemic,
        HedgeCategory::Probability,
        HedgeCategory::Conditional,
        HedgeCategory::Approximator,
        HedgeCategory::Distancing,
        HedgeCategory::Weasel,
        HedgeCategory::Unsettled,
        HedgeCategory::Booster,
    ];

    /// The snake_case name used in payloads and JSON.
    pub fn name(self) -> &'static str {
        match self {
            HedgeCategory::Modal => "modal",
            HedgeCategory::Epistemic => "epistemic",
            HedgeCategory::Probability => "probability",
            HedgeCategory::Conditional => "conditional",
            HedgeCategory::Approximator => "approximator",
            HedgeCategory::Distancing => "distancing",
            HedgeCategory::Weasel => "weasel",
            HedgeCategory::Unsettled => "unsettled",
            HedgeCategory::Booster => "booster",
        }
    }

    /// The category with this snake_case name.
    pub fn from_name(name: &str) -> Option<HedgeCategory> {
        HedgeCategory::ALL
            .iter()
            .copied()
            .find(|c| c.name() == name)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A hedge or booster: where it is, its cue, its category, and whether a quoted speaker
/// (rather than the writer) uses it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Hedge {
    /// Where the cue is (serialized as `start` and `end`).
    pub span: Span,
    /// The cue as written: "is expected to" gives "expected", a weasel "Critics argue".
    pub text: String,
    /// What kind of cue it is.
    pub category: HedgeCategory,
    /// True inside a direct or partial quote: the speaker hedges, not the writer.
    pub in_quote: bool,
    /// How strongly it moves certainty, from 0 to 1 (the lexicon's weight).
    pub weight: f64,
}

crate::json::serialize_fields!(Hedge {
    span;
    text,
    category,
    in_quote,
    weight
});

/// The certainty of one sentence.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct SentenceCertainty {
    /// Where the sentence is (serialized as `start` and `end`).
    pub span: Span,
    /// Number of hedges in it.
    pub hedges: usize,
    /// Number of boosters in it.
    pub boosters: usize,
    /// From 0 (very uncertain) to 1 (very certain):
    /// `1 / (1 + exp(-(1 + B - 2H)))`, where `H` and `B` are the summed weights of its
    /// hedges and boosters. A sentence without either scores 0.73; one hedge of weight
    /// 0.7 brings it to 0.40; one booster of weight 0.8 raises it to 0.86.
    pub certainty: f64,
}

crate::json::serialize_fields!(SentenceCertainty {
    span;
    hedges,
    boosters,
    certainty
});

/// Hedge and booster densities of an article, flattened into the report's `stats`.
///
/// Densities are per 100 words of the whole text, of the writer's own text (outside
/// quotation marks) and of quoted text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HedgeStats {
    /// Number of hedges.
    pub hedge_count: usize,
    /// Number of boosters.
    pub booster_count: usize,
    /// Words inside quotation marks.
    pub quoted_words: usize,
    /// Hedges per 100 words.
    pub hedges_per_100_words: f64,
    /// Boosters per 100 words.
    pub boosters_per_100_words: f64,
    /// The writer's hedges per 100 words of the writer's text.
    pub writer_hedges_per_100_words: f64,
    /// Quoted speakers' hedges per 100 quoted words.
    pub quoted_hedges_per_100_words: f64,
    /// The writer's boosters per 100 words of the writer's text.
    pub writer_boosters_per_100_words: f64,
    /// Quoted speakers' boosters per 100 quoted words.
    pub quoted_boosters_per_100_words: f64,
}

/// Hedges and boosters of an article, with the certainty of each sentence.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HedgingFindings {
    /// Hedges, sorted by start.
    pub hedges: Vec<Hedge>,
    /// Boosters, sorted by start.
    pub boosters: Vec<Hedge>,
    /// One entry per sentence of [`Article::sentences`], in order.
    pub sentences: Vec<SentenceCertainty>,
    /// Densities.
    pub stats: HedgeStats,
}

impl HedgingFindings {
    /// The certainty of each sentence, from 0 to 1 (see [`SentenceCertainty::certainty`]).
    pub fn sentence_scores(&self) -> Vec<f64> {
        self.sentences.iter().map(|s| s.certainty).collect()
    }
}

/// The hedging analyzer. [`Hedging::new`] reports the categories of
/// [`HedgeCategory::DEFAULT`] (all but approximators), [`Hedging::all`] every one, and
/// [`Hedging::categories`] those you choose.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Hedging {
    categories: u16,
}

impl Default for Hedging {
    fn default() -> Self {
        Hedging::new()
    }
}

impl Hedging {
    /// An analyzer that reports the categories of [`HedgeCategory::DEFAULT`].
    pub fn new() -> Hedging {
        Hedging::all().categories(HedgeCategory::DEFAULT)
    }

    /// An analyzer that reports every category, approximators and boosters included.
    pub fn all() -> Hedging {
        Hedging { categories: 0 }.categories(HedgeCategory::ALL)
    }

    /// Reports only these categories (include [`HedgeCategory::Booster`] to keep
    /// boosters). Sentence scores count only what is reported.
    pub fn categories(mut self, categories: &[HedgeCategory]) -> Hedging {
        self.categories = categories.iter().fold(0, |bits, c| bits | c.bit());
        self
    }

    fn wants(&self, category: HedgeCategory) -> bool {
        self.categories & category.bit() != 0
    }
}

/// A finding before it is placed: its span, category and weight.
struct Found {
    span: Span,
    category: HedgeCategory,
    weight: f64,
    /// One past the last token it covers, so that the hits it swallowed are skipped.
    end_token: usize,
}

impl Analyzer for Hedging {
    type Output = HedgingFindings;

    fn name(&self) -> &'static str {
        "hedging"
    }

    fn analyze(&self, article: &Article) -> HedgingFindings {
        let text = article.text();
        let scan = article.scan();
        let context = Context::new(text, scan);
        let lexicon = article.lexicon();
        let hits = scan.hits();
        // About one hedge per 20 hits and one booster per 80 in news: room for most
        // articles' findings at once, rather than growing each list from nothing.
        let mut findings = HedgingFindings {
            hedges: Vec::with_capacity(hits.len() / 16 + 4),
            boosters: Vec::with_capacity(hits.len() / 64 + 2),
            ..HedgingFindings::default()
        };
        let mut skip_until = 0usize;
        for (index, hit) in scan.hits_in(CUE_CATEGORIES) {
            if (hit.first_token as usize) < skip_until {
                continue;
            }
            let previous = index.checked_sub(1).and_then(|i| hits.get(i));
            let Some(found) = cue_at(&context, lexicon, &hit, previous.as_ref(), |c| {
                self.wants(c)
            }) else {
                continue;
            };
            skip_until = found.end_token;
            if !self.wants(found.category) {
                continue;
            }
            let hedge = Hedge {
                span: found.span,
                text: found.span.text(text).to_string(),
                category: found.category,
                in_quote: article.quotation_at(found.span.start).is_some(),
                weight: found.weight,
            };
            if found.category == HedgeCategory::Booster {
                findings.boosters.push(hedge);
            } else {
                findings.hedges.push(hedge);
            }
        }
        // The guesses above are generous: a long article gives back what it did not use.
        crate::marks::shrink_if_spare(&mut findings.hedges);
        crate::marks::shrink_if_spare(&mut findings.boosters);
        findings.sentences = sentence_scores(article, &findings);
        findings.stats = stats(article, &findings);
        findings
    }
}

/// The categories of the hits a hedge or booster can start at: most hits are of other
/// analyzers, passed over with one look at their categories.
const CUE_CATEGORIES: u64 = Category::Hedge.bit()
    | Category::Booster.bit()
    | Category::SpeechVerb.bit()
    | Category::AnonymityReason.bit()
    | Category::AnonymousSource.bit();

/// The hedge or booster that starts at this hit, if any. A weasel template is only built
/// when weasels are wanted, so that "many believe" still gives "believe" to a user who
/// asked for epistemic cues alone.
fn cue_at(
    context: &Context<'_>,
    lexicon: &Lexicon,
    hit: &Hit,
    previous: Option<&Hit>,
    wants: impl Fn(HedgeCategory) -> bool,
) -> Option<Found> {
    let scan = context.scan;
    if lexicon.categories(hit.pattern) & CUE_CATEGORIES == 0 {
        return None;
    }
    let entries = scan.entries(hit);
    let single = |category, weight| Found {
        span: hit.span,
        category,
        weight,
        end_token: hit.end_token as usize,
    };
    let is = |entry: &Entry, category| entry.category == category;
    for (index, entry) in entries.iter().enumerate() {
        if !is(entry, Category::Hedge) {
            continue;
        }
        let cue = lexicon.hedge_cue(hit.pattern, index);
        let category = match cue.kind {
            CueKind::Stop => return None,
            CueKind::Verb => continue,
            CueKind::Hedge(category) => category,
        };
        if !context.hedge_rules_pass(hit, &cue) {
            continue;
        }
        if cue.has(Rule::Subject) {
            if !wants(category) {
                continue;
            }
            let verb_end =
                context.weasel_verb_end(hit, |verb| is_belief_verb(context, lexicon, verb));
            if let Some(end_token) = verb_end {
                let end = context.tokens[end_token - 1].span().end;
                return Some(Found {
                    span: Span::new(hit.span.start, end),
                    category,
                    weight: cue.weight,
                    end_token,
                });
            }
            continue;
        }
        let mut found = single(category, cue.weight);
        if cue.has(Rule::AfterIn) {
            if let Some(preposition) = context.preposition_before(hit) {
                found.span.start = context.start_of(preposition);
            }
        }
        if category == HedgeCategory::Epistemic && wants(HedgeCategory::Weasel) {
            if let Some(it) = context.impersonal_subject(hit) {
                found.span.start = context.start_of(it);
                found.category = HedgeCategory::Weasel;
            }
        }
        if category == HedgeCategory::Distancing {
            found.span = with_attribution(context, found.span, hit, previous);
        }
        return Some(found);
    }
    for (index, entry) in entries.iter().enumerate() {
        if !is(entry, Category::Booster) {
            continue;
        }
        let cue = lexicon.hedge_cue(hit.pattern, index);
        if context.in_compound(hit) || (cue.has(Rule::Predicative) && !context.predicative(hit)) {
            continue;
        }
        if let CueKind::Hedge(category) = cue.kind {
            if context.negated_before(hit.first_token as usize, 3) {
                return Some(single(category, cue.weight));
            }
        }
        return Some(single(HedgeCategory::Booster, cue.weight));
    }
    if let Some(entry) = entries.iter().find(|e| is(e, Category::SpeechVerb)) {
        if let Some(start) = context.passive_report(hit, &entry.payload) {
            // "it is said that" names no one at all: a weasel; "he is said to" distances.
            let impersonal = context.is_it(start) && wants(HedgeCategory::Weasel);
            let category = if impersonal {
                HedgeCategory::Weasel
            } else {
                HedgeCategory::Distancing
            };
            let mut found = single(category, 0.6);
            found.span.start = context.start_of(start);
            return Some(found);
        }
    }
    // A phrase that names its source as anonymous ("people familiar with", "informed
    // sources") or gives a reason ("who asked not to be named") distances the writer. A
    // single word ("officials", "source") needs the context the sources analyzer reads:
    // "a source of income" is no hedge.
    let anonymous = entries.iter().any(|e| {
        e.category == Category::AnonymityReason
            || (e.category == Category::AnonymousSource && hit.end_token > hit.first_token + 1)
    });
    if anonymous {
        let span = with_attribution(context, hit.span, hit, previous);
        return Some(Found {
            span,
            ..single(HedgeCategory::Distancing, 0.5)
        });
    }
    None
}

/// A belief or speech verb that completes a weasel template: "argue" (a `verb` payload)
/// or an epistemic hedge ("believe", "think").
fn is_belief_verb(context: &Context<'_>, lexicon: &Lexicon, verb: &Hit) -> bool {
    let mut entries = context.scan.entries(verb).iter().enumerate();
    entries.any(|(index, e)| {
        if e.category != Category::Hedge {
            return false;
        }
        let cue = lexicon.hedge_cue(verb.pattern, index);
        match cue.kind {
            CueKind::Verb => true,
            // "analysts had expected" is no projection, so no weasel either.
            CueKind::Hedge(HedgeCategory::Epistemic) => context.hedge_rules_pass(verb, &cue),
            _ => false,
        }
    })
}

/// Extends a distancing cue to the attribution phrase right before it: "according to"
/// + "unconfirmed reports" or + "people familiar with".
fn with_attribution(context: &Context<'_>, span: Span, hit: &Hit, previous: Option<&Hit>) -> Span {
    match previous {
        Some(before)
            if before.end_token == hit.first_token
                && context
                    .scan
                    .entries(before)
                    .iter()
                    .any(|e| e.category == Category::AttributionPhrase) =>
        {
            before.span.cover(span)
        }
        _ => span,
    }
}

fn certainty(hedge_weight: f64, booster_weight: f64) -> f64 {
    1.0 / (1.0 + (-(1.0 + booster_weight - 2.0 * hedge_weight)).exp())
}

/// One score per sentence; hedges and boosters are sorted, so one cursor each.
fn sentence_scores(article: &Article, findings: &HedgingFindings) -> Vec<SentenceCertainty> {
    let mut hedges = findings.hedges.iter().peekable();
    let mut boosters = findings.boosters.iter().peekable();
    article
        .sentences()
        .iter()
        .map(|&span| {
            let sum = |items: &mut std::iter::Peekable<std::slice::Iter<'_, Hedge>>| {
                let (mut count, mut weight) = (0, 0.0);
                while let Some(item) = items.next_if(|h| h.span.start < span.end) {
                    if item.span.start >= span.start {
                        count += 1;
                        weight += item.weight;
                    }
                }
                (count, weight)
            };
            let (hedge_count, hedge_weight) = sum(&mut hedges);
            let (booster_count, booster_weight) = sum(&mut boosters);
            SentenceCertainty {
                span,
                hedges: hedge_count,
                boosters: booster_count,
                certainty: certainty(hedge_weight, booster_weight),
            }
        })
        .collect()
}

/// Words inside outermost quotations: the tokens of each, found by binary search.
fn quoted_words(article: &Article) -> usize {
    let tokens = article.scan().tokens();
    // Outermost quotations are sorted and do not overlap; `from` guards anyway against
    // counting a token twice.
    let mut from = 0;
    let mut count = 0;
    for q in article.quotations().iter().filter(|q| q.depth == 0) {
        let start = from.max(tokens.partition_point(|t| t.span().start < q.span.start));
        let end = start.max(tokens.partition_point(|t| t.span().start < q.span.end));
        count += tokens[start..end]
            .iter()
            .filter(|t| t.kind() != TokenKind::Punct)
            .count();
        from = end;
    }
    count
}

fn per_100(count: usize, words: usize) -> f64 {
    if words == 0 {
        return 0.0;
    }
    (count as f64 * 100.0 / words as f64 * 1000.0).round() / 1000.0
}

fn stats(article: &Article, findings: &HedgingFindings) -> HedgeStats {
    let words = article.word_count();
    let quoted = quoted_words(article).min(words);
    let writer = words - quoted;
    let split = |items: &[Hedge]| {
        let in_quote = items.iter().filter(|h| h.in_quote).count();
        (items.len() - in_quote, in_quote)
    };
    let (writer_hedges, quoted_hedges) = split(&findings.hedges);
    let (writer_boosters, quoted_boosters) = split(&findings.boosters);
    HedgeStats {
        hedge_count: findings.hedges.len(),
        booster_count: findings.boosters.len(),
        quoted_words: quoted,
        hedges_per_100_words: per_100(findings.hedges.len(), words),
        boosters_per_100_words: per_100(findings.boosters.len(), words),
        writer_hedges_per_100_words: per_100(writer_hedges, writer),
        quoted_hedges_per_100_words: per_100(quoted_hedges, quoted),
        writer_boosters_per_100_words: per_100(writer_boosters, writer),
        quoted_boosters_per_100_words: per_100(quoted_boosters, quoted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_auto_traits<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}

    #[test]
    fn public_types_are_send_sync_unwind_safe() {
        assert_auto_traits::<Hedge>();
        assert_auto_traits::<Hedging>();
        assert_auto_traits::<HedgeCategory>();
        assert_auto_traits::<HedgingFindings>();
        assert_auto_traits::<HedgeStats>();
        assert_auto_traits::<SentenceCertainty>();
    }

    #[test]
    fn category_names_round_trip() {
        for &category in HedgeCategory::ALL {
            assert_eq!(HedgeCategory::from_name(category.name()), Some(category));
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{}\"", category.name()));
        }
    }
}
