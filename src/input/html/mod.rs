//! HTML reader: metadata from `<meta>`, Open Graph, `article:*`, JSON-LD,
//! `<time>` and visible bylines; the article body from `<article>`/`<main>`
//! with page chrome (navigation, header, footer, asides, scripts, forms,
//! share and related-story boxes) dropped, as clean paragraphs.
//!
//! The parts: `dom.rs` (asking the parsed page about elements and
//! attributes), `meta.rs` (metadata from `<meta>` and JSON-LD), `body.rs`
//! (the article's paragraphs).
//!
//! Speed: see BENCHMARKS.md#t-nesting-limit.

mod body;
mod dom;
mod meta;

use super::{Document, InputKind};
use crate::metadata::{clean, parse_date};
use dom::{attribute, elements, first};
use scraper::Html;

pub fn read(input: &str) -> Document {
    let page = Html::parse_document(&limit_nesting(input));
    let mut meta = meta::json_ld_metadata(&page);
    meta.fill_from(meta::meta_tag_metadata(&page));
    let (paragraphs, headline_first, byline_authors) = body::extract_body(&page);
    if meta.authors.is_empty() {
        meta.authors = byline_authors;
    }
    if meta.published.is_none() {
        meta.published = elements(&page)
            .find(|e| e.value().name() == "time" && attribute(e.value(), "datetime").is_some())
            .and_then(|t| attribute(t.value(), "datetime").and_then(parse_date))
            .or_else(|| {
                first(&page, "time").and_then(|t| parse_date(&t.text().collect::<String>()))
            });
    }
    if meta.title.is_none() {
        meta.title = first(&page, "title")
            .or_else(|| first(&page, "h1"))
            .and_then(|t| clean(&t.text().collect::<String>()));
    }
    if let (Some(title), Some(site)) = (&meta.title, &meta.publisher) {
        meta.title = Some(strip_site_name(title, site));
    }

    let mut text = String::new();
    let mut prose = Vec::with_capacity(paragraphs.len());
    for paragraph in &paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        prose.push(text.len()..text.len() + paragraph.len());
        text.push_str(paragraph);
    }
    let headline = headline_first.then(|| prose[0].clone());
    Document {
        kind: InputKind::Html,
        text,
        metadata: meta,
        prose,
        headline,
    }
}

/// Deeper than any real page; html5ever's tree building slows down
/// quadratically with depth, so pasted markup nested deeper is flattened.
const MAX_DEPTH: usize = 256;

const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The input with every tag below `MAX_DEPTH` levels of nesting removed (their
/// text kept). Borrowed, untouched, when the page is not that deep: the scan
/// is one linear pass.
fn limit_nesting(input: &str) -> std::borrow::Cow<'_, str> {
    let bytes = input.as_bytes();
    let mut out: Option<String> = None;
    let mut copied_to = 0;
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset;
        let rest = &input[start..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| start + e + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + if closing { 2 } else { 1 };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = input[name_start..name_start + name_len].to_ascii_lowercase();
        let end = rest.find('>').map_or(bytes.len(), |e| start + e + 1);
        let self_closing =
            input[start..end].ends_with("/>") || VOID_ELEMENTS.contains(&name.as_str());
        let too_deep = if closing {
            let deep = depth > MAX_DEPTH;
            depth = depth.saturating_sub(1);
            deep
        } else if self_closing {
            false
        } else {
            depth += 1;
            depth > MAX_DEPTH
        };
        if too_deep {
            let out = out.get_or_insert_with(|| String::with_capacity(input.len()));
            out.push_str(&input[copied_to..start]);
            copied_to = end;
        }
        i = end;
        // Raw text: a script or style body is not markup.
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            i = find_ascii_case_insensitive(&input[end..], &close).map_or(bytes.len(), |e| end + e);
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(input),
        Some(mut out) => {
            out.push_str(&input[copied_to..]);
            std::borrow::Cow::Owned(out)
        }
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// "Council approves budget | The Valley Courier" -> "Council approves budget".
fn strip_site_name(title: &str, site: &str) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "] {
        if let Some(rest) = title.strip_suffix(&format!("{separator}{site}")) {
            return rest.trim().to_string();
        }
        if let Some(rest) = title.strip_prefix(&format!("{site}{separator}")) {
            return rest.trim().to_string();
        }
    }
    title.to_string()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::input) const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Council approves budget | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2024-05-14T09:30:00Z">
<meta property="article:section" content="Local">
<meta property="article:tag" content="budget"><meta property="article:tag" content="council">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
 {"@type":"NewsArticle","headline":"Council approves budget","author":[{"@type":"Person","name":"Rosa Díaz"},{"@type":"Person","name":"Ben Ode"}]}]}</script>
