//! From a number read at a token to a claim: the bounded look around it that decides its
//! kind, unit, qualifier, change, whole, range end and subject, or that it is no claim.

use super::parse::{read, Form, Reading};
use super::phrase::{self, subject_at};
use super::view::{find as find_entry, View, NONE};
use super::{Direction, NumberKind, NumericClaim};
use crate::article::Article;
use crate::lexicon::Category;

/// A claim being built, in tokens.
#[derive(Clone, Debug)]
struct Draft {
    first: usize,
    end: usize,
    kind: NumberKind,
    value: f64,
    of: Option<f64>,
    from: Option<f64>,
    to: Option<f64>,
    unit: Option<String>,
    qualifier: Option<String>,
    change: Option<Direction>,
    subject: Option<(usize, usize)>,
    base: Option<(usize, usize)>,
}

/// What the look at a token decided.
enum Outcome {
    /// A claim.
    Claim(Draft),
    /// No claim here; go on reading at this token (past what was read).
    Skip(usize),
}

/// Every claim of the article, sorted by start.
pub(super) fn find(article: &Article) -> Vec<NumericClaim> {
    let text = article.text();
    let scan = article.scan();
    let tokens = scan.tokens();
    let mut ends = vec![NONE; tokens.len() + 1];
    for (h, hit) in scan.hits().iter().enumerate() {
        if let Some(slot) = ends.get_mut(hit.end_token as usize) {
            *slot = h as u32;
        }
    }
    let mut claims: Vec<NumericClaim> = Vec::new();
    let (mut lo, mut hi) = (0, 0);
    let mut i = 0;
    while i < tokens.len() {
        if i >= hi {
            lo = i;
            hi = i;
            while hi < tokens.len() && tokens[hi].sentence == tokens[lo].sentence {
                hi += 1;
            }
        }
        let v = View {
            text,
            scan,
            lexicon: article.lexicon(),
            ends: &ends,
            lo,
            hi,
        };
        match look(&v, i) {
            Outcome::Claim(d) => {
                let next = d.end.max(i + 1);
                claims.push(finish(article, &v, d));
                i = next;
            }
            Outcome::Skip(next) => i = next.max(i + 1),
        }
    }
    claims.sort_by_key(|c| (c.start, c.end));
    claims.dedup_by(|later, earlier| later.start < earlier.end);
    claims
}

fn finish(article: &Article, v: &View, d: Draft) -> NumericClaim {
    let tokens = v.scan.tokens();
    let start = tokens[d.first].span.start;
    let end = tokens[d.end.max(d.first + 1) - 1].span.end;
    let words = |(a, b): (usize, usize)| -> String {
        v.text[tokens[a].span.start..tokens[b - 1].span.end].to_string()
    };
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    NumericClaim {
        start,
        end,
        text: v.text[start..end].to_string(),
        kind: d.kind,
        value: finite(d.value),
        of: d.of.map(finite),
        from: d.from.map(finite),
        to: d.to.map(finite),
        unit: d.unit,
        qualifier: d.qualifier,
        change: d.change,
        subject: d.subject.map(words),
        base: d.base.map(words),
        in_quote: article.quotation_at(start).is_some(),
    }
}

/// Currency symbols, read by character: they are punctuation tokens.
fn currency_symbol(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₩" => "KRW",
        "₴" => "UAH",
        "₪" => "ILS",
        "₺" => "TRY",
        "₦" => "NGN",
        _ => return None,
    })
}

/// A prefix glued before "$": "US$", "A$", "HK$".
fn dollar_prefix(prefix: &str) -> Option<&'static str> {
    Some(match prefix.to_ascii_uppercase().as_str() {
        "US" => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" | "CAN" => "CAD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" | "SG" => "SGD",
        "R" => "BRL",
        "NT" => "TWD",
        "MX" | "MEX" => "MXN",
        _ => return None,
    })
}

