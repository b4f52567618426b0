//! What a hedge or booster entry's payload says: its category, weight and rules.
//!
//! The format is documented at the top of `src/lexicon/hedging.tsv`.

use crate::hedging::HedgeCategory;

/// A context rule named in a payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// "May" the month or the name is not the modal.
    May,
    /// "could" of past ability or inability is not a hedge.
    Ability,
    /// "would" of habit, wish, refusal or a reported plan is not a hedge.
    Habit,
    /// "as soon as possible", "made possible", "best possible", "possible to" are not
    /// hedges.
    Fixed,
    /// Only before a number.
    Number,
    /// Only before "to" or "that".
    Projecting,
    /// With `projecting`: also after a form of "be" ("a verdict is expected").
    Passive,
    /// Only when negated.
    Negated,
    /// Not a hedge when negated.
    Negatable,
    /// A weasel subject: a hedge only before a speech or belief verb.
    Subject,
    /// A participle that is no hedge after a determiner: "a suggested donation".
    Verbal,
    /// Only right after "in", which joins the cue, and not before a number: "in part".
    AfterIn,
    /// Only with a complement after it: "is considered a risk", not "was considered for
    /// the role" or "considered.".
    Complement,
    /// A booster only after a linking verb.
    Predicative,
}

impl Rule {
    const ALL: &'static [Rule] = &[
        Rule::May,
        Rule::Ability,
        Rule::Habit,
        Rule::Fixed,
        Rule::Number,
        Rule::Projecting,
        Rule::Passive,
        Rule::Negated,
        Rule::Negatable,
        Rule::Subject,
        Rule::Verbal,
        Rule::AfterIn,
        Rule::Complement,
        Rule::Predicative,
    ];

    fn from_name(name: &str) -> Option<Rule> {
        Some(match name {
            "may" => Rule::May,
            "ability" => Rule::Ability,
            "habit" => Rule::Habit,
            "fixed" => Rule::Fixed,
            "number" => Rule::Number,
            "projecting" => Rule::Projecting,
            "passive" => Rule::Passive,
            "negated" => Rule::Negated,
            "negatable" => Rule::Negatable,
            "subject" => Rule::Subject,
            "verbal" => Rule::Verbal,
            "after_in" => Rule::AfterIn,
            "complement" => Rule::Complement,
            "predicative" => Rule::Predicative,
            _ => return None,
        })
    }
}

/// What a hedge entry's payload makes of its phrase.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum CueKind {
    /// A hedge of this category (for a booster: the hedge it becomes when negated).
    Hedge(HedgeCategory),
    /// A stop phrase: never a hedge ("whether or not"); for a booster, one that stays a
    /// booster when negated ("not, in fact, ...").
    Stop,
    /// Completes a weasel template; not a hedge alone ("argue").
    Verb,
}

/// A parsed payload: `CATEGORY WEIGHT RULE...` for hedges, `WEIGHT [CATEGORY] [RULE]` for
/// boosters (the category being the one a negated booster becomes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Cue {
    pub(crate) kind: CueKind,
    pub(crate) weight: f64,
    /// One bit per [`Rule`]: payloads are parsed per hit, so no allocation.
    rules: u16,
}

impl Cue {
    pub(crate) fn has(&self, rule: Rule) -> bool {
        self.rules & (1 << rule as u16) != 0
    }

