//! Lexicon matching: every term of every lexicon found in one pass over the
//! text's words.
//!
//! Every lexicon form is a run of words, so it can only begin where a word
//! begins. Forms are filed by hash under their first two words (or their only
//! word); each word of the text, and each pair of neighbouring words, is
//! looked up once, and only the forms filed there are compared. Building that
//! index is a hash per form (an Aho-Corasick automaton over the same forms
//! took 36 M instructions to build at start-up).
//!
//! The text is first folded (whitespace runs to one space, curly apostrophes
//! and Unicode hyphens to ASCII, letters to lower case) so that a phrase
//! matches across a line break, a typographic variant or a change of case; a
//! sparse anchor table maps folded positions back to byte offsets of the
//! original text. Patterns are folded by the same function, so a reader's
//! "ÉLITE" finds "Élite", "élite" and "ÉLITE" alike.
//!
//! Speed and size: see BENCHMARKS.md#t-lexicon-hash (the index),
//! BENCHMARKS.md#t-byte-scanners (the fold), BENCHMARKS.md#t-lexicon-text
//! (the entries as one text) and BENCHMARKS.md#t-forms-at-startup.

use crate::category::Category;
use crate::hash::fnv1a;
use std::ops::Range;
use std::sync::OnceLock;

/// One lexicon entry, compiled in from `lexicons/*.toml` by `build.rs`.
#[derive(Debug)]
pub struct Entry {
    pub term: &'static str,
    pub category: Category,
    pub severity: u8,
    pub why: &'static str,
    pub alternative: Option<&'static str>,
}

// `EXAMPLES[i]` (tests only): a sentence entry `i` must flag, and one it must not.

include!(concat!(env!("OUT_DIR"), "/lexicon_data.rs"));
// The form expansion the generated `FORMS` runs, shared with `build.rs`.
// Included by a relative path, so the WASM (whose panic locations name the
// file) is the same whichever folder the project is built in.
include!("../lexicons/expand.rs");

/// Every form of every compiled-in entry, with the entry's index, in entry
/// order: expanded from the generated tables on first use (see
/// `lexicons/expand.rs`), which keeps some 100 KB of expanded phrases and
/// their table out of the WASM.
pub static FORMS: Forms = Forms(OnceLock::new());

