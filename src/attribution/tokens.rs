//! A sentence as tokens (words and single punctuation marks), and the
//! capitalised runs of tokens that read as names.
//!
//! Every rule of attribution looks a few tokens either side of a reporting
//! verb and asks each one the same things: its lower case, whether it is
//! capitalised, whether it is a word. A token answers them from fields set
//! once by the tokenizer, not by looking at its text again. The lower case
//! is borrowed where it can be: from the text itself when a word has no
//! capitals, or from the whole sentence lower-cased once into a buffer
//! reused from sentence to sentence when the sentence is ASCII, which news
//! prose nearly always is; only a capitalised non-ASCII word allocates.
//!
//! Words keep their inner apostrophes, hyphens and dots ("O'Brien",
//! "Under-Secretary-General", "U.S") and a plural possessive keeps its
//! apostrophe ("Workers' Union"), so that a name is a run of whole tokens.
//! The tokenizer steps over ASCII bytes without decoding; the test beside it
//! holds it to the first, one-character-at-a-time version.
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
//! Measured: BENCHMARKS.md#t-borrowed-lowercase, BENCHMARKS.md#t-tokenizer-ascii.

use super::verbs::{self, Verb};
use super::words::{BEFORE_THE, CONNECTORS};
use crate::chars::{char_at, is_alphanumeric};
use crate::segment::Quotation;
use std::borrow::Cow;
use std::ops::Range;

/// A word or a punctuation mark of a sentence.
#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    pub(super) text: &'a str,
    /// `text` in lower case, computed once: every rule compares it.
    lowercase: Cow<'a, str>,
    pub(super) range: Range<usize>,
    /// Whether the first character is upper case / alphanumeric; the rules
    /// ask this of every token many times.
    capitalized: bool,
    word: bool,
    /// Inside a quotation (between its marks): a speaker's words.
    pub(super) quoted: bool,
    /// The verb this word is a form of, looked up once: the frame finders
    /// ask it of every token they walk over.
    pub(super) verb: Option<Verb>,
}

/// The longest name, in tokens and in bytes.
pub(super) const MAX_NAME_TOKENS: usize = 8;
pub(super) const MAX_NAME_BYTES: usize = 120;

impl Token<'_> {
    pub(super) fn lower(&self) -> &str {
        &self.lowercase
    }
    pub(super) fn is_capitalized(&self) -> bool {
        self.capitalized
    }
    pub(super) fn is_word(&self) -> bool {
        self.word
    }
}

/// The sentence's tokens. `ascii_lower` is the sentence lower-cased when it
/// is all ASCII (see `ascii_lowercase_into`): tokens borrow their lower case
/// from it, instead of one allocation per capitalised word. `quotations`
/// are the sentence's top-level quotations, in order.
pub(super) fn tokenize<'a>(
    text: &'a str,
    range: Range<usize>,
    ascii_lower: Option<&'a str>,
    quotations: &[Quotation],
) -> Vec<Token<'a>> {
    let mut tokens = tokenize_words(text, range, ascii_lower);
    let mut q = 0;
    for token in &mut tokens {
        while q < quotations.len() && quotations[q].inner.end < token.range.end {
            q += 1;
        }
        token.quoted = quotations.get(q).is_some_and(|quotation| {
            quotation.inner.start <= token.range.start && token.range.end <= quotation.inner.end
        });
        if token.word {
            token.verb = verbs::verb(&token.lowercase);
        }
    }
    tokens
}

