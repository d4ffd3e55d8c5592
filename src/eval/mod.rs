//! `slant eval`: how well Slant finds what human annotators marked, measured
//! the way SemEval-2020 Task 11 measures it (`metric.rs`). Native only.
//!
//! Two kinds of articles are read: the task's own layout (`ptc.rs`), whose
//! techniques map onto Slant's categories by [`techniques_of`], and Slant's
//! hand-annotated articles (`annotated.rs`), which also carry sentence
//! attributions, sources and metadata. With folds, the learned model is
//! trained anew on all folds but one and scored on the one it did not see,
//! so no figure comes from an article a model was trained on.

pub mod annotated;
pub mod folds;
pub mod metric;
pub mod ptc;

use crate::category::Category;
use crate::learned::model::Model;
use crate::learned::train::{self, Annotated, Params};
use crate::{Kind, Options};
use metric::SpanScore;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

/// The task's techniques a flag of `category` counts as. Scare quotes label
/// what they mark (the task's "labeling"); distancing words ("so-called",
/// "supposedly", "self-styled") question a thing's credibility, the task's
/// Doubt. The sourcing categories are no technique of the task.
pub fn techniques_of(category: Category) -> &'static [&'static str] {
    match category {
        Category::Emotive => &["Loaded_Language"],
        Category::NameCalling | Category::ScareQuotes => &["Name_Calling,Labeling"],
        Category::Doubt | Category::Distancing => &["Doubt"],
        Category::Exaggeration => &["Exaggeration,Minimisation"],
        Category::AppealToFear => &["Appeal_to_fear-prejudice"],
        Category::FlagWaving => &["Flag-Waving"],
        Category::ThoughtTerminating => &["Thought-terminating_Cliches"],
        Category::VagueAttribution
        | Category::UnsupportedCertainty
        | Category::UnattributedClaim => &[],
    }
}

/// The techniques `overall` pools when none are chosen: the two that most of
/// Slant's highlights are for.
pub const DEFAULT_POOLED: [&str; 2] = ["Loaded_Language", "Name_Calling,Labeling"];

/// The techniques Slant's categories map to, in the task's order.
pub fn mapped_techniques() -> Vec<&'static str> {
    ptc::TECHNIQUES
        .into_iter()
        .filter(|t| Category::ALL.iter().any(|&c| techniques_of(c).contains(t)))
        .collect()
}

/// `--techniques` as given: names of the task separated by commas (the
/// commas inside "Name_Calling,Labeling" are read as part of the name), or
/// Slant category keys, which stand for their techniques.
pub fn parse_techniques(list: &str) -> Result<Vec<String>, String> {
    let mut chosen: Vec<String> = Vec::new();
    let mut rest = list.trim();
    while !rest.is_empty() {
        let known = ptc::TECHNIQUES
            .iter()
            .filter(|t| {
                rest.len() >= t.len()
                    && rest[..t.len()].eq_ignore_ascii_case(t)
                    && rest[t.len()..].chars().next().is_none_or(|c| c == ',')
            })
            .max_by_key(|t| t.len());
        let (names, taken): (Vec<&str>, usize) = match known {
            Some(t) => (vec![*t], t.len()),
            None => {
                let word = rest.split(',').next().unwrap_or_default();
                let category = Category::from_key(word.trim()).ok_or_else(|| {
                    format!(
                        "unknown technique `{word}`; expected the task's names ({}) or Slant category keys",
                        ptc::TECHNIQUES.join(", ")
                    )
                })?;
                let names = techniques_of(category).to_vec();
                if names.is_empty() {
                    return Err(format!(
                        "category `{word}` maps to no technique of the task"
                    ));
                }
                (names, word.len())
            }
        };
        for name in names {
            if !chosen.iter().any(|c| c == name) {
                chosen.push(name.to_string());
            }
        }
        rest = rest[taken..].trim_start_matches(',').trim_start();
    }
    if chosen.is_empty() {
        return Err("--techniques names none".into());
    }
    Ok(chosen)
}

/// Span scores: pooled over the chosen techniques, and per technique; and
/// how well the learned flags' confidence matched what annotators marked.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub overall: SpanScore,
    pub by_technique: BTreeMap<String, SpanScore>,
    pub calibration: Calibration,
}

