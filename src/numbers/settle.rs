//! The claims of an article in order, settled as the drafts are read: a draft that
//! overlaps one kept before it is dropped, and the strings of a claim are made only once
//! it is kept.

use super::claim::Draft;
use super::{NumberKind, NumericClaim};
use crate::article::Article;

/// The claims found so far, in order, and the last drafts kept.
///
/// The claims are the drafts sorted by span, less those that overlap a draft kept before
/// them (dates and identifiers are kept there, and hide what they overlap, but are no
/// claims). Drafts come in the order of the tokens they are read at, which is their
/// order but for a draft that starts before the number (a currency symbol, a month):
/// such a draft can start before drafts read earlier, which then all start inside it.
pub(super) struct Claims<'b> {
    article: &'b Article,
    claims: Vec<NumericClaim>,
    /// The drafts kept lately, in order.
    kept: Vec<Kept>,
    /// The end of the last draft kept before those of `kept`.
    end: usize,
    dates_and_references: bool,
    /// The outermost quotations that start at or before `quoted_to` (an index in the
    /// layout's list of them): claims mostly come in order, so whether one is quoted is
    /// found by walking that list.
    quotes_before: usize,
    /// The start of the last claim asked whether it is quoted.
    quoted_to: usize,
}

/// A draft kept: its byte span, its last token, and whether it is a claim (one of the
/// last of [`Claims::claims`]). Offsets and token indices fit in 32 bits (the scan
/// analyzes at most [`crate::scan::MAX_TEXT`] bytes): sixteen bytes, so that the list
/// of them is a small allocation.
#[derive(Clone, Copy)]
struct Kept {
    start: u32,
    end: u32,
    last: u32,
    claim: bool,
}

impl Kept {
    fn span(self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }
}

impl<'b> Claims<'b> {
    /// No claim yet, room for `capacity`.
    pub(super) fn new(article: &'b Article, capacity: usize, dates_and_references: bool) -> Self {
        Claims {
            article,
            claims: Vec::with_capacity(capacity),
            // Rarely more than a few: forgotten past 32 (see `Claims::add`).
            kept: Vec::with_capacity(48),
            end: 0,
            dates_and_references,
            quotes_before: 0,
            quoted_to: 0,
        }
    }

    /// The claims, in order.
    pub(super) fn into_claims(self) -> Vec<NumericClaim> {
        self.claims
    }

    /// A draft read at a token: no draft read later starts before token `settled`.
    #[inline(never)]
    pub(super) fn add(&mut self, d: &Draft, settled: usize) {
        let tokens = self.article.scan().tokens();
        let last = d.end.max(d.first + 1) - 1;
        let (start, end) = (tokens[d.first].span().start, tokens[last].span().end);
        // The drafts kept that sort after this one (by span, a stable order).
        let mut n = self.kept.len();
        while n > 0 && self.kept[n - 1].span() > (start, end) {
            n -= 1;
        }
        let before = n.checked_sub(1).map_or(self.end, |k| self.kept[k].span().1);
        if start < before {
            // Overlaps the last draft kept before it: dropped.
            return;
        }
        let later = if n < self.kept.len() {
            self.take_from(n)
        } else {
            Vec::new()
        };
        let claim = self.dates_and_references
            || !matches!(d.kind, NumberKind::Date | NumberKind::Reference);
        if claim {
            if self.claims.len() == self.claims.capacity() {
                reserve(&mut self.claims, d.first, tokens.len());
            }
            let in_quote = self.in_quote(start);
            self.claims
                .push(finish(self.article, start, end, d, in_quote));
        }
        self.kept.push(Kept {
            start: start as u32,
            end: end as u32,
            last: last as u32,
            claim,
        });
        if !later.is_empty() {
            self.put_back(later);
        }
        if self.kept.len() >= 32 {
            // The drafts that end before `settled` stay as they are: forget them.
            let old = self.kept[..self.kept.len() - 1]
                .iter()
                .take_while(|k| (k.last as usize) < settled)
                .count();
            if old > 0 {
                self.end = self.kept[old - 1].span().1;
                self.kept.drain(..old);
            }
        }
    }

    /// True when byte `offset` is inside a quotation ([`Article::quotation_at`]).
    fn in_quote(&mut self, offset: usize) -> bool {
        if offset < self.quoted_to {
            return self.article.quotation_at(offset).is_some();
        }
        self.quoted_to = offset;
        let layout = self.article.layout();
        let quotation = |k: usize| {
            let index = *layout.outermost.get(k)?;
            layout.quotations.get(index as usize)
        };
        while quotation(self.quotes_before).is_some_and(|q| q.span.start <= offset) {
            self.quotes_before += 1;
        }
        self.quotes_before
            .checked_sub(1)
            .and_then(quotation)
            .is_some_and(|q| q.span.contains_offset(offset))
    }

    /// Takes the drafts kept from the `n`th on, with their claims.
    fn take_from(&mut self, n: usize) -> Vec<(Kept, Option<NumericClaim>)> {
        let later: Vec<Kept> = self.kept.drain(n..).collect();
        let claims = later.iter().filter(|k| k.claim).count();
        let mut taken = self.claims.drain(self.claims.len() - claims..);
        later
            .into_iter()
            .map(|k| (k, if k.claim { taken.next() } else { None }))
            .collect()
    }

    /// Keeps again, in order, the drafts taken that do not overlap the last one kept.
    fn put_back(&mut self, later: Vec<(Kept, Option<NumericClaim>)>) {
        for (k, claim) in later {
            let before = self.kept.last().map_or(self.end, |p| p.span().1);
            if k.span().0 < before {
                continue;
            }
            self.kept.push(k);
            if let Some(claim) = claim {
                self.claims.push(claim);
            }
        }
    }
}

/// Room for the claims still to come, from the share of the tokens read so far
/// (at least an eighth more, so that the work of growing stays linear).
fn reserve(claims: &mut Vec<NumericClaim>, read: usize, tokens: usize) {
    let len = claims.len();
    let expected = len.saturating_mul(tokens) / read.max(1);
    let more = expected.saturating_sub(len).max(len / 8).max(16);
    claims.reserve_exact(more);
}

/// The claim of a draft kept, spanning bytes `start..end`.
pub(super) fn finish(
    article: &Article,
    start: usize,
    end: usize,
    d: &Draft,
    in_quote: bool,
) -> NumericClaim {
    let text = article.text();
    let tokens = article.scan().tokens();
    let words = |(a, b): (usize, usize)| -> Box<str> {
        text[tokens[a].span().start..tokens[b - 1].span().end].into()
    };
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    NumericClaim {
        start,
        end,
        text: text[start..end].to_string(),
        kind: d.kind,
        value: finite(d.value),
        of: d.of.map(finite),
        from: d.from.map(finite),
        to: d.to.map(finite),
        unit: d.unit.map(Box::from),
        qualifier: d.qualifier.map(Box::from),
        change: d.change,
        subject: d.subject.map(words),
        base: d.base.map(words),
        in_quote,
    }
}
