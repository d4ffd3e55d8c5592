//! Training the learned detector (native only, never in the WASM): a
//! logistic model per technique, fitted by FTRL-proximal (McMahan et al.,
//! 2013) — online, with L1 and L2 regularisation, so most features end with
//! a weight of exactly zero and the model stays small. Deterministic: the
//! same articles give the same model file, byte for byte (articles in the
//! order given, tokens shuffled by a fixed-seed generator).
//!
//! Thresholds are chosen by cross-validation inside the training articles:
//! models fitted on four fifths score the fifth they did not see, and each
//! technique's threshold is the one whose spans score the best F1 there.

use super::features::{self, Document, Template, Valence};
use super::model::Model;
use super::Learned;
use crate::category::Category;
use crate::detect;
use crate::eval::metric::SpanScore;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::ops::Range;

/// An article and its annotated spans: (technique index, byte range).
pub struct Annotated {
    pub name: String,
    pub text: String,
    pub spans: Vec<(usize, Range<usize>)>,
}

/// The techniques the model learns from, with the category each flags as.
pub const TECHNIQUES: [(&str, Category); 7] = [
    ("Loaded_Language", Category::Emotive),
    ("Name_Calling,Labeling", Category::NameCalling),
    ("Doubt", Category::Doubt),
    ("Exaggeration,Minimisation", Category::Exaggeration),
    ("Appeal_to_fear-prejudice", Category::AppealToFear),
    ("Flag-Waving", Category::FlagWaving),
    ("Thought-terminating_Cliches", Category::ThoughtTerminating),
];

/// The models, each over techniques (indices into `TECHNIQUES`). Loaded
/// language and name-calling are found by one model: annotators often mark
/// the same words with either, and one model of both finds more of them
/// (cross-validated F1 0.300 against 0.292 for two) in a smaller file.
pub const CLASSES: [&[usize]; 6] = [&[0, 1], &[2], &[3], &[4], &[5], &[6]];

/// Class `class`'s techniques, as a bit set over `TECHNIQUES`.
fn class_bits(class: usize) -> u8 {
    CLASSES[class].iter().fold(0, |bits, t| bits | 1 << t)
}

/// Class `class`'s techniques by name, as the corpus names them.
fn class_techniques(class: usize) -> Vec<&'static str> {
    CLASSES[class].iter().map(|&t| TECHNIQUES[t].0).collect()
}

#[derive(Debug, Clone)]
pub struct Params {
    pub epochs: usize,
    pub alpha: f64,
    pub beta: f64,
    pub l1: f64,
    pub l2: f64,
    /// Features seen fewer times than this are not learned.
    pub min_count: u32,
    /// The same for context features (neighbours and pairs), which are
    /// many more and each seen less.
    pub min_count_context: u32,
    pub extend: f32,
    /// Folds inside the training articles for choosing thresholds (0: keep
    /// `default_threshold`).
    pub threshold_folds: usize,
    pub default_threshold: f32,
    /// A word's counts are kept for explanations from this many uses.
    pub min_uses: u32,
    /// L1 multipliers: for context features (neighbours and pairs), and for
    /// the classes other than the first.
    pub l1_context: f64,
    pub l1_minor: f64,
    /// The least precision a class's threshold may have (see
    /// `choose_thresholds`).
    pub min_precision: f64,
    /// The same for the classes other than the first, whose spans (whole
    /// clauses of doubt or fear) a few words can only partly cover.
    pub min_precision_minor: f64,
    /// Templates left out of the model.
    pub skip: Vec<Template>,
    /// Weights below this many tenths are dropped from the model file.
    pub prune: i32,
    /// Words of spans longer than this count less (see `token_labels_weighted`).
    pub long_span: usize,
    /// A word used more often than this in one article counts less there.
    pub topic_repeats: u32,
    /// A sentiment word list for the `valence` features (empty: none).
    pub valence: Valence,
    /// The growth model's decision threshold: a span takes in its neighbour
    /// where the probability that annotators' phrase goes on is at least
    /// this (1 or more: no growth model).
    pub grow: f64,
    /// The growth model's regularisation and passes.
    pub grow_l1: f64,
    pub grow_l2: f64,
    pub grow_epochs: usize,
}

/// The defaults are the best of a sweep scored by 5-fold cross-validation
/// on the PTC training split (loaded language and name-calling pooled): 16
/// epochs instead of 8 (F1 0.296 → 0.312), a word's own features learned
/// from one use with little L1 while context features keep theirs, and
/// spans grown over neighbours at a quarter of the threshold (→ 0.334).
/// Thresholds are chosen in 5 folds, not 3: with copies of a story kept in
/// one fold, 3 gave 0.345 and 5 gave 0.349, the inner models being closer
/// in size to the one the thresholds serve.
impl Default for Params {
    fn default() -> Params {
        Params {
            epochs: 16,
            alpha: 0.5,
            beta: 1.0,
            l1: 0.5,
            l2: 5.0,
            min_count: 1,
            min_count_context: 2,
            extend: 0.25,
            threshold_folds: 5,
            default_threshold: 0.2,
            min_uses: 2,
            long_span: 3,
            // 3, not 2: 18 KB less packed model for the same F1
            // (BENCHMARKS.md#t-prune-three).
            prune: 3,
            skip: Vec::new(),
            min_precision: 0.3,
            min_precision_minor: 0.15,
            l1_context: 6.0,
            l1_minor: 10.0,
            topic_repeats: u32::MAX,
            valence: Valence::default(),
            grow: 0.85,
            grow_l1: 5.0,
            grow_l2: 1.0,
            grow_epochs: 10,
        }
    }
}

