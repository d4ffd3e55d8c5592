//! A flag inside the core: what a detector proposes and the context rules
//! refine, with byte offsets into the analysed text (the report turns them
//! into UTF-16 offsets, once).

use crate::category::Category;
use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub range: Range<usize>,
    pub category: Category,
    pub severity: u8,
    /// Explanations are mostly the lexicon's own static text: borrowed, not
    /// copied for every flag.
    pub message: Cow<'static, str>,
    /// Every neutral alternative is written in the code or the lexicon.
    pub alternative: Option<&'static str>,
    pub in_quotation: bool,
    /// How sure a learned detector is (its probability for the flag's
    /// surest word); `None` for the lexicons and rules, which are not guesses.
    pub confidence: Option<f32>,
}
