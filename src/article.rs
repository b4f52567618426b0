//! The [`Article`]: the text, its metadata, and its layout (paragraphs, sentences,
//! tokens, lexicon hits, quotation marks), computed once on first use.

use std::sync::Arc;

use once_cell::sync::OnceCell;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::marks::{Quotation, QuoteMark};
use crate::scan::{self, Scan};
use crate::segment;
use crate::span::Span;

/// Optional facts about an article that the report carries along.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Byline ("By Jane Doe").
    pub byline: Option<String>,
    /// Publication date as given (ISO 8601 is best).
    pub published: Option<String>,
    /// Where the article lives.
    pub url: Option<String>,
    /// An identifier of the caller's (a corpus id).
    pub id: Option<String>,
}

/// An article: owns its text and, once asked, its layout and scan.
///
/// ```
/// use copydesk::Article;
/// let article = Article::new("Dr. Ruth Amos said the plan was dead. \"It is over,\" she said.");
/// assert_eq!(article.sentences().len(), 2);
/// assert_eq!(article.sentence_text(0), "Dr. Ruth Amos said the plan was dead.");
/// assert_eq!(article.quotations().len(), 1);
/// ```
#[derive(Debug)]
pub struct Article {
    text: String,
    metadata: Metadata,
    lexicon: Arc<Lexicon>,
    layout: OnceCell<Layout>,
}

/// Everything computed from the text in the one pass.
#[derive(Debug)]
pub(crate) struct Layout {
    pub(crate) paragraphs: Vec<Span>,
    pub(crate) sentences: Vec<Span>,
    pub(crate) sentence_paragraph: Vec<u32>,
    pub(crate) scan: Scan,
    pub(crate) marks: Vec<QuoteMark>,
    pub(crate) quotations: Vec<Quotation>,
    /// Indices of the outermost (depth 0) quotations, for [`Article::quotation_at`].
    pub(crate) outermost: Vec<u32>,
    pub(crate) words: usize,
}

impl Article {
    /// An article with the built-in lexicon and no metadata.
    pub fn new(text: impl Into<String>) -> Article {
        Article {
            text: text.into(),
            metadata: Metadata::default(),
            lexicon: Lexicon::default_shared(),
            layout: OnceCell::new(),
        }
    }

    /// A builder for an article with metadata, a custom lexicon, or a size limit.
    pub fn builder(text: impl Into<String>) -> ArticleBuilder {
        ArticleBuilder {
            text: text.into(),
            metadata: Metadata::default(),
            lexicon: None,
            max_bytes: None,
        }
    }

    /// The text, as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The metadata given to the builder.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// The lexicon the article is scanned with.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub(crate) fn layout(&self) -> &Layout {
        self.layout
            .get_or_init(|| Layout::compute(&self.text, &self.lexicon))
    }

    /// Paragraphs: runs of text separated by line breaks (`\n`, `\r\n` or `\r`), without
    /// their surrounding white space. Blank lines are not paragraphs.
    pub fn paragraphs(&self) -> &[Span] {
        &self.layout().paragraphs
    }

    /// Sentences, in order; a sentence never crosses a paragraph.
    pub fn sentences(&self) -> &[Span] {
        &self.layout().sentences
    }

    /// The paragraph index of sentence `sentence` (0 when out of range).
    pub fn paragraph_of_sentence(&self, sentence: usize) -> usize {
        self.layout()
            .sentence_paragraph
            .get(sentence)
            .map_or(0, |&p| p as usize)
    }

    /// The index of the paragraph holding byte `offset`, or the last one before it.
    pub fn paragraph_at(&self, offset: usize) -> usize {
        let paragraphs = self.paragraphs();
        paragraphs
            .partition_point(|p| p.start <= offset)
            .saturating_sub(1)
    }

    /// The index of the sentence holding byte `offset`, or the last one before it.
    pub fn sentence_at(&self, offset: usize) -> usize {
        let sentences = self.sentences();
        sentences
            .partition_point(|s| s.start <= offset)
            .saturating_sub(1)
    }

    /// The text of paragraph `index` (`""` when out of range).
    pub fn paragraph_text(&self, index: usize) -> &str {
        self.paragraphs()
            .get(index)
            .map_or("", |s| s.text(&self.text))
    }

    /// The text of sentence `index` (`""` when out of range).
    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences()
            .get(index)
            .map_or("", |s| s.text(&self.text))
    }

    /// The text a span covers (`""` when it does not fit).
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// The tokens and lexicon hits, computed on first use and shared by all analyzers.
    pub fn scan(&self) -> &Scan {
        &self.layout().scan
    }

    /// Every quotation mark with its role (open, close, apostrophe, stray).
    pub fn quote_marks(&self) -> &[QuoteMark] {
        &self.layout().marks
    }

    /// Quoted regions, sorted by start; nested ones follow the one they are in.
    pub fn quotations(&self) -> &[Quotation] {
        &self.layout().quotations
    }

    /// The outermost quotation holding byte `offset`, if any.
    pub fn quotation_at(&self, offset: usize) -> Option<&Quotation> {
        let layout = self.layout();
        // Outermost quotations do not overlap each other: binary search their index (a
        // walk back over the nested ones would be quadratic for thousands of them).
        let outermost = &layout.outermost;
        let i = outermost.partition_point(|&q| layout.quotations[q as usize].span.start <= offset);
        let last = *outermost.get(i.checked_sub(1)?)?;
        layout
            .quotations
            .get(last as usize)
            .filter(|q| q.span.contains_offset(offset))
    }

    /// Number of words (word and number tokens).
    pub fn word_count(&self) -> usize {
        self.layout().words
    }
}

