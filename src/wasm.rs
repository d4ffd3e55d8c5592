//! The WebAssembly boundary: what JavaScript calls — `analyze`, `categories`
//! and `version` — and how the report crosses back.
//!
//! `analyze` takes the text and the page's options (read through JSON, so
//! they are checked exactly as the CLI's, with the same messages), runs the
//! core, and returns the report as a plain JS object equal to the CLI's JSON,
//! key for key and in the same order. The object is made in two halves:
//!
//! - the few small parts (version, metadata, stats, summary) are serialised
//!   by serde-wasm-bindgen, with empty lists where the packed ones go (see
//!   `Unpacked`); the text, for plain text, is the caller's own string again;
//! - the thousands of small records (flags, paragraphs, sentences, sources
//!   and their spans) cross *packed*: one array of `u32`s and a table of the
//!   report's distinct strings, each once (an explanation is shared by every
//!   flag of its term, a name by every sentence its source attributes).
//!   `fillReport` in `wasm.js` makes the objects from them in one
//!   JIT-compiled loop, several times faster than setting every field from
//!   WASM, which is one call into JS per field.
//!
//! `categories` returns the category table (`category::TABLE`) as plain
//! objects, `{key, label, kind, default_severity}` in table order: the page
//! lists, labels and checks categories from it and keeps no copy. `version`
//! is the core's version. The TypeScript types below (`www/pkg/slant.d.ts`)
//! take the `Category` union from the same table.
//!
//! # The packed numbers
//!
//! One list after another, each as its length and then its records; a record
//! is a fixed number of `u32`s, its stride:
//!
//! ```text
//! flag count       flag × FLAG_STRIDE, …
//! paragraph count  span × SPAN_STRIDE, …
//! sentence count   sentence × SENTENCE_STRIDE, …
//! source count     (source × SOURCE_STRIDE, its span count × SPAN_STRIDE,
//!                   says count, says × SPAN_STRIDE), …
//! ```
//!
//! | record | stride | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 |
//! |---|---|---|---|---|---|---|---|---|---|---|---|---|---|
//! | flag | [`FLAG_STRIDE`] = 12 | kind *s* | category *s* | start | end | message *s* | in_quotation 0/1 | severity | alternative *s?* | confidence *c?* | message after *s?* | named word start | named word end |
//! | sentence | [`SENTENCE_STRIDE`] = 5 | start | end | attribution *s* | source *s?* | claim 0/1 |
//! | source | [`SOURCE_STRIDE`] = 4 | name *s* | kind *s* | mentions | span count |
//! | span (a paragraph, a source's mention) | [`SPAN_STRIDE`] = 2 | start | end |
//!
//! *s* is an index into the string table; *s?* is 0 for `null`, else the
//! index plus one; *c?* is 0 for `null`, else the confidence in hundredths
//! plus one. Offsets are UTF-16 code units into `report.text`, as
//! everywhere in the report. An explanation that names a word of the text
//! ([`crate::flag::Message::Naming`]) crosses as its frame: the message is
//! then what comes before the word, and `wasm.js` joins it, the word and
//! "message after"; a whole message has 0 there. Its strings are the same
//! few for every flag, where written out they were one per distinct word.
//!
//! To add a field to a record: a column above; its value in the record's
//! array in [`analyze`] (typed `[u32; STRIDE]`, so the compiler counts); the
//! stride one more, here and in `wasm.js`; and the field in `wasm.js`'s
//! object, where the report's field order puts it. A new list: its count and
//! records where the report's field order puts them, an empty placeholder in
//! `Unpacked`, and a loop in `wasm.js`; a new field that is not packed goes
//! in `Unpacked` as it is. `tests/wasm.rs` fails when the strides of the two
//! files disagree, and when any report across the boundary differs from the
//! core's JSON (in a value or in the order of keys).
//!
//! Measured: BENCHMARKS.md#t-report-numbers, BENCHMARKS.md#t-text-identity,
//! BENCHMARKS.md#t-string-table.

use crate::category::TABLE;
use crate::flag::Message;
use crate::metadata::Metadata;
use crate::report::{Report, Span, Stats, Summary};
use crate::InputKind;
use crate::{analyze as analyze_core, Options};
use serde::Serialize;
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

