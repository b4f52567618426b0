//! The small closed word classes the attribution rules test tokens against: grammar
//! (determiners, prepositions, auxiliaries), not vocabulary, so they live here rather
//! than in a lexicon file (as lexicon phrases, words as common as "the" or "and" would
//! become hits every analyzer walks past).
//!
//! Each class is one bit of a [`Words`] mask. [`Ctx`](crate::names::Ctx) looks every
//! token up once, in one table holding every class, so testing a token against a class
//! is a bit test. A token belongs to a class when its text equals one of the class's
//! words, ignoring ASCII case.

/// A set of word classes, one bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Words(pub(crate) u64);

impl Words {
    /// No class: tests false for every token.
    pub(crate) const NONE: Words = Words(0);
}

macro_rules! word_classes {
    ($($(#[$doc:meta])* $name:ident = [$($word:literal),* $(,)?];)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        enum Bit {
            $($name,)*
        }

        $(
            $(#[$doc])*
            pub(crate) const $name: Words = Words(1 << Bit::$name as u32);
        )*

        /// Every class with its words.
        const CLASSES: &[(Words, &[&str])] = &[$(($name, &[$($word),*]),)*];
    };
}

word_classes! {
    // Names and speaker phrases (src/names.rs).

    /// Number and quantity words that start a sentence in capitals but name no one:
    /// "Two diplomats said", "Several officials said".
    COUNT_WORDS = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
        "many", "most", "some", "few", "both", "all", "each", "every", "other", "others",
        "another",
    ];
    /// Words that end a speaker phrase when walking away from its cue: they start a
    /// clause or join two clauses.
    CLAUSE_WORDS = [
        "that", "which", "who", "whom", "whose", "when", "while", "where", "because", "as", "if",
        "although", "though", "after", "before", "since", "until", "and", "but", "or", "so",
        "than", "whether", "unless", "once", "is", "was", "are", "were", "be", "been", "has",
        "have", "had", "it's", "not", "also",
    ];
    /// Prepositions: a name after one is not the phrase's speaker (`a spokesman for
    /// Smith`).
    PREPOSITIONS = [
        "for", "of", "at", "from", "with", "by", "to", "in", "on", "between", "against", "about",
        "under", "over", "toward", "towards", "behind", "like", "than",
    ];
    /// Extra words that end a speaker phrase that follows its cue (`said Smith on
    /// Monday`).
    AFTER_CUE_STOPS = [
        "on", "in", "at", "during", "last", "this", "earlier", "later", "today", "yesterday",
        "recently", "told", "then", "after", "before",
    ];
    /// Determiners and possessives: a speech word after one is a noun (`the said`, `a
    /// say`).
    DETERMINERS = [
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
        "those", "whose",
    ];
    /// "the".
    THE = ["the"];

    // Speakers (src/speakers.rs).

    /// Auxiliaries and adverbs that may stand between a speaker and the cue.
    BETWEEN = [
        "has", "have", "had", "also", "later", "then", "again", "once", "further", "earlier",
        "would", "will", "long", "already", "often", "previously", "just", "even", "still",
        "first", "had", "did", "does", "do", "may", "might", "could", "can", "should",
        "reportedly",
    ];
    /// Words that start a "some of them" phrase: a member of a group, not named.
    PARTITIVES = [
        "one", "some", "two", "three", "four", "several", "many", "most", "few", "none", "each",
        "any", "both",
    ];
    /// Subject pronouns that can be speakers.
    SUBJECT_PRONOUNS = ["he", "she", "they", "it", "we", "i"];
    /// Conjunctions and commas trimmed off the start of a speaker phrase.
    CONJUNCTIONS = ["and", "but", "so", "yet", "or", "then"];
    /// Object pronouns: they start no subject ("told me about the teacher").
    OBJECT_PRONOUNS = ["me", "him", "us", "them"];
    /// "of", in "some of the officials".
    OF = ["of"];
    /// Words that open a relative clause inside or after a speaker phrase.
    RELATIVES = ["that", "who", "which"];
    /// Words that open a relative appositive: "officials, who asked not to be named,".
    RELATIVE_OPENERS = ["who", "which", "whose", "where"];
    /// Words that end a description after a name.
    DESCRIPTION_END = ["who", "which", "that", "whose"];
    /// "and", between two speakers.
    AND = ["and"];
    /// Lower-case words that may open a speaker phrase after its cue: `said the mayor`.
    SPEAKER_OPENERS = [
        "a", "an", "the", "one", "two", "some", "several", "officials", "sources", "people",
        "he", "she",
    ];
    /// Words after `said Jane Doe,` that open no description of her.
    NOT_DESCRIPTION = ["who", "which", "that", "and", "but", "adding", "saying"];
    /// Words before a speech verb that make it no cue: `is said to`, `did not say`.
    NOT_CUE_BEFORE = [
        "is", "was", "are", "were", "be", "been", "being", "to", "not", "never",
    ];
    /// Words opening `That said, ...` and `Having said that`.
    THAT_HAVING = ["that", "having"];

    // Reported speech (src/attribution/reported.rs).

    /// Adverbs that may follow a cue: `said again that`.
    ADVERBS = [
        "also", "again", "later", "then", "previously", "separately", "today", "yesterday",
    ];
    /// Prepositions that open a short phrase after a sentence-final cue.
    PHRASE_PREPOSITIONS = [
        "in", "on", "at", "during", "after", "before", "from", "via", "with", "through", "to",
        "for", "outside", "inside", "ahead", "following", "late", "early",
    ];
    /// Words that open a subordinate clause after `..., the office said,`.
    SUBORDINATORS = [
        "as", "because", "while", "although", "though", "but", "and", "or", "after", "before",
        "since", "when", "whereas", "even", "with", "citing", "noting", "adding", "saying",
        "despite", "amid", "following", "in", "on", "at", "according",
    ];
    /// Modal verbs.
    MODALS = [
        "would", "will", "could", "can", "might", "may", "should", "must", "shall", "to",
    ];
    /// Base forms that report only a `that` clause after a modal: "would say a word".
    BASE_FORMS = ["say", "tell", "add", "write", "argue", "claim"];
    /// Words that open a reported clause right after a one-word listener: "told police
    /// the car was ...", "told staff they would ...".
    CLAUSE_OPENERS = [
        "the", "a", "an", "he", "she", "they", "it", "we", "i", "his", "her", "its", "their",
    ];
    /// Words that cannot start a reported clause after a cue.
    NOT_CLAUSE_START = [
        "to", "of", "about", "for", "with", "by", "from", "on", "in", "at", "into", "so", "yes",
        "no", "nothing", "something", "anything", "goodbye", "hello", "thanks", "sorry", "as",
        "after", "before", "during", "while", "when", "through", "via", "up", "out", "over",
    ];
    /// "that".
    THAT = ["that"];
    /// Subject pronouns that can only open a clause: "admitted he had lied".
    CLAUSE_SUBJECTS = ["he", "she", "they", "we", "i"];
    /// Parts of a day after a weekday: "Tuesday night".
    DAY_PARTS = ["morning", "afternoon", "evening", "night"];
    /// Words that open a time phrase after a cue: "on Thursday", "last week".
    TIME_OPENERS = [
        "on", "in", "at", "during", "last", "this", "late", "early", "earlier", "via",
    ];
    /// Words after a time opener that make it a time phrase.
    TIME_NOUNS = ["week", "month", "year", "friday"];
    /// Words that go on a time phrase: "last week", "on Tuesday morning".
    TIME_TAILS = ["week", "month", "year", "morning", "afternoon", "evening", "night"];
    /// Words that open a second speaker's report: "..., while critics countered".
    CONTRASTS = ["while", "whereas", "but"];
    /// "and", "but".
    AND_BUT = ["and", "but"];
    /// "who", "which".
    WHO_WHICH = ["who", "which"];

    // Grouping (src/attribution/grouping.rs).

    /// Honorifics of a man.
    MALE_HONORIFICS = ["mr", "mr."];
    /// Honorifics of a woman.
    FEMALE_HONORIFICS = ["ms", "ms.", "mrs", "mrs.", "miss"];

    // Quotations (src/attribution/quoted.rs).

    /// Words before a quotation that make it a title or a name, not speech: `the film
    /// "..."`, `a podcast titled "..."`.
    TITLE_WORDS = [
        "titled", "entitled", "nicknamed", "so-called", "song", "film", "book", "album", "movie",
        "show", "series", "hashtag", "novel", "play", "poem", "opera", "programme", "program",
        "podcast", "documentary", "headline", "exhibition",
    ];
    /// Words before a quotation that make it a label when it is short or in title case:
    /// `a group called "Save the Park"`, `the term "woke"`; but `called the plan "a
    /// dangerous gamble for the country"` is speech.
    LABEL_WORDS = [
        "called", "dubbed", "named", "as", "term", "word", "words", "phrase", "slogan", "label",
        "brand", "motto", "known",
    ];
    /// Small words that may stay lowercase in a title: "Gone with the Wind".
    TITLE_SMALL = [
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
    ];
    /// "as".
    AS = ["as"];
}

/// Longest word a class may hold, in bytes.
const MAX_LEN: usize = 16;

/// log2 of the table's size.
const TABLE_BITS: u32 = 10;
const TABLE_SIZE: usize = 1 << TABLE_BITS;

/// A word's key: its ASCII-lowercased bytes, zero-padded to 16 bytes, as two integers.
/// `(0, 0)` for a word no class can hold (empty, longer than 16 bytes, not ASCII).
const fn key(bytes: &[u8]) -> (u64, u64) {
    if bytes.is_empty() || bytes.len() > MAX_LEN {
        return (0, 0);
    }
    let (mut lo, mut hi) = (0u64, 0u64);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !b.is_ascii() {
            return (0, 0);
        }
        let b = b.to_ascii_lowercase() as u64;
        if i < 8 {
            lo |= b << (8 * i);
        } else {
            hi |= b << (8 * (i - 8));
        }
        i += 1;
    }
    (lo, hi)
}

