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
//!   class, in hundredths;
//! - `count  <word>  <uses>  <m1> … <mn>`: a word's uses in the training
//!   articles and how many of them annotators marked with each technique;
//! - `valence_of  <word>  <bucket>`: a word's sentiment bucket (−3 … 3) from a
//!   public sentiment word list, which the `valence` features read;
//! - lines starting with `#` are comments.

use super::features::{self, Template};
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
    counts: HashMap<String, Counts>,
    pub valence: features::Valence,
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

/// The model compiled into the core.
pub fn builtin() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| {
        Model::parse(include_str!("../../models/learned.tsv"))
            .expect("the compiled-in model is checked by its tests")
    })
}

impl Model {
    /// A model with no classes: it flags nothing.
    pub fn empty() -> &'static Model {
        static EMPTY: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        EMPTY.get_or_init(Model::default)
    }

    pub fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model {
            extend: 1.0,
            ..Model::default()
        };
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |what: &str| format!("model line {}: {what}", n + 1);
            let fields: Vec<&str> = line.split('\t').collect();
            match fields[0] {
                "technique" => {
                    let [_, name, category] = fields[..] else {
                        return Err(fail("a technique has a name and a category"));
                    };
                    model.techniques.push(Technique {
                        name: name.to_string(),
                        category: Category::from_key(category)
                            .ok_or_else(|| fail("unknown category"))?,
                    });
                }
                "class" => {
                    let [_, names, threshold] = fields[..] else {
                        return Err(fail("a class has its techniques and a threshold"));
                    };
                    let techniques = names
                        .split('+')
                        .map(|name| {
                            model
                                .techniques
                                .iter()
                                .position(|t| t.name == name)
                                .ok_or_else(|| fail(&format!("unknown technique `{name}`")))
                        })
                        .collect::<Result<_, _>>()?;
                    model.classes.push(Class {
                        techniques,
                        threshold: threshold.parse().map_err(|_| fail("bad threshold"))?,
                    });
                }
                "valence_of" => {
                    let [_, word, bucket] = fields[..] else {
                        return Err(fail("a valence_of line has a word and a bucket"));
                    };
                    model.valence.insert(word, bucket).map_err(|e| fail(&e))?;
                }
                "extend" => {
                    model.extend = fields
                        .get(1)
                        .and_then(|r| r.parse().ok())
                        .ok_or_else(|| fail("bad extend ratio"))?;
                }
                "count" => {
                    let n = model.techniques.len();
                    if fields.len() != 3 + n {
                        return Err(fail("a count has a word, its uses and one count per class"));
                    }
                    let number = |s: &str| s.parse::<u32>().map_err(|_| fail("bad count"));
                    let marked = fields[3..]
                        .iter()
                        .map(|s| number(s))
                        .collect::<Result<_, _>>()?;
                    model.counts.insert(
                        fields[1].to_string(),
                        Counts {
                            uses: number(fields[2])?,
                            marked,
                        },
                    );
                }
                name => {
                    let template = Template::from_name(name)
                        .ok_or_else(|| fail(&format!("unknown line kind `{name}`")))?;
                    let n = model.classes.len();
                    if n == 0 || fields.len() != 3 + n {
                        return Err(fail("a feature has two strings and one weight per class"));
                    }
                    let key = features::key(template, fields[1], fields[2]);
                    let row = u32::try_from(model.weights.len()).map_err(|_| fail("too large"))?;
                    for w in &fields[3..] {
                        let hundredths: i32 = w.parse().map_err(|_| fail("bad weight"))?;
                        model.weights.push(hundredths as f32 / 100.0);
                    }
                    if model.rows.insert(key, row).is_some() {
                        return Err(fail("a feature listed twice"));
                    }
                }
            }
        }
        if model.classes.is_empty() {
            return Err("the model has no classes".into());
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

    pub fn counts(&self, word: &str) -> Option<&Counts> {
        self.counts.get(word)
    }

    pub fn features(&self) -> usize {
        self.rows.len()
    }
}

/// The logistic function.
pub fn probability(score: f32) -> f32 {
    1.0 / (1.0 + (-score).exp())
}
