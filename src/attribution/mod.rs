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
//! the mentions of one source (`sources.rs`); a pronoun is resolved here, to
//! the person or source named last. The word lists every step consults are
//! in `words.rs`. The second pass gives a quotation's speaker to the
//! quotation's other sentences, and to a quotation that follows its
//! speaker's sentence in the same paragraph.
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

use frames::{frames, person_mentions, Subject};
use sources::{complete_surnames, SourceBook};
use tokens::{ascii_lowercase_into, tokenize};

use crate::segment::{OverlapCursor, Segments};
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    Named,
    Vague,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    let mut sentences = Vec::with_capacity(segments.sentences.len());
    let mut last_person: Option<usize> = None;
    let mut last_named: Option<usize> = None;
    // The latest person named anywhere (name, byte offset), cited or not.
    let mut last_mentioned: Option<(String, usize)> = None;
    let top_level = &segments.top_level;
    // Per quotation group (numbered densely by the segmenter): its speaker's
    // attribution and source, once known.
    let groups = segments
        .quotations
        .iter()
        .map(|q| q.group + 1)
        .max()
        .unwrap_or(0);
    let mut group_speaker: Vec<Option<Attribution>> = vec![None; groups];
    let mut group_source: Vec<Option<usize>> = vec![None; groups];
    let mut lower_buffer = String::new();
    let mut quotations_in = OverlapCursor::new(top_level);

    for (i, sentence) in segments.sentences.iter().enumerate() {
        if headline == Some(&sentence.range) {
            sentences.push(SentenceAttribution {
                attribution: Attribution::None,
                source: None,
            });
            continue;
        }
        let in_sentence = quotations_in.overlapping(&sentence.range);
        let mut attribution = Attribution::None;
        let mut source = None;
        // One buffer for every sentence's lower case: the tokens borrow it
        // only until the next sentence.
        let lower = ascii_lowercase_into(&text[sentence.range.clone()], &mut lower_buffer);
        let tokens = tokenize(text, sentence.range.clone(), lower);
        let mentions = person_mentions(text, &tokens, in_sentence);
        for frame in frames(text, &tokens, in_sentence) {
            if let Some((name, at)) = mentions
                .iter()
                .rev()
                .find(|(_, at)| at.end <= frame.range.start)
            {
                last_mentioned = Some((name.clone(), at.start));
            }
            match frame.subject {
                Subject::Named { name, kind } => {
                    let index = book.add(&name, kind, frame.range.clone());
                    if kind == SourceKind::Person {
                        last_person = Some(index);
                    }
                    last_named = Some(index);
                    if attribution != Attribution::Named {
                        attribution = Attribution::Named;
                        source = Some(index);
                    }
                }
                Subject::Pronoun { person } => {
                    // "he" is the person named most recently before it, cited or not.
                    let cited_at =
                        last_person.map(|i| book.sources[i].mentions.last().map_or(0, |m| m.start));
                    let newer_mention = last_mentioned
                        .as_ref()
                        .filter(|(_, at)| cited_at.is_none_or(|c| *at > c))
                        .map(|(name, _)| name.clone());
                    let resolved = match newer_mention {
                        Some(name) if person && attribution != Attribution::Named => {
                            let index = book.intern(&name, SourceKind::Person);
                            last_person = Some(index);
                            last_named = Some(index);
                            Some(index)
                        }
                        _ if person => last_person,
                        _ => last_named,
                    };
                    if let Some(index) = resolved.filter(|_| attribution != Attribution::Named) {
                        book.sources[index].mentions.push(frame.range.clone());
                        attribution = Attribution::Named;
                        source = Some(index);
                    }
                }
                Subject::Vague(name) => {
                    book.add(&name, SourceKind::Vague, frame.range.clone());
                    if attribution == Attribution::None {
                        attribution = Attribution::Vague;
                    }
                }
            }
        }
        if attribution == Attribution::None && vague_flag_sentences.get(i).copied().unwrap_or(false)
        {
            attribution = Attribution::Vague;
        }
        // A quotation's speaker attributes every sentence of the quotation.
        for q in in_sentence {
            if attribution != Attribution::None {
                group_speaker[q.group].get_or_insert(attribution);
                if let Some(s) = source {
                    group_source[q.group].get_or_insert(s);
                }
            }
        }
        if let Some((name, at)) = mentions.last() {
            if last_mentioned
                .as_ref()
                .is_none_or(|(_, seen)| *seen < at.start)
            {
                last_mentioned = Some((name.clone(), at.start));
            }
        }
        sentences.push(SentenceAttribution {
            attribution,
            source,
        });
    }

    let mut quotations_in = OverlapCursor::new(top_level);
    // Second pass, in order: a sentence inside a quotation whose speaker is
    // named elsewhere ("“First. Second,” she said."), and a quotation that
    // follows its speaker's sentence in the same paragraph ("Keller said. “…”").
    for (i, sentence) in segments.sentences.iter().enumerate() {
        if sentences[i].attribution != Attribution::None {
            continue;
        }
        let Some(quotation) = quotations_in.overlapping(&sentence.range).first() else {
            continue;
        };
        if let Some(attribution) = group_speaker[quotation.group] {
            sentences[i] = SentenceAttribution {
                attribution,
                source: group_source[quotation.group],
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
                group_speaker[quotation.group] = Some(carried.attribution);
                if let Some(source) = carried.source {
                    group_source[quotation.group] = Some(source);
                }
                sentences[i] = carried;
            }
        }
    }

    complete_surnames(text, &mut book.sources);
    let quotation_has_speaker = segments
        .quotations
        .iter()
        .map(|q| group_speaker[q.group].is_some())
        .collect();
    Analysis {
        sentences,
        sources: book.sources,
        quotation_has_speaker,
    }
}

/// Helpers for the tests beside each part: attribution of a plain text
/// whose paragraphs are separated by blank lines.
#[cfg(test)]
mod testing {
    use super::*;
    use crate::segment::segment;

    pub(super) fn run(text: &str) -> (Analysis, Segments) {
        let prose: Vec<Range<usize>> = {
            let mut out = Vec::new();
            let mut start = 0;
            for part in text.split("\n\n") {
                out.push(start..start + part.len());
                start += part.len() + 2;
            }
            out
        };
        let segments = segment(text, &prose, None);
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

    pub(super) fn named(name: &str) -> (Attribution, Option<String>) {
        (Attribution::Named, Some(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{attributions, named, run};
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
        let kinds: Vec<Attribution> = run(text)
            .0
            .sentences
            .iter()
            .map(|s| s.attribution)
            .collect();
        assert_eq!(
            kinds,
            [
                Attribution::Named,
                Attribution::Named,
                Attribution::Named,
                Attribution::None
            ]
        );
    }
}
