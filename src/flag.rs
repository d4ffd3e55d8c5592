//! A flag inside the core: what a detector proposes and the context rules
//! refine, with byte offsets into the analysed text (the report turns them
//! into UTF-16 offsets, once).

use crate::category::Category;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub range: Range<usize>,
    pub category: Category,
    pub severity: u8,
    pub message: Message,
    /// Every neutral alternative is written in the code or the lexicon.
    pub alternative: Option<&'static str>,
    pub in_quotation: bool,
    /// How sure a learned detector is; `None` for the lexicons and rules,
    /// which are not guesses.
    pub confidence: Option<Confidence>,
}

/// How sure the learned detector is of a flag, two ways.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Confidence {
    /// The model's probability for the flag's surest word: what the context
    /// rules weigh, as the thresholds do.
    pub probability: f32,
    /// The share of flags this sure that annotators marked, in articles the
    /// model had not seen (its calibration): what a reader is shown.
    pub agreed: f32,
}

/// A flag's explanation: the lexicon's or a rule's own static text,
/// borrowed; one written for this analysis (a reader's note), one copy
/// shared by every flag it explains; or a shared frame around a word of the
/// analysed text, written out only when the report is (`text`). A text can
/// be a flag every few bytes, each naming a different word: 92,000 scare
/// quotes of distinct words held 15 MB of sentences that differed in one
/// word. See BENCHMARKS.md#t-shared-messages, BENCHMARKS.md#t-named-words.
#[derive(Clone, PartialEq, Eq)]
pub enum Message {
    Static(&'static str),
    Shared(Arc<str>),
    /// The frame, and the named word's bytes in the analysed text.
    Naming(Arc<Frame>, Range<u32>),
}

/// What an explanation says before and after the word it names.
#[derive(Debug, PartialEq, Eq)]
pub struct Frame {
    pub before: Box<str>,
    pub after: Box<str>,
}

impl Frame {
    pub fn new(before: impl Into<Box<str>>, after: impl Into<Box<str>>) -> Arc<Frame> {
        Arc::new(Frame {
            before: before.into(),
            after: after.into(),
        })
    }
}

impl Message {
    /// `frame` around the word at `word` (bytes of the analysed text).
    pub fn naming(frame: &Arc<Frame>, word: Range<usize>) -> Message {
        Message::Naming(frame.clone(), word.start as u32..word.end as u32)
    }

    /// The explanation, for a flag of `text` (the analysed text, which a
    /// report holds as its `text`).
    pub fn text<'a>(&'a self, text: &'a str) -> Cow<'a, str> {
        match self {
            Message::Static(s) => Cow::Borrowed(s),
            Message::Shared(s) => Cow::Borrowed(s),
            Message::Naming(frame, word) => {
                let word = text
                    .get(word.start as usize..word.end as usize)
                    .unwrap_or_default();
                Cow::Owned([&*frame.before, word, &*frame.after].concat())
            }
        }
    }
}

impl From<&'static str> for Message {
    fn from(s: &'static str) -> Message {
        Message::Static(s)
    }
}

impl From<String> for Message {
    fn from(s: String) -> Message {
        Message::Shared(s.into())
    }
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Message::Static(s) => std::fmt::Debug::fmt(s, f),
            Message::Shared(s) => std::fmt::Debug::fmt(&**s, f),
            Message::Naming(frame, word) => {
                write!(f, "{:?}[{word:?}]{:?}", frame.before, frame.after)
            }
        }
    }
}