/// Words before a four-digit number that make it a year.
const YEAR_BEFORE: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "the", "during", "before", "after",
    "early", "late", "mid", "around", "through", "spring", "summer", "autumn", "fall", "winter",
    "year", "fiscal", "circa", "between", "and", "to", "for", "in", "'s", "this",
];

/// Words after a score ("a 3-1 win") or before one ("won 2-0").
const SCORE_WORDS: &[&str] = &[
    "win",
    "victory",
    "defeat",
    "loss",
    "lead",
    "draw",
    "vote",
    "votes",
    "decision",
    "ruling",
    "majority",
    "won",
    "beat",
    "lost",
    "drew",
    "defeated",
    "trailed",
    "led",
    "voted",
    "ruled",
    "score",
    "scoreline",
    "margin",
    "record",
    "tie",
    "tied",
    "split",
];

fn look(v: &View, i: usize) -> Outcome {
    let skip = Outcome::Skip(i + 1);
    if !v.is_number(i) && v.scan.hit_at(i).is_none() && !v.is_any(i, &["a", "an"]) {
        return skip;
    }
    if let Some(d) = factor_word(v, i) {
        return Outcome::Claim(d);
    }
    // Digits glued to a preceding word or to URL punctuation ("%20", "id=305", "J1149.5")
    // are parts of a code, not numbers.
    if v.is_number(i) && v.glued(i) && i > v.lo {
        let before = v.word(i - 1);
        let code = v.is_word(i - 1)
            || v.is_punct(
                i - 1,
                &['%', '/', '=', '?', '&', '_', '@', '\\', '^', '+', '*', '×'],
            )
            || (v.is_punct(i - 1, &['.']) && v.glued(i - 1) && v.is_word(i - 2));
        if code && !before.is_empty() {
            let mut end = i + 1;
            while v.glued(end)
                && (v.is_number(end) || v.is_word(end) || v.is_punct(end, &['%', '.', '/']))
            {
                end += 1;
            }
            return Outcome::Skip(end);
        }
    }
    // Money symbol and its prefix before the number.
    let mut first = i;
    let mut money: Option<String> = None;
    if i > v.lo {
        if let Some(code) = currency_symbol(v.word(i - 1)) {
            first = i - 1;
            let mut code = code;
            if code == "USD" && v.glued(i - 1) && v.is_word(i - 2) {
                if let Some(c) = dollar_prefix(v.word(i - 2)) {
                    code = c;
                    first = i - 2;
                }
            }
            money = Some(code.to_string());
        }
    }
    let Some(mut r) = read(v, i, money.is_some()) else {
        return skip;
    };
    match r.form {
        Form::Time | Form::Date => return Outcome::Claim(plain(r, NumberKind::Date)),
        Form::Identifier => return Outcome::Claim(plain(r, NumberKind::Reference)),
        _ => {}
    }
    // A number word capitalised inside a name: "Air Force One", "Formula One", "Second
    // World War". A sentence's first word is capitalised anyway.
    if r.form != Form::Digits && v.capitalized(i) {
        let in_name = (i > v.lo && v.capitalized(i - 1) && v.is_word(i - 1))
            || (i > v.lo + 1 && v.is_word(i - 1) && v.capitalized(i - 1))
            || (r.form == Form::Ordinal && v.capitalized(r.end) && v.is_word(r.end));
        let mid_sentence = i > v.lo && !v.is_punct(i - 1, &['"', '“', '\'', '‘', '(', ':']);
        if in_name || (mid_sentence && r.form == Form::Ordinal) {
            return Outcome::Skip(r.end);
        }
    }
    // Sign.
    if money.is_none() && i > v.lo && v.is_punct(i - 1, &['-', '−']) && v.glued(i) {
        let joined = v.glued(i - 1) && (v.is_word(i - 2) || v.is_number(i - 2));
        if joined {
            // "COVID-19", "F-35", "mid-2020", "MH-17".
            let kind = if r.year_like {
                NumberKind::Date
            } else {
                NumberKind::Reference
            };
            let mut d = plain(r, kind);
            d.first = i - 2;
            if kind == NumberKind::Reference || v.capitalized(i - 2) {
                d.kind = NumberKind::Reference;
            }
            if v.is_number(i - 2) {
                return Outcome::Skip(r.end);
            }
            return Outcome::Claim(d);
        }
        r.value = -r.value;
        first = i - 1;
    } else if v.is_any(i.wrapping_sub(1), &["minus", "negative"]) {
        r.value = -r.value;
        first = i - 1;
    }
    // Identifier words before: "Article 5", "No. 10", "#1", "Flight 370".
    if let Some((at, e)) = v.entry_before(first, Category::Reference) {
        if &*e.payload != "cap" || v.capitalized(at) {
            let mut d = plain(r, NumberKind::Reference);
            d.first = at;
            return Outcome::Claim(d);
        }
    }
    // "(202) 555-0143": an area code.
    if v.is_punct(first.wrapping_sub(1), &['('])
        && v.is_punct(r.end, &[')'])
        && v.is_number(r.end + 1)
    {
        let mut d = plain(r, NumberKind::Reference);
        d.end = r.end + 1;
        return Outcome::Claim(d);
    }
    // "the second half", "the first half of the year": a part of a period, no fraction.
    if v.is(i, "half") && r.end == i + 1 && i > v.lo {
        let before_half = v.entry_before(i, Category::Ordinal).is_some()
            || v.is_any(
                i - 1,
                &["the", "this", "that", "each", "every", "either", "other"],
            );
        if before_half {
            return Outcome::Skip(i + 1);
        }
    }
    if first > v.lo && v.is_punct(first - 1, &['#']) {
        return Outcome::Claim(plain(r, NumberKind::Reference));
    }
    // A month before or after: "January 31", "31 January", "Jan. 31, 2024".
    if is_month_before(v, first) || v.entry(r.end, Category::Month).is_some() {
        let mut d = plain(r, NumberKind::Date);
        if let Some((at, _)) = v.entry_before(first, Category::Month) {
            d.first = at;
        } else if first > v.lo + 1 && v.is_punct(first - 1, &['.']) {
            d.first = v
                .entry_before(first - 1, Category::Month)
                .map_or(first, |(at, _)| at);
        }
        if v.entry(r.end, Category::Month).is_some() {
            d.end = v.entry(r.end, Category::Month).map_or(d.end, |(e, _)| e);
        }
        return Outcome::Claim(d);
    }
    if money.is_none() {
        if let Some((at, e)) = v.entry_before(first, Category::Currency) {
            let word = v.word(at);
            if word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
                money = e.payload.split_whitespace().next().map(str::to_string);
                first = at;
            }
        }
    }
    let mut d = Draft {
        first,
        end: r.end,
        kind: NumberKind::Count,
        value: r.value,
        of: None,
        from: None,
        to: None,
        unit: None,
        qualifier: None,
        change: None,
        subject: None,
        base: None,
    };
    if let Some(code) = money.take() {
        d.kind = NumberKind::Money;
        d.unit = Some(code);
    } else if first > v.lo && v.is(first - 1, "magnitude") {
        // "a magnitude 7.8 earthquake": a measure whose unit comes first.
        d.first = first - 1;
        d.kind = NumberKind::Quantity;
        d.unit = Some("magnitude".into());
        return Outcome::Claim(d);
    }
    if r.form == Form::Ordinal {
        return ordinal(v, r, d);
    }
    // "one day", "one another", "at one point": "one" that counts nothing.
    let bare_one = r.form == Form::Words && r.value == 1.0 && r.end == i + 1 && v.is(i, "one");
    if bare_one
        && v.entry(r.end, Category::NotQuantity)
            .is_some_and(|(_, e)| e.payload.contains("one"))
    {
        return Outcome::Skip(r.end + 1);
    }
    let before = qualifier_and_change(v, &mut d);
    if r.plural && d.qualifier.is_none() {
        d.qualifier = Some("at_least".to_string());
    }
    if let Some(skip_to) = suffix(v, &r, &mut d) {
        return Outcome::Skip(skip_to);
    }
    match second_number(v, &r, &mut d, before) {
        Some(Outcome::Skip(n)) => return Outcome::Skip(n),
        Some(Outcome::Claim(c)) => return Outcome::Claim(c),
        None => {}
    }
    if d.kind == NumberKind::Count && r.form == Form::Fraction && v.is(d.end, "of") {
        d.kind = NumberKind::Ratio;
    }
    what_is_counted(v, &mut d);
    if d.kind == NumberKind::Count {
        if r.year_like && looks_like_year(v, &r, &d) {
            d.kind = NumberKind::Date;
            d.subject = None;
            return Outcome::Claim(d);
        }
        if r.form == Form::Words && r.value == 1.0 && r.end == i + 1 && !one_counts(v, i, &d) {
            return Outcome::Skip(i + 1);
        }
    }
    Outcome::Claim(d)
}

