//! Integration tests on realistic articles (tests/articles/*), each with a
//! sidecar `NAME.expect.json` stating what a correct analysis reports.

use serde_json::Value;
use slant::{analyze, Options};
use std::path::Path;

fn report_json(text: &str) -> Value {
    serde_json::to_value(analyze(text, &Options::default()).unwrap()).unwrap()
}

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("offsets on UTF-16 boundaries")
}

/// Every offset in the report slices `text` exactly as JavaScript would.
fn assert_offsets_slice_text(report: &Value) {
    let text = report["text"].as_str().unwrap();
    for flag in report["flags"].as_array().unwrap() {
        let (start, end) = (
            flag["start"].as_u64().unwrap() as usize,
            flag["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            utf16_slice(text, start, end),
            flag["text"].as_str().unwrap(),
            "flag {flag}"
        );
    }
    let mut previous_end = 0;
    for sentence in report["sentences"].as_array().unwrap() {
        let (start, end) = (
            sentence["start"].as_u64().unwrap() as usize,
            sentence["end"].as_u64().unwrap() as usize,
        );
        assert!(
            previous_end <= start && start < end,
            "sentences overlap or are out of order: {sentence}"
        );
        utf16_slice(text, start, end);
        previous_end = end;
    }
}

fn check_article(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let article = ["txt", "html"]
        .iter()
        .map(|ext| dir.join(format!("{name}.{ext}")))
        .find(|p| p.exists())
        .unwrap();
    let input = std::fs::read_to_string(&article).unwrap();
    let expect: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}.expect.json"))).unwrap(),
    )
    .unwrap();
    let report = report_json(&input);
    let mut problems = Vec::new();

    if report["input_kind"] != expect["input_kind"] {
        problems.push(format!(
            "input_kind {} != {}",
            report["input_kind"], expect["input_kind"]
        ));
    }
    for (field, expected) in expect["metadata"].as_object().unwrap() {
        if field == "language" && expected.is_null() {
            continue; // not declared by the article; not asserted
        }
        if report["metadata"][field] != *expected {
            problems.push(format!(
                "metadata.{field}: got {} expected {}",
                report["metadata"][field], expected
            ));
        }
    }
    let flags = report["flags"].as_array().unwrap();
    for wanted in expect["must_flag"].as_array().unwrap() {
        let found = flags.iter().any(|f| {
            holds(
                f["text"].as_str().unwrap(),
                wanted["text"].as_str().unwrap(),
            ) && f["category"] == wanted["category"]
                && f["in_quotation"] == wanted["in_quotation"]
        });
        if !found {
            let near: Vec<String> = flags
                .iter()
                .filter(|f| {
                    holds(
                        f["text"].as_str().unwrap(),
                        wanted["text"].as_str().unwrap(),
                    )
                })
                .map(|f| format!("{} in_quotation={}", f["category"], f["in_quotation"]))
                .collect();
            problems.push(format!(
                "not flagged: {wanted} (flags on that text: {near:?})"
            ));
        }
    }
    if expect["every_sentence_attributed"] == true {
        for f in flags.iter().filter(|f| f["kind"] == "unsourced_assertion") {
            problems.push(format!(
                "unsourced-assertion flag in a fully attributed story: {} ({})",
                f["text"], f["category"]
            ));
        }
        // The first sentence is the headline.
        for s in report["sentences"].as_array().unwrap().iter().skip(1) {
            if s["attribution"] != "named" {
                let (a, b) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                problems.push(format!(
                    "sentence not attributed to a named source: {}",
                    utf16_slice(report["text"].as_str().unwrap(), a, b)
                ));
            }
        }
    }
    if expect["must_not_flag_author_voice"] == true {
        for f in flags {
            if f["kind"] == "loaded_language" && f["in_quotation"] == false {
                problems.push(format!(
                    "author-voice loaded language in a neutral article: {} ({})",
                    f["text"], f["category"]
                ));
            }
        }
    }
    let sources: Vec<&str> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for wanted in expect["named_sources"].as_array().unwrap() {
        let wanted = wanted.as_str().unwrap();
        if !sources.iter().any(|s| s.eq_ignore_ascii_case(wanted)) {
            problems.push(format!("source {wanted:?} missing from {sources:?}"));
        }
    }
    let text = report["text"].as_str().unwrap();
    for phrase in expect["body_must_contain"].as_array().unwrap() {
        if !text.contains(phrase.as_str().unwrap()) {
            problems.push(format!("text lacks {phrase}"));
        }
    }
    for phrase in expect["body_must_not_contain"].as_array().unwrap() {
        if text.contains(phrase.as_str().unwrap()) {
            problems.push(format!("text wrongly contains {phrase}"));
        }
    }
    assert_offsets_slice_text(&report);
    assert!(problems.is_empty(), "{name}:\n  {}", problems.join("\n  "));
}

#[test]
fn wire_story() {
    check_article("wire_story");
}

#[test]
fn hit_piece() {
    check_article("hit_piece");
}

#[test]
fn science_story() {
    check_article("science_story");
}

#[test]
fn multilingual_emoji() {
    check_article("multilingual_emoji");
}

#[test]
fn news_page() {
    check_article("news_page");
}

#[test]
fn minimal_page() {
    check_article("minimal_page");
}

