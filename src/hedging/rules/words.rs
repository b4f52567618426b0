//! The closed-class words the hedging rules compare against (forms of "be",
//! prepositions before a month, verbs of past ability): small fixed lists, each with the
//! lengths and first letters of its words.

/// Forms of "be" and other linking verbs before a predicative adjective.
pub(super) const LINKING: Words = Words::new(&[
    "is", "are", "was", "were", "be", "been", "being", "am", "isn't", "aren't", "wasn't",
    "weren't", "seems", "seem", "seemed", "remains", "remain", "remained", "become", "becomes",
    "became", "appears", "appear", "appeared", "looks", "look", "looked", "feel", "feels", "felt",
    "it's", "that's", "there's", "what's", "i'm", "we're", "they're", "you're", "he's", "she's",
]);
/// Forms of "be" before a passive report ("is said to").
pub(super) const BE: Words = Words::new(&["is", "are", "was", "were", "be", "been", "being"]);
/// Forms of "make": "made it clear", "made possible".
pub(super) const MAKE: Words = Words::new(&["make", "makes", "made", "making"]);
/// Words between a linking verb and its adjective: "is not entirely clear".
pub(super) const DEGREE: Words = Words::new(&[
    "not",
    "never",
    "yet",
    "still",
    "entirely",
    "fully",
    "quite",
    "very",
    "so",
    "always",
    "also",
    "now",
    "immediately",
    "completely",
    "totally",
    "altogether",
    "far",
    "from",
    "all",
    "too",
    "really",
    "abundantly",
    "perfectly",
    "absolutely",
    "less",
    "more",
    "increasingly",
    "it",
    "this",
    "that",
]);
/// Words before a month: "in May", "since May".
pub(super) const BEFORE_MONTH: Words = Words::new(&[
    "in",
    "since",
    "until",
    "till",
    "by",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "during",
    "throughout",
    "of",
]);
/// Verbs that make "could" past ability: "she could swim", "we could see smoke".
pub(super) const ABILITY_VERBS: Words = Words::new(&[
    "see",
    "hear",
    "feel",
    "smell",
    "taste",
    "swim",
    "read",
    "speak",
    "remember",
    "recall",
    "understand",
    "sense",
    "tell",
    "afford",
    "only",
    "barely",
    "hardly",
    "just",
    "easily",
]);
/// Words after "would" of habit, wish or narrative future: "would often walk".
pub(super) const HABIT: Words = Words::new(&[
    "like",
    "rather",
    "love",
    "prefer",
    "often",
    "usually",
    "always",
    "sometimes",
    "later",
    "eventually",
    "soon",
    "then",
    "frequently",
    "regularly",
    "typically",
    "go",
    "become",
    "never",
    "spend",
    "continue",
]);
/// Words before "possible" that fix it: "as possible", "best possible", "where possible".
pub(super) const FIXING: Words = Words::new(&[
    "as",
    "best",
    "worst",
    "highest",
    "lowest",
    "greatest",
    "largest",
    "smallest",
    "biggest",
    "fastest",
    "earliest",
    "every",
    "all",
    "everything",
    "where",
    "whenever",
    "wherever",
]);
/// Words after "possible" that make it "feasible": "possible to", "possible for", "possible
/// without".
pub(super) const FEASIBLE: Words = Words::new(&["to", "for", "without", "through", "using"]);
/// Determiners that make a weasel subject specific: "the critics".
pub(super) const DETERMINERS: Words = Words::new(&[
    "the", "these", "those", "his", "her", "their", "its", "our", "my", "your", "whose",
]);
/// Words that end a weasel subject before its verb: "others about the show" is no
/// subject, "some people" and "many legal experts" are.
pub(super) const FUNCTION_WORDS: Words = Words::new(&[
    "the", "a", "an", "of", "about", "in", "on", "at", "to", "for", "with", "from", "by", "as",
    "that", "which", "and", "or", "but", "than", "into", "over", "under", "after", "before",
    "during", "between", "this", "these", "those", "their", "his", "her", "its", "our", "it", "is",
    "are", "was", "were", "be",
]);
/// Words after "considered" that show deliberation, not belief: "considered for the
/// role", "considered in detail", "considered separately".
pub(super) const NOT_COMPLEMENTS: Words = Words::new(&[
    "for",
    "in",
    "at",
    "on",
    "with",
    "during",
    "when",
    "and",
    "or",
    "but",
    "is",
    "are",
    "was",
    "were",
    "separately",
    "carefully",
    "again",
]);
/// Determiners that make a participle an adjective: "a suggested donation".
pub(super) const ARTICLES: Words = Words::new(&[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your",
]);
/// Lemmas of speech verbs that make a passive report: "is said to", "it was reported".
/// The empty lemma is a user's speech verb added without a payload.
pub(super) const REPORT_LEMMAS: &[&str] = &[
    "say", "report", "claim", "rumor", "rumour", "allege", "believe", "think", "estimate",
    "expect", "",
];

/// Single words and pairs the rules compare against.
pub(super) const IN: Words = Words::new(&["in"]);
pub(super) const IT: Words = Words::new(&["it"]);
pub(super) const SO: Words = Words::new(&["so"]);
pub(super) const THAT: Words = Words::new(&["that"]);
pub(super) const AS_SO: Words = Words::new(&["as", "so"]);
pub(super) const A_AN: Words = Words::new(&["a", "an"]);
pub(super) const TO_THAT: Words = Words::new(&["to", "that"]);
pub(super) const IT_THIS_THAT: Words = Words::new(&["it", "this", "that"]);

/// A closed list of words, with the lengths and first letters of its words: most tokens
/// are told apart from the whole list by two bit tests.
pub(super) struct Words {
    pub(super) list: &'static [&'static str],
    /// Bit `n` set when a word is `n` bytes long (bit 63: 63 or more).
    lengths: u64,
    /// Bit `k` set when a word starts with the `k`-th lowercase letter; all bits set when a
    /// word starts with anything else.
    firsts: u32,
}

impl Words {
    pub(super) const fn new(list: &'static [&'static str]) -> Words {
        let mut lengths = 0u64;
        let mut firsts = 0u32;
        let mut i = 0;
        while i < list.len() {
            let word = list[i].as_bytes();
            lengths |= 1 << if word.len() < 63 { word.len() } else { 63 };
            firsts |= match word.first() {
                Some(&b) if b.is_ascii_lowercase() => 1 << (b - b'a'),
                _ => u32::MAX,
            };
            i += 1;
        }
        Words {
            list,
            lengths,
            firsts,
        }
    }

    /// False when no word of the list can equal `text` with ASCII case ignored.
    #[inline]
    pub(super) fn may_hold(&self, text: &[u8]) -> bool {
        let length = self.lengths & (1 << text.len().min(63)) != 0;
        let first = match text.first() {
            Some(&b) if b.is_ascii_alphabetic() => {
                self.firsts & (1 << (b.to_ascii_lowercase() - b'a')) != 0
            }
            _ => self.firsts == u32::MAX,
        };
        length && first
    }
}