<style>p{color:red}</style></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><header><h1>Council approves budget</h1><p class="byline">By Rosa Díaz</p></header>
<p>The council voted 7&ndash;2 on Tuesday.&nbsp;Residents <em>packed</em> the hall.</p>
<!-- ad slot --><script>var x = "<p>not text</p>";</script>
<p>“It was a long night,” said Mayor Tom Hale.</p>
<aside><h2>Related stories</h2><ul><li>Other story</li></ul></aside>
<form><p>Sign up for our newsletter</p></form></article>
<footer><p>© 2024 The Valley Courier</p></footer></body></html>"#;

    #[test]
    fn reads_metadata_from_meta_tags_and_json_ld_graph() {
        let doc = read(PAGE);
        let m = &doc.metadata;
        assert_eq!(m.title.as_deref(), Some("Council approves budget"));
        assert_eq!(m.authors, ["Rosa Díaz", "Ben Ode"]);
        assert_eq!(m.published.as_deref(), Some("2024-05-14"));
        assert_eq!(m.publisher.as_deref(), Some("The Valley Courier"));
        assert_eq!(m.section.as_deref(), Some("Local"));
        assert_eq!(m.tags, ["budget", "council"]);
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn extracts_clean_paragraphs_without_chrome() {
        let doc = read(PAGE);
        assert_eq!(
            doc.text,
            "Council approves budget\n\nThe council voted 7–2 on Tuesday. Residents packed the hall.\n\n“It was a long night,” said Mayor Tom Hale."
        );
        assert_eq!(
            doc.headline.map(|r| &doc.text[r]),
            Some("Council approves budget")
        );
        assert_eq!(doc.prose.len(), 3);
    }

    #[test]
    fn strips_site_name_from_title_only_when_known() {
        assert_eq!(strip_site_name("A | Site", "Site"), "A");
        assert_eq!(strip_site_name("Site - A", "Site"), "A");
        assert_eq!(strip_site_name("A | Other", "Site"), "A | Other");
    }

    #[test]
    fn falls_back_to_body_and_visible_byline() {
        let doc = read("<html><head><title>Plain page</title></head><body><div class=\"byline\">By Jo March</div><p>One.</p><p>Two.</p><time datetime=\"2020-02-29\">Feb 29</time></body></html>");
        assert_eq!(doc.metadata.title.as_deref(), Some("Plain page"));
        assert_eq!(doc.metadata.authors, ["Jo March"]);
        assert_eq!(doc.metadata.published.as_deref(), Some("2020-02-29"));
        assert!(doc.text.starts_with("One.\n\nTwo."), "{}", doc.text);
    }

    #[test]
    fn limits_nesting_depth_and_leaves_normal_pages_alone() {
        assert!(matches!(limit_nesting(PAGE), std::borrow::Cow::Borrowed(_)));
        let deep = "<div>".repeat(MAX_DEPTH + 10) + "x" + &"</div>".repeat(MAX_DEPTH + 10);
        let flattened = limit_nesting(&deep);
        assert_eq!(flattened.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flattened.matches("</div>").count(), MAX_DEPTH);
        assert!(flattened.contains(">x<"));
        let script = "<script>if (a <b) {}</SCRIPT><p>ok</p>";
        assert!(matches!(
            limit_nesting(script),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn survives_deep_nesting_and_garbage() {
        let deep = "<div>".repeat(1_000_000) + "deep text" + &"</div>".repeat(1_000_000);
        let doc = read(&deep);
        assert!(doc.text.contains("deep text"));
        let doc = read("<html><script type=\"application/ld+json\">{not json</script><p>ok</p>");
        assert_eq!(doc.text, "ok");
    }

    #[test]
    fn json_ld_nested_deeply_is_read_or_skipped_without_a_crash() {
        let page =
            |json: &str| format!("<script type=\"application/ld+json\">{json}</script><p>ok</p>");
        // An article beside a deeply nested field still gives its metadata.
        let nested = "[".repeat(5_000) + &"]".repeat(5_000);
        let doc = read(&page(&format!(
            r#"{{"@type":"NewsArticle","extra":{nested},"headline":"Deep","author":{{"name":"Ann Lee"}}}}"#
        )));
        assert_eq!(doc.metadata.title.as_deref(), Some("Deep"));
        assert_eq!(doc.metadata.authors, ["Ann Lee"]);
        // An article nested deeper than the search goes is not looked for.
        let buried = "[".repeat(100_000)
            + r#"{"@type":"NewsArticle","headline":"x"}"#
            + &"]".repeat(100_000);
        let doc = read(&page(&buried));
        assert_eq!((doc.metadata.title, doc.text.as_str()), (None, "ok"));
        // Escapes, including a surrogate pair, are decoded.
        let doc = read(&page(
            r#"{"@type":"Article","headline":"Caf\u00e9 \ud83d\ude00 \"quoted\""}"#,
        ));
        assert_eq!(doc.metadata.title.as_deref(), Some("Café 😀 \"quoted\""));
    }
}
