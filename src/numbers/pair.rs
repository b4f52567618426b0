//! Claims with two numbers: ranges ("3-5%", "between 3 and 5 percent", "from 2,000 to
//! 3,000"), changes with both ends ("rose from 2.1% to 3%") and ratios ("18 of the 31",
//! "one in five"); and the look-alikes that are none of them (scores, phone numbers,
//! spans of years).

use super::around::{currency_at, suffix};
use super::claim::{plain, Draft, Outcome};
use super::parse::{read, Form, Reading};
use super::view::View;
use super::NumberKind;

/// Words after a score ("a 3-1 win") or before one ("won 2-0"); lowercase, in byte order.
#[rustfmt::skip]
pub(super) const SCORE_WORDS: &[&str] = &[
    "beat", "beaten", "decision", "defeat", "defeated", "downed", "draw", "drawn", "drew",
    "edged", "lead", "led", "losing", "loss", "lost", "majority", "margin", "record", "routed",
    "ruled", "ruling", "score", "scoreline", "series", "split", "thrashed", "tie", "tied",
    "trailed", "trounced", "victory", "vote", "voted", "votes", "win", "winning", "won",
];

/// Ranges ("3-5%", "between 3 and 5", "from 2,000 to 3,000"), changes with both ends
/// ("rose from 2.1% to 3%") and ratios ("18 of the 31", "one in five").
pub(super) fn second_number<'a>(
    v: &View<'a>,
    r: &Reading,
    d: &mut Draft<'a>,
    opener: Option<&str>,
) -> Option<Outcome<'a>> {
    let k = d.end;
    let dash = v.is_punct(k, &['-', '–', '—', '‐']);
    let connector = if dash {
        "-"
    } else if v.is(k, "to") {
        "to"
    } else if v.is(k, "and") && opener == Some("between") {
        "and"
    } else if v.is(k, "of") {
        "of"
    } else if v.is(k, "in") {
        "in"
    } else if v.is(k, "out") && v.is(k + 1, "of") {
        "out of"
    } else {
        return None;
    };
    let mut n = if connector == "out of" { k + 2 } else { k + 1 };
    if connector == "in" && v.is(n, "every") {
        // "1 in every 100 people"
        n += 1;
    }
    if connector == "of" && v.is_any(n, &["the", "its", "their", "all", "those", "these"]) {
        n += 1;
    }
    let symbol = currency_at(v, n).is_some();
    if symbol {
        n += 1;
    }
    // "from -18 °C to -34 °C": a sign before the second number.
    let negative = v.is_punct(n, &['-', '−']) && v.glued(n + 1) && v.is_number(n + 1);
    if negative {
        n += 1;
    }
    let mut second = read(v, n, symbol || d.kind == NumberKind::Money)?;
    if negative {
        second.value = -second.value;
    }
    if !matches!(second.form, Form::Digits | Form::Words) || second.plural {
        if connector == "-" && v.glued(k) {
            return Some(Outcome::Skip(second.end));
        }
        return None;
    }
    match connector {
        "of" | "in" | "out of" => {
            let whole = second.value;
            let ok = whole > d.value
                && !second.year_like
                && d.kind == NumberKind::Count
                && (connector == "of" || whole >= 2.0);
            if !ok {
                return None;
            }
            d.kind = NumberKind::Ratio;
            d.of = Some(whole);
            d.end = second.end;
            None
        }
        _ => range(v, r, d, second, connector, opener),
    }
}

/// Two numbers joined by "-", "to" or "between ... and": a range, a change with both
/// ends, or a look-alike (a span of years, a phone number, a score).
fn range<'a>(
    v: &View<'a>,
    r: &Reading,
    d: &mut Draft<'a>,
    second: Reading,
    connector: &str,
    opener: Option<&str>,
) -> Option<Outcome<'a>> {
    let integers = d.value.fract() == 0.0 && second.value.fract() == 0.0;
    if r.year_like && second.year_like && d.kind == NumberKind::Count {
        // "between 2010 and 2020", "from 2019 to 2021": years.
        let mut date = d.clone();
        date.kind = NumberKind::Date;
        date.end = second.end;
        return Some(Outcome::Claim(date));
    }
    if connector == "-" {
        // "2012-13", "2012–2014": a span of years.
        if r.year_like && (second.year_like || (v.word(second.first).len() == 2 && integers)) {
            let mut date = d.clone();
            date.kind = NumberKind::Date;
            date.end = second.end;
            return Some(Outcome::Claim(date));
        }
        // "555-1234", "1-800-555-0100": phone and serial numbers.
        let plain_digits = |i: usize| v.word(i).bytes().all(|b| b.is_ascii_digit());
        let chained = v.is_punct(second.end, &['-']) && v.is_number(second.end + 1);
        let phone = plain_digits(r.first)
            && plain_digits(second.first)
            && v.word(second.first).len() == 4
            && v.word(r.first).len() == 3;
        if chained || phone || (r.first > v.lo && v.is_punct(r.first - 1, &[')'])) {
            let mut reference = d.clone();
            reference.kind = NumberKind::Reference;
            reference.end = if chained { second.end + 2 } else { second.end };
            return Some(Outcome::Claim(reference));
        }
        // "3-1", "2-2", "a 5-4 ruling": scores and votes, not ranges.
        let score_word = v.is_in(second.end, SCORE_WORDS)
            || v.is_in(r.first.wrapping_sub(1), SCORE_WORDS)
            || v.is_in(r.first.wrapping_sub(2), SCORE_WORDS);
        if integers && (second.value <= d.value || score_word) && d.kind == NumberKind::Count {
            return Some(Outcome::Skip(second.end));
        }
    }
    if connector == "to" {
        // "3 to 5 percent" is a range; "2 to 1" is not; in "rose 6% to $1.4 billion" the
        // second number is a level of another kind, a claim of its own.
        if opener.is_none() && (d.change.is_some() || second.value <= d.value) {
            return None;
        }
        // What the second number is on its own: "$5", "20 dollars", "4%", "10 km".
        // (`suffix` reads only the end, kind, value and unit of the draft: no copy of its
        // strings is needed.)
        let mut probe = plain(second, NumberKind::Count);
        probe.first = d.first;
        probe.value = d.value;
        let _ = suffix(v, &second, &mut probe);
        let money_after = symbol_before(v, second.first) || probe.kind == NumberKind::Money;
        if d.kind != NumberKind::Count && (d.kind == NumberKind::Money) != money_after {
            return None;
        }
        // "2% to 4%" joins only when the second has the same unit.
        let other_unit = probe.kind != NumberKind::Count && probe.unit != d.unit;
        if opener.is_none() && d.kind != NumberKind::Count && !money_after && other_unit {
            return None;
        }
    }
    let mut low = d.value;
    if second.scale > 1.0 && r.scale == 1.0 && low * second.scale <= second.value {
        low *= second.scale;
    }
    let mut high = second.value;
    if d.value < 0.0 && connector == "-" {
        high = high.abs();
    }
    d.end = second.end;
    // The unit after the second number belongs to both: "3-5%", "10 to 15 years".
    let _ = suffix(v, &second, d);
    d.value = low;
    d.to = Some(high);
    if d.change.is_some() && connector == "to" {
        // "rose from 2.1% to 3%": a change with both ends, of the amount's own kind.
        d.from = Some(low);
    } else {
        d.kind = NumberKind::Range;
    }
    None
}

/// True when a currency symbol stands right before token `i`.
pub(super) fn symbol_before(v: &View, i: usize) -> bool {
    i > v.lo && currency_at(v, i - 1).is_some()
}
