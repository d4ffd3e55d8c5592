//! The element names the nesting guard (`nesting.rs`) treats apart, and
//! what it needs to know of each: void, "special", a scope boundary, closes
//! an open `<p>`, breaks out of SVG and MathML, left out of the article
//! text. The sets are html5ever's (`tree_builder/tag_sets.rs` and the rules
//! of the "in body" insertion mode).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Kind {
    Other,
    A,
    Address,
    AnnotationXml,
    Applet,
    Area,
    Article,
    Aside,
    Audio,
    B,
    Base,
    Basefont,
    Bgsound,
    Big,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Center,
    Code,
    Col,
    Colgroup,
    Dd,
    Desc,
    Details,
    Dialog,
    Dir,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Font,
    Footer,
    ForeignObject,
    Form,
    Frame,
    Frameset,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hgroup,
    Hr,
    Html,
    I,
    Iframe,
    Image,
    Img,
    Input,
    Keygen,
    Label,
    Li,
    Link,
    Listing,
    Main,
    Malignmark,
    Marquee,
    Math,
    Menu,
    Meta,
    Mglyph,
    Mi,
    Mn,
    Mo,
    Ms,
    Mtext,
    Nav,
    Nobr,
    Noembed,
    Noframes,
    Noscript,
    Object,
    Ol,
    Optgroup,
    Option,
    P,
    Param,
    Plaintext,
    Pre,
    Rb,
    Rp,
    Rt,
    Rtc,
    Ruby,
    S,
    Script,
    Search,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strike,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Title,
    Tr,
    Track,
    Tt,
    U,
    Ul,
    Var,
    Video,
    Wbr,
    Xmp,
}

pub(super) const KINDS: usize = Kind::Xmp as usize + 1;

/// The names of the kinds after `Other`, in `Kind` order, which is
/// alphabetical: a name is found by binary search (a `match` on 126 names
/// compiled to several KB of comparisons).
static NAMES: [&str; KINDS - 1] = [
    "a",
    "address",
    "annotation-xml",
    "applet",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bgsound",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "code",
    "col",
    "colgroup",
    "dd",
    "desc",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "foreignobject",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "image",
    "img",
    "input",
    "keygen",
    "label",
    "li",
    "link",
    "listing",
    "main",
    "malignmark",
    "marquee",
    "math",
    "menu",
    "meta",
    "mglyph",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "nav",
    "nobr",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "plaintext",
    "pre",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "script",
    "search",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
];

/// Every kind, by its index.
static KIND_BY_INDEX: [Kind; KINDS] = {
    use Kind::*;
    [
        Other,
        A,
        Address,
        AnnotationXml,
        Applet,
        Area,
        Article,
        Aside,
        Audio,
        B,
        Base,
        Basefont,
        Bgsound,
        Big,
        Blockquote,
        Body,
        Br,
        Button,
        Canvas,
        Caption,
        Center,
        Code,
        Col,
        Colgroup,
        Dd,
        Desc,
        Details,
        Dialog,
        Dir,
        Div,
        Dl,
        Dt,
        Em,
        Embed,
        Fieldset,
        Figcaption,
        Figure,
        Font,
        Footer,
        ForeignObject,
        Form,
        Frame,
        Frameset,
        H1,
        H2,
        H3,
        H4,
        H5,
        H6,
        Head,
        Header,
        Hgroup,
        Hr,
        Html,
        I,
        Iframe,
        Image,
        Img,
        Input,
        Keygen,
        Label,
        Li,
        Link,
        Listing,
        Main,
        Malignmark,
        Marquee,
        Math,
        Menu,
        Meta,
        Mglyph,
        Mi,
        Mn,
        Mo,
        Ms,
        Mtext,
        Nav,
        Nobr,
        Noembed,
        Noframes,
        Noscript,
        Object,
        Ol,
        Optgroup,
        Option,
        P,
        Param,
        Plaintext,
        Pre,
        Rb,
        Rp,
        Rt,
        Rtc,
        Ruby,
        S,
        Script,
        Search,
        Section,
        Select,
        Small,
        Source,
        Span,
        Strike,
        Strong,
        Style,
        Sub,
        Summary,
        Sup,
        Svg,
        Table,
        Tbody,
        Td,
        Template,
        Textarea,
        Tfoot,
        Th,
        Thead,
        Title,
        Tr,
        Track,
        Tt,
        U,
        Ul,
        Var,
        Video,
        Wbr,
        Xmp,
    ]
};

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
