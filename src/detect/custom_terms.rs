//! The reader's own terms (options' `custom_terms`) as a detector. They come
//! first in `lib.rs`'s list, so a reader's term wins where it overlaps a
//! built-in one.

use super::{Context, Detector};
use crate::flag::Flag;
use crate::flag::Message;
use crate::lexicon::{EntryRef, Matcher};
use crate::options::CustomTerm;
use std::ops::Range;

pub struct CustomTerms<'a>(pub &'a [CustomTerm]);

impl Detector for CustomTerms<'_> {
    fn detect(&self, cx: &Context, _: &[Range<usize>]) -> Vec<Flag> {
        if self.0.is_empty() {
            return Vec::new();
        }
        let terms = self.0.iter().enumerate();
        let matcher = Matcher::new(terms.map(|(i, t)| (t.term.clone(), EntryRef::Custom(i))));
        // Each note once, shared by every flag of its term.
        let notes: Vec<Message> = (self.0.iter())
            .map(|t| {
                t.note.clone().map_or(
                    Message::Static("On your own list of terms to watch."),
                    Message::from,
                )
            })
            .collect();
        matcher
            .find(cx.text)
            .into_iter()
            .map(|hit| {
                let EntryRef::Custom(i) = hit.entry else {
                    unreachable!("this matcher holds the reader's terms only")
                };
                let term = &self.0[i];
                Flag {
                    range: hit.range,
                    category: term.category,
                    severity: term.category.default_severity(),
                    message: notes[i].clone(),
                    alternative: None,
                    in_quotation: false,
                    confidence: None,
                }
            })
            .collect()
    }
}
