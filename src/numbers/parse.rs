//! Reading one number where it starts: digits with their glued suffixes ("3bn", "25th",
//! "1990s", "2.15pm"), number words and their compounds ("one hundred and five",
//! "twenty-fifth", "two-thirds", "tens of thousands", "half a million"), and scale words
//! after either ("1.5 million").

use super::view::{find, payload_value, View};
use crate::lexicon::Category;

/// How a number was written, which decides what it can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// Digits: "40,000", "2.5".
    Digits,
    /// Number words: "twenty-five", "a dozen".
    Words,
    /// An ordinal: "second", "25th".
    Ordinal,
    /// A fraction: "half", "two-thirds", "3/4".
    Fraction,
    /// A clock time: "10:30", "2.15pm", "5 p.m.".
    Time,
    /// A date in digits ("5/17/2018") or a decade ("1990s").
    Date,
    /// Digits that name rather than count: "007", "9/11", "4G".
    Identifier,
}

/// A number read at a token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reading {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The value, scaled.
    pub value: f64,
    /// How it was written.
    pub form: Form,
    /// The scale word's multiplier, 1 when none.
    pub scale: f64,
    /// A vague plural ("dozens", "hundreds of"): the value is the unit, a lower bound.
    pub plural: bool,
    /// Digits without separators or decimals that could be a year (1500 to 2100).
    pub year_like: bool,
}

/// Reads the number starting at token `i`, if one does. `money` says a currency symbol
/// stands before it, which makes a glued "m" or "b" a scale ("$10m").
pub(crate) fn read(v: &View, i: usize, money: bool) -> Option<Reading> {
    if v.is_number(i) {
        return Some(read_digits(v, i, money));
    }
    if !v.is_word(i) {
        return None;
    }
    read_words(v, i)
}

fn digits_value(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|&c| c != ',').collect();
    cleaned.parse::<f64>().ok().filter(|x| x.is_finite())
}

