//! The learned detector: loaded language, name-calling and the other
//! propaganda techniques Slant's categories cover, found by a model trained
//! on a public corpus of news articles annotated by professionals (the
//! Propaganda Techniques Corpus of SemEval-2020 Task 11; see README).
//!
//! Every word gets a probability per technique from its features
//! (`features.rs`, weights in `model.rs`); a word at or above the technique's
//! threshold is flagged, and its neighbours join the span while they stay
//! above a share of it. Where spans of two techniques overlap, the surer one
//! stays. Each flag says why with the evidence a reader can check — how
//! often annotators marked the word — and how sure the model is.
//!
//! Training (`train.rs`) is native only; the WASM carries the model and this
//! file's scoring.
//!
//! Measured: BENCHMARKS.md#t-settle-one-sort, BENCHMARKS.md#t-learned-seeds.

pub mod features;
pub mod model;
pub mod packed;
mod score;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use crate::detect::{Context, Detector, Outside};
use crate::flag::{Confidence, Flag, Frame, Message};
use features::Token;
use model::Model;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

type Fx = std::hash::BuildHasherDefault<crate::hash::FxHasher>;

/// The sensitivity at which the thresholds are the model's own (the ones
/// with the best cross-validated F1).
pub const DEFAULT_SENSITIVITY: f32 = 0.5;

/// What a sensitivity trades for loaded language and name-calling (both
/// detectors), as training measured it on articles the model scoring them
/// had not seen: the share of flagged text annotators had marked
/// (precision) and of marked text flagged (recall), the task's span metric.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct TradeOff {
    pub sensitivity: f64,
    pub precision: f64,
    pub recall: f64,
}

/// The compiled-in model's trade-offs, at rising sensitivities (none for a
/// model trained without them).
pub fn trade_offs() -> Vec<TradeOff> {
    // Three decimals, as the model file has them, not f32's tails.
    let exact = |x: f32| (f64::from(x) * 1000.0).round() / 1000.0;
    model::builtin()
        .trade_offs
        .iter()
        .map(|&(sensitivity, precision, recall)| TradeOff {
            sensitivity: exact(sensitivity),
            precision: exact(precision),
            recall: exact(recall),
        })
        .collect()
}

pub struct Learned<'m> {
    pub model: &'m Model,
    /// 0 (fewer, surer flags) to 1 (more flags).
    pub sensitivity: f32,
}

/// A candidate span before overlaps are settled.
struct Candidate {
    tokens: Range<usize>,
    class: usize,
    /// The surest word's probability, and the word.
    peak: f32,
    peak_token: usize,
}

impl Detector for Learned<'_> {
    fn detect(&self, cx: &Context, taken: &[Range<usize>]) -> Vec<Flag> {
        let (tokens, scores) = self.scores(cx);
        let classes = self.model.classes.len();
        let thresholds: Vec<f32> = (self.model.classes.iter())
            .map(|c| at_sensitivity(c.threshold, self.sensitivity))
            .collect();
        // A span starts at a word at its threshold: above 0, only the words
        // with some probability can.
        let every: Vec<u32> = if thresholds.iter().any(|&t| t <= 0.0) {
            (0..tokens.len() as u32).collect()
        } else {
            Vec::new()
        };
        let mut candidates = Vec::new();
        let grows = self.model.grows();
        for (class, &threshold) in thresholds.iter().enumerate() {
            let low = threshold * self.model.extend;
            let seeds = if threshold > 0.0 { &scores.lit } else { &every };
            candidates.extend(class_spans(
                cx.text,
                &tokens,
                (&scores.lit, &scores.rows, classes),
                class,
                (threshold, low),
                seeds,
                (class == 0 && grows).then_some(self.model),
            ));
        }
        // The probabilities are read: their rows (a word's worth each) go
        // before the flags are made. See BENCHMARKS.md#t-named-words.
        drop((scores, every));
        self.settle(cx.text, &tokens, taken, candidates)
    }
}

