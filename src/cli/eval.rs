//! `slant eval PATH… [--folds K] [--techniques A,B] [--pred FILE] [--write-pred FILE] [--json]`:
//! scores Slant on annotated articles and prints a table, or JSON. A folder
//! holding `*.ann.json` files is Slant's own annotated articles
//! (`eval::annotated`, scored on sourcing and metadata too); any other is
//! the SemEval-2020 Task 11 layout.

use slant::attribution::Attribution;
use slant::eval::{self, annotated, mean_sd, ptc, Evaluation, System, DEFAULT_POOLED};
use slant::learned::train::Params;
use slant::options::Detectors;
use slant::Options;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Folders of annotated articles: Slant's own (`*.ann.json`), or the
    /// SemEval-2020 Task 11 layout.
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
    /// Also write the spans scored (held out, with --folds) to FILE, in the
    /// task's labels format: --pred reads them back.
    #[arg(long, value_name = "FILE")]
    write_pred: Option<PathBuf>,
    /// Which of Slant's detectors run: curated, learned, or both (default).
    #[arg(long, value_name = "LIST", default_value = "curated,learned")]
    detectors: String,
    /// The learned detector's sensitivity, 0 (fewer flags) to 1 (more).
    #[arg(long, default_value_t = slant::learned::DEFAULT_SENSITIVITY)]
    sensitivity: f32,
    /// A training parameter, name=value (repeatable): epochs, alpha, beta,
    /// l1, l2, l1_context, l1_minor, min_count, min_count_context, extend,
    /// prune, long_span, topic_repeats, min_precision, min_precision_minor,
    /// threshold_folds, default_threshold, min_uses, skip.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// A sentiment word list for the valence features when training: VADER's
    /// `vader_lexicon.txt` (word, mean valence, …; tab-separated).
    #[arg(long, value_name = "FILE")]
    valence: Option<std::path::PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// With Slant's own annotated articles: also list every disagreement.
    #[arg(long)]
    notes: bool,
}

