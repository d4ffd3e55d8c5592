//! The span score of SemEval-2020 Task 11 (propaganda span identification),
//! with its partial credit: a predicted span earns the share of it that
//! overlaps gold spans, a gold span the share of it that predictions cover.
//!
//! With predicted spans S and gold spans T, each merged where they overlap
//! (per article, as the task's scorer does),
//! P = Σ_s Σ_t |s∩t| / |s| / |S| and R = Σ_t Σ_s |s∩t| / |t| / |T|, summed
//! over all articles, and F1 their harmonic mean. Lengths are in characters.

use std::ops::Range;

/// Sums from which precision and recall are read; add articles with `add`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SpanScore {
    /// Σ over predicted spans of the share of each that gold covers.
    pub precision_sum: f64,
    /// Σ over gold spans of the share of each that predictions cover.
    pub recall_sum: f64,
    pub predicted: usize,
    pub gold: usize,
}

impl SpanScore {
    /// Adds one article's spans (character ranges, in any order).
    pub fn add(&mut self, predicted: &[Range<usize>], gold: &[Range<usize>]) {
        let predicted = merge(predicted);
        let gold = merge(gold);
        self.predicted += predicted.len();
        self.gold += gold.len();
        // Both merged lists are sorted and disjoint: one walk finds every
        // overlapping pair.
        let (mut i, mut j) = (0, 0);
        while i < predicted.len() && j < gold.len() {
            let (s, t) = (&predicted[i], &gold[j]);
            let overlap = s.end.min(t.end).saturating_sub(s.start.max(t.start));
            if overlap > 0 {
                self.precision_sum += overlap as f64 / s.len() as f64;
                self.recall_sum += overlap as f64 / t.len() as f64;
            }
            if s.end <= t.end {
                i += 1;
            } else {
                j += 1;
            }
        }
    }

    pub fn merge_in(&mut self, other: &SpanScore) {
        self.precision_sum += other.precision_sum;
        self.recall_sum += other.recall_sum;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.precision_sum, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.recall_sum, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(sum: f64, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// Sorted, with overlapping spans merged into one; empty spans dropped.
/// Spans that only touch stay apart, as in the task's scorer.
pub fn merge(spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = spans.iter().filter(|s| !s.is_empty()).cloned().collect();
    sorted.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for s in sorted {
        match merged.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one-span articles are the cases
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn exact_spans_score_one() {
        let mut score = SpanScore::default();
        score.add(&[0..5, 10..20], &[10..20, 0..5]);
        assert!(close(score.precision(), 1.0) && close(score.recall(), 1.0));
        assert!(close(score.f1(), 1.0));
    }

    #[test]
    fn partial_overlap_earns_partial_credit() {
        // Predicted 0..10 covers half of gold 5..15 and half of itself.
        let mut score = SpanScore::default();
        score.add(&[0..10], &[5..15]);
        assert!(close(score.precision(), 0.5));
        assert!(close(score.recall(), 0.5));
        assert!(close(score.f1(), 0.5));
    }

    #[test]
    fn one_prediction_over_two_gold_spans() {
        // Predicted 0..20; gold 0..4 and 10..12, both fully covered.
        // P = (4 + 2) / 20 = 0.3 over one span; R = (1 + 1) / 2 = 1.
        let mut score = SpanScore::default();
        score.add(&[0..20], &[0..4, 10..12]);
        assert!(close(score.precision(), 0.3));
        assert!(close(score.recall(), 1.0));
        assert!(close(score.f1(), 2.0 * 0.3 / 1.3));
    }

    #[test]
    fn overlapping_spans_are_merged_first() {
        // Gold 0..6 and 4..10 merge into 0..10; predictions 0..3 and 2..5
        // merge into 0..5. P = 5/5 over 1 span; R = 5/10 over 1 span.
        let mut score = SpanScore::default();
        score.add(&[0..3, 2..5], &[0..6, 4..10]);
        assert_eq!((score.predicted, score.gold), (1, 1));
        assert!(close(score.precision(), 1.0));
        assert!(close(score.recall(), 0.5));
    }

    #[test]
    fn articles_add_up_span_by_span() {
        // Article 1: a miss (P 0 for one span, R 0 for one span).
        // Article 2: predicted 0..4 inside gold 0..8: P 1, R 0.5.
        let mut score = SpanScore::default();
        score.add(&[0..4], &[10..14]);
        score.add(&[0..4], &[0..8]);
        assert!(close(score.precision(), 0.5));
        assert!(close(score.recall(), 0.25));
        assert!(close(score.f1(), 2.0 * 0.5 * 0.25 / 0.75));
    }

    #[test]
    fn nothing_predicted_or_nothing_to_find_scores_zero() {
        let mut score = SpanScore::default();
        score.add(&[], &[0..4]);
        assert_eq!(score.f1(), 0.0);
        let mut score = SpanScore::default();
        score.add(&[0..4], &[]);
        assert_eq!(
            (score.precision(), score.recall(), score.f1()),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn touching_spans_stay_apart() {
        assert_eq!(merge(&[0..3, 3..5, 4..6, 8..8]), [0..3, 3..6]);
    }
}
