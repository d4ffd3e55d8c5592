//! Where each tag of an HTML page begins and ends, found as the WHATWG
//! tokenizer (and so html5ever) finds them: comments (also `<!-->` and
//! `--!>`), doctypes, bogus comments, CDATA sections in SVG and MathML,
//! attribute values in either quotes or none, the self-closing `/>`, and
//! the raw text of `<script>` (with its `<!--` escapes), `<style>`,
//! `<title>`, `<textarea>` and their kin, which holds no tags. Nothing is
//! decoded and nothing allocated: the nesting guard (`nesting.rs`) reads a
//! page's tags through it before the page is parsed, in one pass; the
//! tokenizer that feeds the tree builder (`lexer.rs`) ends its tags,
//! comments and raw text with the same scanners.
//!
//! Text is skipped, not returned: only tags are tokens. The tokenizer cannot
//! know by itself whether `<style>` starts raw text (it does not in SVG) or
//! `<![CDATA[` a section: the caller, who follows the tree, says so.

use std::ops::Range;

/// Attributes kept on one element. html5ever checks each new attribute
/// against all the earlier ones of its tag: 100,000 attributes took
/// minutes. Real elements have a few dozen at most.
pub(super) const MAX_ATTRIBUTES: usize = 256;

/// How the text after a start tag is read until its end tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Raw {
    /// `<title>`, `<textarea>` (character references decoded, no tags).
    Rcdata,
    /// `<style>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<noscript>`.
    Rawtext,
    /// `<script>`: no tags, but `<!--` and a nested `<script>` change where
    /// it ends.
    Script,
    /// `<plaintext>`: the rest of the page is text.
    Plaintext,
}

/// A tag: its bytes, its name in lower case, and its attributes.
#[derive(Debug, Clone)]
pub(super) struct Tag {
    /// From `<` to after `>`.
    pub range: Range<usize>,
    pub end_tag: bool,
    pub self_closing: bool,
    /// The name, lower-cased, if it is at most `NAME_BYTES` long; longer
    /// names are told apart by `key` alone.
    pub name: [u8; NAME_BYTES],
    pub name_len: usize,
    /// FNV-1a (64 bits) of the whole lower-cased name.
    pub key: u64,
    /// How many attributes the tag has.
    pub attributes: usize,
    /// Whether one of the first `MAX_ATTRIBUTES` is `color`, `face` or
    /// `size` (a `<font>` with one of them breaks out of SVG and MathML).
    pub font_attribute: bool,
    /// Where `>` is (`range.end - 1`), or the end of the input for a tag
    /// the input ends in (which html5ever drops).
    pub close: usize,
}

pub(super) const NAME_BYTES: usize = 16;

impl Tag {
    /// Whether the tag ends with `>` (one the input ends in is dropped).
    pub fn complete(&self) -> bool {
        self.close < self.range.end
    }

    /// The lower-cased name when it is short enough to be a known element.
    pub fn short_name(&self) -> Option<&[u8]> {
        (self.name_len <= NAME_BYTES).then(|| &self.name[..self.name_len])
    }
}

pub(super) struct Tokenizer<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Set by the caller after a start tag whose content is raw text.
    raw: Option<(Raw, u64, usize)>,
    /// Where the first `MAX_ATTRIBUTES + 1` attributes of the last tag
    /// begin (the last one, if there, is where capping cuts).
    pub attribute_starts: Vec<usize>,
}

pub(super) fn is_space(b: u8) -> bool {
    // "\r" is whitespace too: the input stream turns it into "\n".
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The key of a lower-case name, as `Tag::key` computes it.
pub(super) const fn key_of(name: &[u8]) -> u64 {
    let mut hash = FNV_OFFSET;
    let mut i = 0;
    while i < name.len() {
        hash = (hash ^ name[i] as u64).wrapping_mul(FNV_PRIME);
        i += 1;
    }
    hash
}

/// The position of the first `needle` at or after `from`, or the end;
/// eight bytes at a time, as the text reader finds line breaks.
pub(super) fn find_byte(bytes: &[u8], from: usize, needle: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(needle);
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ pattern;
        if word.wrapping_sub(ONES) & !word & HIGHS != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] != needle {
        i += 1;
    }
    i
}

/// The position of the first `needle` (two or more bytes) at or after
/// `from`, or `None`.
pub(super) fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        i = find_byte(bytes, i, needle[0]);
        if i + needle.len() > bytes.len() {
            return None;
        }
        if &bytes[i..i + needle.len()] == needle {
            return Some(i);
        }
        i += 1;
    }
}

