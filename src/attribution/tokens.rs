//! A sentence as tokens (words and single punctuation marks), and the
//! capitalised runs of tokens that read as names.
//!
//! Every rule of attribution looks a few tokens either side of a reporting
//! verb and asks each one the same things: its lower case, whether it is
//! capitalised, whether it is a word. A token answers them from fields set
//! once by the tokenizer, not by looking at its text again. The lower case
//! is borrowed, never allocated per token: from the text itself when a word
//! has no capitals, else from one buffer reused from sentence to sentence —
//! the whole sentence lower-cased once when it is ASCII, which news prose
//! nearly always is, or each capitalised token written into it otherwise.
//! A token is 40 bytes (offsets as `u32`, its answers packed in a byte).
//!
//! Words keep their inner apostrophes, hyphens and dots ("O'Brien",
//! "Under-Secretary-General", "U.S") and a plural possessive keeps its
//! apostrophe ("Workers' Union"), so that a name is a run of whole tokens.
//! The tokenizer classifies ASCII bytes by one table lookup, without
//! decoding; the test beside it holds it to the first,
//! one-character-at-a-time version.
//!
//! Whether a token is inside a quotation is set here too, in the same walk
//! (tokens and quotations are both in text order), so no rule compares a
//! token with every quotation of its sentence.
//!
//! A name is a run of at most `MAX_NAME_TOKENS` tokens and `MAX_NAME_BYTES`
//! bytes: the longest names in news copy ("Under-Secretary-General for
//! Humanitarian Affairs Stephen O'Brien") fit, and a run of capitalised
//! words a page long is not read again and again by every verb after it.
//!
//! Measured: BENCHMARKS.md#t-borrowed-lowercase, BENCHMARKS.md#t-tokenizer-ascii,
//! BENCHMARKS.md#t-compact-tokens.

use super::verbs::{self, Verb};
use super::words::{BEFORE_THE, CONNECTORS};
use crate::chars::{char_at, is_alphanumeric};
use crate::segment::Quotation;
use std::ops::Range;

/// A word or a punctuation mark of a sentence: 40 bytes. Its lower case is
/// borrowed, its place is a `u32` and its end follows from its text, and its
/// three yes-or-no answers share a byte, so a sentence of punctuation costs
/// little memory and the tokenizer writes little per token.
#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    pub(super) text: &'a str,
    /// `text` in lower case, computed once: every rule compares it.
    lower: &'a str,
    /// Byte offset of `text` in the article.
    start: u32,
    /// `CAPITALIZED`, `WORD`, `QUOTED`: the rules ask these of every token
    /// many times.
    flags: u8,
    /// The verb this word is a form of, looked up once: the frame finders
    /// ask it of every token they walk over.
    pub(super) verb: Option<Verb>,
}

/// The first character is upper case.
const CAPITALIZED: u8 = 1;
/// The first character is alphanumeric.
const WORD: u8 = 2;
/// Inside a quotation (between its marks): a speaker's words.
const QUOTED: u8 = 4;

/// The longest name, in tokens and in bytes.
pub(super) const MAX_NAME_TOKENS: usize = 8;
pub(super) const MAX_NAME_BYTES: usize = 120;

impl Token<'_> {
    pub(super) fn lower(&self) -> &str {
        self.lower
    }
    pub(super) fn is_capitalized(&self) -> bool {
        self.flags & CAPITALIZED != 0
    }
    pub(super) fn is_word(&self) -> bool {
        self.flags & WORD != 0
    }
    pub(super) fn is_quoted(&self) -> bool {
        self.flags & QUOTED != 0
    }
    /// Byte offsets in the article.
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }
    pub(super) fn end(&self) -> usize {
        self.start as usize + self.text.len()
    }
}

/// The lower case of `tokens[k]`, or "" past the end: for looking a few
/// tokens ahead without bounds checks at every call.
pub(super) fn lower_at<'t>(tokens: &'t [Token], k: usize) -> &'t str {
    tokens.get(k).map_or("", |t| t.lower())
}

