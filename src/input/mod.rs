//! Input: decide whether the paste is plain text or HTML, then read it into a
//! [`Document`]: the text to analyse, its metadata, and which parts of the
//! text are article prose (as opposed to header, footer and boilerplate).

mod html;
mod text;

use crate::metadata::Metadata;
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    Text,
    Html,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub kind: InputKind,
    /// The analysed text: the input itself for plain text, the extracted
    /// article text for HTML.
    pub text: String,
    pub metadata: Metadata,
    /// Byte ranges of `text` that are article prose, in order and disjoint.
    /// Everything else (byline, dateline, tag lines, footer) is not analysed.
    pub prose: Vec<Range<usize>>,
    /// The headline, when it is part of `text`.
    pub headline: Option<Range<usize>>,
}

/// Read `input` as `kind`, or detect the kind when `None`.
pub fn read(input: &str, kind: Option<InputKind>) -> Document {
    match kind.unwrap_or_else(|| detect(input)) {
        InputKind::Html => html::read(input),
        InputKind::Text => text::read(input),
    }
}

/// Whether the paste is a web page's HTML rather than prose that mentions a tag.
pub fn detect(input: &str) -> InputKind {
    let start = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let mut head_end = start.len().min(4096);
    while !start.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = start[..head_end].to_ascii_lowercase();
    let starts_like_markup = head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || (head.starts_with('<')
            && head.contains("</")
            && [
                "<p", "<div", "<article", "<body", "<head", "<meta", "<title", "<span", "<section",
                "<main", "<h1",
            ]
            .iter()
            .any(|tag| head.contains(tag)));
    if starts_like_markup || head.contains("<html") || head.contains("<body") {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_html_pages_and_fragments() {
        assert_eq!(
            detect("<!DOCTYPE html><html><p>x</p></html>"),
            InputKind::Html
        );
        assert_eq!(detect("\u{feff}  <html lang=en>"), InputKind::Html);
        assert_eq!(detect("<article><p>Hello</p></article>"), InputKind::Html);
    }

    #[test]
    fn prose_about_tags_stays_text() {
        assert_eq!(detect("Use the <p> tag for paragraphs."), InputKind::Text);
        assert_eq!(detect("<3 this story"), InputKind::Text);
        assert_eq!(detect(""), InputKind::Text);
    }
}