/// Learned flags by the confidence they showed, in ten bins (0–0.1, …,
/// 0.9–1): per bin, the confidences summed, the flags annotators marked
/// (any of), and the flags.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Calibration {
    pub bins: [(f64, f64, usize); 10],
}

impl Calibration {
    pub fn add(&mut self, confidence: f32, marked: bool) {
        let bin = &mut self.bins[((confidence * 10.0) as usize).min(9)];
        *bin = (
            bin.0 + f64::from(confidence),
            bin.1 + f64::from(u8::from(marked)),
            bin.2 + 1,
        );
    }

    pub fn merge_in(&mut self, other: &Calibration) {
        for (bin, o) in self.bins.iter_mut().zip(&other.bins) {
            *bin = (bin.0 + o.0, bin.1 + o.1, bin.2 + o.2);
        }
    }

    pub fn flags(&self) -> usize {
        self.bins.iter().map(|b| b.2).sum()
    }

    /// The expected calibration error: per bin, the gap between the mean
    /// confidence shown and the share marked, weighted by its flags.
    pub fn error(&self) -> f64 {
        let flags = self.flags();
        let gaps: f64 = self.bins.iter().map(|b| (b.0 - b.1).abs()).sum();
        if flags == 0 {
            0.0
        } else {
            gaps / flags as f64
        }
    }
}

/// A predicted span: its technique, byte range, and the learned flag's
/// confidence (none for the lexicons' flags and other systems' spans).
pub type Prediction = (String, Range<usize>, Option<f32>);

/// Predicted spans of one article.
pub type Predicted = Vec<Prediction>;

/// Scores predictions against the gold spans of `articles`: each technique
/// of `techniques` on its own, and `pooled` together.
pub fn score(
    articles: &[&ptc::Article],
    predictions: &[Predicted],
    techniques: &[String],
    pooled: &[String],
) -> Scores {
    let mut scores = Scores::default();
    for (article, predicted) in articles.iter().zip(predictions) {
        let chars = CharOffsets::new(&article.text);
        let spans_of = |list: &[String], gold: bool| -> Vec<Range<usize>> {
            let mut out = Vec::new();
            if gold {
                for s in &article.spans {
                    if list.contains(&s.technique) {
                        out.push(chars.range(&s.range));
                    }
                }
            } else {
                for (technique, range, _) in predicted {
                    if list.contains(technique) {
                        out.push(chars.range(range));
                    }
                }
            }
            out
        };
        // A learned flag counts once (its first technique), as marked if
        // annotators marked any of it with one of its class's techniques:
        // the pooled ones, for a flag of a pooled technique.
        let mut seen: Option<&Range<usize>> = None;
        for (technique, range, confidence) in predicted {
            let Some(confidence) = confidence else {
                continue;
            };
            if seen == Some(range) || !techniques.contains(technique) {
                continue;
            }
            seen = Some(range);
            let class = if pooled.contains(technique) {
                pooled
            } else {
                std::slice::from_ref(technique)
            };
            let marked = (article.spans.iter()).any(|s| {
                class.contains(&s.technique)
                    && s.range.start < range.end
                    && range.start < s.range.end
            });
            scores.calibration.add(*confidence, marked);
        }
        for technique in techniques {
            let one = std::slice::from_ref(technique);
            scores
                .by_technique
                .entry(technique.clone())
                .or_default()
                .add(&spans_of(one, false), &spans_of(one, true));
        }
        scores
            .overall
            .add(&spans_of(pooled, false), &spans_of(pooled, true));
    }
    scores
}

/// Predicted spans in the task's labels format (`id<TAB>technique<TAB>start<TAB>end`,
/// code point offsets), one line per span and technique, in article order:
/// what `--pred` reads, so any scorer can take Slant's spans.
pub fn labels(articles: &[ptc::Article], predicted: &[Predicted]) -> String {
    let mut out = String::new();
    for (article, spans) in articles.iter().zip(predicted) {
        let chars = CharOffsets::new(&article.text);
        let mut lines: Vec<(&str, Range<usize>)> = spans
            .iter()
            .map(|(technique, range, _)| (technique.as_str(), chars.range(range)))
            .collect();
        lines.sort_by_key(|(technique, range)| (range.start, range.end, *technique));
        lines.dedup();
        for (technique, range) in lines {
            let _ = writeln!(
                out,
                "{}\t{technique}\t{}\t{}",
                article.id, range.start, range.end
            );
        }
    }
    out
}

