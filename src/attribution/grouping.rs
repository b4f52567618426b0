//! Speakers into sources: names grouped (a bare surname joins the full name used
//! earlier), pronouns resolved to the latest fitting source, other phrases grouped by
//! their wording, and stated reasons for anonymity attached to the nearest anonymous
//! source.

use std::ops::Range;

use crate::lexicon::Category;
use crate::sources::SourceKind;
use crate::span::Span;
use crate::speakers::Speaker;

use super::keys::Lower;
use super::words::{DETERMINERS, FEMALE_HONORIFICS, MALE_HONORIFICS};
use super::{Acc, Builder, Gender};

// The tables of `Builder::keys`, by tag.
/// Named sources by lower-case name, and by lower-case surname once the name has one.
pub(super) const NAME: u8 = b'n';
/// Named sources by lower-case surname: the first source with it.
pub(super) const SURNAME: u8 = b's';
/// Other sources by lower-case wording: the tag plus the kind (`role_key`).
const ROLE: u8 = b'0';
/// Unnamed and anonymous sources by the head word of their role: the tag plus the
/// kind (`role_key`).
const HEAD: u8 = b'A';
/// The first full name of each lower-case surname, as an index into `full_runs`.
const FULL_NAME: u8 = b'f';

impl Builder<'_, '_> {
    pub(super) fn register(&mut self, speaker: &Speaker) -> Option<usize> {
        let ctx = self.ctx;
        let mention = ctx.span(speaker.range.clone());
        let index = if let Some(pronoun) = &speaker.pronoun {
            self.resolve(pronoun, speaker.range.start)?
        } else if let Some(run) = &speaker.name {
            let name = ctx.name_text(run.clone());
            let key = Lower::new(name);
            let key = key.bytes();
            let single = !name.contains(' ');
            let by_name = self.keys.get(NAME, key);
            // The surname's key, needed only when the name is not known as it is.
            let surname = match by_name {
                Some(_) => None,
                None => Some(Lower::new(last_word(name))),
            };
            let surname = surname.as_ref().map_or(&[][..], Lower::bytes);
            let found = by_name
                .or_else(|| self.keys.get(SURNAME, surname).filter(|_| single))
                .or_else(|| self.keys.get(NAME, surname));
            let index = match found {
                Some(i) => {
                    if !single
                        && self.sources[i]
                            .name
                            .is_some_and(|n| !n.text(ctx.text).contains(' '))
                    {
                        self.sources[i].name = Some(ctx.name_span(run.clone()));
                        self.keys.insert(NAME, key, i);
                    }
                    i
                }
                None => {
                    // A bare surname takes the full name used earlier in the text.
                    let earlier = if single {
                        self.full_name_before(surname, run.start)
                    } else {
                        None
                    };
                    let full = ctx.name_span(earlier.clone().unwrap_or(run.clone()));
                    let i = self.new_source(Some(full), SourceKind::Named);
                    if let Some(r) = earlier {
                        self.add_mention(i, ctx.span(r.clone()));
                        self.sources[i].description = ctx.describe(r);
                        // (Without an earlier full name, `full` is the name: `key`.)
                        self.keys
                            .insert(NAME, Lower::new(full.text(ctx.text)).bytes(), i);
                    }
                    self.keys.insert(NAME, key, i);
                    self.keys.insert_new(SURNAME, surname, i);
                    i
                }
            };
            if self.sources[index].description.is_none() {
                self.sources[index].description = speaker
                    .description
                    .clone()
                    .or_else(|| ctx.describe(run.clone()));
            }
            // "Mr Hale", "Ms Finch": the honorific tells which pronoun fits.
            let honorific = speaker.range.clone().find_map(|i| {
                if ctx.lower_is(i, MALE_HONORIFICS) {
                    Some(Gender::Male)
                } else if ctx.lower_is(i, FEMALE_HONORIFICS) {
                    Some(Gender::Female)
                } else {
                    None
                }
            });
            if let Some(g) = honorific {
                self.sources[index].gender.get_or_insert(g);
            }
            index
        } else {
            let description = speaker
                .description
                .as_ref()
                .map_or("", |d| d.as_str(ctx.text));
            let lower = Lower::new(description);
            let lower = lower.bytes();
            let stem = [&b"a "[..], b"an ", b"the "]
                .iter()
                .find_map(|d| lower.strip_prefix(*d))
                .unwrap_or(lower);
            // A role is keyed by its kind and wording.
            let (tag, key) = role_key(speaker.kind, stem);
            // "the spokesman" after "A Treasury spokesman": the role named before.
            let head = stem.rsplit(|&b| b == b' ').next().unwrap_or(b"");
            let head_tag = HEAD + speaker.kind as u8;
            let definite = lower.starts_with(b"the ") && !stem.contains(&b' ');
            let found = self
                .keys
                .get(tag, key)
                .or_else(|| definite.then(|| self.keys.get(head_tag, head)).flatten());
            match found {
                Some(i) => i,
                None => {
                    let i = self.new_source(None, speaker.kind);
                    self.sources[i].description = speaker.description.clone();
                    self.keys.insert(tag, key, i);
                    if matches!(speaker.kind, SourceKind::Unnamed | SourceKind::Anonymous) {
                        self.keys.insert(head_tag, head, i);
                    }
                    i
                }
            }
        };
        if self.sources[index].last_mention != Some(mention) && !mention.is_empty() {
            self.add_mention(index, mention);
        }
        let source = &mut self.sources[index];
        if speaker.kind == SourceKind::Anonymous && speaker.pronoun.is_none() {
            source.kind = SourceKind::Anonymous;
        }
        if let Some(reason) = &speaker.reason {
            source.reason.get_or_insert(ctx.span(reason.clone()));
        }
        match source.kind {
            SourceKind::Named => self.mention_person(index),
            SourceKind::Unnamed | SourceKind::Anonymous => {
                self.last_group = Some(index);
                // "a senior engineer", "the mayor" may be "he" or "she"; "officials",
                // "the skippers" may not.
                let singular = source.description.as_ref().is_some_and(|d| {
                    let d = d.as_str(ctx.text);
                    ["a ", "an ", "one "]
                        .iter()
                        .any(|p| starts_with_ignore_case(d, p))
                        || starts_with_ignore_case(d, "the ") && {
                            let head = d.split(|c: char| !c.is_alphanumeric()).nth(1);
                            let head = head.unwrap_or("");
                            !(head.ends_with('s') || head.ends_with('S'))
                        }
                });
                if singular {
                    self.mention_person(index);
                }
            }
            SourceKind::Organization | SourceKind::Document => self.last_org = Some(index),
        }
        Some(index)
    }

