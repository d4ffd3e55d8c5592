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
             counts: Record<Category, number> };
  flags: Flag[];
  sentences: { start: number; end: number; attribution: "named" | "vague" | "none"; source: string | null }[];
  sources: { name: string; kind: "person" | "organisation" | "document" | "vague"; mentions: number;
             spans: { start: number; end: number }[] }[];
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
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | null | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
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
    let report = analyze_core(text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    // Explanations, suggestions and source names recur through a report (the
    // lexicon's explanation on every flag of a term, a source's name on every
    // sentence it attributes): each is made a JS string once per call, not at
    // every occurrence. The lexicon's text is static, so pointers identify it.
    let mut recurring: Vec<&'static str> = report
        .flags
        .iter()
        .flat_map(|f| [Some(&f.message), f.alternative.as_ref()])
        .filter_map(|s| match s {
            Some(Cow::Borrowed(s)) => Some(*s),
            _ => None,
        })
        .collect();
    recurring.sort_unstable_by_key(|s| s.as_ptr());
    recurring.dedup_by_key(|s| s.as_ptr());
    let names = report.sources.iter().map(|s| s.name.as_str());
    for s in recurring.iter().copied().chain(names.clone()) {
        wasm_bindgen::intern(s);
    }
    let result = report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not build the report: {e}")));
    for s in recurring.iter().copied().chain(names) {
        wasm_bindgen::unintern(s);
    }
    result
}

/// The version of the analysis core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
