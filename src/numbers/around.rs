//! What stands right around a number: a currency symbol, a qualifier or a change word
//! before it; a percent sign, currency word or unit after it.

use super::claim::Draft;
use super::parse::{Form, Reading};
use super::view::{find as find_entry, two_words, View};
use super::{Direction, NumberKind};
use crate::lexicon::{Category, Entry};
use crate::scan::TokenKind;

/// The ISO code of the currency symbol at token `i`: symbols are punctuation tokens of
/// one character.
#[inline(always)]
pub(super) fn currency_at(v: &View, i: usize) -> Option<&'static str> {
    Some(match v.punct_char(i)? {
        '$' => "USD",
        '£' | '₤' => "GBP",
        '€' => "EUR",
        '¥' => "JPY",
        '₹' => "INR",
        '₽' => "RUB",
        '₩' => "KRW",
        '₴' => "UAH",
        '₪' => "ILS",
        '₺' => "TRY",
        '₦' => "NGN",
        _ => return None,
    })
}

/// A prefix glued before "$": "US$", "A$", "HK$".
pub(super) fn dollar_prefix(prefix: &str) -> Option<&'static str> {
    const PREFIXES: &[(&str, &str)] = &[
        ("US", "USD"),
        ("A", "AUD"),
        ("AU", "AUD"),
        ("C", "CAD"),
        ("CA", "CAD"),
        ("CAN", "CAD"),
        ("HK", "HKD"),
        ("NZ", "NZD"),
        ("S", "SGD"),
        ("SG", "SGD"),
        ("R", "BRL"),
        ("NT", "TWD"),
        ("MX", "MXN"),
        ("MEX", "MXN"),
    ];
    PREFIXES
        .iter()
        .find(|(p, _)| p.eq_ignore_ascii_case(prefix))
        .map(|&(_, code)| code)
}

/// Qualifier ("at least"), change ("rose", "up", "fell by") and "between"/"from" before
/// the claim. Returns the word that opens a two-number claim, if any.
pub(super) fn qualifier_and_change<'a>(v: &View<'a>, d: &mut Draft<'a>) -> Option<&'static str> {
    let mut at = d.first;
    if !v.is_word(at.wrapping_sub(1)) && v.hit_before(at).is_none() {
        // No word and no lexicon phrase just before: no qualifier, opener or change.
        return None;
    }
    if let Some((q, e)) = v.entry_before(at, Category::Qualifier) {
        d.qualifier = Some(&e.payload);
        at = q;
    }
    // "an estimated 5,000": "estimated" is the hedging and attribution lexicons' word.
    if d.qualifier.is_none()
        && v.is(at.wrapping_sub(1), "estimated")
        && v.is_any(at.wrapping_sub(2), &["an", "the"])
    {
        d.qualifier = Some("estimated");
        at -= 2;
    }
    let mut opener = None;
    let between = v.is(at.wrapping_sub(1), "between");
    if between {
        // "rose by between 2% and 3%": the change is read before "between".
        at -= 1;
        opener = Some("between");
    }
    let mut k = at;
    if v.is_any(k.wrapping_sub(1), &["by", "from", "to"]) {
        if v.is(k - 1, "from") && !between {
            opener = Some("from");
        }
        k -= 1;
    }
    if let Some((_, e)) = v.entry_before(k, Category::Change) {
        if two_words(&e.payload).1.is_none() {
            d.change = Some(if e.payload.starts_with("down") {
                Direction::Down
            } else {
                Direction::Up
            });
        }
    }
    opener
}

/// False when no suffix [`suffix`] reads can start at token `k`: past the sentence,
/// another number that no lexicon phrase starts at, or ASCII punctuation other than "%",
/// "-" and "$" that no phrase starts at.
#[inline(always)]
pub(super) fn suffix_may_follow(v: &View, k: usize) -> bool {
    match v.kind(k) {
        None => false,
        Some(TokenKind::Number) => v.slot_near(k).is_some(),
        Some(TokenKind::Punct) => {
            matches!(v.punct_byte(k), Some(b'%' | b'-' | b'$' | 0x80..)) || v.slot_near(k).is_some()
        }
        Some(TokenKind::Word) => true,
    }
}

