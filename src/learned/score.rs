//! Scoring every word of a text, fast: the same sums as adding up each
//! word's features one by one (`features::Document::each_feature`, which
//! training uses and which stays as this file's test oracle), computed so
//! that a long text costs about one hash lookup per word.
//!
//! Most features of a word depend on one token only: the word itself (its
//! word, stem, ending, shape and valence features) or one neighbour (the
//! token before it, two before, after, two after). So each distinct token
//! text ("form") is looked up in the model once per text, and its weights as
//! a word and as each kind of neighbour are kept; a word's score is then a
//! handful of additions. Only the pair features need two tokens: forms that
//! appear in some pair carry a small id, and a pair is one integer-keyed
//! probe. A 1 MB article has some 20,000 forms and 180,000 words. Speed:
//! see BENCHMARKS.md#t-learned-forms.
//!
//! Measured: BENCHMARKS.md#t-learned-fused, BENCHMARKS.md#t-learned-lanes.

use super::features::{self, Place, Template, Token};
use super::model::Model;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The model's weights as one form contributes them, per role.
#[derive(Clone, Copy)]
enum Role {
    /// The word itself.
    Own = 0,
    Before = 1,
    Before2 = 2,
    After = 3,
    After2 = 4,
}

const ROLES: usize = 5;

/// The probabilities of a text's tokens, kept only where one is above 0.
///
/// Per token, one probability per class: the logistic of the token's summed
/// weights where that sum is at least the floor (the log-odds below which
/// no span can reach the token), else 0 — and 0 for non-words, which are
/// never flagged. Only the tokens with some probability above 0 have a row:
/// a table of every token's was 24 bytes a token (24 MB for the million
/// tokens of 1 MB of "1,"), most of them zeros. See
/// BENCHMARKS.md#t-sparse-probabilities.
pub struct Scores {
    /// The tokens with a row, in order: the only ones a span can start from.
    pub lit: Vec<u32>,
    /// `classes` probabilities per token of `lit`, in its order.
    pub rows: Vec<f32>,
}

impl Scores {
    /// Every token's row (row-major), zeros where none is kept.
    pub fn dense(&self, tokens: usize, classes: usize) -> Vec<f32> {
        let mut out = vec![0.0; tokens * classes];
        for (&i, row) in self.lit.iter().zip(self.rows.chunks_exact(classes.max(1))) {
            let i = i as usize;
            out[i * classes..(i + 1) * classes].copy_from_slice(row);
        }
        out
    }
}