const fn slot_of(key: (u64, u64)) -> usize {
    let folded = key.0 ^ key.1.rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

/// Open-addressed table from a word's key to its classes, built at compile time; an
/// empty slot has key `(0, 0)`.
static TABLE: [((u64, u64), u64); TABLE_SIZE] = build();

const fn build() -> [((u64, u64), u64); TABLE_SIZE] {
    let mut table = [((0u64, 0u64), 0u64); TABLE_SIZE];
    let mut c = 0;
    while c < CLASSES.len() {
        let (class, words) = CLASSES[c];
        let mut w = 0;
        while w < words.len() {
            let key = key(words[w].as_bytes());
            assert!(key.0 != 0, "class words are short ASCII");
            let mut slot = slot_of(key);
            while table[slot].0 .0 != 0 && (table[slot].0 .0 != key.0 || table[slot].0 .1 != key.1)
            {
                slot = (slot + 1) & (TABLE_SIZE - 1);
            }
            table[slot].0 = key;
            table[slot].1 |= class.0;
            w += 1;
        }
        c += 1;
    }
    table
}

/// Per word length: the (lower-case ASCII) first letters of the class words of that
/// length, one bit each, so most words are ruled out before the table is probed.
static FIRST_LETTERS: [u32; MAX_LEN + 1] = letters_by_length(false);

/// Per word length: the (lower-case ASCII) last letters of the class words of that
/// length, one bit each: a second cheap test before the table is probed.
static LAST_LETTERS: [u32; MAX_LEN + 1] = letters_by_length(true);

/// Per word length, the first (or `last`) letters of the class words of that length.
const fn letters_by_length(last: bool) -> [u32; MAX_LEN + 1] {
    let mut letters = [0u32; MAX_LEN + 1];
    let mut c = 0;
    while c < CLASSES.len() {
        let words = CLASSES[c].1;
        let mut w = 0;
        while w < words.len() {
            let bytes = words[w].as_bytes();
            let at = if last { bytes.len() - 1 } else { 0 };
            letters[bytes.len()] |= letter_bit(bytes[at]);
            w += 1;
        }
        c += 1;
    }
    letters
}

/// The bit of an ASCII letter, either case (every other byte shares bit 31).
const fn letter_bit(b: u8) -> u32 {
    let lower = b.to_ascii_lowercase();
    if lower.is_ascii_lowercase() {
        1 << (lower - b'a')
    } else {
        1 << 31
    }
}

/// The classes of each class id (`class_id`): id 0 has none, id `k` those of table
/// slot `k - 1`.
static CLASSES_BY_ID: [u64; TABLE_SIZE + 1] = {
    let mut by_id = [0u64; TABLE_SIZE + 1];
    let mut slot = 0;
    while slot < TABLE_SIZE {
        by_id[slot + 1] = TABLE[slot].1;
        slot += 1;
    }
    by_id
};

// Class ids take 12 bits of a token's facts in `names::Ctx`.
const _: () = assert!(TABLE_SIZE < 1 << 12);

/// The id of the classes `word` belongs to: 0 for none, else at most `TABLE_SIZE`
/// (so it fits in 11 bits). [`classes_of`] gives the classes back.
pub(crate) fn class_id(word: &str) -> u16 {
    let bytes = word.as_bytes();
    match (bytes.first(), bytes.last(), FIRST_LETTERS.get(bytes.len())) {
        (Some(&first), Some(&last), Some(firsts))
            if firsts & letter_bit(first) != 0
                && LAST_LETTERS[bytes.len()] & letter_bit(last) != 0 => {}
        _ => return 0,
    }
    let key = key(bytes);
    if key.0 == 0 {
        return 0;
    }
    probe(key)
}

/// [`class_id`] of the word `text[start..start + len]`, read eight bytes at a time when
/// sixteen bytes of `text` follow `start`.
#[inline]
pub(crate) fn class_id_at(text: &str, start: usize, len: usize) -> u16 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    let (Some(word), Some(ahead)) = (bytes.get(start..start + len), bytes.get(start..start + 16))
    else {
        return text.get(start..start + len).map_or(0, class_id);
    };
    match (word.first(), word.last(), FIRST_LETTERS.get(len)) {
        (Some(&first), Some(&last), Some(firsts))
            if firsts & letter_bit(first) != 0 && LAST_LETTERS[len] & letter_bit(last) != 0 => {}
        _ => return 0,
    }
    let mut lo = [0u8; 8];
    let mut hi = [0u8; 8];
    lo.copy_from_slice(&ahead[..8]);
    hi.copy_from_slice(&ahead[8..]);
    // The bytes of the word, zero after it.
    let keep = |x: u64, n: usize| {
        if n >= 8 {
            x
        } else {
            x & ((1u64 << (8 * n)) - 1)
        }
    };
    let lo = keep(u64::from_le_bytes(lo), len);
    let hi = keep(u64::from_le_bytes(hi), len.saturating_sub(8));
    if (lo | hi) & HIGH != 0 {
        return 0;
    }
    probe((lower_ascii_word(lo), lower_ascii_word(hi)))
}

