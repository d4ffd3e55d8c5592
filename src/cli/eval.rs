//! `slant eval PATH… [--folds K] [--techniques A,B] [--pred FILE] [--json]`:
//! scores Slant on annotated articles and prints a table, or JSON.

use slant::eval::{self, mean_sd, ptc, Evaluation, System, DEFAULT_POOLED};
use slant::learned::train::Params;
use slant::Options;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Folders of annotated articles (the SemEval-2020 Task 11 layout).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// K-fold cross-validation by article: train on K−1 folds, score the other.
    #[arg(long, value_name = "K")]
    folds: Option<usize>,
    /// Score only these techniques (the task's names, or Slant category keys).
    #[arg(long, value_name = "A,B")]
    techniques: Option<String>,
    /// Score another system's spans (the task's labels format) instead of Slant's.
    #[arg(long, value_name = "FILE")]
    pred: Option<PathBuf>,
    /// Which of Slant's detectors run: curated, learned, or both (default).
    #[arg(long, value_name = "LIST", default_value = "curated,learned")]
    detectors: String,
    /// The learned detector's sensitivity, 0 (fewer flags) to 1 (more).
    #[arg(long, default_value_t = slant::learned::DEFAULT_SENSITIVITY)]
    sensitivity: f32,
    /// A training parameter, name=value (repeatable): epochs, alpha, beta,
    /// l1, l2, min_count, extend, threshold_folds, default_threshold, min_uses.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// A sentiment word list for the valence features when training: VADER's
    /// `vader_lexicon.txt` (word, mean valence, …; tab-separated).
    #[arg(long, value_name = "FILE")]
    valence: Option<std::path::PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(args: &Args) -> Result<String, String> {
    let mut params = Params::default();
    for assignment in &args.params {
        params.set(assignment)?;
    }
    // Fold models read the same sentiment list as the compiled-in model
    // (it is in its file), unless another is given.
    params.valence = match &args.valence {
        Some(file) => slant::learned::train::read_valence(file)?,
        None => slant::learned::model::builtin().valence.clone(),
    };
    let mut articles = Vec::new();
    for path in &args.paths {
        articles.extend(ptc::read(path)?);
    }
    let techniques: Vec<String> = match &args.techniques {
        Some(list) => eval::parse_techniques(list)?,
        None => eval::mapped_techniques()
            .into_iter()
            .map(String::from)
            .collect(),
    };
    let pooled: Vec<String> = if args.techniques.is_some() {
        techniques.clone()
    } else {
        DEFAULT_POOLED.iter().map(|t| t.to_string()).collect()
    };
    let options = Options {
        sensitivity: args.sensitivity,
        detectors: Options::from_json(&format!(
            r#"{{"detectors": [{}]}}"#,
            args.detectors
                .split(',')
                .map(|d| format!("{:?}", d.trim()))
                .collect::<Vec<_>>()
                .join(",")
        ))?
        .detectors,
        ..Options::default()
    };
    let labels: BTreeMap<String, Vec<ptc::Span>>;
    let system = match &args.pred {
        Some(file) => {
            labels = read_predictions(file, &articles)?;
            System::Labels(&labels)
        }
        None => System::Slant(&options),
    };
    let folds = args.folds.unwrap_or(1);
    if folds == 0 || folds > articles.len() {
        return Err(format!(
            "--folds must be between 2 and the number of articles ({})",
            articles.len()
        ));
    }
    let evaluation = eval::evaluate(
        &articles,
        &system,
        folds,
        &techniques,
        &pooled,
        &params,
        |line| eprintln!("slant eval: {line}"),
    );
    Ok(if args.json {
        json(&evaluation, &pooled)
    } else {
        table(&evaluation, &pooled)
    })
}

