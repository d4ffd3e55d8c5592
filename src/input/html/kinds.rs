//! The element names the nesting guard (`nesting.rs`) treats apart, and
//! what it needs to know of each: void, "special", a scope boundary, closes
//! an open `<p>`, breaks out of SVG and MathML, left out of the article
//! text. The sets are html5ever's (`tree_builder/tag_sets.rs` and the rules
//! of the "in body" insertion mode).

/// `Kind`, its names and its index table from one list, in `Kind` order,
/// which is alphabetical by name: a name is found by binary search (a
/// `match` on 126 names compiled to several KB of comparisons).
macro_rules! kinds {
    ($($kind:ident = $name:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub(super) enum Kind {
            Other,
            $($kind,)*
        }

        /// The names of the kinds after `Other`.
        static NAMES: [&str; KINDS - 1] = [$($name,)*];

        /// Every kind, by its index.
        static KIND_BY_INDEX: [Kind; KINDS] = [Kind::Other, $(Kind::$kind,)*];
    };
}

kinds! {
    A = "a",
    Address = "address",
    AnnotationXml = "annotation-xml",
    Applet = "applet",
    Area = "area",
    Article = "article",
    Aside = "aside",
    Audio = "audio",
    B = "b",
    Base = "base",
    Basefont = "basefont",
    Bgsound = "bgsound",
    Big = "big",
    Blockquote = "blockquote",
    Body = "body",
    Br = "br",
    Button = "button",
    Canvas = "canvas",
    Caption = "caption",
    Center = "center",
    Code = "code",
    Col = "col",
    Colgroup = "colgroup",
    Dd = "dd",
    Desc = "desc",
    Details = "details",
    Dialog = "dialog",
    Dir = "dir",
    Div = "div",
    Dl = "dl",
    Dt = "dt",
    Em = "em",
    Embed = "embed",
    Fieldset = "fieldset",
    Figcaption = "figcaption",
    Figure = "figure",
    Font = "font",
    Footer = "footer",
    ForeignObject = "foreignobject",
    Form = "form",
    Frame = "frame",
    Frameset = "frameset",
    H1 = "h1",
    H2 = "h2",
    H3 = "h3",
    H4 = "h4",
    H5 = "h5",
    H6 = "h6",
    Head = "head",
    Header = "header",
    Hgroup = "hgroup",
    Hr = "hr",
    Html = "html",
    I = "i",
    Iframe = "iframe",
    Image = "image",
    Img = "img",
    Input = "input",
    Keygen = "keygen",
    Label = "label",
    Li = "li",
    Link = "link",
    Listing = "listing",
    Main = "main",
    Malignmark = "malignmark",
    Marquee = "marquee",
    Math = "math",
    Menu = "menu",
    Meta = "meta",
    Mglyph = "mglyph",
    Mi = "mi",
    Mn = "mn",
    Mo = "mo",
    Ms = "ms",
    Mtext = "mtext",
    Nav = "nav",
    Nobr = "nobr",
    Noembed = "noembed",
    Noframes = "noframes",
    Noscript = "noscript",
    Object = "object",
    Ol = "ol",
    Optgroup = "optgroup",
    Option = "option",
    P = "p",
    Param = "param",
    Plaintext = "plaintext",
    Pre = "pre",
    Rb = "rb",
    Rp = "rp",
    Rt = "rt",
    Rtc = "rtc",
    Ruby = "ruby",
    S = "s",
    Script = "script",
    Search = "search",
    Section = "section",
    Select = "select",
    Small = "small",
    Source = "source",
    Span = "span",
    Strike = "strike",
    Strong = "strong",
    Style = "style",
    Sub = "sub",
    Summary = "summary",
    Sup = "sup",
    Svg = "svg",
    Table = "table",
    Tbody = "tbody",
    Td = "td",
    Template = "template",
    Textarea = "textarea",
    Tfoot = "tfoot",
    Th = "th",
    Thead = "thead",
    Title = "title",
    Tr = "tr",
    Track = "track",
    Tt = "tt",
    U = "u",
    Ul = "ul",
    Var = "var",
    Video = "video",
    Wbr = "wbr",
    Xmp = "xmp",
}

pub(super) const KINDS: usize = Kind::Xmp as usize + 1;

/// The kind of a lower-cased element name.
pub(super) fn kind_of(name: &[u8]) -> Kind {
    match NAMES.binary_search_by(|probe| probe.as_bytes().cmp(name)) {
        Ok(at) => KIND_BY_INDEX[at + 1],
        Err(_) => Kind::Other,
    }
}

/// Never pushed on the stack of open elements.
pub(super) const VOID: u32 = 1;
/// html5ever's `special_tag`: "any other end tag" stops at one of these.
pub(super) const SPECIAL: u32 = 1 << 1;
/// A boundary of "in scope" (`html_default_scope`).
pub(super) const SCOPE: u32 = 1 << 2;
/// A boundary of "in list item scope" besides the default ones.
pub(super) const LIST_SCOPE: u32 = 1 << 3;
/// A boundary of "in button scope" besides the default ones.
pub(super) const BUTTON_SCOPE: u32 = 1 << 4;
/// A boundary of "in table scope".
pub(super) const TABLE_SCOPE: u32 = 1 << 5;
/// Its start tag closes an open `<p>` (in button scope).
pub(super) const CLOSES_P: u32 = 1 << 6;
/// Popped by "generate implied end tags".
pub(super) const IMPLIED_END: u32 = 1 << 7;
/// Its end tag pops to the element if it is in scope.
pub(super) const BLOCK_END: u32 = 1 << 8;
/// Its start tag ends SVG and MathML content.
pub(super) const BREAKOUT: u32 = 1 << 9;
/// Left out of the article text with all it holds (`body.rs`).
pub(super) const SKIPPED: u32 = 1 << 10;
/// A heading.
pub(super) const HEADING: u32 = 1 << 11;

/// What `kind` is, as an HTML element (a table built at compile time).
pub(super) fn html_flags(kind: Kind) -> u32 {
    u32::from(HTML_FLAGS[kind as usize])
}

static HTML_FLAGS: [u16; KINDS] = {
    let mut table = [0; KINDS];
    let mut i = 0;
    while i < KINDS {
        table[i] = flags(KIND_BY_INDEX[i]) as u16;
        i += 1;
    }
    table
};

const fn flags(kind: Kind) -> u32 {
    use Kind::*;
    match kind {
        Other | A | Font => 0,
        B | Big | Code | Em | I | S | Small | Strike | Strong | Tt | U | Span | Sub | Sup | Var
        | Nobr | Ruby => BREAKOUT,
        Address | Article | Aside | Blockquote | Center | Details | Dialog | Dir | Div | Dl
        | Fieldset | Figcaption | Figure | Footer | Header | Hgroup | Main | Menu | Nav | Ol
        | Section | Search | Summary | Ul | Listing | Pre => {
            let mut flags = CLOSES_P | BLOCK_END;
            if !matches!(kind, Dialog | Search) {
                flags |= SPECIAL;
            }
            if matches!(kind, Ol | Ul) {
                flags |= LIST_SCOPE;
            }
            if matches!(
                kind,
                Blockquote | Center | Div | Dl | Listing | Menu | Ol | Pre | Ul
            ) {
                flags |= BREAKOUT;
            }
            if matches!(kind, Nav | Header | Footer | Aside | Figure | Dialog | Menu) {
                flags |= SKIPPED;
            }
            flags
        }
        Button => SPECIAL | BUTTON_SCOPE | BLOCK_END | SKIPPED,
        Select => SPECIAL | SCOPE | BLOCK_END | SKIPPED,
        P => SPECIAL | CLOSES_P | IMPLIED_END | BREAKOUT,
        H1 | H2 | H3 | H4 | H5 | H6 => SPECIAL | CLOSES_P | HEADING | BREAKOUT,
        Li | Dd | Dt => SPECIAL | CLOSES_P | IMPLIED_END | BREAKOUT,
        Form => SPECIAL | CLOSES_P | SKIPPED,
        Plaintext | Xmp => SPECIAL | CLOSES_P,
        Hr => VOID | SPECIAL | CLOSES_P | BREAKOUT,
        Area | Base | Basefont | Bgsound | Col | Frame | Param | Source | Track | Wbr => {
            VOID | SPECIAL
        }
        Keygen | Image => VOID,
        Br | Img => VOID | SPECIAL | BREAKOUT,
        Embed => VOID | SPECIAL | SKIPPED | BREAKOUT,
        Input | Link => VOID | SPECIAL | SKIPPED,
        Meta => VOID | SPECIAL | SKIPPED | BREAKOUT,
        Applet | Marquee => SPECIAL | SCOPE | BLOCK_END,
        Object => SPECIAL | SCOPE | BLOCK_END | SKIPPED,
        Caption | Td | Th => SPECIAL | SCOPE,
        Html => SPECIAL | SCOPE | TABLE_SCOPE,
        Table => SPECIAL | SCOPE | TABLE_SCOPE | BREAKOUT,
        Template => SPECIAL | SCOPE | TABLE_SCOPE | SKIPPED,
        Colgroup | Tbody | Tfoot | Thead | Tr | Frameset => SPECIAL,
        Body => SPECIAL | BREAKOUT,
        Head => SPECIAL | SKIPPED | BREAKOUT,
        Iframe | Noembed | Noframes | Noscript | Script | Style | Textarea | Title => {
            SPECIAL | SKIPPED
        }
        Optgroup | Option | Rb | Rp | Rt | Rtc => IMPLIED_END,
        Label | Canvas | Video | Audio | Svg => SKIPPED,
        Math | AnnotationXml | Desc | ForeignObject | Malignmark | Mglyph | Mi | Mn | Mo | Ms
        | Mtext => 0,
    }
}