/// The tokens of `text[range]`. Their lower case lives in `buffer`, reused
/// from sentence to sentence: an all-ASCII sentence (news prose nearly
/// always is) is lower-cased into it whole, or borrowed from `text` when it
/// has no capitals; in any other, each capitalised token is lower-cased on
/// its own into it. `quotations` are the sentence's top-level quotations,
/// in order.
pub(super) fn tokenize<'a>(
    text: &'a str,
    range: Range<usize>,
    buffer: &'a mut String,
    quotations: &[Quotation],
) -> Vec<Token<'a>> {
    let slice = &text[range.clone()];
    let base = range.start;
    let mut tokens = Vec::with_capacity(slice.len() / 5);
    let mut quoted = Quoted { quotations, at: 0 };
    if slice.is_ascii() {
        let lower = ascii_lowercase_into(slice, buffer);
        for (i, end, shape) in AsciiScan::new(slice.as_bytes()) {
            let lower = &lower[i..end];
            tokens.push(Token {
                text: &slice[i..end],
                lower,
                start: offset(base + i),
                flags: shape | quoted.flag(base + i, base + end),
                verb: word_verb(shape, lower),
            });
        }
        return tokens;
    }
    // Not ASCII: a capitalised token's lower case is written into `buffer`
    // and borrowed once the sentence is read (`owned`: token, where).
    buffer.clear();
    let mut owned: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, end, shape) in Scan::new(slice) {
        let word = &slice[i..end];
        let at = buffer.len();
        if word.is_ascii() {
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                buffer.push_str(word);
                buffer[at..].make_ascii_lowercase();
            }
        } else if word.chars().any(char::is_uppercase) {
            buffer.push_str(&word.to_lowercase());
        }
        if buffer.len() > at {
            owned.push((tokens.len(), at..buffer.len()));
        }
        // The lower case of a word without capitals is the word itself;
        // the others' are set below, once `buffer` is written.
        tokens.push(Token {
            text: word,
            lower: word,
            start: offset(base + i),
            flags: shape | quoted.flag(base + i, base + end),
            verb: None,
        });
    }
    let buffer: &'a str = buffer;
    for (k, at) in owned {
        tokens[k].lower = &buffer[at];
    }
    for token in &mut tokens {
        token.verb = word_verb(token.flags, token.lower);
    }
    tokens
}

/// Whether tokens are quoted: a cursor over the sentence's quotations,
/// asked in text order.
struct Quoted<'q> {
    quotations: &'q [Quotation],
    at: usize,
}

impl Quoted<'_> {
    /// `QUOTED` if `start..end` (in the article) is inside a quotation.
    fn flag(&mut self, start: usize, end: usize) -> u8 {
        let quotations = self.quotations;
        while self.at < quotations.len() && quotations[self.at].inner.end < end {
            self.at += 1;
        }
        let inside = quotations
            .get(self.at)
            .is_some_and(|quotation| quotation.inner.start <= start && end <= quotation.inner.end);
        if inside {
            QUOTED
        } else {
            0
        }
    }
}

/// The verb a word is a form of; none for punctuation.
#[inline(always)]
fn word_verb(flags: u8, lower: &str) -> Option<Verb> {
    if flags & WORD != 0 {
        verbs::verb(lower)
    } else {
        None
    }
}

fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("texts are under 4 GB")
}

/// Each token of a sentence as `(start, end, shape)`, in order: a run of
/// letters and digits with its inner apostrophes, hyphens and dots, or any
/// other single character but whitespace; its shape is `WORD` and
/// `CAPITALIZED` as its first character is. ASCII bytes are classified by
/// one table lookup, without decoding.
struct Scan<'s> {
    slice: &'s str,
    at: usize,
}

impl<'s> Scan<'s> {
    fn new(slice: &'s str) -> Self {
        Scan { slice, at: 0 }
    }
}

/// The shape of a word that starts with an ASCII letter or digit of `class`.
#[inline(always)]
fn ascii_word_shape(class: u8) -> u8 {
    if class & UPPER != 0 {
        WORD | CAPITALIZED
    } else {
        WORD
    }
}

