//! Reading one number where it starts: digits with their glued suffixes ("3bn", "25th",
//! "1990s", "2.15pm", "2½"), clock times and dates in digits, fractions ("3/4", "2 1/2"),
//! and the scale words and fraction tails shared with number words ("1.5 million",
//! "3 million and a half"); number words themselves are read in `words`.

use super::view::{find, payload_value, View};
use crate::lexicon::Category;
use crate::scan::TokenKind;

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
#[inline(always)]
pub(crate) fn read(v: &View, i: usize, money: bool) -> Option<Reading> {
    if v.is_number(i) {
        return Some(read_digits(v, i, money));
    }
    if !v.is_word(i) {
        return None;
    }
    super::words::read_words(v, i)
}

/// The value of a number token's text ("40,000", "2.5", ".5"), and whether it is plain
/// digits.
fn number_value(text: &[u8]) -> (Option<f64>, bool) {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    // Up to 15 digits with separators and one decimal point: the whole number of the
    // digits and the power of ten it is divided by are exact, so their quotient is the
    // correctly rounded value, the one `parse` gives, without its cost.
    let mut whole: u64 = 0;
    let mut digits = 0;
    // The number of digits before the decimal point, if there is one.
    let mut point = usize::MAX;
    for &b in text {
        match b {
            b'0'..=b'9' => {
                whole = whole * 10 + u64::from(b - b'0');
                digits += 1;
                if digits > 15 {
                    return slow_digits_value(text);
                }
            }
            b',' => {}
            b'.' if point == usize::MAX => point = digits,
            _ => return slow_digits_value(text),
        }
    }
    if digits == 0 {
        return slow_digits_value(text);
    }
    #[allow(clippy::cast_precision_loss)]
    let whole = whole as f64;
    if point == usize::MAX {
        // Plain digits, or digits with separators.
        return (Some(whole), digits == text.len());
    }
    (Some(whole / POWERS[digits - point]), false)
}

/// [`number_value`] of a text the quick reading does not cover.
fn slow_digits_value(text: &[u8]) -> (Option<f64>, bool) {
    let Ok(text) = std::str::from_utf8(text) else {
        return (None, false);
    };
    let plain = text.bytes().all(|b| b.is_ascii_digit());
    let value = if !text.contains(',') {
        text.parse::<f64>().ok()
    } else if text.len() <= 64 {
        // Without the thousands separators, in a buffer on the stack.
        let mut buf = [0u8; 64];
        let mut n = 0;
        for &b in text.as_bytes().iter().filter(|&&b| b != b',') {
            buf[n] = b;
            n += 1;
        }
        std::str::from_utf8(&buf[..n])
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
    } else {
        let cleaned: String = text.chars().filter(|&c| c != ',').collect();
        cleaned.parse::<f64>().ok()
    };
    (value.filter(|x| x.is_finite()), plain)
}

/// The value of a number token's text.
fn digits_value(text: &[u8]) -> Option<f64> {
    number_value(text).0
}

