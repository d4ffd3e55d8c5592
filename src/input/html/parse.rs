//! Parsing a page with html5ever's tree builder in linear time, whatever the
//! page. Its tokens come from our tokenizer (`lexer.rs`).
//!
//! html5ever builds the tree as a browser does, and most of its steps walk
//! its stack of open elements or its list of active formatting elements: a
//! page that makes either long makes the parse quadratic, and one that makes
//! the parser reopen many formatting elements again and again (`<p><b><i>…`
//! then `<p>x` thousands of times) makes it build far more elements than the
//! page has tags. So the page is parsed in three tries, each watched:
//!
//! 1. the page itself, its tags cut to `MAX_ATTRIBUTES` attributes
//!    (`nesting::cap`): exactly as a browser reads it;
//! 2. if that got too deep or too big, the page with every element deeper
//!    than `MAX_DEPTH` dropped (`nesting::limit`), its text kept;
//! 3. if that did too, the page as plain paragraphs (`flat`): its text, a
//!    paragraph break for each block element, its headings and the head's
//!    metadata, nothing that can nest.
//!
//! Watching: each time a piece of the page has been read, the tree
//! builder's stack and list are counted (`trace_handles`) and the elements it
//! has built. A try is given up when the two together hold more than
//! `MAX_OPEN` entries, or when it has built more than one node per
//! `BYTES_PER_NODE` bytes read beyond a small allowance. A piece is small
//! enough that even the worst case cannot get far past either limit before
//! the next count, so every try is linear, and so is the whole; and the tree
//! a try builds stays within a fixed multiple of the page's size.
//!
//! The plain paragraphs of the last try are text: a paragraph break is the
//! character `PARAGRAPH_BREAK`, not an element, and one for a run of block
//! tags with no text between them, so the tree of a page of tiny elements
//! (`</p>` 250,000 times, or `<p>x</p>` 125,000 times) is a few nodes.
//!
//! Measured: BENCHMARKS.md#t-watched-parse, BENCHMARKS.md#t-one-tree-builder,
//! BENCHMARKS.md#t-own-tokenizer.

use super::kinds::{html_flags, kind_of, Kind, CLOSES_P, HEADING, IMPLIED_END};
use super::lexer::Lexer;
use super::nesting;
use super::tokens::{Raw, Tokenizer};
use html5ever::interface::{Tracer, TreeSink};
use html5ever::tokenizer::{Token, TokenSink};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use scraper::{Html, HtmlTreeSink};
use std::cell::Cell;

/// The parser's stack of open elements and list of active formatting
/// elements together hold at most this many entries (real pages: a few
/// dozen; the guard's `MAX_DEPTH` leaves room for what it does not follow).
const MAX_OPEN: usize = 160;

/// A try may build one node per this many bytes read (and the allowance
/// below). A node of scraper's tree takes 128 bytes, so the tree is at most
/// 16 bytes per byte of the page, of the 20 that the whole analysis may
/// take; the test, annotated and bench pages have one node per 20 to 80
/// bytes. A page of tiny elements packed closer (`<i>x</i>`, a stray `</p>`:
/// one per four bytes, 32 MB for 1 MB) is read as plain paragraphs instead,
/// its text kept. See BENCHMARKS.md#t-node-budget.
const BYTES_PER_NODE: usize = 8;

/// The nodes a try may build beyond one per `BYTES_PER_NODE` bytes read.
const NODE_ALLOWANCE: usize = 4096;

/// About how many nodes the parser may build between two counts at worst:
/// each piece is this divided by the entries open (each token can reopen
/// that many formatting elements), between `MIN_PIECE` and `MAX_PIECE` bytes.
const PIECE_NODES: usize = 65_536;
const MIN_PIECE: usize = 64;
const MAX_PIECE: usize = 8192;

/// A paragraph break in the plain paragraphs (`flat`): a Unicode
/// noncharacter, reserved for a program's own use, taken out of the page's
/// text there. An element per paragraph was two of html5ever's nodes (256
/// bytes) per paragraph, 32 bytes per byte of a page of one-letter ones.
/// See BENCHMARKS.md#t-breaks-as-text.
pub(super) const PARAGRAPH_BREAK: char = '\u{FDD0}';

