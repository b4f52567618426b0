//! The noun phrase a number counts or measures, read from the tokens after it: a few
//! words up to the first function word, verb form or punctuation mark.

use super::view::View;
use crate::lexicon::Category;

/// Determiners skipped after "of": "18 of the 31", "2 percent of its budget".
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "your", "my", "all", "those", "these", "a", "an",
    "this", "that",
];

/// Closed-class words that end a noun phrase. A closed list by nature (articles,
/// prepositions, auxiliaries, pronouns), so it stays here rather than in a lexicon.
/// Lowercase, in byte order (binary search).
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "again", "against", "ago", "all",
    "already", "also", "although", "am", "among", "an", "and", "another", "any", "are",
    "around", "as", "at", "be", "became", "because", "become", "been", "before", "began",
    "being", "below", "between", "beyond", "both", "bought", "but", "by", "came", "can",
    "come", "could", "despite", "did", "do", "does", "down", "due", "during", "each",
    "earlier", "either", "even", "ever", "every", "fell", "felt", "fled", "for", "found",
    "from", "gave", "get", "give", "go", "goes", "got", "grew", "had", "has", "have", "he",
    "held", "her", "here", "his", "hit", "how", "i", "if", "in", "including", "into", "is",
    "it", "its", "just", "kept", "killed", "knew", "know", "lack", "last", "later", "left",
    "less", "like", "live", "lost", "made", "make", "may", "met", "might", "more", "must",
    "my", "near", "need", "neither", "never", "next", "no", "nor", "not", "now", "of", "off",
    "on", "only", "onto", "or", "other", "our", "out", "over", "own", "paid", "per", "pm",
    "put", "ran", "remain", "remained", "rose", "said", "sank", "saw", "say", "says", "see",
    "seem", "set", "she", "should", "showed", "shrank", "since", "slid", "so", "sold", "some",
    "stayed", "still", "struck", "such", "take", "tell", "than", "that", "the", "their",
    "then", "there", "these", "they", "think", "this", "those", "though", "through", "to",
    "told", "too", "took", "toward", "towards", "under", "until", "up", "upon", "versus",
    "very", "via", "vs", "want", "was", "we", "went", "were", "what", "when", "where",
    "whereas", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
    "within", "without", "won", "work", "would", "wrote", "year", "years", "yet", "you",
    "your",
];

/// Where the words of [`STOP`] with each first letter start: those in `a..z` are
/// `STOP[STOP_STARTS[k]..STOP_STARTS[k + 1]]` for the `k`th letter.
const STOP_STARTS: [u8; 27] = letter_starts(STOP);

const fn letter_starts(words: &[&str]) -> [u8; 27] {
    assert!(words.len() < 256);
    let mut starts = [0u8; 27];
    let mut k = 0;
    while k < 27 {
        let mut n = 0;
        while n < words.len() && words[n].as_bytes()[0] < b'a' + k as u8 {
            n += 1;
        }
        starts[k] = n as u8;
        k += 1;
    }
    let mut n = 0;
    while n < words.len() {
        assert!(words[n].as_bytes()[0].is_ascii_lowercase());
        n += 1;
    }
    starts
}

/// A word of at most 16 bytes as a number whose order is the byte order of such words
/// (they hold no zero byte): its bytes big-endian, zero-padded.
const fn key(word: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut n = 0;
    while n < 16 {
        k <<= 8;
        if n < word.len() {
            k |= word[n] as u128;
        }
        n += 1;
    }
    k
}

/// The [`key`]s of [`STOP`], in the same order.
const STOP_KEYS: [u128; STOP.len()] = {
    let mut keys = [0u128; STOP.len()];
    let mut n = 0;
    while n < STOP.len() {
        assert!(STOP[n].len() <= 16);
        keys[n] = key(STOP[n].as_bytes());
        assert!(n == 0 || keys[n - 1] < keys[n], "STOP not sorted");
        n += 1;
    }
    keys
};

/// True when the lowercase word `lower` is in [`STOP`]: a binary search among the keys
/// of the words with its first letter. `packed` is `lower`'s bytes, big-endian (its
/// [`key`] before the padding).
#[inline]
fn is_stop(lower: &[u8], packed: u128) -> bool {
    let len = lower.len();
    match lower.first() {
        Some(&first) if first.is_ascii_lowercase() && len <= 16 => {
            let k = usize::from(first - b'a');
            let keys = &STOP_KEYS[usize::from(STOP_STARTS[k])..usize::from(STOP_STARTS[k + 1])];
            keys.binary_search(&(packed << (8 * (16 - len)))).is_ok()
        }
        _ => false,
    }
}

