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
//! The stack is followed as the HTML standard builds it: end tags a page may
//! leave out (`</p>`, `</li>`, `</td>`, …) are implied where the standard
//! implies them, void elements (`<br>`) and self-closing ones in SVG and
//! MathML are never open, `<div/>` is (HTML ignores the slash), and an end
//! tag closes only what it would close, so a stray one changes nothing.
//! Every question about the stack is answered in constant time (each entry
//! records the nearest entries below it of each kind of boundary), so the
//! pass is linear however the page nests. What is not followed
//! exactly (the reopening of misnested `<b>`, `<i>` and their kin, the
//! form-element pointer) errs on the side of a deeper stack; and the parse
//! itself is watched (`parse.rs`), so a page that still gets too deep falls
//! back to plain paragraphs.

use super::kinds::{self, html_flags, kind_of, Kind, KINDS};
use super::tokens::{key_of, Raw, Tag, Tokenizer, MAX_ATTRIBUTES};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Deeper than any real page (a browser keeps 512 levels); html5ever's tree
/// building slows down quadratically with depth.
pub(super) const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    Math,
}

/// The boundaries each entry remembers the nearest of, at or below itself.
#[derive(Clone, Copy)]
enum Near {
    /// html5ever's "special" elements.
    Special,
    /// Boundaries of "in scope".
    Scope,
    /// … of "in list item scope".
    ListScope,
    /// … of "in button scope".
    ButtonScope,
    /// … of "in table scope".
    TableScope,
    /// Where `<li>`, `<dd>` and `<dt>` stop looking for one to close: a
    /// special element other than `<address>`, `<div>` and `<p>`.
    ItemStop,
    /// An HTML element.
    Html,
    /// An HTML element or an integration point (where SVG and MathML hand
    /// back to HTML).
    HtmlOrIntegration,
}

const NEARS: usize = 8;

struct Open {
    kind: Kind,
    key: u64,
    ns: Ns,
    /// Written to the output; `false` for an element the guard dropped.
    kept: bool,
    /// Position (1-based) of the next entry below with the same name and
    /// namespace kind, 0 if none.
    prev_same: u32,
    /// Per `Near`, the position (1-based) of the nearest entry at or below
    /// this one of that kind, 0 if none.
    near: [u32; NEARS],
}

/// The stack of open elements as the guard follows it.
struct Stack {
    open: Vec<Open>,
    /// Per kind, the position (1-based) of the topmost HTML element of that
    /// kind; other names and SVG and MathML elements in `top_other`.
    top_html: [u32; KINDS],
    top_other: BTreeMap<(bool, u64), u32>,
    /// Entries written to the output, the root aside.
    kept: usize,
    /// Position (1-based) of the lowest entry dropped with its content.
    skip_from: Option<u32>,
    /// Whether the last pops took kept or dropped entries.
    popped_kept: bool,
    popped_dropped: bool,
    /// The form-element pointer: a `<form>` is open outside a template.
    form_open: bool,
    /// Kept entries at most (the root aside); deeper ones are dropped.
    max_depth: usize,
}

impl Stack {
    fn new(max_depth: usize) -> Stack {
        let mut stack = Stack {
            open: Vec::new(),
            top_html: [0; KINDS],
            top_other: BTreeMap::new(),
            kept: 0,
            skip_from: None,
            popped_kept: false,
            popped_dropped: false,
            form_open: false,
            max_depth,
        };
        // The root `<html>`, always there (not counted).
        stack.push(Kind::Html, key_of(b"html"), Ns::Html, true, false);
        stack.kept = 0;
        stack
    }

    fn len(&self) -> u32 {
        self.open.len() as u32
    }

    fn top(&self) -> &Open {
        self.open.last().expect("the root is never popped")
    }

    /// The nearest entry of kind `near` at or below the top.
    fn near(&self, near: Near) -> u32 {
        self.top().near[near as usize]
    }

    fn at(&self, position: u32) -> &Open {
        &self.open[position as usize - 1]
    }

    /// The topmost HTML element of `kind`.
    fn top_of(&self, kind: Kind) -> u32 {
        self.top_html[kind as usize]
    }

    fn top_of_any(&self, kinds: &[Kind]) -> u32 {
        kinds.iter().map(|&k| self.top_of(k)).max().unwrap_or(0)
    }

    /// The topmost element named `key`: HTML when `html`, else SVG or MathML.
    fn top_named(&self, html: bool, kind: Kind, key: u64) -> u32 {
        if html && kind != Kind::Other {
            self.top_of(kind)
        } else {
            self.top_other.get(&(html, key)).copied().unwrap_or(0)
        }
    }