impl Iterator for Scan<'_> {
    type Item = (usize, usize, u8);

    /// Out of line: it serves the few sentences that are not ASCII, and one
    /// copy of it keeps the WASM smaller.
    #[inline(never)]
    fn next(&mut self) -> Option<(usize, usize, u8)> {
        let bytes = self.slice.as_bytes();
        loop {
            let i = self.at;
            let &byte = bytes.get(i)?;
            let class = ASCII[usize::from(byte)];
            let (end, shape) = if class & SPACE != 0 {
                self.at = i + 1;
                continue;
            } else if class & ALNUM != 0 {
                (word_end(self.slice, i + 1), ascii_word_shape(class))
            } else if byte.is_ascii() {
                (i + 1, 0)
            } else {
                let c = char_at(self.slice, i);
                let after = i + c.len_utf8();
                if c.is_whitespace() {
                    self.at = after;
                    continue;
                }
                let capital = if c.is_uppercase() { CAPITALIZED } else { 0 };
                if is_alphanumeric(c) {
                    (word_end(self.slice, after), WORD | capital)
                } else {
                    (after, capital)
                }
            };
            self.at = end;
            return Some((i, end, shape));
        }
    }
}

/// `Scan` for an all-ASCII sentence, on its bytes: no character is
/// decoded, and the loop is small enough to inline where it is used.
struct AsciiScan<'s> {
    bytes: &'s [u8],
    at: usize,
}

impl<'s> AsciiScan<'s> {
    fn new(bytes: &'s [u8]) -> Self {
        AsciiScan { bytes, at: 0 }
    }
}

impl Iterator for AsciiScan<'_> {
    type Item = (usize, usize, u8);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize, u8)> {
        let bytes = self.bytes;
        loop {
            let i = self.at;
            let &byte = bytes.get(i)?;
            let class = ASCII[usize::from(byte)];
            let (end, shape) = if class & SPACE != 0 {
                self.at = i + 1;
                continue;
            } else if class & ALNUM != 0 {
                (ascii_word_end(bytes, i + 1), ascii_word_shape(class))
            } else {
                (i + 1, 0)
            };
            self.at = end;
            return Some((i, end, shape));
        }
    }
}

/// A comma between digits groups them: "3,214" is one word, so a phrase
/// ("a study of more than 3,214 pupils") does not end inside a number.
#[inline(always)]
fn digit_group(byte: u8, before: u8, then: Option<u8>) -> bool {
    byte == b',' && before.is_ascii_digit() && then.is_some_and(|b| b.is_ascii_digit())
}

