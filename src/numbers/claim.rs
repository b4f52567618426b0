//! From a number read at a token to a claim: the bounded look around it that decides its
//! kind, unit, qualifier, change, whole, range end and subject, or that it is no claim.

use super::around::{currency_at, dollar_prefix, qualifier_and_change, suffix, suffix_may_follow};
use super::judge::{looks_like_year, one_counts, ordinal, over_a_period, what_is_counted};
use super::pair::second_number;
use super::parse::{read, vulgar_fraction, Form, Reading};
use super::settle::Claims;
use super::view::{find as find_entry, mask, two_words, View};
use super::{Direction, NumberKind, NumericClaim};
use crate::article::Article;
use crate::lexicon::Category;
use crate::scan::{Slot, TokenKind};

/// A claim being built, in tokens.
#[derive(Clone, Debug)]
pub(super) struct Draft<'a> {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) kind: NumberKind,
    pub(super) value: f64,
    pub(super) of: Option<f64>,
    pub(super) from: Option<f64>,
    pub(super) to: Option<f64>,
    /// Static or a lexicon payload: a String is made only for the claims kept.
    pub(super) unit: Option<&'a str>,
    pub(super) qualifier: Option<&'a str>,
    pub(super) change: Option<Direction>,
    pub(super) subject: Option<(usize, usize)>,
    pub(super) base: Option<(usize, usize)>,
}

/// What the look at a token decided.
pub(super) enum Outcome<'a> {
    /// A claim.
    Claim(Draft<'a>),
    /// No claim here; go on reading at this token (past what was read).
    Skip(usize),
}