    /// Whether the element at `position` is in the scope whose boundaries
    /// `near` names: no boundary above it.
    fn in_scope(&self, position: u32, near: Near) -> bool {
        position > 0 && position >= self.near(near)
    }

    fn push(&mut self, kind: Kind, key: u64, ns: Ns, kept: bool, skip: bool) {
        let html = ns == Ns::Html;
        let flags = if html { html_flags(kind) } else { 0 };
        let integration = match ns {
            Ns::Html => false,
            Ns::Math => matches!(
                kind,
                Kind::Mi | Kind::Mo | Kind::Mn | Kind::Ms | Kind::Mtext
            ),
            Ns::Svg => matches!(kind, Kind::ForeignObject | Kind::Desc | Kind::Title),
        };
        let position = self.len() + 1;
        let below = self.open.last().map_or([0; NEARS], |o| o.near);
        let mut near = below;
        let mut mark = |n: Near, yes: bool| {
            if yes {
                near[n as usize] = position;
            }
        };
        let scope = flags & kinds::SCOPE != 0 || integration;
        mark(Near::Special, flags & kinds::SPECIAL != 0);
        mark(Near::Scope, scope);
        mark(Near::ListScope, scope || flags & kinds::LIST_SCOPE != 0);
        mark(Near::ButtonScope, scope || flags & kinds::BUTTON_SCOPE != 0);
        mark(Near::TableScope, flags & kinds::TABLE_SCOPE != 0);
        mark(
            Near::ItemStop,
            flags & kinds::SPECIAL != 0 && !matches!(kind, Kind::Address | Kind::Div | Kind::P),
        );
        mark(Near::Html, html);
        mark(Near::HtmlOrIntegration, html || integration);
        let prev_same = if html && kind != Kind::Other {
            std::mem::replace(&mut self.top_html[kind as usize], position)
        } else {
            self.top_other.insert((html, key), position).unwrap_or(0)
        };
        if skip && self.skip_from.is_none() {
            self.skip_from = Some(position);
        }
        self.kept += usize::from(kept);
        self.open.push(Open {
            kind,
            key,
            ns,
            kept,
            prev_same,
            near,
        });
    }

    fn pop(&mut self) {
        let Some(open) = self.open.pop() else { return };
        let html = open.ns == Ns::Html;
        if html && open.kind != Kind::Other {
            self.top_html[open.kind as usize] = open.prev_same;
        } else if open.prev_same == 0 {
            self.top_other.remove(&(html, open.key));
        } else {
            self.top_other.insert((html, open.key), open.prev_same);
        }
        if open.kept {
            self.kept -= 1;
            self.popped_kept = true;
        } else {
            self.popped_dropped = true;
        }
        if self.skip_from.is_some_and(|from| from > self.len()) {
            self.skip_from = None;
        }
    }

    /// Pops the entry at `position` and everything above it.
    fn pop_to(&mut self, position: u32) {
        while self.len() >= position.max(2) {
            self.pop();
        }
    }

    /// "Generate implied end tags", except for `except`.
    fn pop_implied(&mut self, except: Option<Kind>) {
        while self.top().ns == Ns::Html
            && html_flags(self.top().kind) & kinds::IMPLIED_END != 0
            && Some(self.top().kind) != except
        {
            self.pop();
        }
    }

    /// "Close a p element" if one is in button scope.
    fn close_p(&mut self) {
        let p = self.top_of(Kind::P);
        if self.in_scope(p, Near::ButtonScope) {
            self.pop_to(p);
        }
    }

    fn top_is(&self, kind: Kind) -> bool {
        self.top().ns == Ns::Html && self.top().kind == kind
    }

    /// Whether `kind` (an HTML element) is in scope, and where.
    fn scoped(&self, kind: Kind, near: Near) -> Option<u32> {
        let at = self.top_of(kind);
        self.in_scope(at, near).then_some(at)
    }
}

/// What a start tag does to the stack, after any elements it closes.
struct Start {
    push: Option<(Kind, Ns)>,
    raw: Option<Raw>,
}

impl Start {
    fn none() -> Start {
        Start {
            push: None,
            raw: None,
        }
    }

    fn push(kind: Kind) -> Start {
        Start {
            push: Some((kind, Ns::Html)),
            raw: None,
        }
    }

    fn raw(kind: Kind, raw: Raw) -> Start {
        Start {
            push: Some((kind, Ns::Html)),
            raw: Some(raw),
        }
    }
}

/// The kinds `<table>` and its parts care about.
const TABLE_BODIES: [Kind; 3] = [Kind::Tbody, Kind::Thead, Kind::Tfoot];

