//! Detectors: whatever proposes flags. Each implements [`Detector`]; `lib.rs`
//! runs them in priority order through [`detect`], which settles overlaps
//! (an earlier detector's flag wins over a later one's that overlaps it) and
//! keeps only flags inside the prose, so no detector repeats that logic.
//!
//! Today: the reader's own terms, then the curated lexicon.

mod custom_terms;
mod lexicon;

pub use custom_terms::CustomTerms;
pub use lexicon::CuratedLexicon;

use crate::flag::Flag;
use crate::order;
use crate::segment::Quotation;
use std::collections::HashMap;
use std::ops::Range;

/// What a detector sees: the analysed text, its paragraphs and its
/// top-level quotations.
pub struct Context<'a> {
    pub text: &'a str,
    pub paragraphs: &'a [Range<usize>],
    pub quotations: &'a [Quotation],
}

pub trait Detector {
    /// Flags proposed anywhere in `cx.text`, byte ranges, in any order.
    /// `taken`: the earlier detectors' flags, as sorted disjoint ranges; a
    /// flag overlapping them is dropped by [`detect`], so a detector that can
    /// do better (keep a span's words outside them) does it here.
    fn detect(&self, cx: &Context, taken: &[Range<usize>]) -> Vec<Flag>;
}

/// Every detector's flags, in text order: a flag that overlaps one of an
/// earlier detector's is dropped, and so is one not inside a paragraph.
pub fn detect(detectors: &[&dyn Detector], cx: &Context) -> Vec<Flag> {
    let mut flags: Vec<Flag> = Vec::new();
    for detector in detectors {
        let taken = covered(&flags);
        let mut proposed = detector.detect(cx, &taken);
        order::sort_by_key(&mut proposed, |f| f.range.start as u64);
        let mut cursor = 0;
        proposed.retain(|f| {
            // Both in text order: walk the merged ranges alongside.
            while cursor < taken.len() && taken[cursor].end <= f.range.start {
                cursor += 1;
            }
            taken.get(cursor).is_none_or(|t| f.range.end <= t.start)
        });
        // Room for exactly these, none left over from doubling: a text can
        // be a flag every ten bytes, and these are kept to the end. The
        // fewer are moved to the more (they are sorted below): a copy of the
        // learned detector's thousands was the analysis's peak.
        if flags.len() < proposed.len() {
            std::mem::swap(&mut flags, &mut proposed);
        }
        flags.reserve_exact(proposed.len());
        flags.append(&mut proposed);
    }
    order::sort_by_key(&mut flags, |f| f.range.start as u64);
    within(&mut flags, cx.paragraphs);
    flags
}

/// Where a flag stands against flags already taken.
#[derive(Debug, PartialEq)]
pub enum Outside {
    /// It overlaps none.
    Clear,
    /// It overlaps some; this is its longest part outside them, words only.
    Rest(Range<usize>),
    /// It overlaps some and no word of it is outside.
    Covered,
}

/// How `range` stands against `taken` (sorted, disjoint, none ending at or
/// before `range.start`): the caller walks `taken` alongside its flags.
pub fn outside(text: &str, taken: &[Range<usize>], range: &Range<usize>) -> Outside {
    let mut overlapping = taken.iter().take_while(|t| t.start < range.end).peekable();
    if overlapping.peek().is_none() {
        return Outside::Clear;
    }
    let mut rest = range.clone();
    for t in overlapping {
        // The longer side of the first overlap, then of the next.
        let left = rest.start..t.start.max(rest.start);
        let right = t.end.min(rest.end)..rest.end;
        rest = if left.len() >= right.len() {
            left
        } else {
            right
        };
    }
    words_only(text, rest).map_or(Outside::Covered, Outside::Rest)
}

/// `range` without the spaces and punctuation at its ends; `None` if no
/// letter or digit is left.
fn words_only(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = slice.find(|c: char| c.is_alphanumeric())?;
    let end = slice
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())?;
    Some(range.start + start..range.start + end)
}

