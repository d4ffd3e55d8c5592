//! The WASM boundary, run by wasm-bindgen-test under node: the exported
//! `analyze` returns a plain JS object equal to the CLI's JSON, offsets slice
//! JS strings, bad input becomes a JS `Error` with a readable message,
//! `categories` is the core's table, and `wasm.js` unpacks the numbers with
//! the strides `wasm.rs` packs them with.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect, JSON};
use slant::wasm::{
    analyze, categories, trade_offs, version, FLAG_STRIDE, SENTENCE_STRIDE, SOURCE_STRIDE,
    SPAN_STRIDE,
};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen(module = "/src/wasm.js")]
extern "C" {
    #[wasm_bindgen(thread_local_v2, js_name = FLAG_STRIDE)]
    static JS_FLAG_STRIDE: JsValue;
    #[wasm_bindgen(thread_local_v2, js_name = SENTENCE_STRIDE)]
    static JS_SENTENCE_STRIDE: JsValue;
    #[wasm_bindgen(thread_local_v2, js_name = SOURCE_STRIDE)]
    static JS_SOURCE_STRIDE: JsValue;
    #[wasm_bindgen(thread_local_v2, js_name = SPAN_STRIDE)]
    static JS_SPAN_STRIDE: JsValue;
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

const ARTICLE: &str = "Harbour strike\nBy Anna Lindqvist\nMarch 3, 2025\n\n👨‍👩‍👧 The so-called experts say the “reform” failed, Maria Keller said.";

/// The report made across the boundary and the core's own JSON for the same
/// input, both as `JSON.stringify` writes them (so `0.0` and `0` agree, and
/// the order of keys counts).
fn both_reports(text: &str, options_json: &str) -> (String, String) {
    let stringify = |value: &JsValue| JSON::stringify(value).unwrap().as_string().unwrap();
    let options = JSON::parse(options_json).unwrap();
    let from_js = stringify(&analyze(text.into(), options).unwrap());
    let options = slant::Options::from_json(options_json).unwrap_or_default();
    let native = slant::analyze(text, &options).unwrap().to_json();
    (from_js, stringify(&JSON::parse(&native).unwrap()))
}

// Every test article, as text and as HTML, with options that make strings of
// their own (custom terms and their notes): the JS object must be the core's
// report field for field and in the same order, whether its text reuses the
// caller's string (plain text) or not (HTML).
#[wasm_bindgen_test]
fn every_test_article_crosses_unchanged() {
    let articles = [
        include_str!("articles/hit_piece.txt"),
        include_str!("articles/multilingual_emoji.txt"),
        include_str!("articles/science_story.txt"),
        include_str!("articles/weasel_oped.txt"),
        include_str!("articles/wire_court.txt"),
        include_str!("articles/wire_story.txt"),
        include_str!("articles/wire_weather.txt"),
        include_str!("articles/news_page.html"),
        include_str!("articles/minimal_page.html"),
    ];
    let option_sets = [
        "null",
        r#"{"custom_terms":[{"term":"council","category":"name_calling","note":"House style"},{"term":"said","category":"emotive"}],"disabled_categories":["doubt"]}"#,
    ];
    let mut with_flags = 0;
    for article in articles {
        for options in option_sets {
            let (from_js, native) = both_reports(article, options);
            assert_eq!(from_js, native, "{options}: {}", &article[..40]);
            with_flags += usize::from(from_js.contains(r#""flags":[{"#));
        }
    }
    assert!(with_flags >= 12, "only {with_flags} reports had flags");
}

#[wasm_bindgen_test]
fn report_equals_the_core_json() {
    let (from_js, native) = both_reports(ARTICLE, "null");
    assert_eq!(from_js, native);
    let report = analyze(ARTICLE.into(), JsValue::NULL).unwrap();
    assert!(
        get(&get(&report, "metadata"), "publisher").is_null(),
        "nulls stay null, not undefined"
    );
    assert!(Array::is_array(&get(&report, "flags")));
    assert!(get(&report, "summary").is_instance_of::<Object>());
}

#[wasm_bindgen_test]
fn flag_offsets_slice_the_js_string() {
    let report = analyze(ARTICLE.into(), JsValue::UNDEFINED).unwrap();
    let text: JsString = get(&report, "text").unchecked_into();
    let flags: Array = get(&report, "flags").unchecked_into();
    assert!(flags.length() > 0);
    for flag in flags.iter() {
        let start = get(&flag, "start").as_f64().unwrap() as u32;
        let end = get(&flag, "end").as_f64().unwrap() as u32;
        assert_eq!(
            text.slice(start, end),
            get(&flag, "text").as_string().unwrap()
        );
    }
}

#[wasm_bindgen_test]
fn options_come_from_a_plain_object() {
    let options = JSON::parse(r#"{"disabled_categories":["distancing"],"input":"text"}"#).unwrap();
    let report = analyze(ARTICLE.into(), options).unwrap();
    let flags: Array = get(&report, "flags").unchecked_into();
    assert!(flags
        .iter()
        .all(|f| get(&f, "category").as_string().unwrap() != "distancing"));
}

#[wasm_bindgen_test]
fn bad_options_are_a_readable_js_error() {
    let options = JSON::parse(r#"{"disabled_categories":["rude"]}"#).unwrap();
    let err = analyze(ARTICLE.into(), options).unwrap_err();
    let err: JsValue = err.into();
    let message = get(&err, "message").as_string().unwrap();
    assert!(
        message.contains("invalid options") && message.contains("rude"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn text_that_is_not_a_string_is_a_readable_js_error() {
    for value in [JsValue::from_f64(42.0), JsValue::NULL, Object::new().into()] {
        let err: JsValue = analyze(value, JsValue::NULL).unwrap_err().into();
        let message = get(&err, "message").as_string().unwrap();
        assert_eq!(message, "the text to analyse must be a string");
    }
}

#[wasm_bindgen_test]
fn empty_text_is_an_empty_report() {
    let report = analyze("".into(), JsValue::NULL).unwrap();
    let flags: Array = get(&report, "flags").unchecked_into();
    assert_eq!(flags.length(), 0);
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn wasm_js_unpacks_with_the_strides_wasm_rs_packs_with() {
    let stride = |value: &JsValue| value.as_f64().map(|n| n as usize);
    let pairs = [
        ("FLAG_STRIDE", JS_FLAG_STRIDE.with(stride), FLAG_STRIDE),
        (
            "SENTENCE_STRIDE",
            JS_SENTENCE_STRIDE.with(stride),
            SENTENCE_STRIDE,
        ),
        (
            "SOURCE_STRIDE",
            JS_SOURCE_STRIDE.with(stride),
            SOURCE_STRIDE,
        ),
        ("SPAN_STRIDE", JS_SPAN_STRIDE.with(stride), SPAN_STRIDE),
    ];
    for (name, js, rust) in pairs {
        assert_eq!(
            js,
            Some(rust),
            "{name}: wasm.js says {js:?}, wasm.rs {rust}"
        );
    }
}

#[wasm_bindgen_test]
fn categories_are_the_core_table_as_plain_objects() {
    let categories = categories().unwrap();
    let from_js = JSON::stringify(&categories).unwrap().as_string().unwrap();
    let table = serde_json::to_string(slant::category::TABLE).unwrap();
    assert_eq!(from_js, table);
    assert!(table.starts_with(
        r#"[{"key":"scare_quotes","label":"Scare quotes","kind":"loaded_language","default_severity":2},"#
    ));
    assert!(Array::is_array(&categories));
}

#[wasm_bindgen_test]
fn paragraphs_cross_as_spans_around_the_sentences() {
    let report = analyze(ARTICLE.into(), JsValue::NULL).unwrap();
    let paragraphs: Array = get(&report, "paragraphs").unchecked_into();
    let stats_paragraphs = get(&get(&report, "stats"), "paragraphs").as_f64().unwrap();
    assert_eq!(paragraphs.length() as f64, stats_paragraphs);
    assert!(paragraphs.length() >= 2);
    let text: JsString = get(&report, "text").unchecked_into();
    let last: JsValue = paragraphs.get(paragraphs.length() - 1);
    let start = get(&last, "start").as_f64().unwrap() as u32;
    let end = get(&last, "end").as_f64().unwrap() as u32;
    assert!(text
        .slice(start, end)
        .as_string()
        .unwrap()
        .starts_with("👨‍👩‍👧 The so-called experts"));
}

#[wasm_bindgen_test]
fn explanations_that_name_a_word_are_joined_in_js_as_the_core_writes_them() {
    // Scare quotes and learned flags name their word; emoji and CJK before
    // them move UTF-16 offsets away from bytes.
    let text = "Héadline 🙂 東京\n\nThe mayor’s “reform” 🙂 was a vile, disgraceful plan. Its “review” — 東京 🙂 — was a “sham” too.";
    let (from_js, native) = both_reports(text, r#"{"sensitivity": 1}"#);
    assert_eq!(from_js, native);
    let report = analyze(text.into(), JsValue::NULL).unwrap();
    let flags: Array = get(&report, "flags").unchecked_into();
    let messages: Vec<String> = (flags.iter())
        .map(|f| get(&f, "message").as_string().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("suggest “review” is not")),
        "{messages:?}"
    );
}

#[wasm_bindgen_test]
fn trade_offs_cross_as_plain_objects_equal_to_the_core_s() {
    let js: Array = trade_offs().unwrap().unchecked_into();
    let native = slant::learned::trade_offs();
    assert_eq!(js.length() as usize, native.len());
    for (row, want) in js.iter().zip(&native) {
        let number = |key: &str| get(&row, key).as_f64().unwrap();
        assert_eq!(number("sensitivity"), want.sensitivity);
        assert_eq!(number("precision"), want.precision);
        assert_eq!(number("recall"), want.recall);
    }
}