/// The noun phrase starting at token `k`, as a token range, if there is one.
pub(crate) fn subject_at(v: &View, k: usize) -> Option<(usize, usize)> {
    if !v.is_word(k) {
        return None;
    }
    // "two more rate cuts", "5 additional officers": the modifier is not the head.
    let k = if v.is_any(k, &["more", "fewer", "additional", "extra", "other"]) && v.is_word(k + 1) {
        k + 1
    } else {
        k
    };
    let mut end = k;
    let mut words = 0;
    let mut j = k;
    let mut buf = [0u8; 64];
    while words < 4 {
        let Some(w) = v.word_bytes(j) else {
            break;
        };
        let owned;
        let (lower, packed): (&[u8], u128) = if w.len() <= buf.len() {
            let mut packed = 0u128;
            for (d, &b) in buf.iter_mut().zip(w) {
                let c = b.to_ascii_lowercase();
                *d = c;
                packed = packed << 8 | u128::from(c);
            }
            (&buf[..w.len()], packed)
        } else {
            owned = w.to_ascii_lowercase();
            (&owned, 0)
        };
        // A number word ends the phrase too: "the first ten years".
        if is_stop(lower, packed) {
            break;
        }
        let categories = v.categories_in(j);
        let has = |category: Category| categories & category.bit() != 0;
        let number = has(Category::NumberWord) || has(Category::Scale);
        if number {
            break;
        }
        // A verb form after the head ends the phrase: "member states expected to",
        // (a word in -ing after a singular is usually a noun: "consecutive meeting"),
        // "people said", "prices rose"; so does an adverb ("nearly").
        let verb = lower.ends_with(b"ed") || (lower.ends_with(b"ing") && takes_object(v, j + 1));
        // A change word is a verb only in the past ("prices dropped"; "fell", "rose" are
        // stop words); otherwise a noun ("rate cuts", "quarterly decline").
        let finite_verb =
            has(Category::SpeechVerb) || (has(Category::Change) && lower.ends_with(b"ed"));
        // Right after the number a speech or change word is a noun ("3 claims", "a 3% rise");
        // irregular past forms ("fell", "rose") are in the stop list.
        if (verb || finite_verb) && words > 0 {
            break;
        }
        let adverb = lower.ends_with(b"ly") && !lower.ends_with(b"ply") && !lower.ends_with(b"ily");
        if adverb
            && !matches!(
                lower,
                b"ally"
                    | b"rally"
                    | b"italy"
                    | b"july"
                    | b"assembly"
                    | b"quarterly"
                    | b"yearly"
                    | b"monthly"
                    | b"weekly"
                    | b"daily"
                    | b"hourly"
                    | b"elderly"
                    | b"early"
                    | b"costly"
                    | b"deadly"
            )
        {
            break;
        }
        words += 1;
        end = j + 1;
        j += 1;
        // The head of a counted phrase is usually its first plural: "member states",
        // "people" (then a verb may follow: "people lack").
        if is_plural_bytes(lower) && !v.is_punct(j, &['-']) {
            break;
        }
        // "long-range missiles": a hyphen inside the phrase joins two words.
        if v.is_punct(j, &['-']) && v.glued(j) && v.glued(j + 1) && v.is_word(j + 1) {
            j += 1;
        }
    }
    (words > 0).then_some((k, end))
}

/// True for a plural noun form: "states", "people", "children".
pub(super) fn is_plural(lower: &str) -> bool {
    is_plural_bytes(lower.as_bytes())
}

/// [`is_plural`] of a word in any case.
pub(super) fn is_plural_word(word: &str) -> bool {
    let mut buf = [0u8; 64];
    if word.len() > buf.len() {
        return is_plural(&word.to_ascii_lowercase());
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    is_plural_bytes(lower)
}

/// [`is_plural`] of a lowercase word's bytes.
fn is_plural_bytes(lower: &[u8]) -> bool {
    (lower.len() > 3
        && lower.ends_with(b"s")
        && !lower.ends_with(b"'s")
        && !lower.ends_with("’s".as_bytes())
        && !lower.ends_with(b"ss")
        && !lower.ends_with(b"us")
        && !lower.ends_with(b"is"))
        // Irregular plurals (a match: compared by length first).
        || matches!(
            lower,
            b"people"
                | b"children"
                | b"men"
                | b"women"
                | b"staff"
                | b"police"
                | b"personnel"
                | b"cattle"
                | b"feet"
                | b"teeth"
                | b"mice"
                | b"geese"
                | b"data"
                | b"media"
                | b"troops"
        )
}

/// True when the word after an -ing form is its object ("joining Democrats", "killing
/// the"), which makes the -ing form a verb rather than a noun ("consecutive meeting").
fn takes_object(v: &View, next: usize) -> bool {
    v.is_number(next)
        || (v.is_word(next) && v.capitalized(next))
        || v.is_any(
            next,
            &[
                "the", "a", "an", "his", "her", "their", "its", "our", "them", "him",
            ],
        )
}
