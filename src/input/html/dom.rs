//! Asking the parsed page about its elements and attributes, by hand: the
//! handful of fixed queries the reader makes would pull CSS selectors
//! (`selectors`, `cssparser`) into the WASM.
//!
//! Size: see BENCHMARKS.md#t-dom-walk. Speed: see BENCHMARKS.md#t-html-reader
//! (attributes compared by name, not through interned atoms).

use scraper::node::Element;
use scraper::{ElementRef, Html};

/// The page's elements in the parser's node order (the order `Html::select`
/// used, kept so that "first" means the same). Matching is done by hand on
/// element and attribute names: CSS selectors would pull `selectors` and
/// `cssparser` into the WASM for a handful of fixed queries.
pub(super) fn elements(page: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    page.tree.nodes().filter_map(ElementRef::wrap)
}

/// An element's text. In a page read as plain paragraphs (`flat`), without
/// their breaks (`parse::PARAGRAPH_BREAK`): where a heading held a block
/// element, a `<p>` in it added no text.
pub(super) fn text_of(element: ElementRef, flat: bool) -> String {
    let mut text: String = element.text().collect();
    if flat && text.contains(super::parse::PARAGRAPH_BREAK) {
        text.retain(|c| c != super::parse::PARAGRAPH_BREAK);
    }
    text
}

/// The first element named `name`.
pub(super) fn first<'a>(page: &'a Html, name: &str) -> Option<ElementRef<'a>> {
    elements(page).find(|e| e.value().name() == name)
}

/// The descendants of `scope` (not `scope` itself), in document order.
pub(super) fn descendant_elements<'a>(
    scope: ElementRef<'a>,
) -> impl Iterator<Item = ElementRef<'a>> {
    scope.descendants().skip(1).filter_map(ElementRef::wrap)
}

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// `element`'s attributes in no namespace (the ones `Element::attr` finds),
/// as (name, value). Names are compared as strings: `attr` builds an interned
/// atom from the name on every call, and this reader asks a dozen questions
/// of every element.
pub(super) fn attributes(element: &Element) -> impl Iterator<Item = (&str, &str)> {
    element
        .attrs
        .iter()
        .filter(|(qualified, _)| qualified.ns.is_empty())
        .map(|(qualified, value)| (&*qualified.local, &**value))
}

/// The value of `element`'s attribute `name`, as `Element::attr` gives it.
pub(super) fn attribute<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    attributes(element).find_map(|(n, value)| (n == name).then_some(value))
}

/// Whether attribute `name` equals `value` the way a CSS `[name=value]`
/// selector compares it: ASCII case-insensitively for the attributes HTML
/// lists as such (`type`, `rel`) on HTML elements, exactly otherwise.
pub(super) fn attr_is(element: &Element, name: &str, value: &str) -> bool {
    attribute(element, name).is_some_and(|actual| {
        if matches!(name, "type" | "rel") && &*element.name.ns == HTML_NAMESPACE {
            actual.eq_ignore_ascii_case(value)
        } else {
            actual == value
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::body::is_container_candidate;
    use super::super::tests::PAGE;
    use super::*;

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
}
