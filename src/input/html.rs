//! HTML reader: metadata from `<meta>`, Open Graph, `article:*`, JSON-LD,
//! `<time>` and visible bylines; the article body from `<article>`/`<main>`
//! with page chrome (navigation, header, footer, asides, scripts, forms,
//! share and related-story boxes) dropped, as clean paragraphs.
//!
//! Speed: see BENCHMARKS.md#t-html-reader (attributes by name, one walk per
//! container) and BENCHMARKS.md#t-nesting-limit. Size: see
//! BENCHMARKS.md#t-dom-walk (no CSS selectors) and BENCHMARKS.md#t-miniserde
//! (JSON-LD).

use super::{Document, InputKind};
use crate::metadata::{
    clean, parse_date, push_unique, read_byline, split_authors, Byline, Metadata,
};
use ego_tree::NodeRef;
use miniserde::json::Value;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

pub fn read(input: &str) -> Document {
    let page = Html::parse_document(&limit_nesting(input));
    let mut meta = json_ld_metadata(&page);
    meta.fill_from(meta_tag_metadata(&page));
    let (paragraphs, headline_first, byline) = extract_body(&page);
    if meta.authors.is_empty() {
        meta.authors = byline.authors;
    }
    if meta.published.is_none() {
        meta.published = elements(&page)
            .find(|e| e.value().name() == "time" && attribute(e.value(), "datetime").is_some())
            .and_then(|t| attribute(t.value(), "datetime").and_then(parse_date))
            .or_else(|| {
                first(&page, "time").and_then(|t| parse_date(&t.text().collect::<String>()))
            })
            // A visible byline's date ("By A | June 3, 2025"), as the plain
            // text reader reads it: a rich paste carries little else.
            .or(byline.published);
    }
    if meta.section.is_none() {
        meta.section = byline.section;
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

/// The page's elements in the parser's node order (the order `Html::select`
/// used, kept so that "first" means the same). Matching is done by hand on
/// element and attribute names: CSS selectors would pull `selectors` and
/// `cssparser` into the WASM for a handful of fixed queries.
fn elements(page: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    page.tree.nodes().filter_map(ElementRef::wrap)
}

/// The first element named `name`.
fn first<'a>(page: &'a Html, name: &str) -> Option<ElementRef<'a>> {
    elements(page).find(|e| e.value().name() == name)
}

/// The descendants of `scope` (not `scope` itself), in document order.
fn descendant_elements<'a>(scope: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    scope.descendants().skip(1).filter_map(ElementRef::wrap)
}

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// `element`'s attributes in no namespace (the ones `Element::attr` finds),
/// as (name, value). Names are compared as strings: `attr` builds an interned
/// atom from the name on every call, and this reader asks a dozen questions
/// of every element.
fn attributes(element: &Element) -> impl Iterator<Item = (&str, &str)> {
    element
        .attrs
        .iter()
        .filter(|(qualified, _)| qualified.ns.is_empty())
        .map(|(qualified, value)| (&*qualified.local, &**value))
}

/// The value of `element`'s attribute `name`, as `Element::attr` gives it.
fn attribute<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    attributes(element).find_map(|(n, value)| (n == name).then_some(value))
}

/// Whether attribute `name` equals `value` the way a CSS `[name=value]`
/// selector compares it: ASCII case-insensitively for the attributes HTML
/// lists as such (`type`, `rel`) on HTML elements, exactly otherwise.
fn attr_is(element: &Element, name: &str, value: &str) -> bool {
    attribute(element, name).is_some_and(|actual| {
        if matches!(name, "type" | "rel") && &*element.name.ns == HTML_NAMESPACE {
            actual.eq_ignore_ascii_case(value)
        } else {
            actual == value
        }
    })
}

/// `<meta>` elements whose `property`, `name` (or, when `itemprop`, also
/// `itemprop`) is `key`, in page order.
fn metas_for<'a, 'b>(
    metas: &'b [ElementRef<'a>],
    key: &'b str,
    itemprop: bool,
) -> impl Iterator<Item = ElementRef<'a>> + 'b {
    metas.iter().copied().filter(move |m| {
        let m = m.value();
        attr_is(m, "property", key)
            || attr_is(m, "name", key)
            || (itemprop && attr_is(m, "itemprop", key))
    })
}

