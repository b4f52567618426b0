//! Judgements about one claim from its neighbours: what it counts, whether an ordinal is a
//! rank, whether four digits are a year, whether "one" counts, whether "over" means
//! "more than".

use super::claim::{Draft, Outcome};
use super::parse::{Form, Reading};
use super::phrase::{self, subject_at};
use super::view::View;
use super::NumberKind;
use crate::lexicon::Category;

/// Words before a four-digit number that make it a year (lowercase, in byte order).
pub(super) const YEAR_BEFORE: &[&str] = &[
    "'s", "after", "and", "around", "autumn", "before", "between", "by", "circa", "during",
    "early", "fall", "fiscal", "for", "from", "in", "late", "mid", "of", "since", "spring",
    "summer", "the", "this", "through", "till", "to", "until", "winter", "year",
];

/// An ordinal: a rank ("second term", "third-largest"), a date ("the 21st century",
/// "May 5th"), or nothing when it is an adverb ("he first said").
pub(super) fn ordinal<'a>(v: &View<'a>, r: Reading, mut d: Draft<'a>) -> Outcome<'a> {
    let k = r.end;
    if v.is_any(k, &["century", "centuries", "millennium"])
        || (v.is(k, "of") && v.entry(k + 1, Category::Month).is_some())
    {
        d.kind = NumberKind::Date;
        return Outcome::Claim(d);
    }
    // "on the 5th": a day of the month.
    if r.form == Form::Ordinal
        && v.is_number(r.first)
        && r.value <= 31.0
        && v.is(r.first.wrapping_sub(1), "the")
        && v.is(r.first.wrapping_sub(2), "on")
    {
        d.kind = NumberKind::Date;
        return Outcome::Claim(d);
    }
    d.kind = NumberKind::Ordinal;
    // "the 82nd Airborne Division", "20th Century Fox": an ordinal in a name.
    if v.is_word(k) && v.capitalized(k) && k > v.lo + 1 {
        return Outcome::Skip(k);
    }
    // "second-hand", "first-class", "first-degree": adjectives, no rank.
    if v.is_punct(k, &['-']) && v.glued(k) && v.entry(k + 1, Category::NotQuantity).is_some() {
        return Outcome::Skip(k + 2);
    }
    if v.is_punct(k, &['-']) && v.glued(k) && v.is_word(k + 1) {
        d.end = k + 2;
        return Outcome::Claim(d);
    }
    // A lone ordinal word with no noun after it is usually an adverb ("he first said");
    // digits ("25th") and compounds ("twenty-fifth") are ranks whatever follows.
    let written_out = r.form == Form::Ordinal && v.is_word(r.first) && r.end == r.first + 1;
    match subject_at(v, k) {
        // "when it was first proposed": an adverb before a participle.
        Some((a, _)) if written_out && v.word(a).ends_with("ed") => Outcome::Skip(k),
        Some(s) => {
            d.subject = Some(s);
            Outcome::Claim(d)
        }
        None if !written_out => Outcome::Claim(d),
        None => Outcome::Skip(k),
    }
}

/// Subject and base: the noun phrase after the claim ("40,000 troops"), after "of"
/// ("dozens of people", "2 percent of gross domestic product").
pub(super) fn what_is_counted<'a>(v: &View<'a>, d: &mut Draft<'a>) {
    let k = d.end;
    if !v.is_word(k) {
        // No "of" and no noun phrase: nothing to set.
        return;
    }
    let of = v.is(k, "of");
    let start = if of {
        let mut n = k + 1;
        if v.is_any(n, phrase::DETERMINERS) {
            n += 1;
        }
        n
    } else {
        k
    };
    let mut phrase = subject_at(v, start);
    if let Some((a, b)) = phrase {
        // After "one" the head is singular, so a last word in -s is a verb: "one person
        // objects".
        let last = v.word(b - 1);
        if d.value == 1.0 && !of && b - a >= 2 && third_person(last) {
            phrase = Some((a, b - 1));
        }
    }
    let percent =
        d.kind == NumberKind::Percent || (d.kind == NumberKind::Range && d.unit == Some("percent"));
    if percent {
        // "2 percent of gross domestic product": the base; a noun right after a
        // percentage ("a 5% stake") is too often a time phrase ("4% year on year").
        if of {
            d.base = phrase;
        }
        return;
    }
    match d.kind {
        NumberKind::Quantity => {
            if of {
                d.base = phrase;
            }
        }
        _ => {
            if d.subject.is_none() {
                d.subject = phrase;
            }
        }
    }
}