/// Another system's spans, by article id, with byte offsets.
fn read_predictions(
    file: &PathBuf,
    articles: &[ptc::Article],
) -> Result<BTreeMap<String, Vec<ptc::Span>>, String> {
    let lines = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let texts: BTreeMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let mut by_article: BTreeMap<String, Vec<ptc::Span>> = BTreeMap::new();
    // Lines are grouped by article: each is read against its article's text.
    for (n, line) in lines.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let id = line.split('\t').next().unwrap_or_default().trim();
        let Some(text) = texts.get(id) else {
            continue;
        };
        let parsed = ptc::parse_labels(line, text)
            .map_err(|e| format!("{}: line {}: {e}", file.display(), n + 1))?;
        for (id, span) in parsed {
            by_article.entry(id).or_default().push(span);
        }
    }
    Ok(by_article)
}

struct Row {
    precision: (f64, f64),
    recall: (f64, f64),
    f1: (f64, f64),
    predicted: usize,
    gold: usize,
}

fn row(
    evaluation: &Evaluation,
    pick: impl Fn(&eval::Scores) -> Option<eval::metric::SpanScore>,
) -> Row {
    let scores: Vec<eval::metric::SpanScore> = evaluation.folds.iter().filter_map(&pick).collect();
    let of =
        |f: fn(&eval::metric::SpanScore) -> f64| mean_sd(&scores.iter().map(f).collect::<Vec<_>>());
    Row {
        precision: of(eval::metric::SpanScore::precision),
        recall: of(eval::metric::SpanScore::recall),
        f1: of(eval::metric::SpanScore::f1),
        predicted: scores.iter().map(|s| s.predicted).sum(),
        gold: scores.iter().map(|s| s.gold).sum(),
    }
}

fn technique_names(evaluation: &Evaluation) -> Vec<String> {
    evaluation.folds[0].by_technique.keys().cloned().collect()
}

fn table(evaluation: &Evaluation, pooled: &[String]) -> String {
    let folds = evaluation.folds.len();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} articles{}",
        evaluation.articles,
        if folds > 1 {
            format!(", {folds}-fold cross-validation (mean ± sd over folds)")
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        out,
        "{:<38} {:>13} {:>13} {:>13} {:>9} {:>7}",
        "technique", "precision", "recall", "F1", "predicted", "gold"
    );
    let line = |out: &mut String, name: &str, r: &Row| {
        let cell = |(m, s): (f64, f64)| {
            if folds > 1 {
                format!("{m:.3} ± {s:.3}")
            } else {
                format!("{m:.3}")
            }
        };
        let _ = writeln!(
            out,
            "{name:<38} {:>13} {:>13} {:>13} {:>9} {:>7}",
            cell(r.precision),
            cell(r.recall),
            cell(r.f1),
            r.predicted,
            r.gold
        );
    };
    line(
        &mut out,
        &format!("pooled: {}", pooled.join(" + ")),
        &row(evaluation, |s| Some(s.overall)),
    );
    for name in technique_names(evaluation) {
        line(
            &mut out,
            &name,
            &row(evaluation, |s| s.by_technique.get(&name).copied()),
        );
    }
    out
}

fn json(evaluation: &Evaluation, pooled: &[String]) -> String {
    let folds = evaluation.folds.len();
    let object = |r: &Row| {
        let mut o = serde_json::json!({
            "precision": r.precision.0,
            "recall": r.recall.0,
            "f1": r.f1.0,
            "predicted": r.predicted,
            "gold": r.gold,
        });
        if folds > 1 {
            o["f1_std"] = r.f1.1.into();
            o["precision_std"] = r.precision.1.into();
            o["recall_std"] = r.recall.1.into();
        }
        o
    };
    let mut by_technique = serde_json::Map::new();
    for name in technique_names(evaluation) {
        let r = row(evaluation, |s| s.by_technique.get(&name).copied());
        by_technique.insert(name, object(&r));
    }
    let value = serde_json::json!({
        "articles": evaluation.articles,
        "folds": folds,
        "pooled": pooled,
        "overall": object(&row(evaluation, |s| Some(s.overall))),
        "by_technique": by_technique,
    });
    serde_json::to_string_pretty(&value).expect("JSON") + "\n"
}