    /// The rules, in the order of [`Rule::ALL`] (one step per rule set, not per rule).
    pub(crate) fn rules(&self) -> impl Iterator<Item = Rule> + '_ {
        let mut bits = self.rules;
        std::iter::from_fn(move || {
            let index = bits.trailing_zeros() as usize;
            let rule = *Rule::ALL.get(index)?;
            bits &= bits - 1;
            Some(rule)
        })
    }

    /// Reads a payload leniently: an unknown word is ignored, a missing weight is 0.5,
    /// a hedge without a category is epistemic, a booster without one does not turn into
    /// a hedge when negated. Users' payloads never make analysis fail.
    pub(crate) fn parse(payload: &str, booster: bool) -> Cue {
        let mut cue = Cue {
            kind: if booster {
                CueKind::Stop
            } else {
                CueKind::Hedge(HedgeCategory::Epistemic)
            },
            weight: 0.5,
            rules: 0,
        };
        // Every built-in payload is ASCII, where the cheaper split gives the same words.
        let words: &mut dyn Iterator<Item = &str> = if payload.is_ascii() {
            &mut payload.split_ascii_whitespace()
        } else {
            &mut payload.split_whitespace()
        };
        for word in words {
            // Only a word that starts like a number is tried as one: parsing every
            // category and rule name as a float cost a tenth of the analysis.
            let numeric = matches!(word.as_bytes()[0], b'0'..=b'9' | b'.' | b'+' | b'-');
            let parsed = || simple_decimal(word).or_else(|| word.parse::<f64>().ok());
            if let Some(weight) = numeric.then(parsed).flatten() {
                if weight.is_finite() {
                    cue.weight = weight.clamp(0.0, 1.0);
                }
            } else if let Some(category) = HedgeCategory::from_name(word) {
                cue.kind = CueKind::Hedge(category);
            } else if word == "none" && !booster {
                cue.kind = CueKind::Stop;
            } else if word == "verb" && !booster {
                cue.kind = CueKind::Verb;
            } else if let Some(rule) = Rule::from_name(word) {
                cue.rules |= 1 << rule as u16;
            }
        }
        cue
    }
}

/// A weight written as plain digits with at most one point ("0.7", "1", "0.25"), read
/// without the general float parser. At most 15 digits: the digits and the power of ten
/// are exact in an `f64`, so their (correctly rounded) quotient is the value `parse`
/// gives.
fn simple_decimal(word: &str) -> Option<f64> {
    let (whole, fraction) = word.split_once('.').unwrap_or((word, ""));
    let digits = whole.len() + fraction.len();
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || digits > 15 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    if word.len() > whole.len() && fraction.is_empty() {
        return None;
    }
    let mantissa = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    Some(mantissa as f64 / POWERS[fraction.len()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Category;

    #[test]
    fn payloads_parse_leniently() {
        let cue = Cue::parse("modal 0.7 may", false);
        assert_eq!(cue.kind, CueKind::Hedge(HedgeCategory::Modal));
        assert_eq!(cue.weight, 0.7);
        assert!(cue.has(Rule::May) && !cue.has(Rule::Ability));
        let cue = Cue::parse("", false);
        assert_eq!(cue.kind, CueKind::Hedge(HedgeCategory::Epistemic));
        assert_eq!(cue.weight, 0.5);
        let cue = Cue::parse("weasel 7 nonsense NaN", false);
        assert_eq!(cue.kind, CueKind::Hedge(HedgeCategory::Weasel));
        assert_eq!(cue.weight, 1.0);
        assert_eq!(Cue::parse("none", false).kind, CueKind::Stop);
        assert_eq!(Cue::parse("verb", false).kind, CueKind::Verb);
        let booster = Cue::parse("0.8 probability predicative", true);
        assert_eq!(booster.kind, CueKind::Hedge(HedgeCategory::Probability));
        assert!(booster.has(Rule::Predicative));
        assert_eq!(Cue::parse("0.6", true).kind, CueKind::Stop);
    }

    #[test]
    fn simple_decimals_read_as_the_float_parser_does() {
        let words = [
            "0",
            "1",
            "0.7",
            "0.25",
            "0.1",
            "0.3",
            "0.35",
            "0.55",
            "0.9999",
            "12.5",
            "007",
            "1.000000000001",
            "123456789.123456",
        ];
        for word in words {
            assert_eq!(simple_decimal(word), word.parse::<f64>().ok(), "{word}");
        }
        for word in ["1.", ".5", "1.2.3", "+1", "-0.5", "1e3", "1234567890123456"] {
            assert_eq!(simple_decimal(word), None, "{word}");
        }
    }

    #[test]
    fn every_builtin_payload_names_known_words() {
        let lexicon = crate::Lexicon::default_shared();
        for (phrase, entry) in lexicon.iter() {
            if !matches!(entry.category, Category::Hedge | Category::Booster) {
                continue;
            }
            for word in entry.payload.split_whitespace() {
                let known = word.parse::<f64>().is_ok()
                    || HedgeCategory::from_name(word).is_some()
                    || Rule::from_name(word).is_some()
                    || matches!(word, "none" | "verb");
                assert!(known, "{phrase}: unknown payload word {word:?}");
            }
        }
    }
}
