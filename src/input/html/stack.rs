//! The stack of open elements as html5ever will build it, followed tag by
//! tag for the nesting guard (`nesting.rs`): which elements a start tag
//! closes and opens, which an end tag closes. The rules are the HTML
//! standard's tree construction (html5ever's `tree_builder/rules.rs`): end
//! tags a page may leave out are implied where they are, void elements and
//! SVG and MathML self-closing ones never open, tables imply their
//! `<tbody>` and `<tr>`, and SVG and MathML end where HTML takes over.
//!
//! Each entry records the nearest entries below it of each kind of boundary
//! ("special" elements, the scopes), and each name its topmost entry, so
//! every question the rules ask is answered in constant time and popping is
//! paid for by pushing: linear in the number of tags, however they nest.
//! Where it is not exact (the reopening of misnested formatting elements,
//! the form-element pointer, templates' tables) it keeps the stack deeper.

use super::kinds::{self, html_flags, Kind, KINDS};
use super::tokens::{key_of, Raw, Tag};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
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

/// How far down the stack an end tag of an unknown name, or of an SVG or
/// MathML element, is looked for.
const WALK: u32 = 64;

pub(super) struct Open {
    kind: Kind,
    key: u64,
    pub(super) ns: Ns,
    /// Written to the output; `false` for an element the guard dropped.
    kept: bool,
    /// For an HTML element of a known kind, the position (1-based) of the
    /// next one below of the same kind, 0 if none.
    prev_same: u32,
    /// Per `Near`, the position (1-based) of the nearest entry at or below
    /// this one of that kind, 0 if none.
    near: [u32; NEARS],
}

/// The stack of open elements as the guard follows it.
pub(super) struct Stack {
    open: Vec<Open>,
    /// Per kind, the position (1-based) of the topmost HTML element of that
    /// kind (other names and SVG and MathML elements are looked for by a
    /// walk down the stack, see `top_named`).
    top_html: [u32; KINDS],
    /// Entries written to the output, the root aside.
    pub(super) kept: usize,
    /// Position (1-based) of the lowest entry dropped with its content.
    pub(super) skip_from: Option<u32>,
    /// Whether the last pops took kept or dropped entries.
    pub(super) popped_kept: bool,
    pub(super) popped_dropped: bool,
    /// The form-element pointer: a `<form>` is open outside a template.
    form_open: bool,
    /// Kept entries at most (the root aside); deeper ones are dropped.
    max_depth: usize,
}

impl Stack {
    pub(super) fn new(max_depth: usize) -> Stack {
        let mut stack = Stack {
            open: Vec::new(),
            top_html: [0; KINDS],
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

    pub(super) fn top(&self) -> &Open {
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

    /// The topmost element named `key` where an end tag looks for it: an
    /// HTML element above the topmost special one (`html`), or an SVG or
    /// MathML element above the topmost HTML one. Known HTML kinds are found
    /// at once; other names by a walk down the stack, which stops after
    /// `WALK` entries (deeper, the name is taken as absent: the stack is then
    /// followed deeper than the parser builds it, never shallower).
    fn top_named(&self, html: bool, kind: Kind, key: u64) -> u32 {
        if html && kind != Kind::Other {
            return self.top_of(kind);
        }
        let stop = if html {
            self.near(Near::Special)
        } else {
            self.near(Near::Html)
        };
        let mut at = self.len();
        while at > stop && self.len() - at < WALK {
            let open = self.at(at);
            if open.key == key && (open.ns == Ns::Html) == html {
                return at;
            }
            at -= 1;
        }
        0
    }

    /// Whether the element at `position` is in the scope whose boundaries
    /// `near` names: no boundary above it.
    fn in_scope(&self, position: u32, near: Near) -> bool {
        position > 0 && position >= self.near(near)
    }

    pub(super) fn push(&mut self, kind: Kind, key: u64, ns: Ns, kept: bool, skip: bool) {
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
            0
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
pub(super) struct Start {
    pub(super) push: Option<(Kind, Ns)>,
    pub(super) raw: Option<Raw>,
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
    pub(super) fn start(&mut self, tag: &Tag, kind: Kind) -> Start {
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
    pub(super) fn end(&mut self, tag: &Tag, kind: Kind) -> Option<u32> {
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
