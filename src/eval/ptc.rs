//! The SemEval-2020 Task 11 layout: `article<ID>.txt` (title on the first
//! line, paragraphs between blank lines) and `article<ID>.task-flc-tc.labels`
//! (one span a line: `<ID> <technique> <start> <end>`, tab-separated,
//! offsets in Unicode code points, end exclusive). Articles and labels may
//! sit in one folder or in any folders below the one given (the corpus
//! ships `articles/` and `labels/`). Where there are no such files, a
//! split's labels may come as one file of every article's lines (one other
//! `*.labels`, as the task released the development split's gold).

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
/// without a labels line has no spans (a corpus split without labels can
/// still be scored for precision).
pub fn read(dir: &Path) -> Result<Vec<Article>, String> {
    let mut texts: BTreeMap<String, PathBuf> = BTreeMap::new();
    // Per-article files (`article<ID>….labels`), whose lines are that
    // article's; and files of many articles' lines.
    let mut own_labels: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut shared_labels: Vec<PathBuf> = Vec::new();
    walk(dir, &mut |path| {
        if let Some(id) = article_id(path) {
            texts.insert(id, path.to_path_buf());
        } else if let Some(id) = labels_id(path) {
            own_labels.insert(id, path.to_path_buf());
        } else if path.extension().is_some_and(|e| e == "labels") {
            shared_labels.push(path.to_path_buf());
        }
    });
    if texts.is_empty() {
        return Err(format!("{}: no article<ID>.txt files", dir.display()));
    }
    let mut articles = Vec::with_capacity(texts.len());
    for (id, path) in texts {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        articles.push(Article {
            id,
            text,
            spans: Vec::new(),
        });
    }
    let read_lines =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    // Per-article files are the gold where there are any: another `*.labels`
    // beside them is taken for predictions, not read.
    let shared = match (own_labels.is_empty(), &shared_labels[..]) {
        (false, _) | (true, []) => None,
        (true, [one]) => Some(one),
        (true, several) => {
            let names: Vec<String> = several.iter().map(|p| p.display().to_string()).collect();
            return Err(format!(
                "{}: several labels files, which are the gold? {}",
                dir.display(),
                names.join(", ")
            ));
        }
    };
    if let Some(path) = shared {
        let mut spans = spans_by_article(&read_lines(path)?, &articles)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        for article in &mut articles {
            article.spans = spans.remove(&article.id).unwrap_or_default();
        }
    }
    for article in &mut articles {
        if let Some(path) = own_labels.get(&article.id) {
            let mut spans = spans_by_article(&read_lines(path)?, std::slice::from_ref(article))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            article.spans = spans.remove(&article.id).unwrap_or_default();
        }
    }
    Ok(articles)
}

/// Lines of the labels format for any number of articles (a split's
/// labels, another system's predictions), by article id, with byte offsets
/// into each article's text. Lines of articles not among `articles` are
/// skipped, but must still be label lines; a bad line, or an offset past its
/// article's end, is an error.
pub fn spans_by_article(
    lines: &str,
    articles: &[Article],
) -> Result<BTreeMap<String, Vec<Span>>, String> {
    let texts: BTreeMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    // Each article's code point offsets, made once, at its first line.
    let mut offsets: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut out: BTreeMap<String, Vec<Span>> = BTreeMap::new();
    for (n, line) in lines.lines().enumerate() {
        let at_line = |e: String| format!("line {}: {e}", n + 1);
        let Some(label) = parse_line(line).map_err(at_line)? else {
            continue;
        };
        let Some((&id, text)) = texts.get_key_value(label.id) else {
            continue;
        };
        let bytes_at = offsets
            .entry(id)
            .or_insert_with(|| code_point_offsets(text));
        let byte = |at: usize| {
            bytes_at
                .get(at)
                .copied()
                .ok_or_else(|| at_line(format!("offset {at} is past the article's end")))
        };
        out.entry(id.to_string()).or_default().push(Span {
            technique: label.technique.to_string(),
            range: byte(label.start)?..byte(label.end)?,
        });
    }
    Ok(out)
}