pub fn run(args: &Args) -> Result<String, String> {
    if args.paths.iter().any(|p| annotated::is_annotated(p)) {
        return run_annotated(args);
    }
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
        detectors: Detectors::named(args.detectors.split(',').map(str::trim))?,
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
    if let Some(file) = &args.write_pred {
        std::fs::write(file, eval::labels(&articles, &evaluation.predicted))
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
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
    ptc::spans_by_article(&lines, articles).map_err(|e| format!("{}: {e}", file.display()))
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
    let calibration = calibration(evaluation);
    if calibration.flags() > 0 {
        let _ = writeln!(
            out,
            "\nlearned flags' confidence: {} flags, calibration error {:.3} (ten bins)",
            calibration.flags(),
            calibration.error()
        );
    }
    out
}

/// The learned flags' confidence against what annotators marked, over every
/// fold.
fn calibration(evaluation: &Evaluation) -> eval::Calibration {
    let mut all = eval::Calibration::default();
    for fold in &evaluation.folds {
        all.merge_in(&fold.calibration);
    }
    all
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
    let mut value = serde_json::json!({
        "articles": evaluation.articles,
        "folds": folds,
        "pooled": pooled,
        "overall": object(&row(evaluation, |s| Some(s.overall))),
        "by_technique": by_technique,
    });
    let calibration = calibration(evaluation);
    if calibration.flags() > 0 {
        let bins: Vec<serde_json::Value> = (calibration.bins.iter())
            .map(|&(shown, marked, flags)| serde_json::json!({ "flags": flags, "shown": shown, "marked": marked }))
            .collect();
        value["calibration"] = serde_json::json!({
            "flags": calibration.flags(),
            "error": calibration.error(),
            "bins": bins,
        });
    }
    serde_json::to_string_pretty(&value).expect("JSON") + "\n"
}

/// Slant's own annotated articles: every score in one table, or JSON.
fn run_annotated(args: &Args) -> Result<String, String> {
    if args.folds.is_some()
        || args.pred.is_some()
        || args.write_pred.is_some()
        || args.techniques.is_some()
    {
        return Err(
            "--folds, --pred, --write-pred and --techniques are for the SemEval layout, not *.ann.json folders"
                .into(),
        );
    }
    let mut articles = Vec::new();
    for path in &args.paths {
        articles.extend(annotated::read(path)?);
    }
    let options = Options {
        sensitivity: args.sensitivity,
        detectors: Detectors::named(args.detectors.split(',').map(str::trim))?,
        ..Options::default()
    };
    let scores = annotated::evaluate(&articles, &options);
    let mut out = if args.json {
        annotated_json(&scores)
    } else {
        annotated_table(&scores)
    };
    if args.notes && !args.json {
        out.push('\n');
        for note in &scores.notes {
            let _ = writeln!(out, "{note}");
        }
    }
    Ok(out)
}

fn annotated_table(s: &annotated::Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} annotated articles", s.articles);
    let _ = writeln!(
        out,
        "{:<34} {:>9} {:>9} {:>9} {:>9} {:>7}",
        "loaded language", "precision", "recall", "F1", "predicted", "gold"
    );
    let span_row = |out: &mut String, name: &str, score: &eval::metric::SpanScore| {
        let _ = writeln!(
            out,
            "{name:<34} {:>9.3} {:>9.3} {:>9.3} {:>9} {:>7}",
            score.precision(),
            score.recall(),
            score.f1(),
            score.predicted,
            score.gold
        );
    };
    span_row(&mut out, "  pooled", &s.loaded);
    for (category, score) in &s.loaded_by_category {
        span_row(&mut out, &format!("  {category}"), score);
    }
    let _ = writeln!(
        out,
        "  author-voice flags in neutral copy: {}",
        s.neutral_author_flags
    );
    let ratio = |r: &annotated::Ratio| format!("{:.3} ({}/{})", r.value(), r.hits, r.of);
    let _ = writeln!(out, "unsourced assertions");
    let _ = writeln!(out, "  precision {}", ratio(&s.unsourced_precision));
    let _ = writeln!(out, "  recall    {}", ratio(&s.unsourced_recall));
    let _ = writeln!(out, "sentences");
    let _ = writeln!(out, "  attribution accuracy {}", ratio(&s.attribution));
    let _ = writeln!(out, "  claim accuracy       {}", ratio(&s.claim));
    let kinds = [Attribution::Named, Attribution::Vague, Attribution::None];
    let _ = writeln!(
        out,
        "  {:<18} {:>6} {:>6} {:>6} {:>9}",
        "annotated \\ Slant", "named", "vague", "none", "not found"
    );
    for expected in kinds {
        let cell = |got: Option<Attribution>| {
            s.confusion
                .get(&(expected, got))
                .copied()
                .unwrap_or_default()
        };
        let _ = writeln!(
            out,
            "  {:<18} {:>6} {:>6} {:>6} {:>9}",
            format!("{expected:?}").to_lowercase(),
            cell(Some(Attribution::Named)),
            cell(Some(Attribution::Vague)),
            cell(Some(Attribution::None)),
            cell(None)
        );
    }
    let _ = writeln!(out, "sources (people, organisations, documents)");
    let _ = writeln!(out, "  precision {}", ratio(&s.sources_precision));
    let _ = writeln!(out, "  recall    {}", ratio(&s.sources_recall));
    let _ = writeln!(
        out,
        "  places, dates or regions listed as people: {}{}",
        s.places_as_people.len(),
        if s.places_as_people.is_empty() {
            String::new()
        } else {
            format!(" ({})", s.places_as_people.join("; "))
        }
    );
    let _ = writeln!(out, "metadata");
    for (field, r) in &s.metadata {
        let _ = writeln!(out, "  {field:<10} {}", ratio(r));
    }
    out
}

fn annotated_json(s: &annotated::Scores) -> String {
    let span = |score: &eval::metric::SpanScore| {
        serde_json::json!({
            "precision": score.precision(),
            "recall": score.recall(),
            "f1": score.f1(),
            "predicted": score.predicted,
            "gold": score.gold,
        })
    };
    let by_category: serde_json::Map<String, serde_json::Value> = s
        .loaded_by_category
        .iter()
        .map(|(c, score)| (c.to_string(), span(score)))
        .collect();
    let metadata: serde_json::Map<String, serde_json::Value> = s
        .metadata
        .iter()
        .map(|(field, r)| (field.clone(), r.value().into()))
        .collect();
    let value = serde_json::json!({
        "articles": s.articles,
        "loaded": { "overall": span(&s.loaded), "by_category": by_category },
        "neutral_author_flags": s.neutral_author_flags,
        "unsourced": {
            "precision": s.unsourced_precision.value(),
            "recall": s.unsourced_recall.value(),
            "flags": s.unsourced_precision.of,
            "annotated": s.unsourced_recall.of,
        },
        "sentences": {
            "attribution_accuracy": s.attribution.value(),
            "claim_accuracy": s.claim.value(),
            "n": s.attribution.of,
            "claim_n": s.claim.of,
        },
        "sources": {
            "precision": s.sources_precision.value(),
            "recall": s.sources_recall.value(),
            "places_as_people": s.places_as_people.len(),
            "places_as_people_names": s.places_as_people,
            "listed": s.sources_precision.of,
            "annotated": s.sources_recall.of,
        },
        "metadata": metadata,
    });
    serde_json::to_string_pretty(&value).expect("JSON") + "\n"
}
