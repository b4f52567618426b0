//! Reading numbers written in words: "twenty-five", "one hundred and five", "a dozen",
//! "tens of thousands", "two-thirds", "half a million", "a third term".

use super::parse::{read_fraction_tail, read_scale, vulgar_fraction, Form, Reading};
use super::view::{payload_value, two_words, View};
use crate::lexicon::Category;

/// The value of a non-plural number word at `i`.
#[inline(always)]
fn number_word(v: &View, i: usize) -> Option<(usize, f64, bool)> {
    let (end, e) = v.entry(i, Category::NumberWord)?;
    // A second word in the payload marks a plural ("dozens": "12 plural").
    let plural = two_words(&e.payload).1.is_some();
    Some((end, payload_value(e)?, plural))
}

pub(super) fn read_words(v: &View, i: usize) -> Option<Reading> {
    let mut r = Reading {
        first: i,
        end: i,
        value: 0.0,
        form: Form::Words,
        scale: 1.0,
        plural: false,
        year_like: false,
    };
    // A vulgar fraction is one character, never ASCII.
    let ascii = v.bytes_at(i).first().is_some_and(u8::is_ascii);
    let vulgar = if ascii {
        None
    } else {
        vulgar_fraction(v.word(i))
    };
    if let Some(f) = vulgar {
        r.value = f;
        r.end = i + 1;
        r.form = Form::Fraction;
        return Some(r);
    }
    let mut j = i;
    // "a dozen", "a million", "a third", "a half", "a couple of".
    let article = v.is_any(i, &["a", "an"]);
    if article {
        j += 1;
        let next_ok = v
            .entry(j, Category::Scale)
            .is_some_and(|_| v.word(j).len() > 2)
            || v.entry(j, Category::Fraction).is_some()
            || v.is(j, "couple");
        if !next_ok {
            return None;
        }
    }
    // Vague plurals: "dozens", "hundreds of thousands", "tens of millions".
    let word_at = (j, number_word(v, j));
    if let (_, Some((end, unit, true))) = word_at {
        let mut value = unit;
        let mut k = end;
        if v.is(j, "couple") {
            if !(article && v.is(k, "of")) {
                return None;
            }
            r.end = k;
            r.value = 2.0;
            // "a couple of hundred"
            if let Some((end2, s)) = v.entry(k + 1, Category::Scale) {
                if v.word(k + 1).len() > 2 {
                    r.value *= payload_value(s).unwrap_or(1.0);
                    r.end = end2;
                }
            }
            return Some(r);
        }
        if let Some((end2, s)) = v.entry(k, Category::Scale) {
            // "several hundred", "a few thousand": a vague count of a scale.
            if v.word(k).len() > 2 && unit < 10.0 {
                r.end = end2;
                r.value = unit * payload_value(s).unwrap_or(1.0);
                r.plural = true;
                return Some(r);
            }
        }
        if unit < 10.0 {
            // "several" alone is no number a fact-checker can check.
            return None;
        }
        if v.is(k, "of") {
            if let Some((end2, unit2, true)) = number_word(v, k + 1) {
                value *= unit2;
                k = end2;
            }
        }
        r.end = k;
        r.value = value;
        r.plural = true;
        return Some(r);
    }
    // "half", "half a million", "a third", "a quarter of".
    if let Some((end, e)) = v.entry(j, Category::Fraction) {
        let f = payload_value(e)?;
        let ordinal_too = v.entry(j, Category::Ordinal).is_some();
        let scale_next = v.entry(end, Category::Scale).is_some() && v.word(end).len() > 2;
        if !article && !scale_next && !v.is(j, "half") && !v.is(j, "halves") {
            // "third" alone is an ordinal; read below.
            if !ordinal_too {
                return None;
            }
        } else if article && ordinal_too && ordinal_before_noun(v, end) {
            // "a third term", "a fifth consecutive month": an ordinal after "a".
            let (end, o) = v.entry(j, Category::Ordinal)?;
            r.end = end;
            r.first = j;
            r.value = payload_value(o)?;
            r.form = Form::Ordinal;
            return Some(r);
        } else {
            r.end = end;
            r.value = f;
            r.form = Form::Fraction;
            // "half a million", "a quarter million"
            if let Some((end2, sc)) = v.entry(end, Category::Scale) {
                if v.word(end).len() > 2 {
                    r.value = f * payload_value(sc).unwrap_or(1.0);
                    r.end = end2;
                    r.form = Form::Words;
                    return Some(r);
                }
            }
            if v.is(j, "half") && v.is_any(end, &["a", "an"]) {
                if let Some((end2, s)) = v.entry(end + 1, Category::Scale) {
                    if v.word(end + 1).len() > 2 {
                        r.value = f * payload_value(s).unwrap_or(1.0);
                        r.end = end2;
                        r.form = Form::Words;
                    }
                }
            }
            return Some(r);
        }
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last_scale = 1.0;
    let mut started = article;
    if article {
        current = 1.0;
    }
    loop {
        let word = if word_at.0 == j {
            word_at.1
        } else {
            number_word(v, j)
        };
        if let Some((end, value, false)) = word {
            let fits = !started
                || (current == 0.0 && total > 0.0)
                || (current % 100.0 == 0.0 && current > 0.0)
                || (current % 10.0 == 0.0 && current % 100.0 >= 20.0 && value < 10.0);
            if !fits || (started && value >= 20.0 && current % 100.0 != 0.0) {
                break;
            }
            current += value;
            started = true;
            r.end = end;
            j = end;
        } else if let Some((end, e)) = v.entry(j, Category::Scale) {
            // A bare "hundred dollars", "thousand euros" is a number too.
            let bare_money = !started && v.entry(end, Category::Currency).is_some();
            if (!started && !bare_money) || v.word(j).len() < 3 {
                break;
            }
            started = true;
            let m = payload_value(e).unwrap_or(1.0);
            if m == 100.0 {
                current = current.max(1.0) * 100.0;
            } else {
                last_scale = m;
                total += current.max(1.0) * m;
                current = 0.0;
            }
            r.end = end;
            j = end;
        } else if started && v.entry(j, Category::Ordinal).is_some() {
            // "twenty-fifth", "one hundredth": the compound ends in an ordinal.
            let fits = current % 10.0 == 0.0 || current % 100.0 == 0.0;
            if !fits || current < 20.0 {
                break;
            }
            let (end, e) = v.entry(j, Category::Ordinal)?;
            let o = payload_value(e)?;
            r.value = total + current + o;
            r.end = end;
            r.form = Form::Ordinal;
            return Some(r);
        } else if !started {
            // An ordinal word alone: "second", "third".
            let (end, e) = v.entry(j, Category::Ordinal)?;
            r.value = payload_value(e)?;
            r.end = end;
            r.form = Form::Ordinal;
            // "-largest" in "third-largest" stays with the ordinal.
            return Some(r);
        } else if v.is_punct(j, &['-', '‐']) && v.glued(j) && v.glued(j + 1) {
            // "twenty-five", "two-thirds": the hyphen joins two number parts.
            let joins = number_word(v, j + 1).is_some_and(|(_, x, p)| !p && x < 10.0)
                || v.entry(j + 1, Category::Ordinal).is_some()
                || v.entry(j + 1, Category::Fraction).is_some();
            if !joins {
                break;
            }
            if let Some((end, e)) = v.entry(j + 1, Category::Fraction) {
                // "one-fifth", "two-thirds" are fractions; "twenty-fifth" an ordinal.
                let units = total == 0.0 && current < 20.0;
                if units
                    || v.entry(j + 1, Category::Ordinal).is_none()
                    || v.word(j + 1).ends_with('s')
                {
                    r.value = (total + current) * payload_value(e).unwrap_or(0.0);
                    r.end = end;
                    r.form = Form::Fraction;
                    return Some(r);
                }
            }
            j += 1;
        } else if v.is(j, "and") && current % 100.0 == 0.0 && (current > 0.0 || total > 0.0) {
            // "one hundred and five", but not "two and three".
            if number_word(v, j + 1).is_some_and(|(_, _, p)| !p) {
                j += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if !started || r.end <= i {
        return None;
    }
    r.value = total + current;
    // "two thirds", "three quarters": a plural fraction after the count.
    if let Some((end, e)) = v.entry(r.end, Category::Fraction) {
        // "three quarters" is 0.75; "six quarters" (more than a whole) are periods.
        let whole = v.is(r.end, "quarters") && r.value >= 4.0;
        let small = total == 0.0 && r.value < 20.0 && !whole;
        let plural = v.word(r.end).ends_with('s') && !v.is(r.end, "seconds");
        if small && (plural || (r.value == 1.0 && !v.is(r.end, "second"))) {
            r.value *= payload_value(e).unwrap_or(1.0);
            r.end = end;
            r.form = Form::Fraction;
            // "three quarters of a million" is rare; "two thirds billion" rarer still,
            // but a scale right after the fraction multiplies it.
            let before = r.end;
            read_scale(v, &mut r);
            if r.end > before {
                r.form = Form::Words;
            }
            return Some(r);
        }
    }
    if total > 0.0 && current == 0.0 {
        // "two million": the scale of the number ("one million and a half", "two to
        // three million").
        r.scale = last_scale;
    }
    read_fraction_tail(v, &mut r);
    // "five and a half million"
    let before = r.end;
    read_scale(v, &mut r);
    if r.end > before && r.form == Form::Fraction {
        r.form = Form::Words;
    }
    Some(r)
}

/// After "a third" / "a fifth": true when a noun or adjective follows ("a third term"),
/// false for "a third of", "by a third." or a unit ("a fifth mile" is rare either way).
fn ordinal_before_noun(v: &View, next: usize) -> bool {
    v.is_word(next)
        && !v.is_any(
            next,
            &[
                "of", "and", "or", "to", "in", "on", "since", "from", "more", "less",
            ],
        )
        && v.entry(next, Category::Scale).is_none()
}
