//! Compact JSON, byte for byte what `serde_json::to_string` writes, at less cost per field.
//!
//! A report is mostly small objects: a numeric claim is fourteen fields, most of them a
//! short key and a number or `null`. `serde_json` writes each key through its general
//! string escaper, one bounds-checked step and one buffer write per piece (comma, quote,
//! key, quote, colon). Two paths here do better:
//! - the findings and the report's top level write themselves ([`Json`], in `direct`):
//!   each `,"key":` is one constant, and the field lists are shared with their
//!   `Serialize` impls;
//! - everything else (metadata, stats, enums, user analyzers' outputs) goes through the
//!   serde serializer below, which writes `,"key":` in one go once the key is known to
//!   need no escape.
//!
//! Both escape string values by runs. Numbers go through `serde_json`'s own formatter,
//! so that every float is written the same way. The equality with `serde_json` is tested
//! over every sample text and random articles (tests/properties.rs) and in `direct`'s
//! tests; [`crate::Report::to_json`] falls back to `serde_json` should this module ever
//! refuse a value.

use serde::ser;

mod direct;
mod serializer;

pub(crate) use direct::{serialize_fields, Json, Serde};

type Error = serde_json::Error;
pub(crate) type Result<T = ()> = std::result::Result<T, Error>;

/// `value` as compact JSON through its `Serialize`, as `serde_json::to_string` would write
/// it: the tests' reference for [`write`].
#[cfg(test)]
pub(crate) fn to_string<T: serde::Serialize + ?Sized>(
    value: &T,
    capacity: usize,
) -> Result<String> {
    let mut writer = Writer {
        out: Vec::with_capacity(capacity),
    };
    value.serialize(&mut writer)?;
    // Only whole `&str`s and ASCII are ever written, so this cannot fail.
    String::from_utf8(writer.out).map_err(ser::Error::custom)
}

/// `value` as compact JSON, written by its [`Json`] impl: the bytes `serde_json::to_string`
/// writes for its `Serialize`.
pub(crate) fn write<T: Json + ?Sized>(value: &T, capacity: usize) -> Result<String> {
    let mut writer = Writer {
        out: Vec::with_capacity(capacity),
    };
    value.write_json(&mut writer)?;
    String::from_utf8(writer.out).map_err(ser::Error::custom)
}

/// The bytes that `serde_json` escapes: control characters, `"` and `\`.
fn needs_escape(byte: u8) -> bool {
    ESCAPED[byte as usize]
}

/// [`needs_escape`] as a table: one load per byte in the loops.
static ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// Whether any of the eight bytes of `word` needs an escape: the exact "has a byte less
/// than n" and "has a zero byte" tests on a word at once.
fn word_needs_escape(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let control = word.wrapping_sub(ONES * 0x20);
    let quote = word ^ (ONES * b'"' as u64);
    let backslash = word ^ (ONES * b'\\' as u64);
    let zero = |x: u64| x.wrapping_sub(ONES) & !x;
    ((control & !word) | zero(quote) | zero(backslash)) & HIGH != 0
}

/// The first byte at or after `from` that needs an escape, eight bytes at a time.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_ne_bytes(chunk.try_into().unwrap_or_default());
        if word_needs_escape(word) {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| needs_escape(b))
        .map(|i| at + i)
}