/// Eight ASCII bytes (each below 0x80) with `A`..`Z` made lower case, at once: no sum
/// carries into the next byte, and bit 5 is set in the bytes from `A` to `Z`.
#[inline]
pub(crate) fn lower_ascii_word(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let upper = (x + ONES * (0x80 - u64::from(b'A')))
        & !(x + ONES * (0x80 - u64::from(b'Z') - 1))
        & (ONES * 0x80);
    x | upper >> 2
}

/// The class id of a word's key: its slot in [`TABLE`] plus one, or 0 when the table does
/// not hold it (open addressing, linear probing).
#[inline]
fn probe(key: (u64, u64)) -> u16 {
    let mut slot = slot_of(key);
    loop {
        let k = TABLE[slot].0;
        if k == key {
            return slot as u16 + 1;
        }
        if k.0 == 0 {
            return 0;
        }
        slot = (slot + 1) & (TABLE_SIZE - 1);
    }
}

/// The classes of a class id from [`class_id`], one bit each.
#[inline]
pub(crate) fn classes_of(id: u16) -> u64 {
    CLASSES_BY_ID.get(usize::from(id)).copied().unwrap_or(0)
}

/// The classes `word` belongs to.
#[cfg(test)]
pub(crate) fn classes(word: &str) -> u64 {
    classes_of(class_id(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_the_lists_ignoring_ascii_case() {
        for &(class, words) in CLASSES {
            for word in words {
                assert_ne!(classes(word) & class.0, 0, "{word}");
                assert_ne!(classes(&word.to_ascii_uppercase()) & class.0, 0, "{word}");
            }
        }
        assert_eq!(
            classes("The") & (THE.0 | DETERMINERS.0),
            THE.0 | DETERMINERS.0
        );
        assert_eq!(classes("there"), 0);
        assert_eq!(classes("thé"), 0);
        assert_eq!(classes(""), 0);
        assert_eq!(classes("counterrevolutionaries"), 0);
        assert_eq!(classes("documentaryfilm"), 0);
        assert_eq!(classes("it’s") & CLAUSE_WORDS.0, 0);
        // Read in place, with text after the word or not.
        for &(_, words) in CLASSES {
            for word in words
                .iter()
                .copied()
                .chain(["Xyz", "thé", "documentaryfilm"])
            {
                for (before, after) in [("", ""), ("", " and more text after it"), (". ", "'s")] {
                    let text = format!("{before}{}{after}", word.to_ascii_uppercase());
                    let (start, len) = (before.len(), word.len());
                    assert_eq!(
                        class_id_at(&text, start, len),
                        class_id(&text[start..start + len]),
                        "{text:?}"
                    );
                }
            }
        }
    }
}
