//! The page's tokens for html5ever's tree builder: the WHATWG tokenizer,
//! written over bytes.
//!
//! html5ever's own tokenizer links its table of named character references
//! with every prefix of every name (about 70 KB of the gzipped WASM); this
//! one decodes them from a compact table (`entities.rs`) and finds where
//! tags, comments and raw text end with the scanners the nesting guard
//! already uses (`tokens.rs`), so the two agree on the page's tags by
//! construction. The tree builder still builds the tree as a browser does,
//! and says when a start tag begins raw text (`follow`); the caller asks
//! it, before each `<![CDATA[`, whether the current node is foreign.
//!
//! Its tokens are html5ever's, for the same input, up to how text is cut
//! into runs (the tree builder splits and joins runs itself): the tests
//! compare the trees built from both. Parse errors are not reported, but
//! for the one token that is nothing else (`</>`): html5ever's tree builder
//! reacts to it.

use super::entities;
use super::tokens::{
    after_gt, comment_end, find, find_byte, is_space, key_of, raw_end, read_attributes, script_end,
    starts_with_ignore_case, Raw, TagEnd,
};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSinkResult};
use html5ever::{Attribute, LocalName, QualName};
use std::borrow::Cow;

/// The tokens of one page, in order.
pub(super) struct Lexer<'a> {
    text: Cow<'a, str>,
    at: usize,
    /// Set after a start tag whose content the tree builder reads as raw
    /// text, up to the end tag of `last_start`.
    raw: Option<Raw>,
    /// The last start tag's name key and length.
    last_start: (u64, usize),
    /// Inside a CDATA section: where its content ends.
    cdata_end: Option<usize>,
    /// A run of text decoded, reused from run to run.
    buffer: String,
}

