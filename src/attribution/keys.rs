//! The lookup tables of grouping (names, surnames, roles, full names by surname) in
//! one hash table whose keys are copied into one buffer: adding a key allocates
//! nothing but the occasional doubling of the buffer or of the slots, where a
//! `HashMap<String, _>` allocates a `String` per key.
//!
//! Each key has a tag (which table it belongs to) and lower-case text; the value is a
//! small integer (a source index, or an index into the full names).

use std::hash::{BuildHasher, Hasher};

use super::words::lower_ascii_word;
use super::KeyHash;

/// A value slot of an empty entry.
const EMPTY: usize = usize::MAX;

#[derive(Clone, Copy, Debug)]
struct Slot {
    hash: u64,
    /// Where the key's text starts in `Keys::bytes`, and its length.
    start: usize,
    len: usize,
    tag: u8,
    /// The value, or `EMPTY`.
    value: usize,
}

const VACANT: Slot = Slot {
    hash: 0,
    start: 0,
    len: 0,
    tag: 0,
    value: EMPTY,
};

/// A hash table from `(tag, text)` keys to `usize` values.
#[derive(Debug, Default)]
pub(super) struct Keys {
    /// The text of every key, one after another.
    bytes: Vec<u8>,
    /// Open-addressed slots (linear probing), a power of two of them, or none before
    /// the first key.
    slots: Vec<Slot>,
    /// Keys held.
    len: usize,
}

impl Keys {
    fn hash(tag: u8, key: &[u8]) -> u64 {
        let mut h = KeyHash.build_hasher();
        h.write_u8(tag);
        h.write(key);
        h.finish()
    }

    /// The slot of `(tag, key)`, or of the empty slot where it would go; `None` when
    /// there are no slots yet.
    fn find(&self, hash: u64, tag: u8, key: &[u8]) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.value == EMPTY
                || slot.hash == hash
                    && slot.tag == tag
                    && self.bytes[slot.start..slot.start + slot.len] == *key
            {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `(tag, key)`.
    pub(super) fn get(&self, tag: u8, key: &[u8]) -> Option<usize> {
        let i = self.find(Self::hash(tag, key), tag, key)?;
        match self.slots[i].value {
            EMPTY => None,
            value => Some(value),
        }
    }

    /// True when `(tag, key)` has a value.
    pub(super) fn contains(&self, tag: u8, key: &[u8]) -> bool {
        self.get(tag, key).is_some()
    }

    /// Sets the value of `(tag, key)`, replacing any.
    pub(super) fn insert(&mut self, tag: u8, key: &[u8], value: usize) {
        self.put(tag, key, value, true);
    }

    /// Sets the value of `(tag, key)` unless it has one.
    pub(super) fn insert_new(&mut self, tag: u8, key: &[u8], value: usize) {
        self.put(tag, key, value, false);
    }

    fn put(&mut self, tag: u8, key: &[u8], value: usize, replace: bool) {
        debug_assert_ne!(value, EMPTY);
        // At most seven slots in eight full, so probing always ends.
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            self.grow();
        }
        let hash = Self::hash(tag, key);
        let Some(i) = self.find(hash, tag, key) else {
            return;
        };
        let slot = &mut self.slots[i];
        if slot.value != EMPTY {
            if replace {
                slot.value = value;
            }
            return;
        }
        *slot = Slot {
            hash,
            start: self.bytes.len(),
            len: key.len(),
            tag,
            value,
        };
        self.bytes.extend_from_slice(key);
        self.len += 1;
    }

    /// Doubles the slots (32 at first) and puts every key back.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(32);
        let old = std::mem::replace(&mut self.slots, vec![VACANT; size]);
        if self.bytes.capacity() == 0 {
            self.bytes.reserve(512);
        }
        let mask = size - 1;
        for slot in old.into_iter().filter(|s| s.value != EMPTY) {
            let mut i = slot.hash as usize & mask;
            while self.slots[i].value != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }
}

/// Text in lower case (`str::to_lowercase`), on the stack when it is short ASCII.
pub(super) struct Lower {
    buf: [u8; Lower::INLINE],
    len: usize,
    /// The lower-case text when it is not short ASCII.
    long: Option<String>,
}

impl Lower {
    const INLINE: usize = 96;

    pub(super) fn new(s: &str) -> Lower {
        let mut lower = Lower {
            buf: [0; Lower::INLINE],
            len: 0,
            long: None,
        };
        if s.len() <= Lower::INLINE && s.is_ascii() {
            lower.buf[..s.len()].copy_from_slice(s.as_bytes());
            // Eight bytes at a time.
            let words = s.len().div_ceil(8) * 8;
            for chunk in lower.buf[..words].chunks_exact_mut(8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let x = lower_ascii_word(u64::from_le_bytes(word));
                chunk.copy_from_slice(&x.to_le_bytes());
            }
            lower.len = s.len();
        } else {
            lower.long = Some(s.to_lowercase());
        }
        lower
    }

    /// The lower-case text's bytes (UTF-8).
    pub(super) fn bytes(&self) -> &[u8] {
        match &self.long {
            Some(long) => long.as_bytes(),
            None => &self.buf[..self.len],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Keys, Lower};

    #[test]
    fn lower_matches_to_lowercase() {
        let long = "A Very Long Description ".repeat(5);
        for s in [
            "",
            "Ann RUIZ",
            "Émile Zola",
            "İstanbul",
            long.as_str(),
            "@AZ[`az{ 09 The Head:Of The Office",
        ] {
            assert_eq!(Lower::new(s).bytes(), s.to_lowercase().as_bytes(), "{s}");
        }
    }

    #[test]
    fn keys_behave_like_a_map_of_tagged_strings() {
        let mut keys = Keys::default();
        assert_eq!(keys.get(b'k', b"ruiz"), None);
        keys.insert(b'k', b"ann ruiz", 0);
        keys.insert(b's', b"ruiz", 0);
        keys.insert_new(b's', b"ruiz", 7);
        keys.insert(b'k', b"ruiz", 1);
        keys.insert(b'k', b"ruiz", 2);
        assert_eq!(keys.get(b'k', b"ann ruiz"), Some(0));
        assert_eq!(keys.get(b's', b"ruiz"), Some(0));
        assert_eq!(keys.get(b'k', b"ruiz"), Some(2));
        assert_eq!(keys.get(b'r', b"ruiz"), None);
        assert!(!keys.contains(b'k', b"ann"));
        // Enough keys to grow several times.
        for n in 0..1000 {
            keys.insert_new(b'f', format!("name {n}").as_bytes(), n);
        }
        for n in 0..1000 {
            assert_eq!(keys.get(b'f', format!("name {n}").as_bytes()), Some(n));
        }
        assert_eq!(keys.get(b'k', b"ann ruiz"), Some(0));
        assert_eq!(keys.get(b'f', "name 1000".as_bytes()), None);
    }
}