fn meta_content(metas: &[ElementRef], keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| {
        metas_for(metas, key, true).find_map(|m| attribute(m.value(), "content").and_then(clean))
    })
}

fn meta_tag_metadata(page: &Html) -> Metadata {
    let metas: Vec<ElementRef> = elements(page)
        .filter(|e| e.value().name() == "meta")
        .collect();
    let metas = metas.as_slice();
    let all = |key: &str| -> Vec<String> {
        metas_for(metas, key, false)
            .filter_map(|m| attribute(m.value(), "content").and_then(clean))
            .collect()
    };
    let mut tags = Vec::new();
    for tag in all("article:tag") {
        push_unique(&mut tags, tag);
    }
    if tags.is_empty() {
        for tag in all("keywords")
            .iter()
            .flat_map(|k| k.split(','))
            .filter_map(clean)
        {
            push_unique(&mut tags, tag);
        }
    }
    let mut authors = Vec::new();
    for value in all("author")
        .into_iter()
        .chain(all("article:author"))
        .chain(all("byl"))
    {
        if !value.contains("://") {
            for name in split_authors(value.trim_start_matches("By ").trim_start_matches("by ")) {
                push_unique(&mut authors, name);
            }
        }
    }
    Metadata {
        title: meta_content(metas, &["og:title", "twitter:title"]),
        authors,
        published: meta_content(
            metas,
            &[
                "article:published_time",
                "datePublished",
                "date",
                "pubdate",
                "publish-date",
                "dc.date",
                "DC.date.issued",
                "sailthru.date",
            ],
        )
        .and_then(|d| parse_date(&d)),
        publisher: meta_content(metas, &["og:site_name", "application-name", "publisher"]),
        section: meta_content(metas, &["article:section", "section"]),
        tags,
        language: first(page, "html")
            .and_then(|h| attribute(h.value(), "lang").and_then(clean))
            .or_else(|| meta_content(metas, &["og:locale", "language"])),
        description: meta_content(
            metas,
            &["description", "og:description", "twitter:description"],
        ),
        url: meta_content(metas, &["og:url"]).or_else(|| {
            elements(page)
                .find(|l| l.value().name() == "link" && attr_is(l.value(), "rel", "canonical"))
                .and_then(|l| attribute(l.value(), "href").and_then(clean))
        }),
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "LiveBlogPosting",
];

fn json_ld_metadata(page: &Html) -> Metadata {
    let mut meta = Metadata::default();
    let scripts = elements(page).filter(|e| {
        e.value().name() == "script" && attr_is(e.value(), "type", "application/ld+json")
    });
    for script in scripts {
        let source: String = script.text().collect();
        let Ok(value) = miniserde::json::from_str::<Value>(source.trim()) else {
            continue;
        };
        if let Some(article) = find_article(&value, 0) {
            meta.fill_from(article_metadata(article));
        }
    }
    meta
}

/// `value[key]` when `value` is an object.
fn field<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => map.get(key),
        _ => None,
    }
}

fn as_str(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s),
        _ => None,
    }
}

fn is_article(value: &Value) -> bool {
    match field(value, "@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(types)) => types
            .iter()
            .any(|t| as_str(t).is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

/// The first article object, also inside arrays and `@graph`. Depth-limited:
/// pasted JSON can nest arbitrarily.
fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            if is_article(value) {
                return Some(value);
            }
            map.get("@graph")
                .or_else(|| map.get("mainEntity"))
                .and_then(|v| find_article(v, depth + 1))
        }
        _ => None,
    }
}

fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => split_authors(s),
        Some(Value::Array(items)) => items.iter().flat_map(|v| names(Some(v))).collect(),
        Some(Value::Object(map)) => map
            .get("name")
            .and_then(as_str)
            .and_then(clean)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

fn string_list(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => s.split(',').filter_map(clean).collect(),
        Some(Value::Array(items)) => items.iter().filter_map(as_str).filter_map(clean).collect(),
        _ => Vec::new(),
    }
}