#[test]
fn wire_court() {
    check_article("wire_court");
}

#[test]
fn wire_weather() {
    check_article("wire_weather");
}

#[test]
fn weasel_oped() {
    check_article("weasel_oped");
}

#[test]
fn empty_input_gives_an_empty_report_not_an_error() {
    for input in ["", "   \n\t\n", "\u{feff}"] {
        let report = report_json(input);
        assert_eq!(report["stats"]["words"], 0);
        assert_eq!(report["flags"].as_array().unwrap().len(), 0);
        assert_eq!(report["sentences"].as_array().unwrap().len(), 0);
        assert_eq!(report["metadata"]["title"], Value::Null);
    }
}

#[test]
fn the_report_has_the_documented_shape() {
    let report = report_json("Title\nBy Jo Bloggs\n\nThe so-called plan failed, critics say.");
    for key in [
        "version",
        "input_kind",
        "text",
        "metadata",
        "stats",
        "flags",
        "sentences",
        "sources",
    ] {
        assert!(report.get(key).is_some(), "missing {key}");
    }
    for key in [
        "title",
        "authors",
        "published",
        "publisher",
        "section",
        "tags",
        "language",
        "description",
        "url",
    ] {
        assert!(
            report["metadata"].get(key).is_some(),
            "missing metadata.{key}"
        );
    }
    for key in [
        "words",
        "sentences",
        "paragraphs",
        "quotations",
        "reading_minutes",
        "flags_per_1000_words",
    ] {
        assert!(report["stats"][key].is_number(), "missing stats.{key}");
    }
    let flag = &report["flags"][0];
    for key in [
        "kind",
        "category",
        "start",
        "end",
        "text",
        "message",
        "in_quotation",
    ] {
        assert!(flag.get(key).is_some(), "missing flag.{key}");
    }
    assert_eq!(
        report["metadata"]["published"],
        Value::Null,
        "nulls stay null"
    );
}

/// Whether a flag's text is `term`, or a phrase holding it as whole words:
/// flags grow into the phrase annotators would mark ("so-called experts").
fn holds(flagged: &str, term: &str) -> bool {
    flagged == term
        || flagged.starts_with(&format!("{term} "))
        || flagged.ends_with(&format!(" {term}"))
        || flagged.contains(&format!(" {term} "))
}

#[test]
fn offsets_are_utf16_after_emoji_and_non_latin_text() {
    let text =
        "Festival\n\n👨‍👩‍👧 東京 🇯🇵 The so-called experts gathered. Αθήνα 👍🏽 a massive crowd came.";
    let report = report_json(text);
    assert_offsets_slice_text(&report);
    let texts: Vec<&str> = report["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.iter().any(|t| holds(t, "so-called")) && texts.iter().any(|t| holds(t, "massive")),
        "{texts:?}"
    );
}

#[test]
fn options_switch_categories_off_and_add_terms() {
    let text = "The so-called junta met. Experts say it will fail.";
    let options = Options::from_json(
        r#"{"disabled_categories":["distancing"],"custom_terms":[{"term":"junta","category":"name_calling","note":"House style: say 'military government'."}]}"#,
    )
    .unwrap();
    let report = analyze(text, &options).unwrap();
    let found: Vec<(&str, &str)> = report
        .flags
        .iter()
        .map(|f| (report.flag_text(f), f.category.key()))
        .collect();
    assert!(!found.iter().any(|(_, c)| *c == "distancing"), "{found:?}");
    assert!(found.contains(&("junta", "name_calling")), "{found:?}");
    let junta = report
        .flags
        .iter()
        .find(|f| report.flag_text(f) == "junta")
        .unwrap();
    assert_eq!(
        junta.message.text(&report.text),
        "House style: say 'military government'."
    );
    assert!(
        found.contains(&("Experts say", "vague_attribution")),
        "{found:?}"
    );
}

#[test]
fn oversized_input_is_refused_with_a_clear_message() {
    let big = "a ".repeat(slant::MAX_INPUT_BYTES / 2 + 1);
    let err = analyze(&big, &Options::default()).unwrap_err();
    assert!(
        err.to_string().contains("Slant analyses up to 16 MB"),
        "{err}"
    );
}

#[test]
fn boilerplate_is_never_flagged() {
    let text = "Harbour reopens\nBy Jo Bloggs\nTheme: Shocking scandals, Thugs\n\nThe harbour reopened on Monday, the port authority said.\n\nShare this disgraceful story with everyone!\nCopyright © 2024 The Massive Outrage Gazette. All rights reserved.\nBecome a member: experts say it is the best ever deal!\n";
    let report = report_json(text);
    let flags = report["flags"].as_array().unwrap();
    assert!(
        flags.is_empty(),
        "flags in header/footer boilerplate: {flags:?}"
    );
    assert_eq!(
        report["metadata"]["tags"],
        serde_json::json!(["Shocking scandals", "Thugs"])
    );
}

#[test]
fn the_sourcing_summary_counts_claim_sentences_not_the_headline() {
    let report = report_json("Storm hits coast\nBy Jo Bloggs\n\nThe storm hit at dawn, police said. Experts say more will come. Roads closed.");
    assert_eq!(
        report["summary"]["sourcing"],
        "1 of 3 claim sentences attributed to named sources; 1 vague; 1 none"
    );
}
