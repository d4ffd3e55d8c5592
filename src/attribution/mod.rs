//! Attribution: who says so? Finds reporting frames ("X said", "said X",
//! "according to X", "several economists now believe", "it is widely
//! thought"), pairs quotations with speakers, resolves "he", "she", "it",
//! "they", "the agency" and "the estimates" to sources named before, merges
//! mentions of one source, decides for every sentence whether it is a claim
//! and whether it is attributed to a named source, a vague one, or none, and
//! records what each source is reported as saying.
//!
//! `attribute` reads the sentences once, in order, then once more for
//! quotations. Each sentence is split into tokens (`tokens.rs`), each
//! knowing its verb (`verbs.rs`) and whether it is quoted; `claims.rs`
//! says whether the sentence states anything; its reporting frames are
//! found (`frames.rs`) and each subject read (`phrase.rs`); a named subject
//! is filed in the source book, which merges the mentions of one source
//! (`sources.rs`); a pronoun or a definite "the agency" is resolved here, by
//! `Antecedents`, to the person or body named or cited last. The word lists
//! every step consults are in `words.rs`. `QuotationSpeakers` remembers who
//! speaks each quotation; the second pass gives that speaker to the
//! quotation's other sentences, and gives a quotation that opens a sentence
//! the speaker of the sentence before it in the same paragraph. Then each
//! source's sayings are filed (`record_sayings`).
//!
//! The stage reads every word of the article, so it is written to be cheap
//! per token and linear in the article: the word lists are hash tables built
//! once, a token's lower case, shape and verb are computed once, the
//! sentence's lower case lives in one buffer reused from sentence to
//! sentence, every walk from a verb is bounded (a clause of 40 tokens, a
//! name of 8), and the source book merges by hash lookups.

mod claims;
mod frames;
mod phrase;
mod sources;
mod tokens;
mod verbs;
mod words;

pub use phrase::Vagueness;
pub(crate) use words::{
    is_reporting_verb, names_place_or_body, with_lowercase as with_lowercase_pub, WordList,
};

use frames::{frames, mentions, Context, Frame};
use phrase::{Known, Pronoun, Subject};
use sources::{FullNames, SourceBook};
use tokens::{tokenize, Token};

use crate::segment::interview::Interview;
use crate::segment::{OverlapCursor, Quotation, Segments};
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    Named,
    Vague,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Person,
    Organisation,
    Document,
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    /// Byte ranges of each mention as a source.
    pub mentions: Vec<Range<usize>>,
    /// What the source is reported as saying, in order: each quotation it
    /// speaks (once, however many sentences it spans), or else each
    /// sentence attributed to it.
    pub says: Vec<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SentenceAttribution {
    pub attribution: Attribution,
    /// Index into `Analysis::sources`.
    pub source: Option<usize>,
}

/// A vague attribution found by the grammar ("several economists now
/// believe", "it is widely thought"): the words to flag and why.
#[derive(Debug, Clone, PartialEq)]
pub struct VagueFrame {
    pub range: Range<usize>,
    pub why: Vagueness,
}

#[derive(Debug, Default)]
pub struct Analysis {
    pub sentences: Vec<SentenceAttribution>,
    pub sources: Vec<Source>,
    /// Per quotation (same order as `Segments::quotations`): whether a speaker was found.
    pub quotation_has_speaker: Vec<bool>,
    /// Per sentence: whether it is a claim (a statement), not a question,
    /// an imperative, a byline, a dateline, a label or the author's bio.
    pub claims: Vec<bool>,
    /// Vague attributions, in text order.
    pub vague: Vec<VagueFrame>,
    /// Claims of what everyone knows ("Every teacher knows"), in text order.
    pub certainty: Vec<Range<usize>>,
    /// An interview's answers given to the interviewee (paragraph ranges,
    /// in order): their words, as a quotation's are its speaker's.
    pub answers: Vec<Range<usize>>,
}

/// What attribution needs to know of the article besides its segments.
#[derive(Debug, Clone, Copy, Default)]
pub struct Article<'a> {
    pub headline: Option<&'a Range<usize>>,
    /// The authors, from the metadata: their bio is no claim.
    pub authors: &'a [String],
    /// The publisher, from the metadata: "The Beacon understands" is its own.
    pub publisher: Option<&'a str>,
}

impl Known for SourceBook {
    fn person(&self, word: &str) -> bool {
        SourceBook::person(self, word)
    }
}

/// The people cited so far, and family names written first ("led by Park
/// Seo-yeon"): a lone "Park" later is her, not a park.
struct KnownPeople<'a> {
    book: &'a SourceBook,
    full_names: &'a FullNames,
}

impl Known for KnownPeople<'_> {
    fn person(&self, word: &str) -> bool {
        self.book.person(word) || self.full_names.family_name(word)
    }

    fn named_in_full(&self, word: &str) -> bool {
        self.full_names.knows(word)
    }
}