/// Drops the flags whose text is one of `ignored` (a reader's dismissed
/// terms), compared as the lexicon compares: case, whitespace runs, curly
/// apostrophes and Unicode hyphens aside.
pub fn drop_ignored(text: &str, flags: &mut Vec<Flag>, ignored: &[String]) {
    let canonical = |s: &str| crate::lexicon::fold(s.trim()).text.to_lowercase();
    // The map type of the model's word counts, so the WASM carries one
    // hash table for both (values unused).
    let ignored: HashMap<String, u32> = ignored.iter().map(|t| (canonical(t), 0)).collect();
    flags.retain(|f| !ignored.contains_key(&canonical(&text[f.range.clone()])));
}

/// The union of the flags' ranges, as sorted disjoint ranges.
fn covered(flags: &[Flag]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = flags.iter().map(|f| f.range.clone()).collect();
    order::sort_by_key(&mut ranges, |r| r.start as u64);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Keeps the flags (in text order) that lie inside one paragraph; in place,
/// not copied.
fn within(flags: &mut Vec<Flag>, paragraphs: &[Range<usize>]) {
    let mut p = 0;
    flags.retain(|flag| {
        while p < paragraphs.len() && paragraphs[p].end <= flag.range.start {
            p += 1;
        }
        paragraphs.get(p).is_some_and(|paragraph| {
            paragraph.start <= flag.range.start && flag.range.end <= paragraph.end
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::Category;

    struct Fixed(Vec<Range<usize>>, Category);

    impl Detector for Fixed {
        fn detect(&self, _: &Context, _: &[Range<usize>]) -> Vec<Flag> {
            self.0
                .iter()
                .map(|r| Flag {
                    range: r.clone(),
                    category: self.1,
                    severity: 2,
                    message: "".into(),
                    alternative: None,
                    in_quotation: false,
                    confidence: None,
                })
                .collect()
        }
    }

    #[test]
    fn a_dismissed_term_goes_in_any_case_and_spelling_and_others_stay() {
        let text = "The So-Called experts and the so‑called reforms, and the mob.";
        let flag = |word: &str| {
            let start = text.find(word).unwrap();
            Flag {
                range: start..start + word.len(),
                category: Category::Emotive,
                severity: 2,
                message: "".into(),
                alternative: None,
                in_quotation: false,
                confidence: None,
            }
        };
        let mut flags = vec![flag("So-Called"), flag("so‑called"), flag("mob")];
        drop_ignored(text, &mut flags, &[" so-called ".to_string()]);
        assert_eq!(
            flags
                .iter()
                .map(|f| &text[f.range.clone()])
                .collect::<Vec<_>>(),
            ["mob"]
        );
    }

    fn found(detectors: &[&dyn Detector], paragraphs: &[Range<usize>]) -> Vec<(usize, Category)> {
        let cx = Context {
            text: "",
            paragraphs,
            quotations: &[],
        };
        detect(detectors, &cx)
            .into_iter()
            .map(|f| (f.range.start, f.category))
            .collect()
    }

    #[test]
    fn an_earlier_detector_wins_an_overlap() {
        let first = Fixed(vec![10..20, 12..14, 40..45], Category::NameCalling);
        let second = Fixed(
            vec![0..5, 15..25, 19..30, 20..30, 44..46],
            Category::Emotive,
        );
        assert_eq!(
            found(&[&first, &second], &[0..50, 50..100]),
            [
                (0, Category::Emotive),
                (10, Category::NameCalling),
                (12, Category::NameCalling),
                (20, Category::Emotive),
                (40, Category::NameCalling),
            ]
        );
    }

    #[test]
    fn flags_outside_the_paragraphs_are_dropped() {
        let one = Fixed(vec![0..3, 8..12, 14..16, 30..31], Category::Emotive);
        assert_eq!(
            found(&[&one], &[0..10, 12..20]),
            [(0, Category::Emotive), (14, Category::Emotive)]
        );
    }
}