impl Stack {
    /// Whether the current node is SVG or MathML, where a start tag `kind`
    /// is read as SVG or MathML too (not at an integration point).
    fn foreign_for_start(&self, kind: Kind) -> bool {
        let top = self.top();
        match (top.ns, top.kind) {
            (Ns::Html, _) => false,
            (Ns::Math, Kind::Mi | Kind::Mo | Kind::Mn | Kind::Ms | Kind::Mtext) => {
                matches!(kind, Kind::Mglyph | Kind::Malignmark)
            }
            (Ns::Math, Kind::AnnotationXml) => kind != Kind::Svg,
            (Ns::Svg, Kind::ForeignObject | Kind::Desc | Kind::Title) => false,
            _ => true,
        }
    }

    /// Pops SVG and MathML elements down to an HTML element or an
    /// integration point.
    fn break_out(&mut self) {
        let keep = self.near(Near::HtmlOrIntegration);
        self.pop_to(keep + 1);
    }

    /// A start tag: pops what it closes, says what it opens.
    fn start(&mut self, tag: &Tag, kind: Kind) -> Start {
        if self.top().ns != Ns::Html && self.foreign_for_start(kind) {
            let breaks_out = html_flags(kind) & kinds::BREAKOUT != 0
                || (kind == Kind::Font && tag.font_attribute);
            if !breaks_out {
                if tag.self_closing {
                    return Start::none();
                }
                let ns = self.top().ns;
                return Start {
                    push: Some((kind, ns)),
                    raw: None,
                };
            }
            self.break_out();
        }
        use Kind::*;
        let flags = html_flags(kind);
        // A second `<form>` outside a template is ignored altogether.
        let in_template = self.top_of(Template) > 0;
        if kind == Form && self.form_open && !in_template {
            return Start::none();
        }
        if flags & kinds::CLOSES_P != 0 {
            self.close_p();
        }
        match kind {
            Html | Body | Head | Frameset => Start::none(),
            Script => Start::raw(kind, Raw::Script),
            Style | Noframes | Noscript | Iframe | Noembed | Xmp => Start::raw(kind, Raw::Rawtext),
            Title | Textarea => Start::raw(kind, Raw::Rcdata),
            Plaintext => Start::raw(kind, Raw::Plaintext),
            H1 | H2 | H3 | H4 | H5 | H6 => {
                if html_flags(self.top().kind) & kinds::HEADING != 0 && self.top().ns == Ns::Html {
                    self.pop();
                }
                Start::push(kind)
            }
            Form => {
                self.form_open |= !in_template;
                Start::push(kind)
            }
            Li | Dd | Dt => {
                let stop = self.near(Near::ItemStop);
                let closes = match self.at(stop.max(1)).kind {
                    Li => kind == Li,
                    Dd | Dt => kind != Li,
                    _ => false,
                };
                if stop > 1 && closes && self.at(stop).ns == Ns::Html {
                    self.pop_to(stop);
                }
                Start::push(kind)
            }
            Button => {
                if let Some(at) = self.scoped(Button, Near::Scope) {
                    self.pop_to(at);
                }
                Start::push(kind)
            }
            A | Nobr => {
                // A misnested `<a>` (or `<nobr>`) is closed first when
                // nothing special stands above it; otherwise the adoption
                // agency moves it and the stack keeps its depth.
                let at = self.top_of(kind);
                if at > 0 && at >= self.near(Near::Special) {
                    self.pop_to(at);
                }
                Start::push(kind)
            }
            Table => {
                if self.table_mode() {
                    if let Some(at) = self.scoped(Table, Near::TableScope) {
                        self.pop_to(at);
                    }
                }
                Start::push(kind)
            }
            Input => {
                if let Some(at) = self.scoped(Select, Near::Scope) {
                    self.pop_to(at);
                }
                Start::none()
            }
            Hr => {
                if self.scoped(Select, Near::Scope).is_some() {
                    self.pop_implied(None);
                }
                Start::none()
            }
            Select => match self.scoped(Select, Near::Scope) {
                Some(at) => {
                    self.pop_to(at);
                    Start::none()
                }
                None => Start::push(kind),
            },
            Option | Optgroup => {
                if self.scoped(Select, Near::Scope).is_some() {
                    self.pop_implied((kind == Option).then_some(Optgroup));
                } else if self.top_is(Option) {
                    self.pop();
                }
                Start::push(kind)
            }
            Rb | Rtc | Rp | Rt => {
                if self.scoped(Ruby, Near::Scope).is_some() {
                    self.pop_implied(matches!(kind, Rp | Rt).then_some(Rtc));
                }
                Start::push(kind)
            }
            Math | Svg => Start {
                push: (!tag.self_closing)
                    .then_some((kind, if kind == Math { Ns::Math } else { Ns::Svg })),
                raw: None,
            },
            Caption | Col | Colgroup | Tbody | Td | Tfoot | Th | Thead | Tr => {
                self.table_part(kind)
            }
            _ if flags & kinds::VOID != 0 => Start::none(),
            _ => Start::push(kind),
        }
    }