fn tokenize_words<'a>(
    text: &'a str,
    range: Range<usize>,
    ascii_lower: Option<&'a str>,
) -> Vec<Token<'a>> {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let mut tokens = Vec::with_capacity(slice.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let c = char_at(slice, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut end = i + c.len_utf8();
        if is_alphanumeric(c) {
            while end < bytes.len() {
                let byte = bytes[end];
                if byte.is_ascii_alphanumeric() {
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
                // "Workers' Union": a plural possessive keeps its apostrophe.
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
        }
        let text = &slice[i..end];
        let lowercase = if let Some(lower) = ascii_lower {
            Cow::Borrowed(&lower[i..end])
        } else if text.chars().any(char::is_uppercase) {
            Cow::Owned(text.to_lowercase())
        } else {
            Cow::Borrowed(text)
        };
        tokens.push(Token {
            text,
            lowercase,
            range: range.start + i..range.start + end,
            capitalized: c.is_uppercase(),
            word: is_alphanumeric(c),
            quoted: false,
            verb: None,
        });
        i = end;
    }
    tokens
}

/// All-ASCII `text` in lower case: itself when it has no capitals, else
/// written into `buffer` (reused from call to call); `None` when it is not
/// all ASCII.
pub(super) fn ascii_lowercase_into<'a>(text: &'a str, buffer: &'a mut String) -> Option<&'a str> {
    if !text.is_ascii() {
        return None;
    }
    if !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(text);
    }
    buffer.clear();
    buffer.push_str(text);
    buffer.make_ascii_lowercase();
    Some(buffer)
}

/// Whether the run `start..end` is short enough for a name: at most
/// `MAX_NAME_TOKENS` tokens and `MAX_NAME_BYTES` bytes.
fn fits(tokens: &[Token], start: usize, end: usize) -> bool {
    end - start <= MAX_NAME_TOKENS
        && tokens[end - 1].range.end - tokens[start].range.start <= MAX_NAME_BYTES
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
    tokens[run.start].range.start..tokens[run.end - 1].range.end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, one char at a time: the fast one
    /// must agree with it.
    fn tokenize_one_char_at_a_time(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
        let slice = &text[range.clone()];
        let mut tokens = Vec::new();
        let mut chars = slice.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut end = i + c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(&(j, next)) = chars.peek() {
                    let joins = matches!(next, '.' | '\'' | '’' | '-' | '‑')
                        && slice[j + next.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    // "Workers' Union": a plural possessive keeps its apostrophe.
                    let plural_possessive = matches!(next, '\'' | '’')
                        && slice[..j].ends_with('s')
                        && slice[j + next.len_utf8()..]
                            .chars()
                            .next()
                            .is_none_or(char::is_whitespace);
                    if next.is_alphanumeric() || joins || plural_possessive {
                        end = j + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
            let text = &slice[i..end];
            let lowercase = if text.is_ascii() {
                if text.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(text.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(text)
                }
            } else if text.chars().any(char::is_uppercase) {
                Cow::Owned(text.to_lowercase())
            } else {
                Cow::Borrowed(text)
            };
            tokens.push(Token {
                text,
                lowercase,
                range: range.start + i..range.start + end,
                capitalized: c.is_uppercase(),
                word: c.is_alphanumeric(),
                quoted: false,
                verb: None,
            });
        }
        tokens
    }

    proptest::proptest! {
        #[test]
        fn tokenizer_agrees_with_its_definition(
            text in "[a-zA-Z0-9 '’.,\\-‑éÉßЖж中👍\n\t]{0,60}|[a-zA-Z0-9 '.,\\-\n\t]{0,60}",
        ) {
            // Both ways of lower-casing: per token, and borrowed from the
            // sentence lower-cased whole when it is ASCII.
            let mut buffer = String::new();
            let lower = ascii_lowercase_into(&text, &mut buffer);
            let fast = tokenize(&text, 0..text.len(), None, &[]);
            let borrowing = tokenize(&text, 0..text.len(), lower, &[]);
            let slow = tokenize_one_char_at_a_time(&text, 0..text.len());
            let view = |tokens: &[Token]| -> Vec<(Range<usize>, String, bool, bool)> {
                tokens.iter().map(|t| (t.range.clone(), t.lower().to_string(), t.capitalized, t.word)).collect()
            };
            proptest::prop_assert_eq!(view(&fast), view(&slow));
            proptest::prop_assert_eq!(view(&borrowing), view(&slow));
        }
    }
}
