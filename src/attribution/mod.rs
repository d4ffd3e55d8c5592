//! Attribution: who says so? Finds reporting frames ("X said", "said X",
//! "according to X", "X told reporters"), pairs quotations with speakers,
//! resolves "he"/"she" to the last named person, merges mentions of one
//! source, and decides for every sentence whether it is attributed to a named
//! source, a vague one, or none.
//!
//! `attribute` reads the sentences once, in order, then once more for
//! quotations. Each sentence is split into tokens (`tokens.rs`); its
//! reporting frames are found and each frame's subject classified
//! (`frames.rs`); a named subject is filed in the source book, which merges
//! the mentions of one source (`sources.rs`); a pronoun is resolved here, by
//! `Antecedents`, to the person or source named last. The word lists every
//! step consults are in `words.rs`. `QuotationSpeakers` remembers who speaks
//! each quotation; the second pass gives that speaker to the quotation's
//! other sentences, and gives a quotation that opens a sentence the speaker
//! of the sentence before it in the same paragraph.
//!
//! The stage reads every word of the article, so it is written to be cheap
//! per token: the word lists are hash tables built once, a token's lower
//! case and shape are computed once, and the sentence's lower case lives in
//! one buffer reused from sentence to sentence.

mod frames;
mod sources;
mod tokens;
mod words;

pub(crate) use words::{is_reporting_verb, WordList};

use frames::{frames, person_mentions, Frame, Subject};
use sources::{complete_surnames, SourceBook};
use tokens::{ascii_lowercase_into, tokenize};

