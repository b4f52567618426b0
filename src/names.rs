//! Person names and speaker phrases, read from tokens and lexicon hits without a tagger.
//!
//! A person's name is a run of capitalised words, joined by name particles ("van",
//! "bin"), hyphens ("Jean-Claude") and initials ("J."), that holds no word the lexicon
//! knows as something else: a title ("Secretary-General"), an honorific ("Dr."), a
//! nationality ("Ukrainian"), a place, a month or weekday, an organisation or one of its
//! head words ("Institute"), or a word that is never a person ("Article", "Logan Act").
//! A run right before an organisation word ("the Stimson Center") is an organisation's
//! name, and a possessive ("Trump's adviser") names a possessor, not the speaker.

use std::ops::Range;

use crate::article::Article;
use crate::lexicon::{Category, Entry};
use crate::scan::{Scan, Token, TokenKind};
use crate::span::Span;

const NO_HIT: u32 = u32::MAX;

/// Categories whose words never belong to a person's name.
const NOT_NAME: &[Category] = &[
    Category::Title,
    Category::Honorific,
    Category::OrgWord,
    Category::Organization,
    Category::NotPerson,
    Category::Month,
    Category::Weekday,
    Category::Nationality,
    Category::Place,
    Category::Pronoun,
    Category::SentenceStarter,
    Category::AnonymousSource,
    Category::Document,
    Category::SpeechVerb,
    Category::AttributionPhrase,
    Category::TimeWord,
    Category::NumberWord,
    Category::Ordinal,
];

/// Number and quantity words that start a sentence in capitals but name no one:
/// "Two diplomats said", "Several officials said".
const COUNT_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
    "many", "most", "some", "few", "both", "all", "each", "every", "other", "others", "another",
];

/// Words that end a speaker phrase when walking away from its cue: they start a clause
/// or join two clauses. Grammar, not vocabulary, so they live here rather than in a
/// lexicon file.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "where", "because", "as", "if",
    "although", "though", "after", "before", "since", "until", "and", "but", "or", "so", "than",
    "whether", "unless", "once", "is", "was", "are", "were", "be", "been", "has", "have", "had",
    "it's", "not", "also",
];

/// Prepositions: a name after one is not the phrase's speaker (`a spokesman for Smith`).
const PREPOSITIONS: &[&str] = &[
    "for", "of", "at", "from", "with", "by", "to", "in", "on", "between", "against", "about",
    "under", "over", "toward", "towards", "behind", "like", "than",
];

/// Extra words that end a speaker phrase that follows its cue (`said Smith on Monday`).
const AFTER_CUE_STOPS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "later",
    "today",
    "yesterday",
    "recently",
    "told",
    "then",
    "after",
    "before",
];

/// Determiners and possessives: a speech word after one is a noun (`the said`, `a say`).
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "whose",
];

