//! Character reading and classes asked of nearly every character of an article.
//!
//! Speed: see BENCHMARKS.md#t-smaller-scans (`is_alphanumeric`) and
//! BENCHMARKS.md#t-tokenizer-ascii (`char_at`).

/// Whether `c` is alphanumeric, exactly as `char::is_alphanumeric`. It is
/// answered at once for the General Punctuation block (U+2000–U+206F: curly
/// quotes, dashes, the ellipsis), which news text is full of and where the
/// standard library searches its Unicode tables twice (alphabetic, then
/// numeric) to find that the answer is no.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// The character starting at byte `at` of `text` (a character boundary),
/// without decoding when it is ASCII.
#[inline(always)]
pub fn char_at(text: &str, at: usize) -> char {
    match text.as_bytes()[at] {
        byte @ 0..=0x7F => char::from(byte),
        _ => text[at..].chars().next().expect("at is on a char boundary"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn agrees_with_the_standard_library_on_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