/// Every claim of the article, sorted by start; dates and identifiers only when
/// `dates_and_references` (they still hide the claims they overlap).
pub(super) fn find(article: &Article, dates_and_references: bool) -> Vec<NumericClaim> {
    let text = article.text();
    let scan = article.scan();
    let tokens = scan.tokens();
    // Most claims start at a number token: room for as many claims as there are numbers.
    let numbers = tokens
        .iter()
        .filter(|t| t.kind() == TokenKind::Number)
        .count();
    let mut out = Claims::new(article, numbers + 8, dates_and_references);
    // A claim starts at most this many tokens before the token it is read at: a currency
    // symbol, a sign, a currency code, "magnitude", a month or a reference word (a hit)
    // before the number.
    let longest_hit = scan
        .slots()
        .iter()
        .map(|slot| slot.end_token() - slot.first_token())
        .max()
        .unwrap_or(0);
    let reach = 2 * longest_hit + 8;
    let mut v = View::new(text, scan, article.lexicon());
    let mut i = 0;
    // Where the last look sent the reading: the tokens from there on are read one by
    // one until a claim can start.
    let mut landed = 0;
    // The hits, walked along the tokens: `next_hit` is the first token of hit `h`, the
    // first hit that does not start before token `i`.
    let slots = scan.slots();
    let mut h = 0;
    let mut next_hit = slots.first().map_or(usize::MAX, |s| s.first_token());
    'tokens: while i < tokens.len() {
        while next_hit < i {
            h += 1;
            next_hit = slots.get(h).map_or(usize::MAX, |s| s.first_token());
        }
        // Tokens without a hit pass quickly: only numbers, "a" and "an" among them may
        // start a claim.
        while next_hit != i {
            let Some(&t) = tokens.get(i) else {
                break 'tokens;
            };
            match t.kind() {
                TokenKind::Number => break,
                TokenKind::Word if t.end() - t.start() <= 2 => {
                    let word = text.as_bytes().get(t.start()..t.end()).unwrap_or(&[]);
                    if word.eq_ignore_ascii_case(b"a") || word.eq_ignore_ascii_case(b"an") {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if i >= tokens.len() {
            break;
        }
        let slot = if next_hit == i { slots.get(h) } else { None };
        if !could_start_with(&v, i, slot.copied()) {
            i += 1;
            continue;
        }
        if i >= v.hi {
            // The next sentence, seen from the first of its tokens read.
            let sentence = scan.sentence_tokens(i);
            v.set_sentence(sentence.start.max(landed), sentence.end);
        }
        match &look(&v, i) {
            Outcome::Claim(d) => {
                out.add(d, i.saturating_sub(reach));
                i = d.end.max(i + 1);
            }
            Outcome::Skip(next) => i = (*next).max(i + 1),
        }
        landed = i;
    }
    out.into_claims()
}

/// What the number (or number word) at token `i`, where [`could_start`] is true, is.
#[inline(always)]
fn look<'a>(v: &View<'a>, i: usize) -> Outcome<'a> {
    v.seek(i);
    if let Some(d) = factor_word(v, i) {
        return Outcome::Claim(d);
    }
    if let Some(verdict) = inside_code(v, i) {
        return verdict;
    }
    let (mut first, mut money) = money_before(v, i);
    let Some(mut r) = read(v, i, money.is_some()) else {
        return Outcome::Skip(i + 1);
    };
    if r.first > i {
        // "a third term": the reading dropped the article.
        first = r.first;
    }
    if let Some(verdict) = not_a_count(v, i, &r) {
        return verdict;
    }
    if let Some(verdict) = sign(v, i, &mut r, &mut first, money.is_some()) {
        return verdict;
    }
    if let Some(verdict) = identifier_or_date(v, i, &r, first) {
        return verdict;
    }
    if money.is_none() {
        money = currency_code_before(v, &mut first);
    }
    let mut d = plain(r, NumberKind::Count);
    d.first = first;
    if let Some(code) = money {
        d.kind = NumberKind::Money;
        d.unit = Some(code);
    } else if first > v.lo && v.is(first - 1, "magnitude") {
        // "a magnitude 7.8 earthquake": a measure whose unit comes first.
        d.first = first - 1;
        d.kind = NumberKind::Quantity;
        d.unit = Some("magnitude");
        d.subject = super::phrase::subject_at(v, d.end);
        return Outcome::Claim(d);
    }
    if r.form == Form::Ordinal {
        return ordinal(v, r, d);
    }
    if let Some(verdict) = one_that_counts_nothing(v, i, &r).or_else(|| address(v, &r)) {
        return verdict;
    }
    read_around(v, i, r, d)
}

/// True when a claim can start at token `i`: a number, "a"/"an" before a scale word,
/// fraction or "couple", a vulgar fraction, or a hit that is a number word, ordinal,
/// fraction or scale, or a change word with a factor ("doubled"). Every other token reads
/// as nothing (the look at it would skip to the next token), so the cheap test spares
/// the whole look.
#[cfg(test)]
fn could_start(v: &View, i: usize) -> bool {
    could_start_with(v, i, v.scan.slot_at(i))
}

/// [`could_start`] with the hit starting at token `i`, if any.
#[inline(always)]
fn could_start_with(v: &View, i: usize, slot: Option<Slot>) -> bool {
    const STARTS: u64 = mask(&[
        Category::NumberWord,
        Category::Ordinal,
        Category::Fraction,
        Category::Scale,
    ]);
    const CHANGE: u64 = Category::Change.bit();
    const AFTER_ARTICLE: u64 = mask(&[Category::Scale, Category::Fraction]);
    let token = v.tokens[i];
    let kind = token.kind();
    if kind == TokenKind::Number {
        return true;
    }
    let categories = slot.map_or(0, |s| v.lexicon.categories(s.pattern()));
    if categories & STARTS != 0 {
        return true;
    }
    let span = token.span();
    let bytes = v.text.as_bytes();
    if kind == TokenKind::Word && span.end - span.start <= 2 {
        let word = &bytes[span.start..span.end];
        if word.eq_ignore_ascii_case(b"a") || word.eq_ignore_ascii_case(b"an") {
            // `words::read_words` reads "a" only before these ("a dozen", "a half",
            // "a couple of"); a change word is read by `factor_word`.
            return categories & CHANGE != 0
                || v.categories_at(i + 1) & AFTER_ARTICLE != 0
                || v.tokens.get(i + 1).is_some_and(|t| {
                    t.kind() == TokenKind::Word && t.text(v.text).eq_ignore_ascii_case("couple")
                });
        }
    }
    let Some(slot) = slot else {
        return false;
    };
    // A change word without a factor ("rose") is no number; "doubled" is.
    if categories & CHANGE != 0
        && v.lexicon
            .entries(slot.pattern())
            .iter()
            .any(|e| e.category == Category::Change && two_words(&e.payload).1.is_some())
    {
        return true;
    }
    !bytes[span.start].is_ascii() && vulgar_fraction(token.text(v.text)).is_some()
}

/// Qualifier, unit, second number, direction, subject; then the last judgements on a
/// bare count (a year? the pronoun "one"?).
fn read_around<'a>(v: &View<'a>, i: usize, r: Reading, mut d: Draft<'a>) -> Outcome<'a> {
    // Each reader is asked only when the token it starts at could begin what it reads
    // (the tests each begins with).
    let word_or_phrase_before =
        v.is_word(d.first.wrapping_sub(1)) || v.hit_before(d.first).is_some();
    let before = if word_or_phrase_before {
        qualifier_and_change(v, &mut d)
    } else {
        None
    };
    if r.plural && d.qualifier.is_none() {
        d.qualifier = Some("at_least");
    }
    if suffix_may_follow(v, d.end) {
        if let Some(skip_to) = suffix(v, &r, &mut d) {
            return Outcome::Skip(skip_to);
        }
    }
    if d.qualifier.is_some() {
        over_a_period(v, &mut d);
    }
    let connector = match v.kind(d.end) {
        Some(TokenKind::Word) => true,
        Some(TokenKind::Punct) => matches!(v.punct_char(d.end), Some('-' | '–' | '—' | '‐')),
        _ => false,
    };
    if connector {
        if let Some(verdict) = second_number(v, &r, &mut d, before) {
            return verdict;
        }
    }
    if before == Some("from") && d.change.is_some() && d.from.is_none() {
        // "up from 9,500 a year earlier": the value the change started from.
        d.from = Some(d.value);
    }
    if d.kind == NumberKind::Count && r.form == Form::Fraction && v.is(d.end, "of") {
        d.kind = NumberKind::Ratio;
    }
    direction_after(v, &mut d);
    if v.is_word(d.end) {
        what_is_counted(v, &mut d);
    }
    if d.kind == NumberKind::Count {
        if named_thing(v, &r, &d) {
            d.kind = NumberKind::Reference;
            return Outcome::Claim(d);
        }
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

/// Digits glued to a preceding word or to URL punctuation ("%20", "id=305", "J1149.5")
/// are parts of a code, not numbers.
fn inside_code<'a>(v: &View<'a>, i: usize) -> Option<Outcome<'a>> {
    if !(v.is_number(i) && v.glued(i) && i > v.lo) {
        return None;
    }
    let code = v.is_word(i - 1)
        || match v.punct_char(i - 1) {
            Some('%' | '/' | '=' | '?' | '&' | '_' | '@' | '\\' | '^' | '+' | '*' | '×') => true,
            Some('.') => v.glued(i - 1) && v.is_word(i - 2),
            _ => false,
        };
    if !code {
        return None;
    }
    let mut end = i + 1;
    while v.glued(end) && (v.is_number(end) || v.is_word(end) || v.is_punct(end, &['%', '.', '/']))
    {
        end += 1;
    }
    Some(Outcome::Skip(end))
}

/// A currency symbol (and its prefix, "US$") before the number: the claim's first token
/// and the ISO code.
fn money_before(v: &View, i: usize) -> (usize, Option<&'static str>) {
    if i <= v.lo {
        return (i, None);
    }
    let Some(mut code) = currency_at(v, i - 1) else {
        return (i, None);
    };
    let mut first = i - 1;
    if code == "USD" && v.glued(i - 1) && v.is_word(i - 2) {
        if let Some(c) = dollar_prefix(v.word(i - 2)) {
            code = c;
            first = i - 2;
        }
    }
    (first, Some(code))
}

/// A currency code before the number: "USD 5", "EUR 20", "Rs 500".
#[inline(always)]
fn currency_code_before<'a>(v: &View<'a>, first: &mut usize) -> Option<&'a str> {
    let (at, e) = v.entry_before(*first, Category::Currency)?;
    let word = v.word(at);
    let code = word.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    if word.len() < 2 || !(code || word == "Rs") {
        return None;
    }
    *first = at;
    two_words(&e.payload).0
}