fn plain(r: Reading, kind: NumberKind) -> Draft {
    Draft {
        first: r.first,
        end: r.end,
        kind,
        value: r.value,
        of: None,
        from: None,
        to: None,
        unit: None,
        qualifier: None,
        change: None,
        subject: None,
        base: None,
    }
}

fn is_month_before(v: &View, first: usize) -> bool {
    if v.entry_before(first, Category::Month).is_some() {
        return true;
    }
    // "Jan. 31" when the period is its own token, "May 5th".
    first > v.lo + 1
        && v.is_punct(first - 1, &['.'])
        && v.entry_before(first - 1, Category::Month).is_some()
}

/// "doubled", "tripled", "a threefold increase".
fn factor_word(v: &View, i: usize) -> Option<Draft> {
    let (end, e) = v.entry(i, Category::Change)?;
    let mut parts = e.payload.split_whitespace();
    let direction = parts.next()?;
    let factor: f64 = parts.next()?.parse().ok()?;
    let mut change = if direction == "down" {
        Direction::Down
    } else {
        Direction::Up
    };
    if v.is_any(
        end,
        &["decrease", "drop", "fall", "decline", "reduction", "cut"],
    ) {
        change = Direction::Down;
    }
    let mut d = plain(
        Reading {
            first: i,
            end,
            value: factor,
            form: Form::Words,
            scale: 1.0,
            plural: false,
            year_like: false,
        },
        NumberKind::Factor,
    );
    d.change = Some(change);
    Some(d)
}