    /// The first multi-word name ending in `surname` before token `before`, outside
    /// quotations.
    pub(super) fn full_name_before(
        &mut self,
        surname: &[u8],
        before: usize,
    ) -> Option<Range<usize>> {
        self.index_full_names(before);
        self.keys
            .get(FULL_NAME, surname)
            .map(|k| self.full_runs[k].clone())
            .filter(|r| r.end <= before)
    }

    /// Indexes the full names (multi-word names outside quotations) that start before
    /// token `upto`, continuing where the previous call stopped: the first full name
    /// with a given surname that ends before a token starts before it, so the part of
    /// the text after the latest question is never read.
    fn index_full_names(&mut self, upto: usize) {
        let ctx = self.ctx;
        let len = ctx.len();
        while self.full_at < upto.min(len) {
            let Some((run, possessive)) = ctx.next_name_run(&mut self.full_at, len) else {
                break;
            };
            if run.len() < 2 || ctx.quoted(run.start) {
                continue;
            }
            let name = ctx.name_text(run.clone());
            if possessive || !name.contains(' ') {
                continue;
            }
            self.full_runs.push(run);
            let last = Lower::new(last_word(name));
            self.keys
                .insert_new(FULL_NAME, last.bytes(), self.full_runs.len() - 1);
        }
    }

    /// The latest full name before token `before`, outside quotations.
    fn latest_full_name(&mut self, before: usize) -> Option<Range<usize>> {
        self.index_full_names(before);
        let n = self.full_runs.partition_point(|r| r.end <= before);
        n.checked_sub(1).map(|i| self.full_runs[i].clone())
    }

    pub(super) fn new_source(&mut self, name: Option<Span>, kind: SourceKind) -> usize {
        self.sources.push(Acc {
            name,
            description: None,
            kind,
            last_mention: None,
            reason: None,
            gender: None,
        });
        self.sources.len() - 1
    }