impl Learned<'_> {
    /// The text's tokens and, per token and class (row-major), the
    /// probability that annotators would mark the token with the class's
    /// techniques — or 0 where it is below every threshold's extension
    /// (no span can reach the token, so its exact value is never asked).
    pub fn probabilities(&self, cx: &Context) -> (Vec<Token>, Vec<f32>) {
        let (tokens, scores) = self.scores(cx);
        let p = scores.dense(tokens.len(), self.model.classes.len());
        (tokens, p)
    }

    /// The text's tokens and [`Learned::probabilities`] where some are above
    /// 0 (the detector keeps no row of zeros).
    fn scores(&self, cx: &Context) -> (Vec<Token>, score::Scores) {
        let tokens = features::tokenize(cx.text);
        // The quotations' copy is dropped before the scores are made: a text
        // can be a quotation every dozen bytes.
        let quoted = {
            let quotations: Vec<Range<usize>> =
                cx.quotations.iter().map(|q| q.inner.clone()).collect();
            features::quoted(&tokens, &quotations)
        };
        let places = features::places(cx.text, &tokens);
        let lowest = self
            .model
            .classes
            .iter()
            .map(|c| at_sensitivity(c.threshold, self.sensitivity) * self.model.extend)
            .fold(1.0f32, f32::min);
        let floor = (lowest / (1.0 - lowest)).ln();
        let scores = score::probabilities(self.model, cx.text, &tokens, &quoted, &places, floor);
        (tokens, scores)
    }

    /// The same probabilities summed feature by feature, as training sees
    /// them: the oracle `score.rs` is tested against.
    #[cfg(test)]
    pub fn probabilities_by_feature(&self, cx: &Context) -> Vec<f32> {
        let classes = self.model.classes.len();
        let quotations: Vec<Range<usize>> = cx.quotations.iter().map(|q| q.inner.clone()).collect();
        let mut document = features::Document::new(cx.text, &quotations);
        document.measure(&self.model.valence);
        let mut out = vec![0.0; document.tokens.len() * classes];
        for (i, token) in document.tokens.iter().enumerate() {
            if !token.word() {
                continue;
            }
            let row = &mut out[i * classes..(i + 1) * classes];
            document.each_feature(i, &self.model.valence, |t, a, b| {
                self.model.add(features::key(t, a, b), row)
            });
            row.iter_mut().for_each(|s| *s = model::probability(*s));
        }
        out
    }

    /// Flags from candidates: the surest first, each dropped where it
    /// overlaps one already taken.
    fn settle(
        &self,
        text: &str,
        tokens: &[Token],
        earlier: &[Range<usize>],
        mut candidates: Vec<Candidate>,
    ) -> Vec<Flag> {
        // The crate's one sort: a copy of std's sort for `Candidate` was
        // ~2 KB of gzipped WASM.
        crate::order::sort_by_key(&mut candidates, |c| surest_first(c.peak, c.tokens.start));
        // Taken spans by token, to test overlaps in constant time.
        let mut taken = vec![false; tokens.len()];
        // At most a flag per candidate: room for that, not for twice as
        // many as a vector grown by doubling can leave.
        let mut flags = Vec::with_capacity(candidates.len());
        // Each explanation's frame written once per technique and counts,
        // and shared by every flag it explains, around the word each names:
        // no sentence per word, which a text of distinct words would make
        // one per flag. See BENCHMARKS.md#t-named-words.
        let mut frames: HashMap<(usize, u32, u32), Arc<Frame>, Fx> = HashMap::default();
        for c in candidates {
            if taken[c.tokens.clone()].iter().any(|&t| t) {
                continue;
            }
            taken[c.tokens.clone()].iter_mut().for_each(|t| *t = true);
            let range = tokens[c.tokens.start].range().start..tokens[c.tokens.end - 1].range().end;
            let peak = tokens[c.peak_token].range();
            // Where an earlier detector (the curated lexicon) flagged some of
            // the span, its flag stands; this one keeps the words outside
            // it, if its surest word is among them (the explanation is that
            // word's).
            let first = earlier.partition_point(|t| t.end <= range.start);
            let range = match crate::detect::outside(text, &earlier[first..], &range) {
                Outside::Clear => range,
                Outside::Rest(rest) if rest.start <= peak.start && peak.end <= rest.end => rest,
                _ => continue,
            };
            let word = &text[peak.clone()];
            let counts = self.model.counts(&features::normalise(word));
            // A class of several techniques: the one its surest word was
            // most often marked with (the first, for a word never marked).
            let techniques = &self.model.classes[c.class].techniques;
            let technique = *techniques
                .iter()
                .rev()
                .max_by_key(|&&t| counts.map_or(0, |n| n.marked[t]))
                .expect("a class has a technique");
            let category = self.model.techniques[technique].category;
            flags.push(Flag {
                range,
                category,
                severity: category.default_severity(),
                message: Message::naming(self.frame(&mut frames, counts, technique), peak.clone()),
                alternative: None,
                in_quotation: false,
                confidence: Some(Confidence {
                    probability: c.peak,
                    agreed: self.model.classes[c.class].confidence(c.peak),
                }),
            });
        }
        flags
    }

    /// Why: how often annotators marked the word, where the corpus has it
    /// often enough to say.
    fn frame<'f>(
        &self,
        frames: &'f mut HashMap<(usize, u32, u32), Arc<Frame>, Fx>,
        counts: Option<&model::Counts>,
        technique: usize,
    ) -> &'f Arc<Frame> {
        let counted = counts
            .filter(|n| n.uses >= 2 && n.marked[technique] > 0)
            .map_or((0, 0), |n| (n.marked[technique], n.uses));
        frames.entry((technique, counted.0, counted.1)).or_insert_with(|| {
            let name = technique_phrase(&self.model.techniques[technique].name);
            match counted {
                (0, _) => Frame::new(
                    format!("Worded like the {name} that annotators marked in a public news corpus: Slant's learned model weighs “"),
                    "” and the words around it.",
                ),
                (marked, uses) => Frame::new(
                    "Annotators of a public news corpus marked “",
                    format!("” as {name} in {marked} of its {uses} uses."),
                ),
            }
        })
    }
}

