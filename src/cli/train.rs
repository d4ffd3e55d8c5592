//! `slant train --data DIR --out FILE`: trains the learned detector on a
//! corpus in the SemEval-2020 Task 11 layout and writes the model file.
//! Deterministic: the same articles give the same file, byte for byte.

use slant::eval::{ptc, training_set};
use slant::learned::train::{self, Annotated, Params};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The corpus: article<ID>.txt and article<ID>.task-flc-tc.labels files below it.
    #[arg(long)]
    data: PathBuf,
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
    /// Where to write the model (e.g. models/learned.tsv).
    #[arg(long)]
    out: PathBuf,
}

pub fn run(args: &Args) -> Result<String, String> {
    let mut params = Params::default();
    for assignment in &args.params {
        params.set(assignment)?;
    }
    if let Some(file) = &args.valence {
        params.valence = slant::learned::train::read_valence(file)?;
    }
    let articles = ptc::read(&args.data)?;
    let refs: Vec<&ptc::Article> = articles.iter().collect();
    let examples = training_set(&refs);
    let examples: Vec<&Annotated> = examples.iter().collect();
    let about = format!(
        "Slant's learned detector, written by `slant train`: do not edit by hand.\n\
         Trained on {} articles of the Propaganda Techniques Corpus, training split\n\
         (G. Da San Martino et al., SemEval-2020 Task 11; EMNLP 2019), by FTRL-proximal\n\
         logistic regression; thresholds chosen, and confidence calibrated, by {}-fold\n\
         cross-validation inside it. Weights are in tenths, one column per class below.",
        examples.len(),
        params.threshold_folds
    );
    let model = train::train(&examples, &params, &about);
    std::fs::write(&args.out, &model).map_err(|e| format!("{}: {e}", args.out.display()))?;
    Ok(format!(
        "wrote {} ({} lines) from {} articles\n",
        args.out.display(),
        model.lines().count(),
        examples.len()
    ))
}