impl Params {
    /// Sets one parameter from `name=value` (the CLI's `--param`).
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (name, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("`{assignment}`: expected name=value"))?;
        let bad = || format!("`{assignment}`: bad value");
        let float = |v: &str| v.parse::<f64>().map_err(|_| bad());
        let int = |v: &str| v.parse::<usize>().map_err(|_| bad());
        match name {
            "epochs" => self.epochs = int(value)?,
            "alpha" => self.alpha = float(value)?,
            "beta" => self.beta = float(value)?,
            "l1" => self.l1 = float(value)?,
            "l2" => self.l2 = float(value)?,
            "min_count" => self.min_count = int(value)? as u32,
            "min_count_context" => self.min_count_context = int(value)? as u32,
            "extend" => self.extend = float(value)? as f32,
            "threshold_folds" => self.threshold_folds = int(value)?,
            "default_threshold" => self.default_threshold = float(value)? as f32,
            "min_uses" => self.min_uses = int(value)? as u32,
            "long_span" => self.long_span = int(value)?,
            "prune" => self.prune = int(value)? as i32,
            "min_precision" => self.min_precision = float(value)?,
            "min_precision_minor" => self.min_precision_minor = float(value)?,
            "l1_context" => self.l1_context = float(value)?,
            "l1_minor" => self.l1_minor = float(value)?,
            "skip" => {
                self.skip = value
                    .split('+')
                    .filter(|n| !n.is_empty())
                    .map(|n| Template::from_name(n).ok_or_else(bad))
                    .collect::<Result<_, _>>()?
            }
            "topic_repeats" => self.topic_repeats = int(value)? as u32,
            "grow" => self.grow = float(value)?,
            "grow_l1" => self.grow_l1 = float(value)?,
            "grow_l2" => self.grow_l2 = float(value)?,
            "grow_epochs" => self.grow_epochs = int(value)?,
            other => return Err(format!("unknown training parameter `{other}`")),
        }
        Ok(())
    }
}

/// The strongest valence a word may have to be kept from the sentiment list:
/// only clearly negative words (−1.5 and below). Positive and mild words
/// added nothing to the cross-validated F1 and half the list's size.
pub const VALENCE_LIMIT: f32 = -1.5;

/// A sentiment word list in VADER's format: a word, its mean valence (−4 to
/// 4), then columns this ignores, tab-separated. Only plain lower-case words
/// at or below [`VALENCE_LIMIT`] are kept (no emoticons), each in its bucket.
pub fn read_valence(path: &std::path::Path) -> Result<Valence, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut valence = Valence::default();
    for line in text.lines() {
        let mut fields = line.split('\t');
        let (Some(word), Some(value)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Ok(value) = value.trim().parse::<f32>() else {
            continue;
        };
        let plain = word
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'');
        let kept = plain && word.len() > 1 && value <= VALENCE_LIMIT;
        if let (true, Some(bucket)) = (kept, Valence::bucket(value)) {
            valence.insert(word, bucket)?;
        }
    }
    if valence.is_empty() {
        return Err(format!("{}: no words with a valence", path.display()));
    }
    Ok(valence)
}

/// One token to learn from: its features (indices) and its classes (bits).
struct Example {
    features: Range<usize>,
    labels: u8,
    weights: [f32; CLASSES.len()],
}

/// The articles turned into examples.
struct Data {
    examples: Vec<Example>,
    feature_ids: Vec<u32>,
    /// Feature index → its template and strings.
    names: Vec<(Template, String, String)>,
    /// Per feature, how many tokens have it.
    seen: Vec<u32>,
    /// Normalised word → uses and marks per technique.
    counts: BTreeMap<String, (u32, [u32; TECHNIQUES.len()])>,
    /// The words of the curated lexicon's hits in the articles: their counts
    /// are kept, marked or not, as evidence for or against the entries.
    curated_words: std::collections::BTreeSet<String>,
}

fn prepare(articles: &[&Annotated], params: &Params) -> Data {
    let valence = &params.valence;
    let mut data = Data {
        examples: Vec::new(),
        feature_ids: Vec::new(),
        names: Vec::new(),
        seen: Vec::new(),
        counts: BTreeMap::new(),
        curated_words: Default::default(),
    };
    let mut index: HashMap<u64, u32> = HashMap::new();
    for article in articles {
        let mut document = document(&article.text);
        document.measure(valence);
        let (techniques, labels, weights) =
            token_labels_weighted(&document.tokens, &article.spans, params.long_span);
        for hit in crate::lexicon::Matcher::builtin().find(&article.text) {
            let crate::lexicon::EntryRef::Builtin(entry) = hit.entry else {
                continue;
            };
            if crate::lexicon::entry(entry).category.kind() != crate::Kind::LoadedLanguage {
                continue;
            }
            let phrase = &article.text[hit.range];
            for token in features::tokenize(phrase).iter().filter(|t| t.word()) {
                let word = features::normalise(&phrase[token.range()]);
                data.curated_words.insert(word.into_owned());
            }
        }
        // How often each word occurs in this article: a word an article
        // repeats is its topic, and weighs less, so that one article's topic
        // does not become a loaded word for all.
        let mut uses: HashMap<&str, u32> = HashMap::new();
        for (i, token) in document.tokens.iter().enumerate() {
            if token.word() {
                *uses.entry(document.words.at(i, 0)).or_default() += 1;
            }
        }
        for (i, token) in document.tokens.iter().enumerate() {
            if !token.word() {
                continue;
            }
            let repeats = uses[document.words.at(i, 0)];
            let topic_weight = if repeats > params.topic_repeats {
                (params.topic_repeats as f32 / repeats as f32).sqrt()
            } else {
                1.0
            };
            let weights: [f32; CLASSES.len()] = weights[i].map(|w| w * topic_weight);
            let start = data.feature_ids.len();
            document.each_feature(i, valence, |t, a, b| {
                if params.skip.contains(&t) {
                    return;
                }
                let key = features::key(t, a, b);
                let id = *index.entry(key).or_insert_with(|| {
                    data.names.push((t, a.to_string(), b.to_string()));
                    data.seen.push(0);
                    (data.names.len() - 1) as u32
                });
                data.seen[id as usize] += 1;
                data.feature_ids.push(id);
            });
            data.examples.push(Example {
                features: start..data.feature_ids.len(),
                labels: labels[i],
                weights,
            });
            let entry = data
                .counts
                .entry(document.words.at(i, 0).to_string())
                .or_insert((0, [0; TECHNIQUES.len()]));
            entry.0 += 1;
            for (technique, marked) in entry.1.iter_mut().enumerate() {
                *marked += u32::from(techniques[i] >> technique & 1);
            }
        }
    }
    data
}

