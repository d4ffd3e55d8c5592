//! The nesting guard: one pass over the page's tags (`tokens.rs`) that
//! follows the stack of open elements as html5ever will build it, and edits
//! the page where html5ever would be slow.
//!
//! html5ever walks its stack of open elements for nearly every tag, so a
//! page nested thousands deep takes quadratic time, and it compares each
//! attribute of a tag with all the earlier ones. The guard:
//!
//! - cuts every tag to its first `MAX_ATTRIBUTES` attributes (and all the
//!   `<html>` and `<body>` tags together, whose attributes html5ever merges);
//! - with a depth limit ([`limit`]), drops the start tags that would open an
//!   element deeper than the limit, and the end tags that would close one of
//!   those, keeping their text. An element the article text leaves out
//!   (`<script>`, `<style>`, `<template>`, `<nav>`, …) is dropped with all it
//!   holds, so a script body never becomes text.
//!
//! The stack is followed as the HTML standard builds it (`stack.rs`): end
//! tags a page may leave out (`</p>`, `</li>`, `</td>`, …) are implied where
//! the standard implies them, void elements (`<br>`) and self-closing ones in
//! SVG and MathML are never open, `<div/>` is (HTML ignores the slash), and
//! an end tag closes only what it would close, so a stray one changes
//! nothing. The pass is linear however the page nests. Where the stack is
//! not followed exactly it errs on the side of depth; and the parse itself
//! is watched (`parse.rs`), so a page that still gets too deep falls back to
//! plain paragraphs.
//!
//! Measured: BENCHMARKS.md#t-nesting-limit.

use super::kinds::{self, html_flags, kind_of, Kind};
use super::stack::{Ns, Stack};
use super::tokens::{Tag, Tokenizer, MAX_ATTRIBUTES};
use std::borrow::Cow;

/// Deeper than any real page (a browser keeps 512 levels); html5ever's tree
/// building slows down quadratically with depth.
pub(super) const MAX_DEPTH: usize = 128;

/// Builds the output: the input with some ranges replaced.
struct Edits<'a> {
    input: &'a str,
    out: Option<String>,
    copied_to: usize,
}

impl<'a> Edits<'a> {
    fn replace(&mut self, start: usize, end: usize, with: &str) {
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.input.len()));
        out.push_str(&self.input[self.copied_to..start]);
        out.push_str(with);
        self.copied_to = end;
    }

    fn finish(mut self) -> Cow<'a, str> {
        match self.out.take() {
            None => Cow::Borrowed(self.input),
            Some(mut out) => {
                out.push_str(&self.input[self.copied_to..]);
                Cow::Owned(out)
            }
        }
    }
}

/// The attributes `tag` may keep, given what is left of the allowance for
/// its element (`<html>` and `<body>` share one across all their tags).
fn cap_attributes(edits: &mut Edits, tokens: &Tokenizer, tag: &Tag, allowed: usize) {
    if tag.attributes <= allowed {
        return;
    }
    let cut = tokens.attribute_starts[allowed];
    // Keep a "/>" (it matters in SVG and MathML) and the ">".
    let end = if tag.self_closing {
        tag.close - 1
    } else {
        tag.close
    };
    edits.replace(cut, end.max(cut), " ");
}

/// `input` with its tags cut to `MAX_ATTRIBUTES` attributes; borrowed,
/// untouched, when none has more.
pub(super) fn cap(input: &str) -> Cow<'_, str> {
    guard(input, usize::MAX)
}

/// `input` with its tags cut to `MAX_ATTRIBUTES` attributes and every
/// element deeper than `MAX_DEPTH` dropped (see the module doc); borrowed,
/// untouched, when there is nothing to cut or drop.
pub(super) fn limit(input: &str) -> Cow<'_, str> {
    guard(input, MAX_DEPTH)
}