/// The JSON being written.
pub(crate) struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// Bytes that are JSON already: punctuation and `"key":` constants.
    #[inline]
    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// The decimal digits of `n`, two at a time, copied in one fixed-size block.
    #[inline]
    pub(crate) fn digits(&mut self, n: u64) {
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let len = n.checked_ilog10().map_or(1, |log| log as usize + 1);
        let mut buf = [0u8; 20];
        let (mut at, mut n) = (len, n);
        while n >= 100 {
            let pair = (n % 100) as usize * 2;
            n /= 100;
            at -= 2;
            buf[at] = PAIRS[pair];
            buf[at + 1] = PAIRS[pair + 1];
        }
        if n >= 10 {
            let pair = n as usize * 2;
            buf[0] = PAIRS[pair];
            buf[1] = PAIRS[pair + 1];
        } else {
            buf[0] = b'0' + n as u8;
        }
        // All twenty bytes, then the spare ones cut: a copy of fixed size, not a call.
        let end = self.out.len() + len;
        self.out.extend_from_slice(&buf);
        self.out.truncate(end);
    }

    /// A JSON string: `"`, the text escaped as `serde_json` does, `"`.
    pub(crate) fn string(&mut self, value: &str) {
        self.out.reserve(value.len() + 2);
        self.out.push(b'"');
        self.contents(value);
        self.out.push(b'"');
    }

    /// The text of a JSON string without its quotes, copied by runs between escapes.
    fn contents(&mut self, value: &str) {
        let bytes = value.as_bytes();
        let mut start = 0;
        while let Some(at) = next_escape(bytes, start) {
            let byte = bytes[at];
            self.out.extend_from_slice(&bytes[start..at]);
            start = at + 1;
            let short = match byte {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                0x0C => b'f',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                _ => 0,
            };
            if short != 0 {
                self.out.extend_from_slice(&[b'\\', short]);
            } else {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(byte >> 4) as usize],
                    HEX[(byte & 0xF) as usize],
                ]);
            }
        }
        self.out.extend_from_slice(&bytes[start..]);
    }

    /// `,"key":` (no comma before the first) for a field name. Field names are written
    /// as they are: every field of the crate's types is a plain identifier (the debug
    /// assertion and the test of the whole report check it); map keys, which can be
    /// anything, go through [`Writer::string`].
    fn field_name(&mut self, key: &'static str, first: bool) {
        debug_assert!(!key.bytes().any(needs_escape), "field name {key:?}");
        self.out.reserve(key.len() + 4);
        if !first {
            self.out.push(b',');
        }
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    /// A name known to need no escape (a unit variant's), as a JSON string.
    fn name(&mut self, name: &'static str) {
        debug_assert!(!name.bytes().any(needs_escape), "name {name:?}");
        self.out.reserve(name.len() + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'"');
    }

    /// `"key":` for an enum variant's name, as [`Writer::field_name`].
    fn variant_key(&mut self, variant: &'static str) {
        self.field_name(variant, true);
    }

    /// Writes with `serde_json`'s formatter (numbers), which cannot fail on a `Vec`.
    fn format(&mut self, write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Result {
        write(&mut self.out).map_err(Error::io)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use serde_json::json;

    /// Every shape serde can hand a serializer, compared with `serde_json`.
    #[test]
    fn writes_what_serde_json_writes() {
        #[derive(Serialize)]
        enum Shape {
            Unit,
            Newtype(u8),
            Tuple(i32, f64),
            Struct { a: Option<&'static str>, b: Vec<u8> },
        }
        #[derive(Serialize)]
        struct Inner {
            x: f64,
        }
        #[derive(Serialize)]
        struct Outer {
            #[serde(flatten)]
            inner: Inner,
            shapes: Vec<Shape>,
            empty: Vec<u8>,
            map: BTreeMap<String, serde_json::Value>,
            numbered: BTreeMap<u32, bool>,
            flags: BTreeMap<bool, u8>,
            tuple: (char, i128, u128, f32),
            text: &'static str,
            unit: (),
            escaped_key: BTreeMap<&'static str, u8>,
        }
        let value = Outer {
            inner: Inner { x: 0.1 + 0.2 },
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(7),
                Shape::Tuple(-3, 1e300),
                Shape::Struct {
                    a: Some("b"),
                    b: vec![1, 2],
                },
                Shape::Struct { a: None, b: vec![] },
            ],
            empty: vec![],
            map: BTreeMap::from([
                ("nan".to_string(), json!(f64::NAN)),
                ("nested".to_string(), json!({"k": [1, -2, 2.5, null, "s"]})),
            ]),
            numbered: BTreeMap::from([(3, true), (10, false)]),
            flags: BTreeMap::from([(false, 0), (true, 1)]),
            tuple: ('"', -170141183460469231731687303715884105728, u128::MAX, 1.5),
            text: "quote \" backslash \\ tab\t nl\n cr\r bs\u{8} ff\u{c} nul\0 us\u{1f} del\u{7f} “curly” é 😀",
            unit: (),
            escaped_key: BTreeMap::from([("a\"b\n", 1)]),
        };
        let ours = super::to_string(&value, 0).unwrap();
        assert_eq!(ours, serde_json::to_string(&value).unwrap());
        for f in [
            0.0,
            -0.0,
            1.0,
            3.0,
            0.6,
            1e-7,
            123456789.125,
            f64::MAX,
            f64::INFINITY,
        ] {
            assert_eq!(
                super::to_string(&f, 0).unwrap(),
                serde_json::to_string(&f).unwrap()
            );
        }
    }

    /// The word test agrees with the byte test for every byte at every place among
    /// neighbours that are and are not escaped.
    #[test]
    fn finds_every_escape() {
        for neighbour in [b'a', 0x1F, 0x20, b'"', 0x80, 0xFF, b'\\', 0x21, b']'] {
            for byte in 0..=255u8 {
                for place in 0..8 {
                    let mut bytes = [b'x'; 8];
                    bytes[(place + 3) % 8] = neighbour;
                    bytes[place] = byte;
                    let expected = bytes.iter().any(|&b| super::needs_escape(b));
                    let word = u64::from_ne_bytes(bytes);
                    assert_eq!(super::word_needs_escape(word), expected, "{bytes:?}");
                    let naive = bytes.iter().position(|&b| super::needs_escape(b));
                    assert_eq!(super::next_escape(&bytes, 0), naive, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn refuses_keys_serde_json_refuses() {
        let map = BTreeMap::from([(vec![1u8], 1u8)]);
        assert!(super::to_string(&map, 0).is_err());
        assert!(serde_json::to_string(&map).is_err());
    }
}