/// True when a four-digit number is a year: "in 2024", "the 2020 election", but not
/// "more than 2000 people" or "sent 1500 troops".
pub(super) fn looks_like_year<'a>(v: &View<'a>, r: &Reading, d: &Draft<'a>) -> bool {
    // "around 2020", "some time about 1990" are years; "more than 2000" is a count.
    let vague = matches!(
        d.qualifier,
        Some("about" | "around" | "roughly" | "approximately" | "some" | "just")
    );
    if (d.qualifier.is_some() && !vague) || d.change.is_some() {
        return false;
    }
    // News style writes counts of a thousand and more with a separator ("1,500 troops"),
    // so four plain digits from 1500 to 2100 are a year unless a year word is missing
    // and a plural noun follows a number below 1900 ("1500 troops").
    let prev = v.word(r.first.wrapping_sub(1));
    // "c. 1430", "ca. 1900": circa, abbreviated.
    let circa = prev == "." && v.is_any(r.first.wrapping_sub(2), &["c", "ca"]);
    let after_year_word =
        r.first > v.lo && (v.is_in(r.first - 1, YEAR_BEFORE) || prev.ends_with("'s") || circa);
    let plural_noun = d
        .subject
        .is_some_and(|(a, b)| phrase::is_plural_word(v.word(b - 1)) && !v.capitalized(a));
    if vague && plural_noun {
        // "about 2000 people"
        return false;
    }
    if r.value < 1500.0 {
        // "in 1183", "founded in 1118": old years need a year word before them.
        return after_year_word;
    }
    after_year_word || !plural_noun || r.value >= 1900.0
}

/// True when a bare "one" counts something: "one solution", "one in five"; false for
/// the pronoun ("one of them", "the one that", "no one") and the generic "one" of a
/// contrast ("an attack on one ally is an attack on all").
pub(super) fn one_counts<'a>(v: &View<'a>, i: usize, d: &Draft<'a>) -> bool {
    const BEFORE: &[&str] = &[
        "the", "no", "this", "that", "any", "every", "each", "which", "another", "such", "last",
        "no-one", "someone", "everyone", "a", "little", "big", "right", "wrong", "good", "new",
        "old",
    ];
    if i > v.lo && v.is_any(i - 1, BEFORE) || (i > v.lo + 1 && v.is(i - 2, "the")) {
        return false;
    }
    if d.kind != NumberKind::Count || d.qualifier.is_some() {
        return true;
    }
    // "when one considers", "if one must": the generic pronoun before a verb.
    const CONJUNCTIONS: &[&str] = &[
        "when", "if", "as", "unless", "because", "where", "whether", "once", "while", "until",
    ];
    let verb_after = third_person(v.word(i + 1)) || d.subject.is_none();
    if i > v.lo && v.is_any(i - 1, CONJUNCTIONS) && verb_after {
        return false;
    }
    if v.is(i + 1, "of") || v.is_any(i + 1, &["or", "by", "another", "other", "after"]) {
        return false;
    }
    if let Some((_, e)) = v.entry(i + 1, Category::NotQuantity) {
        if e.payload.contains("one") {
            return false;
        }
    }
    if v.scan
        .entry_at(i + 1, Category::NotQuantity)
        .is_some_and(|(_, e)| e.payload.contains("one"))
    {
        return false;
    }
    if d.subject.is_none() {
        return false;
    }
    // "an attack on one ally is an attack on all": after a preposition, a contrast later
    // in the sentence makes "one" generic ("one person died and all others" still counts).
    const PREPOSITIONS: &[&str] = &["on", "against", "to", "for", "with", "by", "at", "from"];
    if !v.is_any(i.wrapping_sub(1), PREPOSITIONS) {
        return true;
    }
    let horizon = (i + 16).min(v.hi);
    !(i + 2..horizon).any(|j| v.is_any(j, &["all", "another", "other", "others", "every"]))
}

/// "cost $1 trillion over 10 years": "over" a duration is a period, not "more than",
/// unless a verb of duration precedes it ("lasted over 10 years").
pub(super) fn over_a_period<'a>(v: &View<'a>, d: &mut Draft<'a>) {
    const DURATION: &[&str] = &["year", "month", "week", "day", "decade", "hour", "century"];
    const LASTING: &[&str] = &[
        "for", "lasting", "lasted", "last", "took", "take", "takes", "spent", "served", "of",
        "aged", "age",
    ];
    if !matches!(d.qualifier, Some("over" | "under")) {
        return;
    }
    if !d.unit.is_some_and(|u| DURATION.contains(&u)) {
        return;
    }
    let at = v
        .entry_before(d.first, Category::Qualifier)
        .map_or(d.first, |(q, _)| q);
    if at > v.lo && !v.is_any(at - 1, LASTING) {
        d.qualifier = None;
    }
}

/// A lowercase word in -s that cannot be a singular noun's plural after "one": a verb
/// ("considers", "objects"), not "bus" or "class".
fn third_person(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && word.len() > 3
}