impl<'a> Lexer<'a> {
    /// The input stream as the standard preprocesses it: a leading
    /// byte-order mark dropped, `\r\n` and a lone `\r` read as `\n`.
    pub fn new(input: &'a str) -> Lexer<'a> {
        let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
        let text = if input.contains('\r') {
            Cow::Owned(input.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            Cow::Borrowed(input)
        };
        Lexer {
            text,
            at: 0,
            raw: None,
            last_start: (0, 0),
            cdata_end: None,
            buffer: String::new(),
        }
    }

    /// How far the page has been read, in bytes of the preprocessed text.
    pub fn position(&self) -> usize {
        self.at
    }

    /// Does what the tree builder said after the token just returned: read
    /// a start tag's content as raw text, up to its end tag; after a
    /// `</script>`, drop a byte-order mark that starts what is left, as
    /// html5ever's driver does (it feeds its tokenizer again there, which
    /// drops one at the start of what it is fed).
    pub fn follow<Handle>(&mut self, said: TokenSinkResult<Handle>) {
        self.raw = match said {
            TokenSinkResult::RawData(RawKind::Rcdata) => Some(Raw::Rcdata),
            TokenSinkResult::RawData(RawKind::Rawtext) => Some(Raw::Rawtext),
            TokenSinkResult::RawData(_) => Some(Raw::Script),
            TokenSinkResult::Plaintext => Some(Raw::Plaintext),
            TokenSinkResult::Script(_) => {
                if self.text[self.at..].starts_with('\u{FEFF}') {
                    self.at += '\u{FEFF}'.len_utf8();
                }
                None
            }
            TokenSinkResult::Continue | TokenSinkResult::EncodingIndicator(_) => None,
        };
    }

    /// The next token, or `None` at the end of the page. `foreign` says
    /// whether the tree builder's adjusted current node is SVG or MathML
    /// (where `<![CDATA[` starts a section); it is asked only there.
    pub fn next(&mut self, foreign: impl Fn() -> bool) -> Option<Token> {
        let len = self.text.len();
        if let Some(raw) = self.raw.take() {
            let (key, name_len) = self.last_start;
            let bytes = self.text.as_bytes();
            let end = match raw {
                Raw::Plaintext => len,
                Raw::Script => script_end(bytes, self.at),
                Raw::Rcdata | Raw::Rawtext => raw_end(bytes, self.at, key, name_len),
            };
            let start = std::mem::replace(&mut self.at, end);
            if start < end {
                return Some(self.raw_run(start..end, raw == Raw::Rcdata));
            }
        }
        if let Some(end) = self.cdata_end {
            if let Some(token) = self.cdata_run(end) {
                return Some(token);
            }
        }
        loop {
            if self.at >= len {
                return None;
            }
            let bytes = self.text.as_bytes();
            let start = self.at;
            let stop = markup_or_null(bytes, start);
            if stop > start {
                self.at = stop;
                return Some(self.text_run(start, stop));
            }
            if bytes[start] == 0 {
                self.at += 1;
                return Some(Token::NullCharacterToken);
            }
            // `<` that starts markup (`markup_or_null` passed the rest).
            if let Some(token) = self.markup(start, &foreign) {
                return Some(token);
            }
        }
    }

    /// Text of the data state, without NULs: character references decoded.
    fn text_run(&mut self, start: usize, stop: usize) -> Token {
        let piece = &self.text[start..stop];
        if !piece.contains('&') {
            return Token::CharacterTokens(StrTendril::from_slice(piece));
        }
        self.buffer.clear();
        decode(&self.text, start..stop, Context::Text, &mut self.buffer);
        Token::CharacterTokens(StrTendril::from_slice(&self.buffer))
    }

    /// The content of a raw text element: NULs replaced; character
    /// references decoded in RCDATA (`<title>`, `<textarea>`).
    fn raw_run(&mut self, range: std::ops::Range<usize>, rcdata: bool) -> Token {
        let piece = &self.text[range.clone()];
        if !(rcdata && piece.contains('&')) {
            return Token::CharacterTokens(StrTendril::from_slice(&replacing_nul(piece)));
        }
        self.buffer.clear();
        decode(&self.text, range, Context::Replacing, &mut self.buffer);
        Token::CharacterTokens(StrTendril::from_slice(&self.buffer))
    }

    /// What starts with the `<` at `lt`: a token, or `None` for a tag the
    /// page ends in.
    fn markup(&mut self, lt: usize, foreign: &impl Fn() -> bool) -> Option<Token> {
        let bytes = self.text.as_bytes();
        let next = bytes[lt + 1];
        if next.is_ascii_alphabetic() {
            return self.tag(lt + 1, TagKind::StartTag);
        }
        match next {
            b'/' => match bytes[lt + 2] {
                b if b.is_ascii_alphabetic() => self.tag(lt + 2, TagKind::EndTag),
                // `</>` is nothing but a parse error. html5ever passes its
                // errors to the tree builder as tokens, and one right after
                // `<pre>` or `<textarea>` keeps the newline after it.
                b'>' => {
                    self.at = lt + 3;
                    Some(Token::ParseError(Cow::Borrowed("Empty end tag")))
                }
                // A bogus comment from the character after `</`.
                _ => Some(self.bogus_comment(lt + 2)),
            },
            b'?' => Some(self.bogus_comment(lt + 1)),
            _ => self.declaration(lt + 2, foreign),
        }
    }

    /// A comment that runs from `from` to the next `>`.
    fn bogus_comment(&mut self, from: usize) -> Token {
        let end = after_gt(self.text.as_bytes(), from);
        self.at = end;
        let data_end = if self.text.as_bytes()[end - 1] == b'>' {
            end - 1
        } else {
            end
        };
        self.comment(from..data_end)
    }

    fn comment(&self, range: std::ops::Range<usize>) -> Token {
        Token::CommentToken(StrTendril::from_slice(&replacing_nul(&self.text[range])))
    }

    /// What starts with `<!` (`from` is after it).
    fn declaration(&mut self, from: usize, foreign: &impl Fn() -> bool) -> Option<Token> {
        let bytes = self.text.as_bytes();
        let rest = &bytes[from..];
        if rest.starts_with(b"--") {
            let end = comment_end(bytes, from + 2);
            self.at = end;
            let data = from + 2..comment_data_end(bytes, from + 2, end);
            return Some(self.comment(data));
        }
        if starts_with_ignore_case(bytes, from, b"doctype") {
            return Some(self.doctype(from + 7));
        }
        if rest.starts_with(b"[CDATA[") && foreign() {
            self.at = from + 7;
            let end = find(bytes, self.at, b"]]>").unwrap_or(bytes.len());
            self.cdata_end = Some(end);
            return self.cdata_run(end);
        }
        Some(self.bogus_comment(from))
    }

    /// The next run of a CDATA section's content (which ends at `end`),
    /// its NULs tokens of their own as html5ever makes them; `None` once it
    /// is all read, the section closed.
    fn cdata_run(&mut self, end: usize) -> Option<Token> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        if start >= end {
            self.cdata_end = None;
            self.at = (end + 3).min(bytes.len());
            return None;
        }
        if bytes[start] == 0 {
            self.at += 1;
            return Some(Token::NullCharacterToken);
        }
        let stop = find_byte(bytes, start, 0).min(end);
        self.at = stop;
        Some(Token::CharacterTokens(StrTendril::from_slice(
            &self.text[start..stop],
        )))
    }

    /// A tag whose name starts at `name_start`, read to its `>`; `None` if
    /// the page ends inside it (the tag is dropped). An end tag's
    /// attributes are read past, not kept.
    fn tag(&mut self, name_start: usize, kind: TagKind) -> Option<Token> {
        let text = &*self.text;
        let bytes = text.as_bytes();
        let mut i = name_start;
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let name = &text[name_start..i];
        let start_tag = kind == TagKind::StartTag;
        let mut attrs: Vec<Attribute> = Vec::new();
        let buffer = &mut self.buffer;
        let TagEnd {
            close,
            self_closing,
        } = read_attributes(bytes, i, |name, value| {
            // An end tag's attributes are dropped, and a repeated one.
            if !start_tag {
                return;
            }
            let local = local_name(&text[name]);
            if attrs.iter().any(|a| a.name.local == local) {
                return;
            }
            let value = match value {
                Some(value) if !value.is_empty() => {
                    buffer.clear();
                    decode(text, value, Context::Attribute, buffer);
                    StrTendril::from_slice(buffer)
                }
                _ => StrTendril::new(),
            };
            attrs.push(Attribute {
                name: QualName::new(None, html5ever::ns!(), local),
                value,
            });
        });
        if close >= bytes.len() {
            // The page ends inside the tag.
            self.at = bytes.len();
            return None;
        }
        self.at = close + 1;
        let name = local_name(name);
        if start_tag {
            let lower = name.as_bytes();
            self.last_start = (key_of(lower), lower.len());
        }
        Some(Token::TagToken(Tag {
            kind,
            name,
            self_closing,
            attrs,
            had_duplicate_attributes: false,
        }))
    }
}

impl Lexer<'_> {
    /// A doctype whose keyword ends before `from`, read through the
    /// standard's doctype states: its name and identifiers, and whether it
    /// forces quirks mode.
    fn doctype(&mut self, from: usize) -> Token {
        let text = &*self.text;
        let bytes = text.as_bytes();
        let mut doctype = Doctype::default();
        let skip_spaces = |mut i: usize| {
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            i
        };
        // Where the token ends and whether it forces quirks: at EOF it
        // does; past `>`, as the state says.
        let mut i = skip_spaces(from);
        let (end, quirks) = 'states: {
            match bytes.get(i) {
                None => break 'states (bytes.len(), true),
                Some(b'>') => break 'states (i + 1, true),
                Some(_) => {}
            }
            let name_start = i;
            while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                i += 1;
            }
            let name = ascii_lower(&text[name_start..i]);
            doctype.name = Some(StrTendril::from_slice(&replacing_nul(&name)));
            i = skip_spaces(i);
            match bytes.get(i) {
                None => break 'states (bytes.len(), true),
                Some(b'>') => break 'states (i + 1, false),
                Some(_) => {}
            }
            let public = starts_with_ignore_case(bytes, i, b"public");
            if !public && !starts_with_ignore_case(bytes, i, b"system") {
                break 'states (after_gt(bytes, i), true);
            }
            i = skip_spaces(i + 6);
            // An identifier in quotes: the first after the keyword, then
            // (after a public one) the system one.
            for first in [true, false] {
                match bytes.get(i) {
                    None => break 'states (bytes.len(), true),
                    Some(b'>') if first => break 'states (i + 1, true),
                    Some(b'>') => break 'states (i + 1, false),
                    Some(&quote @ (b'"' | b'\'')) => {
                        // `>` inside the quotes ends the doctype too.
                        let mut end = i + 1;
                        while end < bytes.len() && bytes[end] != quote && bytes[end] != b'>' {
                            end += 1;
                        }
                        let id = StrTendril::from_slice(&replacing_nul(&text[i + 1..end]));
                        if public && first {
                            doctype.public_id = Some(id);
                        } else {
                            doctype.system_id = Some(id);
                        }
                        match bytes.get(end) {
                            None => break 'states (bytes.len(), true),
                            Some(b'>') => break 'states (end + 1, true),
                            Some(_) => {}
                        }
                        i = skip_spaces(end + 1);
                        if !public || !first {
                            break;
                        }
                    }
                    // Anything else: the rest to `>` is a bogus doctype.
                    Some(_) => break 'states (after_gt(bytes, i), true),
                }
            }
            // After the system identifier: anything but `>` is bogus, but
            // does not force quirks.
            match bytes.get(i) {
                None => (bytes.len(), true),
                Some(_) => (after_gt(bytes, i), false),
            }
        };
        doctype.force_quirks = quirks;
        self.at = end;
        Token::DoctypeToken(doctype)
    }
}