    /// The source a pronoun at token `at` refers to.
    pub(super) fn resolve(&mut self, pronoun: &'static str, at: usize) -> Option<usize> {
        let ctx = self.ctx;
        match pronoun {
            "he" | "she" | "i" => {
                let gender = match pronoun {
                    "he" => Some(Gender::Male),
                    "she" => Some(Gender::Female),
                    _ => None,
                };
                // Every full name before `at` may be asked about below.
                self.index_full_names(at);
                let fits = |this: &Self, run: &Range<usize>| {
                    this.lookup(ctx.name_text(run.clone()))
                        .map_or(true, |i| gender_fits(this.sources[i].gender, gender))
                };
                let is_known = |this: &Self, run: &Range<usize>| {
                    let name = Lower::new(ctx.name_text(run.clone()));
                    let name = name.bytes();
                    this.lookup_lower(name).is_some()
                        || this
                            .keys
                            .get(FULL_NAME, name)
                            .is_some_and(|k| this.full_runs[k].end <= run.start)
                };
                // A person named earlier in the same sentence, outside quotations.
                let first = ctx.sentence_first(at);
                let first = first.max(at.saturating_sub(60));
                let run = ctx.name_runs(first..at).find(|(run, _)| {
                    !ctx.quoted(run.start)
                        && (run.len() > 1 || run.start > first || is_known(self, run))
                        && fits(self, run)
                });
                // Else the subject of the sentence before, a known speaker first.
                // The name runs of the sentence before, in a reused buffer.
                let mut runs = std::mem::take(&mut self.runs_buf);
                let run = run.or_else(|| {
                    let previous = ctx.sentence_first(first.checked_sub(1)?);
                    let previous = previous.max(first.saturating_sub(60));
                    runs.clear();
                    runs.extend(ctx.name_runs(previous..first).filter(|(run, possessive)| {
                        !possessive
                            && !ctx.quoted(run.start)
                            && !ctx.after_preposition(run.start)
                            && fits(self, run)
                    }));
                    let known = runs.iter().find(|(run, _)| is_known(self, run));
                    known
                        .or_else(|| {
                            // The subject: a name after nothing but titles and the like.
                            runs.first().filter(|(run, _)| {
                                (previous..run.start).all(|i| {
                                    ctx.capitalised(i)
                                        || ctx.is_punct(i, '-')
                                        || ctx.is_punct(i, '.')
                                        || ctx.lower_is(i, DETERMINERS)
                                        || ctx.has(i, Category::Title)
                                })
                            })
                        })
                        // Else a full name introduced there ("The chief of X, Simon
                        // Hale, apologised."); one word alone may be a place.
                        .or_else(|| runs.iter().find(|(run, _)| run.len() >= 2))
                        .cloned()
                });
                self.runs_buf = runs;
                let index = match run {
                    Some((run, _)) => {
                        let speaker = Speaker::named(run);
                        self.register(&speaker)
                    }
                    // Else the latest person who fits.
                    None => {
                        let recent = self
                            .recent_people
                            .latest_first()
                            .find(|&i| gender_fits(self.sources[i].gender, gender));
                        // Else the latest full name in the text, when it may be the one
                        // ("Agnes Whitford was the last to leave. [quoted paragraphs]
                        // ... she said").
                        match recent {
                            Some(i) => Some(i),
                            None => {
                                let run = self.latest_full_name(at).filter(|r| fits(self, r));
                                run.and_then(|run| self.register(&Speaker::named(run)))
                            }
                        }
                    }
                };
                if let (Some(i), Some(g)) = (index, gender) {
                    self.sources[i].gender.get_or_insert(g);
                }
                index
            }
            "they" => self.last_group.or(self.last.map(|(s, _)| s)),
            "it" => {
                if self.last_org.is_some() {
                    return self.last_org;
                }
                // "The airline cancelled 40 flights. It said ...": the organisation the
                // sentence before is about.
                let first = ctx.sentence_first(at);
                let previous = ctx.sentence_first(first.checked_sub(1)?);
                let mut subject = ctx.phrase_after(previous, 6);
                if let Some(verb) = subject.clone().skip(1).find(|&i| {
                    let w = ctx.word(i);
                    ctx.is_word(i) && !ctx.capitalised(i) && w.len() > 3 && w.ends_with("ed")
                }) {
                    subject.end = verb;
                }
                let speaker = ctx.classify(subject).filter(|s| {
                    matches!(s.kind, SourceKind::Organization | SourceKind::Document)
                        && s.name.is_none()
                })?;
                self.register(&speaker)
            }
            _ => self.last.map(|(s, _)| s),
        }
    }