/// A sort key: the higher `peak` first (in `f32::total_cmp` order), then
/// the lower `start`.
fn surest_first(peak: f32, start: usize) -> u64 {
    let bits = peak.to_bits();
    let total = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    crate::order::pair(crate::order::descending(total as usize), start)
}

/// The spans of one class: each word at or above `threshold`, grown over
/// neighbouring words at or above `low`. The probabilities are kept for the
/// tokens of `lit` only (in order; `classes` per token in `rows`), every
/// other token's are 0; `seeds`, in order, holds every token that can be at
/// `threshold` (the others are passed over unread).
///
/// Where a token's row is, is followed along with it: `k` is always how
/// many tokens of `lit` come before the token at hand, so the token has a
/// row if and only if `lit[k]` is the token itself — no search, whichever
/// way a span grows.
fn class_spans(
    text: &str,
    tokens: &[Token],
    (lit, rows, classes): (&[u32], &[f32], usize),
    class: usize,
    (threshold, low): (f32, f32),
    seeds: &[u32],
    growth: Option<&Model>,
) -> Vec<Candidate> {
    // Token `t`'s probability, `k` being how many tokens of `lit` come
    // before it; and whether it has a row.
    let at = |t: usize, k: usize| -> (f32, bool) {
        match lit.get(k) {
            Some(&l) if l as usize == t => (rows[k * classes + class], true),
            _ => (0.0, false),
        }
    };
    let mut spans = Vec::new();
    // The span grown from seed `i` (the `k`-th token of `lit` or, without
    // a row, the one before it): where it ends, and the candidate if its
    // surest content word reaches the threshold.
    let grow = |i: usize, k: usize, has_row: bool, floor: usize| -> (usize, Option<Candidate>) {
        let (mut start, mut k_start) = (i, k);
        while start > 0 && tokens[start - 1].word() {
            // The token before has a row only as `lit`'s one before `k_start`.
            let (p, has_row) = match k_start.checked_sub(1) {
                Some(before) => at(start - 1, before),
                None => (0.0, false),
            };
            if p < low {
                break;
            }
            start -= 1;
            k_start -= usize::from(has_row);
        }
        let (mut end, mut k_end) = (i + 1, k + usize::from(has_row));
        while end < tokens.len() && tokens[end].word() {
            let (p, has_row) = at(end, k_end);
            if p < low {
                break;
            }
            end += 1;
            k_end += usize::from(has_row);
        }
        // The surest content word carries the span (its confidence, and the
        // word its explanation names): a function word ("a", "the") alone
        // above the threshold is no evidence.
        let mut surest: Option<(f32, usize)> = None;
        let mut k_t = k_start;
        for t in start..end {
            let (p, has_row) = at(t, k_t);
            k_t += usize::from(has_row);
            if features::is_function_word(&features::normalise(&text[tokens[t].range()])) {
                continue;
            }
            match surest {
                Some((q, _)) if q >= p => {}
                _ => surest = Some((p, t)),
            }
        }
        let candidate = surest
            .filter(|(p, _)| *p >= threshold)
            .map(|(peak, peak_token)| Candidate {
                tokens: match growth {
                    Some(model) => grown(model, text, tokens, start..end, floor),
                    None => start..end,
                },
                class,
                peak,
                peak_token,
            });
        let end = candidate.as_ref().map_or(end, |c| c.tokens.end.max(end));
        (end, candidate)
    };
    // The first token after the last span.
    let mut next = 0;
    if std::ptr::eq(seeds, lit) {
        // The usual case: each seed is the token of its own row.
        for (k, &i) in lit.iter().enumerate() {
            let i = i as usize;
            if i < next || !tokens[i].word() || rows[k * classes + class] < threshold {
                continue;
            }
            let (end, candidate) = grow(i, k, true, next);
            next = end;
            spans.extend(candidate);
        }
        return spans;
    }
    let mut k = 0;
    for &i in seeds {
        let i = i as usize;
        while k < lit.len() && (lit[k] as usize) < i {
            k += 1;
        }
        let (p, has_row) = at(i, k);
        if i < next || !tokens[i].word() || p < threshold {
            continue;
        }
        let (end, candidate) = grow(i, k, has_row, next);
        next = end;
        spans.extend(candidate);
    }
    spans
}