/// Byte offsets to character offsets for one text.
pub struct CharOffsets {
    /// Per byte, the number of characters before it.
    chars_before: Vec<u32>,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let mut n = 0;
        let mut chars_before: Vec<u32> = text
            .bytes()
            .map(|b| {
                let before = n;
                // A lead byte starts a character; continuation bytes do not.
                n += u32::from(b & 0xC0 != 0x80);
                before
            })
            .collect();
        chars_before.push(n);
        CharOffsets { chars_before }
    }

    pub fn range(&self, bytes: &Range<usize>) -> Range<usize> {
        self.chars_before[bytes.start] as usize..self.chars_before[bytes.end] as usize
    }
}

/// What predicts the spans.
pub enum System<'a> {
    /// Slant itself, with these options; the learned model is the
    /// compiled-in one, or one trained per fold.
    Slant(&'a Options),
    /// Another system's spans, per article id (the labels format).
    Labels(&'a BTreeMap<String, Vec<ptc::Span>>),
}

/// Slant's flags on a plain-text article, as task techniques.
pub fn slant_spans(text: &str, options: &Options, model: &Model) -> Predicted {
    let options = Options {
        input: Some(crate::InputKind::Text),
        ..options.clone()
    };
    let Ok(report) = crate::analyze_with_model(text, &options, model) else {
        return Vec::new();
    };
    let bytes = Utf16ToBytes::new(&report.text);
    report
        .flags
        .iter()
        .filter(|f| f.category.kind() == Kind::LoadedLanguage)
        .flat_map(|f| {
            let range = bytes.get(f.start)..bytes.get(f.end);
            techniques_of(f.category)
                .iter()
                .map(move |t| (t.to_string(), range.clone(), f.confidence))
        })
        .collect()
}

/// UTF-16 offsets (the report's) to byte offsets of the same text.
pub struct Utf16ToBytes {
    bytes_at: Vec<usize>,
}

impl Utf16ToBytes {
    pub fn new(text: &str) -> Utf16ToBytes {
        let mut bytes_at = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            for _ in 0..c.len_utf16() {
                bytes_at.push(i);
            }
        }
        bytes_at.push(text.len());
        Utf16ToBytes { bytes_at }
    }

    pub fn get(&self, unit: usize) -> usize {
        self.bytes_at[unit.min(self.bytes_at.len() - 1)]
    }
}

/// Fold `fold` of the folds `assigned` ([`folds::assign`]): the articles
/// held out (scored) and the others (trained on). No article is ever in both.
pub fn split_fold<'a, T>(
    articles: &'a [T],
    assigned: &[usize],
    fold: usize,
) -> (Vec<&'a T>, Vec<&'a T>) {
    let (mut held_out, mut training) = (Vec::new(), Vec::new());
    for (article, &f) in articles.iter().zip(assigned) {
        if f == fold {
            held_out.push(article);
        } else {
            training.push(article);
        }
    }
    (held_out, training)
}

/// The articles as training examples for the learned model.
pub fn training_set(articles: &[&ptc::Article]) -> Vec<Annotated> {
    articles
        .iter()
        .map(|a| Annotated {
            name: a.id.clone(),
            text: a.text.clone(),
            spans: a
                .spans
                .iter()
                .filter_map(|s| {
                    let technique = train::TECHNIQUES
                        .iter()
                        .position(|(t, _)| *t == s.technique)?;
                    Some((technique, s.range.clone()))
                })
                .collect(),
        })
        .collect()
}

/// The result of scoring: per fold (one entry without folds).
pub struct Evaluation {
    pub articles: usize,
    pub folds: Vec<Scores>,
    /// Each article's predicted spans, in the order read; with folds, those
    /// of the model that did not train on it.
    pub predicted: Vec<Predicted>,
}