/// `u32`s per flag in the packed numbers (see the module's table).
pub const FLAG_STRIDE: usize = 12;
/// `u32`s per sentence.
pub const SENTENCE_STRIDE: usize = 5;
/// `u32`s per source, before its spans.
pub const SOURCE_STRIDE: usize = 4;
/// `u32`s per span: a paragraph, or one of a source's mentions.
pub const SPAN_STRIDE: usize = 2;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
export interface CategoryInfo {
  key: Category;
  /** As the page shows it: "Scare quotes". */
  label: string;
  kind: "loaded_language" | "unsourced_assertion";
  /** For flags that carry no severity of their own (a reader's terms, rules). */
  default_severity: 1 | 2 | 3;
}
/** Loaded language and name-calling at one sensitivity, on annotated news the model had not seen:
 *  the share of flagged text annotators marked (precision) and of marked text flagged (recall). */
export interface TradeOff { sensitivity: number; precision: number; recall: number }
export interface AnalyzeOptions {
  input?: "text" | "html" | null;
  disabled_categories?: Category[];
  custom_terms?: { term: string; category: Category; note?: string | null }[];
  /** The learned detector's sensitivity: 0 (fewer, surer flags) to 1 (more flags); 0.5 by default. */
  sensitivity?: number;
  /** Terms the reader dismissed: flags of exactly these words are not shown. */
  ignored_terms?: string[];
  /** The built-in detectors that run (both by default). */
  detectors?: ("curated" | "learned")[];
}
/** UTF-16 code units into Report.text, end exclusive. */
export interface Span { start: number; end: number }
export interface Flag {
  kind: "loaded_language" | "unsourced_assertion";
  category: Category;
  /** UTF-16 code units into Report.text, end exclusive. */
  start: number; end: number;
  text: string; message: string; in_quotation: boolean;
  severity: 1 | 2 | 3; alternative: string | null;
  /** The share of learned flags this sure that annotators marked in held-out articles (0–1, two
   *  decimals); null for lexicon and rule flags. */
  confidence: number | null;
}
export interface Report {
  version: string;
  input_kind: "text" | "html";
  /** The prose's language as the core guesses it (ISO 639-1: "en", "de", "es", "fr", "it", "nl", "pt");
   *  for any but "en" only the reader's own terms are flagged and no sentence is attributed. */
  language: string;
  text: string;
  metadata: { title: string | null; authors: string[]; published: string | null;
              publisher: string | null; section: string | null; tags: string[];
              language: string | null; description: string | null; url: string | null };
  stats: { words: number; sentences: number; paragraphs: number; quotations: number;
           reading_minutes: number; flags_per_1000_words: number };
  summary: { loaded_terms: number; author_loaded_terms: number; top_category: Category | null;
             unsourced_assertions: number; named_sentences: number; vague_sentences: number;
             unattributed_sentences: number; loaded_language: string; sourcing: string;
             /** Distinct sources cited, by kind. */
             voices: { people: number; organisations: number; documents: number; vague: number };
             counts: Record<Category, number> };
  flags: Flag[];
  /** The prose paragraphs; text outside them is header or footer. */
  paragraphs: Span[];
  /** `claim`: a statement (not the headline, a question, an imperative, a byline, a dateline,
   *  a label or the author's bio); only claims are counted as sourced or not. */
  sentences: (Span & { attribution: "named" | "vague" | "none"; source: string | null;
               claim: boolean })[];
  /** `says`: what the source is reported as saying, in order — each quotation it speaks (once),
   *  else each sentence attributed to it. */
  sources: { name: string; kind: "person" | "organisation" | "document" | "vague"; mentions: number;
             spans: Span[]; says: Span[] }[];
}
"#;

/// `export type Category = "scare_quotes" | …;`, written from the category
/// table while compiling, so the types list every category, in table order.
#[wasm_bindgen(typescript_custom_section)]
const CATEGORY_TYPE: &'static str = {
    const fn put(out: &mut [u8], at: usize, bytes: &[u8]) -> usize {
        let mut i = 0;
        while i < bytes.len() {
            out[at + i] = bytes[i];
            i += 1;
        }
        at + bytes.len()
    }
    /// Writes the declaration into `out`; returns its length.
    const fn declaration(out: &mut [u8]) -> usize {
        let mut n = put(out, 0, b"\nexport type Category =");
        let mut i = 0;
        while i < TABLE.len() {
            n = put(out, n, if i == 0 { b" \"" } else { b" | \"" });
            n = put(out, n, TABLE[i].key.as_bytes());
            n = put(out, n, b"\"");
            i += 1;
        }
        put(out, n, b";\n")
    }
    const ROOM: usize = 1024;
    const LEN: usize = declaration(&mut [0; ROOM]);
    const BYTES: [u8; LEN] = {
        let mut all = [0; ROOM];
        declaration(&mut all);
        let mut out = [0; LEN];
        put(&mut out, 0, all.split_at(LEN).0);
        out
    };
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("category keys are UTF-8"),
    }
};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
    web_sys::console::debug_1(&format!("slant core {} loaded", env!("CARGO_PKG_VERSION")).into());
}