fn read_digits(v: &View, i: usize, money: bool) -> Reading {
    let text = v.bytes_at(i);
    let (value, plain) = number_value(text);
    let value = value.unwrap_or(0.0);
    let mut r = Reading {
        first: i,
        end: i + 1,
        value,
        form: Form::Digits,
        scale: 1.0,
        plural: false,
        year_like: plain && text.len() == 4 && (1000.0..=2100.0).contains(&value),
    };
    if plain && text.len() > 1 && text[0] == b'0' {
        r.form = Form::Identifier;
    }
    let j = i + 1;
    let next = v.kind(j);
    // "10:30", "5/17/2018", "3/4", "9/11", "17.05.2018".
    let mark = v.punct_byte(j);
    if matches!(mark, Some(b':' | b'/' | b'.'))
        && v.glued(j)
        && v.is_number(j + 1)
        && v.glued(j + 1)
    {
        if mark == Some(b':') {
            r.form = Form::Time;
            r.end = j + 2;
            read_clock_suffix(v, &mut r);
            return r;
        }
        {
            let second = digits_value(v.bytes_at(j + 1)).unwrap_or(0.0);
            r.end = j + 2;
            if v.is_punct(j + 2, &['/', '.', '-']) && v.glued(j + 2) && v.is_number(j + 3) {
                r.form = Form::Date;
                r.end = j + 4;
            } else if mark == Some(b'/')
                && plain
                && value < second
                && (second <= 10.0 || v.is(j + 2, "of"))
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
    if next == Some(TokenKind::Punct) {
        // Punctuation with no phrase starting there: no spaced fraction, "and a half" or
        // scale word follows.
        if v.slot_near(j).is_none() {
            return r;
        }
    } else if next.is_none() {
        // The sentence's end.
        return r;
    }
    if next == Some(TokenKind::Word) && v.glued(j) {
        if let Some(f) = vulgar_fraction(v.word(j)) {
            // "2½"
            r.value += f;
            r.end = j + 1;
            r.year_like = false;
            read_scale(v, &mut r);
            return r;
        }
        let suffix = v.word(j);
        let is = |word: &str| suffix.eq_ignore_ascii_case(word);
        // "1.5x": a factor, read with the units.
        if is("x") {
            return r;
        }
        if is("st") || is("nd") || is("rd") || is("th") {
            r.form = Form::Ordinal;
            r.end = j + 1;
            return r;
        }
        if is("s") && value >= 10.0 {
            r.form = Form::Date;
            r.end = j + 1;
            return r;
        }
        if (is("am") || is("pm") || is("a") || is("p"))
            && (suffix.len() == 2 || v.is_punct(j + 1, &['.']))
        {
            r.form = Form::Time;
            r.end = j + 1;
            read_clock_suffix_dots(v, &mut r, j);
            return r;
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
        let ambiguous = is("m") || is("b") || is("t") || is("mm");
        let scale_here =
            is_scale && (!ambiguous || money || suffix.chars().all(|c| c.is_ascii_uppercase()));
        if scale_here {
            if is("mm") && suffix != "MM" {
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
    // "5 p.m.", "10 am", "5 o'clock": words after the number.
    if next == Some(TokenKind::Word) {
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
    }
    read_mixed_fraction(v, &mut r);
    // "and a half" starts with a word, a scale word is a lexicon phrase.
    if v.is_word(r.end) || v.slot_near(r.end).is_some() {
        read_fraction_tail(v, &mut r);
        read_scale(v, &mut r);
        if r.scale > 1.0 {
            read_fraction_tail(v, &mut r);
        }
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
    let top = digits_value(v.bytes_at(j)).unwrap_or(0.0);
    let bottom = digits_value(v.bytes_at(j + 2)).unwrap_or(0.0);
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
pub(super) fn read_fraction_tail(v: &View, r: &mut Reading) {
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
pub(super) fn read_scale(v: &View, r: &mut Reading) {
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

/// After a glued lowercase "m" with no currency: true when the next word makes it
/// "million" ("2m people"), false when it is metres ("100m sprint", "8m tall", "5m.").
fn metres_or_millions(v: &View, next: usize) -> bool {
    // Lowercase, in byte order (binary search).
    const METRES: &[&str] = &[
        "above",
        "and",
        "at",
        "away",
        "backstroke",
        "below",
        "breaststroke",
        "butterfly",
        "by",
        "dash",
        "deep",
        "deeper",
        "event",
        "events",
        "final",
        "freestyle",
        "from",
        "high",
        "higher",
        "hurdles",
        "in",
        "long",
        "longer",
        "metres",
        "of",
        "on",
        "or",
        "over",
        "per",
        "race",
        "relay",
        "sprint",
        "tall",
        "to",
        "under",
        "wall",
        "walls",
        "wide",
    ];
    v.is_word(next) && !v.is_in(next, METRES)
}

#[cfg(test)]
mod tests {
    use super::{number_value, slow_digits_value};

    /// The quick reading gives the value `parse` gives, for every text of digits,
    /// separators and points up to a length, and for longer ones.
    #[test]
    fn quick_value_is_the_parsed_value() {
        let alphabet = [b'0', b'1', b'5', b'9', b',', b'.'];
        let mut texts: Vec<String> = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..6 {
            let mut longer = Vec::new();
            for t in &texts {
                for &b in &alphabet {
                    let mut s = t.clone();
                    s.push(char::from(b));
                    longer.push(s);
                }
            }
            all.extend(longer.iter().cloned());
            texts = longer;
        }
        all.extend(
            [
                "1,234,567.89",
                "0.1",
                "0.3",
                "123456789012345",
                "1234567890123456",
                "12345678901234.5",
                "1.23456789012345",
                "0.000000000000001",
                "9,999,999,999,999.99",
                "٣",
                "1e5",
                "",
            ]
            .map(String::from),
        );
        for text in &all {
            let text = text.as_bytes();
            assert_eq!(number_value(text), slow_digits_value(text), "{text:?}");
        }
    }
}
