//! Byte spans into an article's text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A half-open range of UTF-8 byte offsets `[start, end)` into an article's text.
///
/// Spans are `Copy` and cheap; every finding in copydesk carries one. Spans made by
/// the library always lie on `char` boundaries of the text they were made from.
///
/// ```
/// use copydesk::Span;
/// let text = "Stoltenberg said so.";
/// let span = Span::new(0, 11);
/// assert_eq!(span.text(text), "Stoltenberg");
/// assert_eq!(span.range(), 0..11);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. An `end` before `start` is clamped to `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The span as a `Range<usize>`, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers in `text`, or `""` when the span does not fit
    /// `text` or does not lie on its `char` boundaries.
    pub fn text(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }

    /// True when `other` lies wholly inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the byte offset lies inside this span.
    pub fn contains_offset(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// The last char boundary of `text` at or before byte `at` (the text's length when `at`
/// is past it).
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_char_boundary_steps_back_out_of_a_char() {
        let text = "a “b”";
        let found: Vec<usize> = (0..10).map(|at| floor_char_boundary(text, at)).collect();
        assert_eq!(found, [0, 1, 2, 2, 2, 5, 6, 6, 6, 9]);
    }

    #[test]
    fn text_outside_bounds_or_mid_char_is_empty() {
        let text = "a “b”";
        assert_eq!(Span::new(0, 99).text(text), "");
        assert_eq!(Span::new(3, 4).text(text), "");
        assert_eq!(Span::new(2, 5).text(text), "“");
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert_eq!(Span::new(5, 2), Span::new(5, 5));
    }
}
