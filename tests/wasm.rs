//! The WASM boundary, run by wasm-bindgen-test under node: the exported
//! `analyze` returns a plain JS object equal to the CLI's JSON, offsets slice
//! JS strings, and bad input becomes a JS `Error` with a readable message.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect, JSON};
use slant::wasm::{analyze, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

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
