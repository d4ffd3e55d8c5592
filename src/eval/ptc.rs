//! The SemEval-2020 Task 11 layout: `article<ID>.txt` (title on the first
//! line, paragraphs between blank lines) and `article<ID>.task-flc-tc.labels`
//! (one span a line: `<ID> <technique> <start> <end>`, tab-separated,
//! offsets in Unicode code points, end exclusive). Articles and labels may
//! sit in one folder or in any folders below the one given (the corpus
//! ships `articles/` and `labels/`).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The 14 techniques of the task, as its labels name them.
pub const TECHNIQUES: [&str; 14] = [
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Doubt",
    "Exaggeration,Minimisation",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Appeal_to_Authority",
    "Slogans",
    "Whataboutism,Straw_Men,Red_Herring",
    "Black-and-White_Fallacy",
    "Thought-terminating_Cliches",
    "Bandwagon,Reductio_ad_hitlerum",
];

/// One article with its gold spans (byte ranges into `text`).
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub text: String,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub technique: String,
    pub range: Range<usize>,
}

/// Whether `dir` holds this layout (an `article*.txt` anywhere below it).
pub fn is_ptc(dir: &Path) -> bool {
    let mut found = false;
    walk(dir, &mut |path| {
        found |= article_id(path).is_some();
    });
    found
}

/// Every article below `dir` with its labels, in order of id. An article
/// without a labels file has no spans (a corpus split without labels can
/// still be scored for precision).
pub fn read(dir: &Path) -> Result<Vec<Article>, String> {
    let mut texts: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut labels: BTreeMap<String, PathBuf> = BTreeMap::new();
    walk(dir, &mut |path| {
        if let Some(id) = article_id(path) {
            texts.insert(id, path.to_path_buf());
        } else if let Some(id) = labels_id(path) {
            labels.insert(id, path.to_path_buf());
        }
    });
    if texts.is_empty() {
        return Err(format!("{}: no article<ID>.txt files", dir.display()));
    }
    let mut articles = Vec::with_capacity(texts.len());
    for (id, path) in texts {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let spans = match labels.get(&id) {
            Some(path) => {
                let lines = std::fs::read_to_string(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                parse_labels(&lines, &text)
                    .map_err(|e| format!("{}: {e}", path.display()))?
                    .into_iter()
                    .filter(|(label_id, _)| *label_id == id)
                    .map(|(_, span)| span)
                    .collect()
            }
            None => Vec::new(),
        };
        articles.push(Article { id, text, spans });
    }
    Ok(articles)
}

/// Lines of the labels format, each as (article id, span with byte offsets
/// into `text`). Offsets past the text's end are an error.
pub fn parse_labels(lines: &str, text: &str) -> Result<Vec<(String, Span)>, String> {
    let bytes_at = code_point_offsets(text);
    let mut spans = Vec::new();
    for (n, line) in lines.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, technique, start, end] = fields[..] else {
            return Err(format!(
                "line {}: expected `id<TAB>technique<TAB>start<TAB>end`",
                n + 1
            ));
        };
        let offset = |s: &str| -> Result<usize, String> {
            let at: usize = s
                .trim()
                .parse()
                .map_err(|_| format!("line {}: `{s}` is not an offset", n + 1))?;
            bytes_at
                .get(at)
                .copied()
                .ok_or_else(|| format!("line {}: offset {at} is past the article's end", n + 1))
        };
        let (start, end) = (offset(start)?, offset(end)?);
        if start > end {
            return Err(format!("line {}: the span ends before it starts", n + 1));
        }
        spans.push((
            id.trim().to_string(),
            Span {
                technique: technique.to_string(),
                range: start..end,
            },
        ));
    }
    Ok(spans)
}

/// Byte offset of every code point of `text`, and of its end.
pub fn code_point_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// `article123.txt` → "123".
fn article_id(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let id = name.strip_prefix("article")?.strip_suffix(".txt")?;
    (!id.is_empty()).then(|| id.to_string())
}

/// `article123.task-flc-tc.labels` (or any `article123*.labels`) → "123".
fn labels_id(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_prefix("article")?.strip_suffix(".labels")?;
    let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!id.is_empty()).then_some(id)
}

fn walk(dir: &Path, visit: &mut dyn FnMut(&Path)) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, visit);
        } else {
            visit(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_use_code_point_offsets() {
        // "é" is one code point and two bytes: code point 5 is byte 6.
        let text = "Café—a “sham” deal";
        let lines = "7\tLoaded_Language\t8\t12\n7\tDoubt\t0\t4\n";
        let spans = parse_labels(lines, text).unwrap();
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].0, "7");
        assert_eq!(&text[spans[0].1.range.clone()], "sham");
        assert_eq!(&text[spans[1].1.range.clone()], "Café");
    }

    #[test]
    fn bad_label_lines_are_errors() {
        assert!(parse_labels("1\tDoubt\t0\n", "text").is_err());
        assert!(parse_labels("1\tDoubt\t0\t99\n", "text").is_err());
        assert!(parse_labels("1\tDoubt\tx\t2\n", "text").is_err());
        assert!(parse_labels("1\tDoubt\t3\t2\n", "text").is_err());
    }

    #[test]
    fn reads_articles_and_labels_from_folders_below() {
        let dir = std::env::temp_dir().join(format!("slant-ptc-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("articles")).unwrap();
        std::fs::create_dir_all(dir.join("labels")).unwrap();
        std::fs::write(dir.join("articles/article2.txt"), "Title\n\nA vile plan.").unwrap();
        std::fs::write(dir.join("articles/article1.txt"), "Other\n\nNothing.").unwrap();
        std::fs::write(
            dir.join("labels/article2.task-flc-tc.labels"),
            "2\tLoaded_Language\t9\t13\n",
        )
        .unwrap();
        assert!(is_ptc(&dir));
        let articles = read(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].id, "1");
        assert!(articles[0].spans.is_empty());
        let span = &articles[1].spans[0];
        assert_eq!(span.technique, "Loaded_Language");
        assert_eq!(&articles[1].text[span.range.clone()], "vile");
    }
}