/// One line of the labels format, offsets still in code points.
struct Label<'l> {
    id: &'l str,
    technique: &'l str,
    start: usize,
    end: usize,
}

/// `id<TAB>technique<TAB>start<TAB>end`; `None` for a blank line.
fn parse_line(line: &str) -> Result<Option<Label<'_>>, String> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() {
        return Ok(None);
    }
    let fields: Vec<&str> = line.split('\t').collect();
    let [id, technique, start, end] = fields[..] else {
        return Err("expected `id<TAB>technique<TAB>start<TAB>end`".to_string());
    };
    let offset = |s: &str| -> Result<usize, String> {
        s.trim()
            .parse()
            .map_err(|_| format!("`{s}` is not an offset"))
    };
    let (start, end) = (offset(start)?, offset(end)?);
    if start > end {
        return Err("the span ends before it starts".to_string());
    }
    Ok(Some(Label {
        id: id.trim(),
        technique,
        start,
        end,
    }))
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
        let lines = "7\tLoaded_Language\t8\t12\r\n\n7\tDoubt\t0\t4\n";
        let spans = &spans_by_article(lines, &[article("7", text)]).unwrap()["7"];
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].technique, "Loaded_Language");
        assert_eq!(&text[spans[0].range.clone()], "sham");
        assert_eq!(&text[spans[1].range.clone()], "Café");
    }

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            text: text.to_string(),
            spans: Vec::new(),
        }
    }

    #[test]
    fn bad_label_lines_are_errors() {
        let text = [article("1", "text")];
        for line in [
            "1\tDoubt\t0",
            "1\tDoubt\t0\t99",
            "1\tDoubt\tx\t2",
            "1\tDoubt\t3\t2",
        ] {
            let error = spans_by_article(&format!("\n{line}\n"), &text).unwrap_err();
            assert!(error.starts_with("line 2: "), "{error}");
        }
        // A line of an article not read is skipped, but not if it is no label line.
        assert!(spans_by_article("9\tDoubt\t0\t99\n", &text)
            .unwrap()
            .is_empty());
        assert!(spans_by_article("9\tDoubt\t0\n", &text).is_err());
    }

    #[test]
    fn a_splits_labels_in_one_file_go_to_their_articles() {
        let dir = std::env::temp_dir().join(format!("slant-ptc-one-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("article1.txt"), "A vile plan.").unwrap();
        std::fs::write(dir.join("article2.txt"), "Ça, a sham.").unwrap();
        std::fs::write(dir.join("article3.txt"), "Nothing.").unwrap();
        std::fs::write(
            dir.join("dev-task-flc-tc.labels"),
            "2\tDoubt\t6\t10\n1\tLoaded_Language\t2\t6\n44\tDoubt\t0\t1\n",
        )
        .unwrap();
        let articles = read(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let texts: Vec<Vec<&str>> = articles
            .iter()
            .map(|a| a.spans.iter().map(|s| &a.text[s.range.clone()]).collect())
            .collect();
        assert_eq!(texts, [vec!["vile"], vec!["sham"], vec![]]);
    }

    #[test]
    fn per_article_labels_are_the_gold_beside_another_labels_file() {
        let dir = std::env::temp_dir().join(format!("slant-ptc-pred-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("article1.txt"), "A vile plan.").unwrap();
        std::fs::write(dir.join("article1.task-flc-tc.labels"), "1\tDoubt\t2\t6\n").unwrap();
        std::fs::write(dir.join("predictions.labels"), "1\tDoubt\t7\t11\n").unwrap();
        let articles = read(&dir).unwrap();
        std::fs::remove_file(dir.join("article1.task-flc-tc.labels")).unwrap();
        std::fs::write(dir.join("other.labels"), "1\tDoubt\t7\t11\n").unwrap();
        let two_files = read(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(articles[0].spans.len(), 1);
        assert_eq!(articles[0].spans[0].range, 2..6);
        assert!(two_files.unwrap_err().contains("several labels files"));
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