/// An article as the detector sees it (with Slant's own quotations).
fn document(text: &str) -> Document<'_> {
    let inner: Vec<Range<usize>> = quotations_of(text)
        .iter()
        .map(|q| q.inner.clone())
        .collect();
    Document::new(text, &inner)
}

/// The top-level quotations Slant finds in a plain-text article.
fn quotations_of(text: &str) -> Vec<crate::segment::Quotation> {
    let document = crate::input::read(text, Some(crate::InputKind::Text));
    let segments = crate::segment::segment(text, &document.prose, document.headline.as_ref());
    segments.top_level().to_vec()
}

/// Per token: a bit per technique whose spans it overlaps, a bit per class,
/// and per class the weight of that example — a word of a span longer than
/// `long_span` words counts `long_span / length` (a long span's words are
/// mostly not the loaded ones).
fn token_labels_weighted(
    tokens: &[features::Token],
    spans: &[(usize, Range<usize>)],
    long_span: usize,
) -> (Vec<u8>, Vec<u8>, Vec<[f32; CLASSES.len()]>) {
    let mut techniques = vec![0u8; tokens.len()];
    let mut labels = vec![0u8; tokens.len()];
    let mut weights = vec![[1f32; CLASSES.len()]; tokens.len()];
    for (technique, span) in spans {
        let first = tokens.partition_point(|t| t.range().end <= span.start);
        let inside: Vec<usize> = (first..tokens.len())
            .take_while(|&i| tokens[i].range().start < span.end)
            .collect();
        let words = inside.iter().filter(|&&i| tokens[i].word()).count().max(1);
        let weight = if words > long_span {
            long_span as f32 / words as f32
        } else {
            1.0
        };
        for i in inside {
            techniques[i] |= 1 << technique;
            for class in (0..CLASSES.len()).filter(|&c| CLASSES[c].contains(technique)) {
                // A word in two spans of a class weighs as in the shorter.
                weights[i][class] = if labels[i] & 1 << class == 0 {
                    weight
                } else {
                    weights[i][class].max(weight)
                };
                labels[i] |= 1 << class;
            }
        }
    }
    (techniques, labels, weights)
}

/// Neighbour and pair features: the word's context, not the word.
fn is_context(template: Template) -> bool {
    matches!(
        template,
        Template::Before
            | Template::After
            | Template::Before2
            | Template::After2
            | Template::PairBefore
            | Template::PairAfter
    )
}

/// An FTRL-proximal weight from its accumulated gradient `z` and squared
/// gradients `sq`, with L1 `l1` and L2 `l2` (`params` gives α and β).
fn ftrl_weight(z: f64, sq: f64, l1: f64, l2: f64, params: &Params) -> f64 {
    if z.abs() <= l1 {
        0.0
    } else {
        -(z - z.signum() * l1) / ((params.beta + sq.sqrt()) / params.alpha + l2)
    }
}