/// Grows each of `ranges` (flags in text order) that `grows` picks into its
/// phrase ([`grown_phrase`]): up to the next range's start, and from the
/// end of the last one grown, so no two overlap that did not before.
pub fn grow_phrases(
    model: &Model,
    text: &str,
    ranges: &mut [Range<usize>],
    grows: impl Fn(usize) -> bool,
) {
    let mut floor = 0;
    for i in 0..ranges.len() {
        let next = ranges.get(i + 1).map_or(text.len(), |r| r.start);
        let range = ranges[i].clone();
        if grows(i) && floor <= range.start {
            ranges[i] = grown_phrase(model, text, range.clone(), floor..next.max(range.end));
        }
        floor = floor.max(ranges[i].end);
    }
}

/// The phrase around `range` (a curated lexicon hit) as the growth model
/// grows it, within `bounds` and the line: tokenized only around it.
pub fn grown_phrase(
    model: &Model,
    text: &str,
    range: Range<usize>,
    bounds: Range<usize>,
) -> Range<usize> {
    const AROUND: usize = 96;
    let mut start = range.start.saturating_sub(AROUND).max(bounds.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (range.end + AROUND).min(bounds.end).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[start..end];
    let tokens = features::tokenize(window);
    let (from, to) = (range.start - start, range.end - start);
    let first = tokens.partition_point(|t| t.range().end <= from);
    let last = tokens.partition_point(|t| t.range().start < to);
    if first >= last {
        return range;
    }
    let span = grown(model, window, &tokens, first..last, 0);
    let grown = tokens[span.start].range().start + start..tokens[span.end - 1].range().end + start;
    grown.start.min(range.start)..grown.end.max(range.end)
}

/// Whether a line break lies between tokens `first` and `last`.
pub fn breaks(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    text[tokens[first].range().end..tokens[last].range().start].contains(['\n', '\r'])
}

/// A token no phrase grows over: the end of a sentence or clause.
pub fn stops(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | ";" | ":" | "…")
}

/// Double quotation marks: opening, closing, or either (straight).
fn quote_side(token: &str) -> Option<Option<bool>> {
    match token {
        "“" | "«" => Some(Some(true)),
        "”" | "»" => Some(Some(false)),
        "\"" => Some(None),
        _ => None,
    }
}

