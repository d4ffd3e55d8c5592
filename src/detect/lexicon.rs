//! The curated lexicon as a detector: every compiled-in entry found in the
//! text, flagged with the entry's own category, severity, explanation and
//! neutral alternative (see `lexicons/*.toml`).

use super::{Context, Detector};
use crate::flag::Flag;
use crate::learned::model::Model;
use crate::lexicon::{self, EntryRef, Matcher};
use std::ops::Range;

pub struct CuratedLexicon<'m> {
    /// The learned model, when it runs too: its growth model grows each
    /// loaded-language hit into the phrase annotators would mark
    /// (`learned::grown_phrase`), and its corpus counts can hold back
    /// entries annotators rarely marked (`Model::rarely_marked`).
    pub model: Option<&'m Model>,
    /// Hold those entries back (at the default sensitivity and below).
    pub hold_back: bool,
}

impl Detector for CuratedLexicon<'_> {
    fn detect(&self, cx: &Context, _: &[Range<usize>]) -> Vec<Flag> {
        let loaded = |entry: &EntryRef| match entry {
            EntryRef::Builtin(i) => {
                lexicon::entry(*i).category.kind() == crate::Kind::LoadedLanguage
            }
            _ => false,
        };
        let mut hits = Matcher::builtin().find(cx.text);
        // Only loaded language: the corpus annotates propaganda, not
        // sourcing ("reportedly", "the fact is").
        if let (true, Some(model)) = (self.hold_back, self.model) {
            hits.retain(|hit| {
                !loaded(&hit.entry) || !model.rarely_marked(&cx.text[hit.range.clone()])
            });
        }
        let mut ranges: Vec<Range<usize>> = hits.iter().map(|h| h.range.clone()).collect();
        if let Some(model) = self.model.filter(|m| m.grows()) {
            crate::learned::grow_phrases(model, cx.text, &mut ranges, |i| loaded(&hits[i].entry));
        }
        hits.into_iter()
            .zip(ranges)
            .map(|(hit, range)| {
                let EntryRef::Builtin(i) = hit.entry else {
                    unreachable!("the built-in matcher holds built-in entries only")
                };
                let entry = lexicon::entry(i);
                Flag {
                    range,
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
