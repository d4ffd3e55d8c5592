//! Interviews laid out as questions and answers. An answer is the
//! interviewee's words though no quotation mark or "she said" says so, and a
//! question is the interviewer's: asking a novelist "Was that deliberate?"
//! casts no doubt on her.
//!
//! Two layouts are recognised, by paragraphs:
//! - marked: "Q: …" / "A: …" (or "Q." / "A.", "Question:" / "Answer:"), at
//!   least two questions;
//! - unmarked, as a page's bold questions paste: short paragraphs ending in
//!   "?" (or opening with "Tell me about …"), each followed by an answer. At
//!   least three such questions, one of them to "you", and questions make
//!   at least a third of the paragraphs from the first one on, so an
//!   op-ed's rhetorical question now and then is no interview.
//!
//! Who answers is attribution's to find (the person the introduction names).

use std::ops::Range;

/// The paragraphs (indices into `Segments::paragraphs`) that are questions
/// and answers, each list in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Interview {
    pub questions: Vec<usize>,
    pub answers: Vec<usize>,
}

impl Interview {
    pub fn is_answer(&self, paragraph: usize) -> bool {
        self.answers.binary_search(&paragraph).is_ok()
    }

    /// The paragraph of the first question: the introduction ends there.
    pub fn first_question(&self) -> usize {
        self.questions.first().copied().unwrap_or(0)
    }
}

/// A question longer than this is prose that happens to end in "?".
const QUESTION_MAX_WORDS: usize = 60;
/// "Tell me about the three sisters.": a request in place of a question.
const REQUEST_MAX_WORDS: usize = 20;
const REQUESTS: [&str; 5] = ["Tell ", "Talk ", "Describe ", "Explain ", "Walk "];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    MarkedQuestion,
    MarkedAnswer,
    /// Ends in "?".
    Question,
    /// "Tell me about …": a question only among others.
    Request,
    Other,
}

fn kind(paragraph: &str) -> Kind {
    let has = |marks: &[&str]| marks.iter().any(|m| paragraph.starts_with(m));
    if has(&["Q: ", "Q. ", "Question: "]) {
        return Kind::MarkedQuestion;
    }
    if has(&["A: ", "A. ", "Answer: "]) {
        return Kind::MarkedAnswer;
    }
    // A quotation that ends in "?" is somebody's question, not the
    // interviewer's: it opens with its mark.
    if paragraph.starts_with(['"', '“', '‘', '\'']) {
        return Kind::Other;
    }
    // Words are counted only where a question or request is possible: this
    // runs on every paragraph of every text.
    let asks = paragraph.ends_with('?');
    if !asks && !REQUESTS.iter().any(|r| paragraph.starts_with(r)) {
        return Kind::Other;
    }
    let words = paragraph
        .split_whitespace()
        .take(QUESTION_MAX_WORDS + 1)
        .count();
    if asks && words <= QUESTION_MAX_WORDS {
        Kind::Question
    } else if !asks && words <= REQUEST_MAX_WORDS {
        Kind::Request
    } else {
        Kind::Other
    }
}

/// Addresses the interviewee: "you" or "your" as a word.
fn to_you(paragraph: &str) -> bool {
    paragraph
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .any(|w| matches!(w, "you" | "your" | "You" | "Your"))
}

/// The text's interview, if its paragraphs are laid out as one. The
/// headline is never a question.
pub fn find(
    text: &str,
    paragraphs: &[Range<usize>],
    headline: Option<&Range<usize>>,
) -> Option<Interview> {
    let kinds: Vec<Kind> = paragraphs
        .iter()
        .map(|p| match headline == Some(p) {
            true => Kind::Other,
            false => kind(text[p.clone()].trim()),
        })
        .collect();
    let marked = kinds.iter().filter(|&&k| k == Kind::MarkedQuestion).count();
    if marked >= 2 {
        return Some(pair_up(&kinds, true));
    }
    let is_question = |k: Kind| is_question(k, false);
    // Questions answered by the paragraph after them.
    let answered = |k: usize| is_question(kinds[k]) && kinds.get(k + 1) == Some(&Kind::Other);
    let asked: Vec<usize> = (0..kinds.len())
        .filter(|&k| kinds[k] == Kind::Question && answered(k))
        .collect();
    let first = *asked.first()?;
    let questions = (first..kinds.len())
        .filter(|&k| is_question(kinds[k]))
        .count();
    let interview = asked.len() >= 3
        && asked.iter().any(|&k| to_you(&text[paragraphs[k].clone()]))
        && questions * 3 >= kinds.len() - first;
    interview.then(|| pair_up(&kinds, false))
}