/// Numbers that are no count whatever surrounds them: list markers, digit groups in a
/// row, times, dates and codes read by the parser, number words inside names.
fn not_a_count<'a>(v: &View<'a>, i: usize, r: &Reading) -> Option<Outcome<'a>> {
    // "1. The first point", "2) Next": a list marker opening the sentence.
    if r.form == Form::Digits
        && i == v.lo
        && v.is_punct(i + 1, &['.', ')'])
        && v.glued(i + 1)
        && v.is_word(i + 2)
        && v.capitalized(i + 2)
    {
        return Some(Outcome::Skip(i + 2));
    }
    // "0800 123 456", "+44 20 7946 0958": digit groups in a row are a phone number or a
    // code, not several numbers.
    if r.form == Form::Digits && r.end == i + 1 && v.is_number(i + 1) && !v.glued(i + 1) {
        let mut end = i + 1;
        while v.is_number(end) && !v.glued(end) {
            end += 1;
        }
        let mut d = plain(*r, NumberKind::Reference);
        d.end = end;
        return Some(Outcome::Claim(d));
    }
    // "twenty past four", "half past nine": a clock time.
    if v.is(r.end, "past")
        && (v.is_number(r.end + 1) || v.entry(r.end + 1, Category::NumberWord).is_some())
    {
        let mut d = plain(*r, NumberKind::Date);
        d.end = r.end + 2;
        return Some(Outcome::Claim(d));
    }
    match r.form {
        Form::Time | Form::Date => return Some(Outcome::Claim(plain(*r, NumberKind::Date))),
        Form::Identifier => return Some(Outcome::Claim(plain(*r, NumberKind::Reference))),
        _ => {}
    }
    // A number word capitalised inside a name: "Air Force One", "Formula One", "Second
    // World War". A sentence's first word is capitalised anyway.
    if r.form != Form::Digits && v.capitalized(i) {
        let in_name = (i > v.lo && v.is_word(i - 1) && v.capitalized(i - 1))
            || (r.form == Form::Ordinal && v.is_word(r.end) && v.capitalized(r.end));
        let mid_sentence = i > v.lo && !v.is_punct(i - 1, &['"', '“', '\'', '‘', '(', ':']);
        if in_name || (mid_sentence && r.form == Form::Ordinal) {
            return Some(Outcome::Skip(r.end));
        }
    }
    None
}

