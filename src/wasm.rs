//! The WebAssembly boundary: converts, calls the core, converts back. No logic.
//! Offsets in the report are UTF-16 code units into `report.text`.

use crate::{analyze as analyze_core, Options};
use serde::Serialize;
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
export type Category =
  | "scare_quotes" | "distancing" | "name_calling" | "emotive" | "exaggeration"
  | "appeal_to_fear" | "flag_waving" | "thought_terminating" | "doubt"
  | "vague_attribution" | "unsupported_certainty" | "unattributed_claim";
export interface AnalyzeOptions {
  input?: "text" | "html" | null;
  disabled_categories?: Category[];
  custom_terms?: { term: string; category: Category; note?: string | null }[];
}
export interface Flag {
  kind: "loaded_language" | "unsourced_assertion";
  category: Category;
  /** UTF-16 code units into Report.text, end exclusive. */
  start: number; end: number;
  text: string; message: string; in_quotation: boolean;
  severity: 1 | 2 | 3; alternative: string | null;
}
export interface Report {
  version: string;
  input_kind: "text" | "html";
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
  /** `claim`: a statement (not the headline, a question, an imperative, a byline, a dateline,
   *  a label or the author's bio); only claims are counted as sourced or not. */
  sentences: { start: number; end: number; attribution: "named" | "vague" | "none"; source: string | null;
               claim: boolean }[];
  /** `says`: what the source is reported as saying, in order — each quotation it speaks (once),
   *  else each sentence attributed to it. */
  sources: { name: string; kind: "person" | "organisation" | "document" | "vague"; mentions: number;
             spans: { start: number; end: number }[]; says: { start: number; end: number }[] }[];
}
"#;

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
        // Through JSON, so the page's options are checked exactly as the CLI's
        // (unknown keys and categories rejected with the same messages).
        let json = js_sys::JSON::stringify(&options)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| JsError::new("invalid options: not a JSON object"))?;
        Options::from_json(&json).map_err(|e| JsError::new(&e))?
    };
    let mut report = analyze_core(&input, &options).map_err(|e| JsError::new(&e.to_string()))?;
    // The report's text is most of what crosses back. For plain text it is
    // usually the input itself, and the caller's string is reused.
    let report_text = std::mem::take(&mut report.text);
    // Plain text is analysed as pasted (see `input::Document::text`); the
    // length check is a cheap guard, where comparing every byte would cost
    // about 2% of a call.
    debug_assert!(report.input_kind != crate::InputKind::Text || report_text == input);
    let text = if report.input_kind == crate::InputKind::Text && report_text.len() == input.len() {
        text
    } else {
        JsValue::from_str(&report_text)
    };
    drop(input);
    // Flags, sentences and sources are thousands of small objects: set field
    // by field from here, each field is a call into JS. They cross as numbers
    // instead, with each distinct string once, and wasm.js makes the
    // objects (the same fields, in the same order).
    let flags = std::mem::take(&mut report.flags);
    let sentences = std::mem::take(&mut report.sentences);
    let sources = std::mem::take(&mut report.sources);
    let rest = report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not build the report: {e}")))?;
    let mut strings = Strings::default();
    let (mut kinds, mut attributions, mut source_kinds) = (Vec::new(), Vec::new(), Vec::new());
    let mut numbers = Vec::with_capacity(
        1 + flags.len() * 8
            + sentences.len() * 4
            + sources.len() * 4
            + 2 * sources.iter().map(|s| s.spans.len()).sum::<usize>(),
    );
    numbers.push(to_u32(flags.len()));
    for flag in &flags {
        numbers.extend([
            strings.variant(&mut kinds, flag.kind),
            strings.id(flag.category.key()),
            to_u32(flag.start),
            to_u32(flag.end),
            strings.id(&flag.message),
            u32::from(flag.in_quotation),
            u32::from(flag.severity),
            flag.alternative.as_deref().map_or(0, |a| strings.id(a) + 1),
        ]);
    }
    numbers.push(to_u32(sentences.len()));
    for sentence in &sentences {
        numbers.extend([
            to_u32(sentence.start),
            to_u32(sentence.end),
            strings.variant(&mut attributions, sentence.attribution),
            sentence.source.as_deref().map_or(0, |s| strings.id(s) + 1),
        ]);
    }
    numbers.push(to_u32(sources.len()));
    for source in &sources {
        numbers.extend([
            strings.id(&source.name),
            strings.variant(&mut source_kinds, source.kind),
            to_u32(source.mentions),
            to_u32(source.spans.len()),
        ]);
        for span in &source.spans {
            numbers.extend([to_u32(span.start), to_u32(span.end)]);
        }
    }
    let table = js_sys::Array::new_with_length(to_u32(strings.list.len()));
    for (i, s) in strings.list.iter().enumerate() {
        table.set(to_u32(i), JsValue::from_str(s));
    }
    fill_report(&rest, &text, &numbers, &table);
    // The fields wasm.js does not make yet: each sentence's `claim`, each
    // source's `says`, set after the objects it built (so they come last,
    // in the core's field order).
    let mut extra = Vec::with_capacity(
        sentences.len() + sources.len() + 2 * sources.iter().map(|s| s.says.len()).sum::<usize>(),
    );
    extra.extend(sentences.iter().map(|s| u32::from(s.claim)));
    for source in &sources {
        extra.push(to_u32(source.says.len()));
        for span in &source.says {
            extra.extend([to_u32(span.start), to_u32(span.end)]);
        }
    }
    extend_report(&rest, &extra);
    Ok(rest)
}

#[wasm_bindgen(inline_js = "export function extendReport(report, extra) {
  let k = 0;
  const sentences = report.sentences;
  for (let i = 0; i < sentences.length; i++) sentences[i].claim = extra[k++] === 1;
  const sources = report.sources;
  for (let i = 0; i < sources.length; i++) {
    const says = new Array(extra[k++]);
    for (let j = 0; j < says.length; j++, k += 2) says[j] = { start: extra[k], end: extra[k + 1] };
    sources[i].says = says;
  }
}")]
extern "C" {
    /// Sets each sentence's `claim` and each source's `says` from `extra`:
    /// one 0/1 per sentence, then per source its count of spans and their
    /// start and end.
    #[wasm_bindgen(js_name = extendReport)]
    fn extend_report(report: &JsValue, extra: &[u32]);
}

#[wasm_bindgen(module = "/src/wasm.js")]
extern "C" {
    /// Sets `text`, `flags`, `sentences` and `sources` on `report` from the
    /// numbers and strings `analyze` packs.
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
#[derive(Default)]
struct Strings<'a> {
    index: rustc_hash::FxHashMap<Key<'a>, u32>,
    list: Vec<Cow<'a, str>>,
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
        let next = to_u32(self.list.len());
        match self.index.entry(Key(s)) {
            std::collections::hash_map::Entry::Occupied(seen) => *seen.get(),
            std::collections::hash_map::Entry::Vacant(new) => {
                self.list.push(new.key().0.clone());
                new.insert(next);
                next
            }
        }
    }
}

/// The version of the analysis core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
