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

#[wasm_bindgen_test]
fn report_equals_the_core_json() {
    let report = analyze(ARTICLE, JsValue::NULL).unwrap();
    let from_js = JSON::stringify(&report).unwrap().as_string().unwrap();
    let from_js: serde_json::Value = serde_json::from_str(&from_js).unwrap();
    let native =
        serde_json::to_value(slant::analyze(ARTICLE, &slant::Options::default()).unwrap()).unwrap();
    assert_eq!(from_js, native);
    assert!(
        get(&get(&report, "metadata"), "publisher").is_null(),
        "nulls stay null, not undefined"
    );
    assert!(Array::is_array(&get(&report, "flags")));
    assert!(get(&report, "summary").is_instance_of::<Object>());
}

#[wasm_bindgen_test]
fn flag_offsets_slice_the_js_string() {
    let report = analyze(ARTICLE, JsValue::UNDEFINED).unwrap();
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
    let report = analyze(ARTICLE, options).unwrap();
    let flags: Array = get(&report, "flags").unchecked_into();
    assert!(flags
        .iter()
        .all(|f| get(&f, "category").as_string().unwrap() != "distancing"));
}

#[wasm_bindgen_test]
fn bad_options_are_a_readable_js_error() {
    let options = JSON::parse(r#"{"disabled_categories":["rude"]}"#).unwrap();
    let err = analyze(ARTICLE, options).unwrap_err();
    let err: JsValue = err.into();
    let message = get(&err, "message").as_string().unwrap();
    assert!(
        message.contains("invalid options") && message.contains("rude"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn empty_text_is_an_empty_report() {
    let report = analyze("", JsValue::NULL).unwrap();
    let flags: Array = get(&report, "flags").unchecked_into();
    assert_eq!(flags.length(), 0);
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
