//! Slant's own annotated articles (`tests/annotated/`, format in its
//! README): `NAME.ann.json` beside `NAME.txt` or `NAME.html`. Each article is
//! analysed as the file is (plain text or HTML) and its report scored on
//! five things:
//!
//! - **loaded language**: the task's partial-credit span score
//!   ([`SpanScore`], in characters) per Slant category and pooled over every
//!   loaded-language category; and, in articles marked `neutral`, how many
//!   loaded flags are in the author's own voice (each is a false alarm).
//! - **unsourced assertions**: precision is the share of Slant's
//!   unsourced-assertion flags that overlap an annotated unsourced span,
//!   recall the share of annotated spans a flag overlaps.
//! - **sentences**: an annotated sentence is the report sentence holding the
//!   place where its `starts` text is found (searched in order). Claim
//!   accuracy is over every annotated sentence found; attribution accuracy
//!   (named / vague / none) over annotated claim sentences, where a claim
//!   sentence not found counts as wrong.
//! - **sources**: the report's named sources (people, organisations,
//!   documents) against the annotated ones, names compared without case,
//!   titles, a leading article or a trailing possessive; a name matches an
//!   annotated source's name or one of its aliases, or — for a person — holds
//!   the person's full name. Apart from precision and recall: the names
//!   listed as people that read as places, dates or regions.
//! - **metadata**: per annotated field, the share of articles where the
//!   report agrees.
//!
//! Annotated text is located in `report.text` exactly; a span or sentence
//! not found is reported as a note (usually an annotation to fix).

use super::metric::SpanScore;
use super::{CharOffsets, Utf16ToBytes};
use crate::attribution::{Attribution, SourceKind};
use crate::category::{Category, Kind};
use crate::report::Report;
use crate::{InputKind, Options};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One annotation file, as written by hand.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    #[serde(default)]
    pub genre: String,
    #[serde(default)]
    pub style: String,
    #[serde(default)]
    pub neutral: bool,
    /// Field → expected value (`null`: the article does not say).
    #[serde(default)]
    pub metadata: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub loaded: Vec<AnnotatedSpan>,
    #[serde(default)]
    pub unsourced: Vec<AnnotatedSpan>,
    #[serde(default)]
    pub sentences: Vec<AnnotatedSentence>,
    #[serde(default)]
    pub sources: Vec<AnnotatedSource>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotatedSpan {
    pub text: String,
    pub category: String,
    #[serde(default)]
    pub quoted: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotatedSentence {
    pub starts: String,
    #[serde(default = "yes")]
    pub claim: bool,
    pub attribution: Option<Attribution>,
    pub source: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotatedSource {
    pub name: String,
    pub kind: SourceKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An article with its annotation.
#[derive(Debug, Clone)]
pub struct Article {
    pub name: String,
    pub input: String,
    pub kind: InputKind,
    pub annotation: Annotation,
}

/// Whether `dir` is a folder of annotated articles (holds a `*.ann.json`).
pub fn is_annotated(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".ann.json"))
    })
}

/// Every annotated article in `dir`, in order of name.
pub fn read(dir: &Path) -> Result<Vec<Article>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut annotations: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".ann.json"))
        .collect();
    annotations.sort();
    let mut articles = Vec::with_capacity(annotations.len());
    for path in annotations {
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        let name = file.trim_end_matches(".ann.json").to_string();
        let json =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let annotation: Annotation =
            serde_json::from_str(&json).map_err(|e| format!("{}: {e}", path.display()))?;
        let (article, kind) = [("txt", InputKind::Text), ("html", InputKind::Html)]
            .into_iter()
            .map(|(ext, kind)| (dir.join(format!("{name}.{ext}")), kind))
            .find(|(p, _)| p.exists())
            .ok_or_else(|| format!("{}: no {name}.txt or {name}.html beside it", path.display()))?;
        let input =
            std::fs::read_to_string(&article).map_err(|e| format!("{}: {e}", article.display()))?;
        articles.push(Article {
            name,
            input,
            kind,
            annotation,
        });
    }
    if articles.is_empty() {
        return Err(format!("{}: no *.ann.json files", dir.display()));
    }
    Ok(articles)
}

/// Hits out of a total, for precision, recall and accuracy alike.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Ratio {
    pub hits: usize,
    pub of: usize,
}

impl Ratio {
    fn count(&mut self, hit: bool) {
        self.hits += usize::from(hit);
        self.of += 1;
    }

    /// The ratio, or 0 when there is nothing to count.
    pub fn value(&self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            self.hits as f64 / self.of as f64
        }
    }
}