pub struct Forms(OnceLock<Vec<(&'static str, u16)>>);

impl std::ops::Deref for Forms {
    type Target = [(&'static str, u16)];

    fn deref(&self) -> &Self::Target {
        self.0.get_or_init(|| {
            let mut forms = Vec::new();
            let per_entry = entries()
                .iter()
                .zip(ENTRY_INFLECT)
                .zip(ENTRY_EXTRA_FORMS.split('\n'));
            for (index, ((entry, &inflect), extra)) in per_entry.enumerate() {
                let extra = extra.split('\t').filter(|f| !f.is_empty());
                for form in entry_forms(entry.term, inflect, extra) {
                    let form: &'static str = Box::leak(form.into_boxed_str());
                    forms.push((form, index as u16));
                }
            }
            forms
        })
    }
}

/// Which entry a pattern belongs to: a compiled-in one or a reader's own term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryRef {
    Builtin(u16),
    Custom(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Byte range in the original text.
    pub range: Range<usize>,
    pub entry: EntryRef,
}

pub struct Matcher {
    patterns: Vec<Pattern>,
    /// Open addressing, a power of two in size: 0 is an empty slot, else
    /// the index + 1 of a group in `groups`.
    slots: Vec<u32>,
    /// Per key, the patterns it finds.
    groups: Vec<Group>,
    /// Per first byte of a key, its lengths as bits (63 for any longer): a
    /// test before hashing that turns away the words no key could match.
    key_shapes: Box<[u64; 256]>,
    /// Patterns that do not begin with a whole word (a reader's "#tag" or
    /// "_x"): few, each searched for on its own.
    loose: Vec<u32>,
}

/// The patterns found by one key (see `index_key`), longest first; for a
/// one-word key, also whether some two-word key begins with that word (most
/// words of a text begin none, and their pair is never looked up).
struct Group {
    key: String,
    members: Vec<u32>,
    continues: bool,
}

struct Pattern {
    /// Folded and lower case.
    text: String,
    entry: EntryRef,
    /// Whether it must end on a word boundary (it ends with a letter or digit).
    bounded_end: bool,
}

impl Matcher {
    /// The matcher over all compiled-in lexicons, built once.
    pub fn builtin() -> &'static Matcher {
        static BUILTIN: OnceLock<Matcher> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Matcher::new(
                FORMS
                    .iter()
                    .map(|&(form, entry)| (form.to_string(), EntryRef::Builtin(entry))),
            )
        })
    }

    pub fn new(forms: impl IntoIterator<Item = (String, EntryRef)>) -> Matcher {
        let patterns: Vec<Pattern> = pattern_texts(forms)
            .into_iter()
            .map(|(text, entry)| Pattern {
                bounded_end: text.chars().last().is_some_and(char::is_alphanumeric),
                text,
                entry,
            })
            .collect();

        let mut groups: Vec<Group> = Vec::new();
        // At most two keys per pattern: at most half full.
        let mut slots = vec![0u32; (patterns.len() * 4).next_power_of_two().max(8)];
        let mask = slots.len() - 1;
        let mut group_for = |key: &str, groups: &mut Vec<Group>| -> usize {
            let mut slot = fnv1a(key.as_bytes()) & mask;
            loop {
                match slots[slot] {
                    0 => {
                        groups.push(Group {
                            key: key.to_string(),
                            members: Vec::new(),
                            continues: false,
                        });
                        slots[slot] = groups.len() as u32;
                        return groups.len() - 1;
                    }
                    g if groups[g as usize - 1].key == key => return g as usize - 1,
                    _ => slot = (slot + 1) & mask,
                }
            }
        };
        let mut loose = Vec::new();
        for (index, pattern) in patterns.iter().enumerate() {
            let Some((key, first_word_len)) = index_key(pattern) else {
                loose.push(index as u32);
                continue;
            };
            let group = group_for(key, &mut groups);
            groups[group].members.push(index as u32);
            if let Some(len) = first_word_len {
                let first = group_for(&key[..len], &mut groups);
                groups[first].continues = true;
            }
        }
        let mut key_shapes = Box::new([0u64; 256]);
        for group in &mut groups {
            key_shapes[group.key.as_bytes()[0] as usize] |= key_length_bit(group.key.len());
            crate::order::sort_by_key(&mut group.members, |&p| {
                crate::order::descending(patterns[p as usize].text.len()) as u64
            });
        }
        Matcher {
            patterns,
            slots,
            groups,
            key_shapes,
            loose,
        }
    }

    /// The group of `key`, if any pattern is found by it.
    fn group(&self, key: &[u8]) -> Option<&Group> {
        if self.key_shapes[key[0] as usize] & key_length_bit(key.len()) == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = fnv1a(key) & mask;
        loop {
            match self.slots[slot] {
                0 => return None,
                g => {
                    let group = &self.groups[g as usize - 1];
                    if group.key.as_bytes() == key {
                        return Some(group);
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Whether `pattern` matches `haystack` at `start`, word boundaries included.
    fn matches_at(&self, haystack: &str, start: usize, pattern: u32) -> Option<usize> {
        let pattern = &self.patterns[pattern as usize];
        let end = start + pattern.text.len();
        let fits = haystack.as_bytes()[start..].starts_with(pattern.text.as_bytes())
            && !(pattern.bounded_end && word_char_after(haystack, end));
        fits.then_some(end)
    }

    /// All whole-word matches, leftmost-longest, not overlapping, in order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let folded = fold(text);
        let haystack = folded.text.as_str();

        // (start, end, pattern): at most one per word, its longest pattern.
        let mut candidates: Vec<(usize, usize, u32)> = Vec::new();
        let bytes = haystack.as_bytes();
        let longest_in = |group: &Group, start: usize| {
            group
                .members
                .iter()
                .find_map(|&p| Some((start, self.matches_at(haystack, start, p)?, p)))
        };
        let mut words = words(haystack);
        let mut word = words.next();
        while let Some(this) = word {
            let next = words.next();
            let Some(group) = self.group(&bytes[this.clone()]) else {
                word = next;
                continue;
            };
            let alone = longest_in(group, this.start);
            let paired = next
                .as_ref()
                .filter(|_| group.continues)
                .and_then(|n| self.group(&bytes[this.start..n.end]))
                .and_then(|pair| longest_in(pair, this.start));
            let longest = match (alone, paired) {
                (Some(a), Some(b)) => Some(if a.1 > b.1 { a } else { b }),
                (a, b) => a.or(b),
            };
            candidates.extend(longest);
            word = next;
        }
        if !self.loose.is_empty() {
            for &p in &self.loose {
                let pattern = &self.patterns[p as usize];
                // Every occurrence, overlapping ones included.
                let mut from = 0;
                while let Some(at) = haystack[from..].find(&pattern.text) {
                    let start = from + at;
                    let word_before = haystack[..start]
                        .chars()
                        .next_back()
                        .is_some_and(is_word_char);
                    let bounded_start = pattern.text.starts_with(char::is_alphanumeric);
                    if let Some(end) = self
                        .matches_at(haystack, start, p)
                        .filter(|_| !(bounded_start && word_before))
                    {
                        candidates.push((start, end, p));
                    }
                    from = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
                }
            }
            crate::order::sort_by_key(&mut candidates, |&(start, end, _)| {
                crate::order::pair(start, crate::order::descending(end))
            });
        }

        let mut hits = Vec::new();
        let mut taken_until = 0;
        for (start, end, pattern) in candidates {
            if start < taken_until {
                continue;
            }
            taken_until = end;
            hits.push(Hit {
                range: folded.original(start)..folded.original(end),
                entry: self.patterns[pattern as usize].entry,
            });
        }
        hits
    }
}

/// The texts matched for each form: folded exactly as the text is (lower
/// case included), trimmed, and for a hyphenated form also its spaced
/// spelling ("so-called" is also written "so called"). Empty forms are
/// dropped.
fn pattern_texts(forms: impl IntoIterator<Item = (String, EntryRef)>) -> Vec<(String, EntryRef)> {
    let mut patterns = Vec::new();
    for (form, entry) in forms {
        let folded = fold(&form).text;
        let folded = folded.trim().to_string();
        if folded.is_empty() {
            continue;
        }
        if folded.contains('-') && !folded.ends_with('-') && !folded.starts_with('-') {
            patterns.push((folded.replace('-', " "), entry));
        }
        patterns.push((folded, entry));
    }
    patterns
}

/// What a pattern is found by: its first two words with what separates
/// them, or its first word if it has one only. The text's words (or pairs of
/// words) are looked up by the same key, so a key must end where a word of
/// the text would: before a non-word character, or at the pattern's end when
/// that end must be a word boundary. `None` when the pattern does not begin
/// with a whole word (or is one word ending in "_", which matches inside
/// longer words). With a two-word key, the length of its first word.
fn index_key(pattern: &Pattern) -> Option<(&str, Option<usize>)> {
    let text = pattern.text.as_str();
    if !text.starts_with(char::is_alphanumeric) {
        return None;
    }
    let run_end = |from: usize| {
        text[from..]
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(text.len(), |(i, _)| from + i)
    };
    let ends_word = |end: usize| end < text.len() || pattern.bounded_end;
    let first_end = run_end(0);
    let second_start = text[first_end..]
        .char_indices()
        .find(|&(_, c)| is_word_char(c))
        .map(|(i, _)| first_end + i);
    if let Some(second_start) = second_start {
        let second_end = run_end(second_start);
        if ends_word(second_end) {
            return Some((&text[..second_end], Some(first_end)));
        }
    }
    ends_word(first_end).then_some((&text[..first_end], None))
}

fn key_length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// ASCII bytes that are word characters: letters, digits, "_".
static ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// The byte ranges of the words of `text` (runs of `is_word_char`).
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The word character that starts at `at`, and its length in bytes.
    let word_char_at = move |at: usize| -> Option<usize> {
        let b = bytes[at];
        if b < 0x80 {
            return ASCII_WORD[b as usize].then_some(1);
        }
        let c = text[at..].chars().next()?;
        is_word_char(c).then_some(c.len_utf8())
    };
    std::iter::from_fn(move || {
        // Skip to the next word character.
        loop {
            if i >= bytes.len() {
                return None;
            }
            match word_char_at(i) {
                Some(_) => break,
                None => i += utf8_len(bytes[i]),
            }
        }
        let start = i;
        while i < bytes.len() {
            match word_char_at(i) {
                Some(n) => i += n,
                None => break,
            }
        }
        Some(start..i)
    })
}

/// The length of the UTF-8 sequence a lead byte starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

fn is_word_char(c: char) -> bool {
    crate::chars::is_alphanumeric(c) || c == '_'
}

fn word_char_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_word_char)
}

/// The text folded for matching, and how to map its positions back.
pub struct Folded {
    pub text: String,
    /// (folded position, original position) at every point where the two
    /// stop advancing in step; between anchors they move together.
    anchors: Vec<(usize, usize)>,
}

impl Folded {
    pub fn original(&self, folded_pos: usize) -> usize {
        let i = self.anchors.partition_point(|&(f, _)| f <= folded_pos) - 1;
        let (f, o) = self.anchors[i];
        o + (folded_pos - f)
    }
}

/// ASCII bytes that fold to themselves: all but the ones `char::is_whitespace`
/// accepts (it includes \x0B).
static PRINTABLE_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = !matches!(b as u8, b'\t'..=b'\r' | b' ');
        b += 1;
    }
    table
};