pub(super) fn starts_with_ignore_case(bytes: &[u8], at: usize, word: &[u8]) -> bool {
    bytes
        .get(at..at + word.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(word))
}

impl<'a> Tokenizer<'a> {
    pub fn new(input: &'a str) -> Tokenizer<'a> {
        Tokenizer {
            bytes: input.as_bytes(),
            at: 0,
            raw: None,
            attribute_starts: Vec::new(),
        }
    }

    /// After the start tag just returned: its content is raw text of this
    /// kind, up to the end tag with the same name.
    pub fn raw_text(&mut self, raw: Raw, tag: &Tag) {
        self.raw = Some((raw, tag.key, tag.name_len));
    }

    /// The next tag, skipping text, comments, doctypes and CDATA sections
    /// (recognised only where `cdata` says the current node is SVG or
    /// MathML). `None` at the end of the page.
    pub fn next_tag(&mut self, cdata: bool) -> Option<Tag> {
        let bytes = self.bytes;
        if let Some((raw, key, name_len)) = self.raw.take() {
            self.at = match raw {
                Raw::Plaintext => bytes.len(),
                Raw::Script => script_end(bytes, self.at),
                Raw::Rcdata | Raw::Rawtext => raw_end(bytes, self.at, key, name_len),
            };
        }
        loop {
            let lt = find_byte(bytes, self.at, b'<');
            if lt + 1 >= bytes.len() {
                self.at = bytes.len();
                return None;
            }
            let next = bytes[lt + 1];
            if next.is_ascii_alphabetic() {
                return Some(self.tag(lt, lt + 1, false));
            }
            self.at = match next {
                b'/' => match bytes.get(lt + 2) {
                    Some(b) if b.is_ascii_alphabetic() => return Some(self.tag(lt, lt + 2, true)),
                    // "</>" is nothing; "</" at the end is text.
                    Some(b'>') => lt + 3,
                    None => bytes.len(),
                    // A bogus comment, to the next ">".
                    Some(_) => after_gt(bytes, lt + 2),
                },
                b'!' => markup_declaration_end(bytes, lt + 2, cdata),
                b'?' => after_gt(bytes, lt + 1),
                // A "<" that starts nothing is text.
                _ => lt + 1,
            };
        }
    }

    /// The tag whose name starts at `name_start` (`<` at `lt`), read to its
    /// end: the name, then attributes until `>` outside quotes.
    fn tag(&mut self, lt: usize, name_start: usize, end_tag: bool) -> Tag {
        let bytes = self.bytes;
        self.attribute_starts.clear();
        let mut i = name_start;
        let mut key = FNV_OFFSET;
        let mut name = [0u8; NAME_BYTES];
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            let b = bytes[i].to_ascii_lowercase();
            if let Some(slot) = name.get_mut(i - name_start) {
                *slot = b;
            }
            key = (key ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            i += 1;
        }
        let name_len = i - name_start;
        let mut attributes = 0;
        let mut font_attribute = false;
        let starts = &mut self.attribute_starts;
        let TagEnd {
            close,
            self_closing,
        } = read_attributes(bytes, i, |name, _| {
            if attributes < MAX_ATTRIBUTES {
                let name = &bytes[name.clone()];
                font_attribute |= [&b"color"[..], b"face", b"size"]
                    .iter()
                    .any(|n| name.eq_ignore_ascii_case(n));
            }
            if starts.len() <= MAX_ATTRIBUTES {
                starts.push(name.start);
            }
            attributes += 1;
        });
        self.at = (close + 1).min(bytes.len());
        Tag {
            range: lt..self.at,
            end_tag,
            self_closing,
            name,
            name_len,
            key,
            attributes,
            font_attribute,
            close,
        }
    }
}

/// Where a tag ends, as `read_attributes` finds it.
pub(super) struct TagEnd {
    /// Where `>` is, or the end of the input for a tag the input ends in.
    pub close: usize,
    pub self_closing: bool,
}

/// Reads a tag's attributes, from `from` (after its name) to its `>`,
/// through the tokenizer's attribute states, with "after attribute name"
/// folded into "before attribute name": both skip spaces and end at "/" or
/// ">"; only right after a name may "=" start a value. `each` gets every
/// attribute's name and its value (inside the quotes), if it has one.
pub(super) fn read_attributes(
    bytes: &[u8],
    from: usize,
    mut each: impl FnMut(Range<usize>, Option<Range<usize>>),
) -> TagEnd {
    let mut i = from;
    // The last name read, while "=" may still give it a value.
    let mut named: Option<Range<usize>> = None;
    let mut self_closing = false;
    let close = loop {
        let Some(&b) = bytes.get(i) else {
            break bytes.len();
        };
        match b {
            _ if is_space(b) => i += 1,
            b'>' => break i,
            b'/' => {
                if bytes.get(i + 1) == Some(&b'>') {
                    self_closing = true;
                    break i + 1;
                }
                if let Some(name) = named.take() {
                    each(name, None);
                }
                i += 1;
            }
            b'=' if named.is_some() => {
                let mut start = i + 1;
                while start < bytes.len() && is_space(bytes[start]) {
                    start += 1;
                }
                let value = match bytes.get(start) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let end = find_byte(bytes, start + 1, quote);
                        i = (end + 1).min(bytes.len());
                        start + 1..end
                    }
                    // Unquoted, to a space or ">" (also a missing value's).
                    _ => {
                        i = start;
                        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                            i += 1;
                        }
                        start..i
                    }
                };
                each(named.take().expect("a name before"), Some(value));
            }
            _ => {
                if let Some(name) = named.take() {
                    each(name, None);
                }
                // A new attribute; its name runs to a space, "/", ">" or
                // "=" (a leading "=" is part of it).
                let start = i;
                i = name_end(bytes, i + 1);
                named = Some(start..i);
            }
        }
    };
    if let Some(name) = named {
        each(name, None);
    }
    TagEnd {
        close,
        self_closing,
    }
}

