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
//! - `calibrate  <class>  <probability>  <agreement>`: a class's calibration
//!   knots, in rising order: of the held-out flags whose surest word had
//!   about that probability, that share lay on text annotators had marked
//!   (a flag's confidence, [`Class::confidence`]);
//! - `trade_off  <sensitivity>  <precision>  <recall>`: what the
//!   sensitivity trades for the first class (loaded language and
//!   name-calling, with the curated lexicon's flags), measured on held-out
//!   articles; at rising sensitivities;
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
//! Measured: BENCHMARKS.md#t-model-u32-maps, BENCHMARKS.md#t-model-from-packed.

use super::features::{self, Template};
use super::packed::{pack, Packed, Unpacked};
use crate::category::Category;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The uses a word needs in the training articles, and the share of them
/// annotators marked it in, for its evidence to hold back a curated flag
/// ([`Model::rarely_marked`]). Chosen by 5-fold cross-validation on the PTC
/// training split (BENCHMARKS.md#t-corpus-evidence).
pub const EVIDENCE_USES: u32 = 5;
pub const EVIDENCE_SHARE: f32 = 0.1;

/// A technique of the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Technique {
    /// As the corpus names it: "Loaded_Language".
    pub name: String,
    pub category: Category,
}

/// One logistic model: the techniques it finds (indices into
/// `Model::techniques`), its threshold, and its calibration.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub techniques: Vec<usize>,
    pub threshold: f32,
    /// (probability, agreement) knots, probabilities rising, agreement
    /// never falling; empty for a class without them.
    pub calibration: Vec<(f32, f32)>,
}

impl Class {
    /// How sure a flag whose surest word has probability `peak` is: the
    /// share of such flags that annotators of held-out articles agreed with,
    /// read off the calibration knots (straight lines between them, flat
    /// beyond the first and the last); the probability itself for a class
    /// without knots. The model's probability is a word's, among words;
    /// this is a flag's, among flags, which is what a reader asks.
    pub fn confidence(&self, peak: f32) -> f32 {
        let knots = &self.calibration;
        let after = knots.partition_point(|k| k.0 <= peak);
        match (
            after.checked_sub(1).map(|i| knots[i]),
            knots.get(after).copied(),
        ) {
            (None, None) => peak,
            (Some(k), None) | (None, Some(k)) => k.1,
            (Some(a), Some(b)) => a.1 + (b.1 - a.1) * (peak - a.0) / (b.0 - a.0),
        }
    }
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
    /// (sensitivity, precision, recall) for the first class, on held-out
    /// articles: what the page's sensitivity slider trades.
    pub trade_offs: Vec<(f32, f32, f32)>,
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

/// Trade-offs from hundredths and thousandths.
fn trade_offs(rows: &[(u16, u16, u16)]) -> Vec<(f32, f32, f32)> {
    rows.iter()
        .map(|&(s, p, r)| {
            (
                f32::from(s) / 100.0,
                f32::from(p) / 1000.0,
                f32::from(r) / 1000.0,
            )
        })
        .collect()
}

/// The model compiled into the core: `models/learned.tsv` as `build.rs`
/// packed it (see `packed.rs`).
pub fn builtin() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| {
        let packed = include_bytes!(concat!(env!("OUT_DIR"), "/learned.bin"));
        Packed::read(packed)
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

    /// A model from its file's text (what `slant train` writes), packed and
    /// read as the compiled-in one is, so both are built by one path.
    pub fn parse(text: &str) -> Result<Model, String> {
        Model::build(Packed::read(&pack(&Unpacked::from_text(text)?))?)
    }

    /// The techniques, classes and extend ratio, checked; no features yet.
    fn header(
        techniques: Vec<(String, String)>,
        classes: Vec<(Vec<usize>, u16)>,
        calibration: Vec<Vec<(u16, u16)>>,
        extend: u16,
    ) -> Result<Model, String> {
        let mut model = Model {
            extend: f32::from(extend) / 100.0,
            ..Model::default()
        };
        for (name, category) in techniques {
            let category = Category::from_key(&category)
                .ok_or_else(|| format!("model: unknown category `{category}`"))?;
            model.techniques.push(Technique { name, category });
        }
        if calibration.len() != classes.len() {
            return Err("model: calibration for each class".into());
        }
        for ((techniques, threshold), knots) in classes.into_iter().zip(calibration) {
            if techniques.iter().any(|&t| t >= model.techniques.len()) {
                return Err("model: a class of an unknown technique".into());
            }
            let rising = knots
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1);
            if !rising || knots.iter().any(|k| k.0 > 1000 || k.1 > 1000) {
                return Err("model: calibration knots rise, up to 1".into());
            }
            let thousandths = |n: u16| f32::from(n) / 1000.0;
            model.classes.push(Class {
                techniques,
                threshold: thousandths(threshold),
                calibration: knots
                    .into_iter()
                    .map(|(p, a)| (thousandths(p), thousandths(a)))
                    .collect(),
            });
        }
        Ok(model)
    }

