//! The findings written straight to JSON, without serde's visitor.
//!
//! A report is mostly numeric claims, quotes and hedges: small structs of short keys and
//! numbers. Through serde, each field is a generic call that writes its key piece by
//! piece; here each type writes `,"key":` as one constant and its values by hand. The
//! bytes are those of its `Serialize`, because both are generated from one list of
//! fields by [`serialize_fields`]; the report's own top level is written by hand in
//! src/report.rs and checked against `serde_json` by the property tests.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

use super::{Result, Writer};
use crate::span::Span;

/// A value that writes itself as compact JSON: the same bytes as `serde_json` writes for
/// its `Serialize`.
pub(crate) trait Json {
    /// Appends the value's JSON to `writer`.
    fn write_json(&self, writer: &mut Writer) -> Result;

    /// Appends `key` (`,"name":`) and the value. A value that is `null` writes
    /// `key_null` (`,"name":null`) instead, one copy for the two: most optional fields of
    /// a claim or a quote are empty.
    #[inline]
    fn write_field(
        &self,
        key: &'static [u8],
        _key_null: &'static [u8],
        writer: &mut Writer,
    ) -> Result {
        writer.raw(key);
        self.write_json(writer)
    }
}

impl Json for usize {
    /// The decimal digits, as `serde_json` writes them.
    #[inline]
    fn write_json(&self, writer: &mut Writer) -> Result {
        writer.digits(*self as u64);
        Ok(())
    }
}

impl Json for f64 {
    /// A whole number under 10^15 is its digits and `.0`, as `serde_json` writes it (the
    /// test below checks the bounds against it); any other finite value goes through
    /// `serde_json`'s formatter, and what is not finite is `null`.
    #[inline]
    fn write_json(&self, writer: &mut Writer) -> Result {
        /// The largest whole numbers written without an exponent are below this.
        const PLAIN: u64 = 1_000_000_000_000_000;
        let whole = *self as i64;
        if whole as f64 == *self && whole.unsigned_abs() < PLAIN {
            if self.is_sign_negative() {
                writer.raw(b"-");
            }
            writer.digits(whole.unsigned_abs());
            writer.raw(b".0");
            Ok(())
        } else if self.is_finite() {
            writer.format(|out| CompactFormatter.write_f64(out, *self))
        } else {
            writer.raw(b"null");
            Ok(())
        }
    }
}

impl Json for bool {
    #[inline]
    fn write_json(&self, writer: &mut Writer) -> Result {
        if *self {
            writer.raw(b"true");
        } else {
            writer.raw(b"false");
        }
        Ok(())
    }
}

/// [`Json`] for owned strings: a finding's `text` (`String`) and its optional words
/// (`Box<str>`).
macro_rules! json_strings {
    ($($ty:ty),*) => {
        $(impl Json for $ty {
            #[inline]
            fn write_json(&self, writer: &mut Writer) -> Result {
                writer.string(self);
                Ok(())
            }
        })*
    };
}
json_strings!(String, Box<str>);

impl<T: Json> Json for Option<T> {
    #[inline]
    fn write_json(&self, writer: &mut Writer) -> Result {
        match self {
            Some(value) => value.write_json(writer),
            None => {
                writer.raw(b"null");
                Ok(())
            }
        }
    }

    #[inline]
    fn write_field(
        &self,
        key: &'static [u8],
        key_null: &'static [u8],
        writer: &mut Writer,
    ) -> Result {
        match self {
            Some(value) => {
                writer.raw(key);
                value.write_json(writer)
            }
            None => {
                writer.raw(key_null);
                Ok(())
            }
        }
    }
}

impl<T: Json> Json for Vec<T> {
    fn write_json(&self, writer: &mut Writer) -> Result {
        writer.raw(b"[");
        for (i, value) in self.iter().enumerate() {
            if i > 0 {
                writer.raw(b",");
            }
            value.write_json(writer)?;
        }
        writer.raw(b"]");
        Ok(())
    }
}

impl Json for Span {
    fn write_json(&self, writer: &mut Writer) -> Result {
        writer.raw(b"{\"start\":");
        self.start.write_json(writer)?;
        writer.raw(b",\"end\":");
        self.end.write_json(writer)?;
        writer.raw(b"}");
        Ok(())
    }
}