/// The end of an attribute name whose first byte is before `from`.
pub(super) fn name_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() && !matches!(bytes[i], b'/' | b'>' | b'=') && !is_space(bytes[i]) {
        i += 1;
    }
    i
}

/// After the next ">" at or after `from` (the end of a bogus comment or a
/// doctype), or the end of the input.
pub(super) fn after_gt(bytes: &[u8], from: usize) -> usize {
    (find_byte(bytes, from, b'>') + 1).min(bytes.len())
}

/// The end of what starts with `<!` (`from` is after it): a comment, a
/// doctype, a CDATA section (where allowed) or a bogus comment.
fn markup_declaration_end(bytes: &[u8], from: usize, cdata: bool) -> usize {
    if bytes[from..].starts_with(b"--") {
        return comment_end(bytes, from + 2);
    }
    if cdata && bytes[from..].starts_with(b"[CDATA[") {
        return find(bytes, from + 7, b"]]>").map_or(bytes.len(), |at| at + 3);
    }
    // A doctype ends at the first ">", even inside its quotes; so does a
    // bogus comment.
    after_gt(bytes, from)
}

/// The end of a comment whose text starts at `from` (after `<!--`): after
/// `-->` or `--!>`, or at once for `<!-->` and `<!--->`.
pub(super) fn comment_end(bytes: &[u8], from: usize) -> usize {
    if bytes[from..].starts_with(b">") {
        return from + 1;
    }
    if bytes[from..].starts_with(b"->") {
        return from + 2;
    }
    let mut i = from;
    while let Some(at) = find(bytes, i, b"--") {
        match bytes.get(at + 2) {
            Some(b'>') => return at + 3,
            Some(b'!') if bytes.get(at + 3) == Some(&b'>') => return at + 4,
            _ => i = at + 1,
        }
    }
    bytes.len()
}

/// Whether an end tag for the element named by `key` (`name_len` bytes)
/// starts at `at`: `</`, the name in any case, then a space, `/` or `>`.
fn end_tag_at(bytes: &[u8], at: usize, key: u64, name_len: usize) -> bool {
    let name = at + 2;
    let after = name + name_len;
    after < bytes.len()
        && bytes[at + 1] == b'/'
        && (is_space(bytes[after]) || matches!(bytes[after], b'/' | b'>'))
        && key_of_lower(&bytes[name..after]) == key
}