/// A sign before the number ("-5", "minus 5"), or a hyphen that joins it to a word
/// ("COVID-19", "F-35", "mid-2020"), which makes it an identifier or a year.
fn sign<'a>(
    v: &View<'a>,
    i: usize,
    r: &mut Reading,
    first: &mut usize,
    money: bool,
) -> Option<Outcome<'a>> {
    if !money && matches!(v.punct_char(i.wrapping_sub(1)), Some('-' | '−')) && v.glued(i) {
        let joined = v.glued(i - 1) && (v.is_word(i - 2) || v.is_number(i - 2));
        if joined {
            if v.is_number(i - 2) {
                return Some(Outcome::Skip(r.end));
            }
            let year = r.year_like && !v.capitalized(i - 2);
            let kind = if year {
                NumberKind::Date
            } else {
                NumberKind::Reference
            };
            let mut d = plain(*r, kind);
            d.first = i - 2;
            return Some(Outcome::Claim(d));
        }
        r.value = -r.value;
        *first = i - 1;
    } else if v.is_any(i.wrapping_sub(1), &["minus", "negative"]) {
        r.value = -r.value;
        *first = i - 1;
    }
    None
}

/// Identifiers ("Article 5", "No. 10", "#1", "(202)") and dates ("January 31",
/// "31 January", "Jan. 31"); also "the second half", which is no fraction.
fn identifier_or_date<'a>(
    v: &View<'a>,
    i: usize,
    r: &Reading,
    first: usize,
) -> Option<Outcome<'a>> {
    // The hit that ends at the number, and the mark before it.
    let before = v.entries_before(first);
    if let Some(e) = find_entry(before, Category::Reference) {
        let at = v.hit_before(first).map_or(first, |h| h.first_token());
        if &*e.payload != "cap" || v.capitalized(at) {
            let mut d = plain(*r, NumberKind::Reference);
            d.first = at;
            return Some(Outcome::Claim(d));
        }
    }
    let mark = v.punct_char(first.wrapping_sub(1));
    // "(202) 555-0143": an area code.
    if mark == Some('(') && v.is_punct(r.end, &[')']) && v.is_number(r.end + 1) {
        let mut d = plain(*r, NumberKind::Reference);
        d.end = r.end + 1;
        return Some(Outcome::Claim(d));
    }
    // "the second half", "the first half of the year": a part of a period, no fraction.
    if v.is(i, "half") && r.end == i + 1 && i > v.lo {
        let before_half = v.entry_before(i, Category::Ordinal).is_some()
            || v.is_any(
                i - 1,
                &["the", "this", "that", "each", "every", "either", "other"],
            );
        if before_half {
            return Some(Outcome::Skip(i + 1));
        }
    }
    if mark == Some('#') {
        return Some(Outcome::Claim(plain(*r, NumberKind::Reference)));
    }
    let month_after = v.entry(r.end, Category::Month);
    // "Jan. 31" when the period is its own token, "May 5th".
    let month_before = find_entry(before, Category::Month).is_some()
        || (mark == Some('.')
            && first > v.lo + 1
            && v.entry_before(first - 1, Category::Month).is_some());
    if month_before || month_after.is_some() {
        let mut d = plain(*r, NumberKind::Date);
        if find_entry(before, Category::Month).is_some() {
            d.first = v.hit_before(first).map_or(first, |h| h.first_token());
        } else if first > v.lo + 1 && mark == Some('.') {
            d.first = v
                .entry_before(first - 1, Category::Month)
                .map_or(first, |(at, _)| at);
        }
        if let Some((end, _)) = month_after {
            d.end = end;
        }
        return Some(Outcome::Claim(d));
    }
    None
}