/// The text with each NUL replaced by U+FFFD, as everywhere outside the
/// data state.
fn replacing_nul(text: &str) -> Cow<'_, str> {
    if text.contains('\0') {
        Cow::Owned(text.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A name as the tokenizer keeps it: ASCII letters lower-cased.
fn ascii_lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// A tag or attribute name: ASCII lower-cased, NULs replaced.
fn local_name(name: &str) -> LocalName {
    LocalName::from(&*replacing_nul(&ascii_lower(name)))
}

/// The first NUL at or after `from`, or the first `<` that starts markup (a
/// tag, an end tag, `</>`, `<!`, `<?`), or the end: where a run of text in
/// the data state stops. A `<` that starts nothing is text, and so is `</`
/// at the end of the page.
fn markup_or_null(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    loop {
        while i < bytes.len() && bytes[i] != b'<' && bytes[i] != 0 {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == 0 {
            return i;
        }
        match bytes.get(i + 1) {
            Some(b) if b.is_ascii_alphabetic() || matches!(b, b'!' | b'?') => return i,
            Some(b'/') if i + 2 < bytes.len() => return i,
            _ => i += 1,
        }
    }
}

/// Where a comment's text ends, for a comment whose text starts at `from`
/// and whose markup ends at `end` (from `comment_end`): before `-->` or
/// `--!>`; at once for `<!-->` and `<!--->`; at the end of the page, before
/// the dashes (and `!`) the comment-end states had not yet taken as text.
fn comment_data_end(bytes: &[u8], from: usize, end: usize) -> usize {
    let markup = &bytes[from..end];
    if markup == b">" || markup == b"->" {
        from
    } else if markup.ends_with(b"--!>") {
        end - 4
    } else if markup.ends_with(b"-->") {
        end - 3
    } else {
        let unread = [&b"--!"[..], b"--", b"-"]
            .iter()
            .find(|tail| markup.ends_with(tail))
            .map_or(0, |tail| tail.len());
        end - unread
    }
}

/// Where a run of text is, for its character references and NULs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// The data state: no NULs in the run.
    Text,
    /// RCDATA: NULs replaced.
    Replacing,
    /// An attribute's value: NULs replaced, and a named reference without
    /// `;` before `=` or a letter or digit left as written.
    Attribute,
}

/// `text[range]` with its character references decoded, appended to `out`.
fn decode(text: &str, range: std::ops::Range<usize>, context: Context, out: &mut String) {
    let bytes = &text.as_bytes()[..range.end];
    let mut i = range.start;
    let mut copied = i;
    while i < bytes.len() {
        match bytes[i] {
            b'&' => {
                out.push_str(&text[copied..i]);
                i += 1;
                match reference(&bytes[i..], context == Context::Attribute) {
                    Some((length, Decoded::Named(value))) => {
                        out.push_str(value);
                        i += length;
                    }
                    Some((length, Decoded::Numeric(value))) => {
                        out.push(value);
                        i += length;
                    }
                    None => out.push('&'),
                }
                copied = i;
            }
            0 if context != Context::Text => {
                out.push_str(&text[copied..i]);
                out.push('\u{FFFD}');
                i += 1;
                copied = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[copied..range.end]);
}

enum Decoded {
    Named(&'static str),
    Numeric(char),
}

/// The character reference that `rest` (after `&`) starts with: how many
/// bytes it takes and what it stands for; `None` where `&` is only itself.
fn reference(rest: &[u8], attribute: bool) -> Option<(usize, Decoded)> {
    match rest.first()? {
        b'#' => {
            let hex = matches!(rest.get(1), Some(b'x' | b'X'));
            let digits = if hex { 2 } else { 1 };
            let radix = if hex { 16 } else { 10 };
            let mut i = digits;
            let mut code: u32 = 0;
            while let Some(digit) = rest.get(i).and_then(|&b| (b as char).to_digit(radix)) {
                // Past the last code point is as bad as any further.
                code = (code * radix + digit).min(0x11_0000);
                i += 1;
            }
            if i == digits {
                return None;
            }
            if rest.get(i) == Some(&b';') {
                i += 1;
            }
            Some((i, Decoded::Numeric(entities::numeric(code))))
        }
        b if b.is_ascii_alphanumeric() => {
            let (length, value) = entities::named(rest)?;
            let terminated = rest[length - 1] == b';';
            let next = rest.get(length).copied().unwrap_or(b' ');
            if attribute && !terminated && (next == b'=' || next.is_ascii_alphanumeric()) {
                return None;
            }
            Some((length, Decoded::Named(value)))
        }
        _ => None,
    }
}