/// The article as the attribution rules read it: tokens, the hit covering each token,
/// and whether each token lies inside quotation marks.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    pub(crate) article: &'a Article,
    pub(crate) tokens: &'a [Token],
    pub(crate) scan: &'a Scan,
    cover: Vec<u32>,
    /// Per token: index+1 of the outermost quotation holding it, or 0.
    quoted: Vec<u32>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(article: &'a Article) -> Ctx<'a> {
        let scan = article.scan();
        let tokens = scan.tokens();
        let mut cover = vec![NO_HIT; tokens.len()];
        for (index, hit) in scan.hits().iter().enumerate() {
            for slot in
                &mut cover[hit.first_token as usize..(hit.end_token as usize).min(tokens.len())]
            {
                *slot = index as u32;
            }
        }
        let mut quoted = vec![0u32; tokens.len()];
        let mut t = 0usize;
        for (index, q) in article.quotations().iter().enumerate() {
            if q.depth != 0 {
                continue;
            }
            while t < tokens.len() && tokens[t].span.start < q.inner.start {
                t += 1;
            }
            while t < tokens.len() && tokens[t].span.end <= q.inner.end {
                quoted[t] = index as u32 + 1;
                t += 1;
            }
        }
        Ctx {
            text: article.text(),
            article,
            tokens,
            scan,
            cover,
            quoted,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text (`""` out of range).
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.text(self.text))
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// True when token `i` is the punctuation mark `c`.
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.span.text(self.text).starts_with(c))
    }

    pub(crate) fn is_quote_mark(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && t.span
                    .text(self.text)
                    .chars()
                    .next()
                    .and_then(crate::marks::family_of)
                    .is_some()
        })
    }

    /// True for `.`, `!`, `?`, `…` and `;`.
    pub(crate) fn is_stop(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && matches!(
                    t.span.text(self.text).chars().next(),
                    Some('.' | '!' | '?' | '…' | ';')
                )
        }) && !self.honorific_dot(i)
    }

    /// True when token `i` is the dot of an honorific before a name ("Sen.", "Dr."):
    /// it ends no sentence.
    pub(crate) fn honorific_dot(&self, i: usize) -> bool {
        i > 0
            && self.has(i - 1, Category::Honorific)
            && self
                .scan
                .hit_at(i - 1)
                .is_some_and(|h| h.end_token as usize > i)
    }

    pub(crate) fn is_dash(&self, i: usize) -> bool {
        self.is_punct(i, '—') || self.is_punct(i, '–') || self.is_punct(i, '-')
    }

    pub(crate) fn sentence(&self, i: usize) -> u32 {
        self.tokens.get(i).map_or(u32::MAX, |t| t.sentence)
    }

    /// The outermost quotation holding token `i`, as an index into `article.quotations()`.
    pub(crate) fn quotation_of(&self, i: usize) -> Option<usize> {
        match self.quoted.get(i) {
            Some(&q) if q > 0 => Some(q as usize - 1),
            _ => None,
        }
    }

    pub(crate) fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    pub(crate) fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The entries of the hit covering token `i`.
    pub(crate) fn entries(&self, i: usize) -> &'a [Entry] {
        match self.cover.get(i) {
            Some(&h) if h != NO_HIT => self.scan.entries(&self.scan.hits()[h as usize]),
            _ => &[],
        }
    }

    /// The token range of the hit covering token `i`.
    pub(crate) fn hit_range(&self, i: usize) -> Option<Range<usize>> {
        match self.cover.get(i) {
            Some(&h) if h != NO_HIT => {
                let hit = &self.scan.hits()[h as usize];
                Some(hit.first_token as usize..hit.end_token as usize)
            }
            _ => None,
        }
    }

    pub(crate) fn has(&self, i: usize, category: Category) -> bool {
        self.entries(i).iter().any(|e| e.category == category)
    }

    pub(crate) fn entry(&self, i: usize, category: Category) -> Option<&'a Entry> {
        self.entries(i).iter().find(|e| e.category == category)
    }

    /// The span from token `first` to the end of token `end - 1`.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        match (
            self.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) {
            (Some(a), Some(b)) if range.start < range.end => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }

    pub(crate) fn slice(&self, range: Range<usize>) -> &'a str {
        self.span(range).text(self.text)
    }

    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        let w = self.word(i);
        w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
    }

    fn glued(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    /// True when token `i` can be a word of a person's name.
    fn name_word(&self, i: usize) -> bool {
        if !self.capitalised(i) {
            return false;
        }
        let entries = self.entries(i);
        if entries.iter().any(|e| NOT_NAME.contains(&e.category)) || self.lower_is(i, COUNT_WORDS) {
            return false;
        }
        let w = self.word(i);
        // Acronyms (NATO, EU) are organisations more often than people.
        let upper = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        !(upper && w.chars().count() > 1)
    }

    /// Person-name runs in `range`, each as a token range, in order. A run ending in a
    /// possessive is flagged.
    pub(crate) fn name_runs(&self, range: Range<usize>) -> Vec<(Range<usize>, bool)> {
        let mut runs = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if !self.name_word(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end >= range.end || self.is_possessive(end - 1) {
                    break;
                }
                if (self.name_word(end) || self.surname_title(end)) && !self.is_punct(end - 1, ',')
                {
                    // "Mark Dean", "Ann King": a title word after a first name is a surname.
                    end += 1;
                } else if self.is_punct(end, '.')
                    && self.glued(end - 1, end)
                    && self.word(end - 1).chars().count() == 1
                    && end + 1 < range.end
                    && self.name_word(end + 1)
                {
                    // An initial: "J. K. Rowling".
                    end += 2;
                } else if self.is_punct(end, '-')
                    && self.glued(end - 1, end)
                    && self.glued(end, end + 1)
                    && end + 1 < range.end
                    && self.name_word(end + 1)
                {
                    // "Jean-Claude", "Delacroix-Fenn".
                    end += 2;
                } else if let Some(next) = self.after_particles(end, range.end) {
                    // "van der Berg", "bin Salman", "al-Assad".
                    end = next;
                } else {
                    break;
                }
            }
            i = end;
            if self.is_org_name(start, end) {
                continue;
            }
            let possessive = self.is_possessive(end - 1) || self.is_apostrophe_after(end);
            runs.push((start..end, possessive));
        }
        runs
    }

    /// True when token `i` is a capitalised one-word title that also serves as a surname.
    fn surname_title(&self, i: usize) -> bool {
        self.capitalised(i)
            && self.hit_range(i).is_some_and(|r| r.len() == 1)
            && self
                .entries(i)
                .iter()
                .all(|e| e.category == Category::Title)
            && !self.capitalised(i + 1)
    }

    /// After one to three name particles starting at `at` (with hyphens: "al-"), the
    /// index past the capitalised word that ends them.
    fn after_particles(&self, at: usize, limit: usize) -> Option<usize> {
        let mut j = at;
        let mut particles = 0;
        while j < limit && particles < 3 && self.has(j, Category::NameParticle) && self.is_word(j) {
            j += 1;
            particles += 1;
            if self.is_punct(j, '-') && self.glued(j - 1, j) {
                j += 1;
            }
        }
        (particles > 0 && j < limit && self.name_word(j)).then_some(j + 1)
    }

    /// True when a capitalised run names an organisation or a thing: "the Stimson
    /// Center", "Stimson Center", "Beijing office".
    fn is_org_name(&self, start: usize, end: usize) -> bool {
        let next_is_org = self.capitalised(end)
            && self.entries(end).iter().any(|e| {
                matches!(
                    e.category,
                    Category::OrgWord | Category::NotPerson | Category::Organization
                )
            });
        // "the Growers' Union": look past a plural possessive.
        let org_after_apostrophe = self.is_apostrophe_after(end)
            && self.capitalised(end + 1)
            && self.has(end + 1, Category::OrgWord);
        // "the Tessaly foreign ministry", "the Trump administration": a run after "the"
        // qualifies something else.
        let after_the = start > 0 && self.lower_is(start - 1, &["the"]);
        next_is_org || org_after_apostrophe || after_the
    }

    /// True when token `i` is an apostrophe glued to the word before it (`Growers'`).
    fn is_apostrophe_after(&self, i: usize) -> bool {
        i > 0 && (self.is_punct(i, '\'') || self.is_punct(i, '’')) && self.glued(i - 1, i)
    }

    /// True when the token before `i` is a preposition: `a spokesman for Smith`.
    pub(crate) fn after_preposition(&self, i: usize) -> bool {
        i > 0 && self.lower_is(i - 1, PREPOSITIONS)
    }

    /// The person's name text of a run, without a possessive ending.
    pub(crate) fn name_text(&self, run: Range<usize>) -> String {
        let text = self.slice(run);
        for suffix in ["'s", "’s", "'", "’"] {
            if let Some(stripped) = text.strip_suffix(suffix) {
                return stripped.to_string();
            }
        }
        text.to_string()
    }

    /// True when token `i` may belong to a speaker phrase.
    fn phrase_token(&self, i: usize, stops: &[&str]) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        match t.kind {
            TokenKind::Word => {
                !self.lower_is(i, CLAUSE_WORDS)
                    && !self.lower_is(i, stops)
                    && !self.has(i, Category::SpeechVerb)
            }
            TokenKind::Number => true,
            TokenKind::Punct => {
                let c = self.word(i).chars().next().unwrap_or(' ');
                match c {
                    '-' | '&' => true,
                    // "the Growers' Union": a plural possessive.
                    '\'' | '’' => {
                        i > 0 && self.glued(i - 1, i) && self.word(i - 1).ends_with('s')
                    }
                    // A period inside an abbreviation or initial: "Dr.", "J.", "U.S.".
                    '.' => {
                        i > 0
                            && self.glued(i - 1, i)
                            && (self.hit_range(i).is_some()
                                || self.word(i - 1).chars().count() == 1)
                    }
                    _ => false,
                }
            }
        }
    }

    /// The phrase ending just before token `end`, walking left at most `max` tokens and
    /// never before token `floor`.
    pub(crate) fn phrase_before(&self, end: usize, floor: usize, max: usize) -> Range<usize> {
        let mut start = end;
        while start > floor
            && end - start < max
            && self.sentence(start - 1) == self.sentence(end.saturating_sub(1))
            && self.phrase_token(start - 1, &[])
        {
            start -= 1;
        }
        // Hits are whole: do not split a title or anonymous phrase in two.
        if let Some(r) = self.hit_range(start) {
            if r.start < start && r.start >= floor {
                start = r.start;
            }
        }
        start..end
    }

    /// The phrase starting at token `start`, walking right at most `max` tokens.
    pub(crate) fn phrase_after(&self, start: usize, max: usize) -> Range<usize> {
        let mut end = start;
        let sentence = self.sentence(start);
        while end < self.len()
            && end - start < max
            && self.sentence(end) == sentence
            && self.phrase_token(end, AFTER_CUE_STOPS)
        {
            end += 1;
        }
        if end > start {
            if let Some(r) = self.hit_range(end - 1) {
                if r.end > end && r.end - start <= max + 4 {
                    end = r.end;
                }
            }
        }
        start..end
    }
}