/// `span` (grown from `core`) cut back so that it holds no half of a
/// quotation: the grown words stop before an opening mark whose closing one
/// it lacks, and start after a closing mark whose opening one it lacks;
/// then punctuation left at either end goes.
fn balanced(text: &str, tokens: &[Token], core: &Range<usize>, span: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (span.start, span.end);
    // The last mark, in the order read, that opens (`opening`) and is not
    // matched after it: read forwards for an opening mark, backwards for a
    // closing one.
    let unmatched = |order: &mut dyn Iterator<Item = usize>, opening: bool| {
        let mut pending: Option<usize> = None;
        for t in order {
            match quote_side(&text[tokens[t].range()]) {
                Some(Some(side)) => pending = (side == opening).then_some(t),
                Some(None) => pending = if pending.is_some() { None } else { Some(t) },
                None => {}
            }
        }
        pending
    };
    if let Some(t) = unmatched(&mut (start..end), true).filter(|&t| t >= core.end) {
        end = t;
    }
    if let Some(t) = unmatched(&mut (start..end).rev(), false).filter(|&t| t < core.start) {
        start = t + 1;
    }
    while start < core.start && !tokens[start].word() {
        start += 1;
    }
    while end > core.end && !tokens[end - 1].word() {
        end -= 1;
    }
    start..end
}

/// At most this many tokens join a span each side by the growth model.
const MOST_GROWN: usize = 6;

/// The span `core` grown into the phrase annotators would mark, a token at
/// a time while the growth model (`features::each_growth_feature`; its
/// decision threshold is in its bias) says the phrase goes on — never back
/// before `floor` (the last span's end) nor over a line break. Punctuation
/// left at either end is taken off again.
fn grown(
    model: &Model,
    text: &str,
    tokens: &[Token],
    core: Range<usize>,
    floor: usize,
) -> Range<usize> {
    let goes_on = |from: usize, to: usize, length: usize| -> bool {
        let (first, last) = (from.min(to), from.max(to));
        if breaks(text, tokens, first, last) || stops(&text[tokens[to].range()]) {
            return false;
        }
        let mut sum = 0.0;
        features::each_growth_feature(text, tokens, (from, to), length, |t, a, b| {
            sum += model.weight(features::key(t, a, b), 0)
        });
        sum >= 0.0
    };
    let (mut start, mut end) = (core.start, core.end);
    while end < tokens.len() && end - core.end < MOST_GROWN && goes_on(end - 1, end, end - start) {
        end += 1;
    }
    while start > floor && core.start - start < MOST_GROWN && goes_on(start, start - 1, end - start)
    {
        start -= 1;
    }
    balanced(text, tokens, &core, start..end)
}

/// A threshold moved by the sensitivity, in log-odds: 0.5 keeps it, 0 and
/// 1 move it by 2.5 log-odds (about twelve times the odds) either way.
pub fn at_sensitivity(threshold: f32, sensitivity: f32) -> f32 {
    let logit = (threshold / (1.0 - threshold)).ln();
    let shifted = logit + (DEFAULT_SENSITIVITY - sensitivity.clamp(0.0, 1.0)) * 5.0;
    model::probability(shifted)
}