/// Every score, summed over the articles.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub articles: usize,
    /// Pooled over every loaded-language category (a span counts whatever
    /// category either side gives it).
    pub loaded: SpanScore,
    pub loaded_by_category: BTreeMap<&'static str, SpanScore>,
    /// Loaded-language flags in the author's voice in neutral articles.
    pub neutral_author_flags: usize,
    pub unsourced_precision: Ratio,
    pub unsourced_recall: Ratio,
    pub claim: Ratio,
    pub attribution: Ratio,
    /// Annotated attribution → what Slant said (`None`: sentence not found).
    pub confusion: BTreeMap<(Attribution, Option<Attribution>), usize>,
    pub sources_precision: Ratio,
    pub sources_recall: Ratio,
    /// Names listed as people that read as places, dates or regions.
    pub places_as_people: Vec<String>,
    pub metadata: BTreeMap<String, Ratio>,
    /// What did not match, per article: for reading, not scoring.
    pub notes: Vec<String>,
}

/// Analyses and scores every article.
pub fn evaluate(articles: &[Article], options: &Options) -> Scores {
    let mut scores = Scores::default();
    for article in articles {
        let options = Options {
            input: Some(article.kind),
            ..options.clone()
        };
        match crate::analyze(&article.input, &options) {
            Ok(report) => score(&article.name, &report, &article.annotation, &mut scores),
            Err(e) => scores.notes.push(format!("{}: {e}", article.name)),
        }
    }
    scores
}