fn read_digits(v: &View, i: usize, money: bool) -> Reading {
    let text = v.word(i);
    let value = digits_value(text).unwrap_or(0.0);
    let plain = text.bytes().all(|b| b.is_ascii_digit());
    let mut r = Reading {
        first: i,
        end: i + 1,
        value,
        form: Form::Digits,
        scale: 1.0,
        plural: false,
        year_like: plain && text.len() == 4 && (1500.0..=2100.0).contains(&value),
    };
    if plain && text.len() > 1 && text.starts_with('0') {
        r.form = Form::Identifier;
    }
    let j = i + 1;
    // "10:30", "5/17/2018", "3/4", "9/11", "17.05.2018".
    if v.glued(j) && v.is_number(j + 1) && v.glued(j + 1) {
        if v.is_punct(j, &[':']) {
            r.form = Form::Time;
            r.end = j + 2;
            read_clock_suffix(v, &mut r);
            return r;
        }
        if v.is_punct(j, &['/', '.']) {
            let second = digits_value(v.word(j + 1)).unwrap_or(0.0);
            r.end = j + 2;
            if v.is_punct(j + 2, &['/', '.', '-']) && v.glued(j + 2) && v.is_number(j + 3) {
                r.form = Form::Date;
                r.end = j + 4;
            } else if v.is_punct(j, &['/'])
                && plain
                && value < second
                && second <= 10.0
                && second > 0.0
            {
                r.form = Form::Fraction;
                r.value = value / second;
            } else {
                r.form = Form::Identifier;
            }
            return r;
        }
    }
    if v.glued(j) && v.is_word(j) {
        if let Some(f) = vulgar_fraction(v.word(j)) {
            // "2½"
            r.value += f;
            r.end = j + 1;
            r.year_like = false;
            read_scale(v, &mut r);
            return r;
        }
        let suffix = v.word(j);
        let lower = suffix.to_ascii_lowercase();
        match lower.as_str() {
            "st" | "nd" | "rd" | "th" => {
                r.form = Form::Ordinal;
                r.end = j + 1;
                return r;
            }
            "s" if value >= 10.0 => {
                r.form = Form::Date;
                r.end = j + 1;
                return r;
            }
            "am" | "pm" | "a" | "p" if lower.len() == 2 || v.is_punct(j + 1, &['.']) => {
                r.form = Form::Time;
                r.end = j + 1;
                read_clock_suffix_dots(v, &mut r, j);
                return r;
            }
            _ => {}
        }
        let mut entries = v.lookup(suffix);
        if suffix == "m" && !money && metres_or_millions(v, j + 1) {
            // "2m people" is two million people in British news; "100m sprint" metres.
            let m = 1e6;
            r.value *= m;
            r.scale = m;
            r.end = j + 1;
            r.year_like = false;
            return r;
        }
        if suffix == "C" || suffix == "F" {
            // "40C": degrees, read with the units.
            return r;
        }
        if suffix.len() == 1 && suffix.chars().all(|c| c.is_ascii_uppercase()) {
            // "4G", "3D" name things; a capital letter glued to digits is a scale ("10M")
            // or nothing.
            if find(entries, Category::Scale).is_none() {
                entries = &[];
            }
        }
        let is_scale = find(entries, Category::Scale).is_some();
        let is_unit =
            find(entries, Category::Unit).is_some() || find(entries, Category::Currency).is_some();
        // A glued "m" or "b" is a scale only for money or when written "M"/"B"; "mm" is
        // millimetres, "MM" millions.
        let ambiguous = matches!(lower.as_str(), "m" | "b" | "mm");
        let scale_here =
            is_scale && (!ambiguous || money || suffix.chars().all(|c| c.is_ascii_uppercase()));
        if scale_here {
            if lower == "mm" && suffix != "MM" {
                // millimetres: left to the unit reader
            } else {
                let m = find(entries, Category::Scale)
                    .and_then(payload_value)
                    .unwrap_or(1.0);
                r.value *= m;
                r.scale = m;
                r.end = j + 1;
                r.year_like = false;
                return r;
            }
        }
        if !is_unit && !is_scale {
            // "4G", "3D", "737MAX": letters glued to digits name a thing.
            r.form = Form::Identifier;
            r.end = j + 1;
            return r;
        }
        return r;
    }
    // "5 p.m.", "10 am".
    if v.is_any(j, &["am", "pm"]) || (v.is_any(j, &["a", "p"]) && v.is_punct(j + 1, &['.'])) {
        if v.is_any(j, &["a", "p"]) && !v.is(j + 2, "m") {
            return r;
        }
        r.form = Form::Time;
        r.end = j + 1;
        read_clock_suffix_dots(v, &mut r, j);
        return r;
    }
    if v.is(j, "o'clock") || v.is(j, "o’clock") {
        r.form = Form::Time;
        r.end = j + 1;
        return r;
    }
    read_mixed_fraction(v, &mut r);
    read_fraction_tail(v, &mut r);
    read_scale(v, &mut r);
    if r.scale > 1.0 {
        read_fraction_tail(v, &mut r);
    }
    r
}

/// "2 1/2", "10 1/2 miles": a whole number and a spaced fraction.
fn read_mixed_fraction(v: &View, r: &mut Reading) {
    let j = r.end;
    if r.value.fract() != 0.0 || v.glued(j) || !v.is_number(j) {
        return;
    }
    if !(v.is_punct(j + 1, &['/']) && v.glued(j + 1) && v.is_number(j + 2) && v.glued(j + 2)) {
        return;
    }
    let top = digits_value(v.word(j)).unwrap_or(0.0);
    let bottom = digits_value(v.word(j + 2)).unwrap_or(0.0);
    if top < bottom && bottom <= 16.0 && !(v.is_punct(j + 3, &['/']) && v.glued(j + 3)) {
        r.value += top / bottom;
        r.end = j + 3;
        r.year_like = false;
    }
}

