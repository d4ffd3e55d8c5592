//! What the learned detector looks at: the text's tokens, and for each word
//! a handful of features — the word, its stem and ending, its neighbours,
//! the pairs it makes with them, its shape, whether it sits in quotation
//! marks, and how loaded the article is as a whole. The same code serves
//! training (`train.rs`) and detection, so a model scores exactly the
//! features it was trained on.
//!
//! A feature is a template and one or two strings; it is known to a model by
//! a 64-bit FNV-1a hash of those (`key`), so neither side builds strings to
//! look one up.
//!
//! Measured: BENCHMARKS.md#t-learned-bytes, BENCHMARKS.md#t-learned-place-enum.

use crate::chars::is_alphanumeric;
use std::borrow::Cow;
use std::ops::Range;

/// One token: a word (letters and digits, with inner apostrophes, hyphens
/// and dots: "don't", "far-left", "U.S.") or one punctuation character.
///
/// Eight bytes, where a `Range<usize>` and a flag took 24: a text can be a
/// token every byte or two ("1,1,1,…": a million tokens in 1 MB), and the
/// detector keeps them all at once. The range is two `u32`s (`tokenize`
/// refuses a text of 2 GB or more; inputs stop at 16 MB) and the top bit of
/// the end says whether the token is a word. See BENCHMARKS.md#t-learned-tokens-8.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    /// The end, and `WORD` for a word.
    end: u32,
}

const WORD: u32 = 1 << 31;

impl Token {
    pub fn new(range: Range<usize>, word: bool) -> Token {
        debug_assert!(range.end < WORD as usize);
        Token {
            start: range.start as u32,
            end: range.end as u32 | if word { WORD } else { 0 },
        }
    }

    /// Its bytes in the text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..(self.end & !WORD) as usize
    }

    /// A word, not a punctuation character.
    pub fn word(&self) -> bool {
        self.end & WORD != 0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("range", &self.range())
            .field("word", &self.word())
            .finish()
    }
}

/// The feature templates, each with the letter that names it in the model file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Template {
    /// The word, lower case.
    Word,
    /// Its stem (common English endings taken off).
    Stem,
    /// Its last three letters, for words of six letters or more.
    Ending,
    /// Capitalised, all capitals, with digits, hyphenated.
    Shape,
    /// The token before, and the one before that; after, and after that.
    Before,
    Before2,
    After,
    After2,
    /// The word with the token before it; with the token after it.
    PairBefore,
    PairAfter,
    /// Inside quotation marks.
    Quoted,
    /// Where the word is: in the headline, in an exclamation, in a question.
    Place,
    /// The word's sentiment bucket, and its neighbours'.
    Valence,
    ValenceBefore,
    ValenceAfter,
    /// The article's share of words some model weight calls loaded, bucketed.
    Density,
    /// Always on.
    Bias,
    /// The first four letters of a word of seven or more.
    Prefix,
    /// Growing a span by one token (see [`each_growth_feature`]): the
    /// direction; with the token joining; with the span's token next to it;
    /// the joining token's kind and ending; the token beyond it; how long
    /// the span is so far. (The two tokens as a pair cost 8.6 KB of gzipped
    /// model for no cross-validated F1: BENCHMARKS.md#t-phrase-growth.)
    GrowBias,
    GrowWord,
    GrowFrom,
    GrowKind,
    GrowEnding,
    GrowBeyond,
    GrowLength,
}

impl Template {
    pub const ALL: [Template; 25] = [
        Template::Word,
        Template::Stem,
        Template::Ending,
        Template::Shape,
        Template::Before,
        Template::Before2,
        Template::After,
        Template::After2,
        Template::PairBefore,
        Template::PairAfter,
        Template::Quoted,
        Template::Place,
        Template::Valence,
        Template::ValenceBefore,
        Template::ValenceAfter,
        Template::Density,
        Template::Bias,
        Template::Prefix,
        Template::GrowBias,
        Template::GrowWord,
        Template::GrowFrom,
        Template::GrowKind,
        Template::GrowEnding,
        Template::GrowBeyond,
        Template::GrowLength,
    ];