    /// The named source with this name or surname.
    fn lookup(&self, name: &str) -> Option<usize> {
        self.lookup_lower(Lower::new(name).bytes())
    }

    /// `lookup` of a name in lower case.
    fn lookup_lower(&self, key: &[u8]) -> Option<usize> {
        self.keys.get(NAME, key).or_else(|| {
            (!key.contains(&b' '))
                .then(|| self.keys.get(SURNAME, key))
                .flatten()
        })
    }

    /// Notes a mention of source `i`.
    pub(super) fn add_mention(&mut self, i: usize, span: Span) {
        self.mentions.push((i, span));
        self.sources[i].last_mention = Some(span);
    }

    /// Notes a source that "he" or "she" may refer to next.
    fn mention_person(&mut self, index: usize) {
        self.recent_people.note(index);
    }

    /// Stated reasons for anonymity not next to a speaker join the nearest anonymous
    /// source of their sentence, or become one.
    pub(super) fn attach_reasons(&mut self) {
        if self.reasons.is_empty() {
            return;
        }
        let ctx = self.ctx;
        // An unnamed role withheld on purpose ("a spokesman, who declined to be named")
        // is anonymous too. (Ordered as by source, then mention, then start.)
        let mut anonymous: Vec<(usize, Span)> = self
            .mentions
            .iter()
            .filter(|&&(i, _)| {
                matches!(
                    self.sources[i].kind,
                    SourceKind::Anonymous | SourceKind::Unnamed
                )
            })
            .copied()
            .collect();
        anonymous.sort_by_key(|&(i, m)| (m.start, i));
        let mut taken: Vec<Span> = self.sources.iter().filter_map(|s| s.reason).collect();
        taken.sort();
        let reasons: Vec<Span> = std::mem::take(&mut self.reasons)
            .into_iter()
            .filter(|r| {
                // Reasons do not overlap each other: only the neighbours can overlap `r`.
                let k = taken.partition_point(|t| t.end <= r.start);
                !taken.get(k).is_some_and(|t| t.overlaps(*r))
            })
            .collect();
        for reason in reasons {
            let sentence = ctx.article.sentence_at(reason.start);
            let k = anonymous.partition_point(|&(_, m)| m.start < reason.start);
            let near = [k.checked_sub(1), Some(k)]
                .into_iter()
                .flatten()
                .filter_map(|i| anonymous.get(i))
                .find(|&&(_, m)| ctx.article.sentence_at(m.start) == sentence);
            match near {
                Some(&(i, _)) => {
                    self.sources[i].reason.get_or_insert(reason);
                    self.sources[i].kind = SourceKind::Anonymous;
                }
                None => {
                    let i = self.new_source(None, SourceKind::Anonymous);
                    self.add_mention(i, reason);
                    self.sources[i].reason = Some(reason);
                }
            }
        }
    }
}

/// The tag and key of a role of `kind` worded `stem` (lower case), as if keyed by the
/// text of the kind's digit and the wording, where `head:` then a word keys a role's
/// head word (`HEAD`).
fn role_key(kind: SourceKind, stem: &[u8]) -> (u8, &[u8]) {
    match stem.strip_prefix(b"head:") {
        Some(head) => (HEAD + kind as u8, head),
        None => (ROLE + kind as u8, stem),
    }
}

/// The last word of `s` (`s.split_whitespace().last()`, `""` for none), read from the end.
fn last_word(s: &str) -> &str {
    s.trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// True when `s` starts with `prefix`, ignoring ASCII case.
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// True when a source of gender `known` can be called by a pronoun of gender `wanted`.
fn gender_fits(known: Option<Gender>, wanted: Option<Gender>) -> bool {
    match (known, wanted) {
        (Some(k), Some(w)) => k == w,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::last_word;

    #[test]
    fn last_word_matches_split_whitespace() {
        for s in [
            "",
            " ",
            "Ruiz",
            "Ann Ruiz",
            "Ann  Ruiz ",
            " Jean-Claude van\u{a0}Damme",
            "Ann\u{2009}Ruiz\u{3000}",
            "\tÉmile\nZola\r\n",
            "a b c",
        ] {
            assert_eq!(
                last_word(s),
                s.split_whitespace().last().unwrap_or(""),
                "{s:?}"
            );
        }
    }
}