    /// Builds the model straight from the packed columns: keys hashed from
    /// the string table's slices, weights written in place, every map sized
    /// once, and a `String` only per word a map keeps (a distinct pair word,
    /// a counted word, a valence word). Going through [`Unpacked`] instead
    /// (a `String` per feature's strings, a `Vec` per feature's weights)
    /// cost 70.0 M instructions at start-up against 20.8 M, the packed
    /// reading included (BENCHMARKS.md#t-model-from-packed); that path
    /// stays as the tests' oracle.
    fn build(mut packed: Packed) -> Result<Model, String> {
        let mut model = Model::header(
            std::mem::take(&mut packed.techniques),
            std::mem::take(&mut packed.classes),
            std::mem::take(&mut packed.calibration),
            packed.extend,
        )?;
        model.trade_offs = trade_offs(&packed.trade_offs);
        let p = &packed;
        let n = p.templates.len();
        let classes = model.classes.len();
        let size = n.checked_mul(classes).filter(|&s| u32::try_from(s).is_ok());
        let size = size.ok_or("model: too large")?;
        // A pair word's number is its index in the string table (sorted, so
        // under 2^29 fits `pair_key`); `is_pair` marks the ones in use.
        if p.strings.len() >= 1 << 29 {
            return Err("model: too large".into());
        }
        let mut is_pair = vec![false; p.strings.len()];
        let mut pairs = 0;
        model.rows.reserve(n);
        for (i, &template) in p.templates.iter().enumerate() {
            let template = *Template::ALL
                .get(usize::from(template))
                .ok_or("model: an unknown template")?;
            let (a, b) = (p.firsts[i], p.seconds[i]);
            let row = (i * classes) as u32;
            if matches!(template, Template::PairBefore | Template::PairAfter) {
                is_pair[a as usize] = true;
                is_pair[b as usize] = true;
                pairs += 1;
            }
            let (a, b) = (p.string(a), p.string(b));
            if model
                .rows
                .insert(features::key(template, a, b), row)
                .is_some()
            {
                return Err(format!(
                    "model: feature {} `{a}` `{b}` listed twice",
                    template.name()
                ));
            }
        }
        model.weights = vec![0.0; size];
        for (class, column) in p.weights.chunks_exact(n.max(1)).enumerate() {
            for (row, &w) in model.weights.chunks_exact_mut(classes.max(1)).zip(column) {
                row[class] = f32::from(w as i8) / 10.0;
            }
        }
        model.pairs.reserve(pairs);
        for (i, &template) in p.templates.iter().enumerate() {
            let template = Template::ALL[usize::from(template)];
            if matches!(template, Template::PairBefore | Template::PairAfter) {
                let key = pair_key(template, p.firsts[i], p.seconds[i]);
                model.pairs.insert(key, (i * classes) as u32);
            }
        }
        model
            .pair_words
            .reserve(is_pair.iter().filter(|&&x| x).count());
        for (i, _) in is_pair.iter().enumerate().filter(|(_, &x)| x) {
            model
                .pair_words
                .insert(p.string(i as u32).to_string(), i as u32);
        }

        let techniques = model.techniques.len();
        let counted = p.count_words.len();
        model.counts.reserve(counted);
        model.count_rows.reserve(counted);
        for (j, (&word, &uses)) in p.count_words.iter().zip(&p.uses).enumerate() {
            let marked = (0..techniques).map(|t| p.marked[t * counted + j]).collect();
            model.counts.insert(p.string(word).to_string(), j as u32);
            model.count_rows.push(Counts { uses, marked });
        }
        model.valence.reserve(p.valence_words.len());
        for (&word, &bucket) in p.valence_words.iter().zip(p.buckets) {
            model.valence.insert_bucket(p.string(word), bucket as i8)?;
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

    /// Class `class`'s weight of feature `key` (0 if the model lacks it).
    #[inline]
    pub fn weight(&self, key: u64, class: usize) -> f32 {
        self.rows
            .get(&key)
            .map_or(0.0, |&row| self.weights[row as usize + class])
    }

    /// Whether the model grows its first class's spans into phrases (it
    /// has the growth features, `features::each_growth_feature`).
    pub fn grows(&self) -> bool {
        let key = |direction| features::key(Template::GrowBias, direction, "");
        self.rows.contains_key(&key("R")) || self.rows.contains_key(&key("L"))
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

    /// Whether the annotators of the training articles rarely marked the
    /// one word `phrase` is: used at least [`EVIDENCE_USES`] times and
    /// marked (with any technique) in under [`EVIDENCE_SHARE`] of its uses.
    /// Where the corpus says so of a curated entry ("regime": marked in 8 of
    /// 135 uses), its flags are held back at the default sensitivity. A
    /// phrase of several words is not judged by its words ("enough said"
    /// is a cliché though "said" is rarely marked), nor a word the model has
    /// no counts of.
    pub fn rarely_marked(&self, phrase: &str) -> bool {
        let tokens = features::tokenize(phrase);
        let [token] = tokens[..] else {
            return false;
        };
        let word = features::normalise(&phrase[token.range()]);
        if !token.word() || features::is_function_word(&word) {
            return false;
        }
        self.counts(&word).is_some_and(|counts| {
            let marked = counts.marked.iter().sum::<u32>().min(counts.uses);
            counts.uses >= EVIDENCE_USES && (marked as f32) < EVIDENCE_SHARE * counts.uses as f32
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_is_as_sure_as_the_calibration_says_between_its_knots() {
        let class = |calibration: Vec<(f32, f32)>| Class {
            techniques: vec![0],
            threshold: 0.2,
            calibration,
        };
        // No knots: the model's probability as it is.
        assert_eq!(class(vec![]).confidence(0.73), 0.73);
        let calibrated = class(vec![(0.1, 0.15), (0.3, 0.25), (0.9, 0.55)]);
        // Flat beyond the first and the last knot, straight between them.
        assert_eq!(calibrated.confidence(0.02), 0.15);
        assert_eq!(calibrated.confidence(0.99), 0.55);
        assert!((calibrated.confidence(0.2) - 0.2).abs() < 1e-6);
        assert!((calibrated.confidence(0.6) - 0.4).abs() < 1e-6);
        assert_eq!(calibrated.confidence(0.3), 0.25);
        // Never falling as the probability rises.
        let steps: Vec<f32> = (0..=100)
            .map(|i| calibrated.confidence(i as f32 / 100.0))
            .collect();
        assert!(steps.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn the_compiled_in_model_says_what_the_sensitivity_trades() {
        let rows = &builtin().trade_offs;
        assert_eq!(rows.len(), 5, "{rows:?}");
        // More flags: recall rises, and at the most flags precision is lowest.
        assert!(
            rows.windows(2).all(|w| w[0].0 < w[1].0 && w[0].2 <= w[1].2),
            "{rows:?}"
        );
        let lowest = rows.iter().map(|r| r.1).fold(1.0, f32::min);
        assert_eq!(rows[4].1, lowest, "{rows:?}");
        let public = crate::learned::trade_offs();
        assert_eq!(public[2].sensitivity, 0.5);
        assert!((public[2].recall - f64::from(rows[2].2)).abs() < 1e-6);
    }

    #[test]
    fn the_compiled_in_model_has_calibrated_classes_where_it_flags() {
        // Every class the model can flag with says how sure its flags are.
        for class in &builtin().classes {
            assert_eq!(class.threshold < 1.0, !class.calibration.is_empty());
        }
    }

    #[test]
    fn a_word_annotators_rarely_marked_is_one_used_often_and_seldom_marked() {
        let model = Model::parse(
            "technique\tLoaded_Language\temotive\n\
             technique\tDoubt\tdoubt\n\
             class\tLoaded_Language\t0.5\n\
             class\tDoubt\t0.5\n\
             word\tthugs\t\t20\t0\n\
             count\tregime\t152\t4\t2\n\
             count\tthugs\t10\t8\t0\n\
             count\tcrony\t4\t0\t0\n\
             count\tborderline\t20\t1\t1\n",
        )
        .unwrap();
        // 6 of 152 uses (both techniques counted), "Regime" as written.
        assert!(model.rarely_marked("regime"));
        assert!(model.rarely_marked("Regime"));
        // Marked often; too few uses; exactly the share (2 of 20); unknown.
        assert!(!model.rarely_marked("thugs"));
        assert!(!model.rarely_marked("crony"));
        assert!(!model.rarely_marked("borderline"));
        assert!(!model.rarely_marked("zqxv"));
        // A phrase is not judged by its words, nor a function word.
        assert!(!model.rarely_marked("regime regime"));
        assert!(!model.rarely_marked("the"));
    }

    /// The model as it was built before [`Model::build`] read the packed
    /// columns: from [`Unpacked`], feature by feature, pair words numbered
    /// in order of appearance. Kept as the oracle of the fast build.
    fn build_unpacked(unpacked: Unpacked) -> Result<Model, String> {
        let mut model = Model::header(
            unpacked.techniques,
            unpacked.classes,
            unpacked.calibration,
            unpacked.extend,
        )?;
        model.trade_offs = trade_offs(&unpacked.trade_offs);
        let classes = model.classes.len();
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
                return Err(format!("model: feature {} listed twice", template.name()));
            }
            model
                .weights
                .extend(weights.iter().map(|&w| f32::from(w) / 10.0));
        }
        for (word, uses, marked) in unpacked.counts {
            let row = model.count_rows.len() as u32;
            model.count_rows.push(Counts { uses, marked });
            model.counts.insert(word, row);
        }
        for (word, bucket) in unpacked.valence {
            model.valence.insert(&word, &bucket.to_string())?;
        }
        Ok(model)
    }

    /// The weights a model adds for feature `template a b`, bit for bit
    /// (through its pair numbers for a pair feature, as `score.rs` asks).
    fn weights_of(model: &Model, template: Template, a: &str, b: &str) -> Vec<u32> {
        let mut scores = vec![0.0f32; model.classes.len()];
        model.add(features::key(template, a, b), &mut scores);
        if matches!(template, Template::PairBefore | Template::PairAfter) {
            let mut pair = vec![0.0f32; model.classes.len()];
            if let (Some(x), Some(y)) = (model.pair_id(a), model.pair_id(b)) {
                model.add_pair(template, x, y, &mut pair);
            }
            assert_eq!(
                pair.iter().map(|w| w.to_bits()).collect::<Vec<_>>(),
                scores.iter().map(|w| w.to_bits()).collect::<Vec<_>>(),
                "{} `{a}` `{b}` by pair numbers",
                template.name()
            );
        }
        scores.iter().map(|w| w.to_bits()).collect()
    }

    /// The compiled-in model, built from the packed bytes, equals the model
    /// built from `models/learned.tsv` feature by feature the old way: the
    /// same techniques, classes, weights (to the bit), pairs, counts and
    /// valence, and nothing more.
    #[test]
    fn the_model_built_from_the_packed_bytes_is_the_model_file() {
        let text = include_str!("../../models/learned.tsv");
        let unpacked = Unpacked::from_text(text).unwrap();
        let features = unpacked.features.clone();
        let counts = unpacked.counts.clone();
        let valence = unpacked.valence.clone();
        let oracle = build_unpacked(unpacked).unwrap();
        for model in [builtin(), &Model::parse(text).unwrap()] {
            assert_eq!(model.techniques, oracle.techniques);
            assert_eq!(model.classes, oracle.classes);
            assert_eq!(model.extend.to_bits(), oracle.extend.to_bits());
            assert_eq!(model.features(), oracle.features());
            assert_eq!(model.pairs.len(), oracle.pairs.len());
            assert_eq!(model.pair_words.len(), oracle.pair_words.len());
            for (template, a, b, _) in &features {
                let template = Template::ALL[usize::from(*template)];
                assert_eq!(
                    weights_of(model, template, a, b),
                    weights_of(&oracle, template, a, b),
                    "{} `{a}` `{b}`",
                    template.name()
                );
            }
            for (word, _, _) in &counts {
                assert_eq!(model.counts(word), oracle.counts(word), "{word}");
            }
            assert_eq!(model.counts.len(), oracle.counts.len());
            assert_eq!(model.valence.entries(), oracle.valence.entries());
            for (word, _) in &valence {
                assert_eq!(model.valence.get(word), oracle.valence.get(word));
            }
            for word in ["", "zzzz-not-a-word", "the"] {
                assert_eq!(model.counts(word), oracle.counts(word));
                assert_eq!(
                    model.pair_id(word).is_some(),
                    oracle.pair_id(word).is_some()
                );
            }
        }
    }

    #[test]
    fn a_bad_valence_bucket_is_an_error() {
        let mut valence = features::Valence::default();
        for bucket in [-4, 0, 4] {
            assert!(valence.insert_bucket("x", bucket).is_err());
        }
        for bucket in [-3i8, -2, -1, 1, 2, 3] {
            valence.insert_bucket("x", bucket).unwrap();
            assert_eq!(valence.get("x"), Some(bucket.to_string()).as_deref());
        }
    }
}