/// Qualifier ("at least"), change ("rose", "up", "fell by") and "between"/"from" before
/// the claim. Returns the word that opens a two-number claim, if any.
fn qualifier_and_change(v: &View, d: &mut Draft) -> Option<&'static str> {
    let mut at = d.first;
    if let Some((q, e)) = v.entry_before(at, Category::Qualifier) {
        d.qualifier = Some(e.payload.to_string());
        at = q;
    }
    let mut opener = None;
    if v.is(at.wrapping_sub(1), "between") {
        return Some("between");
    }
    let mut k = at;
    if v.is_any(k.wrapping_sub(1), &["by", "from", "to"]) {
        if v.is(k - 1, "from") {
            opener = Some("from");
        }
        k -= 1;
    }
    if let Some((_, e)) = v.entry_before(k, Category::Change) {
        if e.payload.split_whitespace().nth(1).is_none() {
            d.change = Some(if e.payload.starts_with("down") {
                Direction::Down
            } else {
                Direction::Up
            });
        }
    }
    opener
}

/// What follows the number: a currency word, a percent sign or word, a unit. Returns a
/// token to skip to when the number is part of a compound adjective ("two-tier").
fn suffix(v: &View, r: &Reading, d: &mut Draft) -> Option<usize> {
    let k = d.end;
    // A glued word: "300km", "7.62mm", "115.5USD".
    let glued = v.glued(k) && v.is_word(k);
    let hyphen = v.is_punct(k, &['-', '‐']) && v.glued(k) && v.glued(k + 1) && v.is_word(k + 1);
    if v.is_punct(k, &['°']) {
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
        d.unit = Some(unit.into());
        return None;
    }
    if glued && matches!(v.word(k), "C" | "F") && d.kind == NumberKind::Count {
        // "40C": degrees, as British news writes them.
        d.kind = NumberKind::Quantity;
        d.unit = Some(
            if v.word(k) == "C" {
                "degree celsius"
            } else {
                "degree fahrenheit"
            }
            .into(),
        );
        d.end = k + 1;
        return None;
    }
    if v.is_punct(k, &['%']) {
        d.kind = NumberKind::Percent;
        d.unit = Some("percent".into());
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
            let mut parts = e.payload.split_whitespace();
            d.unit = parts.next().map(str::to_string);
            if let Some(f) = parts.next().and_then(|f| f.parse::<f64>().ok()) {
                d.value *= f;
            }
            d.end = end;
        }
        return None;
    }
    if let Some(e) = find_entry(entries, Category::Unit) {
        let unit = e.payload.to_string();
        if d.kind == NumberKind::Money {
            return None;
        }
        if matches!(
            unit.as_str(),
            "percent" | "percentage point" | "basis point"
        ) {
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
    if hyphen {
        let compound = find_entry(entries, Category::NotQuantity).is_some()
            || (r.form != Form::Digits && d.kind == NumberKind::Count);
        if compound {
            return Some(k + 2);
        }
    }
    if glued && d.kind == NumberKind::Count {
        // Letters glued to digits that are no unit name a thing: "4G", "3D".
        return Some(k + 1);
    }
    None
}

fn symbol_before(v: &View, i: usize) -> bool {
    i > v.lo && currency_symbol(v.word(i - 1)).is_some()
}

fn hit_entries<'a>(v: &View<'a>, i: usize) -> &'a [crate::lexicon::Entry] {
    if !v.has(i) {
        return &[];
    }
    v.scan.hit_at(i).map_or(&[], |h| v.scan.entries(h))
}

