//! Slant's analysis core. Plain Rust, deterministic, no wasm types: the WASM
//! boundary (`wasm.rs`) and the CLI (`main.rs`) are thin fronts over
//! [`analyze`]. The pipeline reads top-down:
//!
//! input → metadata → segmentation → language → detectors (the reader's
//! terms, the curated lexicon, the learned model) → attribution → context
//! rules → report (where byte offsets become UTF-16 offsets, once).
//!
//! Text that is not English ([`language::guess`]) gets the reader's own
//! terms only: the lexicons, the learned model, the attribution of sentences
//! and the context rules all read English words and English grammar.
//!
//! Where to add things: a detector is a type implementing
//! [`detect::Detector`] and an entry in `DETECTORS` below; a context rule is
//! a file in `rules/` and a row in [`rules::RULES`]; a category is a row in
//! `category.rs` plus its lexicon entries.

pub mod attribution;
pub mod category;
mod chars;
pub mod detect;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod flag;
mod hash;
pub mod input;
pub mod language;
pub mod learned;
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

use detect::Detector;
use flag::Flag;

/// Inputs above this size are refused rather than analysed slowly.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnalyzeError {
    /// `bytes` is the input's size; with `at_least`, a stream that was
    /// stopped at the limit and is this long or longer.
    TooLarge { bytes: usize, at_least: bool },
}

impl std::fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnalyzeError::TooLarge { bytes, at_least } => {
                // The exact size: "16.0 MB" for one byte over 16 MB read as
                // if it were within the limit. Megabytes only where they
                // cannot round down to the limit.
                let over = if *at_least { "at least " } else { "" };
                write!(f, "the text is {over}{} bytes", thousands(*bytes))?;
                if *bytes >= MAX_INPUT_BYTES + 1_048_576 {
                    // Tenths of a megabyte by integers: no float
                    // formatting in the WASM for one message.
                    let tenths = (*bytes as u64 * 10 + 524_288) / 1_048_576;
                    write!(f, " ({}.{} MB)", tenths / 10, tenths % 10)?;
                }
                write!(
                    f,
                    "; Slant analyses up to {} MB ({} bytes) at a time — split it into parts",
                    MAX_INPUT_BYTES / 1_048_576,
                    thousands(MAX_INPUT_BYTES)
                )
            }
        }
    }
}

/// `n` with a comma between each group of three digits.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

impl std::error::Error for AnalyzeError {}

pub fn analyze(input: &str, options: &Options) -> Result<Report, AnalyzeError> {
    // The model is read on first use: not at all with the detector off.
    let model = if options.detectors.learned {
        learned::model::builtin()
    } else {
        learned::model::Model::empty()
    };
    analyze_with_model(input, options, model)
}

/// [`analyze`] with another learned model than the compiled-in one (`slant
/// eval` scores models trained on part of a corpus this way).
pub fn analyze_with_model(
    input: &str,
    options: &Options,
    model: &learned::model::Model,
) -> Result<Report, AnalyzeError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(AnalyzeError::TooLarge {
            bytes: input.len(),
            at_least: false,
        });
    }
    let document = input::read(input, options.input);
    let text = document.text.as_str();
    let segments = segment::segment(text, &document.prose, document.headline.as_ref());
    let language = language::guess(text, &segments.paragraphs);
    let english = language == language::ENGLISH;

    // Detectors in priority order: where two overlap, the earlier one's flag
    // stands (a reader's own term over the curated lexicon, whose entries
    // carry explanations and alternatives, over the learned model).
    let custom_terms = detect::CustomTerms(&options.custom_terms);
    let learned = learned::Learned {
        model,
        sensitivity: options.sensitivity,
    };
    // With the learned model, curated hits grow into phrases, and the
    // entries its corpus says annotators rarely mark are held back unless
    // the reader asks for more flags than the default.
    let curated = detect::CuratedLexicon {
        model: options.detectors.learned.then_some(model),
        hold_back: options.sensitivity <= learned::DEFAULT_SENSITIVITY,
    };
    let mut detectors: Vec<&dyn Detector> = vec![&custom_terms];
    if options.detectors.curated && english {
        detectors.push(&curated);
    }
    if options.detectors.learned && english {
        detectors.push(&learned);
    }
    let cx = detect::Context {
        text,
        paragraphs: &segments.paragraphs,
        quotations: segments.top_level(),
    };
    let mut flags = detect::detect(&detectors, &cx);

    let analysis = if english {
        let vague_sentences =
            sentences_with(&segments.sentences, &flags, Category::VagueAttribution);
        attribution::attribute(
            text,
            &segments,
            &vague_sentences,
            &attribution::Article {
                headline: document.headline.as_ref(),
                authors: &document.metadata.authors,
                publisher: document.metadata.publisher.as_deref(),
            },
        )
    } else {
        unattributed(&segments)
    };

    if english {
        let cx = rules::Context {
            text,
            segments: &segments,
            attribution: &analysis,
            headline: document.headline.as_ref(),
        };
        for (_, rule) in rules::RULES {
            rule(&cx, &mut flags);
        }
    }

    flags.retain(|f| options.enabled(f.category));
    if !options.ignored_terms.is_empty() {
        detect::drop_ignored(text, &mut flags, &options.ignored_terms);
    }
    order::sort_by_key(&mut flags, |f| order::pair(f.range.start, f.range.end));
    Ok(report::build(
        document, &segments, flags, analysis, language,
    ))
}

/// Text not in English: no sentence is attributed and no source is named,
/// since both are read from English reporting verbs and grammar.
fn unattributed(segments: &segment::Segments) -> attribution::Analysis {
    attribution::Analysis {
        sentences: segments
            .sentences
            .iter()
            .map(|_| attribution::SentenceAttribution {
                attribution: attribution::Attribution::None,
                source: None,
            })
            .collect(),
        sources: Vec::new(),
        quotation_has_speaker: vec![false; segments.quotations.len()],
        // Whether a sentence states anything is not known in a language
        // the grammar does not read.
        claims: vec![false; segments.sentences.len()],
        ..Default::default()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_too_large_message_gives_the_real_size() {
        let message = |bytes, at_least| AnalyzeError::TooLarge { bytes, at_least }.to_string();
        // One byte over: not "16.0 MB", which reads as within the limit.
        assert_eq!(
            message(MAX_INPUT_BYTES + 1, false),
            "the text is 16,777,217 bytes; Slant analyses up to 16 MB (16,777,216 bytes) at a time — split it into parts"
        );
        assert!(message(200 * 1_048_576, false)
            .starts_with("the text is 209,715,200 bytes (200.0 MB); "));
        // Tenths rounded, not cut: 17.96 MB is "18.0".
        assert!(message(18_832_000, false).contains("(18.0 MB)"));
        assert!(message(MAX_INPUT_BYTES + 1, true)
            .starts_with("the text is at least 16,777,217 bytes;"));
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(123_456_789), "123,456,789");
    }
}