/// What follows the number: a currency word, a percent sign or word, a unit. Returns a
/// token to skip to when the number is part of a compound adjective ("two-tier").
pub(super) fn suffix<'a>(v: &View<'a>, r: &Reading, d: &mut Draft<'a>) -> Option<usize> {
    let k = d.end;
    if !suffix_may_follow(v, k) {
        return None;
    }
    // A glued word: "300km", "7.62mm", "115.5USD".
    let kind = v.kind(k);
    let punct = kind == Some(TokenKind::Punct);
    let word = kind == Some(TokenKind::Word);
    let glued = word && v.glued(k);
    let hyphen =
        punct && v.is_punct(k, &['-', '‐']) && v.glued(k) && v.glued(k + 1) && v.is_word(k + 1);
    if punct && v.is_punct(k, &['°']) {
        // "40°C", "-5°".
        d.kind = NumberKind::Quantity;
        d.end = k + 1;
        let unit = if v.glued(k + 1) && v.is(k + 1, "C") {
            d.end += 1;
            "degree celsius"
        } else if v.glued(k + 1) && v.is(k + 1, "F") {
            d.end += 1;
            "degree fahrenheit"
        } else {
            "degree"
        };
        d.unit = Some(unit);
        return None;
    }
    if glued && matches!(v.word(k), "C" | "F") && d.kind == NumberKind::Count {
        // "40C": degrees, as British news writes them.
        d.kind = NumberKind::Quantity;
        d.unit = Some(if v.word(k) == "C" {
            "degree celsius"
        } else {
            "degree fahrenheit"
        });
        d.end = k + 1;
        return None;
    }
    if punct && v.is_punct(k, &['%']) {
        d.kind = NumberKind::Percent;
        d.unit = Some("percent");
        d.end = k + 1;
        return None;
    }
    if d.kind != NumberKind::Money {
        // "100 €", "25$": a symbol after the amount.
        let symbol = if punct {
            currency_at(v, k).filter(|_| !v.is_number(k + 1))
        } else {
            None
        };
        if let Some(code) = symbol {
            d.kind = NumberKind::Money;
            d.unit = Some(code);
            d.end = k + 1;
            return None;
        }
        // "5 billion US dollars", "20 Canadian dollars".
        if let Some(code) = dollar_nation(v.word(k)) {
            if v.is_any(k + 1, &["dollar", "dollars"]) {
                d.kind = NumberKind::Money;
                d.unit = Some(code);
                d.end = k + 2;
                return None;
            }
        }
    }
    if glued && v.is(k, "x") && d.kind == NumberKind::Count {
        d.kind = NumberKind::Factor;
        d.end = k + 1;
        return None;
    }
    // "6.3 times as high", "three times more", "17.8 times earnings": a factor.
    let decimal_times = v.is(k, "times") && d.value.fract() != 0.0;
    if decimal_times && d.kind == NumberKind::Count {
        d.kind = NumberKind::Factor;
        d.end = k + 1;
        return None;
    }
    if v.is(k, "times")
        && v.is_any(
            k + 1,
            &[
                "as", "more", "higher", "larger", "bigger", "greater", "faster", "the", "that",
                "what", "over",
            ],
        )
        && d.kind == NumberKind::Count
    {
        d.kind = NumberKind::Factor;
        d.end = k + 1;
        return None;
    }
    // "73 AD", "550 BC": a year.
    if matches!(v.word(k), "AD" | "BC" | "BCE" | "CE") && d.kind == NumberKind::Count {
        d.kind = NumberKind::Date;
        d.end = k + 1;
        return None;
    }
    let (at, entries, end) = if glued {
        (k, v.lookup(v.word(k)), k + 1)
    } else if hyphen {
        (k + 1, hit_entries(v, k + 1), hit_end(v, k + 1))
    } else {
        (k, hit_entries(v, k), hit_end(v, k))
    };
    if let Some(e) = find_entry(entries, Category::Currency) {
        if d.kind != NumberKind::Money {
            d.kind = NumberKind::Money;
            let (unit, factor) = two_words(&e.payload);
            d.unit = unit;
            if let Some(f) = factor.and_then(|f| f.parse::<f64>().ok()) {
                d.value *= f;
            }
            d.end = end;
        } else if d.unit == two_words(&e.payload).0 {
            // "$5 to $10 dollars", "10 dollars to 20 dollars": the same currency again.
            d.end = end;
        }
        return None;
    }
    if let Some(e) = find_entry(entries, Category::Unit) {
        let unit: &'a str = &e.payload;
        if d.kind == NumberKind::Money {
            return None;
        }
        if matches!(unit, "percent" | "percentage point" | "basis point") {
            d.kind = NumberKind::Percent;
        } else {
            d.kind = NumberKind::Quantity;
            d.subject = Some((at, end));
        }
        d.unit = Some(unit);
        d.end = end;
        // "87-year-old", "five years old".
        if v.is(d.end, "old") || (v.is_punct(d.end, &['-']) && v.is(d.end + 1, "old")) {
            d.end += if v.is(d.end, "old") { 1 } else { 2 };
        }
        return None;
    }
    if hyphen && v.is(k + 1, "fold") {
        // "a 10-fold increase": a factor.
        d.kind = NumberKind::Factor;
        d.end = k + 2;
        let down = v.is_any(
            k + 2,
            &["decrease", "drop", "fall", "decline", "reduction", "cut"],
        );
        d.change = Some(if down { Direction::Down } else { Direction::Up });
        return None;
    }
    if hyphen {
        let compound = find_entry(entries, Category::NotQuantity).is_some()
            || (r.form != Form::Digits && d.kind == NumberKind::Count);
        if compound {
            return Some(k + 2);
        }
        let joiner = v.is_any(
            k + 1,
            &["to", "and", "or", "in", "of", "a", "by", "for", "per"],
        );
        if d.kind == NumberKind::Count && !joiner {
            // "a 1,000-page report", "the 27-member bloc": the hyphened noun is what is
            // counted.
            d.subject = Some((k + 1, k + 2));
            d.end = k + 2;
            return None;
        }
    }
    if glued && d.kind == NumberKind::Count {
        // Letters glued to digits that are no unit name a thing: "4G", "3D".
        return Some(k + 1);
    }
    None
}

#[inline(always)]
pub(super) fn hit_entries<'a>(v: &View<'a>, i: usize) -> &'a [Entry] {
    v.slot(i)
        .map_or(&[], |slot| v.lexicon.entries(slot.pattern()))
}

#[inline(always)]
pub(super) fn hit_end(v: &View, i: usize) -> usize {
    v.slot_near(i)
        .map_or(i + 1, |slot| slot.end_token().min(v.hi))
}

/// The dollar of a country named before "dollars": "US dollars", "Canadian dollars".
fn dollar_nation(word: &str) -> Option<&'static str> {
    Some(match word {
        "US" | "U.S." | "American" => "USD",
        "Canadian" => "CAD",
        "Australian" => "AUD",
        "Singapore" => "SGD",
        "Taiwan" | "Taiwanese" => "TWD",
        "Zimbabwean" => "ZWL",
        _ => return None,
    })
}