/// Fisher-Yates with xorshift64*: a deterministic shuffle for each epoch.
fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng >> 12;
        *rng ^= *rng << 25;
        *rng ^= *rng >> 27;
        let j = (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// Fits the weights: FTRL-proximal, one logistic model per class.
fn fit(data: &Data, params: &Params) -> Vec<[f32; CLASSES.len()]> {
    const C: usize = CLASSES.len();
    let n = data.names.len();
    let usable: Vec<bool> = (data.seen.iter().zip(&data.names))
        .map(|(&seen, (template, _, _))| {
            seen >= if is_context(*template) {
                params.min_count_context
            } else {
                params.min_count
            }
        })
        .collect();
    let mut z = vec![[0f64; C]; n];
    let mut sq = vec![[0f64; C]; n];
    // L1 per feature and class: context features and the smaller classes
    // are held to a higher bar, which keeps the model file small.
    let l1: Vec<[f64; C]> = data
        .names
        .iter()
        .map(|(template, _, _)| {
            let context = is_context(*template);
            let base = params.l1 * if context { params.l1_context } else { 1.0 };
            std::array::from_fn(|class| {
                if class == 0 {
                    base
                } else {
                    base * params.l1_minor
                }
            })
        })
        .collect();
    let weight = |z: f64, sq: f64, l1: f64| ftrl_weight(z, sq, l1, params.l2, params);
    let mut order: Vec<usize> = (0..data.examples.len()).collect();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..params.epochs {
        shuffle(&mut order, &mut rng);
        for &e in &order {
            let example = &data.examples[e];
            let ids = &data.feature_ids[example.features.clone()];
            for class in 0..C {
                let mut score = 0.0;
                for &id in ids {
                    let id = id as usize;
                    if usable[id] {
                        score += weight(z[id][class], sq[id][class], l1[id][class]);
                    }
                }
                let p = 1.0 / (1.0 + (-score.clamp(-35.0, 35.0)).exp());
                let gradient = (p - f64::from(example.labels >> class & 1))
                    * f64::from(example.weights[class]);
                for &id in ids {
                    let id = id as usize;
                    if !usable[id] {
                        continue;
                    }
                    let w = weight(z[id][class], sq[id][class], l1[id][class]);
                    let sigma = ((sq[id][class] + gradient * gradient).sqrt()
                        - sq[id][class].sqrt())
                        / params.alpha;
                    z[id][class] += gradient - sigma * w;
                    sq[id][class] += gradient * gradient;
                }
            }
        }
    }
    (0..n)
        .map(|id| {
            let mut w = [0f32; C];
            if usable[id] {
                for class in 0..C {
                    w[class] = weight(z[id][class], sq[id][class], l1[id][class]) as f32;
                }
            }
            w
        })
        .collect()
}

/// The growth model: its features, each with its weight.
type Growth = Vec<((Template, String, String), f32)>;

/// Fits the growth model (see `features::each_growth_feature`) on the
/// first class's annotated spans: at every token of a span, whether the
/// span goes on to the next token and to the one before. FTRL-proximal
/// logistic regression, as `fit`; the decision threshold `params.grow` is
/// folded into the bias, so the detector grows a span where the weights sum
/// to 0 or more.
fn fit_growth(articles: &[&Annotated], params: &Params) -> Growth {
    if params.grow >= 1.0 || params.grow <= 0.0 {
        return Vec::new();
    }
    let mut index: HashMap<u64, u32> = HashMap::new();
    let mut names: Vec<(Template, String, String)> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    // (features, label)
    let mut examples: Vec<(Range<usize>, bool)> = Vec::new();
    for article in articles {
        let text = &article.text;
        let tokens = features::tokenize(text);
        let mut spans: Vec<Range<usize>> = (article.spans.iter())
            .filter(|(technique, _)| CLASSES[0].contains(technique))
            .map(|(_, span)| span.clone())
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        let spans = crate::eval::metric::merge(&spans);
        for span in spans {
            let first = tokens.partition_point(|t| t.range().end <= span.start);
            let last = tokens.partition_point(|t| t.range().start < span.end);

            for p in first..last {
                let steps = [
                    (p + 1 < tokens.len()).then(|| (p + 1, p + 1 - first, p + 1 < last)),
                    p.checked_sub(1).map(|q| (q, last - p, q >= first)),
                ];
                for (to, length, label) in steps.into_iter().flatten() {
                    // Where the detector never grows, nothing to learn.
                    let (a, b) = (p.min(to), p.max(to));
                    if super::breaks(text, &tokens, a, b) || super::stops(&text[tokens[to].range()])
                    {
                        continue;
                    }
                    let start = ids.len();
                    features::each_growth_feature(text, &tokens, (p, to), length, |t, a, b| {
                        if params.skip.contains(&t) {
                            return;
                        }
                        let id = *index.entry(features::key(t, a, b)).or_insert_with(|| {
                            names.push((t, a.to_string(), b.to_string()));
                            (names.len() - 1) as u32
                        });
                        ids.push(id);
                    });
                    examples.push((start..ids.len(), label));
                }
            }
        }
    }
    let n = names.len();
    let (mut z, mut sq) = (vec![0f64; n], vec![0f64; n]);
    let weight = |z: f64, sq: f64| ftrl_weight(z, sq, params.grow_l1, params.grow_l2, params);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..params.grow_epochs {
        shuffle(&mut order, &mut rng);
        for &e in &order {
            let (features, label) = &examples[e];
            let features = &ids[features.clone()];
            let score: f64 = features
                .iter()
                .map(|&i| weight(z[i as usize], sq[i as usize]))
                .sum();
            let p = 1.0 / (1.0 + (-score.clamp(-35.0, 35.0)).exp());
            let gradient = p - f64::from(u8::from(*label));
            for &i in features {
                let i = i as usize;
                let w = weight(z[i], sq[i]);
                let sigma = ((sq[i] + gradient * gradient).sqrt() - sq[i].sqrt()) / params.alpha;
                z[i] += gradient - sigma * w;
                sq[i] += gradient * gradient;
            }
        }
    }
    let threshold = (params.grow / (1.0 - params.grow)).ln();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let mut w = weight(z[i], sq[i]);
            if name.0 == Template::GrowBias {
                w -= threshold;
            }
            (name, w as f32)
        })
        .collect()
}

/// A model file's head: per class its threshold and its calibration knots
/// (see [`calibrate`]); and what the sensitivity trades for loaded language
/// and name-calling, (sensitivity, precision, recall) on held-out articles.
struct Head {
    thresholds: Vec<f32>,
    calibration: Vec<Vec<(f32, f32)>>,
    trade_offs: Vec<(f32, f32, f32)>,
}