/// `key_of` for a name in any case.
fn key_of_lower(name: &[u8]) -> u64 {
    name.iter().fold(FNV_OFFSET, |hash, &b| {
        (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
    })
}

/// Where RCDATA or RAWTEXT from `from` ends: at its element's end tag, or
/// the end of the input.
pub(super) fn raw_end(bytes: &[u8], from: usize, key: u64, name_len: usize) -> usize {
    let mut i = from;
    loop {
        i = find_byte(bytes, i, b'<');
        if i >= bytes.len() || end_tag_at(bytes, i, key, name_len) {
            return i;
        }
        i += 1;
    }
}

/// Where the script data from `from` ends: at `</script` followed by a
/// space, `/` or `>`, except inside `<!--` … `-->` after a `<script`
/// (the escaped and double-escaped states of the tokenizer).
pub(super) fn script_end(bytes: &[u8], from: usize) -> usize {
    const SCRIPT: u64 = key_of(b"script");
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    // Dashes just before, in the escaped states ("-->" leaves them).
    let mut dashes = 0;
    let mut i = from;
    // `name` at `at` is "script" and ends with a space, "/" or ">".
    let script_at = |at: usize| {
        starts_with_ignore_case(bytes, at, b"script")
            && bytes
                .get(at + 6)
                .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
    };
    while i < bytes.len() {
        let b = bytes[i];
        match state {
            State::Data => {
                if b != b'<' {
                    i = find_byte(bytes, i + 1, b'<');
                    continue;
                }
                if end_tag_at(bytes, i, SCRIPT, 6) {
                    return i;
                }
                if bytes[i + 1..].starts_with(b"!--") {
                    state = State::Escaped;
                    // "<!--" leaves the tokenizer after two dashes: "<!-->"
                    // goes back to script data at once.
                    dashes = 2;
                    i += 4;
                    continue;
                }
                i += 1;
                continue;
            }
            State::Escaped | State::DoubleEscaped => match b {
                b'-' => {
                    dashes += 1;
                    i += 1;
                    continue;
                }
                b'>' if dashes >= 2 => state = State::Data,
                b'<' if state == State::Escaped => {
                    if end_tag_at(bytes, i, SCRIPT, 6) {
                        return i;
                    }
                    if script_at(i + 1) {
                        state = State::DoubleEscaped;
                        i += 8;
                        dashes = 0;
                        continue;
                    }
                }
                b'<' if bytes.get(i + 1) == Some(&b'/') && script_at(i + 2) => {
                    state = State::Escaped;
                    i += 9;
                    dashes = 0;
                    continue;
                }
                _ => {}
            },
        }
        dashes = 0;
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::states::RawKind;
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer as Html5ever,
        TokenizerOpts,
    };
    use std::cell::RefCell;

    /// (end tag, name, self-closing, attributes if none was a duplicate).
    type Seen = (bool, String, bool, Option<usize>);

    /// The raw text kind an HTML start tag switches to, as the tree builder
    /// tells the tokenizer (scripting enabled).
    fn raw_of(name: &[u8]) -> Option<Raw> {
        match name {
            b"script" => Some(Raw::Script),
            b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript" => {
                Some(Raw::Rawtext)
            }
            b"title" | b"textarea" => Some(Raw::Rcdata),
            b"plaintext" => Some(Raw::Plaintext),
            _ => None,
        }
    }

    struct Sink(RefCell<Vec<Seen>>);

    impl TokenSink for Sink {
        type Handle = ();

        fn process_token(&self, token: Token, _: u64) -> TokenSinkResult<()> {
            let Token::TagToken(tag) = token else {
                return TokenSinkResult::Continue;
            };
            let end = tag.kind == TagKind::EndTag;
            let attributes = (!tag.had_duplicate_attributes).then_some(tag.attrs.len());
            self.0
                .borrow_mut()
                .push((end, tag.name.to_string(), tag.self_closing, attributes));
            if end {
                return TokenSinkResult::Continue;
            }
            match raw_of(tag.name.as_bytes()) {
                Some(Raw::Script) => TokenSinkResult::RawData(RawKind::ScriptData),
                Some(Raw::Rawtext) => TokenSinkResult::RawData(RawKind::Rawtext),
                Some(Raw::Rcdata) => TokenSinkResult::RawData(RawKind::Rcdata),
                Some(Raw::Plaintext) => TokenSinkResult::Plaintext,
                None => TokenSinkResult::Continue,
            }
        }
    }

    fn by_html5ever(input: &str) -> Vec<Seen> {
        let tokenizer = Html5ever::new(Sink(RefCell::new(Vec::new())), TokenizerOpts::default());
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(input));
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        tokenizer.sink.0.take()
    }

    fn by_scan(input: &str) -> Vec<Seen> {
        let mut tokens = Tokenizer::new(input);
        let mut seen = Vec::new();
        while let Some(tag) = tokens.next_tag(false) {
            if !tag.complete() {
                break;
            }
            // The name as html5ever gives it: a NUL becomes U+FFFD. Long
            // names are kept only in part, and told apart by their key.
            let name = &tag.name[..tag.name_len.min(NAME_BYTES)];
            if tag.name_len <= NAME_BYTES {
                assert_eq!(tag.key, key_of(name), "{input:?}");
            }
            let name = if tag.name_len > NAME_BYTES {
                "(long)".to_string()
            } else {
                String::from_utf8_lossy(name).replace('\0', "\u{fffd}")
            };
            seen.push((tag.end_tag, name, tag.self_closing, Some(tag.attributes)));
            if !tag.end_tag {
                if let Some(raw) = tag.short_name().and_then(raw_of) {
                    tokens.raw_text(raw, &tag);
                }
            }
        }
        seen
    }

    /// Attribute counts compared only where html5ever saw no duplicate.
    fn agree(input: &str) {
        let expected = by_html5ever(input);
        let found = by_scan(input);
        assert_eq!(
            found.len(),
            expected.len(),
            "{input:?}\n{found:?}\n{expected:?}"
        );
        for (f, e) in found.iter().zip(&expected) {
            let name = if f.1 == "(long)" && e.1.len() > NAME_BYTES {
                &e.1
            } else {
                &f.1
            };
            assert_eq!((f.0, name, f.2), (e.0, &e.1, e.2), "{input:?}");
            if e.3.is_some() {
                assert_eq!(f.3, e.3, "{input:?}");
            }
        }
    }

    #[test]
    fn finds_the_tags_html5ever_finds_on_hand_picked_pages() {
        for input in [
            "<p class=a>x</p><br/><div/>",
            "<a title=\"x>y\" href='/a/b'>l</a><img src=/a/b/>",
            "<!-- <p> --><!--><p>a</p><!---><b>b</b><!-- --!><i>i</i>",
            "<!-- -- > <x> --!x --> <y>",
            "<!DOCTYPE html PUBLIC \"a>b\"><p>",
            "<! bogus <p> ><? pi <q> ><p>",
            "</ x><p></><a></",
            "<![CDATA[<p>]]><b>",
            "<script>if (a<b) x = '</scr' + 'ipt>';</script><p>after</p>",
            "<script><!--<script></script><p>still script</p></script><p>out</p>",
            "<script><!-- x --><p>in</p></script>",
            "<script><!--<SCRIPT>--></script><i>",
            "<script>a<!-->b</script><u>",
            "<style>p > a { } </STYLE ><em>",
            "<title><b>not bold</b></title ><s>",
            "<textarea></textarea x></textarea><q>",
            "<xmp><p></xmp><p>",
            "<plaintext><p></plaintext>",
            "<div a b=c d='e' f=\"g\"h=i/ j / k=/l/>",
            "<div ==x = y/=z \"q 'r <s>",
            "<DIV CLASS=X><Svg ViewBox=1><foreignObject>",
            "<a b c b d><a b=1 B=2>",
            "<p\u{0}x>nul</p\u{0}x>",
            "a<\rb><c\r\nd=e\r>",
            "<p",
            "<p a=\"unterminated",
        ] {
            agree(input);
        }
    }

    proptest::proptest! {
        #[test]
        fn finds_the_tags_html5ever_finds(
            pieces in proptest::collection::vec(
                "<|</|>|/>|/| |\"|'|=|-|--|!|\\?|<!--|-->|--!>|<!|<!DOCTYPE |<!\\[CDATA\\[|\\]\\]>|p|div|b|script|SCRIPT|style|title|textarea|xmp|plaintext|x|a=1|é|\\r|\\n",
                0..40,
            ),
        ) {
            agree(&pieces.concat());
        }
    }

    #[test]
    fn counts_attributes_past_the_cap_and_records_where_to_cut() {
        let attributes: String = (0..300).map(|i| format!(" a{i}=\"v>{i}\"")).collect();
        let input = format!("<p{attributes}>text</p>");
        let mut tokens = Tokenizer::new(&input);
        let tag = tokens.next_tag(false).unwrap();
        assert_eq!(tag.attributes, 300);
        assert_eq!(tokens.attribute_starts.len(), MAX_ATTRIBUTES + 1);
        let cut = tokens.attribute_starts[MAX_ATTRIBUTES];
        assert!(input[cut..].starts_with("a256=\"v>256\""));
        assert_eq!(&input[tag.close..tag.range.end], ">");
    }
}