fn hit_end(v: &View, i: usize) -> usize {
    v.scan
        .hit_at(i)
        .map_or(i + 1, |h| (h.end_token as usize).min(v.hi))
}

/// Ranges ("3-5%", "between 3 and 5", "from 2,000 to 3,000"), changes with both ends
/// ("rose from 2.1% to 3%") and ratios ("18 of the 31", "one in five").
fn second_number(v: &View, r: &Reading, d: &mut Draft, opener: Option<&str>) -> Option<Outcome> {
    let k = d.end;
    let dash = v.is_punct(k, &['-', '–', '—', '‐']);
    let word = if dash { "-" } else { v.word(k) };
    let connector = match (word.to_ascii_lowercase().as_str(), opener) {
        ("-", _) => "-",
        ("to", _) => "to",
        ("and", Some("between")) => "and",
        ("of", _) => "of",
        ("in", _) => "in",
        ("out", _) if v.is(k + 1, "of") => "out of",
        _ => return None,
    };
    let mut n = if connector == "out of" { k + 2 } else { k + 1 };
    if connector == "of" && v.is_any(n, &["the", "its", "their", "all", "those", "these"]) {
        n += 1;
    }
    let symbol = currency_symbol(v.word(n)).is_some();
    if symbol {
        n += 1;
    }
    let second = read(v, n, symbol || d.kind == NumberKind::Money)?;
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
        _ => range(v, r, d, second, connector, opener, k),
    }
}