impl Layout {
    fn compute(text: &str, lexicon: &Arc<Lexicon>) -> Layout {
        // Offsets are kept in 32 bits: only the first 4 GiB are analyzed.
        let text = &text[..crate::span::floor_char_boundary(text, scan::MAX_TEXT)];
        let scan::Tokenized {
            tokens,
            words,
            paragraphs,
            marks_and_terminators,
            quote_marks,
            terminators,
        } = scan::tokenize(text);
        let (hits, hit_starts) = scan::find_hits(text, lexicon, &tokens);
        let (marks, quotations) = crate::marks::find(
            text,
            &tokens,
            &paragraphs,
            &marks_and_terminators,
            quote_marks,
        );
        let mut scan = Scan {
            tokens: Vec::new(),
            hits,
            hit_starts,
            sentences: scan::SentenceIndex::default(),
            lexicon: Some(Arc::clone(lexicon)),
        };
        // The scan holds the tokens while sentences are found (they read its word
        // lookups), then each token learns its sentence.
        scan.tokens = tokens;
        // A sentence ends at a terminator or at the end of its paragraph.
        let most_sentences = terminators + paragraphs.len();
        let segment::Sentences {
            spans: sentences,
            paragraphs: sentence_paragraph,
            first_tokens,
        } = segment::sentences(
            text,
            &paragraphs,
            &scan.tokens,
            &scan,
            &marks,
            &marks_and_terminators,
            most_sentences,
        );
        scan.sentences = scan::SentenceIndex::from_first_tokens(first_tokens, scan.tokens.len());
        let mut outermost = Vec::with_capacity(quotations.len());
        outermost
            .extend((0..quotations.len() as u32).filter(|&q| quotations[q as usize].depth == 0));
        Layout {
            paragraphs,
            sentences,
            sentence_paragraph,
            scan,
            marks,
            quotations,
            outermost,
            words,
        }
    }
}

/// Builds an [`Article`] with metadata, a custom lexicon, or a size limit.
#[derive(Debug)]
pub struct ArticleBuilder {
    text: String,
    metadata: Metadata,
    lexicon: Option<Arc<Lexicon>>,
    max_bytes: Option<usize>,
}

impl ArticleBuilder {
    /// Sets the headline.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.metadata.title = Some(title.into());
        self
    }

    /// Sets the byline.
    pub fn byline(mut self, byline: impl Into<String>) -> Self {
        self.metadata.byline = Some(byline.into());
        self
    }

    /// Sets the publication date.
    pub fn published(mut self, published: impl Into<String>) -> Self {
        self.metadata.published = Some(published.into());
        self
    }

    /// Sets the URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.metadata.url = Some(url.into());
        self
    }

    /// Sets the caller's identifier.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.metadata.id = Some(id.into());
        self
    }

    /// Uses a custom lexicon (see [`crate::LexiconBuilder`]).
    pub fn lexicon(mut self, lexicon: impl Into<Arc<Lexicon>>) -> Self {
        self.lexicon = Some(lexicon.into());
        self
    }

    /// Refuses text longer than `limit` bytes with [`Error::TooLarge`]. By default there
    /// is no limit: time and memory grow linearly with the text.
    pub fn max_bytes(mut self, limit: usize) -> Self {
        self.max_bytes = Some(limit);
        self
    }

    /// The article, or [`Error::TooLarge`] when the text is over the limit.
    pub fn build(self) -> Result<Article> {
        if let Some(limit) = self.max_bytes {
            if self.text.len() > limit {
                return Err(Error::TooLarge {
                    size: self.text.len(),
                    limit,
                });
            }
        }
        Ok(Article {
            text: self.text,
            metadata: self.metadata,
            lexicon: self.lexicon.unwrap_or_else(Lexicon::default_shared),
            layout: OnceCell::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_index_agrees_with_the_sentence_spans() {
        let texts = [
            "",
            "One. Two!\n\n\u{1}\u{2}\n\"Three?\" she asked. (Four.) Five...",
            "\u{7}\n\nDr. Vale said 3.5 percent. U.S. officials left. A. B. Cole spoke.",
            "“Quoted,” he said.\r\n\r\n— A dash. Then 1. Then 2.\u{0}\u{0}",
        ];
        for text in texts {
            let article = Article::new(text);
            let scan = article.scan();
            let reference = scan::SentenceIndex::new(scan.tokens(), article.sentences());
            for t in 0..scan.tokens().len() {
                assert_eq!(scan.sentence_of(t), reference.of(t), "{text:?} token {t}");
            }
        }
    }
}