/// `word_end` on an all-ASCII sentence's bytes.
#[inline(always)]
fn ascii_word_end(bytes: &[u8], mut end: usize) -> usize {
    while end < bytes.len() {
        let byte = bytes[end];
        if ASCII[usize::from(byte)] & ALNUM != 0 {
            end += 1;
            continue;
        }
        let then = bytes.get(end + 1).copied();
        let joins = matches!(byte, b'.' | b'\'' | b'-')
            && then.is_some_and(|b| ASCII[usize::from(b)] & ALNUM != 0)
            || digit_group(byte, bytes[end - 1], then);
        // "Workers' Union": a plural possessive keeps its apostrophe.
        let plural_possessive = byte == b'\''
            && bytes[end - 1] == b's'
            && then.is_none_or(|b| ASCII[usize::from(b)] & SPACE != 0);
        if joins || plural_possessive {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// Classes of ASCII bytes (other bytes have none): `char::is_whitespace`
/// (space, tab to carriage return), alphanumeric, upper case.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const UPPER: u8 = 4;
static ASCII: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = if matches!(byte, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if byte.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if byte.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// Where the word going on at byte `end` of `slice` ends: letters and
/// digits, and an inner apostrophe, hyphen or dot ("O'Brien", "U.S"); a
/// plural possessive keeps its apostrophe ("Workers' Union").
fn word_end(slice: &str, mut end: usize) -> usize {
    let bytes = slice.as_bytes();
    while end < bytes.len() {
        let byte = bytes[end];
        if ASCII[usize::from(byte)] & ALNUM != 0 {
            end += 1;
            continue;
        }
        if digit_group(byte, bytes[end - 1], bytes.get(end + 1).copied()) {
            end += 1;
            continue;
        }
        // Any other ASCII character but these three ends the word.
        if byte.is_ascii() && !matches!(byte, b'.' | b'\'' | b'-') {
            break;
        }
        let next = char_at(slice, end);
        let after = end + next.len_utf8();
        let joins = matches!(next, '.' | '\'' | '’' | '-' | '‑')
            && slice[after..].chars().next().is_some_and(is_alphanumeric);
        let plural_possessive = matches!(next, '\'' | '’')
            && slice[..end].ends_with('s')
            && slice[after..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        if is_alphanumeric(next) || joins || plural_possessive {
            end = after;
        } else {
            break;
        }
    }
    end
}

/// All-ASCII `text` in lower case: itself when it has no capitals, else
/// written into `buffer` (reused from call to call).
fn ascii_lowercase_into<'a>(text: &'a str, buffer: &'a mut String) -> &'a str {
    if !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return text;
    }
    buffer.clear();
    buffer.push_str(text);
    buffer.make_ascii_lowercase();
    buffer
}

/// Whether the run `start..end` is short enough for a name: at most
/// `MAX_NAME_TOKENS` tokens and `MAX_NAME_BYTES` bytes.
fn fits(tokens: &[Token], start: usize, end: usize) -> bool {
    end - start <= MAX_NAME_TOKENS
        && tokens[end - 1].end() - tokens[start].start() <= MAX_NAME_BYTES
}

/// A capitalised run ending at `end` (inclusive), walking left; at most a
/// name's length (`fits`).
pub(super) fn name_left(tokens: &[Token], end: usize) -> Option<Range<usize>> {
    if !tokens[end].is_capitalized() {
        return None;
    }
    let mut start = end;
    while start > 0 {
        let prev = &tokens[start - 1];
        let next = if prev.is_capitalized() && prev.is_word() {
            start - 1
        } else if start >= 2
            && CONNECTORS.contains(prev.lower())
            && tokens[start - 2].is_capitalized()
        {
            start - 2
        } else if start >= 3
            && prev.lower() == "the"
            && BEFORE_THE.contains(&tokens[start - 2].lower())
            && tokens[start - 3].is_capitalized()
        {
            start - 3
        } else if start >= 2
            && prev.text == "."
            && tokens[start - 2].is_capitalized()
            && tokens[start - 2].text.len() <= 3
        {
            start - 2 // "U.S. Attorney's Office", "Dr. Priya", as `name_right`
        } else {
            break;
        };
        if !fits(tokens, next, end + 1) {
            break;
        }
        start = next;
    }
    Some(start..end + 1)
}

/// A capitalised run starting at `start`, walking right; at most a name's
/// length (`fits`).
pub(super) fn name_right(tokens: &[Token], start: usize) -> Option<Range<usize>> {
    if !tokens.get(start)?.is_capitalized() || !tokens[start].is_word() {
        return None;
    }
    let mut end = start + 1;
    while end < tokens.len() {
        let next = if tokens[end].is_capitalized() && tokens[end].is_word() {
            end + 1
        } else if end + 1 < tokens.len()
            && CONNECTORS.contains(tokens[end].lower())
            && tokens[end + 1].is_capitalized()
        {
            end + 2
        } else if end + 2 < tokens.len()
            && BEFORE_THE.contains(&tokens[end].lower())
            && tokens[end + 1].lower() == "the"
            && tokens[end + 2].is_capitalized()
        {
            end + 3
        } else if tokens[end].text == "."
            && tokens[end - 1].text.chars().count() <= 3
            && end + 1 < tokens.len()
            && tokens[end + 1].is_capitalized()
        {
            end + 1 // "Dr. Priya", "J. Smith"
        } else {
            break;
        };
        if !fits(tokens, start, next) {
            break;
        }
        end = next;
    }
    Some(start..end)
}

/// The byte range of a run of tokens.
pub(super) fn span(tokens: &[Token], run: &Range<usize>) -> Range<usize> {
    tokens[run.start].start()..tokens[run.end - 1].end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{paragraphs_between_blank_lines, segment};

    /// What a token answers, for comparing tokenizers.
    type View = (Range<usize>, String, bool, bool, bool, Option<Verb>);

    fn view(tokens: &[Token]) -> Vec<View> {
        tokens
            .iter()
            .map(|t| {
                let shape = (t.is_capitalized(), t.is_word(), t.is_quoted());
                (
                    t.start()..t.end(),
                    t.lower().to_string(),
                    shape.0,
                    shape.1,
                    shape.2,
                    t.verb,
                )
            })
            .collect()
    }

    /// The tokenizer as first written, one char at a time, with a token's
    /// lower case its own copy and a quotation looked for among all: the
    /// fast one must agree with it.
    fn tokenize_one_char_at_a_time(text: &str, quotations: &[Quotation]) -> Vec<View> {
        let mut tokens = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut end = i + c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(&(j, next)) = chars.peek() {
                    let joins = matches!(next, '.' | '\'' | '’' | '-' | '‑')
                        && text[j + next.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    // "Workers' Union": a plural possessive keeps its apostrophe.
                    let plural_possessive = matches!(next, '\'' | '’')
                        && text[..j].ends_with('s')
                        && text[j + next.len_utf8()..]
                            .chars()
                            .next()
                            .is_none_or(char::is_whitespace);
                    let digit_group = next == ','
                        && text[..j].ends_with(|c: char| c.is_ascii_digit())
                        && text[j + 1..].starts_with(|c: char| c.is_ascii_digit());
                    if next.is_alphanumeric() || joins || plural_possessive || digit_group {
                        end = j + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
            let lower = text[i..end].to_lowercase();
            let verb = if c.is_alphanumeric() {
                verbs::verb(&lower)
            } else {
                None
            };
            let quoted = quotations
                .iter()
                .any(|q| q.inner.start <= i && end <= q.inner.end);
            let shape = (c.is_uppercase(), c.is_alphanumeric(), quoted);
            tokens.push((i..end, lower, shape.0, shape.1, shape.2, verb));
        }
        tokens
    }

    proptest::proptest! {
        #[test]
        fn tokenizer_agrees_with_its_definition(
            text in "[a-zA-Z0-9 '’.,\\-‑éÉßЖжΣ中👍ⅫⒶ🄰\n\t\r\x0b\x0c\u{85}\u{a0}“”\"]{0,60}\
                |[a-zA-Z0-9 '.,\\-\n\t\r\x0b\x0c\"]{0,60}|(Said|SAYS|told|Tell|the|x|\"| |, |’s )*\
                |(Workers' |U\\.S\\.|O'Brien|as'|a-b|'s|\\.| |\n)*",
        ) {
            // Whole and in two pieces: a sentence's tokens have the
            // article's offsets. Both ways of lower-casing: borrowed from the
            // piece lower-cased whole when it is ASCII, else per token.
            let quotations = segment(&text, &paragraphs_between_blank_lines(&text), None)
                .top_level()
                .to_vec();
            let slow = tokenize_one_char_at_a_time(&text, &quotations);
            let mut buffer = String::new();
            proptest::prop_assert_eq!(view(&tokenize(&text, 0..text.len(), &mut buffer, &quotations)), slow);
            let mut cut = text.len() / 2;
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            let mut both = view(&tokenize(&text, 0..cut, &mut buffer, &quotations));
            both.extend(view(&tokenize(&text, cut..text.len(), &mut buffer, &quotations)));
            let mut pieces = tokenize_one_char_at_a_time(&text[..cut], &[]);
            pieces.extend(tokenize_one_char_at_a_time(&text[cut..], &[]).into_iter().map(|mut t| {
                t.0 = t.0.start + cut..t.0.end + cut;
                t
            }));
            let words = |views: &[View]| views.iter().map(|t| (t.0.clone(), t.1.clone(), t.2, t.3, t.5)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(words(&both), words(&pieces));
        }
    }

    #[test]
    fn a_token_takes_forty_bytes() {
        assert!(std::mem::size_of::<Token>() <= 40);
    }
}