/// A value written through its `Serialize` (enums, the report's metadata and stats).
pub(crate) struct Serde<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: Serialize + ?Sized> Json for Serde<'_, T> {
    fn write_json(&self, writer: &mut Writer) -> Result {
        self.0.serialize(writer)
    }
}

/// [`Json`] for a unit-only enum: each variant's name as its `Serialize` writes it (the
/// test below checks every variant against `serde_json`).
macro_rules! json_names {
    ($ty:ty { $($variant:ident => $name:literal),* $(,)? }) => {
        impl Json for $ty {
            #[inline]
            fn write_json(&self, writer: &mut Writer) -> Result {
                writer.name(match self {
                    $(<$ty>::$variant => $name,)*
                });
                Ok(())
            }
        }

        #[cfg(test)]
        impl $ty {
            /// Every variant with the name [`Json`] writes for it.
            pub(crate) fn json_names() -> Vec<($ty, &'static str)> {
                vec![$((<$ty>::$variant, $name)),*]
            }
        }
    };
}

/// `Serialize` and [`Json`] for a struct, from one list of its fields in output order.
///
/// `Type { span; a, b }` writes the `span` field as the two keys `start` and `end`
/// before the others: what `#[serde(flatten)]` on the span would give, without serde's
/// map machinery. `Type { a, b }` writes the fields as a plain struct. The pattern in
/// each body fails to compile when the list misses a field of the type.
macro_rules! serialize_fields {
    ($ty:ident { span; $($field:ident),* $(,)? }) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let $ty { span, $($field),* } = self;
                let fields = 2 + <[&str]>::len(&[$(stringify!($field)),*]);
                let mut state = serializer.serialize_struct(stringify!($ty), fields)?;
                state.serialize_field("start", &span.start)?;
                state.serialize_field("end", &span.end)?;
                $(state.serialize_field(stringify!($field), $field)?;)*
                state.end()
            }
        }

        impl $crate::json::Json for $ty {
            fn write_json(&self, writer: &mut $crate::json::Writer) -> $crate::json::Result {
                let $ty { span, $($field),* } = self;
                writer.raw(b"{\"start\":");
                $crate::json::Json::write_json(&span.start, writer)?;
                writer.raw(b",\"end\":");
                $crate::json::Json::write_json(&span.end, writer)?;
                $(
                    $crate::json::Json::write_field(
                        $field,
                        concat!(",\"", stringify!($field), "\":").as_bytes(),
                        concat!(",\"", stringify!($field), "\":null").as_bytes(),
                        writer,
                    )?;
                )*
                writer.raw(b"}");
                Ok(())
            }
        }
    };
    ($ty:ident { $first:ident $(, $field:ident)* $(,)? }) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let $ty { $first, $($field),* } = self;
                let fields = 1 + <[&str]>::len(&[$(stringify!($field)),*]);
                let mut state = serializer.serialize_struct(stringify!($ty), fields)?;
                state.serialize_field(stringify!($first), $first)?;
                $(state.serialize_field(stringify!($field), $field)?;)*
                state.end()
            }
        }

        impl $crate::json::Json for $ty {
            fn write_json(&self, writer: &mut $crate::json::Writer) -> $crate::json::Result {
                let $ty { $first, $($field),* } = self;
                writer.raw(concat!("{\"", stringify!($first), "\":").as_bytes());
                $crate::json::Json::write_json($first, writer)?;
                $(
                    $crate::json::Json::write_field(
                        $field,
                        concat!(",\"", stringify!($field), "\":").as_bytes(),
                        concat!(",\"", stringify!($field), "\":null").as_bytes(),
                        writer,
                    )?;
                )*
                writer.raw(b"}");
                Ok(())
            }
        }
    };
}
pub(crate) use serialize_fields;