    /// Its name in the model file.
    pub fn name(self) -> &'static str {
        super::packed::TEMPLATE_NAMES[self as usize]
    }

    pub fn from_name(name: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// A feature's key: FNV-1a (64 bits) over the template and its strings.
pub fn key(template: Template, a: &str, b: &str) -> u64 {
    let mut hash = crate::hash::Fnv64::new();
    hash.write(&[template as u8]);
    hash.write(a.as_bytes());
    hash.write(&[0x1f]);
    hash.write(b.as_bytes());
    hash.finish()
}

/// The text's tokens, in order.
///
/// Read by bytes: ASCII (nearly all of a text) is classified without
/// decoding, other characters are decoded where they stand.
pub fn tokenize(text: &str) -> Vec<Token> {
    assert!(text.len() < WORD as usize, "a text under 2 GB");
    let bytes = text.as_bytes();
    // The length of the character at `at`, and the character.
    let char_at = |at: usize| -> (char, usize) {
        match bytes[at] {
            byte @ 0..=0x7F => (char::from(byte), 1),
            _ => {
                let c = crate::chars::char_at(text, at);
                (c, c.len_utf8())
            }
        }
    };
    // The length of the word character at `at`, or 0.
    let word_char = |at: usize| -> usize {
        match bytes.get(at) {
            Some(byte) if byte.is_ascii() => usize::from(byte.is_ascii_alphanumeric()),
            Some(_) => {
                let (c, len) = char_at(at);
                if is_alphanumeric(c) {
                    len
                } else {
                    0
                }
            }
            None => 0,
        }
    };
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut at = 0;
    while at < bytes.len() {
        let (c, len) = char_at(at);
        if !is_alphanumeric(c) {
            if !c.is_whitespace() {
                tokens.push(Token::new(at..at + len, false));
            }
            at += len;
            continue;
        }
        let mut end = at + len;
        while end < bytes.len() {
            let n = word_char(end);
            if n > 0 {
                end += n;
                continue;
            }
            // A joiner counts only between two word characters.
            let (next, next_len) = char_at(end);
            let joiner = matches!(next, '\'' | '’' | '-' | '‐' | '.');
            if !joiner || word_char(end + next_len) == 0 {
                break;
            }
            end += next_len;
        }
        tokens.push(Token::new(at..end, true));
        at = end;
    }
    // The guess of a token per five bytes is short for dense text: what
    // doubling left over is not kept for the whole analysis.
    tokens.shrink_to_fit();
    tokens
}

/// A token's text as features see it: lower case, curly apostrophes straight.
pub fn normalise(token: &str) -> Cow<'_, str> {
    if token
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(token);
    }
    Cow::Owned(
        token
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                '’' => '\'',
                '‐' => '-',
                c => c,
            })
            .collect(),
    )
}

/// The stem: the word less one common English ending, if enough is left.
pub fn stem(word: &str) -> &str {
    const ENDINGS: [&str; 14] = [
        "ingly", "edly", "ings", "ness", "ment", "ing", "ers", "ies", "ied", "ed", "es", "er",
        "ly", "s",
    ];
    for ending in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.chars().count() >= 3 {
                return stem;
            }
        }
    }
    word
}

/// The last three characters of a word of six or more.
pub fn ending(word: &str) -> Option<&str> {
    (word.chars().count() >= 6).then(|| last_three(word))
}

/// A word's last three characters (all of a shorter one).
fn last_three(word: &str) -> &str {
    let at = word.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    &word[at..]
}

/// The first four characters of a word of seven or more: "disgrace" and
/// "disgusting" share little of an ending but much of a start.
pub fn prefix(word: &str) -> Option<&str> {
    let mut starts = word.char_indices().map(|(i, _)| i);
    let end = starts.nth(4)?;
    starts.nth(1)?;
    Some(&word[..end])
}

/// The shape classes a token can have (empty for a plain lower-case word).
pub fn shape(token: &str) -> &'static str {
    let mut chars = token.chars();
    let first = chars.next().unwrap_or(' ');
    if token.chars().any(|c| c.is_ascii_digit()) {
        "digits"
    } else if token.chars().count() > 1 && token.chars().all(|c| !c.is_lowercase()) {
        "caps"
    } else if first.is_uppercase() {
        "capitalised"
    } else if token.contains('-') {
        "hyphenated"
    } else {
        ""
    }
}

/// Words that carry no loaded meaning on their own: a span made only of
/// these is never flagged, whatever their context.
pub fn is_function_word(word: &str) -> bool {
    const WORDS: [&str; 64] = [
        "a", "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "been", "but",
        "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
        "her", "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of",
        "on", "or", "our", "she", "so", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "to", "up", "was", "we", "were", "what", "which", "who", "with",
        "you",
    ];
    WORDS.binary_search(&word).is_ok()
}

