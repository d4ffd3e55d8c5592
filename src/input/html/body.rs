//! The article's paragraphs: the container that holds most of the page's
//! paragraph text, walked with page chrome (navigation, asides, forms,
//! share and related-story boxes, hidden elements) left out, and a visible
//! byline read as authors.
//!
//! Speed: see BENCHMARKS.md#t-html-reader (chrome checks in one pass over an
//! element's attributes, whitespace collapsed in one byte scan, each
//! candidate container's text measured in one walk).
//!
//! Measured: BENCHMARKS.md#t-container-lengths.

use super::dom::{attribute, attributes, descendant_elements, elements, first, text_of};
use crate::metadata::{clean, dedupe, read_byline, Byline};
use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

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

/// What a visible byline says, added to `into`: names (deduplicated once,
/// at the end), then the first date and section.
fn add_byline(into: &mut Byline, text: &str) {
    let found = read_byline(text);
    into.authors.extend(found.authors);
    into.published = into.published.take().or(found.published);
    into.section = into.section.take().or(found.section);
    into.publisher = into.publisher.take().or(found.publisher);
}

/// Paragraph texts of the article body, whether the first is the headline,
/// and what a visible byline says (authors, date, section). Each paragraph
/// is a `Box<str>`, a third smaller than a `String` in the list: a page can
/// be a hundred thousand short paragraphs, all held beside its tree.
/// `flat`: the page was read as plain paragraphs, whose text breaks at each
/// `parse::PARAGRAPH_BREAK` as at a block element, and which has no
/// standfirst.
pub(super) fn extract_body(page: &Html, flat: bool) -> (Vec<Box<str>>, bool, Byline) {
    let container = choose_container(page);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut byline = Byline::default();
    let flush = |current: &mut String, paragraphs: &mut Vec<Box<str>>, byline: &mut Byline| {
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
                _ => paragraphs.push(paragraph.into()),
            }
        }
        current.clear();
    };

    // Iterative walk: pasted HTML can nest a million levels deep. A node
    // entered stands for its next siblings too (each pushes the next before
    // its own children), so the stack holds a few steps per level, not
    // every child of every open element: a page of 250,000 empty `<p>`s in
    // one `<span>` had them all on it at once, twice (12 MB).
    enum Step<'a> {
        /// The node, then (`true`) its next sibling.
        Enter(NodeRef<'a, Node>, bool),
        LeaveBlock,
    }
    let mut stack = vec![Step::Enter(*container, false)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::LeaveBlock => {
                flush(&mut current, &mut paragraphs, &mut byline);
                continue;
            }
            Step::Enter(node, siblings) => {
                if let Some(next) = node.next_sibling().filter(|_| siblings) {
                    stack.push(Step::Enter(next, true));
                }
                node
            }
        };
        match node.value() {
            Node::Text(text) if flat => {
                let mut pieces = text.text.split(super::parse::PARAGRAPH_BREAK);
                append_collapsed(&mut current, pieces.next().unwrap_or_default());
                for piece in pieces {
                    flush(&mut current, &mut paragraphs, &mut byline);
                    append_collapsed(&mut current, piece);
                }
            }
            Node::Text(text) => append_collapsed(&mut current, &text.text),
            Node::Element(element) => {
                let name = element.name();
                let inside = node.id() != container.id();
                let chrome = inside && is_chrome(element);
                if inside && (chrome || SKIPPED_ELEMENTS.contains(&name)) {
                    if chrome && attribute(element, "class").is_some_and(|c| c.contains("byline")) {
                        let text: String = ElementRef::wrap(node)
                            .map(|e| text_of(e, flat))
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
                if let Some(child) = node.first_child() {
                    stack.push(Step::Enter(child, true));
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs, &mut byline);
    dedupe(&mut byline.authors);

    // The headline often sits in a <header> that was skipped as chrome, and
    // its standfirst with it.
    let mut headline_first = false;
    if let Some(h1) = descendant_elements(container)
        .find(|e| e.value().name() == "h1")
        .or_else(|| first(page, "h1"))
    {
        if let Some(headline) = clean(&text_of(h1, flat)) {
            // Not in the body's text: the <h1> was in a skipped <header>,
            // and what stands beside it there was skipped too.
            let skipped = !paragraphs.iter().any(|p| **p == headline);
            if paragraphs.first().is_none_or(|p| **p != headline) {
                paragraphs.retain(|p| **p != headline);
                paragraphs.insert(0, headline.into());
            }
            headline_first = true;
            // A page read as plain paragraphs has no elements beside the
            // headline to find one in.
            let skipped = skipped && !flat;
            if let Some(standfirst) =
                standfirst(h1, flat).filter(|s| skipped && !paragraphs.iter().any(|p| **p == **s))
            {
                paragraphs.insert(1, standfirst.into());
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
fn standfirst(h1: ElementRef, flat: bool) -> Option<String> {
    h1.next_siblings()
        .filter_map(ElementRef::wrap)
        .take(4)
        .filter(|e| ["p", "h2", "div"].contains(&e.value().name()))
        .find_map(|e| {
            let text = clean(&text_of(e, flat))?;
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
    let scored = text_lengths(page, is_container_candidate);
    let best = scored.iter().map(|s| s.1).max().unwrap_or(0);
    scored
        .iter()
        .filter(|s| best > 0 && s.1 * 10 >= best * 8)
        .min_by_key(|s| s.2)
        .map(|s| s.0)
        .or_else(|| first(page, "body"))
        .unwrap_or_else(|| page.root_element())
}

/// For each element `wanted` picks, in the parser's node order: the bytes
/// of text inside the `<p>` elements below it (counted once per enclosing `<p>`, itself not
/// being one of them), and all its text. One walk over the whole page,
/// each element's lengths summed from its children's: candidates nested in
/// candidates (128 `<article>`s deep) cost no more than one.
fn text_lengths<'a>(
    page: &'a Html,
    wanted: impl Fn(&Element) -> bool,
) -> Vec<(ElementRef<'a>, usize, usize)> {
    use ego_tree::iter::Edge;
    /// An open element's sums so far, and its row in the result if wanted.
    struct Open {
        paragraph_text: usize,
        all_text: usize,
        is_p: bool,
        row: Option<usize>,
    }
    // Rows in the order `elements` gives, which `choose_container`'s ties
    // keep; node ids grow in that order, so a row is found by binary search.
    let mut lengths: Vec<(ElementRef, usize, usize)> = elements(page)
        .filter(|e| wanted(e.value()))
        .map(|e| (e, 0, 0))
        .collect();
    let mut open: Vec<Open> = Vec::new();
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => {
                    if let Some(parent) = open.last_mut() {
                        parent.all_text += text.len();
                    }
                }
                Node::Element(e) => {
                    let row = if wanted(e) {
                        lengths
                            .binary_search_by_key(&node.id(), |row| row.0.id())
                            .ok()
                    } else {
                        None
                    };
                    open.push(Open {
                        paragraph_text: 0,
                        all_text: 0,
                        is_p: e.name() == "p",
                        row,
                    });
                }
                _ => {}
            },
            Edge::Close(node) if node.value().is_element() => {
                let closed = open.pop().expect("opened before");
                if let Some(row) = closed.row {
                    lengths[row].1 = closed.paragraph_text;
                    lengths[row].2 = closed.all_text;
                }
                if let Some(parent) = open.last_mut() {
                    parent.all_text += closed.all_text;
                    parent.paragraph_text += closed.paragraph_text;
                    if closed.is_p {
                        parent.paragraph_text += closed.all_text;
                    }
                }
            }
            Edge::Close(_) => {}
        }
    }
    lengths
}

/// `article, main, [role=main], [itemprop=articleBody]`, or one of the
/// article-body classes.
pub(super) fn is_container_candidate(element: &Element) -> bool {
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
    use super::super::tests::PAGE;
    use super::*;

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
            let expected: Vec<_> = elements(&page)
                .map(|scope| {
                    let paragraph_text: usize = descendant_elements(scope)
                        .filter(|p| p.value().name() == "p")
                        .map(|p| p.text().map(str::len).sum::<usize>())
                        .sum();
                    let all_text: usize = scope.text().map(str::len).sum();
                    (scope.id(), paragraph_text, all_text)
                })
                .collect();
            let found: Vec<_> = text_lengths(&page, |_| true)
                .into_iter()
                .map(|(e, p, all)| (e.id(), p, all))
                .collect();
            assert_eq!(found, expected, "{source}");
        }
    }
}