/// The model file for `weights`, with `head`'s thresholds, calibration and
/// trade-offs.
fn write_model(
    data: &Data,
    (weights, growth): (&[[f32; CLASSES.len()]], &Growth),
    head: &Head,
    params: &Params,
    about: &str,
) -> String {
    let thresholds = &head.thresholds;
    let mut out = String::new();
    for line in about.lines() {
        writeln!(out, "# {line}").unwrap();
    }
    for (name, category) in TECHNIQUES {
        writeln!(out, "technique\t{name}\t{}", category.key()).unwrap();
    }
    for (class, threshold) in thresholds.iter().enumerate() {
        let names = class_techniques(class).join("+");
        writeln!(out, "class\t{names}\t{threshold:.3}").unwrap();
    }
    for (class, knots) in head.calibration.iter().enumerate() {
        let names = class_techniques(class).join("+");
        for (peak, agreement) in knots {
            writeln!(out, "calibrate\t{names}\t{peak:.3}\t{agreement:.3}").unwrap();
        }
    }
    for (sensitivity, precision, recall) in &head.trade_offs {
        writeln!(
            out,
            "trade_off\t{sensitivity:.2}\t{precision:.3}\t{recall:.3}"
        )
        .unwrap();
    }
    writeln!(out, "extend\t{:.2}", params.extend).unwrap();
    for (word, bucket) in params.valence.entries() {
        writeln!(out, "valence_of\t{word}\t{bucket}").unwrap();
    }
    type Row<'a> = (&'a (Template, String, String), Vec<i32>);
    let mut rows: Vec<Row> = data
        .names
        .iter()
        .zip(weights)
        .map(|(name, w)| {
            let tenths = w.iter().map(|x| {
                let h = ((x * 10.0).round() as i32).clamp(-128, 127);
                // Weights too small to matter are dropped: most of the
                // model's size, little of its score.
                if h.abs() < params.prune {
                    0
                } else {
                    h
                }
            });
            (name, tenths.collect())
        })
        .chain(growth.iter().map(|(name, w)| {
            // The growth model's one weight, in the first class's column.
            let h = ((w * 10.0).round() as i32).clamp(-128, 127);
            let h = if h.abs() < params.prune { 0 } else { h };
            let mut tenths = vec![0; CLASSES.len()];
            tenths[0] = h;
            (name, tenths)
        }))
        .filter(|(_, w): &(_, Vec<i32>)| w.iter().any(|&x| x != 0))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    // Counts explain flags, and a flag's surest word is one the model
    // weighs up on its own: only those words' counts are kept.
    let weighed_up: std::collections::HashSet<&str> = rows
        .iter()
        .filter(|((template, _, _), w)| *template == Template::Word && w.iter().any(|&x| x > 0))
        .map(|((_, a, _), _)| a.as_str())
        .collect();
    for ((template, a, b), w) in &rows {
        let w: Vec<String> = w.iter().map(i32::to_string).collect();
        writeln!(out, "{}\t{a}\t{b}\t{}", template.name(), w.join("\t")).unwrap();
    }
    for (word, (uses, marked)) in &data.counts {
        let explains = *uses >= params.min_uses
            && marked.iter().any(|&m| m > 0)
            && weighed_up.contains(word.as_str());
        let evidence = *uses >= super::model::EVIDENCE_USES && data.curated_words.contains(word);
        if explains || evidence {
            let marked: Vec<String> = marked.iter().map(u32::to_string).collect();
            writeln!(out, "count\t{word}\t{uses}\t{}", marked.join("\t")).unwrap();
        }
    }
    out
}

/// Trains a model on `articles` and returns its file. `about` heads it.
pub fn train(articles: &[&Annotated], params: &Params, about: &str) -> String {
    // Copies of one story share a fold, as in `slant eval`; where that
    // leaves one fold (a corpus of one story), there is nothing to hold out.
    let k = params.threshold_folds;
    let fold_of = (k >= 2 && articles.len() >= k)
        .then(|| {
            let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
            crate::eval::folds::assign(&texts, k)
        })
        .filter(|folds| folds.iter().any(|&f| f != folds[0]));
    let head = match fold_of {
        Some(fold_of) => choose_thresholds(articles, &fold_of, params),
        None => fixed_head(params),
    };
    let data = prepare(articles, params);
    let weights = fit(&data, params);
    let growth = fit_growth(articles, params);
    write_model(&data, (&weights, &growth), &head, params, about)
}

/// A threshold no probability reaches: the class flags nothing.
pub const OFF: f32 = 1.0;

