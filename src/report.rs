//! The report: the contract every front and every test relies on. Built once
//! at the end of the pipeline, where every byte offset becomes a UTF-16 code
//! unit offset in a single pass over the text, so JavaScript can slice with it.
//!
//! Speed: see BENCHMARKS.md#t-byte-scanners (the word count and the UTF-16
//! offsets), BENCHMARKS.md#t-report-takes-text and
//! BENCHMARKS.md#t-cow-explanations.
//!
//! Measured: BENCHMARKS.md#t-utf16-blocks.

use crate::attribution::{Analysis, Attribution, SourceKind};
use crate::category::{Category, Kind};
use crate::flag::{Flag, Message};
use crate::input::{Document, InputKind};
use crate::metadata::Metadata;
use crate::segment::Segments;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::collections::BTreeMap;

const WORDS_PER_MINUTE: usize = 230;
/// A loaded word in someone's quotation counts this much towards density.
const QUOTED_WEIGHT: f64 = 0.5;

/// Serialised (`to_json`, the CLI) with each flag's `text` after its `end`,
/// sliced from `text` (see [`Report::flag_text`]).
#[derive(Debug, Clone)]
pub struct Report {
    pub version: &'static str,
    pub input_kind: InputKind,
    /// The language of the prose as the core guesses it (ISO 639-1, see
    /// `language.rs`); for any but "en", only the reader's own terms are
    /// flagged and no sentence is attributed.
    pub language: &'static str,
    pub text: String,
    pub metadata: Metadata,
    pub stats: Stats,
    pub summary: Summary,
    pub flags: Vec<ReportFlag>,
    /// The prose paragraphs, as the core segmented them (hard-wrapped lines
    /// joined); text outside every paragraph is header or footer.
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<ReportSentence>,
    pub sources: Vec<ReportSource>,
    /// Where a flag's UTF-16 offsets are in `text`'s bytes.
    utf16: Utf16Offsets,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub quotations: usize,
    pub reading_minutes: usize,
    /// Loaded-language flags per 1000 words; a quoted speaker's word counts half.
    pub flags_per_1000_words: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub loaded_terms: usize,
    pub author_loaded_terms: usize,
    pub top_category: Option<Category>,
    pub unsourced_assertions: usize,
    pub named_sentences: usize,
    pub vague_sentences: usize,
    pub unattributed_sentences: usize,
    /// "12 loaded terms, 8 of them the author's own; most: emotive"
    pub loaded_language: String,
    /// "14 of 22 sentences attributed to named sources; 3 vague; 5 none"
    pub sourcing: String,
    /// How many distinct sources of each kind the article cites.
    pub voices: Voices,
    /// Flags per category key, including zero counts.
    pub counts: BTreeMap<&'static str, usize>,
}

/// Distinct sources cited, by kind: the "who said what" panel's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Voices {
    pub people: usize,
    pub organisations: usize,
    pub documents: usize,
    pub vague: usize,
}

/// A flag as the report gives it. Its text is `report.flag_text(flag)`
/// (the JSON's `text`, after `end`), not a copy of its own: a report can hold
/// a flag every ten bytes, and this record is the size of the pipeline's
/// [`Flag`], so [`build`] makes these in the flags' own memory. See
/// BENCHMARKS.md#t-flags-in-place.
#[derive(Debug, Clone)]
pub struct ReportFlag {
    pub kind: Kind,
    pub category: Category,
    pub start: usize,
    pub end: usize,
    pub message: Message,
    pub in_quotation: bool,
    pub severity: u8,
    pub alternative: Option<&'static str>,
    /// The share of flags this sure that annotators marked in held-out
    /// articles (the learned detector's calibrated confidence), to two
    /// decimals; null for the lexicons' and rules' flags.
    pub confidence: Option<f32>,
}