/// A question of a `marked` layout ("Q: …") or of an unmarked one.
fn is_question(kind: Kind, marked: bool) -> bool {
    match marked {
        true => kind == Kind::MarkedQuestion,
        false => matches!(kind, Kind::Question | Kind::Request),
    }
}

/// The questions; the answers are every other paragraph after the first
/// question.
fn pair_up(kinds: &[Kind], marked: bool) -> Interview {
    let mut interview = Interview::default();
    let Some(first) = kinds.iter().position(|&k| is_question(k, marked)) else {
        return interview;
    };
    for (k, &kind) in kinds.iter().enumerate().skip(first) {
        if is_question(kind, marked) {
            interview.questions.push(k);
        } else {
            interview.answers.push(k);
        }
    }
    interview
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs_between_blank_lines;

    fn interview(text: &str) -> Option<Interview> {
        find(text, &paragraphs_between_blank_lines(text), None)
    }

    const NOVELIST: &str = "The novelist Mara Quill was born in Leith in 1979.\n\n\
        Why did the book take eight years to write?\n\n\
        Because I wrote it wrong three times.\n\n\
        What changed in the fourth version?\n\n\
        I stopped explaining. It was homework.\n\n\
        Tell me about the sisters.\n\n\
        Meilin is the eldest.\n\n\
        Do you think of yourself as a Scottish writer?\n\n\
        Some days I do.";

    #[test]
    fn bold_questions_pasted_as_paragraphs_make_an_interview() {
        let found = interview(NOVELIST).expect("an interview");
        assert_eq!(found.questions, [1, 3, 5, 7]);
        assert_eq!(found.answers, [2, 4, 6, 8]);
        assert_eq!(found.first_question(), 1);
        assert!(found.is_answer(4) && !found.is_answer(0) && found.questions.contains(&5));
    }

    #[test]
    fn marked_questions_and_answers_make_one() {
        let text = "Intro about Dr Ana Ruiz.\n\nQ: What did you find?\n\nA: Salt marshes store carbon.\n\n\
                    More of the answer.\n\nQ. Why does it matter?\n\nA. Because they are vanishing.";
        let found = interview(text).expect("an interview");
        assert_eq!(found.questions, [1, 4]);
        assert_eq!(found.answers, [2, 3, 5]);
    }

    #[test]
    fn rhetorical_questions_in_an_op_ed_do_not() {
        // Three questions the author answers, but among many paragraphs of
        // argument and never to "you".
        let mut text = String::from("Opinion: the bypass is a mistake\n\n");
        for question in ["Who pays for it?", "Who asked for it?", "Who gains?"] {
            text.push_str(question);
            text.push_str("\n\nThe council, as ever, and nobody else at all.\n\n");
            text.push_str("The plan has grown by half since it was drawn.\n\n");
            text.push_str("Residents were not consulted.\n\n");
        }
        assert_eq!(interview(text.trim_end()), None);
        // To "you", but a question in only every fourth paragraph.
        let text = text.replace("Who gains?", "Do you gain?");
        assert_eq!(interview(text.trim_end()), None);
    }

    #[test]
    fn quoted_questions_and_a_lone_question_are_not_an_interview() {
        let text = "“Do you think we wanted this?” she asked.\n\nShe was angry.\n\n\
                    “Would you?” he said.\n\nHe left.\n\n“Who are you?”\n\nNobody answered.";
        assert_eq!(interview(text), None);
        assert_eq!(interview("Is this a question?\n\nYes, it is."), None);
        assert_eq!(interview(""), None);
    }
}