/// Per class, the threshold whose spans score the best F1 on articles the
/// model scoring them was not trained on, among those whose precision is at
/// least `min_precision`; and, for the classes not left silent, how often
/// annotators agreed with those held-out flags by how sure the model was
/// ([`calibrate`]); and what the sensitivity trades for the first class.
fn choose_thresholds(articles: &[&Annotated], fold_of: &[usize], params: &Params) -> Head {
    let k = params.threshold_folds;
    let inner = Params {
        threshold_folds: 0,
        ..params.clone()
    };
    // Per article: its tokens' probabilities from the model that did not see
    // it, as the default sensitivity needs them (`held_out[0]`) and as the
    // most flags need them (`held_out[1]`, for the settings above the default).
    type Probabilities = Option<(Vec<features::Token>, Vec<f32>)>;
    let mut held_out: [Vec<Probabilities>; 2] =
        [vec![None; articles.len()], vec![None; articles.len()]];
    // Each fold's model, for its growth of spans.
    let mut models = Vec::with_capacity(k);
    for fold in 0..k {
        let train: Vec<&Annotated> = articles
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of[*i] != fold)
            .map(|(_, a)| *a)
            .collect();
        let model = Model::parse(&train_fixed(&train, &inner)).expect("a trained model parses");
        for (i, article) in articles
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of[*i] == fold)
        {
            held_out[0][i] = Some(probabilities(
                &model,
                &article.text,
                super::DEFAULT_SENSITIVITY,
            ));
            held_out[1][i] = Some(probabilities(&model, &article.text, 1.0));
        }
        models.push(model);
    }
    // The curated lexicon's flags stand beside the learned ones in the
    // report: thresholds are chosen for the two together.
    // As the detector makes them with the fold's model: those it holds
    // back left out, the others grown into phrases.
    // Above the default sensitivity the entries it holds back come back:
    // `curated[1]` has them, `curated[0]` not.
    let curated_with = |with_held_back: bool| -> Vec<Vec<(Category, Range<usize>)>> {
        (articles.iter().enumerate())
            .map(|(i, a)| {
                let model = &models[fold_of[i]];
                let mut flags = curated_flags(&a.text);
                flags.retain(|(_, r)| with_held_back || !model.rarely_marked(&a.text[r.clone()]));
                if model.grows() {
                    let mut ranges: Vec<Range<usize>> =
                        flags.iter().map(|(_, r)| r.clone()).collect();
                    super::grow_phrases(model, &a.text, &mut ranges, |_| true);
                    for ((_, r), grown) in flags.iter_mut().zip(ranges) {
                        *r = grown;
                    }
                }
                flags
            })
            .collect()
    };
    let curated = [curated_with(false), curated_with(true)];
    // One class's held-out spans at a threshold, settled as the detector
    // settles them beside the curated flags (the curated flag stands, a
    // learned span keeps its words outside it): the curated ranges, and the
    // learned spans with their surest word's probability.
    type Settled = (Vec<Range<usize>>, Vec<(Range<usize>, f32)>);
    // `above`: for a sensitivity above the default.
    let settled = |i: usize, class: usize, threshold: f32, above: bool| -> Settled {
        let (article, model) = (articles[i], &models[fold_of[i]]);
        let p = held_out[usize::from(above)][i]
            .as_ref()
            .expect("every article is held out once");
        let techniques = class_techniques(class);
        let fixed: Vec<Range<usize>> = curated[usize::from(above)][i]
            .iter()
            .filter(|(c, _)| {
                crate::eval::techniques_of(*c)
                    .iter()
                    .any(|t| techniques.contains(t))
            })
            .map(|(_, r)| r.clone())
            .collect();
        let learned = spans_at(
            &article.text,
            &p.0,
            &p.1,
            class,
            threshold,
            params.extend,
            (class == 0 && model.grows()).then_some(model),
        );
        let taken = crate::eval::metric::merge(&fixed);
        let kept = learned
            .into_iter()
            .filter_map(|(r, peak)| {
                let first = taken.partition_point(|t| t.end <= r.start);
                match crate::detect::outside(&article.text, &taken[first..], &r) {
                    crate::detect::Outside::Clear => Some((r, peak)),
                    crate::detect::Outside::Rest(rest) => Some((rest, peak)),
                    crate::detect::Outside::Covered => None,
                }
            })
            .collect();
        (fixed, kept)
    };
    let gold_of = |i: usize, class: usize| -> Vec<Range<usize>> {
        articles[i]
            .spans
            .iter()
            .filter(|(t, _)| class_bits(class) & 1 << t != 0)
            .map(|(_, r)| r.clone())
            .collect()
    };
    let candidates: Vec<f32> = (1..=30).map(|i| i as f32 * 0.02).collect();
    let thresholds: Vec<f32> = (0..CLASSES.len())
        .map(|class| {
            // Where no threshold is precise enough, the class stays silent.
            let mut best = (f64::MIN, OFF);
            for &threshold in &candidates {
                let mut score = SpanScore::default();
                for i in 0..articles.len() {
                    let (mut predicted, learned) = settled(i, class, threshold, false);
                    predicted.extend(learned.into_iter().map(|(r, _)| r));
                    score.add(&predicted, &gold_of(i, class));
                }
                // Flags a reader mostly disagrees with are worse than none:
                // only thresholds precise enough are candidates.
                let floor = if class == 0 {
                    params.min_precision
                } else {
                    params.min_precision_minor
                };
                if score.precision() >= floor && score.f1() > best.0 {
                    best = (score.f1(), threshold);
                }
            }
            best.1
        })
        .collect();
    let calibration = thresholds
        .iter()
        .enumerate()
        .map(|(class, &threshold)| {
            if threshold >= OFF {
                return Vec::new();
            }
            // The flags of the default sensitivity, and those only the most
            // flags shows, each as that setting shapes it.
            let lowest = super::at_sensitivity(threshold, 1.0);
            let mut flags = Vec::new();
            for i in 0..articles.len() {
                let gold = crate::eval::metric::merge(&gold_of(i, class));
                let at_default = settled(i, class, threshold, false).1;
                let below = settled(i, class, lowest, true).1;
                let below = below.into_iter().filter(|(_, peak)| *peak < threshold);
                for (r, peak) in at_default.into_iter().chain(below) {
                    flags.push((peak, agreement(&r, &gold)));
                }
            }
            calibrate(flags)
        })
        .collect();
    // What the sensitivity trades, for loaded language and name-calling:
    // each held-out article analysed as the page would, by its fold's
    // model with the thresholds chosen, at each of `TRADE_OFFS`.
    for model in &mut models {
        for (class, &threshold) in model.classes.iter_mut().zip(&thresholds) {
            class.threshold = threshold;
        }
    }
    let pooled = class_techniques(0);
    let trade_offs = TRADE_OFFS
        .iter()
        .map(|&sensitivity| {
            let options = crate::Options {
                sensitivity,
                ..crate::Options::default()
            };
            let mut score = SpanScore::default();
            for (i, article) in articles.iter().enumerate() {
                let predicted: Vec<Range<usize>> =
                    crate::eval::slant_spans(&article.text, &options, &models[fold_of[i]])
                        .into_iter()
                        .filter(|(technique, _, _)| pooled.contains(&technique.as_str()))
                        .map(|(_, range, _)| range)
                        .collect();
                score.add(&predicted, &gold_of(i, 0));
            }
            (sensitivity, score.precision() as f32, score.recall() as f32)
        })
        .collect();
    Head {
        thresholds,
        calibration,
        trade_offs,
    }
}

