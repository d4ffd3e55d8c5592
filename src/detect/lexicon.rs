//! The curated lexicon as a detector: every compiled-in entry found in the
//! text, flagged with the entry's own category, severity, explanation and
//! neutral alternative (see `lexicons/*.toml`).

use super::{Context, Detector};
use crate::flag::Flag;
use crate::lexicon::{self, EntryRef, Matcher};
use std::ops::Range;

pub struct CuratedLexicon;

impl Detector for CuratedLexicon {
    fn detect(&self, cx: &Context, _: &[Range<usize>]) -> Vec<Flag> {
        Matcher::builtin()
            .find(cx.text)
            .into_iter()
            .map(|hit| {
                let EntryRef::Builtin(i) = hit.entry else {
                    unreachable!("the built-in matcher holds built-in entries only")
                };
                let entry = lexicon::entry(i);
                Flag {
                    range: hit.range,
                    category: entry.category,
                    severity: entry.severity,
                    message: entry.why.into(),
                    alternative: entry.alternative,
                    in_quotation: false,
                    confidence: None,
                }
            })
            .collect()
    }
}