/// A flag with its text, in the report's order of fields.
#[derive(Serialize)]
struct FlagWithText<'r> {
    kind: Kind,
    category: Category,
    start: usize,
    end: usize,
    text: &'r str,
    message: Cow<'r, str>,
    in_quotation: bool,
    severity: u8,
    alternative: Option<&'static str>,
    confidence: Option<f32>,
}

/// The report's flags, each with its text.
struct FlagsWithText<'r>(&'r Report);

impl Serialize for FlagsWithText<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        serializer.collect_seq(report.flags.iter().map(|f| FlagWithText {
            kind: f.kind,
            category: f.category,
            start: f.start,
            end: f.end,
            text: report.flag_text(f),
            message: f.message.text(&report.text),
            in_quotation: f.in_quotation,
            severity: f.severity,
            alternative: f.alternative,
            confidence: f.confidence,
        }))
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut report = serializer.serialize_struct("Report", 11)?;
        report.serialize_field("version", self.version)?;
        report.serialize_field("input_kind", &self.input_kind)?;
        report.serialize_field("language", self.language)?;
        report.serialize_field("text", &self.text)?;
        report.serialize_field("metadata", &self.metadata)?;
        report.serialize_field("stats", &self.stats)?;
        report.serialize_field("summary", &self.summary)?;
        report.serialize_field("flags", &FlagsWithText(self))?;
        report.serialize_field("paragraphs", &self.paragraphs)?;
        report.serialize_field("sentences", &self.sentences)?;
        report.serialize_field("sources", &self.sources)?;
        report.end()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportSentence {
    pub start: usize,
    pub end: usize,
    pub attribution: Attribution,
    pub source: Option<String>,
    /// Whether the sentence states something: not the headline, a question,
    /// an imperative, a byline, a dateline, a label or the author's bio.
    pub claim: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportSource {
    pub name: String,
    pub kind: SourceKind,
    pub mentions: usize,
    pub spans: Vec<Span>,
    /// What the source is reported as saying: each quotation it speaks, or
    /// else each sentence attributed to it, in text order.
    pub says: Vec<Span>,
}

impl Report {
    /// The report as compact JSON, exactly what the WASM boundary returns as an object.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report always serialises")
    }

    /// The flag's words: `text` between its UTF-16 offsets.
    pub fn flag_text(&self, flag: &ReportFlag) -> &str {
        let byte = |unit| self.utf16.byte(&self.text, unit);
        &self.text[byte(flag.start)..byte(flag.end)]
    }

    /// The UTF-16 offset of byte `byte` of `text` (a word a
    /// [`Message::Naming`] names is held in bytes).
    pub fn utf16_offset(&self, byte: usize) -> usize {
        self.utf16.get(&self.text, byte)
    }
}

/// Byte offset ↔ UTF-16 offset: the UTF-16 length of every `BLOCK` bytes'
/// prefix, counted in one walk over the text, and the few bytes after the
/// block's start counted on each ask. No list of offsets to sort first.
#[derive(Debug, Clone)]
struct Utf16Offsets {
    /// Per block, the UTF-16 units before it; then the text's.
    blocks: Vec<usize>,
}

const BLOCK: usize = 64;

