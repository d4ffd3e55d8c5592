//! Property tests: whatever is pasted, the analysis does not panic, every
//! offset lies on a UTF-16 boundary inside `text` and slices out exactly its
//! `text`, paragraphs and sentences are in order and do not overlap, every
//! sentence lies in a paragraph, and the same input gives the same report.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use slant::{analyze, InputKind, Options, Report};

/// Pieces of messy news text: words the lexicons and the attribution care
/// about, quotation marks of every kind, abbreviations, numbers, line ends,
/// emoji sequences, other scripts and invisible or hostile characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "the", "so-called", "experts say", "thugs", "said", "Keller", "Maria", "according to",
            "police", "he", "She", "reportedly", "undoubtedly", "massive", "regime", "Dr.", "U.S.",
            "No. 4", "$4.2 million", "40 percent", "By Jo Bloggs", "March 3, 2025", "© 2024 Agency",
            "Theme: Politics", "it was proved that", "told reporters", "of the", "union",
        ]).prop_map(str::to_string),
        3 => prop::sample::select(vec![
            " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", ".", ",", ":", "!", "?", "…", "...", "\"",
            "“", "”", "‘", "’", "'", "«", "»", "(", ")", "-", "—",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "👨‍👩‍👧", "👍🏽", "🇯🇵", "🎉", "東京", "Αθήνα", "القاهرة", "\u{202e}", "\u{200b}", "\u{feff}",
            "\u{0}", "\u{7}", "\u{fffd}", "e\u{301}", "\u{10ffff}",
        ]).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn messy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|pieces| pieces.concat())
}

/// Generated HTML: nested elements (some left open, some chrome), attributes,
/// entities, comments and scripts around messy text.
fn messy_html() -> impl Strategy<Value = String> {
    let leaf = messy_text().prop_map(|t| t.replace('<', "&lt;"));
    leaf.prop_recursive(5, 60, 6, |inner| {
        (
            prop::sample::select(vec![
                "p", "div", "article", "main", "nav", "header", "footer", "aside", "script", "style",
                "h1", "blockquote", "span", "b", "time", "form", "table", "td", "li", "a",
            ]),
            prop::collection::vec(inner, 0..4),
            any::<bool>(),
            prop::sample::select(vec!["", " class=\"byline\"", " datetime=\"2024-05-14\"", " hidden", " lang=en"]),
        )
            .prop_map(|(tag, children, close, attribute)| {
                let body = children.concat();
                if close {
                    format!("<{tag}{attribute}>{body}</{tag}>")
                } else {
                    format!("<{tag}{attribute}>{body}<!-- c -->")
                }
            })
    })
    .prop_map(|body| {
        format!("<!doctype html><html><head><title>T | Site</title><meta property=\"og:site_name\" content=\"Site\"></head><body>{body}</body></html>")
    })
}

fn utf16_boundaries(text: &str) -> Vec<bool> {
    // boundary[i]: UTF-16 offset i starts a character (or is the end).
    let mut boundary = Vec::new();
    for c in text.chars() {
        boundary.push(true);
        if c.len_utf16() == 2 {
            boundary.push(false);
        }
    }
    boundary.push(true);
    boundary
}

fn slice16(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16(&units[start..end]).expect("slice on UTF-16 boundaries")
}

fn check_report(report: &Report) -> Result<(), TestCaseError> {
    let units: Vec<u16> = report.text.encode_utf16().collect();
    let boundary = utf16_boundaries(&report.text);
    for flag in &report.flags {
        prop_assert!(
            flag.start < flag.end && flag.end <= units.len(),
            "flag out of range: {flag:?}"
        );
        prop_assert!(
            boundary[flag.start] && boundary[flag.end],
            "flag splits a character: {flag:?}"
        );
        prop_assert_eq!(
            slice16(&units, flag.start, flag.end),
            report.flag_text(flag)
        );
    }
    prop_assert_eq!(report.paragraphs.len(), report.stats.paragraphs);
    let mut previous_end = 0;
    for paragraph in &report.paragraphs {
        prop_assert!(previous_end <= paragraph.start && paragraph.start < paragraph.end);
        prop_assert!(
            paragraph.end <= units.len() && boundary[paragraph.start] && boundary[paragraph.end]
        );
        previous_end = paragraph.end;
    }
    let mut previous_end = 0;
    let mut paragraphs = report.paragraphs.iter().peekable();
    for sentence in &report.sentences {
        prop_assert!(previous_end <= sentence.start && sentence.start < sentence.end);
        prop_assert!(
            sentence.end <= units.len() && boundary[sentence.start] && boundary[sentence.end]
        );
        while paragraphs.next_if(|p| p.end <= sentence.start).is_some() {}
        prop_assert!(
            paragraphs
                .peek()
                .is_some_and(|p| p.start <= sentence.start && sentence.end <= p.end),
            "sentence outside every paragraph: {:?}",
            sentence
        );
        previous_end = sentence.end;
    }
    for source in &report.sources {
        prop_assert_eq!(source.mentions, source.spans.len());
        for span in &source.spans {
            prop_assert!(span.start <= span.end && span.end <= units.len());
            prop_assert!(boundary[span.start] && boundary[span.end]);
        }
    }
    Ok(())
}

fn json(report: &Report) -> String {
    serde_json::to_string(report).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_a_consistent_report(text in messy_text()) {
        let options = Options { input: Some(InputKind::Text), ..Options::default() };
        let report = analyze(&text, &options).unwrap();
        check_report(&report)?;
        prop_assert_eq!(&report.text, &text);
        // Deterministic, and analysing the report's text again gives the same flags.
        let again = analyze(&report.text, &options).unwrap();
        prop_assert_eq!(json(&report), json(&again));
    }

    #[test]
    fn any_html_gives_a_consistent_report(html in messy_html()) {
        let report = analyze(&html, &Options::default()).unwrap();
        prop_assert_eq!(report.input_kind, InputKind::Html);
        check_report(&report)?;
        prop_assert_eq!(json(&report), json(&analyze(&html, &Options::default()).unwrap()));
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let report = analyze(&text, &Options::default()).unwrap();
        check_report(&report)?;
    }
}
