//! The cases of "Linear on every input, and every page a browser reads is
//! read whole", each as behaviour: the same text as the same page with its
//! end tags written out, no script body in the text, the right metadata.
//! How the time grows with each pattern is measured by the adversarial
//! benchmark (`bench/adversarial.mjs`, BENCHMARKS.md), not timed here; the
//! sizes below are large enough that a quadratic path would stall the
//! suite.

use slant::{analyze, InputKind, Options, Report};

fn html(page: &str) -> Report {
    let options = Options {
        input: Some(InputKind::Html),
        ..Options::default()
    };
    analyze(page, &options).expect("HTML is always analysed")
}

fn text(input: &str) -> Report {
    let options = Options {
        input: Some(InputKind::Text),
        ..Options::default()
    };
    analyze(input, &options).expect("plain text is always analysed")
}

const ARTICLE: &str =
    "<article><p>The council met on Tuesday. It approved the budget, officials said.</p></article>";

#[test]
fn a_menu_of_list_items_without_end_tags_reads_as_with_them() {
    let menu = |end: &str| -> String {
        (0..300)
            .map(|i| format!("<li><a href=\"/s/{i}\">Section {i}</a>{end}"))
            .collect()
    };
    let page = |end| {
        format!(
            "<html><body><nav><ul>{}</ul></nav>{ARTICLE}</body></html>",
            menu(end)
        )
    };
    let without = html(&page(""));
    let with = html(&page("</li>"));
    assert_eq!(without.text, with.text);
    assert_eq!(
        without.text,
        "The council met on Tuesday. It approved the budget, officials said."
    );
    assert_eq!(without.stats.words, 11);
}

#[test]
fn paragraphs_without_end_tags_read_as_with_them() {
    let page = |end: &str| -> String {
        let paragraphs: String = (0..300)
            .map(|i| format!("<p>Paragraph {i} ends with a full stop.{end}"))
            .collect();
        format!("<html><body><article>{paragraphs}</article></body></html>")
    };
    let without = html(&page(""));
    let with = html(&page("</p>"));
    assert_eq!(without.text, with.text);
    assert_eq!(without.stats.paragraphs, 300);
    assert!(!without.text.contains("stopParagraph"));
}

#[test]
fn other_optional_end_tags_read_as_written_out() {
    let pairs = [
        (
            "<dl><dt>Term<dd>Meaning<dt>Other<dd>Too</dl>",
            "<dl><dt>Term</dt><dd>Meaning</dd><dt>Other</dt><dd>Too</dd></dl>",
        ),
        (
            "<table><tr><td>One<td>Two<tr><td>Three</table>",
            "<table><tbody><tr><td>One</td><td>Two</td></tr><tr><td>Three</td></tr></tbody></table>",
        ),
        (
            "<ol><li>One<li>Two<p>Three<li>Four</ol>",
            "<ol><li>One</li><li>Two<p>Three</p></li><li>Four</li></ol>",
        ),
    ];
    for (left_out, written) in pairs {
        let page = |body: &str| -> String {
            let body = body.repeat(200);
            format!("<html><body><article>{body}</article></body></html>")
        };
        assert_eq!(
            html(&page(left_out)).text,
            html(&page(written)).text,
            "{left_out}"
        );
    }
}

#[test]
fn self_closing_divs_do_not_walk_around_the_nesting_limit() {
    // 64,000 `<div/>` (384 KB): each is open in HTML. 12 s before.
    let page = format!(
        "<html><body><p>Lead text.</p>{}<p>Tail text.</p></body></html>",
        "<div/>".repeat(64_000)
    );
    let report = html(&page);
    assert_eq!(report.text, "Lead text.\n\nTail text.");
}

#[test]
fn stray_end_tags_do_not_walk_around_the_nesting_limit() {
    let page = "<html><body>".to_string()
        + &"<div>".repeat(20_000)
        + &"</span></x>".repeat(20_000)
        + &"<div>".repeat(20_000)
        + "<p>deep text</p></body></html>";
    assert_eq!(html(&page).text, "deep text");
}