    /// Whether the insertion mode is "in table", "in table body" or "in
    /// row": the topmost of the table elements is not a cell or a caption.
    fn table_mode(&self) -> bool {
        use Kind::*;
        let table = self.top_of_any(&[Table, Tbody, Thead, Tfoot, Tr, Colgroup]);
        table > 0 && table > self.top_of_any(&[Td, Th, Caption, Template])
    }

    /// A start tag of a part of a table: closes what the part cannot be
    /// inside, and opens the parts it implies (`<td>` straight in a
    /// `<table>` implies a `<tbody>` and a `<tr>`). Outside a table, ignored.
    fn table_part(&mut self, kind: Kind) -> Start {
        use Kind::*;
        let table = self.top_of(Table);
        let template = self.top_of(Template);
        let anchor = table.max(template);
        if anchor == 0 {
            return Start::none();
        }
        let in_template = template > table;
        let body = self.top_of_any(&TABLE_BODIES);
        let row = self.top_of(Tr);
        let implied = |stack: &mut Stack, kind: Kind| {
            if !in_template {
                let kept = stack.kept < stack.max_depth && stack.skip_from.is_none();
                stack.push(kind, 0, Ns::Html, kept, false);
            }
        };
        match kind {
            Td | Th => {
                if row > anchor {
                    self.pop_to(row + 1);
                } else if body > anchor {
                    self.pop_to(body + 1);
                    implied(self, Tr);
                } else {
                    self.pop_to(anchor + 1);
                    implied(self, Tbody);
                    implied(self, Tr);
                }
                Start::push(kind)
            }
            Tr => {
                if body > anchor {
                    self.pop_to(body + 1);
                } else {
                    self.pop_to(anchor + 1);
                    implied(self, Tbody);
                }
                Start::push(kind)
            }
            Col => {
                self.pop_to(anchor + 1);
                implied(self, Colgroup);
                Start::none()
            }
            _ => {
                self.pop_to(anchor + 1);
                Start::push(kind)
            }
        }
    }

    /// An end tag: pops what it closes; the position of the element it
    /// closes, if any.
    fn end(&mut self, tag: &Tag, kind: Kind) -> Option<u32> {
        use Kind::*;
        if self.top().ns != Ns::Html {
            if matches!(kind, Br | P) {
                self.break_out();
            } else {
                // The SVG or MathML elements above the nearest HTML one,
                // matched by name in any case.
                let html = self.near(Near::Html);
                let at = self.top_named(false, kind, tag.key);
                if at > html {
                    self.pop_to(at);
                    return Some(at);
                }
            }
        }
        let at = match kind {
            Html | Body | Br => return None,
            P => {
                let at = self.scoped(P, Near::ButtonScope)?;
                self.pop_to(at);
                return Some(at);
            }
            Li => self.scoped(Li, Near::ListScope),
            Dd | Dt => self.scoped(kind, Near::Scope),
            H1 | H2 | H3 | H4 | H5 | H6 => {
                let at = self.top_of_any(&[H1, H2, H3, H4, H5, H6]);
                self.in_scope(at, Near::Scope).then_some(at)
            }
            Form => {
                if self.top_of(Template) > 0 {
                    self.scoped(Form, Near::Scope)
                } else {
                    if !std::mem::take(&mut self.form_open) {
                        return None;
                    }
                    // The form is taken out of the stack wherever it is;
                    // followed only where it is the current node.
                    let at = self.scoped(Form, Near::Scope)?;
                    self.pop_implied(None);
                    (self.len() == at).then_some(at)
                }
            }
            Table | Tbody | Thead | Tfoot | Tr | Td | Th | Caption => {
                self.scoped(kind, Near::TableScope)
            }
            Colgroup => self.top_is(Colgroup).then(|| self.len()),
            Template => Some(self.top_of(Template)).filter(|&at| at > 0),
            _ if html_flags(kind) & kinds::BLOCK_END != 0
                || matches!(kind, Applet | Marquee | Object) =>
            {
                self.scoped(kind, Near::Scope)
            }
            _ => {
                // "Any other end tag": the topmost element of that name,
                // if no special element stands above it.
                let at = self.top_named(true, kind, tag.key);
                (at > 0 && at >= self.near(Near::Special)).then_some(at)
            }
        }?;
        self.pop_to(at);
        Some(at)
    }
}

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