/// The page parsed in linear time (see the module doc), and whether it was
/// read as plain paragraphs (their breaks are `PARAGRAPH_BREAK`s).
pub(super) fn parse(input: &str) -> (Html, bool) {
    let capped = nesting::cap(input);
    if let Some(page) = watched(&capped, MAX_PIECE, true)
        .or_else(|| watched(&nesting::limit(input), MAX_PIECE, true))
    {
        return (page, false);
    }
    let page = watched(&flat(&capped), MAX_PIECE, false);
    (
        page.expect("a parse without limits is never given up"),
        true,
    )
}

/// Counts the handles the tree builder holds.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = ego_tree::NodeId;

    fn trace_handle(&self, _: &ego_tree::NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

/// The page parsed, or, with `limits`, `None` if the parser's stack and list
/// grew past `MAX_OPEN` entries or it built too many nodes. They are counted
/// whenever at most `max_piece` bytes more have been read.
fn watched(input: &str, max_piece: usize, limits: bool) -> Option<Html> {
    // Our tokenizer feeds html5ever's tree builder: html5ever's own links a
    // table of named character references of 70 KB gzipped. The tree
    // builder is generic, and a second copy of it is 60 KB of WASM, so it is
    // made here alone (not through `Html::parse_document`).
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let mut lexer = Lexer::new(input);
    // After `read` bytes: `None` past the limits, else how many more bytes
    // to read before the next count.
    let count = |read: usize| {
        let nodes = builder.sink.0.borrow().tree.nodes().len();
        let open = Count(Cell::new(0));
        builder.trace_handles(&open);
        let open = open.0.get();
        let over = open > MAX_OPEN || nodes > read / BYTES_PER_NODE + NODE_ALLOWANCE;
        (!limits || !over)
            .then(|| (PIECE_NODES / (open + 4)).clamp(MIN_PIECE.min(max_piece), max_piece))
    };
    let mut count_at = max_piece;
    while let Some(token) =
        lexer.next(|| builder.adjusted_current_node_present_but_not_in_html_namespace())
    {
        lexer.follow(builder.process_token(token, 1));
        let read = lexer.position();
        if read >= count_at {
            count_at = read + count(read)?;
        }
    }
    count(lexer.position())?;
    let _ = builder.process_token(Token::EOFToken, 1);
    builder.end();
    Some(builder.sink.finish())
}

/// The page as plain paragraphs, with nothing that can nest: the text
/// (without `PARAGRAPH_BREAK`s of its own); a `PARAGRAPH_BREAK` where a
/// block element starts or ends (one for a run of them with only whitespace
/// between: an empty paragraph is no text); headings, `<br>`, `<title>`,
/// `<meta>`, `<link>`, `<html>` and scripts (JSON-LD) as they are; the
/// content of `<style>`, `<noscript>`, `<template>` and their kin dropped;
/// every other tag dropped. The last try of [`parse`], for a page the
/// nesting guard could not keep shallow.
pub(super) fn flat(input: &str) -> String {
    let mut tokens = Tokenizer::new(input);
    let mut out = String::with_capacity(input.len());
    let mut copied = 0;
    // Inside a `<template>` (its nesting depth) or a dropped raw text
    // element: where the dropped stretch began.
    let mut templates = 0usize;
    let mut dropping: Option<usize> = None;
    let mut raw_dropped = false;
    // Whether anything but whitespace was written since the last `<p>`.
    let mut written = true;
    while let Some(tag) = tokens.next_tag(false) {
        let kind = tag.short_name().map_or(Kind::Other, kind_of);
        let start = !tag.end_tag;
        if raw_dropped {
            // The end tag of the dropped raw text element.
            raw_dropped = false;
            if templates == 0 {
                written |= copy(
                    &mut out,
                    &input[copied..dropping.take().unwrap_or(tag.range.start)],
                );
                copied = tag.range.end;
            }
            continue;
        }
        let raw = match kind {
            Kind::Script => Some(Raw::Script),
            Kind::Title | Kind::Textarea => Some(Raw::Rcdata),
            Kind::Plaintext => Some(Raw::Plaintext),
            Kind::Style
            | Kind::Noscript
            | Kind::Noframes
            | Kind::Iframe
            | Kind::Noembed
            | Kind::Xmp => Some(Raw::Rawtext),
            _ => None,
        };
        if start {
            if let Some(raw) = raw {
                tokens.raw_text(raw, &tag);
            }
        }
        if kind == Kind::Template {
            if start {
                templates += 1;
                if templates == 1 {
                    dropping = Some(tag.range.start);
                }
            } else if templates > 0 {
                templates -= 1;
                if templates == 0 {
                    written |= copy(
                        &mut out,
                        &input[copied..dropping.take().unwrap_or(tag.range.start)],
                    );
                    copied = tag.range.end;
                }
            }
            continue;
        }
        if templates > 0 {
            continue;
        }
        let keep_as_is = matches!(
            kind,
            Kind::Html
                | Kind::Meta
                | Kind::Link
                | Kind::Br
                | Kind::Script
                | Kind::Title
                | Kind::Plaintext
        ) || html_flags(kind) & HEADING != 0;
        if keep_as_is {
            continue;
        }
        if start && raw.is_some() {
            // Dropped with its text, up to its end tag.
            raw_dropped = true;
            dropping = Some(tag.range.start);
            continue;
        }
        let block = html_flags(kind) & (CLOSES_P | IMPLIED_END) != 0
            || matches!(
                kind,
                Kind::Table | Kind::Tr | Kind::Td | Kind::Th | Kind::Caption
            );
        written |= copy(&mut out, &input[copied..tag.range.start]);
        if block && written {
            out.push(PARAGRAPH_BREAK);
            written = false;
        }
        copied = tag.range.end;
    }
    copy(&mut out, &input[copied..dropping.unwrap_or(input.len())]);
    out
}

/// Appends `piece` to `out`, without `PARAGRAPH_BREAK`s; whether it holds
/// anything but whitespace.
fn copy(out: &mut String, piece: &str) -> bool {
    if piece.contains(PARAGRAPH_BREAK) {
        out.extend(piece.chars().filter(|&c| c != PARAGRAPH_BREAK));
    } else {
        out.push_str(piece);
    }
    !piece.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serialized(page: &Html) -> String {
        page.root_element().html()
    }

    proptest::proptest! {
        /// Counted after pieces of any size, the page is the tree html5ever
        /// builds from the whole.
        #[test]
        fn a_page_parsed_in_pieces_is_the_page_parsed_whole(
            pieces in proptest::collection::vec(
                "<p>|</p>|<b>|</b>|<i>|<table>|<td>|<tr>|</table>|<script>|</script>|<!--|-->|&amp|&amp;|&#x41;|<svg>|<![CDATA[|]]>|</svg>|<textarea>|</textarea>|\\r|\\n|\\r\\n|x|é|😀|<a href=\"u\">|</a>| ",
                0..40,
            ),
            piece in 1usize..12,
        ) {
            let page: String = pieces.concat();
            let whole = Html::parse_document(&page);
            let in_pieces = watched(&page, piece, true).expect("a small page is never given up");
            proptest::prop_assert_eq!(serialized(&in_pieces), serialized(&whole));
        }
    }

    /// The whole document as scraper holds it: quirks mode, doctype with
    /// identifiers, comments, elements with attributes, text.
    fn everything(page: &Html) -> String {
        format!("{:?} {:?}", page.quirks_mode, page.tree)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Our tokenizer gives html5ever's tree builder the tree html5ever's
        /// own gives it, on pieces of every kind of markup, character
        /// reference, NUL, carriage return and raw text.
        #[test]
        fn our_tokens_build_the_tree_html5evers_tokenizer_builds(
            pieces in proptest::collection::vec(
                "<!DOCTYPE html>|<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">|<!DOCTYPE html SYSTEM 'about:legacy-compat'>|<!DOCTYPE x PUBLIC 'a' 'b' junk>|<!DOCTYPE x SYSTEM \"a>|<!DOCTYPE>|<!doctype x y>|<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\">|<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">|<!doctype html public'x'system\"y\"z>|                <p>|</p>|<P CLASS=a class=b>|<b>|</b>|<i>|<table>|<td>|<tr>|</table>|<script>|</script>|<script type=x>|<!--|-->|--!>|<!-->|<!--->|-|--|!|<|</|>|/>|<?x>|</ x>|</>|<!x>|                &amp|&amp;|&ampx|&notin;|&notit;|&#x41;|&#65|&#x;|&#;|&#0;|&#x80;|&#x110000;|&#xD800;|&#99999999999;|&#X1F600;|&AElig|&aeligx|&;|&|&x|                <a href=\"u&amp=1&ampx&amp;y&#65\">|<a title='&notin'>|<a b=&amp c=&ampz d=\"x\"e='y'f>|<a a=1 A=2 a=3>|<a\u{0}b=c\u{0}>|<img src=x/>|<br/ >|<a =x>|                <svg>|<![CDATA[|]]>|</svg>|<math>|<mi>|<foreignObject>|<textarea>|</textarea>|<title>|</title>|<style>|</style>|<xmp>|</xmp>|<plaintext>|<noscript>|</noscript>|<iframe>|<pre>|                <!--<script>|</script >|<script/x>|\u{0}|\r|\n|\r\n|\t|\u{c}|\u{feff}|x|é|😀|ÄB| ",
                0..40,
            ),
        ) {
            let page: String = pieces.concat();
            let theirs = Html::parse_document(&page);
            let ours = watched(&page, MAX_PIECE, false).unwrap();
            proptest::prop_assert_eq!(everything(&ours), everything(&theirs));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The same, character by character: the tokenizer's states meet
        /// every character that changes them.
        #[test]
        fn our_tokens_build_the_tree_html5evers_tokenizer_builds_from_character_soup(
            page in "(<|>|/|!|-|&|#|;|=|'|\"|\\?|\\[|\\]| |\t|\n|\r|\u{0}|\u{feff}|a|b|p|x|X|1|9|amp|lt|notin|script|svg|title|style|textarea|plaintext|CDATA|DOCTYPE|PUBLIC|SYSTEM|é|😀){0,60}",
        ) {
            let theirs = Html::parse_document(&page);
            let ours = watched(&page, MAX_PIECE, false).unwrap();
            proptest::prop_assert_eq!(everything(&ours), everything(&theirs));
        }
    }

    /// Pages where our tokenizer had to follow html5ever closely: comments
    /// the page ends in, doctypes that set quirks mode or not, references
    /// in text and attributes, CDATA with a NUL, raw text, a byte-order
    /// mark after a script, the newline after `<pre></>`.
    #[test]
    fn hand_picked_pages_are_the_trees_html5ever_builds() {
        for page in [
            "<!--<p>",
            "<!--a--",
            "<!--a--!",
            "<!---",
            "<!-- x ->",
            "<!---->x<!----->y<!-->z<!--->w",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p><table>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\"><p><table>",
            "<!doctype html system 'about:legacy-compat' junk><p><table>",
            "<!DOCTYPE html PUBLIC 'x>'<p><table>",
            "<!DOCTYPE><p><table>",
            "<p>&notit; &notin; &amp &ampx &#x80; &#0; &#xD800; &#99999999999; &#x; &#;",
            "<a href='?a=1&amp=2&ampx&amp;y&#65' title=&notit>x</a>",
            "<svg><![CDATA[a\u{0}b]]>c</svg>",
            "<svg><![CDATA[unclosed",
            "<title>&amp;<b>\u{0}</title><textarea>\n&lt;x\u{0}</textarea><style>&amp;</style>",
            "<script><!--<script></script>--></script>after",
            "<script></script>\u{feff}x",
            "<pre></>\nx</pre><pre>\nx</pre>",
            "<P CLASS=a class=b Class=c>x",
            "<a\u{0}b=c\u{0}>x",
            "a\r\nb\rc\u{0}d",
            "\u{feff}<p>x",
            "<plaintext></plaintext>&amp;",
        ] {
            let ours = watched(page, MAX_PIECE, false).unwrap();
            assert_eq!(everything(&ours), everything(&Html::parse_document(page)), "{page}");
        }
    }

    /// Every HTML page of the tests and the benchmark, read by our
    /// tokenizer, is the page html5ever's own tokenizer reads.
    #[test]
    fn every_test_page_is_the_tree_html5ever_builds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut pages = 0;
        for dir in [
            "tests/articles",
            "tests/annotated",
            "e2e/fixtures",
            "bench/corpus",
        ] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for path in entries.map(|e| e.unwrap().path()) {
                if path.extension().is_some_and(|e| e == "html") {
                    let page = std::fs::read_to_string(&path).unwrap();
                    let ours = watched(&page, MAX_PIECE, false).unwrap();
                    let theirs = Html::parse_document(&page);
                    assert!(
                        everything(&ours) == everything(&theirs),
                        "{}",
                        path.display()
                    );
                    pages += 1;
                }
            }
        }
        assert!(pages >= 10, "{pages} pages");
    }

    #[test]
    fn a_normal_page_is_parsed_exactly() {
        let page = super::super::tests::PAGE;
        let (parsed, flat) = parse(page);
        assert!(!flat);
        assert_eq!(serialized(&parsed), serialized(&Html::parse_document(page)));
    }

    #[test]
    fn a_page_that_reopens_formatting_elements_without_end_falls_back_to_paragraphs() {
        // Fifty unclosed `<b>`s, then `<p>x</p>` many times: the parser
        // reopens all fifty in each paragraph (fifty elements per eight
        // bytes). The depth guard does not follow that: the plain page does.
        let bold: String = (0..50).map(|i| format!("<b id=b{i}>")).collect();
        let page = format!(
            "<html><body><p>{bold}</p>{}</body></html>",
            "<p>x</p>".repeat(20_000)
        );
        assert!(watched(&page, MAX_PIECE, true).is_none());
        let (parsed, flat) = parse(&page);
        assert!(flat);
        let paragraphs = super::super::body::extract_body(&parsed, flat).0;
        assert_eq!(paragraphs, vec![Box::from("x"); 20_000]);
        // The breaks are text: a handful of nodes, not two per paragraph.
        assert!(
            parsed.tree.nodes().len() < 20,
            "{}",
            parsed.tree.nodes().len()
        );
    }

    #[test]
    fn the_plain_page_keeps_text_headings_and_metadata_and_nothing_that_nests() {
        let page = "<html lang=en><head><title>T</title><meta name=author content=A>\
            <style>p{}</style><script type=application/ld+json>{}</script></head><body>\
            <div><div><h1>Head</h1><p>One<b>two</b></p><template><p>no</p><template>\
            </template><p>no</p></template><noscript>no</noscript><ul><li>three<li>four</ul>\
            <svg><text>five</text></svg></div></div></body></html>";
        let flat = flat(page);
        assert_eq!(
            flat,
            "<html lang=en><title>T</title><meta name=author content=A>\
            <script type=application/ld+json>{}</script>\
            \u{FDD0}<h1>Head</h1>\u{FDD0}Onetwo\u{FDD0}three\u{FDD0}four\u{FDD0}five\u{FDD0}</html>"
        );
        // The page's own breaks are taken out: only the blocks make them.
        assert_eq!(super::flat("a\u{FDD0}b<p>c"), "ab\u{FDD0}c");
    }

    proptest::proptest! {
        /// Paragraph breaks as text give the paragraphs that breaks as
        /// `<p>` elements gave. No standfirst is looked for in either (a
        /// page read as plain paragraphs has no elements beside its
        /// headline to find one in; as `<p>`s, a headline that was not in
        /// the body's text — a byline in an `<h1>` — took a `<p>` or `<h2>`
        /// after it, its text run together across a `<br>` or a `<title>`).
        #[test]
        fn breaks_as_text_read_as_breaks_as_paragraph_elements(
            pieces in proptest::collection::vec(
                "<p>|</p>|<div>|</div>|<h1>|</h1>|<h2>|</h2>|<br>|<b>|</b>|<li>|<td>|<title>t</title>|x|y z| |\n|By Jo|&amp;|<ul>|</ul>|<article>|June 3, 2025",
                0..30,
            ),
        ) {
            use super::super::body::extract_body;
            let page = format!("<html><body>{}", pieces.concat());
            let plain = flat(&page);
            let as_text = watched(&plain, MAX_PIECE, false).unwrap();
            let as_elements =
                watched(&plain.replace(PARAGRAPH_BREAK, "<p>"), MAX_PIECE, false).unwrap();
            // The same reader (`flat`) of both: it splits at no break in
            // the second.
            let (a, b) = (extract_body(&as_text, true), extract_body(&as_elements, true));
            proptest::prop_assert_eq!((a.0, a.1), (b.0, b.1));
        }
    }

    /// The cases the proptest above found while the breaks became text:
    /// a heading holding only a break, and bylines in headlines.
    #[test]
    fn breaks_as_text_read_as_paragraph_elements_on_the_cases_that_differed() {
        use super::super::body::extract_body;
        for body in [
            "<h1><p>",
            "<h1>By Jo</h1><ul><title>t</title>",
            "<h1>By Jo</h1><p>June 3, 2025<br>x<p>",
            "<h1>By Jo</h1><ul>&amp;<h2>x<li>x",
        ] {
            let plain = flat(&format!("<html><body>{body}"));
            let as_text = watched(&plain, MAX_PIECE, false).unwrap();
            let as_elements =
                watched(&plain.replace(PARAGRAPH_BREAK, "<p>"), MAX_PIECE, false).unwrap();
            let (a, b) = (
                extract_body(&as_text, true),
                extract_body(&as_elements, true),
            );
            assert_eq!((a.0, a.1), (b.0, b.1), "{body}");
        }
    }

    #[test]
    fn a_page_of_tiny_elements_is_read_as_plain_paragraphs_with_the_same_text() {
        use super::super::body::extract_body;
        let pages = [
            // A stray `</p>` is an empty `<p>` to a browser: one per 4 bytes.
            format!(
                "<html><body><p>Lead text.</p>{}<p>Tail text.</p></body></html>",
                "</p>".repeat(50_000)
            ),
            // An element and a text node per 8 bytes.
            format!(
                "<html><body><p>{}</p><p>Tail text.</p></body></html>",
                "<i>x</i>".repeat(50_000)
            ),
            // Fifty formatting elements reopened in each of 2,000 paragraphs.
            format!(
                "<html><body><p>{}</p>{}</body></html>",
                (0..50).map(|i| format!("<b id=b{i}>")).collect::<String>(),
                "<p>x</p>".repeat(2_000)
            ),
        ];
        for page in &pages {
            assert!(watched(page, MAX_PIECE, true).is_none());
            let (parsed, flat) = parse(page);
            assert!(flat);
            // A handful of nodes, where the browser's reading has 50,000.
            assert!(
                parsed.tree.nodes().len() < 20,
                "{}",
                parsed.tree.nodes().len()
            );
            let as_a_browser = Html::parse_document(page);
            assert!(as_a_browser.tree.nodes().len() > 50_000);
            assert_eq!(
                extract_body(&parsed, flat).0,
                extract_body(&as_a_browser, false).0
            );
        }
    }

    #[test]
    fn the_test_and_bench_pages_are_well_within_the_node_budget() {
        let pages = [
            super::super::tests::PAGE,
            include_str!("../../../tests/articles/news_page.html"),
            include_str!("../../../e2e/fixtures/news_page.html"),
        ];
        for page in pages {
            let nodes = Html::parse_document(page).tree.nodes().len();
            assert!(nodes * BYTES_PER_NODE * 2 < page.len(), "{nodes} nodes");
        }
    }
}