#[test]
fn script_style_and_template_bodies_are_never_text_however_deep() {
    for depth in [0, 50, 300, 5_000] {
        let page = format!(
            "<html><body><article><p>Intro text.</p>{}<p>Deep text.</p>\
             <script>var secret = 'SCRIPT BODY';</script><style>.x {{}} STYLE BODY</style>\
             <template><p>TEMPLATE BODY</p></template><noscript>NOSCRIPT BODY</noscript>\
             {}<p>After text.</p></article></body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let report = html(&page);
        assert_eq!(
            report.text, "Intro text.\n\nDeep text.\n\nAfter text.",
            "{depth} deep"
        );
    }
}

#[test]
fn an_element_with_a_hundred_thousand_attributes_is_read() {
    let attributes: String = (0..100_000).map(|i| format!(" a{i}=x")).collect();
    let page = format!("<html><body><p{attributes}>Attribute text.</p></body></html>");
    assert_eq!(html(&page).text, "Attribute text.");
}

#[test]
fn a_page_that_reopens_formatting_elements_keeps_its_text() {
    let bold: String = (0..50).map(|i| format!("<b id=b{i}>")).collect();
    let page = format!(
        "<html><body><p>{bold}Bold.</p>{}</body></html>",
        "<p>Plain paragraph.</p>".repeat(5_000)
    );
    let report = html(&page);
    assert_eq!(report.stats.paragraphs, 5_001);
}

#[test]
fn long_keyword_author_and_tag_lists_keep_each_entry_once_in_order() {
    let keywords: String = (0..20_000).map(|i| format!("kw{}, ", i % 5_000)).collect();
    let page = format!(
        "<html><head><meta name=\"keywords\" content=\"{keywords}\"></head><body>{ARTICLE}</body></html>"
    );
    let tags = html(&page).metadata.tags;
    assert_eq!(tags.len(), 5_000);
    assert_eq!((tags[0].as_str(), tags[4_999].as_str()), ("kw0", "kw4999"));
    // "Tags:" lines in plain text, every one read.
    let lines: String = (0..20_000)
        .map(|i| format!("Tags: Tag{}, tag{}\n", i % 100, i % 100))
        .collect();
    let report = text(&format!("Headline\n\nThe council met.\n\n{lines}"));
    assert_eq!(report.metadata.tags.len(), 100);
    assert_eq!(report.metadata.tags[0], "Tag0");
}

#[test]
fn a_byline_of_brackets_is_no_name() {
    let page = format!(
        "<html><head><meta name=\"author\" content=\"By {}\"></head><body>{ARTICLE}</body></html>",
        "[".repeat(200_000)
    );
    assert!(html(&page).metadata.authors.is_empty());
    let page = format!(
        "<html><head><meta name=\"author\" content=\"{}[Ann Lee](https://x.org/al)\"></head><body>{ARTICLE}</body></html>",
        "[x]".repeat(50_000)
    );
    assert!(html(&page).metadata.authors.is_empty(), "a name is short");
}

#[test]
fn a_cjk_paragraph_without_spaces_splits_into_its_sentences() {
    let paragraph = "東京は晴れ。大阪は雨。".repeat(20_000);
    let report = text(&paragraph);
    assert_eq!(report.stats.sentences, 40_000);
}

#[test]
fn a_readers_term_in_capitals_matches_any_case() {
    let options = Options {
        custom_terms: vec![slant::CustomTerm {
            term: "ÉLITE".into(),
            category: slant::Category::NameCalling,
            note: None,
        }],
        ..Options::default()
    };
    let report = analyze(
        "The ÉLITE squad, the Élite team and the élite unit.",
        &options,
    )
    .unwrap();
    let found: Vec<&str> = report
        .flags
        .iter()
        .filter(|f| f.category == slant::Category::NameCalling)
        .map(|f| report.flag_text(f))
        .collect();
    assert_eq!(found, ["ÉLITE", "Élite", "élite"]);
}