/// Scores each word: see [`Scores`]. `quoted` and `places` are per token
/// (see `features`).
///
/// Each word's sums are made in one small buffer and turned into
/// probabilities at once, so the text's rows are written once; the sums
/// add the same weights in the same order as before, so they are the same
/// to the bit.
pub fn probabilities(
    model: &Model,
    text: &str,
    tokens: &[Token],
    quoted: &[bool],
    places: &[Place],
    floor: f32,
) -> Scores {
    let classes = model.classes.len();
    let mut forms = Forms::new(model, classes);
    let width = forms.width;
    // Two forms stand for the start and end of the text, as "<s>" and "</s>"
    // do in `features::Words`.
    let start = forms.add_word(model, "<s>", "<s>");
    let end = forms.add_word(model, "</s>", "</s>");
    let ids: Vec<u32> = tokens
        .iter()
        .map(|t| forms.id(model, &text[t.range()]))
        .collect();

    let words = tokens.iter().filter(|t| t.word()).count();
    let negative = tokens
        .iter()
        .zip(&ids)
        .filter(|(t, &id)| t.word() && forms.negative[id as usize])
        .count();
    let mut constant = vec![[0.0; LANES]; width];
    let flat = &mut constant.as_flattened_mut()[..classes];
    model.add(features::key(Template::Bias, "", ""), flat);
    if words > 0 {
        let bucket = features::density_bucket(negative as f64 / words as f64);
        model.add(features::key(Template::Density, bucket, ""), flat);
    }
    let quoted_weights = weights_of(model, classes, Template::Quoted, "");
    // The three places a word can be, looked up once (not per word).
    let exclaimed = weights_of(model, classes, Template::Place, "!");
    let asked = weights_of(model, classes, Template::Place, "?");
    let headline = weights_of(model, classes, Template::Place, "headline");

    let at = |i: isize| -> u32 {
        if i < 0 {
            start
        } else if i as usize >= ids.len() {
            end
        } else {
            ids[i as usize]
        }
    };
    let mut row = vec![[0.0; LANES]; width];
    // Grown together when `lit` is full, by doubling but never past a row
    // for every word: where nearly every word has one (1 MB of one short
    // word), they end full, not up to half empty. See
    // BENCHMARKS.md#t-rows-bounded.
    let (mut lit, mut rows) = (Vec::new(), Vec::new());
    grow_to_at_most(&mut lit, &mut rows, classes, words);
    for (i, token) in tokens.iter().enumerate() {
        if !token.word() {
            continue;
        }
        row.copy_from_slice(&constant);
        let i = i as isize;
        let (own, before, before2, after, after2) =
            (at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2));
        forms.add(&mut row, own, Role::Own);
        forms.add(&mut row, before, Role::Before);
        forms.add(&mut row, before2, Role::Before2);
        forms.add(&mut row, after, Role::After);
        forms.add(&mut row, after2, Role::After2);
        let flat = &mut row.as_flattened_mut()[..classes];
        forms.add_pair(model, flat, Template::PairBefore, before, own);
        forms.add_pair(model, flat, Template::PairAfter, own, after);
        let i = i as usize;
        if quoted[i] {
            add(&mut row, &quoted_weights);
        }
        match places[i] {
            Place::None => {}
            Place::Exclamation => add(&mut row, &exclaimed),
            Place::Question => add(&mut row, &asked),
            Place::Headline => add(&mut row, &headline),
        }
        // The logistic function only where it can matter: exp is the
        // costly part.
        // Written in place, and taken back if none is above 0.
        let mut any = false;
        let kept = rows.len();
        rows.extend(row.as_flattened()[..classes].iter().map(|&logit| {
            if logit >= floor {
                any = true;
                super::model::probability(logit)
            } else {
                0.0
            }
        }));
        if any {
            lit.push(i as u32);
            if lit.len() == lit.capacity() {
                grow_to_at_most(&mut lit, &mut rows, classes, words);
            }
        } else {
            rows.truncate(kept);
        }
    }
    Scores { lit, rows }
}

/// Room in `lit` for more tokens, twice its capacity (4 at first) but at
/// most `most` in all, and in `rows` for as many rows as `lit` has room for.
#[cold]
#[inline(never)]
fn grow_to_at_most(lit: &mut Vec<u32>, rows: &mut Vec<f32>, classes: usize, most: usize) {
    lit.reserve_exact(lit.capacity().max(4).min(most - lit.len()));
    rows.reserve_exact(lit.capacity() * classes - rows.len());
}

/// Weights go in groups of eight (classes past the model's are 0 and never
/// read), so adding a form's weights to a row is a loop of a known length
/// that compiles to vector adds. Each class's sum still adds the same
/// weights in the same order.
const LANES: usize = 8;
type Lanes = [f32; LANES];

fn add(row: &mut [Lanes], weights: &[Lanes]) {
    for (r, w) in row.iter_mut().zip(weights) {
        for (r, w) in r.iter_mut().zip(w) {
            *r += w;
        }
    }
}

fn weights_of(model: &Model, classes: usize, template: Template, a: &str) -> Vec<Lanes> {
    let mut w = vec![[0.0; LANES]; classes.div_ceil(LANES)];
    model.add(
        features::key(template, a, ""),
        &mut w.as_flattened_mut()[..classes],
    );
    w
}

/// The forms of one text.
struct Forms<'t> {
    classes: usize,
    /// Groups of `LANES` per class row.
    width: usize,
    /// Token text → form id.
    ids: HashMap<&'t str, u32, BuildHasherDefault<crate::hash::FxHasher>>,
    /// Per form and role, `width` groups of weights.
    weights: Vec<Lanes>,
    /// Per form, its id among the model's pair words, if any.
    pair_ids: Vec<Option<u32>>,
    /// Per form: a strongly negative word (for the density feature).
    negative: Vec<bool>,
    /// The form that stands for every form without weights, pair or
    /// negative valence, once one is met.
    unknown: Option<u32>,
}

