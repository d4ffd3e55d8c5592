//! Slant's analysis core. Plain Rust, deterministic, no wasm types: the WASM
//! boundary (`wasm.rs`) and the CLI (`main.rs`) are thin fronts over
//! [`analyze`]. The pipeline reads top-down:
//!
//! input → metadata → segmentation → lexicon matching → context rules and
//! attribution → report (where byte offsets become UTF-16 offsets, once).

pub mod attribution;
pub mod category;
mod chars;
mod hash;
pub mod input;
pub mod lexicon;
pub mod metadata;
pub mod options;
mod order;
pub mod report;
pub mod rules;
mod scan;
pub mod segment;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use category::{Category, Kind};
pub use input::InputKind;
pub use options::{CustomTerm, Options};
pub use report::Report;

use attribution::Attribution;
use lexicon::{EntryRef, Hit, Matcher};
use rules::Flag;
use std::ops::Range;

/// Inputs above this size are refused rather than analysed slowly.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnalyzeError {
    TooLarge { bytes: usize },
}

impl std::fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnalyzeError::TooLarge { bytes } => write!(
                f,
                "the text is {:.1} MB; Slant analyses up to {} MB at a time — split it into parts",
                *bytes as f64 / 1_048_576.0,
                MAX_INPUT_BYTES / 1_048_576
            ),
        }
    }
}

impl std::error::Error for AnalyzeError {}

pub fn analyze(input: &str, options: &Options) -> Result<Report, AnalyzeError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(AnalyzeError::TooLarge { bytes: input.len() });
    }
    let document = input::read(input, options.input);
    let text = document.text.as_str();
    let segments = segment::segment(text, &document.prose, document.headline.as_ref());

    let mut flags = lexicon_flags(text, &segments.paragraphs, options);
    let vague_sentences = sentences_with(&segments.sentences, &flags, Category::VagueAttribution);
    let analysis = attribution::attribute(
        text,
        &segments,
        &vague_sentences,
        document.headline.as_ref(),
    );

    flags.extend(rules::scare_quotes::find(
        text,
        &segments.quotations,
        &analysis.quotation_has_speaker,
    ));
    rules::in_quotation::mark(&mut flags, &segments.top_level);
    rules::neutral_so_called::apply(text, &mut flags);
    let mut quotations_in = segment::OverlapCursor::new(&segments.top_level);
    let unattributed: Vec<Range<usize>> = segments
        .sentences
        .iter()
        .zip(&analysis.sentences)
        .filter(|(s, a)| {
            a.attribution == Attribution::None
                && document.headline.as_ref() != Some(&s.range)
                && quotations_in.overlapping(&s.range).is_empty()
        })
        .map(|(s, _)| s.range.clone())
        .collect();
    flags.extend(rules::unattributed_claim::find(text, &unattributed));
    rules::repeated_paragraph::apply(text, &segments.paragraphs, &mut flags);

    flags.retain(|f| options.enabled(f.category));
    order::sort_by_key(&mut flags, |f| order::pair(f.range.start, f.range.end));
    Ok(report::build(document, &segments, flags, analysis))
}

/// Lexicon hits inside the prose, as flags; the reader's own terms first.
fn lexicon_flags(text: &str, paragraphs: &[Range<usize>], options: &Options) -> Vec<Flag> {
    let mut hits = Vec::new();
    if !options.custom_terms.is_empty() {
        let custom = Matcher::new(
            options
                .custom_terms
                .iter()
                .enumerate()
                .map(|(i, t)| (t.term.clone(), EntryRef::Custom(i))),
        );
        hits.extend(custom.find(text));
    }
    let custom_ranges: Vec<Range<usize>> = hits.iter().map(|h: &Hit| h.range.clone()).collect();
    hits.extend(Matcher::builtin().find(text).into_iter().filter(|h| {
        !custom_ranges
            .iter()
            .any(|r| r.start < h.range.end && h.range.start < r.end)
    }));
    order::sort_by_key(&mut hits, |h| h.range.start as u64);

    // Both lists are in text order: walk them together.
    let mut flags = Vec::with_capacity(hits.len());
    let mut p = 0;
    for hit in hits {
        while p < paragraphs.len() && paragraphs[p].end <= hit.range.start {
            p += 1;
        }
        let Some(paragraph) = paragraphs.get(p) else {
            break;
        };
        if hit.range.start < paragraph.start || hit.range.end > paragraph.end {
            continue;
        }
        flags.push(match hit.entry {
            EntryRef::Builtin(i) => {
                let entry = lexicon::entry(i);
                Flag {
                    range: hit.range,
                    category: entry.category,
                    severity: entry.severity,
                    message: entry.why.into(),
                    alternative: entry.alternative.map(Into::into),
                    in_quotation: false,
                }
            }
            EntryRef::Custom(i) => {
                let term = &options.custom_terms[i];
                Flag {
                    range: hit.range,
                    category: term.category,
                    severity: 2,
                    message: term.note.clone().map_or(
                        "On your own list of terms to watch.".into(),
                        std::borrow::Cow::Owned,
                    ),
                    alternative: None,
                    in_quotation: false,
                }
            }
        });
    }
    flags
}

/// For each sentence, whether a flag of `category` falls in it. Both lists
/// are in text order, so one walk does it.
fn sentences_with(
    sentences: &[segment::Sentence],
    flags: &[Flag],
    category: Category,
) -> Vec<bool> {
    let mut starts = flags
        .iter()
        .filter(|f| f.category == category)
        .map(|f| f.range.start)
        .peekable();
    sentences
        .iter()
        .map(|s| {
            while starts.next_if(|&start| start < s.range.start).is_some() {}
            starts.peek().is_some_and(|&start| start < s.range.end)
        })
        .collect()
}