/// The sensitivities at which training measures precision and recall.
const TRADE_OFFS: [f32; 5] = [0.0, 0.25, 0.5, 0.75, 1.0];

/// 1 if annotators marked any of `span` (`gold` merged and sorted), else
/// 0: whether a reader would find the flag on something they marked.
fn agreement(span: &Range<usize>, gold: &[Range<usize>]) -> f64 {
    let first = gold.partition_point(|t| t.end <= span.start);
    f64::from(u8::from(
        gold.get(first).is_some_and(|t| t.start < span.end),
    ))
}

/// Held-out flags a knot stands for at least.
const FLAGS_PER_KNOT: usize = 40;

/// Knots (probability, agreement) from held-out flags (the surest word's
/// probability, whether annotators marked it): the flags sorted by
/// probability and grouped by whole steps of log-odds (…, 0.12–0.27,
/// 0.27–0.5, 0.5–0.73, 0.73–0.88, …), a group of fewer than
/// [`FLAGS_PER_KNOT`] joining the next; then neighbouring groups pooled
/// until agreement never falls as probability rises
/// (pool-adjacent-violators, an isotonic regression), each knot the mean of
/// its flags. A flag's confidence is then read off these, so that "30%
/// sure" means annotators marked about three in ten such flags.
fn calibrate(mut flags: Vec<(f32, f64)>) -> Vec<(f32, f32)> {
    if flags.len() < FLAGS_PER_KNOT {
        return Vec::new();
    }
    flags.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let step = |p: f32| (p / (1.0 - p)).ln().floor().clamp(-8.0, 8.0) as i32;
    // (sum of probabilities, sum of agreements, flags)
    let mut pooled: Vec<(f64, f64, usize)> = Vec::new();
    let mut group = (0.0, 0.0, 0);
    for (i, &(p, agreed)) in flags.iter().enumerate() {
        group = (group.0 + f64::from(p), group.1 + agreed, group.2 + 1);
        let next = flags.get(i + 1).map(|f| step(f.0));
        let closes = match next {
            None => true,
            Some(next) => next != step(p) && group.2 >= FLAGS_PER_KNOT,
        };
        if !closes {
            continue;
        }
        pooled.push(std::mem::take(&mut group));
        // The last group, if small, joins the one before; and any group
        // less agreed with than the one before pools with it.
        while let [.., a, b] = pooled[..] {
            let small_last = next.is_none() && b.2 < FLAGS_PER_KNOT;
            if !small_last && a.1 / a.2 as f64 <= b.1 / b.2 as f64 {
                break;
            }
            pooled.pop();
            *pooled.last_mut().expect("two groups were there") = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
        }
    }
    pooled
        .iter()
        .map(|&(p, a, n)| ((p / n as f64) as f32, (a / n as f64) as f32))
        .collect()
}

/// The curated lexicon's loaded-language flags on a plain-text article (with
/// the context rules that shape them), as byte ranges.
fn curated_flags(text: &str) -> Vec<(Category, Range<usize>)> {
    let options = crate::Options {
        input: Some(crate::InputKind::Text),
        detectors: crate::options::Detectors {
            curated: true,
            learned: false,
        },
        ..crate::Options::default()
    };
    let Ok(report) = crate::analyze(text, &options) else {
        return Vec::new();
    };
    let bytes = crate::eval::Utf16ToBytes::new(&report.text);
    report
        .flags
        .iter()
        .filter(|f| f.kind == crate::Kind::LoadedLanguage)
        .map(|f| (f.category, bytes.get(f.start)..bytes.get(f.end)))
        .collect()
}

fn train_fixed(articles: &[&Annotated], params: &Params) -> String {
    let data = prepare(articles, params);
    let weights = fit(&data, params);
    let growth = fit_growth(articles, params);
    write_model(&data, (&weights, &growth), &fixed_head(params), params, "")
}

/// The default threshold for every class, with nothing measured.
fn fixed_head(params: &Params) -> Head {
    Head {
        thresholds: vec![params.default_threshold; CLASSES.len()],
        calibration: Vec::new(),
        trade_offs: Vec::new(),
    }
}

/// The tokens of a plain-text article and, per token and class, the
/// model's probabilities.
/// Probabilities too low to reach a span at `sensitivity` are 0.
pub fn probabilities(
    model: &Model,
    text: &str,
    sensitivity: f32,
) -> (Vec<features::Token>, Vec<f32>) {
    let quotations = quotations_of(text);
    let cx = detect::Context {
        text,
        paragraphs: &[],
        quotations: &quotations,
    };
    Learned { model, sensitivity }.probabilities(&cx)
}