/// Scores `system` on `articles`. With `folds` ≥ 2, per fold: Slant with a
/// model trained on the other folds (another system's spans as given).
pub fn evaluate(
    articles: &[ptc::Article],
    system: &System,
    folds: usize,
    techniques: &[String],
    pooled: &[String],
    params: &Params,
    mut progress: impl FnMut(&str),
) -> Evaluation {
    let predict = |article: &ptc::Article, model: &Model| -> Predicted {
        match system {
            System::Slant(options) => slant_spans(&article.text, options, model),
            System::Labels(labels) => labels
                .get(&article.id)
                .map(|spans| {
                    spans
                        .iter()
                        .map(|s| (s.technique.clone(), s.range.clone(), None))
                        .collect()
                })
                .unwrap_or_default(),
        }
    };
    let needs_training = matches!(system, System::Slant(o) if o.detectors.learned);
    let mut results = Vec::new();
    let mut predicted_by_article = vec![Predicted::new(); articles.len()];
    if folds < 2 {
        let all: Vec<&ptc::Article> = articles.iter().collect();
        let model = crate::learned::model::builtin();
        let predicted: Vec<Predicted> = all.iter().map(|a| predict(a, model)).collect();
        results.push(score(&all, &predicted, techniques, pooled));
        predicted_by_article = predicted;
    } else {
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let stories = folds::stories(&texts);
        let (copies, groups) = folds::copied(&stories);
        if copies > 0 {
            progress(&format!(
                "{copies} articles share much of their text with another; \
                 each of their {groups} stories is kept in one fold"
            ));
        }
        let assigned = folds::in_folds(&stories, folds);
        for fold in 0..folds {
            let (test, train) = split_fold(articles, &assigned, fold);
            let model = if needs_training {
                progress(&format!(
                    "fold {}/{folds}: training on {} articles",
                    fold + 1,
                    train.len()
                ));
                let examples = training_set(&train);
                let refs: Vec<&Annotated> = examples.iter().collect();
                Model::parse(&train::train(&refs, params, "")).expect("a trained model parses")
            } else {
                Model::default()
            };
            let model = if needs_training {
                &model
            } else {
                crate::learned::model::builtin()
            };
            progress(&format!(
                "fold {}/{folds}: scoring {} articles",
                fold + 1,
                test.len()
            ));
            let predicted: Vec<Predicted> = test.iter().map(|a| predict(a, model)).collect();
            results.push(score(&test, &predicted, techniques, pooled));
            let held_out = (assigned.iter().enumerate()).filter(|(_, &f)| f == fold);
            for ((i, _), spans) in held_out.zip(predicted) {
                predicted_by_article[i] = spans;
            }
        }
    }
    Evaluation {
        articles: articles.len(),
        folds: results,
        predicted: predicted_by_article,
    }
}