/// "one day", "one another", "at one point": "one" that counts nothing.
#[inline(always)]
fn one_that_counts_nothing<'a>(v: &View<'a>, i: usize, r: &Reading) -> Option<Outcome<'a>> {
    let bare_one = r.form == Form::Words && r.value == 1.0 && r.end == i + 1 && v.is(i, "one");
    if !bare_one {
        return None;
    }
    let nothing = v
        .entry(r.end, Category::NotQuantity)
        .is_some_and(|(_, e)| e.payload.contains("one"));
    nothing.then_some(Outcome::Skip(r.end + 1))
}

/// "10 Downing Street", "1600 Pennsylvania Avenue": an address.
fn address<'a>(v: &View<'a>, r: &Reading) -> Option<Outcome<'a>> {
    if r.form != Form::Digits || !v.is_word(r.end) || !v.capitalized(r.end) {
        return None;
    }
    let street = (r.end..r.end + 4)
        .take_while(|&j| v.is_word(j) && v.capitalized(j))
        .any(|j| v.has_payload(j, Category::NotQuantity, "address"));
    street.then(|| Outcome::Claim(plain(*r, NumberKind::Reference)))
}

/// "3% higher", "$2 less", "a 3% rise": the direction written after the amount.
fn direction_after<'a>(v: &View<'a>, d: &mut Draft<'a>) {
    if d.change.is_some() || d.kind == NumberKind::Count {
        return;
    }
    if v.is_any(d.end, &["higher", "up", "more"]) {
        d.change = Some(Direction::Up);
    } else if v.is_any(d.end, &["lower", "down", "less"]) {
        d.change = Some(Direction::Down);
    } else if let Some((_, e)) = v.entry(d.end, Category::Change) {
        if two_words(&e.payload).1.is_none() {
            let down = e.payload.starts_with("down");
            d.change = Some(if down { Direction::Down } else { Direction::Up });
        }
    }
}

pub(super) fn plain<'a>(r: Reading, kind: NumberKind) -> Draft<'a> {
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

/// "doubled", "tripled", "a threefold increase".
fn factor_word<'a>(v: &View<'a>, i: usize) -> Option<Draft<'a>> {
    let (end, e) = v.entry(i, Category::Change)?;
    let (direction, factor) = two_words(&e.payload);
    let direction = direction?;
    let factor: f64 = factor?.parse().ok()?;
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

/// "Nintendo 64", "Killzone 2", "BWV 582", "Level 4": digits right after a capitalised
/// name, counting nothing after them, are part of the name.
fn named_thing<'a>(v: &View<'a>, r: &Reading, d: &Draft<'a>) -> bool {
    const NOT_NAMES: &[Category] = &[
        Category::SentenceStarter,
        Category::Month,
        Category::Weekday,
        Category::Qualifier,
        Category::Change,
        Category::Currency,
        Category::Pronoun,
        Category::Negation,
        Category::NumberWord,
        Category::SpeechVerb,
        Category::TimeWord,
    ];
    const NOT_NAMES_MASK: u64 = mask(NOT_NAMES);
    let at = r.first;
    if r.form != Form::Digits || d.first != at || at <= v.lo || !v.is_word(at - 1) {
        return false;
    }
    if d.subject.is_some() || d.qualifier.is_some() || d.change.is_some() {
        return false;
    }
    let name = v.capitalized(at - 1) && !v.word(at - 1).ends_with("'s");
    let function_word = v.categories_at(at - 1) & NOT_NAMES_MASK != 0;
    name && !function_word
}

#[cfg(test)]
mod tests {
    use super::super::settle::finish;
    use super::*;