/// Adds one article's report to `scores`.
pub fn score(name: &str, report: &Report, annotation: &Annotation, scores: &mut Scores) {
    scores.articles += 1;
    let text = report.text.as_str();
    let bytes = Utf16ToBytes::new(text);
    let chars = CharOffsets::new(text);
    let flag_range = |start: usize, end: usize| bytes.get(start)..bytes.get(end);
    let mut notes = Vec::new();

    // Loaded language.
    let gold_loaded = locate_all(text, &annotation.loaded, name, "loaded", &mut notes);
    let predicted_loaded: Vec<(Category, Range<usize>)> = report
        .flags
        .iter()
        .filter(|f| f.category.kind() == Kind::LoadedLanguage)
        .map(|f| (f.category, flag_range(f.start, f.end)))
        .collect();
    let in_chars = |ranges: &mut dyn Iterator<Item = &Range<usize>>| -> Vec<Range<usize>> {
        ranges.map(|r| chars.range(r)).collect()
    };
    scores.loaded.add(
        &in_chars(&mut predicted_loaded.iter().map(|(_, r)| r)),
        &in_chars(&mut gold_loaded.iter().map(|(_, r)| r)),
    );
    for category in Category::ALL
        .iter()
        .filter(|c| c.kind() == Kind::LoadedLanguage)
    {
        let key = category.key();
        let predicted = in_chars(
            &mut predicted_loaded
                .iter()
                .filter(|(c, _)| c == category)
                .map(|(_, r)| r),
        );
        let gold = in_chars(
            &mut gold_loaded
                .iter()
                .filter(|(c, _)| *c == key)
                .map(|(_, r)| r),
        );
        scores
            .loaded_by_category
            .entry(key)
            .or_default()
            .add(&predicted, &gold);
    }
    if annotation.neutral {
        for f in &report.flags {
            if f.category.kind() == Kind::LoadedLanguage && !f.in_quotation {
                scores.neutral_author_flags += 1;
                notes.push(format!(
                    "{name}: author-voice loaded flag in neutral copy: {:?} ({})",
                    report.flag_text(f),
                    f.category.key()
                ));
            }
        }
    }

    // Unsourced assertions: any overlap counts.
    let gold_unsourced = locate_all(text, &annotation.unsourced, name, "unsourced", &mut notes);
    let predicted_unsourced: Vec<(&str, Range<usize>)> = report
        .flags
        .iter()
        .filter(|f| f.category.kind() == Kind::UnsourcedAssertion)
        .map(|f| (f.category.key(), flag_range(f.start, f.end)))
        .collect();
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    for (category, p) in &predicted_unsourced {
        let hit = gold_unsourced.iter().any(|(_, g)| overlaps(p, g));
        scores.unsourced_precision.count(hit);
        if !hit {
            notes.push(format!(
                "{name}: unsourced flag not annotated: {:?} ({category})",
                &text[p.clone()]
            ));
        }
    }
    for (category, g) in &gold_unsourced {
        let hit = predicted_unsourced.iter().any(|(_, p)| overlaps(p, g));
        scores.unsourced_recall.count(hit);
        if !hit {
            notes.push(format!(
                "{name}: annotated unsourced span missed: {:?} ({category})",
                &text[g.clone()]
            ));
        }
    }
    // An annotated span whose text was not found is missed too.
    for _ in gold_unsourced.len()..annotation.unsourced.len() {
        scores.unsourced_recall.count(false);
    }

    // Sentences.
    let sentences: Vec<Range<usize>> = report
        .sentences
        .iter()
        .map(|s| flag_range(s.start, s.end))
        .collect();
    let mut from = 0;
    let mut sentence = 0;
    for annotated in &annotation.sentences {
        let found = text[from..].find(&annotated.starts).map(|i| from + i);
        let index = found.and_then(|at| {
            while sentence < sentences.len() && sentences[sentence].end <= at {
                sentence += 1;
            }
            (sentence < sentences.len() && sentences[sentence].start <= at).then_some(sentence)
        });
        if let Some(at) = found {
            from = at + annotated.starts.len();
        }
        let Some(index) = index else {
            if annotated.claim {
                scores.attribution.count(false);
                if let Some(expected) = annotated.attribution {
                    *scores.confusion.entry((expected, None)).or_default() += 1;
                }
                notes.push(format!(
                    "{name}: claim sentence not found: {:?}",
                    annotated.starts
                ));
            }
            continue;
        };
        let got = &report.sentences[index];
        scores.claim.count(got.claim == annotated.claim);
        if got.claim != annotated.claim {
            notes.push(format!(
                "{name}: claim {} expected {}: {:?}",
                got.claim, annotated.claim, annotated.starts
            ));
        }
        if annotated.claim {
            let expected = annotated.attribution.unwrap_or(Attribution::None);
            scores.attribution.count(got.attribution == expected);
            *scores
                .confusion
                .entry((expected, Some(got.attribution)))
                .or_default() += 1;
            if got.attribution != expected {
                notes.push(format!(
                    "{name}: {:?} (source {:?}) expected {:?} ({:?}): {:?}",
                    got.attribution,
                    got.source.as_deref().unwrap_or("-"),
                    expected,
                    annotated.source.as_deref().unwrap_or("-"),
                    annotated.starts
                ));
            }
        }
    }

    // Sources.
    let annotated_named: Vec<&AnnotatedSource> = annotation
        .sources
        .iter()
        .filter(|s| s.kind != SourceKind::Vague)
        .collect();
    let listed: Vec<_> = report
        .sources
        .iter()
        .filter(|s| s.kind != SourceKind::Vague)
        .collect();
    let mut found = vec![false; annotated_named.len()];
    for source in &listed {
        let matched: Vec<usize> = annotated_named
            .iter()
            .enumerate()
            .filter(|(_, a)| source_matches(&source.name, a))
            .map(|(i, _)| i)
            .collect();
        scores.sources_precision.count(!matched.is_empty());
        for &i in &matched {
            found[i] = true;
        }
        if matched.is_empty() {
            notes.push(format!(
                "{name}: source not annotated: {:?} ({:?})",
                source.name, source.kind
            ));
            if source.kind == SourceKind::Person && reads_as_place(&source.name, text) {
                scores.places_as_people.push(source.name.clone());
            }
        }
    }
    for (annotated, found) in annotated_named.iter().zip(found) {
        scores.sources_recall.count(found);
        if !found {
            notes.push(format!(
                "{name}: annotated source missing: {:?} ({:?})",
                annotated.name, annotated.kind
            ));
        }
    }

    // Metadata.
    for (field, expected) in &annotation.metadata {
        let got = match field.as_str() {
            "title" => serde_json::json!(report.metadata.title),
            "authors" => serde_json::json!(report.metadata.authors),
            "published" => serde_json::json!(report.metadata.published),
            "publisher" => serde_json::json!(report.metadata.publisher),
            "section" => serde_json::json!(report.metadata.section),
            "tags" => serde_json::json!(report.metadata.tags),
            "language" => serde_json::json!(report.metadata.language),
            "description" => serde_json::json!(report.metadata.description),
            "url" => serde_json::json!(report.metadata.url),
            _ => serde_json::Value::Null,
        };
        let right = same_metadata(&got, expected);
        scores
            .metadata
            .entry(field.clone())
            .or_default()
            .count(right);
        if !right {
            notes.push(format!(
                "{name}: metadata.{field}: {got} expected {expected}"
            ));
        }
    }
    scores.notes.extend(notes);
}