/// The technique as a phrase for an explanation.
fn technique_phrase(technique: &str) -> &str {
    match technique {
        "Loaded_Language" => "loaded language",
        "Name_Calling,Labeling" => "name-calling",
        "Doubt" => "casting doubt",
        "Exaggeration,Minimisation" => "exaggeration",
        "Appeal_to_fear-prejudice" => "an appeal to fear",
        "Flag-Waving" => "flag-waving",
        "Thought-terminating_Cliches" => "a thought-terminating cliché",
        other => other,
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one taken range is the case
mod tests {
    use super::*;
    use crate::segment::Quotation;

    /// A model whose growth features say: go on over "and" and plain words
    /// to the right, never to the left.
    fn growing_model() -> Model {
        Model::parse(
            "technique\tLoaded_Language\temotive\n\
             class\tLoaded_Language\t0.5\n\
             extend\t0.50\n\
             grow_bias\tR\t\t5\n\
             grow_bias\tL\t\t-50\n\
             grow_kind\tR\tfunction\t-20\n\
             grow_word\tR\tand\t30\n",
        )
        .expect("the test model parses")
    }

    fn grown_text(text: &str, core: &str) -> String {
        let model = growing_model();
        let tokens = features::tokenize(text);
        let at = text.find(core).unwrap();
        let first = tokens.iter().position(|t| t.range().start == at).unwrap();
        let last = tokens
            .iter()
            .position(|t| t.range().end == at + core.len())
            .unwrap();
        let span = grown(&model, text, &tokens, first..last + 1, 0);
        text[tokens[span.start].range().start..tokens[span.end - 1].range().end].to_string()
    }

    #[test]
    fn spans_grow_into_the_phrase_where_the_growth_model_says_it_goes_on() {
        assert!(growing_model().grows());
        // Right over plain words and "and", not over another function word
        // ("by"), and never left.
        assert_eq!(
            grown_text(
                "It was a shameful and cowardly act by the council.",
                "shameful"
            ),
            "shameful and cowardly act"
        );
        // Never over a line break; punctuation left at the end is taken off.
        assert_eq!(
            grown_text("A disgraceful vote,\nthen more.", "disgraceful"),
            "disgraceful vote"
        );
        // Never over the end of a sentence, nor into half a quotation.
        assert_eq!(grown_text("A vile act. Then more.", "vile"), "vile act");
        assert_eq!(
            grown_text("a vile “deal” and more", "vile"),
            "vile “deal” and more"
        );
        assert_eq!(grown_text("a vile “deal and more", "vile"), "vile");
        assert_eq!(
            grown_text("a vile \"deal\" and more", "vile"),
            "vile \"deal\" and more"
        );
        // At most `MOST_GROWN` tokens.
        let long = "vile a1 b2 c3 d4 e5 f6 g7 h8";
        assert_eq!(grown_text(long, "vile"), "vile a1 b2 c3 d4 e5 f6");
        // A model without growth features does not grow.
        assert!(!Model::parse(
            "technique\tLoaded_Language\temotive\nclass\tLoaded_Language\t0.5\n"
        )
        .unwrap()
        .grows());
    }

    #[test]
    fn curated_entries_annotators_rarely_marked_are_held_back_at_the_default_sensitivity() {
        use crate::rules::test_support::holds;
        let text = "The regime announced new restrictions on foreign journalists on Tuesday.";
        let regime = |sensitivity: f32, learned: bool| {
            let options = crate::Options {
                sensitivity,
                detectors: crate::options::Detectors {
                    curated: true,
                    learned,
                },
                ..crate::Options::default()
            };
            let report = crate::analyze(text, &options).unwrap();
            (report.flags.iter()).any(|f| holds(report.flag_text(f), "regime"))
        };
        // The compiled-in model's corpus: "regime" marked in 8 of 135 uses.
        let counts = model::builtin().counts("regime").expect("counted");
        assert!(counts.uses >= model::EVIDENCE_USES);
        assert!(!regime(DEFAULT_SENSITIVITY, true));
        assert!(!regime(0.0, true));
        // Shown when the reader asks for more flags, and by the curated
        // lexicon on its own.
        assert!(regime(0.75, true));
        assert!(regime(DEFAULT_SENSITIVITY, false));
    }

    proptest::proptest! {
        #[test]
        fn surest_first_orders_as_total_cmp_then_start(
            items in proptest::collection::vec((proptest::num::f32::ANY, 0usize..50), 0..60)
        ) {
            let mut ours = items.clone();
            crate::order::sort_by_key(&mut ours, |&(peak, start)| surest_first(peak, start));
            let mut std_sorted = items;
            std_sorted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let bits = |v: &[(f32, usize)]| v.iter().map(|&(p, s)| (p.to_bits(), s)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(bits(&ours), bits(&std_sorted));
        }
    }

    proptest::proptest! {
        /// Probabilities kept for some tokens only give the spans a row for
        /// every token gives, whichever tokens have rows (zeros included),
        /// whatever the thresholds, and with every token as a seed.
        #[test]
        fn spans_from_the_tokens_with_rows_equal_spans_from_every_row(
            tokens in proptest::collection::vec((proptest::bool::weighted(0.8), 0u8..4, 0u8..4, proptest::bool::ANY), 0..40),
            (threshold, low) in proptest::sample::select(vec![(0.5f32, 0.2f32), (0.5, 0.0), (0.8, 0.5), (0.0, 0.0)]),
        ) {
            let classes = 2;
            let level = [0.0f32, 0.2, 0.5, 0.8];
            let text: String = tokens.iter().map(|&(word, ..)| if word { "vile " } else { ", " }).collect();
            let toks = features::tokenize(&text);
            let mut dense = Vec::new();
            let (mut lit, mut rows) = (Vec::new(), Vec::new());
            for (i, &(word, a, b, keep_zeros)) in tokens.iter().enumerate() {
                let row = if word { [level[a as usize], level[b as usize]] } else { [0.0; 2] };
                dense.extend(row);
                if row.iter().any(|&p| p > 0.0) || keep_zeros {
                    lit.push(i as u32);
                    rows.extend(row);
                }
            }
            let every: Vec<u32> = (0..toks.len() as u32).collect();
            for class in 0..classes {
                for seeds in [&lit, &every] {
                    let spans = |c: Vec<Candidate>| -> Vec<_> {
                        c.into_iter().map(|c| (c.tokens, c.peak.to_bits(), c.peak_token)).collect()
                    };
                    let sparse = class_spans(&text, &toks, (&lit, &rows, classes), class, (threshold, low), seeds, None);
                    let full = class_spans(&text, &toks, (&every, &dense, classes), class, (threshold, low), &every, None);
                    if seeds == &every || threshold > 0.0 {
                        proptest::prop_assert_eq!(spans(sparse), spans(full));
                    }
                }
            }
        }
    }

    const MODEL: &str = "technique\tLoaded_Language\temotive\ntechnique\tName_Calling,Labeling\tname_calling\nclass\tLoaded_Language+Name_Calling,Labeling\t0.500\nextend\t0.40\nbias\t\t\t-30\nword\tvile\t\t40\nword\tmob\t\t38\nstem\tsmear\t\t25\nbefore\tso-called\t\t20\nafter\tmob\t\t12\npair_before\tthe\tmob\t6\nquoted\t\t\t-5\nplace\t!\t\t4\nvalence\t-3\t\t10\nvalence_before\t-3\t\t3\ndensity\t5\t\t2\ncount\tvile\t9\t7\t1\ncount\tmob\t5\t1\t4\nvalence_of\tvile\t-3\n";

    fn model() -> Model {
        Model::parse(MODEL).unwrap()
    }

    fn flags(model: &Model, text: &str, sensitivity: f32) -> Vec<Flag> {
        let cx = Context {
            text,
            paragraphs: &[],
            quotations: &[],
        };
        Learned { model, sensitivity }.detect(&cx, &[])
    }

    #[test]
    fn the_fast_sums_equal_the_feature_by_feature_sums() {
        let model = crate::learned::model::builtin();
        let texts = [
            include_str!("../../tests/articles/hit_piece.txt"),
            include_str!("../../tests/articles/wire_story.txt"),
            "A vile, VILE mob! “The mob” smeared Zürich’s 2 élites — so-called experts?\n\nThe so-called mob",
            "",
            "mob",
        ];
        for text in texts {
            let quotations: Vec<Quotation> =
                crate::segment::find_quotations(text, &[0..text.len()]);
            let cx = Context {
                text,
                paragraphs: &[],
                quotations: &quotations,
            };
            let learned = Learned {
                model,
                sensitivity: 1.0,
            };
            let (_, fast) = learned.probabilities(&cx);
            let slow = learned.probabilities_by_feature(&cx);
            assert_eq!(fast.len(), slow.len());
            let floor = fast
                .iter()
                .copied()
                .filter(|&p| p > 0.0)
                .fold(1.0f32, f32::min);
            for (i, (f, s)) in fast.iter().zip(&slow).enumerate() {
                // Below every threshold's extension the fast path says 0.
                if *f == 0.0 {
                    assert!(*s < floor.max(0.001) + 1e-4, "{i}: {s} was cut to 0");
                } else {
                    assert!((f - s).abs() < 1e-4, "token {i}: fast {f}, by feature {s}");
                }
            }
        }
    }

    #[test]
    fn a_flag_says_how_often_annotators_marked_its_word() {
        let text = "They called it a vile plan.";
        let found = flags(&model(), text, 0.5);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].category, crate::Category::Emotive);
        assert_eq!(
            found[0].message.text(text),
            "Annotators of a public news corpus marked “vile” as loaded language in 7 of its 9 uses."
        );
        let confidence = found[0]
            .confidence
            .expect("learned flags carry a confidence");
        assert!(confidence.probability > 0.5 && confidence.probability < 1.0);
        // A model without calibration knots shows its probability.
        assert_eq!(confidence.agreed, confidence.probability);
    }

    #[test]
    fn flags_share_one_frame_around_the_word_each_names() {
        let text = "A vile plan. Then a vile plan. VILE.";
        let found = flags(&model(), text, 0.5);
        assert_eq!(found.len(), 3);
        let (Message::Naming(a, _), Message::Naming(b, _), Message::Naming(c, _)) =
            (&found[0].message, &found[1].message, &found[2].message)
        else {
            panic!("frames around their words: {found:?}")
        };
        assert!(std::sync::Arc::ptr_eq(a, b) && std::sync::Arc::ptr_eq(a, c));
        // "VILE" as written: its explanation names it so.
        assert!(found[2].message.text(text).contains("marked “VILE” as"));
    }

    #[test]
    fn a_word_the_corpus_never_marked_is_named_in_the_frame_of_its_technique() {
        let text = "He smears them.";
        let found = flags(&model(), text, 1.0);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(found[0].message, Message::Naming(..)));
        assert_eq!(
            found[0].message.text(text),
            "Worded like the loaded language that annotators marked in a public news corpus: Slant's learned model weighs “smears” and the words around it."
        );
    }

    #[test]
    fn a_joint_class_names_the_technique_its_word_was_marked_with() {
        let text = "Then the mob came.";
        let found = flags(&model(), text, 0.5);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].category, crate::Category::NameCalling);
        assert!(found[0]
            .message
            .text(text)
            .contains("as name-calling in 4 of its 5 uses"));
    }

    #[test]
    fn sensitivity_moves_the_threshold_both_ways() {
        let model = model();
        // "smears" has only its stem's weight: below the default threshold.
        let text = "He smears them.";
        assert!(flags(&model, text, 0.5).is_empty());
        assert_eq!(flags(&model, text, 1.0).len(), 1);
        assert!(flags(&model, "A vile plan.", 0.0).is_empty());
        assert!(at_sensitivity(0.3, 0.0) > 0.3 && at_sensitivity(0.3, 1.0) < 0.3);
        assert!((at_sensitivity(0.3, DEFAULT_SENSITIVITY) - 0.3).abs() < 1e-6);
    }

    #[test]
    fn function_words_alone_are_never_flagged() {
        let mut text = String::from("The the of a.");
        assert!(flags(&model(), &text, 1.0).is_empty());
        text.push_str(" vile");
        assert_eq!(flags(&model(), &text, 1.0).len(), 1);
    }

    #[test]
    fn a_content_word_carries_the_span_never_a_function_word() {
        // "a" weighs more than any word here; it only ever extends a span.
        let model = Model::parse(
            "technique\tLoaded_Language\temotive\nclass\tLoaded_Language\t0.500\nextend\t0.40\n\
             bias\t\t\t-30\nword\ta\t\t45\nword\tdreadful\t\t35\nword\tplan\t\t25\n",
        )
        .unwrap();
        let text = "a dreadful idea";
        let found = flags(&model, text, 0.5);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].range, 0..10);
        let message = found[0].message.text(text);
        assert!(message.contains("“dreadful”"), "{message}");
        // 0.62: the content word's probability, not the article's 0.82.
        assert!((found[0].confidence.unwrap().probability - 0.62).abs() < 0.01);
        // "plan" (0.38) reaches the span's extension, not its threshold.
        assert!(flags(&model, "a plan", 0.5).is_empty());
    }

    #[test]
    fn a_curated_flag_stands_and_the_span_keeps_its_own_words() {
        let model = model();
        let text = "the vile mob";
        let cx = Context {
            text,
            paragraphs: &[],
            quotations: &[],
        };
        let learned = Learned {
            model: &model,
            sensitivity: 0.5,
        };
        let all = learned.detect(&cx, &[]);
        assert_eq!(all.len(), 1, "{all:?}");
        // "mob" taken by an earlier detector: "vile" (the surest word) stays.
        let found = learned.detect(&cx, &[9..12]);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "vile");
        // "vile" taken: the rest does not hold the surest word, so it goes.
        assert!(learned.detect(&cx, &[4..8]).is_empty());
    }
}
