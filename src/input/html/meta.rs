//! Metadata from the page's head: `<meta>` tags (Open Graph, `article:*`,
//! Dublin Core and friends) and JSON-LD (`NewsArticle` and its kin, also in
//! `@graph`).
//!
//! Size: see BENCHMARKS.md#t-miniserde (JSON-LD read with miniserde).
//! Memory: see BENCHMARKS.md#t-lean-json-ld (only the fields read are kept).

use super::dom::{attr_is, attribute, elements, first};
use super::json_ld::Ld;
use crate::metadata::{clean, dedupe, parse_date, split_authors, Metadata};
use scraper::{ElementRef, Html};

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

pub(super) fn meta_tag_metadata(page: &Html) -> Metadata {
    let metas: Vec<ElementRef> = elements(page)
        .filter(|e| e.value().name() == "meta")
        .collect();
    let metas = metas.as_slice();
    let all = |key: &str| -> Vec<String> {
        metas_for(metas, key, false)
            .filter_map(|m| attribute(m.value(), "content").and_then(clean))
            .collect()
    };
    let mut tags = all("article:tag");
    if tags.is_empty() {
        tags = all("keywords")
            .iter()
            .flat_map(|k| k.split(','))
            .filter_map(clean)
            .collect();
    }
    dedupe(&mut tags);
    let mut authors = Vec::new();
    for value in all("author")
        .into_iter()
        .chain(all("article:author"))
        .chain(all("byl"))
    {
        if !value.contains("://") {
            authors.extend(split_authors(
                value.trim_start_matches("By ").trim_start_matches("by "),
            ));
        }
    }
    dedupe(&mut authors);
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

pub(super) fn json_ld_metadata(page: &Html) -> Metadata {
    let mut meta = Metadata::default();
    let scripts = elements(page).filter(|e| {
        e.value().name() == "script" && attr_is(e.value(), "type", "application/ld+json")
    });
    for script in scripts {
        let source: String = script.text().collect();
        let Ok(value) = miniserde::json::from_str::<Ld>(source.trim()) else {
            continue;
        };
        if let Some(article) = find_article(&value, 0) {
            meta.fill_from(article_metadata(article));
        }
    }
    meta
}

/// `value[key]` when `value` is an object.
fn field<'a>(value: &'a Ld, key: &str) -> Option<&'a Ld> {
    value.get(key)
}

fn as_str(value: &Ld) -> Option<&str> {
    match value {
        Ld::String(s) => Some(s),
        _ => None,
    }
}

fn is_article(value: &Ld) -> bool {
    match field(value, "@type") {
        Some(Ld::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Ld::Array(types)) => types
            .iter()
            .any(|t| as_str(t).is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

/// The first article object, also inside arrays and `@graph`. Depth-limited:
/// pasted JSON can nest arbitrarily.
fn find_article(value: &Ld, depth: usize) -> Option<&Ld> {
    if depth > 8 {
        return None;
    }
    match value {
        Ld::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Ld::Object(_) => {
            if is_article(value) {
                return Some(value);
            }
            (value.get("@graph"))
                .or_else(|| value.get("mainEntity"))
                .and_then(|v| find_article(v, depth + 1))
        }
        _ => None,
    }
}

/// The names in an `author` or `publisher` field: a string of names, an
/// object with a `name`, or a list of those (lists in lists are read a few
/// levels deep, not as deep as pasted JSON can nest).
fn names(value: Option<&Ld>) -> Vec<String> {
    names_within(value, 4)
}

fn names_within(value: Option<&Ld>, depth: usize) -> Vec<String> {
    match value {
        Some(Ld::String(s)) => split_authors(s),
        Some(Ld::Array(items)) if depth > 0 => items
            .iter()
            .flat_map(|v| names_within(Some(v), depth - 1))
            .collect(),
        Some(value @ Ld::Object(_)) => value
            .get("name")
            .and_then(as_str)
            .and_then(clean)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

fn string_list(value: Option<&Ld>) -> Vec<String> {
    match value {
        Some(Ld::String(s)) => s.split(',').filter_map(clean).collect(),
        Some(Ld::Array(items)) => items.iter().filter_map(as_str).filter_map(clean).collect(),
        _ => Vec::new(),
    }
}

fn article_metadata(article: &Ld) -> Metadata {
    let text = |key: &str| field(article, key).and_then(as_str).and_then(clean);
    let mut authors = names(field(article, "author"));
    dedupe(&mut authors);
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