    /// The claims as first written: every draft collected, sorted by span, those that
    /// overlap the draft kept before them dropped.
    fn sorted_claims(article: &Article, dates_and_references: bool) -> Vec<NumericClaim> {
        let tokens = article.scan().tokens();
        let mut drafts = Vec::new();
        let mut v = View::new(article.text(), article.scan(), article.lexicon());
        let mut i = 0;
        while i < tokens.len() {
            if i >= v.hi {
                let hi = article.scan().sentence_tokens(i).end;
                v.set_sentence(i, hi);
            }
            let outcome = if could_start(&v, i) {
                look(&v, i)
            } else {
                Outcome::Skip(i + 1)
            };
            match outcome {
                Outcome::Claim(d) => {
                    let start = tokens[d.first].span().start;
                    let end = tokens[d.end.max(d.first + 1) - 1].span().end;
                    i = d.end.max(i + 1);
                    drafts.push((start, end, d));
                }
                Outcome::Skip(next) => i = next.max(i + 1),
            }
        }
        drafts.sort_by_key(|&(start, end, _)| (start, end));
        drafts.dedup_by(|later, earlier| later.0 < earlier.1);
        drafts
            .iter()
            .filter(|(_, _, d)| {
                dates_and_references || !matches!(d.kind, NumberKind::Date | NumberKind::Reference)
            })
            .map(|(start, end, d)| {
                let in_quote = article.quotation_at(*start).is_some();
                finish(article, *start, *end, d, in_quote)
            })
            .collect()
    }

    /// Pieces of text whose numbers start before the token they are read at (currency
    /// symbols and codes, signs, months, reference words) or run on (ranges, dates).
    const PIECES: &[&str] = &[
        "US$",
        "$",
        "£",
        "€",
        "USD",
        "EUR",
        "Rs",
        "minus",
        "-",
        "−",
        "magnitude",
        "Article",
        "No.",
        "#",
        "(",
        ")",
        "Jan.",
        "January",
        "May",
        "June",
        "on",
        "the",
        "5",
        "12",
        "2,500",
        "3.5",
        "1990",
        "2024",
        "31",
        "7",
        "10",
        "to",
        "and",
        "between",
        "from",
        "of",
        "in",
        "%",
        "percent",
        "million",
        "bn",
        "a",
        "one",
        "half",
        "third",
        "dozen",
        "people",
        "troops",
        "years",
        "rose",
        "fell",
        "by",
        "at",
        "least",
        "about",
        "over",
        "km",
        "dollars",
        ",",
        ".",
        ":",
        "/",
        "Flight",
        "COVID-19",
        "F-35",
        "mid-2020",
        "5th",
        "1st",
        "twenty-five",
        "per",
        "cent",
        "x",
        "times",
        "page",
        "fold",
        "°",
        "C",
        "BC",
        "am",
        "pm",
        "p.m.",
        "said",
    ];

    /// Random texts of `pieces`, with the claims of `article` compared both ways.
    fn compare(pieces: &[&str], article: impl Fn(&str) -> Article) {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..(20 + next(200)) {
                let piece = pieces[next(pieces.len())];
                let glue = next(4) == 0;
                if !text.is_empty() && !glue {
                    text.push(' ');
                }
                text.push_str(piece);
                if next(25) == 0 {
                    text.push_str(". ");
                }
            }
            let article = article(&text);
            for dates in [false, true] {
                assert_eq!(
                    find(&article, dates),
                    sorted_claims(&article, dates),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn streamed_claims_are_the_sorted_claims() {
        compare(PIECES, |text| Article::new(text));
    }

    /// Identifiers of several words with a number inside ("Catch 22 $5"): the draft read
    /// at "$5" starts before the draft read at "22".
    #[test]
    fn claims_read_late_that_start_early_are_sorted() {
        let mut builder = crate::lexicon::LexiconBuilder::with_defaults();
        for phrase in ["catch 22", "model a", "type 2 b", "room 101", "a 4"] {
            builder.add(phrase, Category::Reference, "").unwrap();
        }
        builder.add("usd 2", Category::Currency, "USD").unwrap();
        builder.add("june 1", Category::Month, "6").unwrap();
        let lexicon = std::sync::Arc::new(builder.build().unwrap());
        let mut pieces = PIECES.to_vec();
        pieces.extend([
            "Catch", "22", "Model", "A", "a", "type", "2", "b", "room", "101", "4",
        ]);
        pieces.extend([
            "usd",
            "2",
            "June",
            "1",
            "$",
            "$",
            "£",
            "Catch 22",
            "Catch 22 $",
        ]);
        compare(&pieces, |text| {
            Article::builder(text)
                .lexicon(lexicon.clone())
                .build()
                .unwrap()
        });
    }
}