/// UTF-16 units of whole UTF-8 characters: a lead byte starts one unit, or
/// two for a four-byte character; continuation bytes add none.
fn utf16_units(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl Utf16Offsets {
    fn new(text: &str) -> Utf16Offsets {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut unit = 0;
        for block in bytes.chunks(BLOCK) {
            blocks.push(unit);
            unit += utf16_units(block);
        }
        blocks.push(unit);
        Utf16Offsets { blocks }
    }

    /// The UTF-16 offset of byte `byte` of `text` (the text it was made of).
    fn get(&self, text: &str, byte: usize) -> usize {
        let bytes = text.as_bytes();
        let byte = byte.min(bytes.len());
        let block = byte / BLOCK;
        self.blocks[block] + utf16_units(&bytes[block * BLOCK..byte])
    }

    /// The byte of `text` at UTF-16 offset `unit` (a character boundary
    /// below the text's length; the length above it): from the last block
    /// starting at or before it, a character at a time.
    fn byte(&self, text: &str, unit: usize) -> usize {
        let block = self.blocks.partition_point(|&u| u <= unit) - 1;
        let mut at = (block * BLOCK).min(text.len());
        // An ASCII block needs no walk. (As many units as bytes is not
        // enough: a four-byte character's lead at a block's end counts two
        // units there, as a two-byte character earlier in it counts one.)
        let end = (at + BLOCK).min(text.len());
        if text.as_bytes()[at..end].is_ascii() {
            return (at + (unit - self.blocks[block])).min(end);
        }
        // A character that began in the block before is counted there.
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let mut units = self.blocks[block];
        let mut chars = text[at..].chars();
        while units < unit {
            let Some(c) = chars.next() else { break };
            units += c.len_utf16();
            at += c.len_utf8();
        }
        at
    }
}

pub fn build(
    document: Document,
    segments: &Segments,
    flags: Vec<Flag>,
    analysis: Analysis,
    language: &'static str,
) -> Report {
    let text = &document.text;
    let utf16 = Utf16Offsets::new(text);
    let span = |r: &std::ops::Range<usize>| Span {
        start: utf16.get(text, r.start),
        end: utf16.get(text, r.end),
    };

    let words: usize = segments
        .paragraphs
        .iter()
        .map(|p| count_words(&text[p.clone()]))
        .sum();
    let claim_sentences = &analysis.claims;
    let mut summary = summarise(&flags, &analysis, claim_sentences);
    if language != crate::language::ENGLISH {
        let only = format!(
            "The text is not in English ({language}): only the reader's own terms were looked for."
        );
        if summary.loaded_terms == 0 {
            summary.loaded_language = only.clone();
        }
        summary.sourcing = format!("Not analysed. {only}");
    }
    let weighted: f64 = flags
        .iter()
        .filter(|f| f.category.kind() == Kind::LoadedLanguage)
        .map(|f| if f.in_quotation { QUOTED_WEIGHT } else { 1.0 })
        .fold(0.0, |sum, weight| sum + weight); // `sum()` of nothing is -0.0
    let stats = Stats {
        words,
        sentences: segments.sentences.len(),
        paragraphs: segments.paragraphs.len(),
        quotations: segments.top_level().len(),
        reading_minutes: if words == 0 {
            0
        } else {
            words.div_ceil(WORDS_PER_MINUTE)
        },
        flags_per_1000_words: if words == 0 {
            0.0
        } else {
            (weighted * 10_000.0 / words as f64).round() / 10.0
        },
    };

    // In place: a `ReportFlag` is the size of a `Flag` (see its doc).
    let report_flags = flags
        .into_iter()
        .map(|f| {
            let Span { start, end } = span(&f.range);
            ReportFlag {
                kind: f.category.kind(),
                category: f.category,
                start,
                end,
                message: f.message,
                in_quotation: f.in_quotation,
                severity: f.severity,
                alternative: f.alternative,
                confidence: f.confidence.map(|c| (c.agreed * 100.0).round() / 100.0),
            }
        })
        .collect();
    let paragraphs = segments.paragraphs.iter().map(span).collect();
    let sentences = segments
        .sentences
        .iter()
        .zip(&analysis.sentences)
        .zip(claim_sentences)
        .map(|((s, a), &claim)| {
            let Span { start, end } = span(&s.range);
            ReportSentence {
                start,
                end,
                attribution: a.attribution,
                source: a.source.map(|i| analysis.sources[i].name.clone()),
                claim,
            }
        })
        .collect();
    let mut sources: Vec<ReportSource> = analysis
        .sources
        .iter()
        .map(|s| ReportSource {
            name: s.name.clone(),
            kind: s.kind,
            mentions: s.mentions.len(),
            spans: s.mentions.iter().map(span).collect(),
            says: s.says.iter().map(span).collect(),
        })
        .collect();
    // Named sources first, most cited first; ties in order of first mention.
    crate::order::sort_by_key(&mut sources, |s| {
        crate::order::pair(
            usize::from(s.kind == SourceKind::Vague),
            crate::order::descending(s.mentions),
        )
    });

    Report {
        version: env!("CARGO_PKG_VERSION"),
        input_kind: document.kind,
        language,
        text: document.text,
        metadata: document.metadata,
        stats,
        summary,
        flags: report_flags,
        paragraphs,
        sentences,
        sources,
        utf16,
    }
}

/// Words: runs of letters or digits, with inner apostrophes and hyphens.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        match WORD_BYTES[bytes[i] as usize] {
            // A run of ASCII letters and digits in one tight loop.
            ALNUM => {
                if !in_word {
                    words += 1;
                    in_word = true;
                }
                i += 1;
                while i < bytes.len() && WORD_BYTES[bytes[i] as usize] == ALNUM {
                    i += 1;
                }
            }
            JOINER => i += 1, // keeps a word going, or stays outside one
            OTHER => {
                in_word = false;
                i += 1;
            }
            _ => {
                let c = text[i..].chars().next().expect("i is on a char boundary");
                if crate::chars::is_alphanumeric(c) {
                    if !in_word {
                        words += 1;
                    }
                    in_word = true;
                } else if !(in_word && c == '’') {
                    in_word = false;
                }
                i += c.len_utf8();
            }
        }
    }
    words
}