/// The article-level bucket from the share of words (0..=1) that the model's
/// word weights alone call loaded.
pub fn density_bucket(share: f64) -> &'static str {
    match share {
        s if s < 0.005 => "0",
        s if s < 0.01 => "1",
        s if s < 0.015 => "2",
        s if s < 0.02 => "3",
        s if s < 0.03 => "4",
        _ => "5",
    }
}

/// Where a word is, for the `Place` features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Nowhere in particular: no feature.
    None,
    Exclamation,
    Question,
    Headline,
}

impl Place {
    /// The feature's string ("" for none).
    pub fn name(self) -> &'static str {
        match self {
            Place::None => "",
            Place::Exclamation => "!",
            Place::Question => "?",
            Place::Headline => "headline",
        }
    }
}

/// Per token: "headline" in a short first line, else "!" or "?" when its
/// sentence ends so, else none. A byte per token (not a string). A line
/// ends at a line feed or a lone carriage return (old Mac text), as the
/// text reader's lines do.
pub fn places(text: &str, tokens: &[Token]) -> Vec<Place> {
    let headline_end = text
        .find(['\n', '\r'])
        .filter(|&end| end < 200 && !text[..end].trim().is_empty())
        .unwrap_or(0);
    let mut places = vec![Place::None; tokens.len()];
    let mut sentence_start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let ends = !t.word() && matches!(&text[t.range()], "." | "!" | "?");
        if ends || i + 1 == tokens.len() {
            let mark = &text[t.range()];
            let place = match mark {
                "!" => Place::Exclamation,
                "?" => Place::Question,
                _ => Place::None,
            };
            places[sentence_start..=i]
                .iter_mut()
                .for_each(|p| *p = place);
            sentence_start = i + 1;
        }
    }
    for (place, t) in places.iter_mut().zip(tokens) {
        if t.range().end <= headline_end {
            *place = Place::Headline;
        }
    }
    places
}

/// Which tokens lie inside any of `quoted` (sorted, disjoint byte ranges).
pub fn quoted(tokens: &[Token], quoted: &[Range<usize>]) -> Vec<bool> {
    let mut q = 0;
    tokens
        .iter()
        .map(|t| {
            while q < quoted.len() && quoted[q].end <= t.range().start {
                q += 1;
            }
            quoted
                .get(q)
                .is_some_and(|r| r.start <= t.range().start && t.range().end <= r.end)
        })
        .collect()
}

/// The text tokens of `tokens`, normalised, with "<s>" before and "</s>"
/// after, so a neighbour is always there to name.
pub struct Words<'a> {
    words: Vec<Cow<'a, str>>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, tokens: &[Token]) -> Words<'a> {
        let mut words = Vec::with_capacity(tokens.len() + 4);
        words.extend([Cow::Borrowed("<s>"), Cow::Borrowed("<s>")]);
        words.extend(tokens.iter().map(|t| normalise(&text[t.range()])));
        words.extend([Cow::Borrowed("</s>"), Cow::Borrowed("</s>")]);
        Words { words }
    }

    /// Token `i`'s normalised text; `offset` reaches neighbours (−2..=2).
    pub fn at(&self, i: usize, offset: isize) -> &str {
        &self.words[(i as isize + 2 + offset) as usize]
    }
}

/// A word list of sentiment strength (VADER's, see README), bucketed: the
/// model learns a weight per bucket, so a strong word it never saw in
/// training still counts.
#[derive(Debug, Default, Clone)]
pub struct Valence(std::collections::HashMap<String, u32>);

impl Valence {
    pub const BUCKETS: [&'static str; 6] = ["-3", "-2", "-1", "1", "2", "3"];

    /// The bucket of a valence from −4 (most negative) to 4; none near 0.
    pub fn bucket(valence: f32) -> Option<&'static str> {
        let i = match valence {
            v if v <= -2.5 => 0,
            v if v <= -1.5 => 1,
            v if v <= -0.5 => 2,
            v if v >= 2.5 => 5,
            v if v >= 1.5 => 4,
            v if v >= 0.5 => 3,
            _ => return None,
        };
        Some(Valence::BUCKETS[i])
    }