/// `c` in lower case when that is one character (every letter but "İ",
/// whose lower case is two), else `c` itself.
fn lower_case(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// `text` folded for matching: each run of whitespace to one space, curly
/// apostrophes and primes to `'`, Unicode hyphens to `-`, and every letter
/// to lower case (ASCII in one pass at the end, other letters one by one
/// as they are met).
pub fn fold(text: &str) -> Folded {
    let mut folded = fold_but_ascii_case(text);
    folded.text.make_ascii_lowercase();
    folded
}

fn fold_but_ascii_case(text: &str) -> Folded {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut anchors = vec![(0, 0)];
    // Most of a text folds to itself: copy runs of it whole, and look
    // closer only at non-ASCII characters and whitespace other than a
    // single space.
    let mut copied_until = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The common case, by table: a printable ASCII byte, or a single
        // space before one.
        if PRINTABLE_ASCII[bytes[i] as usize] {
            i += 1;
            continue;
        }
        if bytes[i] == b' '
            && bytes
                .get(i + 1)
                .is_none_or(|&next| PRINTABLE_ASCII[next as usize])
        {
            i += 1;
            continue;
        }
        out.push_str(&text[copied_until..i]);
        let c = text[i..].chars().next().expect("i is on a char boundary");
        let (replacement, mut end) = match c {
            c if c.is_whitespace() => (' ', i + c.len_utf8()),
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => ('\'', i + c.len_utf8()),
            '\u{2010}' | '\u{2011}' | '\u{2012}' => ('-', i + c.len_utf8()),
            _ => match lower_case(c) {
                lower if lower == c => {
                    out.push(c);
                    i += c.len_utf8();
                    copied_until = i;
                    continue;
                }
                lower => (lower, i + c.len_utf8()),
            },
        };
        if replacement == ' ' {
            while let Some(next) = text[end..].chars().next().filter(|c| c.is_whitespace()) {
                end += next.len_utf8();
            }
        }
        out.push(replacement);
        // A few letters change length with their case ("K", the Kelvin
        // sign, is three bytes; "k" one).
        if end - i != replacement.len_utf8() {
            anchors.push((out.len(), end));
        }
        i = end;
        copied_until = end;
    }
    out.push_str(&text[copied_until..]);
    Folded { text: out, anchors }
}

pub fn entry(index: u16) -> &'static Entry {
    &entries()[index as usize]
}

/// The compiled-in entries, unpacked on first use from the text and the
/// table of lengths that `build.rs` generates.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut rest = ENTRY_TEXT;
        let mut take = |len: usize| {
            let (head, tail) = rest.split_at(len);
            rest = tail;
            head
        };
        ENTRY_LAYOUT
            .chunks_exact(8)
            .map(|layout| {
                let length =
                    |at: usize| usize::from(u16::from_le_bytes([layout[at], layout[at + 1]]));
                Entry {
                    term: take(length(0)),
                    why: take(length(2)),
                    alternative: length(4).checked_sub(1).map(&mut take),
                    category: Category::ALL[usize::from(layout[6])],
                    severity: layout[7],
                }
            })
            .collect()
    })
}

#[cfg(test)]
mod tests;