/// Attribute every sentence. `vague_flag_sentences[i]` says whether a
/// vague-attribution lexicon flag falls in sentence `i`.
pub fn attribute(
    text: &str,
    segments: &Segments,
    vague_flag_sentences: &[bool],
    article: &Article,
) -> Analysis {
    let mut book = SourceBook::default();
    let mut full_names = FullNames::default();
    let mut antecedents = Antecedents::default();
    let mut speakers = QuotationSpeakers::new(&segments.quotations);
    let mut sentences = Vec::with_capacity(segments.sentences.len());
    let mut claims = Vec::with_capacity(segments.sentences.len());
    let mut vague = Vec::new();
    let mut certainty = Vec::new();
    let mut lower_buffer = String::new();
    let mut quotations_in = OverlapCursor::new(segments.top_level());
    let publisher: Vec<String> = article
        .publisher
        .map(|p| {
            p.split_whitespace()
                .map(|w| w.to_lowercase())
                .filter(|w| {
                    !matches!(
                        w.as_str(),
                        "the" | "daily" | "news" | "weekly" | "sunday" | "evening" | "morning"
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let mut bio_paragraph = None;
    let mut interview = segments.interview.as_ref().map(Interviewee::new);
    let all = &segments.sentences;
    for (i, sentence) in all.iter().enumerate() {
        let mut attributed = SentenceAttribution {
            attribution: Attribution::None,
            source: None,
        };
        if article.headline == Some(&sentence.range) {
            sentences.push(attributed);
            claims.push(false);
            continue;
        }
        // A "sentence" of many thousand bytes is a run of text with no
        // sentence end (a list, a table, a machine's output): nobody is
        // quoted in it as a reader would see. Left unread, so its tokens
        // never take memory in proportion to the whole text.
        if sentence.range.len() > LONGEST_SENTENCE {
            sentences.push(attributed);
            claims.push(true);
            continue;
        }
        let in_sentence = quotations_in.overlapping(&sentence.range);
        // One buffer for every sentence's lower case: the tokens borrow it
        // only until the next sentence.
        let tokens = tokenize(text, sentence.range.clone(), &mut lower_buffer, in_sentence);

        let p = sentence.paragraph;
        let opens = i == 0 || all[i - 1].paragraph != p;
        let closes = all.get(i + 1).is_none_or(|next| next.paragraph != p);
        if opens && claims::bio(&tokens, article.authors) {
            bio_paragraph = Some(p);
        }
        let place = claims::Place {
            whole_paragraph: opens && closes,
        };
        let credit = claims::credit(&text[sentence.range.clone()]);
        claims.push(
            bio_paragraph != Some(p)
                && !credit
                && claims::is_claim(&text[sentence.range.clone()], &tokens, &place),
        );
        // A picture's credit closes its caption: the sentence before it, in
        // its paragraph or as a paragraph of its own, describes the picture.
        if credit && i > 0 {
            let before = &all[i - 1];
            let caption_line = i < 2 || all[i - 2].paragraph != before.paragraph;
            if before.paragraph == p || caption_line {
                claims[i - 1] = false;
            }
        }

        let cx = Context {
            text,
            known: &KnownPeople {
                book: &book,
                full_names: &full_names,
            },
            publisher: &publisher,
        };
        let named = mentions(&cx, &tokens);
        if let Some(interview) = &mut interview {
            interview.introduced(p, &named.people, article.authors);
        }
        let (mut found, certain) = frames(&cx, &tokens);
        certainty.extend(certain.into_iter().map(|c| c.range));
        crate::order::sort_by_key(&mut found, |f| f.range.start as u64);
        let (mut people, mut organisations) = (0, 0);
        let mut sentence_flag = None;
        for frame in found {
            // The people and bodies named before this frame, for its pronoun.
            while people < named.subjects.len()
                && named.people[named.subjects[people]].1.end <= frame.range.start
            {
                antecedents.mention(&named.people[named.subjects[people]]);
                people += 1;
            }
            // "When the Beacon contacted Andreou, he insisted": the one
            // person an opening clause names is who its "he" is, object or not.
            if matches!(frame.subject, Subject::Pronoun(Pronoun::Person)) {
                let is_person = |w: &str| book.person(w) || full_names.knows(w);
                if let Some(only) = opening_clause_person(&tokens, is_person, frame.range.start) {
                    antecedents.mention(&only);
                }
            }
            while organisations < named.organisations.len()
                && named.organisations[organisations].1.end <= frame.range.start
            {
                antecedents.mention_organisation(&named.organisations[organisations], i);
                organisations += 1;
            }
            // "…, the official said" after "A senior official at the
            // ministry, who spoke on condition of anonymity, said": the same
            // unnamed source again, listed and flagged once.
            if let Subject::Vague { phrase, .. } = &frame.subject {
                if let Some(i) = antecedents.unnamed_again(phrase, &book) {
                    book.sources[i].mentions.push(frame.range.clone());
                    if attributed.attribution == Attribution::None {
                        attributed = SentenceAttribution {
                            attribution: Attribution::Vague,
                            source: Some(i),
                        };
                    }
                    continue;
                }
            }
            // One flag a sentence: the vague frame that first decides it.
            // A vague frame inside what a named source reports ("Keller
            // said residents were worried") is that source's account.
            if let Some((range, why)) = &frame.flag {
                if attributed.attribution == Attribution::None {
                    sentence_flag = Some(VagueFrame {
                        range: range.clone(),
                        why: *why,
                    });
                }
            }
            // A frame at the sentence's end ("…, the ministry said") speaks
            // for it all; one inside what an earlier frame reports ("Critics
            // say the minister has said nothing") does not.
            // So does one whose source follows it in the sentence's last
            // clause ("…, according to a council report seen by the Warden.").
            let last_clause = || {
                let after = tokens.partition_point(|t| t.start() < frame.range.end);
                !tokens[after..]
                    .iter()
                    .any(|t| matches!(t.text, "," | ";" | ":" | "—" | "–"))
            };
            // "…, he added": the speaker goes on.
            let continues = matches!(
                tokens[frame.verb].lower(),
                "added" | "adds" | "continued" | "continues"
            );
            let trailing = frame.verb + 7 >= tokens.len()
                || tokens[frame.verb].end() <= frame.range.start && last_clause();
            cite(
                frame,
                &mut attributed,
                &mut book,
                &mut antecedents,
                &mut full_names,
                (i, trailing, continues),
            );
        }
        // Before an answer is given to the interviewee: the quotations in
        // it are hers only if a frame says so (‘an emerging voice’ in her
        // answer is her scare quote).
        let mut framed = None;
        if let Some(interview) = &mut interview {
            let paragraph = &segments.paragraphs[p];
            if let Some(speaker) = interview.answering(p, paragraph, text, &mut book) {
                // "People ask that as if …" in an answer is the
                // interviewee's account, as it would be in her quotation.
                if attributed.attribution != Attribution::Named {
                    framed = Some(attributed);
                    attributed = SentenceAttribution {
                        attribution: Attribution::Named,
                        source: Some(speaker),
                    };
                }
            }
        }
        if attributed.attribution == Attribution::Vague {
            vague.extend(sentence_flag);
        }
        for &subject in &named.subjects[people..] {
            antecedents.mention(&named.people[subject]);
        }
        for mention in &named.organisations[organisations..] {
            antecedents.mention_organisation(mention, i);
        }
        for (name, _) in &named.people {
            full_names.mentioned(name);
        }
        if attributed.attribution == Attribution::None
            && vague_flag_sentences.get(i).copied().unwrap_or(false)
        {
            attributed.attribution = Attribution::Vague;
        }
        speakers.heard(in_sentence, framed.as_ref().unwrap_or(&attributed));
        sentences.push(attributed);
    }
    identified_next(text, segments, &book, &mut sentences, &mut vague);
    speakers.carry(segments, &mut sentences);
    full_names.complete(&mut book.sources);
    let mut sources = book.sources;
    record_sayings(segments, &sentences, &speakers, &mut sources);
    crate::order::sort_by_key(&mut vague, |v| v.range.start as u64);
    Analysis {
        sentences,
        sources,
        quotation_has_speaker: speakers.found(&segments.quotations),
        claims,
        vague,
        certainty,
        answers: interview.map(|i| i.answers).unwrap_or_default(),
    }
}

/// Who answers an interview's questions: the first person its
/// introduction names who is not its author ("Lin Xiaowen was born in a
/// river town …").
struct Interviewee<'s> {
    interview: &'s Interview,
    /// The name, and where the introduction gives it.
    person: Option<(String, Range<usize>)>,
    /// Their index among the sources, once an answer cites them.
    source: Option<usize>,
    /// The paragraphs given to them, as ranges.
    answers: Vec<Range<usize>>,
    /// The last paragraph asked about, and whose it is.
    decided: Option<(usize, Option<usize>)>,
}

impl<'s> Interviewee<'s> {
    fn new(interview: &'s Interview) -> Self {
        Interviewee {
            interview,
            person: None,
            source: None,
            answers: Vec::new(),
            decided: None,
        }
    }

    /// Paragraph `p` names `people`.
    fn introduced(&mut self, p: usize, people: &[(String, Range<usize>)], authors: &[String]) {
        if self.person.is_none() && p < self.interview.first_question() {
            self.person = (people.iter())
                .find(|(name, _)| !authors.contains(name))
                .cloned();
        }
    }

    /// The interviewee's source index when paragraph `p` (`range` of
    /// `text`) is their answer. A paragraph among the answers that names them ("Lin
    /// Xiaowen will appear at the festival") is the author's note, not
    /// theirs.
    fn answering(
        &mut self,
        p: usize,
        range: &Range<usize>,
        text: &str,
        book: &mut SourceBook,
    ) -> Option<usize> {
        // Decided once per paragraph: a paragraph can be many sentences.
        if self.decided.is_none_or(|(q, _)| q != p) {
            let answer = self.person.as_ref().filter(|(name, _)| {
                self.interview.is_answer(p) && !text[range.clone()].contains(name.as_str())
            });
            let speaker = answer.map(|(name, at)| {
                *(self.source).get_or_insert_with(|| book.add(name, SourceKind::Person, at.clone()))
            });
            if speaker.is_some() {
                self.answers.push(range.clone());
            }
            self.decided = Some((p, speaker));
        }
        self.decided.and_then(|(_, speaker)| speaker)
    }
}

/// The longest sentence attribution reads, in bytes: some forty times a
/// long sentence of news prose.
const LONGEST_SENTENCE: usize = 16 * 1024;

/// Files one frame's subject: a named source in the book, a definite
/// "the agency" or a pronoun as the source it stands for, a vague source as
/// vague. The sentence's source is the first it names; a vague one counts
/// only while none is named.
fn cite(
    frame: Frame,
    sentence: &mut SentenceAttribution,
    book: &mut SourceBook,
    antecedents: &mut Antecedents,
    full_names: &mut FullNames,
    (at_sentence, trailing, continues): (usize, bool, bool),
) {
    let Frame {
        subject,
        range,
        plural,
        ..
    } = frame;
    let index = match subject {
        Subject::Named { name, kind } => {
            if kind == SourceKind::Person {
                full_names.mentioned(&name);
            }
            Some(book.add(&name, kind, range))
        }
        Subject::Definite { phrase, head, kind } => {
            // "the operator", "the company": the body named or cited last.
            let generic = head.is_empty() || words::GENERIC_BODIES.contains(&head.as_str());
            let known = if generic && kind == SourceKind::Organisation {
                antecedents.resolve(Pronoun::Thing, book, at_sentence)
            } else {
                book.with_word(&head)
                    .filter(|&i| book.sources[i].kind != SourceKind::Person)
                    .or_else(|| antecedents.organisation_with(&head, book))
                    .or_else(|| {
                        if kind != SourceKind::Document {
                            return None;
                        }
                        // "The estimates show …" after a sentence citing the
                        // body that made them; else the document cited last
                        // ("according to the paper" after the trial's
                        // doctors are quoted). A document is never a
                        // person's words.
                        antecedents
                            .recent(at_sentence)
                            .filter(|&i| book.sources[i].kind != SourceKind::Person)
                            .or_else(|| {
                                book.sources
                                    .iter()
                                    .rposition(|s| s.kind == SourceKind::Document)
                            })
                    })
            };
            match known {
                Some(i) => {
                    book.sources[i].mentions.push(range);
                    if kind == SourceKind::Document && !head.is_empty() {
                        book.alias(&head, i);
                    }
                    Some(i)
                }
                None if !phrase.is_empty() => Some(book.add(&phrase, kind, range)),
                None => None,
            }
        }
        Subject::Pronoun(pronoun) => {
            if sentence.attribution == Attribution::Named {
                return; // a pronoun in a sentence already attributed adds nothing
            }
            // "Pell said Jamie Rook would miss the Test. A scan showed a
            // tear, he added": who goes on is who spoke last, not the man
            // spoken of.
            let speaking = (continues && pronoun == Pronoun::Person)
                .then(|| antecedents.speaker_just_before(book, at_sentence))
                .flatten();
            let index = speaking.or_else(|| antecedents.resolve(pronoun, book, at_sentence));
            if let Some(i) = index {
                book.sources[i].mentions.push(range);
            }
            index
        }
        Subject::Vague { phrase, .. } => Some(book.add(&phrase, SourceKind::Vague, range)),
    };
    let Some(index) = index else {
        return;
    };
    let source = &book.sources[index];
    let (kind, at) = (source.kind, source.mentions.last().map_or(0, |m| m.start));
    antecedents.cited(index, kind, at_sentence, at, plural);
    let attribution = if kind == SourceKind::Vague {
        Attribution::Vague
    } else {
        Attribution::Named
    };
    // The first frame decides; a named one at the sentence's end may still
    // name the source of what a vague one began ("Figures show …, the
    // ministry said").
    let decides = sentence.attribution == Attribution::None
        || sentence.attribution == Attribution::Vague
            && attribution == Attribution::Named
            && trailing;
    if decides {
        sentence.attribution = attribution;
        sentence.source = Some(index);
    }
}

/// The one person named in a sentence's opening clause ("When the Beacon
/// contacted Andreou,", "After Keller's appeal failed,"), by a surname
/// already known, before a pronoun at `pronoun` that starts the main
/// clause.
fn opening_clause_person(
    tokens: &[Token],
    is_person: impl Fn(&str) -> bool,
    pronoun: usize,
) -> Option<(String, Range<usize>)> {
    let opener = tokens.first()?.lower();
    if !matches!(
        opener,
        "when" | "after" | "once" | "as" | "before" | "if" | "while"
    ) {
        return None;
    }
    let at = tokens.partition_point(|t| t.start() < pronoun);
    if at < 2 || tokens[at - 1].text != "," {
        return None;
    }
    let mut found = None;
    for t in &tokens[1..at - 1] {
        if t.is_capitalized() && is_person(words::strip_possessive(t.lower())) {
            if found.is_some() {
                return None;
            }
            found = Some(t);
        }
    }
    found.map(|t| {
        (
            words::strip_possessive(t.text).to_string(),
            t.start()..t.end(),
        )
    })
}

/// "…, according to a study of 3,000 pupils. The research, published in
/// the Journal of Sleep, found …": a study, report or survey the very next
/// sentence names ("The research, published in …") is that named source,
/// not a vague one, as science and business copy open. The first sentence
/// takes the second's source and loses its vague flag.
fn identified_next(
    text: &str,
    segments: &Segments,
    book: &SourceBook,
    sentences: &mut [SentenceAttribution],
    vague: &mut Vec<VagueFrame>,
) {
    const KINDS: [&str; 10] = [
        "study", "research", "report", "survey", "paper", "analysis", "trial", "review",
        "findings", "poll",
    ];
    let unnamed_document = |i: usize| {
        let name = &book.sources[i].name;
        book.sources[i].kind == SourceKind::Vague
            && (name.starts_with("a ") || name.starts_with("an "))
            && name.split(' ').any(|w| KINDS.contains(&w))
    };
    // The sentences whose vague flags go, in order: removed in one pass
    // at the end, not one pass over every flag per sentence.
    let mut cleared: Vec<Range<usize>> = Vec::new();
    for i in 1..sentences.len() {
        let (before, next) = (&sentences[i - 1], &sentences[i]);
        let (Some(v), Some(n)) = (before.source, next.source) else {
            continue;
        };
        let named_next = next.attribution == Attribution::Named
            && matches!(
                book.sources[n].kind,
                SourceKind::Document | SourceKind::Organisation
            );
        if !(before.attribution == Attribution::Vague && unnamed_document(v) && named_next) {
            continue;
        }
        let mut opening = text[segments.sentences[i].range.clone()]
            .split(|c: char| !c.is_alphanumeric())
            .take(2);
        let refers_back = opening
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
            && opening
                .next()
                .is_some_and(|w| KINDS.iter().any(|k| w.eq_ignore_ascii_case(k)));
        if refers_back {
            cleared.push(segments.sentences[i - 1].range.clone());
            sentences[i - 1] = sentences[i].clone();
        }
    }
    if !cleared.is_empty() {
        vague.retain(|f| {
            let at = cleared.partition_point(|r| r.end < f.range.end);
            !cleared
                .get(at)
                .is_some_and(|r| r.start <= f.range.start && f.range.end <= r.end)
        });
    }
}

/// Each source's sayings: the quotations it speaks, once each, and the
/// sentences attributed to it outside them.
fn record_sayings(
    segments: &Segments,
    sentences: &[SentenceAttribution],
    speakers: &QuotationSpeakers,
    sources: &mut [Source],
) {
    let mut quotations_in = OverlapCursor::new(segments.top_level());
    // The last quotation group filed per source, so a quotation spanning
    // sentences is filed once.
    let mut last_group: Vec<Option<u32>> = vec![None; sources.len()];
    for (sentence, attributed) in segments.sentences.iter().zip(sentences) {
        let quotations = quotations_in.overlapping(&sentence.range);
        let Some(s) = attributed.source else {
            continue;
        };
        let mut filed = false;
        for q in quotations {
            if speakers.source[q.group as usize] == Some(s) {
                filed = true;
                if last_group[s] != Some(q.group) {
                    last_group[s] = Some(q.group);
                    // The whole group: a quotation continued across paragraphs.
                    sources[s].says.push(q.range.clone());
                } else if let Some(last) = sources[s].says.last_mut() {
                    if q.range.start >= last.end {
                        last.end = q.range.end.max(last.end);
                    }
                }
            }
        }
        if !filed {
            sources[s].says.push(sentence.range.clone());
        }
    }
}

/// Whom "he", "she", "it" and "they" stand for: "he" or "she" is the person
/// written about most recently before it — cited as a source, only named,
/// or an unnamed one ("A senior manager, who asked not to be named, said
/// … He said …"); "it" is the body cited or named last; "they" a body or a
/// group cited in the last two sentences.
#[derive(Default)]
struct Antecedents {
    /// The person cited last, and where.
    person: Option<(usize, usize)>,
    /// The unnamed person cited last ("one senior officer"), and where.
    unnamed: Option<(usize, usize)>,
    /// The person named last anywhere, cited or not, and where.
    mentioned: Option<(String, usize)>,
    /// The body or document cited last, and where.
    thing: Option<(usize, usize)>,
    /// The organisation named last, cited or not, where, and in which sentence.
    organisation: Option<(String, usize, usize)>,
    /// The source cited last of any kind, and its sentence.
    any: Option<(usize, usize)>,
}

impl Antecedents {
    fn cited(&mut self, index: usize, kind: SourceKind, sentence: usize, at: usize, plural: bool) {
        match kind {
            SourceKind::Person => self.person = Some((index, at)),
            SourceKind::Vague if !plural => self.unnamed = Some((index, at)),
            SourceKind::Vague => {}
            _ => self.thing = Some((index, at)),
        }
        self.any = Some((index, sentence));
    }

    /// The unnamed person cited last, if `phrase` is "the" and a word of
    /// that source's description ("the official" after "a senior official
    /// at the ministry").
    fn unnamed_again(&self, phrase: &str, book: &SourceBook) -> Option<usize> {
        let head = phrase.strip_prefix("the ")?;
        let (i, _) = self.unnamed?;
        let described = book.sources[i]
            .name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == head);
        described.then_some(i)
    }

    /// A person named at `range` (mentions come in text order).
    fn mention(&mut self, (name, range): &(String, Range<usize>)) {
        if self
            .mentioned
            .as_ref()
            .is_none_or(|(_, seen)| *seen < range.start)
        {
            self.mentioned = Some((name.clone(), range.start));
        }
    }

    /// An organisation named at `range` in sentence `sentence`.
    fn mention_organisation(&mut self, (name, range): &(String, Range<usize>), sentence: usize) {
        self.organisation = Some((name.clone(), range.start, sentence));
    }

    /// "the agency" for an organisation named but not yet cited ("the
    /// Health Performance Agency published figures …").
    fn organisation_with(&mut self, head: &str, book: &mut SourceBook) -> Option<usize> {
        let (name, at, _) = self.organisation.as_ref()?;
        let has = name.split_whitespace().any(|w| {
            w.trim_end_matches(['\'', '’', 's'])
                .eq_ignore_ascii_case(head.trim_end_matches('s'))
        });
        if !has {
            return None;
        }
        let index = book.intern(name, SourceKind::Organisation);
        self.thing = Some((index, *at));
        Some(index)
    }

    /// The source cited in this sentence or the one before: what "the
    /// estimates" or "the figures" refer back to.
    fn recent(&self, sentence: usize) -> Option<usize> {
        self.any
            .filter(|&(_, at)| at + 1 >= sentence)
            .map(|(i, _)| i)
    }

    /// The source a pronoun stands for. A person or body named after the
    /// last one cited becomes a source here.
    /// The person cited in this sentence or the one before, if the source
    /// cited last is one.
    fn speaker_just_before(&self, book: &SourceBook, sentence: usize) -> Option<usize> {
        self.any
            .filter(|&(i, at)| at + 1 >= sentence && book.sources[i].kind == SourceKind::Person)
            .map(|(i, _)| i)
    }

    fn resolve(
        &mut self,
        pronoun: Pronoun,
        book: &mut SourceBook,
        sentence: usize,
    ) -> Option<usize> {
        match pronoun {
            Pronoun::Thing => {
                // A body named in this sentence, or the one cited last; a
                // body only named earlier when none has been cited.
                let cited_at = self.thing.map(|(_, at)| at);
                match &self.organisation {
                    Some((name, at, named_in))
                        if cited_at.is_none_or(|c| *at > c)
                            && (*named_in == sentence || cited_at.is_none()) =>
                    {
                        let index = book.intern(name, SourceKind::Organisation);
                        self.thing = Some((index, *at));
                        Some(index)
                    }
                    _ => self.thing.map(|(i, _)| i),
                }
            }
            Pronoun::Plural => self
                .any
                .filter(|&(i, at)| at + 2 >= sentence && book.sources[i].kind != SourceKind::Person)
                .map(|(i, _)| i),
            Pronoun::Person => {
                let cited = self.person.map_or(0, |(_, at)| at);
                let unnamed = self.unnamed.map_or(0, |(_, at)| at);
                match &self.mentioned {
                    Some((name, at))
                        if *at >= cited
                            && *at >= unnamed
                            && (self.person.is_none() || *at > cited) =>
                    {
                        let index = book.intern(name, SourceKind::Person);
                        self.person = Some((index, *at));
                        Some(index)
                    }
                    _ if self.unnamed.is_some() && unnamed > cited => self.unnamed.map(|(i, _)| i),
                    _ => self.person.map(|(i, _)| i),
                }
            }
        }
    }
}

/// Per quotation group (numbered densely by the segmenter; a quotation
/// continued across paragraphs is one group): its speaker's attribution and
/// source, once known. The two are filled in separately, each by the first
/// sentence that has one.
struct QuotationSpeakers {
    attribution: Vec<Option<Attribution>>,
    source: Vec<Option<usize>>,
}

impl QuotationSpeakers {
    fn new(quotations: &[Quotation]) -> Self {
        let groups = (quotations.iter())
            .map(|q| q.group as usize + 1)
            .max()
            .unwrap_or(0);
        QuotationSpeakers {
            attribution: vec![None; groups],
            source: vec![None; groups],
        }
    }

    /// A sentence's speaker speaks every quotation in the sentence.
    fn heard(&mut self, quotations: &[Quotation], sentence: &SentenceAttribution) {
        if sentence.attribution == Attribution::None {
            return;
        }
        for q in quotations {
            self.attribution[q.group as usize].get_or_insert(sentence.attribution);
            if let Some(s) = sentence.source {
                self.source[q.group as usize].get_or_insert(s);
            }
        }
    }

    /// The second pass, in order: a sentence inside a quotation whose
    /// speaker is named elsewhere ("“First. Second,” she said."), and a
    /// quotation that follows its speaker's sentence in the same paragraph
    /// ("Keller said. “…”").
    fn carry(&mut self, segments: &Segments, sentences: &mut [SentenceAttribution]) {
        let mut quotations_in = OverlapCursor::new(segments.top_level());
        // Whether the sentence before held a quotation.
        let mut quoted_before = false;
        for (i, sentence) in segments.sentences.iter().enumerate() {
            let quotations = quotations_in.overlapping(&sentence.range);
            let previous_quoted = std::mem::replace(&mut quoted_before, !quotations.is_empty());
            if sentences[i].attribution != Attribution::None {
                continue;
            }
            let Some(quotation) = quotations.first() else {
                continue;
            };
            let group = quotation.group as usize;
            if let Some(attribution) = self.attribution[group] {
                sentences[i] = SentenceAttribution {
                    attribution,
                    source: self.source[group],
                };
                continue;
            }
            let opens_with_quote = quotation.range.start == sentence.range.start;
            let previous = i
                .checked_sub(1)
                .map(|p| (&segments.sentences[p], &sentences[p]));
            if let Some((prev, attributed)) = previous {
                // "“…,” said Milan Horák, who grows maize. ¶ “If the water
                // does not come …”": a paragraph that is a quotation goes on
                // with the speaker of the quotation that ended the one before.
                let next_paragraph = prev.paragraph + 1 == sentence.paragraph
                    && previous_quoted
                    && attributed.attribution == Attribution::Named;
                if opens_with_quote
                    && (prev.paragraph == sentence.paragraph || next_paragraph)
                    && attributed.attribution != Attribution::None
                {
                    let carried = attributed.clone();
                    self.attribution[group] = Some(carried.attribution);
                    if let Some(source) = carried.source {
                        self.source[group] = Some(source);
                    }
                    sentences[i] = carried;
                }
            }
        }
    }

    /// Per quotation: whether its speaker is known.
    fn found(&self, quotations: &[Quotation]) -> Vec<bool> {
        quotations
            .iter()
            .map(|q| self.attribution[q.group as usize].is_some())
            .collect()
    }
}

/// Helpers for the tests beside each part: attribution of a plain text
/// whose paragraphs are separated by blank lines.
#[cfg(test)]
mod testing {
    use super::*;
    use crate::segment::{paragraphs_between_blank_lines, segment};

    pub(super) fn run(text: &str) -> (Analysis, Segments) {
        run_by(text, &[])
    }

    fn run_by(text: &str, authors: &[String]) -> (Analysis, Segments) {
        let segments = segment(text, &paragraphs_between_blank_lines(text), None);
        let none = vec![false; segments.sentences.len()];
        let article = Article {
            authors,
            publisher: Some("The Daily Gazette"),
            ..Article::default()
        };
        (attribute(text, &segments, &none, &article), segments)
    }

    /// Each sentence: whether it is a claim.
    pub(super) fn claims(text: &str, authors: &[String]) -> Vec<bool> {
        run_by(text, authors).0.claims
    }

    /// The words flagged as vague attributions.
    pub(super) fn vague_flags(text: &str) -> Vec<String> {
        run(text)
            .0
            .vague
            .iter()
            .map(|v| text[v.range.clone()].to_string())
            .collect()
    }

    pub(super) fn attributions(text: &str) -> Vec<(Attribution, Option<String>)> {
        let (analysis, _) = run(text);
        analysis
            .sentences
            .iter()
            .map(|s| {
                (
                    s.attribution,
                    s.source.map(|i| analysis.sources[i].name.clone()),
                )
            })
            .collect()
    }

    /// Each sentence's attribution.
    pub(super) fn kinds(analysis: &Analysis) -> Vec<Attribution> {
        analysis.sentences.iter().map(|s| s.attribution).collect()
    }

    pub(super) fn named(name: &str) -> (Attribution, Option<String>) {
        (Attribution::Named, Some(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{attributions, kinds, named, run};
    use super::*;

    #[test]
    fn a_pronoun_is_the_person_named_last_even_if_not_yet_cited() {
        let text = "Keller said the port was shut. Councillor Tom Whitcombe spoke next. He told the meeting it was a disgrace.";
        assert_eq!(attributions(text)[2], named("Tom Whitcombe"));
    }

    #[test]
    fn documents_seen_or_obtained_by_someone_are_particular_ones() {
        let found = attributions(
            "Hundreds wait for a bed, according to figures obtained by this newspaper under the Freedom of Information Act. \
             Board papers seen by this newspaper show that directors were warned in September. \
             The fault was found, according to an internal maintenance notice seen by the Courier. \
             Figures show that waits are rising.",
        );
        assert_eq!(found[0], named("figures obtained by this newspaper"));
        assert_eq!(found[1], named("board papers seen by this newspaper"));
        // A notice described by its own words keeps its name.
        assert_eq!(found[2], named("an internal maintenance notice"));
        // Nobody's figures are still vague.
        assert_eq!(found[3].0, Attribution::Vague);
    }

    #[test]
    fn a_utility_named_for_its_region_is_a_body_not_a_place() {
        let found = attributions(
            "Northern Lines Electricity, which runs the network, says 38,400 homes are without power. \
             Southern Water said supplies were safe.",
        );
        assert_eq!(found[0], named("Northern Lines Electricity"));
        assert_eq!(found[1], named("Southern Water"));
        // A body's word before a title is the title's: the person speaks.
        let found = attributions("Water Minister Oliver Brennan said supplies were safe.");
        assert_eq!(found[0], named("Oliver Brennan"));
    }

    #[test]
    fn he_added_is_who_spoke_last_not_whom_he_spoke_of() {
        let text = "Graham Pell said the fast bowler Jamie Rook, who left the field on the third day, would miss the final Test. \
            A scan on Friday showed a grade two tear, he added.";
        assert_eq!(attributions(text)[1], named("Graham Pell"));
        // Any other verb: "he" is the man named last.
        let text = "Graham Pell said the fast bowler Jamie Rook would miss the final Test. \
            Rook was injured on Friday. He said he was disappointed.";
        assert_eq!(attributions(text)[2], named("Jamie Rook"));
    }

    #[test]
    fn an_adverb_opening_a_sentence_is_nobody() {
        for text in [
            "First they call it “voluntary”.",
            "Finally they admitted it was not.",
        ] {
            assert_ne!(attributions(text)[0].0, Attribution::Named, "{text}");
        }
        let text = "First Minister Nicola Sturgeon said the plan was sound.";
        assert_eq!(attributions(text)[0], named("Nicola Sturgeon"));
    }

    #[test]
    fn a_role_then_a_name_after_the_verb_is_the_named_person() {
        let text = "Her husband built the equipment in the garage, according to their son, Paul Reyes. \
            “She made you measure it again,” recalled her former student, Dr. Marcus Obi, now a professor.";
        let found = attributions(text);
        assert_eq!(found[0], named("Paul Reyes"));
        assert_eq!(found[1], named("Marcus Obi"));
    }

    #[test]
    fn the_age_alone_stands_for_the_person_named_before() {
        let text = "Tom Haverstock was out for 46 in the chase. \
            “I had my pads off,” admitted the 31-year-old. \
            The 45-year-old victim told police she had seen nothing.";
        let found = attributions(text);
        assert_eq!(found[1], named("Tom Haverstock"));
        // An age with a noun may be somebody the article never names.
        assert_ne!(found[2], named("Tom Haverstock"));
    }

    #[test]
    fn a_family_name_put_first_is_the_person_not_a_park() {
        let text = "The team was led by Park Seo-yeon (박서연), a chemist. \
            “We were surprised,” Park said in an interview. \
            Park said her team is recruiting 300 volunteers.";
        let found = attributions(text);
        assert_eq!(found[1], named("Park Seo-yeon"));
        assert_eq!(found[2], named("Park Seo-yeon"));
        // Nobody called Park: the park is a place.
        let text = "The team met in Victoria Park on Monday. Park said nothing about it.";
        assert_ne!(attributions(text)[1].0, Attribution::Named);
    }

    #[test]
    fn a_persons_spokesman_named_after_the_role_is_the_source() {
        let text = "The council gave $640 million to Curtis Vandermeer, the team's owner. \
            Vandermeer’s spokesman, Trent Galloway, said in a statement that the deal was fair.";
        assert_eq!(attributions(text)[1], named("Trent Galloway"));
    }

    #[test]
    fn who_describes_himself_as_is_no_report() {
        let text = "Derek Vollans owns 23 flats. \
            Vollans, who describes himself as a developer, has faced complaints before, sources say.";
        assert_eq!(attributions(text)[1].0, Attribution::Vague);
    }

    #[test]
    fn a_name_before_a_verb_of_any_kind_is_whom_he_means() {
        let text = "“Kwame is our player,” Rui Carvalho told reporters. \
            Kingsmere manager Gareth Pryce-Jones did not hide his frustration. \
            “That’s schoolboy stuff,” he told BBC Radio Kingsmere.";
        assert_eq!(attributions(text)[2], named("Gareth Pryce-Jones"));
    }

    #[test]
    fn he_after_an_opening_clause_is_the_one_person_it_names() {
        let text = "Councillor Nikos Andreou claimed £2,180 for the trip. \
            Another local wrote on X: “Fact-finding, was it 🙄”. \
            When the Beacon contacted Andreou, he insisted every claim was “within the rules”.";
        assert_eq!(attributions(text)[2], named("Nikos Andreou"));
    }

    #[test]
    fn a_name_in_its_own_script_and_romanised_is_whom_she_means() {
        let text = "陈美玲 (Chen Meiling) has the pitch by the gate. She came in 2009, she says. \
            Across the aisle, سلمى حداد (Salma Haddad) has a bread stall. She came in 2016, she says. \
            கவிதா ராஜேந்திரன் (Kavitha Rajendran) runs the dosa stall. Her dosa is £7, she says.";
        let found = attributions(text);
        assert_eq!(found[1], named("Chen Meiling"));
        assert_eq!(found[3], named("Salma Haddad"));
        assert_eq!(found[5], named("Kavitha Rajendran"));
        // Brackets after a word in capitals are no romanisation.
        let text = "ACME (Chen Meiling) has the pitch by the gate. She came in 2009, she says.";
        assert_eq!(attributions(text)[1].0, Attribution::None);
    }

    #[test]
    fn a_wire_dateline_names_no_source_and_an_acronym_is_the_name_again() {
        let text = "BEIRA, Mozambique, 18 March 2025 (Meridian Press) — More than 210,000 people \
            remain in shelters, the International Relief Coordination Office (IRCO) said on Tuesday. \
            ALDER POINT, Ore. (APN) — Dockworkers walked out, the relief office said.";
        let found = attributions(text);
        assert_eq!(found[0], named("International Relief Coordination Office"));
        assert_eq!(found[1], named("International Relief Coordination Office"));
        let (analysis, _) = run(text);
        assert_eq!(analysis.sources.len(), 1, "{:?}", analysis.sources);
    }

    #[test]
    fn the_unnamed_source_again_is_one_source_flagged_once() {
        let text = "A senior official at the ministry, who spoke on condition of anonymity, said \
            helicopters were needed. The roads are cut, the official said.";
        let (analysis, _) = run(text);
        assert_eq!(analysis.sources.len(), 1, "{:?}", analysis.sources);
        assert_eq!(analysis.vague.len(), 1);
        assert!(analysis
            .sentences
            .iter()
            .all(|s| s.attribution == Attribution::Vague));
    }

    #[test]
    fn a_study_the_next_sentence_names_is_no_vague_source() {
        for (text, journal) in [
            ("Teenagers who sleep in do worse, according to a study of 3,000 pupils. \
              The research, published in the European Journal of Sleep, found that the gap widened.", "European Journal of Sleep"),
            ("Coffee drinkers live longer, a new study has found. \
              The study, published in The Lancet, found that risk fell.", "Lancet"),
        ] {
            let (analysis, _) = run(text);
            let found = attributions(text);
            assert_eq!(found[0], named(journal), "{text}");
            assert_eq!(found[1], named(journal), "{text}");
            assert!(analysis.vague.is_empty(), "{text}");
        }
        // Named only later, or not at all: vague.
        let text = "Coffee drinkers live longer, a new study has found. Coffee is cheap. \
            The study, published in The Lancet, followed 9,000 adults.";
        assert_eq!(attributions(text)[0].0, Attribution::Vague);
    }

    #[test]
    fn the_paper_is_the_document_cited_last_not_the_person_quoted_last() {
        let text = "The trial was published on Wednesday in a journal, according to a report in The Lancet. \
            “It is a good result,” said Dr Ann Lowe. \
            The study was funded by a charity, according to the paper.";
        let found = attributions(text);
        assert_eq!(found[1], named("Ann Lowe"));
        assert_eq!(found[2], found[0], "{found:?}");
        // With no document before, "the paper" is one of its own.
        let text = "“It is a good result,” said Dr Ann Lowe. \
            The study was funded by a charity, according to the paper.";
        assert_eq!(attributions(text)[1], named("paper"));
    }

    #[test]
    fn a_run_of_text_longer_than_any_sentence_is_left_unread() {
        let run_on = format!("{}Ann Lowe said it.", "Said ".repeat(4000));
        let (analysis, _) = run(&run_on);
        assert!(analysis.sources.is_empty());
        assert_eq!(analysis.sentences[0].attribution, Attribution::None);
        assert_eq!(analysis.claims, [true]);
        // The same words in a sentence of readable length are read.
        let (analysis, _) = run("Said Said Ann Lowe said it.");
        assert!(!analysis.sources.is_empty());
    }

    #[test]
    fn a_relative_clause_is_no_source_of_its_own() {
        let text = "One diplomat briefed on the talks, who spoke on condition of anonymity \
            because they were confidential, said Paris had dropped the demand.";
        let (analysis, _) = run(text);
        let names: Vec<&str> = analysis.sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["one diplomat"]);
        assert_eq!(analysis.sentences[0].attribution, Attribution::Vague);
    }

    #[test]
    fn a_quotation_speaker_covers_every_sentence_of_the_quotation() {
        let text =
            "“We waited all night. Nobody came. Then the water rose,” said Dr. Priya Natarajan.";
        let (analysis, segments) = run(text);
        assert_eq!(segments.sentences.len(), 3);
        assert!(analysis
            .sentences
            .iter()
            .all(|s| s.attribution == Attribution::Named));
        assert_eq!(analysis.sources[0].name, "Priya Natarajan");
        // What she said is the quotation, once.
        let quotation = 0..text.find(" said").unwrap();
        assert_eq!(analysis.sources[0].says, vec![quotation]);
    }

    #[test]
    fn a_quotation_after_its_speakers_sentence_is_theirs() {
        let text = "“Stay calm,” Dahl said. “If this runs on, shelves empty. Who pays for that?” The weather was mild.";
        assert_eq!(
            kinds(&run(text).0),
            [
                Attribution::Named,
                Attribution::Named,
                Attribution::Named,
                Attribution::None
            ]
        );
    }
}

#[cfg(test)]
mod sayings {
    use super::testing::run;

    #[test]
    fn each_source_says_its_quotations_once_and_its_other_sentences() {
        let text = "Keller said the port would close. “We have no choice. None at all,” she said.\n\nThe union said it would strike.";
        let (analysis, _) = run(text);
        let keller = &analysis.sources[0];
        let says: Vec<&str> = keller.says.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            says,
            [
                "Keller said the port would close.",
                "“We have no choice. None at all,”"
            ]
        );
        let union = &analysis.sources[1];
        assert_eq!(union.says.len(), 1);
    }
}