json_names!(crate::quotes::QuoteKind {
    Direct => "direct",
    Partial => "partial",
    Indirect => "indirect",
});
json_names!(crate::sources::SourceKind {
    Named => "named",
    Unnamed => "unnamed",
    Anonymous => "anonymous",
    Organization => "organization",
    Document => "document",
});
json_names!(crate::hedging::HedgeCategory {
    Modal => "modal",
    Epistemic => "epistemic",
    Probability => "probability",
    Conditional => "conditional",
    Approximator => "approximator",
    Distancing => "distancing",
    Weasel => "weasel",
    Unsettled => "unsettled",
    Booster => "booster",
});
json_names!(crate::numbers::NumberKind {
    Count => "count",
    Percent => "percent",
    Ratio => "ratio",
    Money => "money",
    Quantity => "quantity",
    Ordinal => "ordinal",
    Range => "range",
    Factor => "factor",
    Date => "date",
    Reference => "reference",
});
json_names!(crate::numbers::Direction {
    Up => "up",
    Down => "down",
});

#[cfg(test)]
mod tests {
    use crate::{Article, Report};

    /// The direct path itself (not the `serde_json` fallback of `Report::to_json`)
    /// writes what `serde_json` writes, for every kind of finding, user outputs with
    /// keys that need escapes, and floats that are not finite.
    #[test]
    fn writes_the_bytes_of_serialize() {
        let text = "“We will not pay $2.5bn,” said Anna Berg, the finance minister, \
                    who may resign.\n\nAbout 40% of the 31 members, according to \
                    officials who asked not to be identified, clearly agreed: \"no\".";
        let mut report = Report::new(&Article::new(text));
        assert!(!report.quotes.is_empty() && !report.sources.is_empty());
        assert!(!report.hedges.is_empty() && !report.numbers.is_empty());
        report.numbers[0].of = Some(f64::NAN);
        report.extra.insert(
            "tab\there \"x\"".to_string(),
            serde_json::json!({"k\n": [1, 2.5, null, "\u{1}"]}),
        );
        let ours = super::super::write(&report, 0).unwrap();
        assert_eq!(ours, serde_json::to_string(&report).unwrap());
        let findings = super::super::write(&report.sources, 16).unwrap();
        assert_eq!(findings, serde_json::to_string(&report.sources).unwrap());
    }

    /// Each unit enum's variant names are those of its `Serialize`, and so are numbers of
    /// every length.
    #[test]
    fn names_and_numbers_are_those_of_serialize() {
        fn check<T: serde::Serialize + super::Json>(values: Vec<(T, &'static str)>) {
            for (value, name) in values {
                let ours = super::super::write(&value, 0).unwrap();
                assert_eq!(ours, serde_json::to_string(&value).unwrap());
                assert_eq!(ours, format!("\"{name}\""));
            }
        }
        check(crate::QuoteKind::json_names());
        check(crate::SourceKind::json_names());
        check(crate::HedgeCategory::json_names());
        check(crate::NumberKind::json_names());
        check(crate::numbers::Direction::json_names());
        for n in [0, 7, 10, 99, 100, 12_345, u32::MAX as usize, usize::MAX] {
            assert_eq!(super::super::write(&n, 0).unwrap(), n.to_string());
        }
        for digits in 0..20 {
            let n = 10usize.pow(digits);
            for n in [n - 1, n, n + 1, n / 7 * 9] {
                assert_eq!(super::super::write(&n, 0).unwrap(), n.to_string());
            }
        }
    }

    /// Floats, whole or not, near the bounds of the plain whole-number path, of both
    /// signs: the bytes of `serde_json`.
    #[test]
    fn floats_are_those_of_serde_json() {
        let mut values = vec![0.0, -0.0, 0.5, 1.0, 2.5, 1234567.89, 1e-7, 1e300];
        for power in 0..=22 {
            let p = 10f64.powi(power);
            values.extend([p, p - 1.0, p + 1.0, p * 1.5, p / 3.0, p * 7.0]);
        }
        values.extend([9.007_199_254_740_992e15, 2f64.powi(63), 2f64.powi(64)]);
        values.extend([f64::MAX, f64::MIN_POSITIVE, f64::EPSILON]);
        for value in values {
            for value in [value, -value] {
                let ours = super::super::write(&value, 0).unwrap();
                assert_eq!(ours, serde_json::to_string(&value).unwrap(), "{value:e}");
            }
        }
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(super::super::write(&value, 0).unwrap(), "null");
        }
    }
}