/// Analyse an article. `options` may be omitted, `null` or an `AnalyzeOptions` object.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | null | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let input = text
        .as_string()
        .ok_or_else(|| JsError::new("the text to analyse must be a string"))?;
    let options: Options = if options.is_null() || options.is_undefined() {
        Options::default()
    } else {
        let json = js_sys::JSON::stringify(&options)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| JsError::new("invalid options: not a JSON object"))?;
        Options::from_json(&json).map_err(|e| JsError::new(&e))?
    };
    let report = analyze_core(&input, &options).map_err(|e| JsError::new(&e.to_string()))?;
    // The report's text is most of what crosses back. For plain text it is
    // usually the input itself, and the caller's string is reused.
    // Plain text is analysed as pasted (see `input::Document::text`); the
    // length check is a cheap guard, where comparing every byte would cost
    // about 2% of a call.
    debug_assert!(report.input_kind != InputKind::Text || report.text == input);
    let text = if report.input_kind == InputKind::Text && report.text.len() == input.len() {
        text
    } else {
        JsValue::from_str(&report.text)
    };
    drop(input);
    let rest = to_js(
        &Unpacked {
            version: report.version,
            input_kind: report.input_kind,
            language: report.language,
            text: "",
            metadata: &report.metadata,
            stats: &report.stats,
            summary: &report.summary,
            flags: [],
            paragraphs: [],
            sentences: [],
            sources: [],
        },
        "the report",
    )?;
    let Report {
        flags,
        paragraphs,
        sentences,
        sources,
        ..
    } = &report;
    let mut strings = Strings::default();
    let (mut kinds, mut attributions, mut source_kinds) = (Vec::new(), Vec::new(), Vec::new());
    let mut numbers = Vec::with_capacity(
        4 + flags.len() * FLAG_STRIDE
            + paragraphs.len() * SPAN_STRIDE
            + sentences.len() * SENTENCE_STRIDE
            + sources.len() * SOURCE_STRIDE
            + SPAN_STRIDE
                * sources
                    .iter()
                    .map(|s| s.spans.len() + s.says.len() + 1)
                    .sum::<usize>(),
    );
    numbers.push(to_u32(flags.len()));
    for flag in flags {
        let (message, after, word) = match &flag.message {
            Message::Naming(frame, word) => (
                Cow::Borrowed(&*frame.before),
                strings.id(&frame.after) + 1,
                [word.start, word.end].map(|byte| to_u32(report.utf16_offset(byte as usize))),
            ),
            whole => (whole.text(&report.text), 0, [0, 0]),
        };
        let record: [u32; FLAG_STRIDE] = [
            strings.variant(&mut kinds, flag.kind),
            strings.id(flag.category.key()),
            to_u32(flag.start),
            to_u32(flag.end),
            strings.number(message),
            u32::from(flag.in_quotation),
            u32::from(flag.severity),
            strings.nullable(flag.alternative),
            flag.confidence
                .map_or(0, |c| (c * 100.0).round() as u32 + 1),
            after,
            word[0],
            word[1],
        ];
        numbers.extend(record);
    }
    push_spans(&mut numbers, paragraphs);
    numbers.push(to_u32(sentences.len()));
    for sentence in sentences {
        let record: [u32; SENTENCE_STRIDE] = [
            to_u32(sentence.start),
            to_u32(sentence.end),
            strings.variant(&mut attributions, sentence.attribution),
            strings.nullable(sentence.source.as_deref()),
            u32::from(sentence.claim),
        ];
        numbers.extend(record);
    }
    numbers.push(to_u32(sources.len()));
    for source in sources {
        let record: [u32; SOURCE_STRIDE] = [
            strings.id(&source.name),
            strings.variant(&mut source_kinds, source.kind),
            to_u32(source.mentions),
            to_u32(source.spans.len()),
        ];
        numbers.extend(record);
        for span in &source.spans {
            numbers.extend(span_record(span));
        }
        push_spans(&mut numbers, &source.says);
    }
    let table = js_sys::Array::new_with_length(to_u32(strings.index.len()));
    for (Key(s), i) in strings.index {
        table.set(i, JsValue::from_str(&s));
    }
    fill_report(&rest, &text, &numbers, &table);
    Ok(rest)
}