fn article_metadata(article: &Value) -> Metadata {
    let text = |key: &str| field(article, key).and_then(as_str).and_then(clean);
    let mut authors = Vec::new();
    for name in names(field(article, "author")) {
        push_unique(&mut authors, name);
    }
    Metadata {
        title: text("headline").or_else(|| text("name")),
        authors,
        published: text("datePublished")
            .or_else(|| text("dateCreated"))
            .and_then(|d| parse_date(&d)),
        publisher: names(field(article, "publisher")).into_iter().next(),
        section: string_list(field(article, "articleSection"))
            .into_iter()
            .next(),
        tags: string_list(field(article, "keywords")),
        language: text("inLanguage"),
        description: text("description"),
        url: text("url"),
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

const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "textarea", "input", "label", "iframe", "svg", "canvas", "figure", "video",
    "audio", "object", "embed", "head", "title", "meta", "link", "dialog", "menu",
];

const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "br",
    "hr",
    "address",
    "details",
    "summary",
];

/// Class or id fragments of boxes that are not the article's prose.
const CHROME_MARKERS: &[&str] = &[
    "byline",
    "dateline",
    "share",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "comment",
    "advert",
    "promo",
    "breadcrumb",
    "sidebar",
    "author-bio",
    "caption",
    "credit",
    "paywall",
    "cookie",
    "tags",
];

fn is_chrome(element: &Element) -> bool {
    attributes(element).any(|(name, value)| {
        match name {
            "class" | "id" | "role" => {
                // Class names are nearly always lower case already.
                let value: std::borrow::Cow<str> = if value.bytes().any(|b| b.is_ascii_uppercase())
                {
                    value.to_ascii_lowercase().into()
                } else {
                    value.into()
                };
                CHROME_MARKERS.iter().any(|m| value.contains(m))
                    || ["navigation", "banner", "contentinfo", "complementary"].contains(&&*value)
            }
            "hidden" => true,
            "aria-hidden" => value == "true",
            _ => false,
        }
    })
}

/// What a visible byline says, merged into `into`: names, then the first
/// date and section.
fn add_byline(into: &mut Byline, text: &str) {
    let found = read_byline(text);
    for name in found.authors {
        push_unique(&mut into.authors, name);
    }
    into.published = into.published.take().or(found.published);
    into.section = into.section.take().or(found.section);
}

/// Paragraph texts of the article body, whether the first is the headline,
/// and what a visible byline says (authors, date, section).
fn extract_body(page: &Html) -> (Vec<String>, bool, Byline) {
    let container = choose_container(page);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut byline = Byline::default();
    let flush = |current: &mut String, paragraphs: &mut Vec<String>, byline: &mut Byline| {
        let paragraph = current.trim();
        if !paragraph.is_empty() {
            // A short "By …" paragraph is a byline, not prose.
            match paragraph
                .strip_prefix("By ")
                .or_else(|| paragraph.strip_prefix("by "))
            {
                Some(rest) if paragraph.split_whitespace().count() <= 12 => {
                    add_byline(byline, rest);
                }
                _ => paragraphs.push(paragraph.to_string()),
            }
        }
        current.clear();
    };

    // Iterative walk: pasted HTML can nest a million levels deep.
    enum Step<'a> {
        Enter(NodeRef<'a, Node>),
        LeaveBlock,
    }
    let mut stack = vec![Step::Enter(*container)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::LeaveBlock => {
                flush(&mut current, &mut paragraphs, &mut byline);
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(text) => append_collapsed(&mut current, &text.text),
            Node::Element(element) => {
                let name = element.name();
                let inside = node.id() != container.id();
                let chrome = inside && is_chrome(element);
                if inside && (chrome || SKIPPED_ELEMENTS.contains(&name)) {
                    if chrome && attribute(element, "class").is_some_and(|c| c.contains("byline")) {
                        let text: String = ElementRef::wrap(node)
                            .map(|e| e.text().collect())
                            .unwrap_or_default();
                        let text = text.trim();
                        let rest = text
                            .strip_prefix("By ")
                            .or_else(|| text.strip_prefix("by "))
                            .unwrap_or(text);
                        add_byline(&mut byline, rest);
                    }
                    continue;
                }
                let block = BLOCK_ELEMENTS.contains(&name);
                if block {
                    flush(&mut current, &mut paragraphs, &mut byline);
                    stack.push(Step::LeaveBlock);
                }
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(Step::Enter));
            }
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs, &mut byline);

    // The headline often sits in a <header> that was skipped as chrome, and
    // its standfirst with it.
    let mut headline_first = false;
    if let Some(h1) = descendant_elements(container)
        .find(|e| e.value().name() == "h1")
        .or_else(|| first(page, "h1"))
    {
        if let Some(headline) = clean(&h1.text().collect::<String>()) {
            // Not in the body's text: the <h1> was in a skipped <header>,
            // and what stands beside it there was skipped too.
            let skipped = !paragraphs.contains(&headline);
            if paragraphs.first() != Some(&headline) {
                paragraphs.retain(|p| p != &headline);
                paragraphs.insert(0, headline);
            }
            headline_first = true;
            if let Some(standfirst) = standfirst(h1).filter(|s| skipped && !paragraphs.contains(s))
            {
                paragraphs.insert(1, standfirst);
            }
        }
    }
    (paragraphs, headline_first, byline)
}