const OTHER: u8 = 0;
const ALNUM: u8 = 1;
/// Inside a word, these keep it going: "it's", "well-known", "4.2", "3,000".
const JOINER: u8 = 2;
const MULTIBYTE: u8 = 3;

/// What each byte is to the word count; non-ASCII is decoded as a char.
static WORD_BYTES: [u8; 256] = {
    let mut table = [MULTIBYTE; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = match b as u8 {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => ALNUM,
            b'\'' | b'-' | b'.' | b',' => JOINER,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `claim_sentences[i]`: sentence `i` is a claim (see `Analysis::claims`).
fn summarise(flags: &[Flag], analysis: &Analysis, claim_sentences: &[bool]) -> Summary {
    let mut counts: BTreeMap<&'static str, usize> =
        Category::ALL.iter().map(|c| (c.key(), 0)).collect();
    for f in flags {
        *counts.entry(f.category.key()).or_default() += 1;
    }
    let loaded: Vec<&Flag> = flags
        .iter()
        .filter(|f| f.category.kind() == Kind::LoadedLanguage)
        .collect();
    let author = loaded.iter().filter(|f| !f.in_quotation).count();
    let top_category = Category::ALL
        .iter()
        .copied()
        .filter(|c| c.kind() == Kind::LoadedLanguage)
        .map(|c| (counts[c.key()], c))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|&(n, c)| (n, std::cmp::Reverse(c)))
        .map(|(_, c)| c);
    let loaded_language = match (loaded.len(), top_category) {
        (0, _) | (_, None) => "No loaded terms found.".to_string(),
        (n, Some(top)) => {
            let whose = match (n, author) {
                (1, 1) => "the author's own".to_string(),
                (1, _) => "in a quotation".to_string(),
                (n, a) if a == n => "all of them the author's own".to_string(),
                (_, a) => format!("{a} of them the author's own"),
            };
            format!(
                "{}, {whose}; most: {}",
                plural(n, "loaded term", "loaded terms"),
                top.label().to_lowercase()
            )
        }
    };
    let count = |a: Attribution| {
        analysis
            .sentences
            .iter()
            .zip(claim_sentences)
            .filter(|(s, &claim)| claim && s.attribution == a)
            .count()
    };
    let (named, vague, none) = (
        count(Attribution::Named),
        count(Attribution::Vague),
        count(Attribution::None),
    );
    let total = named + vague + none;
    let sourcing = if total == 0 {
        "No claim sentences.".to_string()
    } else {
        format!(
            "{named} of {} attributed to named sources; {vague} vague; {none} none",
            plural(total, "claim sentence", "claim sentences")
        )
    };
    let mut voices = Voices::default();
    for source in &analysis.sources {
        *match source.kind {
            SourceKind::Person => &mut voices.people,
            SourceKind::Organisation => &mut voices.organisations,
            SourceKind::Document => &mut voices.documents,
            SourceKind::Vague => &mut voices.vague,
        } += 1;
    }
    Summary {
        loaded_terms: loaded.len(),
        author_loaded_terms: author,
        top_category,
        unsourced_assertions: flags
            .iter()
            .filter(|f| f.category.kind() == Kind::UnsourcedAssertion)
            .count(),
        named_sentences: named,
        vague_sentences: vague,
        unattributed_sentences: none,
        loaded_language,
        sourcing,
        voices,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `build` makes the report's flags in the pipeline's flags' memory
    /// (std collects a `Vec`'s `into_iter().map(…)` in place when the two
    /// records are the same size and alignment).
    #[test]
    fn a_report_flag_is_the_size_of_a_flag() {
        use std::mem::{align_of, size_of};
        assert_eq!(size_of::<ReportFlag>(), size_of::<Flag>());
        assert_eq!(align_of::<ReportFlag>(), align_of::<Flag>());
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs_once_per_code_unit() {
        let text = "a👍🏽b東c";
        let offsets = Utf16Offsets::new(text);
        assert_eq!(
            [0, 1, 9, 10, 13, 14].map(|b| offsets.get(text, b)),
            [0, 1, 5, 6, 7, 8]
        );
        // Across blocks, ASCII ones (read without a walk) among them.
        let text = "a👍🏽b東c Ж".repeat(40) + &"ascii ".repeat(40) + "東" + &"x".repeat(130);
        let offsets = Utf16Offsets::new(&text);
        for b in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
            assert_eq!(offsets.get(&text, b), text[..b].encode_utf16().count());
            assert_eq!(offsets.byte(&text, offsets.get(&text, b)), b);
        }
        // A block whose units equal its bytes without being ASCII: a
        // two-byte character in it, a four-byte one starting at its last byte.
        let text = "é".to_owned() + &"a".repeat(BLOCK - 3) + "🌀" + &"b".repeat(10);
        assert_eq!(utf16_units(&text.as_bytes()[..BLOCK]), BLOCK);
        let offsets = Utf16Offsets::new(&text);
        for b in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
            assert_eq!(offsets.byte(&text, offsets.get(&text, b)), b);
        }
    }

    /// The definition, one char at a time; `count_words` must agree.
    fn count_words_one_char_at_a_time(text: &str) -> usize {
        let mut words = 0;
        let mut in_word = false;
        for c in text.chars() {
            if c.is_alphanumeric() {
                if !in_word {
                    words += 1;
                }
                in_word = true;
            } else if !(in_word && matches!(c, '\'' | '’' | '-' | '.' | ',')) {
                in_word = false;
            }
        }
        words
    }

    proptest::proptest! {
        #[test]
        fn word_count_agrees_with_its_definition(text in "[a-zA-Z0-9 '’.,\\-—éßЖ中👍\n]{0,80}") {
            proptest::prop_assert_eq!(count_words(&text), count_words_one_char_at_a_time(&text));
        }

        #[test]
        fn utf16_offsets_agree_with_encode_utf16(text in "[a-z éЖ中👍\n]{0,200}") {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
            let offsets = Utf16Offsets::new(&text);
            for b in boundaries {
                proptest::prop_assert_eq!(offsets.get(&text, b), text[..b].encode_utf16().count());
                proptest::prop_assert_eq!(offsets.byte(&text, offsets.get(&text, b)), b);
            }
        }
    }

    #[test]
    fn counts_words_like_a_reader() {
        assert_eq!(
            count_words("It's a well-known fact: $4.2 million, 3,000 people."),
            8
        );
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("👍 — …"), 0);
    }
}
