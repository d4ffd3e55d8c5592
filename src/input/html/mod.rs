//! HTML reader: metadata from `<meta>`, Open Graph, `article:*`, JSON-LD,
//! `<time>` and visible bylines; the article body from `<article>`/`<main>`
//! with page chrome (navigation, header, footer, asides, scripts, forms,
//! share and related-story boxes) dropped, as clean paragraphs.
//!
//! The parts: `parse.rs` (html5ever's tree builder, in linear time on any
//! page), fed by `lexer.rs` (the tokenizer, with `entities.rs`'s character
//! references), with `nesting.rs` (the guard that cuts attributes and drops
//! what is nested too deep, following `stack.rs`), `tokens.rs` (where tags
//! begin and end) and `kinds.rs` (the element names they treat apart); then `dom.rs` (asking the parsed page about
//! elements and attributes), `meta.rs` (metadata from `<meta>` and
//! JSON-LD, read into `json_ld.rs`'s lean values) and `body.rs` (the
//! article's paragraphs).
//!
//! Speed: see BENCHMARKS.md#t-nesting-limit.

mod body;
mod dom;
mod entities;
mod json_ld;
mod kinds;
mod lexer;
mod meta;
mod nesting;
mod parse;
mod stack;
mod tokens;

use super::{Document, InputKind};
use crate::metadata::{clean, parse_date};
use dom::{attribute, elements, first, text_of};

pub fn read(input: &str) -> Document {
    let (page, flat) = parse::parse(input);
    let mut meta = meta::json_ld_metadata(&page);
    meta.fill_from(meta::meta_tag_metadata(&page));
    let (paragraphs, headline_first, byline) = body::extract_body(&page, flat);
    if meta.authors.is_empty() {
        meta.authors = byline.authors;
    }
    if meta.published.is_none() {
        meta.published = elements(&page)
            .find(|e| e.value().name() == "time" && attribute(e.value(), "datetime").is_some())
            .and_then(|t| attribute(t.value(), "datetime").and_then(parse_date))
            .or_else(|| first(&page, "time").and_then(|t| parse_date(&text_of(t, flat))))
            // A visible byline's date ("By A | June 3, 2025"), as the plain
            // text reader reads it: a rich paste carries little else.
            .or(byline.published);
    }
    if meta.section.is_none() {
        meta.section = byline.section;
    }
    if meta.publisher.is_none() {
        meta.publisher = byline.publisher;
    }
    if meta.title.is_none() {
        meta.title = first(&page, "title")
            .or_else(|| first(&page, "h1"))
            .and_then(|t| clean(&text_of(t, flat)));
    }
    if let (Some(title), Some(site)) = (&meta.title, &meta.publisher) {
        meta.title = Some(strip_site_name(title, site));
    }

    // The page's tree is done with: it goes before the text is made (a page
    // of a hundred thousand short paragraphs is a tree of 13 MB), and the
    // text is made in room for exactly it.
    drop(page);
    let separators = 2 * paragraphs.len().saturating_sub(1);
    let mut text =
        String::with_capacity(paragraphs.iter().map(|p| p.len()).sum::<usize>() + separators);
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
        // Authors nested deeply are not followed all the way (the walk was
        // recursive: a stack overflow).
        let authors = "[".repeat(100_000) + "\"Deep Down\"" + &"]".repeat(100_000);
        let doc = read(&page(&format!(
            r#"{{"@type":"NewsArticle","headline":"Deep","author":[["Ann Lee"],{authors}]}}"#
        )));
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