/// Words at most in a standfirst: a sentence or two under the headline.
const STANDFIRST_MAX_WORDS: usize = 80;

/// The standfirst under a headline: among the next few elements beside the
/// `<h1>`, the first `<p>`, `<h2>` or `<div>` of a sentence or two that is
/// not a byline or a date.
fn standfirst(h1: ElementRef) -> Option<String> {
    h1.next_siblings()
        .filter_map(ElementRef::wrap)
        .take(4)
        .filter(|e| ["p", "h2", "div"].contains(&e.value().name()))
        .find_map(|e| {
            let text = clean(&e.text().collect::<String>())?;
            let words = text.split_whitespace().count();
            let byline = text.starts_with("By ") || text.starts_with("by ");
            let date = words <= 8 && crate::metadata::find_date(&text).is_some();
            (words <= STANDFIRST_MAX_WORDS && !byline && !date).then_some(text)
        })
}

/// Bytes that may start a whitespace character: ASCII whitespace and the lead
/// byte of every multi-byte character (never a continuation byte, so a scan
/// that stops at one stops on a character boundary).
const MAY_START_WHITESPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = matches!(byte as u8, b' ' | b'\t'..=b'\r' | 0xC0..=0xFF);
        byte += 1;
    }
    table
};

/// Appends `text` with each run of whitespace collapsed to one space, and no
/// space where `out` is empty or already ends with one. One pass over the
/// bytes: only a non-ASCII lead byte needs the character decoded.
fn append_collapsed(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !MAY_START_WHITESPACE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let Some(len) = whitespace_at(text, i) else {
            i += 1;
            continue;
        };
        let run = i;
        i += len;
        while let Some(len) = bytes.get(i).and_then(|_| whitespace_at(text, i)) {
            i += len;
        }
        // A single space after a word is already what collapsing makes of
        // it: it stays in the run being copied.
        if run > 0 && i == run + 1 && bytes[run] == b' ' {
            continue;
        }
        out.push_str(&text[copied..run]);
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        copied = i;
    }
    out.push_str(&text[copied..]);
}

/// The length of the whitespace character at byte `i` of `text` (a character
/// boundary), if there is one there.
#[inline(always)]
fn whitespace_at(text: &str, i: usize) -> Option<usize> {
    let c = crate::chars::char_at(text, i);
    c.is_whitespace().then(|| c.len_utf8())
}

/// The element that holds the article: the smallest of `<article>`, `<main>`
/// and friends that still holds most of the page's paragraph text.
fn choose_container(page: &Html) -> ElementRef<'_> {
    let scored: Vec<(ElementRef, usize, usize)> = elements(page)
        .filter(|c| is_container_candidate(c.value()))
        .map(|c| {
            let (paragraph_text, all_text) = text_lengths(c);
            (c, paragraph_text, all_text)
        })
        .collect();
    let best = scored.iter().map(|s| s.1).max().unwrap_or(0);
    scored
        .iter()
        .filter(|s| best > 0 && s.1 * 10 >= best * 8)
        .min_by_key(|s| s.2)
        .map(|s| s.0)
        .or_else(|| first(page, "body"))
        .unwrap_or_else(|| page.root_element())
}