/// After "10:30": an optional "am"/"pm"/"a.m.".
fn read_clock_suffix(v: &View, r: &mut Reading) {
    let j = r.end;
    if v.is_any(j, &["am", "pm"]) {
        r.end = j + 1;
    } else if v.is_any(j, &["a", "p"]) && v.is_punct(j + 1, &['.']) && v.is(j + 2, "m") {
        read_clock_suffix_dots(v, r, j);
    }
}

/// "p.m." is four tokens: p . m . — take them when present.
fn read_clock_suffix_dots(v: &View, r: &mut Reading, j: usize) {
    if v.is_any(j, &["a", "p"]) && v.is_punct(j + 1, &['.']) && v.is(j + 2, "m") {
        r.end = j + 3;
        if v.is_punct(j + 3, &['.']) && v.glued(j + 3) {
            r.end = j + 4;
        }
    }
}

/// "one and a half", "3 and a quarter": adds the fraction.
fn read_fraction_tail(v: &View, r: &mut Reading) {
    let j = r.end;
    if v.is(j, "and") && v.is_any(j + 1, &["a", "an", "one"]) {
        if let Some((end, e)) = v.entry(j + 2, Category::Fraction) {
            if !v.word(j + 2).ends_with('s') {
                // "3 million and a half" is 3.5 million.
                r.value += payload_value(e).unwrap_or(0.0) * r.scale;
                r.end = end;
                r.year_like = false;
            }
        }
    }
}

/// The value of a vulgar fraction character: "½", "¾".
pub(crate) fn vulgar_fraction(word: &str) -> Option<f64> {
    let mut chars = word.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// Scale words after the number: "1.5 million", "3 hundred thousand", "$2 bn".
fn read_scale(v: &View, r: &mut Reading) {
    let mut j = r.end;
    let mut last = f64::INFINITY;
    while let Some((end, e)) = v.entry(j, Category::Scale) {
        let word = v.word(j);
        // A spaced single letter ("5 m") is not a scale, and "mm" is millimetres.
        if word.len() < 2 || word.eq_ignore_ascii_case("mm") {
            break;
        }
        let m = payload_value(e).unwrap_or(1.0);
        if m >= last && m != 100.0 {
            break;
        }
        // "thousands" after a number is a plural noun ("5 thousands" is rare); allow it.
        r.value *= m;
        r.scale *= m;
        r.end = end;
        r.year_like = false;
        last = m;
        j = end;
    }
}

/// The value of a non-plural number word at `i`.
fn number_word(v: &View, i: usize) -> Option<(usize, f64, bool)> {
    let (end, e) = v.entry(i, Category::NumberWord)?;
    let plural = e.payload.split_whitespace().nth(1).is_some();
    Some((end, payload_value(e)?, plural))
}

fn read_words(v: &View, i: usize) -> Option<Reading> {
    let mut r = Reading {
        first: i,
        end: i,
        value: 0.0,
        form: Form::Words,
        scale: 1.0,
        plural: false,
        year_like: false,
    };
    if let Some(f) = vulgar_fraction(v.word(i)) {
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
    if let Some((end, unit, true)) = number_word(v, j) {
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
        if let Some((end, value, false)) = number_word(v, j) {
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
                if v.entry(j + 1, Category::Ordinal).is_none() || v.word(j + 1).ends_with('s') {
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
        let small = total == 0.0 && r.value < 20.0;
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

/// After a glued lowercase "m" with no currency: true when the next word makes it
/// "million" ("2m people"), false when it is metres ("100m sprint", "8m tall", "5m.").
fn metres_or_millions(v: &View, next: usize) -> bool {
    const METRES: &[&str] = &[
        "tall",
        "high",
        "long",
        "deep",
        "wide",
        "away",
        "above",
        "below",
        "from",
        "of",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "by",
        "per",
        "sprint",
        "race",
        "hurdles",
        "freestyle",
        "butterfly",
        "backstroke",
        "breaststroke",
        "relay",
        "dash",
        "final",
        "events",
        "event",
        "wall",
        "walls",
        "deeper",
        "higher",
        "longer",
        "under",
        "over",
        "metres",
    ];
    v.is_word(next) && !v.is_any(next, METRES)
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
