//! A flag inside the core: what a detector proposes and the context rules
//! refine, with byte offsets into the analysed text (the report turns them
//! into UTF-16 offsets, once).

use crate::category::Category;
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
    /// How sure a learned detector is (its probability for the flag's
    /// surest word); `None` for the lexicons and rules, which are not guesses.
    pub confidence: Option<f32>,
}

/// A flag's explanation: the lexicon's or a rule's own static text,
/// borrowed; or one written for this analysis (the learned model's, a
/// reader's note), one copy shared by every flag it explains. A text can be
/// a flag every ten bytes: 25,000 learned flags of one word held 6.4 MB of
/// copies of one sentence. See BENCHMARKS.md#t-shared-messages.
#[derive(Clone, PartialEq, Eq)]
pub enum Message {
    Static(&'static str),
    Shared(Arc<str>),
}

impl std::ops::Deref for Message {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Message::Static(s) => s,
            Message::Shared(s) => s,
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

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}