/// Byte ranges of annotated spans, each searched for from the end of the
/// one before; a span not found is noted and left out. A span whose match
/// would leave the next span nowhere to be found after it is taken to be
/// missing too (its words are in a caption the extractor leaves out, and a
/// later use of the same word would otherwise swallow the spans between).
fn locate_all<'a>(
    text: &str,
    spans: &'a [AnnotatedSpan],
    name: &str,
    list: &str,
    notes: &mut Vec<String>,
) -> Vec<(&'a str, Range<usize>)> {
    let mut from = 0;
    let mut found = Vec::with_capacity(spans.len());
    for (k, span) in spans.iter().enumerate() {
        let at = text[from..].find(&span.text).map(|i| from + i);
        let leaves_next = |start: usize| {
            spans.get(k + 1).is_none_or(|n| {
                text[start + span.text.len()..].contains(&n.text) || !text[from..].contains(&n.text)
            })
        };
        match at {
            Some(start) if leaves_next(start) => {
                from = start + span.text.len();
                found.push((span.category.as_str(), start..from));
            }
            _ => notes.push(format!("{name}: {list} span not found: {:?}", span.text)),
        }
    }
    found
}

/// A name for comparison: lower case, straight apostrophes, single spaces,
/// without leading titles or article and without a trailing possessive.
pub fn normalise_name(name: &str) -> String {
    const TITLES: &[&str] = &[
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "prof",
        "professor",
        "sen",
        "senator",
        "councillor",
        "councilor",
        "rep",
        "gov",
        "governor",
        "col",
        "sir",
        "dame",
        "lord",
        "lady",
    ];
    let lower = name.to_lowercase().replace('’', "'");
    let mut words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '“' | '”')))
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1
        && (matches!(words[0], "the" | "a" | "an")
            || TITLES.contains(&words[0].trim_end_matches('.')))
    {
        words.remove(0);
    }
    let mut joined = words.join(" ");
    for suffix in ["'s", "'"] {
        if let Some(stripped) = joined.strip_suffix(suffix) {
            joined = stripped.to_string();
            break;
        }
    }
    joined.trim_end_matches('.').to_string()
}

/// Whether a name the report lists is the annotated source: its name or an
/// alias, or, for a person, a name that holds the full name.
pub fn source_matches(listed: &str, annotated: &AnnotatedSource) -> bool {
    let listed = normalise_name(listed);
    let full = normalise_name(&annotated.name);
    if listed == full
        || annotated
            .aliases
            .iter()
            .any(|alias| normalise_name(alias) == listed)
    {
        return true;
    }
    if annotated.kind == SourceKind::Person && full.contains(' ') {
        let words: Vec<&str> = listed.split(' ').collect();
        let wanted: Vec<&str> = full.split(' ').collect();
        return words.windows(wanted.len()).any(|w| w == wanted.as_slice());
    }
    false
}

/// Whether a name listed as a person (and matched by no annotated source)
/// reads as a place, a date or a region: it holds a day, a month, a compass
/// point, a country or nation of the British Isles, or it is written after
/// a preposition of place or time somewhere in the text ("in Thornbury",
/// "on Thursday"). A judgment of the scorer, not of Slant: the names are
/// printed for a reader to check.
pub fn reads_as_place(name: &str, text: &str) -> bool {
    const WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "england",
        "scotland",
        "wales",
        "ireland",
        "britain",
        "europe",
        "america",
        "county",
        "city",
        "region",
        "valley",
        "street",
        "road",
    ];
    // A body listed as a person is wrong, but no place.
    const BODIES: &[&str] = &[
        "securities",
        "bank",
        "banco",
        "group",
        "inc",
        "ltd",
        "capital",
        "partners",
        "holdings",
        "university",
        "college",
        "council",
        "department",
        "agency",
        "association",
        "trust",
        "company",
        "corp",
        "union",
        "institute",
        "hospital",
        "authority",
        "service",
    ];
    let lower = normalise_name(name);
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    if words.iter().any(|w| BODIES.contains(w)) {
        return false;
    }
    if words.iter().any(|w| WORDS.contains(w)) {
        return true;
    }
    if name.len() <= 4 && name.chars().any(|c| !c.is_alphanumeric()) {
        return true; // "A&E"
    }
    ["in ", "at ", "on ", "from ", "near ", "across ", "outside "]
        .iter()
        .any(|p| text.contains(&format!("{p}{name}")))
        && !text.contains(&format!("{name} said"))
}

/// Metadata values compared without case, surrounding space, or a leading "the".
fn same_metadata(got: &serde_json::Value, expected: &serde_json::Value) -> bool {
    use serde_json::Value;
    let norm = |s: &str| {
        let s = s.trim().to_lowercase();
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
    };
    match (got, expected) {
        (Value::String(a), Value::String(b)) => norm(a) == norm(b),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_metadata(x, y))
        }
        (Value::Null, Value::Null) => true,
        (Value::Array(a), Value::Null) => a.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