#[allow(clippy::too_many_arguments)]
fn range(
    v: &View,
    r: &Reading,
    d: &mut Draft,
    second: Reading,
    connector: &str,
    opener: Option<&str>,
    k: usize,
) -> Option<Outcome> {
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
        let score_word = v.is_any(second.end, SCORE_WORDS)
            || v.is_any(r.first.wrapping_sub(1), SCORE_WORDS)
            || v.is_any(r.first.wrapping_sub(2), SCORE_WORDS);
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
        let money_after = symbol_before(v, second.first);
        if d.kind != NumberKind::Count && (d.kind == NumberKind::Money) != money_after {
            return None;
        }
        if opener.is_none() && d.kind != NumberKind::Count && !money_after {
            // "2% to 4%" joins only when the second has the same unit, read below.
            let mut probe = d.clone();
            probe.end = second.end;
            probe.kind = NumberKind::Count;
            let _ = suffix(v, &second, &mut probe);
            if probe.kind != NumberKind::Count && probe.unit != d.unit {
                return None;
            }
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
    let kind_before = d.kind;
    let _ = suffix(v, &second, d);
    let kind_after = if d.kind == NumberKind::Count {
        kind_before
    } else {
        d.kind
    };
    let _ = k;
    if let (Some(Direction::Up | Direction::Down), "to") = (d.change, connector) {
        d.kind = kind_after;
        d.from = Some(low);
        d.value = low;
        d.to = Some(high);
        return None;
    }
    d.value = low;
    d.to = Some(high);
    d.unit = d.unit.take();
    d.kind = NumberKind::Range;
    None
}

/// An ordinal: a rank ("second term", "third-largest"), a date ("the 21st century",
/// "May 5th"), or nothing when it is an adverb ("he first said").
fn ordinal(v: &View, r: Reading, mut d: Draft) -> Outcome {
    let k = r.end;
    if v.is_any(k, &["century", "centuries", "millennium"])
        || (v.is(k, "of") && v.entry(k + 1, Category::Month).is_some())
    {
        d.kind = NumberKind::Date;
        return Outcome::Claim(d);
    }
    d.kind = NumberKind::Ordinal;
    if v.is_punct(k, &['-']) && v.glued(k) && v.is_word(k + 1) {
        d.end = k + 2;
        return Outcome::Claim(d);
    }
    // A lone ordinal word with no noun after it is usually an adverb ("he first said");
    // digits ("25th") and compounds ("twenty-fifth") are ranks whatever follows.
    let written_out = r.form == Form::Ordinal && v.is_word(r.first) && r.end == r.first + 1;
    match subject_at(v, k) {
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
fn what_is_counted(v: &View, d: &mut Draft) {
    let k = d.end;
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
    let phrase = subject_at(v, start);
    let percent = d.kind == NumberKind::Percent
        || (d.kind == NumberKind::Range && d.unit.as_deref() == Some("percent"));
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
fn looks_like_year(v: &View, r: &Reading, d: &Draft) -> bool {
    if d.qualifier.is_some() || d.change.is_some() {
        return false;
    }
    // News style writes counts of a thousand and more with a separator ("1,500 troops"),
    // so four plain digits from 1500 to 2100 are a year unless a year word is missing
    // and a plural noun follows a number below 1900 ("1500 troops").
    let prev = v.word(r.first.wrapping_sub(1));
    let after_year_word =
        r.first > v.lo && (v.is_any(r.first - 1, YEAR_BEFORE) || prev.ends_with("'s"));
    let plural_noun = d
        .subject
        .is_some_and(|(a, _)| v.word(a).ends_with('s') && !v.capitalized(a));
    after_year_word || !plural_noun || r.value >= 1900.0
}

/// True when a bare "one" counts something: "one solution", "one in five"; false for
/// the pronoun ("one of them", "the one that", "no one") and the generic "one" of a
/// contrast ("an attack on one ally is an attack on all").
fn one_counts(v: &View, i: usize, d: &Draft) -> bool {
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
    // A contrast later in the sentence makes "one" generic.
    let horizon = (i + 16).min(v.hi);
    !(i + 2..horizon).any(|j| v.is_any(j, &["all", "another", "other", "others", "every"]))
}