fn guard(input: &str, max_depth: usize) -> Cow<'_, str> {
    let mut tokens = Tokenizer::new(input);
    let mut stack = Stack::new(max_depth);
    let mut edits = Edits {
        input,
        out: None,
        copied_to: 0,
    };
    // What is left of the attributes `<html>` and `<body>` may gather.
    let mut html_attributes = MAX_ATTRIBUTES;
    let mut body_attributes = MAX_ATTRIBUTES;
    // Where the content being dropped with its element began.
    let mut skipping_from: Option<usize> = None;
    while let Some(tag) = tokens.next_tag(stack.top().ns != Ns::Html) {
        let kind = tag.short_name().map_or(Kind::Other, kind_of);
        if !tag.complete() {
            // The input ends inside the tag: html5ever drops it, once it
            // has read its attributes.
            cap_attributes(&mut edits, &tokens, &tag, MAX_ATTRIBUTES);
            break;
        }
        stack.popped_kept = false;
        stack.popped_dropped = false;
        let keep = if tag.end_tag {
            match stack.end(&tag, kind) {
                // Closes an element the guard kept, or nothing (a stray end
                // tag, which the parser ignores as well).
                None => true,
                Some(at) => stack.popped_kept || at == 0,
            }
        } else {
            let start = stack.start(&tag, kind);
            let skipping = stack.skip_from.is_some();
            let keep = match start.push {
                Some((kind, ns)) => {
                    // `<plaintext>` ends the markup: it stays at any depth.
                    let keep = !skipping && (stack.kept < max_depth || kind == Kind::Plaintext);
                    // Raw text of a dropped element goes with it: without
                    // its tag the parser would read it as markup.
                    let skip = !keep
                        && (start.raw.is_some()
                            || (ns == Ns::Html && html_flags(kind) & kinds::SKIPPED != 0)
                            || (ns != Ns::Html && kind == Kind::Svg));
                    stack.push(kind, tag.key, ns, keep, skip);
                    keep
                }
                // Only closes elements that were dropped: so is it.
                None => !skipping && (stack.popped_kept || !stack.popped_dropped),
            };
            if let Some(raw) = start.raw {
                tokens.raw_text(raw, &tag);
            }
            keep
        };
        // The content of a dropped element ends where it is popped.
        if let Some(from) = skipping_from {
            if stack.skip_from.is_none() {
                let to = if keep { tag.range.start } else { tag.range.end };
                edits.replace(from, to, "");
                skipping_from = None;
                if !keep {
                    continue;
                }
            } else {
                continue;
            }
        }
        if stack.skip_from.is_some() {
            // This tag starts the content to drop (it is dropped too).
            skipping_from = Some(tag.range.start);
            continue;
        }
        if !keep {
            edits.replace(tag.range.start, tag.range.end, "");
            continue;
        }
        let merged = match (tag.end_tag, kind) {
            (false, Kind::Html) => Some(&mut html_attributes),
            (false, Kind::Body) => Some(&mut body_attributes),
            _ => None,
        };
        let allowance = merged.as_deref().map_or(MAX_ATTRIBUTES, |&left| left);
        cap_attributes(&mut edits, &tokens, &tag, allowance);
        if let Some(left) = merged {
            *left -= tag.attributes.min(allowance);
        }
    }
    if let Some(from) = skipping_from {
        edits.replace(from, input.len(), "");
    }
    edits.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn untouched(page: &str) -> bool {
        matches!(limit(page), Cow::Borrowed(_)) && matches!(cap(page), Cow::Borrowed(_))
    }

    #[test]
    fn pages_that_leave_out_end_tags_are_not_deep() {
        let many = |unit: &str| unit.repeat(2 * MAX_DEPTH);
        for page in [
            super::super::tests::PAGE.to_string(),
            format!("<nav><ul>{}</ul></nav><p>x", many("<li><a href=/>Menu</a>")),
            format!("<article>{}</article>", many("<p>Paragraph")),
            format!("<table>{}</table>", many("<tr><td>a<td>b<th>c")),
            format!("<dl>{}</dl>", many("<dt>term<dd>definition")),
            format!("<select>{}</select>", many("<option>a<optgroup><option>b")),
            format!("<ruby>{}</ruby>", many("漢<rb>字<rt>ji<rp>(")),
            many("<h1>one<h2>two"),
            many("<a href=1>one<a href=2>two"),
            many("<p><div>a</div><p><ul><li>b</ul>"),
            many("<div><form><input></form></div>"),
            many("<br><img src=x><hr><meta charset=utf-8><wbr><input>"),
            many("<svg><path/><circle r=1/></svg><math><mi/></math>"),
            many("<template><td><tr></template>"),
            many("<table><caption>c<col><colgroup><col></table>"),
            many("<button><button>"),
        ] {
            assert!(untouched(&page), "{}", &page[..page.len().min(120)]);
        }
    }

    fn count(page: &str, what: &str) -> usize {
        page.matches(what).count()
    }

    #[test]
    fn self_closing_html_elements_and_stray_end_tags_still_nest() {
        // HTML ignores the slash of `<div/>`: each one is open.
        let page = "<div/>".repeat(MAX_DEPTH + 50) + "<p>text";
        let limited = limit(&page);
        assert_eq!(count(&limited, "<div/>"), MAX_DEPTH);
        assert!(limited.ends_with("text"));
        // An end tag that closes nothing does not make the page shallower.
        let page = "<div>".repeat(MAX_DEPTH) + &"</span></x></b>".repeat(500) + &"<div>".repeat(50);
        assert_eq!(count(&limit(&page), "<div>"), MAX_DEPTH);
        // Foreign self-closing elements are not open; HTML ones inside SVG's
        // integration points are.
        let page = "<svg>".to_string() + &"<g/>".repeat(5 * MAX_DEPTH) + "</svg>";
        assert!(untouched(&page));
    }

    #[test]
    fn a_deep_element_is_dropped_with_its_end_tag_and_its_text_kept() {
        let depth = MAX_DEPTH + 10;
        let page = "<div>".repeat(depth) + "deep text" + &"</div>".repeat(depth) + "<p>after";
        let limited = limit(&page);
        assert_eq!(count(&limited, "<div>"), MAX_DEPTH);
        assert_eq!(count(&limited, "</div>"), MAX_DEPTH);
        assert!(limited.contains(">deep text<"));
        assert!(limited.ends_with("<p>after"));
    }

    #[test]
    fn deep_scripts_styles_templates_and_chrome_go_with_their_content() {
        let deep = "<div>".repeat(MAX_DEPTH + 5);
        let page = format!(
            "{deep}<p>kept</p><script>var a = '<div>SCRIPT';</script><style>STYLE</style>\
             <template><p>TEMPLATE<div></div></p></template><nav><a>NAV</a></nav>\
             <noscript>NOSCRIPT</noscript><textarea>TEXTAREA</textarea><title>TITLE</title>\
             <svg><text>SVG</text><style>SVGSTYLE</style></svg><p>also kept</p>"
        );
        let limited = limit(&page);
        for gone in [
            "SCRIPT", "STYLE", "TEMPLATE", "NAV", "NOSCRIPT", "TEXTAREA", "TITLE", "SVG",
        ] {
            assert!(!limited.contains(gone), "{gone}: {limited}");
        }
        assert!(limited.contains("kept") && limited.contains("also kept"));
    }

    #[test]
    fn attributes_are_cut_to_the_cap_and_html_and_body_share_theirs() {
        let attributes = |n: usize, prefix: &str| -> String {
            (0..n).map(|i| format!(" {prefix}{i}=\"v\"")).collect()
        };
        let page = format!(
            "<p{}>x</p><br{}/>",
            attributes(300, "a"),
            attributes(5, "b")
        );
        let capped = cap(&page);
        assert_eq!(count(&capped, "=\"v\""), MAX_ATTRIBUTES + 5);
        assert!(capped.contains(" a255=\"v\"") && !capped.contains(" a256="));
        assert!(capped.contains(">x</p>"));
        assert!(capped.ends_with(" b4=\"v\"/>"));
        // html5ever merges the attributes of every `<body>` into one.
        let page =
            format!("<body{}>x", attributes(200, "a")) + &format!("<body{}>", attributes(200, "b"));
        assert_eq!(count(&cap(&page), "=\"v\""), MAX_ATTRIBUTES);
    }

    #[test]
    fn svg_and_mathml_are_followed_where_raw_text_and_cdata_differ() {
        // In SVG, `<style>` holds markup; in HTML, text.
        let many = "<g>".repeat(MAX_DEPTH + 10);
        assert_eq!(
            count(&limit(&format!("<svg><style>{many}")), "<g>"),
            MAX_DEPTH - 2
        );
        assert!(untouched(&format!("<style>{many}</style>")));
        // `<![CDATA[` hides markup in SVG; `<p>` leaves SVG.
        let page = format!("<svg><![CDATA[{}]]></svg>", "<div>".repeat(MAX_DEPTH + 10));
        assert!(untouched(&page));
        let page = format!("<svg>{}</svg>", "<p>".repeat(MAX_DEPTH + 10));
        assert!(
            untouched(&page),
            "`<p>` breaks out of SVG and closes the one before"
        );
    }

    #[test]
    fn a_million_nested_tags_take_one_pass() {
        let page = "<div>".repeat(1_000_000) + "deep" + &"</div>".repeat(1_000_000);
        let limited = limit(&page);
        assert_eq!(count(&limited, "<div>"), MAX_DEPTH);
        assert_eq!(count(&limited, "</div>"), MAX_DEPTH);
    }
}
