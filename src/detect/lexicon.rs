//! The curated lexicon as a detector: every compiled-in entry found in the
//! text, flagged with the entry's own category, severity, explanation and
//! neutral alternative (see `lexicons/*.toml`).

use super::{Context, Detector};
use crate::flag::{Flag, Frame, Message};
use crate::learned::model::Model;
use crate::lexicon::{self, EntryRef, Matcher};
use std::ops::Range;
use std::sync::Arc;

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
        // A flag grown into a phrase names the term its explanation and
        // alternative are about: "“agitators”: Casts …" on "outside
        // agitators". One frame per entry, shared by its flags.
        // A sorted Vec, not a BTreeMap: the map's code was 1.3 KB of gzipped WASM.
        let mut frames: Vec<(u16, Arc<Frame>)> = Vec::new();
        hits.into_iter()
            .zip(ranges)
            .map(|(hit, range)| {
                let EntryRef::Builtin(i) = hit.entry else {
                    unreachable!("the built-in matcher holds built-in entries only")
                };
                let entry = lexicon::entry(i);
                let message = if range == hit.range {
                    entry.why.into()
                } else {
                    let at = match frames.binary_search_by_key(&i, |(j, _)| *j) {
                        Ok(at) => at,
                        Err(at) => {
                            let frame = Frame::new("“", format!("”: {}", entry.why));
                            frames.insert(at, (i, frame));
                            at
                        }
                    };
                    Message::naming(&frames[at].1, hit.range.clone())
                };
                Flag {
                    range,
                    category: entry.category,
                    severity: entry.severity,
                    message,
                    alternative: entry.alternative,
                    in_quotation: false,
                    confidence: None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one paragraph is the case
mod tests {
    use super::*;
    use crate::flag::Message;

    /// A model whose growth features grow a span over the word to its right.
    fn growing_model() -> Model {
        Model::parse(
            "technique\tLoaded_Language\temotive\n\
             class\tLoaded_Language\t0.5\n\
             grow_bias\tR\t\t5\n\
             grow_bias\tL\t\t-50\n\
             grow_kind\tR\tfunction\t-20\n",
        )
        .expect("the test model parses")
    }

    fn flags(text: &str, model: Option<&Model>) -> Vec<Flag> {
        let paragraphs = [0..text.len()];
        let cx = Context {
            text,
            paragraphs: &paragraphs,
            quotations: &[],
        };
        let lexicon = CuratedLexicon {
            model,
            hold_back: false,
        };
        lexicon.detect(&cx, &[])
    }

    #[test]
    fn a_grown_flag_names_the_term_its_explanation_is_about() {
        let text = "The disgraceful conditions lasted. Then disgraceful work.";
        let model = growing_model();
        let found = flags(text, Some(&model));
        let phrases: Vec<&str> = found.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(
            phrases,
            ["disgraceful conditions lasted", "disgraceful work"]
        );
        let why = "A moral condemnation in the writer's voice; it belongs in a quote or an opinion piece.";
        for flag in &found {
            assert_eq!(flag.message.text(text), format!("“disgraceful”: {why}"));
            assert_eq!(flag.alternative, Some("describe the conduct"));
        }
        // Both flags share the entry's one frame.
        let (Message::Naming(a, _), Message::Naming(b, _)) = (&found[0].message, &found[1].message)
        else {
            panic!("grown flags name their term");
        };
        assert!(Arc::ptr_eq(a, b));
        // Not grown (no growth model), the explanation is the entry's own.
        let plain = flags(text, None);
        assert_eq!(&text[plain[0].range.clone()], "disgraceful");
        assert_eq!(plain[0].message.text(text), why);
    }
}