/// Mean and standard deviation (population) of values.
pub fn mean_sd(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, var.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_article_is_held_out_once_and_never_trained_on_there() {
        // 23 articles of distinct words; the eighth is a copy of the third.
        let mut articles: Vec<String> = (0..23)
            .map(|n| (0..12).map(|w| format!("a{n}w{w} ")).collect())
            .collect();
        articles[7] = format!("Reposted: {}", articles[2]);
        let texts: Vec<&str> = articles.iter().map(String::as_str).collect();
        let k = 5;
        let assigned = folds::assign(&texts, k);
        let mut held_out_in = vec![0; articles.len()];
        for fold in 0..k {
            let (held_out, training) = split_fold(&articles, &assigned, fold);
            assert_eq!(held_out.len() + training.len(), articles.len());
            for a in &held_out {
                assert!(
                    !training.contains(a),
                    "article {a} in both halves of fold {fold}"
                );
                assert!(
                    !training
                        .iter()
                        .any(|t| t.contains(a.as_str()) || a.contains(t.as_str())),
                    "a copy of {a} trained on in fold {fold}"
                );
                held_out_in[texts.iter().position(|t| t == a).unwrap()] += 1;
            }
            // Folds differ in size by two at most: one for the rotation,
            // one for the copy that followed its original.
            assert!((3..=6).contains(&held_out.len()), "{}", held_out.len());
        }
        assert!(held_out_in.iter().all(|&n| n == 1), "{held_out_in:?}");
        assert_eq!(assigned[7], assigned[2]);
    }

    #[test]
    fn calibration_compares_each_learned_flag_with_what_annotators_marked() {
        let span = |technique: &str, range: Range<usize>| ptc::Span {
            technique: technique.into(),
            range,
        };
        let article = ptc::Article {
            id: "1".into(),
            text: "a vile and shabby plan, said to be dreadful".into(),
            spans: vec![
                span("Loaded_Language", 2..6),
                span("Loaded_Language", 35..43),
            ],
        };
        let own = |t: &str, r: Range<usize>, c: Option<f32>| (t.to_string(), r, c);
        let predicted = vec![
            // Marked (as name-calling here, pooled with loaded language).
            own("Name_Calling,Labeling", 2..10, Some(0.72)),
            // Not marked; shown as two techniques, counted once.
            own("Loaded_Language", 11..17, Some(0.75)),
            own("Name_Calling,Labeling", 11..17, Some(0.75)),
            // Marked, but as loaded language, not as this flag's doubt.
            own("Doubt", 35..43, Some(0.15)),
            // A lexicon's flag has no confidence and does not count.
            own("Loaded_Language", 35..43, None),
        ];
        let pooled: Vec<String> = ["Loaded_Language", "Name_Calling,Labeling"]
            .map(String::from)
            .into();
        let mut techniques = pooled.clone();
        techniques.push("Doubt".into());
        let scores = score(&[&article], &[predicted], &techniques, &pooled);
        let c = scores.calibration;
        assert_eq!(c.flags(), 3);
        assert!((c.bins[7].0 - 1.47).abs() < 1e-6 && c.bins[7].1 == 1.0 && c.bins[7].2 == 2);
        assert!((c.bins[1].0 - 0.15).abs() < 1e-6 && c.bins[1].1 == 0.0);
        // Bin 0.7: shown 1.47, marked 1; bin 0.1: shown 0.15, marked 0.
        assert!(
            (c.error() - (0.47 + 0.15) / 3.0).abs() < 1e-6,
            "{}",
            c.error()
        );
    }

    #[test]
    fn written_labels_read_back_as_the_same_spans_and_score() {
        let span = |technique: &str, range: Range<usize>| ptc::Span {
            technique: technique.into(),
            range,
        };
        // Code points are not bytes: "é" is two bytes, the emoji four.
        let text = "Café 🔥 a vile plan; тот мерзкий план";
        let vile = text.find("vile").unwrap();
        let vile_bytes = text.find("мерзкий").unwrap();
        let articles = [ptc::Article {
            id: "7".into(),
            text: text.into(),
            spans: vec![span("Loaded_Language", vile..vile + 4)],
        }];
        let own = |t: &str, r: Range<usize>| (t.to_string(), r, Some(0.5));
        let predicted = vec![vec![
            own(
                "Name_Calling,Labeling",
                vile_bytes..vile_bytes + "мерзкий".len(),
            ),
            own("Loaded_Language", vile..vile + 9),
            own("Name_Calling,Labeling", vile..vile + 9),
            // The same span twice is one line.
            own("Loaded_Language", vile..vile + 9),
        ]];
        let lines = labels(&articles, &predicted);
        let vile_chars = text[..vile].chars().count();
        assert_eq!(
            lines.lines().collect::<Vec<_>>(),
            [
                format!("7\tLoaded_Language\t{vile_chars}\t{}", vile_chars + 9),
                format!("7\tName_Calling,Labeling\t{vile_chars}\t{}", vile_chars + 9),
                format!(
                    "7\tName_Calling,Labeling\t{}\t{}",
                    vile_chars + 15,
                    vile_chars + 22
                ),
            ]
        );
        let read = ptc::spans_by_article(&lines, &articles).unwrap();
        let back: Predicted = read["7"]
            .iter()
            .map(|s| (s.technique.clone(), s.range.clone(), None))
            .collect();
        let mut expected = predicted[0].clone();
        expected.remove(3);
        expected.sort_by_key(|(t, r, _)| (r.start, t.clone()));
        let mut got = back.clone();
        got.sort_by_key(|(t, r, _)| (r.start, t.clone()));
        assert_eq!(
            got.iter().map(|(t, r, _)| (t, r)).collect::<Vec<_>>(),
            expected.iter().map(|(t, r, _)| (t, r)).collect::<Vec<_>>()
        );
        let pooled: Vec<String> = ["Loaded_Language", "Name_Calling,Labeling"]
            .map(String::from)
            .into();
        let refs: Vec<&ptc::Article> = articles.iter().collect();
        let a = score(&refs, &predicted, &pooled, &pooled).overall;
        let b = score(&refs, &[back], &pooled, &pooled).overall;
        assert_eq!((a.precision(), a.recall()), (b.precision(), b.recall()));
    }
}