use crate::segment::{OverlapCursor, Quotation, Segments};
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    Named,
    Vague,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Person,
    Organisation,
    Document,
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    /// Byte ranges of each mention as a source.
    pub mentions: Vec<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SentenceAttribution {
    pub attribution: Attribution,
    /// Index into `Analysis::sources`.
    pub source: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Analysis {
    pub sentences: Vec<SentenceAttribution>,
    pub sources: Vec<Source>,
    /// Per quotation (same order as `Segments::quotations`): whether a speaker was found.
    pub quotation_has_speaker: Vec<bool>,
}

/// Attribute every sentence. `vague_flag_sentences[i]` says whether a
/// vague-attribution lexicon flag falls in sentence `i`.
pub fn attribute(
    text: &str,
    segments: &Segments,
    vague_flag_sentences: &[bool],
    headline: Option<&Range<usize>>,
) -> Analysis {
    let mut book = SourceBook::default();
    let mut antecedents = Antecedents::default();
    let mut speakers = QuotationSpeakers::new(&segments.quotations);
    let mut sentences = Vec::with_capacity(segments.sentences.len());
    let mut lower_buffer = String::new();
    let mut quotations_in = OverlapCursor::new(&segments.top_level);
    for (i, sentence) in segments.sentences.iter().enumerate() {
        let mut attributed = SentenceAttribution {
            attribution: Attribution::None,
            source: None,
        };
        if headline == Some(&sentence.range) {
            sentences.push(attributed);
            continue;
        }
        let in_sentence = quotations_in.overlapping(&sentence.range);
        // One buffer for every sentence's lower case: the tokens borrow it
        // only until the next sentence.
        let lower = ascii_lowercase_into(&text[sentence.range.clone()], &mut lower_buffer);
        let tokens = tokenize(text, sentence.range.clone(), lower);
        let mentions = person_mentions(text, &tokens, in_sentence);
        for frame in frames(text, &tokens, in_sentence) {
            antecedents.mentioned_before(&mentions, frame.range.start);
            cite(frame, &mut attributed, &mut book, &mut antecedents);
        }
        if attributed.attribution == Attribution::None
            && vague_flag_sentences.get(i).copied().unwrap_or(false)
        {
            attributed.attribution = Attribution::Vague;
        }
        speakers.heard(in_sentence, &attributed);
        antecedents.mentioned(&mentions);
        sentences.push(attributed);
    }
    speakers.carry(segments, &mut sentences);
    complete_surnames(text, &mut book.sources);
    Analysis {
        sentences,
        sources: book.sources,
        quotation_has_speaker: speakers.found(&segments.quotations),
    }
}

/// Files one frame's subject: a named source in the book, a pronoun as the
/// source it stands for, a vague source as vague. The sentence's source is
/// the first it names; a vague one counts only while none is named.
fn cite(
    frame: Frame,
    sentence: &mut SentenceAttribution,
    book: &mut SourceBook,
    antecedents: &mut Antecedents,
) {
    let named = sentence.attribution == Attribution::Named;
    match frame.subject {
        Subject::Named { name, kind } => {
            let index = book.add(&name, kind, frame.range);
            antecedents.cited(index, kind);
            if !named {
                sentence.attribution = Attribution::Named;
                sentence.source = Some(index);
            }
        }
        Subject::Pronoun { person } if !named => {
            if let Some(index) = antecedents.resolve(person, book) {
                book.sources[index].mentions.push(frame.range);
                sentence.attribution = Attribution::Named;
                sentence.source = Some(index);
            }
        }
        // A pronoun in a sentence already attributed adds nothing.
        Subject::Pronoun { .. } => {}
        Subject::Vague(name) => {
            book.add(&name, SourceKind::Vague, frame.range);
            if sentence.attribution == Attribution::None {
                sentence.attribution = Attribution::Vague;
            }
        }
    }
}

/// Whom "he", "she" and "it" stand for: "he" or "she" is the person named
/// most recently before it, cited as a source or only mentioned; "it" is the
/// source cited last, of any kind.
#[derive(Default)]
struct Antecedents {
    /// The person cited last (an index into the book).
    person: Option<usize>,
    /// The source cited last, of any kind.
    source: Option<usize>,
    /// The person named last anywhere, cited or not: the name and where it
    /// is written.
    mentioned: Option<(String, usize)>,
}

impl Antecedents {
    fn cited(&mut self, index: usize, kind: SourceKind) {
        if kind == SourceKind::Person {
            self.person = Some(index);
        }
        self.source = Some(index);
    }

    /// Before a frame at `at`: the last of the sentence's people named
    /// before it.
    fn mentioned_before(&mut self, mentions: &[(String, Range<usize>)], at: usize) {
        if let Some((name, range)) = mentions.iter().rev().find(|(_, m)| m.end <= at) {
            self.mentioned = Some((name.clone(), range.start));
        }
    }

    /// After a sentence: the last person it names, unless one named later
    /// is known already.
    fn mentioned(&mut self, mentions: &[(String, Range<usize>)]) {
        if let Some((name, range)) = mentions.last() {
            if self
                .mentioned
                .as_ref()
                .is_none_or(|(_, seen)| *seen < range.start)
            {
                self.mentioned = Some((name.clone(), range.start));
            }
        }
    }

    /// The source a pronoun stands for. A person mentioned after the last
    /// one cited becomes a source here, and the one "he" or "she" means.
    fn resolve(&mut self, person: bool, book: &mut SourceBook) -> Option<usize> {
        if !person {
            return self.source;
        }
        let cited_at = self
            .person
            .map(|i| book.sources[i].mentions.last().map_or(0, |m| m.start));
        match &self.mentioned {
            Some((name, at)) if cited_at.is_none_or(|c| *at > c) => {
                let index = book.intern(name, SourceKind::Person);
                self.person = Some(index);
                self.source = Some(index);
                Some(index)
            }
            _ => self.person,
        }
    }
}

/// Per quotation group (numbered densely by the segmenter; a quotation
/// continued across paragraphs is one group): its speaker's attribution and
/// source, once known. The two are filled in separately, each by the first
/// sentence that has one.
struct QuotationSpeakers {
    attribution: Vec<Option<Attribution>>,
    source: Vec<Option<usize>>,
}

impl QuotationSpeakers {
    fn new(quotations: &[Quotation]) -> Self {
        let groups = quotations.iter().map(|q| q.group + 1).max().unwrap_or(0);
        QuotationSpeakers {
            attribution: vec![None; groups],
            source: vec![None; groups],
        }
    }

    /// A sentence's speaker speaks every quotation in the sentence.
    fn heard(&mut self, quotations: &[Quotation], sentence: &SentenceAttribution) {
        if sentence.attribution == Attribution::None {
            return;
        }
        for q in quotations {
            self.attribution[q.group].get_or_insert(sentence.attribution);
            if let Some(s) = sentence.source {
                self.source[q.group].get_or_insert(s);
            }
        }
    }

    /// The second pass, in order: a sentence inside a quotation whose
    /// speaker is named elsewhere ("“First. Second,” she said."), and a
    /// quotation that follows its speaker's sentence in the same paragraph
    /// ("Keller said. “…”").
    fn carry(&mut self, segments: &Segments, sentences: &mut [SentenceAttribution]) {
        let mut quotations_in = OverlapCursor::new(&segments.top_level);
        for (i, sentence) in segments.sentences.iter().enumerate() {
            if sentences[i].attribution != Attribution::None {
                continue;
            }
            let Some(quotation) = quotations_in.overlapping(&sentence.range).first() else {
                continue;
            };
            let group = quotation.group;
            if let Some(attribution) = self.attribution[group] {
                sentences[i] = SentenceAttribution {
                    attribution,
                    source: self.source[group],
                };
                continue;
            }
            let opens_with_quote = quotation.range.start == sentence.range.start;
            let previous = i
                .checked_sub(1)
                .map(|p| (&segments.sentences[p], &sentences[p]));
            if let Some((prev, attributed)) = previous {
                if opens_with_quote
                    && prev.paragraph == sentence.paragraph
                    && attributed.attribution != Attribution::None
                {
                    let carried = attributed.clone();
                    self.attribution[group] = Some(carried.attribution);
                    if let Some(source) = carried.source {
                        self.source[group] = Some(source);
                    }
                    sentences[i] = carried;
                }
            }
        }
    }

    /// Per quotation: whether its speaker is known.
    fn found(&self, quotations: &[Quotation]) -> Vec<bool> {
        quotations
            .iter()
            .map(|q| self.attribution[q.group].is_some())
            .collect()
    }
}

/// Helpers for the tests beside each part: attribution of a plain text
/// whose paragraphs are separated by blank lines.
#[cfg(test)]
mod testing {
    use super::*;
    use crate::segment::{paragraphs_between_blank_lines, segment};

    pub(super) fn run(text: &str) -> (Analysis, Segments) {
        let segments = segment(text, &paragraphs_between_blank_lines(text), None);
        let none = vec![false; segments.sentences.len()];
        (attribute(text, &segments, &none, None), segments)
    }

    pub(super) fn attributions(text: &str) -> Vec<(Attribution, Option<String>)> {
        let (analysis, _) = run(text);
        analysis
            .sentences
            .iter()
            .map(|s| {
                (
                    s.attribution,
                    s.source.map(|i| analysis.sources[i].name.clone()),
                )
            })
            .collect()
    }

    /// Each sentence's attribution.
    pub(super) fn kinds(analysis: &Analysis) -> Vec<Attribution> {
        analysis.sentences.iter().map(|s| s.attribution).collect()
    }

    pub(super) fn named(name: &str) -> (Attribution, Option<String>) {
        (Attribution::Named, Some(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{attributions, kinds, named, run};
    use super::*;

    #[test]
    fn a_pronoun_is_the_person_named_last_even_if_not_yet_cited() {
        let text = "Keller said the port was shut. Councillor Tom Whitcombe spoke next. He told the meeting it was a disgrace.";
        assert_eq!(attributions(text)[2], named("Tom Whitcombe"));
    }

    #[test]
    fn a_quotation_speaker_covers_every_sentence_of_the_quotation() {
        let text =
            "“We waited all night. Nobody came. Then the water rose,” said Dr. Priya Natarajan.";
        let (analysis, segments) = run(text);
        assert_eq!(segments.sentences.len(), 3);
        assert!(analysis
            .sentences
            .iter()
            .all(|s| s.attribution == Attribution::Named));
        assert_eq!(analysis.sources[0].name, "Priya Natarajan");
    }

    #[test]
    fn a_quotation_after_its_speakers_sentence_is_theirs() {
        let text = "“Stay calm,” Dahl said. “If this runs on, shelves empty. Who pays for that?” The weather was mild.";
        assert_eq!(
            kinds(&run(text).0),
            [
                Attribution::Named,
                Attribution::Named,
                Attribution::Named,
                Attribution::None
            ]
        );
    }
}