impl<'t> Forms<'t> {
    fn new(_model: &Model, classes: usize) -> Forms<'t> {
        Forms {
            classes,
            width: classes.div_ceil(LANES),
            ids: HashMap::default(),
            weights: Vec::new(),
            pair_ids: Vec::new(),
            negative: Vec::new(),
            unknown: None,
        }
    }

    fn id(&mut self, model: &Model, token: &'t str) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let word = features::normalise(token);
        let mut id = self.add_word(model, token, &word);
        // A form the model knows nothing of (no weight in any role, no
        // pair, not negative) is the same as any other such form: they
        // share one, so a text of many distinct unknown words keeps 160
        // bytes of zeros for one, not each. See BENCHMARKS.md#t-unknown-forms.
        let at = id as usize * ROLES * self.width;
        let empty = self.pair_ids[id as usize].is_none()
            && !self.negative[id as usize]
            && (self.weights[at..].as_flattened().iter()).all(|w| w.to_bits() == 0);
        if empty {
            match self.unknown {
                Some(unknown) => {
                    self.weights.truncate(at);
                    self.pair_ids.pop();
                    self.negative.pop();
                    id = unknown;
                }
                None => self.unknown = Some(id),
            }
        }
        self.ids.insert(token, id);
        id
    }

    /// A new form: `token` as written, `word` normalised.
    fn add_word(&mut self, model: &Model, token: &str, word: &str) -> u32 {
        let id = self.pair_ids.len() as u32;
        let mut w = vec![[0.0; LANES]; self.width * ROLES];
        let (own, rest) = w.split_at_mut(self.width);
        let own = &mut own.as_flattened_mut()[..self.classes];
        model.add(features::key(Template::Word, word, ""), own);
        model.add(features::key(Template::Stem, features::stem(word), ""), own);
        if let Some(ending) = features::ending(word) {
            model.add(features::key(Template::Ending, ending, ""), own);
        }
        if let Some(prefix) = features::prefix(word) {
            model.add(features::key(Template::Prefix, prefix, ""), own);
        }
        let shape = features::shape(token);
        if !shape.is_empty() {
            model.add(features::key(Template::Shape, shape, ""), own);
        }
        let valence = model.valence.get(word);
        if let Some(bucket) = valence {
            model.add(features::key(Template::Valence, bucket, ""), own);
        }
        let roles = [
            (Template::Before, Some(Template::ValenceBefore)),
            (Template::Before2, None),
            (Template::After, Some(Template::ValenceAfter)),
            (Template::After2, None),
        ];
        for ((template, valence_template), slot) in
            roles.into_iter().zip(rest.chunks_mut(self.width))
        {
            let slot = &mut slot.as_flattened_mut()[..self.classes];
            model.add(features::key(template, word, ""), slot);
            if let (Some(t), Some(bucket)) = (valence_template, valence) {
                model.add(features::key(t, bucket, ""), slot);
            }
        }
        self.weights.extend(w);
        self.pair_ids.push(model.pair_id(word));
        self.negative.push(matches!(valence, Some("-3" | "-2")));
        id
    }

    fn add(&self, row: &mut [Lanes], form: u32, role: Role) {
        let at = (form as usize * ROLES + role as usize) * self.width;
        add(row, &self.weights[at..at + self.width]);
    }

    fn add_pair(&self, model: &Model, row: &mut [f32], template: Template, a: u32, b: u32) {
        if let (Some(a), Some(b)) = (self.pair_ids[a as usize], self.pair_ids[b as usize]) {
            model.add_pair(template, a, b, row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_the_model_does_not_know_share_one_form() {
        let model = crate::learned::model::builtin();
        let mut forms = Forms::new(model, model.classes.len());
        let unknown = forms.id(model, "zqxjv");
        assert_eq!(forms.id(model, "qvzkw"), unknown);
        assert_eq!(forms.id(model, "wxqzj"), unknown);
        assert_ne!(forms.id(model, "vile"), unknown);
        assert_eq!(forms.pair_ids.len(), 2);
    }

    #[test]
    fn rows_end_full_where_every_word_has_one() {
        let model = crate::learned::model::builtin();
        let text = "a b ".repeat(1000);
        let tokens = features::tokenize(&text);
        let (quoted, places) = (vec![false; tokens.len()], vec![Place::None; tokens.len()]);
        // Every word's row is kept below any sum.
        let scores = probabilities(model, &text, &tokens, &quoted, &places, f32::MIN);
        assert_eq!(scores.lit.len(), 2000);
        assert_eq!(scores.lit.capacity(), 2000);
        assert_eq!(scores.rows.capacity(), scores.rows.len());
    }
}