/// The report for serde, with the packed lists left empty in their places:
/// `fillReport` fills them in, so the object keeps the report's order of
/// keys (`tests/wasm.rs` compares it with the core's JSON, key for key).
/// Serialising the lists' types is no longer needed, nor linked.
#[derive(Serialize)]
struct Unpacked<'a> {
    version: &'a str,
    input_kind: InputKind,
    language: &'a str,
    text: &'a str,
    metadata: &'a Metadata,
    stats: &'a Stats,
    summary: &'a Summary,
    flags: [(); 0],
    paragraphs: [(); 0],
    sentences: [(); 0],
    sources: [(); 0],
}

/// A list of spans: its length, then each span.
fn push_spans(numbers: &mut Vec<u32>, spans: &[Span]) {
    numbers.push(to_u32(spans.len()));
    for span in spans {
        numbers.extend(span_record(span));
    }
}

fn span_record(span: &Span) -> [u32; SPAN_STRIDE] {
    [to_u32(span.start), to_u32(span.end)]
}

#[wasm_bindgen(module = "/src/wasm.js")]
extern "C" {
    /// Sets `text`, `flags`, `paragraphs`, `sentences` and `sources` on
    /// `report` from the numbers and strings `analyze` packs.
    #[wasm_bindgen(js_name = fillReport)]
    fn fill_report(report: &JsValue, text: &JsValue, numbers: &[u32], strings: &js_sys::Array);
}

/// Report offsets and counts are bounded by the input limit (16 MB).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("report numbers fit in 32 bits")
}

/// The distinct strings of a report, each numbered once. Explanations are
/// shared by every flag of a term, names by every sentence a source
/// attributes.
///
/// Each string is held once, as its key: a list beside the keys held a
/// second copy of every string written for the report (an explanation that
/// names a word is one per distinct word).
#[derive(Default)]
struct Strings<'a> {
    index: rustc_hash::FxHashMap<Key<'a>, u32>,
}

/// A string table key that is equal at once to the very same string: most
/// are explanations borrowed from the lexicon, where comparing the bytes of
/// two long equal strings would be most of a lookup.
#[derive(Eq, Hash)]
struct Key<'a>(Cow<'a, str>);

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_ref(), other.0.as_ref());
        (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
    }
}

impl<'a> Strings<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        self.number(Cow::Borrowed(s))
    }

    /// An optional string: 0 for none, else its number plus one.
    fn nullable(&mut self, s: Option<&'a str>) -> u32 {
        s.map_or(0, |s| self.id(s) + 1)
    }

    /// A unit enum variant, by its serde name ("loaded_language", "named"),
    /// serialised once per distinct value (`seen` remembers them).
    fn variant<T: Serialize + PartialEq + Copy>(
        &mut self,
        seen: &mut Vec<(T, u32)>,
        value: T,
    ) -> u32 {
        if let Some(&(_, i)) = seen.iter().find(|(v, _)| *v == value) {
            return i;
        }
        // Through serde, so the names are the report's own.
        let name = value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .ok()
            .and_then(|name| name.as_string())
            .expect("a unit variant serialises as its name");
        let i = self.number(Cow::Owned(name));
        seen.push((value, i));
        i
    }

    fn number(&mut self, s: Cow<'a, str>) -> u32 {
        let next = to_u32(self.index.len());
        *self.index.entry(Key(s)).or_insert(next)
    }
}

/// The category table, in its order: `{key, label, kind, default_severity}`
/// for each category. The page lists, labels and checks categories from it.
#[wasm_bindgen(unchecked_return_type = "CategoryInfo[]")]
pub fn categories() -> Result<JsValue, JsError> {
    to_js(&TABLE, "the category table")
}

/// A plain JS value (objects, not `Map`s) equal to `value`'s JSON.
fn to_js<T: Serialize + ?Sized>(value: &T, what: &str) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not build {what}: {e}")))
}

/// What the learned detector's sensitivity trades, measured when it was
/// trained: `{sensitivity, precision, recall}` at rising sensitivities. The
/// page's settings say it beside the slider.
#[wasm_bindgen(js_name = tradeOffs, unchecked_return_type = "TradeOff[]")]
pub fn trade_offs() -> Result<JsValue, JsError> {
    to_js(
        &crate::learned::trade_offs(),
        "the sensitivity's trade-offs",
    )
}

/// The version of the analysis core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