/// The bytes of text inside `<p>` elements below `scope` (counted once per
/// enclosing `<p>`, `scope` itself not being one of them), and all the text
/// of `scope`: one walk over it.
fn text_lengths(scope: ElementRef) -> (usize, usize) {
    use ego_tree::iter::Edge;
    let (mut paragraph_text, mut all_text, mut open_paragraphs) = (0, 0, 0);
    for edge in scope.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => {
                    all_text += text.len();
                    paragraph_text += text.len() * open_paragraphs;
                }
                Node::Element(e) if node.id() != scope.id() && e.name() == "p" => {
                    open_paragraphs += 1;
                }
                _ => {}
            },
            Edge::Close(node) => {
                if node.id() != scope.id()
                    && node.value().as_element().is_some_and(|e| e.name() == "p")
                {
                    open_paragraphs -= 1;
                }
            }
        }
    }
    (paragraph_text, all_text)
}

/// `article, main, [role=main], [itemprop=articleBody]`, or one of the
/// article-body classes.
fn is_container_candidate(element: &Element) -> bool {
    const ARTICLE_BODY_CLASSES: &[&str] = &[
        "article-body",
        "article-content",
        "post-content",
        "entry-content",
        "story-body",
    ];
    matches!(element.name(), "article" | "main")
        || attributes(element).any(|(name, value)| match name {
            "role" => value == "main",
            "itemprop" => value == "articleBody",
            "class" => value
                .split_ascii_whitespace()
                .any(|class| ARTICLE_BODY_CLASSES.contains(&class)),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
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

    /// The hand-written matching agrees with the CSS selectors it replaced
    /// (scraper's `Selector`, test-only here), case rules included.
    #[test]
    fn hand_matching_equals_the_css_selectors_it_replaced() {
        use scraper::Selector;
        let pages = [
            PAGE,
            r#"<html><head><LINK REL="Canonical" href="/a"><link rel="canonical stylesheet" href="/b">
<script TYPE="Application/LD+JSON">{}</script><script type="application/ld+json ">{}</script>
<meta NAME="og:title" content="x"><meta name="OG:TITLE" content="y"><meta itemprop="og:title" content="z">
<meta property="og:title"><meta name="DC.date.issued" content="2020-01-01"></head>
<body><svg><title>svg title</title><script type="APPLICATION/LD+JSON">{}</script></svg>
<div ROLE="main">a</div><div role="Main">b</div><div class=" story-body  x">c</div><div class="Story-Body">d</div>
<p class="article-body"><h1>h</h1></p><section itemprop="articleBody"><p>p<time datetime>t</time></p></section>
<time>later</time><table><tr><td><main>m</main></td></tr><p>foster</p></table></body></html>"#,
        ];
        type Check = fn(&Element) -> bool;
        let cases: [(&str, Check); 8] = [
            ("time[datetime]", |e| e.name() == "time" && e.attr("datetime").is_some()),
            ("title", |e| e.name() == "title"),
            ("link[rel=canonical]", |e| {
                e.name() == "link" && attr_is(e, "rel", "canonical")
            }),
            ("script[type=\"application/ld+json\"]", |e| {
                e.name() == "script" && attr_is(e, "type", "application/ld+json")
            }),
            (
                "article, main, [role=main], [itemprop=articleBody], .article-body, .article-content, .post-content, .entry-content, .story-body",
                is_container_candidate,
            ),
            ("meta[property=\"og:title\"], meta[name=\"og:title\"], meta[itemprop=\"og:title\"]", |e| {
                e.name() == "meta"
                    && ["property", "name", "itemprop"]
                        .iter()
                        .any(|a| attr_is(e, a, "og:title"))
            }),
            ("meta[property=\"DC.date.issued\"], meta[name=\"DC.date.issued\"]", |e| {
                e.name() == "meta"
                    && (attr_is(e, "property", "DC.date.issued") || attr_is(e, "name", "DC.date.issued"))
            }),
            ("h1", |e| e.name() == "h1"),
        ];
        for source in pages {
            let page = Html::parse_document(source);
            for (css, check) in &cases {
                let selector = Selector::parse(css).unwrap();
                let by_css: Vec<_> = page.select(&selector).map(|e| e.id()).collect();
                let by_hand: Vec<_> = elements(&page)
                    .filter(|e| check(e.value()))
                    .map(|e| e.id())
                    .collect();
                assert_eq!(by_hand, by_css, "{css}");
                for scope in elements(&page) {
                    let by_css: Vec<_> = scope.select(&selector).map(|e| e.id()).collect();
                    let by_hand: Vec<_> = descendant_elements(scope)
                        .filter(|e| check(e.value()))
                        .map(|e| e.id())
                        .collect();
                    assert_eq!(by_hand, by_css, "{css} under {:?}", scope.value().name());
                }
            }
        }
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

    /// The word-by-word collapse `append_collapsed` replaced.
    fn append_collapsed_word_by_word(out: &mut String, text: &str) {
        for (i, word) in text.split_whitespace().enumerate() {
            let starts_with_space = i > 0 || text.starts_with(char::is_whitespace);
            if starts_with_space && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            out.push_str(word);
        }
        if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }

    proptest::proptest! {
        #[test]
        fn collapsing_in_one_pass_equals_word_by_word(
            before in "( |a)?",
            pieces in proptest::collection::vec("( |\t|\n|\r|\u{b}|\u{1c}|\u{a0}|\u{85}|\u{3000}|\u{2009}|a|é|東|😀|-){0,12}", 0..4),
        ) {
            let (mut fast, mut slow) = (before.clone(), before);
            for piece in &pieces {
                append_collapsed(&mut fast, piece);
                append_collapsed_word_by_word(&mut slow, piece);
            }
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn attributes_read_by_name_equal_scrapers_lookup() {
        let page = Html::parse_document(
            r#"<div Class="A b" id=x ROLE=main hidden aria-hidden=true data-x=1><svg xlink:href="h" href="g"><a xml:lang="en" lang="fr"></a></svg></div>"#,
        );
        let names = [
            "class",
            "id",
            "role",
            "hidden",
            "aria-hidden",
            "data-x",
            "href",
            "lang",
            "ROLE",
            "none",
        ];
        for element in elements(&page) {
            for name in names {
                assert_eq!(
                    attribute(element.value(), name),
                    element.value().attr(name),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn chrome_is_recognised_by_class_id_role_and_hidden_attributes() {
        let page = Html::parse_document(
            r#"<div id=a class="Share-Box"></div><div id=b role=navigation></div><div id=c hidden></div>
<div id=d aria-hidden=true></div><div id=e aria-hidden=false></div><div id=f class="story"></div>
<div id=g ID="Related-Links"></div><div id=h role="Banner"></div><div id=i class="prose"></div>"#,
        );
        let chrome: Vec<_> = elements(&page)
            .filter(|e| e.value().name() == "div" && is_chrome(e.value()))
            .filter_map(|e| e.value().id())
            .collect();
        assert_eq!(chrome, ["a", "b", "c", "d", "h"]);
    }

    #[test]
    fn text_lengths_in_one_walk_equal_the_lengths_summed_per_paragraph() {
        let pages = [
            PAGE,
            "<main><p>one <b>two</b></p><div>three<p>four</p></div></main>",
            "<p class=article-body>own text<p>next</p></p><svg><p>foreign</p></svg>",
            "<article><math><p>a<p>b</p></p></math>tail</article>",
        ];
        for source in pages {
            let page = Html::parse_document(source);
            for scope in elements(&page) {
                let paragraph_text: usize = descendant_elements(scope)
                    .filter(|p| p.value().name() == "p")
                    .map(|p| p.text().map(str::len).sum::<usize>())
                    .sum();
                let all_text: usize = scope.text().map(str::len).sum();
                assert_eq!(text_lengths(scope), (paragraph_text, all_text), "{source}");
            }
        }
    }
}
