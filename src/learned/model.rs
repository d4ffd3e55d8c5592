//! The learned model: logistic models over the features of `features.rs`,
//! one per class (a technique, or techniques found together), plus how often
//! annotators marked each common word with each technique, for the
//! explanations. It is a text file, `models/learned.tsv`,
//! written by `slant train` and compiled into the core; its header says what
//! it was trained on and how.
//!
//! Lines are tab-separated:
//! - `technique  <name>  <category>`: a technique of the corpus and the
//!   category its flags take, in the order the `count` columns follow;
//! - `class  <name>[+<name>…]  <threshold>`: one per model, in the order the
//!   weight columns follow: the techniques it finds, and the probability at
//!   which a word is flagged at the default sensitivity. A class of several
//!   techniques flags each span as the one its surest word was most often
//!   marked with;
//! - `extend  <ratio>`: neighbours join a flagged word's span while their
//!   probability is at least this share of the threshold;
//! - `<template>  <a>  <b>  <w1> … <wn>`: a feature's weights, one per
//!   class, in tenths (−128 to 127);
//! - `count  <word>  <uses>  <m1> … <mn>`: a word's uses in the training
//!   articles and how many of them annotators marked with each technique;
//! - `valence_of  <word>  <bucket>`: a word's sentiment bucket (−3 … 3) from a
//!   public sentiment word list, which the `valence` features read;
//! - lines starting with `#` are comments.
//!
//! Measured: BENCHMARKS.md#t-model-u32-maps.

use super::features::{self, Template};
use super::packed::Unpacked;
use crate::category::Category;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A technique of the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Technique {
    /// As the corpus names it: "Loaded_Language".
    pub name: String,
    pub category: Category,
}

/// One logistic model: the techniques it finds (indices into
/// `Model::techniques`) and its threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub techniques: Vec<usize>,
    pub threshold: f32,
}

/// How often annotators marked a word.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    pub uses: u32,
    /// Per technique.
    pub marked: Vec<u32>,
}

#[derive(Debug, Default)]
pub struct Model {
    pub techniques: Vec<Technique>,
    pub classes: Vec<Class>,
    pub extend: f32,
    /// Feature key → index of its first weight in `weights`.
    rows: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    weights: Vec<f32>,
    /// Word → its row in `count_rows`. Every string-keyed map of the model
    /// maps to a `u32`, so the WASM holds one copy of the map's code.
    counts: HashMap<String, u32>,
    count_rows: Vec<Counts>,
    pub valence: features::Valence,
    /// The strings of pair features, numbered, and the pairs by number: a
    /// text's words look their pairs up by two integers (see `score.rs`).
    pair_words: HashMap<String, u32>,
    pairs: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
}

/// Feature keys are hashes already: the map uses them as they are.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

/// The model compiled into the core: `models/learned.tsv` as `build.rs`
/// packed it (see `packed.rs`).
pub fn builtin() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| {
        let packed = include_bytes!(concat!(env!("OUT_DIR"), "/learned.bin"));
        Unpacked::read(packed)
            .and_then(Model::build)
            .expect("the compiled-in model is checked by its tests")
    })
}

impl Model {
    /// A model with no classes: it flags nothing.
    pub fn empty() -> &'static Model {
        static EMPTY: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        EMPTY.get_or_init(Model::default)
    }

    /// A model from its file's text (what `slant train` writes).
    pub fn parse(text: &str) -> Result<Model, String> {
        Model::build(Unpacked::from_text(text)?)
    }

    fn build(unpacked: Unpacked) -> Result<Model, String> {
        let mut model = Model {
            extend: f32::from(unpacked.extend) / 100.0,
            ..Model::default()
        };
        for (name, category) in unpacked.techniques {
            let category = Category::from_key(&category)
                .ok_or_else(|| format!("model: unknown category `{category}`"))?;
            model.techniques.push(Technique { name, category });
        }
        for (techniques, threshold) in unpacked.classes {
            if techniques.iter().any(|&t| t >= model.techniques.len()) {
                return Err("model: a class of an unknown technique".into());
            }
            model.classes.push(Class {
                techniques,
                threshold: f32::from(threshold) / 1000.0,
            });
        }
        let classes = model.classes.len();
        // Sized once: growing the maps row by row rehashed them a dozen
        // times while the page's worker started.
        model.rows.reserve(unpacked.features.len());
        model.weights.reserve(unpacked.features.len() * classes);
        model.counts.reserve(unpacked.counts.len());
        model.count_rows.reserve(unpacked.counts.len());
        for (template, a, b, weights) in unpacked.features {
            let template = Template::ALL
                .get(usize::from(template))
                .ok_or("model: an unknown template")?;
            if weights.len() != classes {
                return Err("model: a feature without one weight per class".into());
            }
            let row = u32::try_from(model.weights.len()).map_err(|_| "model: too large")?;
            if matches!(template, Template::PairBefore | Template::PairAfter) {
                let mut number = |word: &str| {
                    let next = model.pair_words.len() as u32;
                    *model.pair_words.entry(word.to_string()).or_insert(next)
                };
                let key = pair_key(*template, number(&a), number(&b));
                model.pairs.insert(key, row);
            }
            if model
                .rows
                .insert(features::key(*template, &a, &b), row)
                .is_some()
            {
                return Err(format!(
                    "model: feature {} `{a}` `{b}` listed twice",
                    template.name()
                ));
            }
            model
                .weights
                .extend(weights.iter().map(|&w| f32::from(w) / 10.0));
        }
        for (word, uses, marked) in unpacked.counts {
            if marked.len() != model.techniques.len() {
                return Err("model: a count without one number per technique".into());
            }
            let row = model.count_rows.len() as u32;
            model.count_rows.push(Counts { uses, marked });
            model.counts.insert(word, row);
        }
        for (word, bucket) in unpacked.valence {
            model.valence.insert(&word, &bucket.to_string())?;
        }
        Ok(model)
    }

    /// Adds the weights of feature `key`, if the model has it, to `scores`.
    #[inline]
    pub fn add(&self, key: u64, scores: &mut [f32]) {
        if let Some(&row) = self.rows.get(&key) {
            let row = row as usize;
            for (score, w) in scores.iter_mut().zip(&self.weights[row..]) {
                *score += w;
            }
        }
    }

    /// The number of `word` among the strings of pair features.
    pub fn pair_id(&self, word: &str) -> Option<u32> {
        self.pair_words.get(word).copied()
    }

    /// Adds the weights of the pair feature `template` of words numbered
    /// `a` and `b` (see [`Model::pair_id`]), if the model has it.
    #[inline]
    pub fn add_pair(&self, template: Template, a: u32, b: u32, scores: &mut [f32]) {
        if let Some(&row) = self.pairs.get(&pair_key(template, a, b)) {
            let row = row as usize;
            for (score, w) in scores.iter_mut().zip(&self.weights[row..]) {
                *score += w;
            }
        }
    }

    pub fn counts(&self, word: &str) -> Option<&Counts> {
        self.counts
            .get(word)
            .map(|&row| &self.count_rows[row as usize])
    }

    pub fn features(&self) -> usize {
        self.rows.len()
    }
}

/// A pair feature's key from its template and its two words' numbers,
/// spread by a multiplication so the identity-hashed map's low bits vary.
fn pair_key(template: Template, a: u32, b: u32) -> u64 {
    let packed = (template as u64) << 58 | u64::from(a) << 29 | u64::from(b);
    packed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The logistic function.
pub fn probability(score: f32) -> f32 {
    1.0 / (1.0 + (-score).exp())
}