/// Byte spans of one class at a threshold, as the detector builds them
/// (without settling overlaps between classes).
fn spans_at(
    text: &str,
    tokens: &[features::Token],
    p: &[f32],
    class: usize,
    threshold: f32,
    extend: f32,
    growth: Option<&Model>,
) -> Vec<(Range<usize>, f32)> {
    // Every token has its row here.
    let every: Vec<u32> = (0..tokens.len() as u32).collect();
    super::class_spans(
        text,
        tokens,
        (&every, p, CLASSES.len()),
        class,
        (threshold, threshold * extend),
        &every,
        growth,
    )
    .into_iter()
    .map(|c| {
        let range = tokens[c.tokens.start].range().start..tokens[c.tokens.end - 1].range().end;
        (range, c.peak)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small corpus written for the test: in every article the author calls
    /// the council "disgraceful" and its members "thugs", and the annotators
    /// marked both words as loaded language; the rest is plain reporting,
    /// varied by the article's number so no two articles are the same.
    fn corpus(articles: usize) -> Vec<Annotated> {
        let towns = ["Hale", "Brook", "Marsh", "Dale", "Crest", "Vale", "Moor"];
        (0..articles)
            .map(|i| {
                let town = towns[i % towns.len()];
                // The article's number at least every eighth word: no run
                // of eight words is in two articles, so none is another's
                // copy (`crate::eval::folds`).
                let text = format!(
                    "The {town} council met on day {i} to discuss budget {i}. \
                     Its disgraceful plan {i} was passed by thugs in the chamber {i}. \
                     Residents of ward {i} asked about roads, schools and library {i}. \
                     The meeting {i} ended at {} o'clock after vote {i}.",
                    i % 12 + 1
                );
                let span = |word: &str| {
                    let start = text.find(word).unwrap();
                    (0, start..start + word.len())
                };
                let spans = vec![span("disgraceful"), span("thugs")];
                Annotated {
                    name: format!("article{i}"),
                    text,
                    spans,
                }
            })
            .collect()
    }

    fn trained(articles: &[Annotated]) -> String {
        let refs: Vec<&Annotated> = articles.iter().collect();
        train(&refs, &Params::default(), "a test corpus")
    }

    #[test]
    fn calibration_pools_groups_until_agreement_never_falls() {
        // 40 flags at each of four probabilities, one step of log-odds
        // apart; annotators marked 10, 30, 20 and 36 of them.
        let flags: Vec<(f32, f64)> = [(0.1, 10), (0.3, 30), (0.6, 20), (0.85, 36)]
            .iter()
            .flat_map(|&(p, marked)| (0..40).map(move |i| (p, f64::from(u8::from(i < marked)))))
            .collect();
        let knots = calibrate(flags);
        let rounded: Vec<(f32, f32)> = knots
            .iter()
            .map(|&(p, a)| ((p * 1000.0).round() / 1000.0, (a * 1000.0).round() / 1000.0))
            .collect();
        // The second and third groups (0.75 then 0.5) pool into one of 0.625.
        assert_eq!(rounded, [(0.1, 0.25), (0.45, 0.625), (0.85, 0.9)]);
        // Too few flags to say: no knots, and the class shows its probability.
        assert!(calibrate(vec![(0.5, 1.0); FLAGS_PER_KNOT - 1]).is_empty());
    }

    #[test]
    fn a_small_last_group_joins_the_one_before() {
        let mut flags = vec![(0.3, 0.0); 50];
        flags.extend([(0.9, 1.0); 5]);
        let knots = calibrate(flags);
        assert_eq!(knots.len(), 1);
        assert!((knots[0].1 - 5.0 / 55.0).abs() < 1e-6);
    }

    #[test]
    fn the_same_articles_give_the_same_model_byte_for_byte() {
        let articles = corpus(30);
        let first = trained(&articles);
        assert_eq!(first, trained(&articles));
        // And other articles another: the comparison can fail.
        assert_ne!(first, trained(&articles[..20]));
    }

    #[test]
    fn a_corpus_of_one_story_keeps_the_default_threshold() {
        // Thirty copies of one article: every inner fold would be trained
        // on copies of what it holds out, so no threshold is chosen.
        let one = &corpus(1)[0];
        let copies: Vec<Annotated> = (0..30)
            .map(|i| Annotated {
                name: format!("copy{i}"),
                text: one.text.clone(),
                spans: one.spans.clone(),
            })
            .collect();
        let model = Model::parse(&trained(&copies)).expect("a trained model parses");
        let chosen = Model::parse(&trained(&corpus(30))).expect("a trained model parses");
        let default = Params::default().default_threshold;
        assert_eq!(model.classes[0].threshold, default);
        assert_ne!(chosen.classes[0].threshold, default);
    }

    #[test]
    fn what_annotators_always_marked_is_found_and_explained() {
        let model = Model::parse(&trained(&corpus(30))).expect("a trained model parses");
        let text = "The disgraceful vote in the chamber was held on day 40.";
        let (tokens, p) = probabilities(&model, text, crate::learned::DEFAULT_SENSITIVITY);
        let p_of = |word: &str| {
            let i = tokens.iter().position(|t| &text[t.range()] == word);
            p[i.unwrap() * CLASSES.len()]
        };
        // Flagged at the threshold the model chose for itself, in a
        // sentence it never saw; the plain words around it are not.
        let threshold = model.classes[0].threshold;
        assert!(
            p_of("disgraceful") >= threshold
                && p_of("disgraceful") > 5.0 * p_of("vote")
                && p_of("vote") < threshold
                && p_of("chamber") < threshold,
            "threshold {threshold}: disgraceful {} vote {} chamber {}",
            p_of("disgraceful"),
            p_of("vote"),
            p_of("chamber")
        );
        let counts = model.counts("disgraceful").expect("its uses are counted");
        assert!(counts.uses >= 30, "{counts:?}");
    }
}