    pub fn insert(&mut self, word: &str, bucket: &str) -> Result<(), String> {
        // The bucket's index: the model's other string-keyed maps map to
        // `u32`s too, and share one copy of the map's code in the WASM.
        let bucket = Valence::BUCKETS
            .iter()
            .position(|b| *b == bucket)
            .ok_or_else(|| format!("unknown valence bucket `{bucket}`"))?;
        self.0.insert(word.to_string(), bucket as u32);
        Ok(())
    }

    /// Inserts `word` with its bucket as a number (−3 … 3, not 0), as the
    /// packed model holds it: no bucket string to make and match.
    pub fn insert_bucket(&mut self, word: &str, bucket: i8) -> Result<(), String> {
        let index = match bucket {
            -3..=-1 => bucket + 3,
            1..=3 => bucket + 2,
            _ => return Err(format!("unknown valence bucket `{bucket}`")),
        };
        self.0.insert(word.to_string(), index as u32);
        Ok(())
    }

    /// Room for `n` more words.
    pub fn reserve(&mut self, n: usize) {
        self.0.reserve(n);
    }

    pub fn get(&self, word: &str) -> Option<&'static str> {
        self.0.get(word).map(|&i| Valence::BUCKETS[i as usize])
    }

    /// (word, bucket), sorted by word.
    pub fn entries(&self) -> Vec<(&str, &'static str)> {
        let mut all: Vec<(&str, &'static str)> = self
            .0
            .iter()
            .map(|(w, &i)| (w.as_str(), Valence::BUCKETS[i as usize]))
            .collect();
        all.sort_unstable();
        all
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An article as features see it: its tokens, their words, which are quoted.
pub struct Document<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub words: Words<'a>,
    pub quoted: Vec<bool>,
    /// Per token: how its sentence ends ("!" or "?"), or "headline".
    places: Vec<Place>,
    /// The article's share of strongly negative words, bucketed.
    density: &'static str,
}

impl<'a> Document<'a> {
    /// `quotations`: the inner ranges of the text's top-level quotations.
    pub fn new(text: &'a str, quotations: &[Range<usize>]) -> Document<'a> {
        let tokens = tokenize(text);
        let words = Words::new(text, &tokens);
        let quoted = quoted(&tokens, quotations);
        let places = places(text, &tokens);
        Document {
            text,
            tokens,
            words,
            quoted,
            places,
            density: "",
        }
    }

    /// Sets the article-level feature from its share of words in the two
    /// most negative buckets of `valence`.
    pub fn measure(&mut self, valence: &Valence) {
        let (mut words, mut negative) = (0usize, 0usize);
        for (i, t) in self.tokens.iter().enumerate() {
            if t.word() {
                words += 1;
                negative += usize::from(matches!(
                    valence.get(self.words.at(i, 0)),
                    Some("-3" | "-2")
                ));
            }
        }
        self.density = if words == 0 {
            ""
        } else {
            density_bucket(negative as f64 / words as f64)
        };
    }

    /// Calls `f` with every feature of token `i` (a word): the contract
    /// between training and the model.
    pub fn each_feature(
        &self,
        i: usize,
        valence: &Valence,
        mut f: impl FnMut(Template, &str, &str),
    ) {
        let words = &self.words;
        let word = words.at(i, 0);
        f(Template::Bias, "", "");
        f(Template::Word, word, "");
        // Also where it is the word itself: the two weights then share the
        // word's evidence, which cross-validated better per byte of model.
        f(Template::Stem, stem(word), "");
        if let Some(ending) = ending(word) {
            f(Template::Ending, ending, "");
        }
        if let Some(prefix) = prefix(word) {
            f(Template::Prefix, prefix, "");
        }
        let shape = shape(&self.text[self.tokens[i].range()]);
        if !shape.is_empty() {
            f(Template::Shape, shape, "");
        }
        f(Template::Before, words.at(i, -1), "");
        f(Template::Before2, words.at(i, -2), "");
        f(Template::After, words.at(i, 1), "");
        f(Template::After2, words.at(i, 2), "");
        f(Template::PairBefore, words.at(i, -1), word);
        f(Template::PairAfter, word, words.at(i, 1));
        if self.quoted[i] {
            f(Template::Quoted, "", "");
        }
        if self.places[i] != Place::None {
            f(Template::Place, self.places[i].name(), "");
        }
        if !self.density.is_empty() {
            f(Template::Density, self.density, "");
        }
        if let Some(bucket) = valence.get(word) {
            f(Template::Valence, bucket, "");
        }
        for (offset, template) in [(-1, Template::ValenceBefore), (1, Template::ValenceAfter)] {
            if let Some(bucket) = valence.get(words.at(i, offset)) {
                f(template, bucket, "");
            }
        }
    }
}

/// Calls `f` with every feature of growing a span from token `from` (the
/// span's first or last) to its neighbour `to`, the span being `length`
/// tokens so far: the contract between the growth model's training and the
/// detector. Annotators mark phrases ("the utter racism of Smith"), where a
/// word model finds the one loaded word; this model says whether the phrase
/// goes on.
pub fn each_growth_feature(
    text: &str,
    tokens: &[Token],
    (from, to): (usize, usize),
    length: usize,
    mut f: impl FnMut(Template, &str, &str),
) {
    let right = to > from;
    let direction = if right { "R" } else { "L" };
    let word = |i: usize| normalise(&text[tokens[i].range()]);
    let (current, joining) = (word(from), word(to));
    f(Template::GrowBias, direction, "");
    f(Template::GrowWord, direction, &joining);
    f(Template::GrowFrom, direction, &current);
    f(
        Template::GrowKind,
        direction,
        growth_kind(tokens[to], &text[tokens[to].range()], &joining),
    );
    if tokens[to].word() {
        f(Template::GrowEnding, last_three(&joining), "");
    }
    let beyond = if right {
        to.checked_add(1).filter(|&b| b < tokens.len())
    } else {
        to.checked_sub(1)
    };
    match beyond {
        Some(b) => {
            f(Template::GrowBeyond, direction, &word(b));
        }
        None => f(
            Template::GrowBeyond,
            direction,
            if right { "</s>" } else { "<s>" },
        ),
    }
    const LENGTHS: [&str; 5] = ["1", "2", "3", "4", "5+"];
    f(
        Template::GrowLength,
        direction,
        LENGTHS[length.clamp(1, 5) - 1],
    );
}

/// A token's kind for growing a span: the punctuation character itself, a
/// function word, or a word's shape ("plain" for a lower-case word).
fn growth_kind<'t>(token: Token, text: &'t str, normalised: &str) -> &'t str {
    if !token.word() {
        text
    } else if is_function_word(normalised) {
        "function"
    } else {
        match shape(text) {
            "" => "plain",
            shape => shape,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_is_the_first_four_letters_of_a_long_word() {
        assert_eq!(prefix("disgraceful"), Some("disg"));
        assert_eq!(prefix("äöüßxyz"), Some("äöüß"));
        assert_eq!(prefix("shabby"), None);
    }

    #[test]
    fn growth_features_name_the_direction_the_joining_token_and_its_context() {
        let text = "A truly VILE, “evil” plan";
        let tokens = tokenize(text);
        let collect = |from, to, length| {
            let mut out = Vec::new();
            each_growth_feature(text, &tokens, (from, to), length, |t, a, b| {
                out.push(format!("{}:{a}:{b}", t.name()))
            });
            out
        };
        // From "truly" right to "VILE": lower-cased, in text order, its shape.
        assert_eq!(
            collect(1, 2, 1),
            [
                "grow_bias:R:",
                "grow_word:R:vile",
                "grow_from:R:truly",
                "grow_kind:R:caps",
                "grow_ending:ile:",
                "grow_beyond:R:,",
                "grow_length:R:1"
            ]
        );
        // Left from "truly" to "A" (a function word) at the text's start;
        // right onto a quotation mark, with the length capped at "5+".
        let left = collect(1, 0, 2);
        assert!(
            left.contains(&"grow_kind:L:function".to_string()),
            "{left:?}"
        );
        assert!(left.contains(&"grow_beyond:L:<s>".to_string()), "{left:?}");
        assert!(left.contains(&"grow_from:L:truly".to_string()), "{left:?}");
        let quote = collect(3, 4, 9);
        assert!(quote.contains(&"grow_kind:R:“".to_string()), "{quote:?}");
        assert!(quote.contains(&"grow_length:R:5+".to_string()), "{quote:?}");
        assert!(
            !quote.iter().any(|f| f.starts_with("grow_ending")),
            "{quote:?}"
        );
    }

    fn token_texts(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|t| &text[t.range()])
            .collect()
    }

    #[test]
    fn words_keep_their_inner_joiners() {
        assert_eq!(
            token_texts("The far-left mob’s “plan” isn't U.S. policy—yet!"),
            [
                "The", "far-left", "mob’s", "“", "plan", "”", "isn't", "U.S", ".", "policy", "—",
                "yet", "!"
            ]
        );
        assert_eq!(token_texts("Zürich 🙂 東京"), ["Zürich", "🙂", "東京"]);
        assert!(tokenize("").is_empty());
    }

    /// The tokenizer as it read chars before it read bytes: the oracle.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if is_alphanumeric(c) {
                let mut end = at + c.len_utf8();
                while let Some(&(i, next)) = chars.peek() {
                    if is_alphanumeric(next) {
                        chars.next();
                        end = i + next.len_utf8();
                        continue;
                    }
                    let joiner = matches!(next, '\'' | '’' | '-' | '‐' | '.');
                    let continues = joiner
                        && text[i + next.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(is_alphanumeric);
                    if !continues {
                        break;
                    }
                    chars.next();
                    end = i + next.len_utf8();
                }
                tokens.push(Token::new(at..end, true));
            } else if !c.is_whitespace() {
                tokens.push(Token::new(at..at + c.len_utf8(), false));
            }
        }
        tokens
    }

    #[test]
    fn reading_bytes_tokenizes_as_reading_chars_did() {
        let mut texts = vec![
            include_str!("../../tests/articles/hit_piece.txt").to_string(),
            include_str!("../../tests/articles/multilingual_emoji.txt").to_string(),
            "a-.b ‐x’ 'y' -- U.S.- é.ü ٣٤ x\u{2019}\u{2010}z\u{3000}w.".to_string(),
        ];
        // Every pairing of a few characters of each kind, up to three long.
        let alphabet = [
            'a', 'Z', '7', 'é', '東', '.', '-', '‐', '’', '\'', ' ', '\n', '\u{2003}', '!', '🙂',
        ];
        for &x in &alphabet {
            for &y in &alphabet {
                for &z in &alphabet {
                    texts.push(format!("{x}{y}{z}"));
                }
            }
        }
        for text in &texts {
            assert_eq!(tokenize(text), tokenize_by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn normalised_words_are_lower_case_with_straight_apostrophes() {
        assert_eq!(normalise("Mob’s"), "mob's");
        assert_eq!(normalise("ÉLITE"), "élite");
        assert!(matches!(normalise("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn function_words_are_sorted_for_the_search() {
        for word in ["a", "the", "you", "of"] {
            assert!(is_function_word(word), "{word}");
        }
        assert!(!is_function_word("thug"));
    }

    #[test]
    fn stems_endings_and_shapes() {
        assert_eq!(stem("smearing"), "smear");
        assert_eq!(stem("is"), "is");
        assert_eq!(stem("thugs"), "thug");
        assert_eq!(ending("radicalism"), Some("ism"));
        assert_eq!(ending("thugs"), None);
        assert_eq!(shape("NATO"), "caps");
        assert_eq!(shape("Dems"), "capitalised");
        assert_eq!(shape("far-left"), "hyphenated");
        assert_eq!(shape("47%"), "digits");
        assert_eq!(shape("mob"), "");
    }

    #[test]
    fn every_word_has_its_neighbours() {
        let document = Document::new("Thugs wrecked it.", &[]);
        let mut valence = Valence::default();
        valence.insert("wrecked", "-2").unwrap();
        let mut seen = Vec::new();
        document.each_feature(0, &valence, |t, a, b| {
            seen.push(format!("{}:{a}:{b}", t.name()))
        });
        assert_eq!(
            seen,
            [
                "bias::",
                "word:thugs:",
                "stem:thug:",
                "shape:capitalised:",
                "before:<s>:",
                "before2:<s>:",
                "after:wrecked:",
                "after2:it:",
                "pair_before:<s>:thugs",
                "pair_after:thugs:wrecked",
                "valence_after:-2:"
            ]
        );
    }

    #[test]
    fn tokens_inside_quotations_are_marked() {
        let text = "a “so good” b";
        let tokens = tokenize(text);
        let inner = text.find("so").unwrap()..text.find('”').unwrap();
        let marks = quoted(&tokens, &[inner]);
        assert_eq!(marks, [false, false, true, true, false, false]);
    }
}
