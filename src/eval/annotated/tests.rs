use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

const ARTICLE: &str = "Port vote delayed\n\nThe port board said on Monday that the vote would wait. Critics say the plan is a so-called reform. Crime is up 47 percent. Is it? Dr Alicia Brandt of Kell University said fees rose 3 percent. The harbour master said nothing.\n";

fn annotation() -> Annotation {
    serde_json::from_str(
            r#"{
              "neutral": true,
              "metadata": { "title": "Port vote delayed", "authors": [] },
              "loaded": [
                { "text": "the plan", "category": "emotive" },
                { "text": "so-called", "category": "distancing" }
              ],
              "unsourced": [
                { "text": "Critics say", "category": "vague_attribution" },
                { "text": "47 percent", "category": "unattributed_claim" },
                { "text": "not in the text", "category": "unattributed_claim" }
              ],
              "sentences": [
                { "starts": "Port vote delayed", "claim": false },
                { "starts": "The port board said", "attribution": "named", "source": "port board" },
                { "starts": "Critics say the plan", "attribution": "vague", "source": "critics" },
                { "starts": "Crime is up 47", "attribution": "none" },
                { "starts": "Is it?", "claim": false },
                { "starts": "Dr Alicia Brandt of", "attribution": "named", "source": "Alicia Brandt" },
                { "starts": "A sentence that is missing", "attribution": "none" }
              ],
              "sources": [
                { "name": "the port board", "kind": "organisation" },
                { "name": "Alicia Brandt", "kind": "person", "aliases": ["Brandt"] },
                { "name": "critics", "kind": "vague" }
              ]
            }"#,
        )
        .unwrap()
}

/// Where `part` is in the (ASCII) article: bytes, characters and UTF-16
/// units alike.
fn at(part: &str) -> Range<usize> {
    let start = ARTICLE.find(part).unwrap();
    start..start + part.len()
}

/// A report written by hand: Slant's report of the article with its
/// flags, sentences, sources and metadata replaced.
fn report() -> Report {
    let mut report = crate::analyze(ARTICLE, &Options::default()).unwrap();
    let flag = |category: Category, part: &str, in_quotation: bool| {
        let r = at(part);
        crate::report::ReportFlag {
            kind: category.kind(),
            category,
            start: r.start,
            end: r.end,
            message: "".into(),
            in_quotation,
            severity: 1,
            alternative: None,
            confidence: None,
        }
    };
    report.flags = vec![
        flag(Category::VagueAttribution, "Critics say the plan", false),
        flag(Category::Emotive, "plan", true),
        flag(Category::Distancing, "so-called", false),
        flag(Category::Exaggeration, "Crime", false),
        flag(Category::UnattributedClaim, "3 percent", false),
    ];
    let sentence = |part: &str, attribution: Attribution, claim: bool| {
        let r = at(part);
        crate::report::ReportSentence {
            start: r.start,
            end: r.end,
            attribution,
            source: None,
            claim,
        }
    };
    report.sentences = vec![
        sentence("Port vote delayed", Attribution::None, false),
        sentence(
            "The port board said on Monday that the vote would wait.",
            Attribution::Named,
            true,
        ),
        sentence(
            "Critics say the plan is a so-called reform.",
            Attribution::None,
            true,
        ),
        sentence("Crime is up 47 percent.", Attribution::None, true),
        sentence("Is it?", Attribution::None, true),
        sentence(
            "Dr Alicia Brandt of Kell University said fees rose 3 percent.",
            Attribution::Named,
            true,
        ),
        sentence("The harbour master said nothing.", Attribution::Named, true),
    ];
    let source = |name: &str, kind: SourceKind| crate::report::ReportSource {
        name: name.to_string(),
        kind,
        mentions: 1,
        spans: Vec::new(),
        says: Vec::new(),
    };
    report.sources = vec![
        source("Port Board", SourceKind::Organisation),
        source("Dr. Alicia Brandt", SourceKind::Person),
        source("Monday", SourceKind::Person),
        source("critics", SourceKind::Vague),
    ];
    report.metadata.title = Some("Port Vote Delayed".into());
    report.metadata.authors = vec!["Ann Lee".into()];
    report
}

#[test]
fn scores_a_tiny_article_by_hand() {
    let mut scores = Scores::default();
    score("tiny", &report(), &annotation(), &mut scores);

    // Loaded, pooled: gold "the plan" (8 characters) and "so-called"
    // (9). Predicted: "plan" (4, inside "the plan"), "so-called"
    // (exact) and "Crime" (5, no gold). P = (4/4 + 9/9 + 0) / 3,
    // R = (4/8 + 9/9) / 2.
    assert_eq!((scores.loaded.predicted, scores.loaded.gold), (3, 2));
    assert!(close(scores.loaded.precision(), 2.0 / 3.0));
    assert!(close(scores.loaded.recall(), 0.75));
    // Per category: distancing exact; emotive "plan" covers half of
    // "the plan"; exaggeration has a flag and nothing to find.
    let distancing = scores.loaded_by_category["distancing"];
    assert!(close(distancing.precision(), 1.0) && close(distancing.recall(), 1.0));
    let emotive = scores.loaded_by_category["emotive"];
    assert!(close(emotive.precision(), 1.0) && close(emotive.recall(), 0.5));
    let exaggeration = scores.loaded_by_category["exaggeration"];
    assert_eq!((exaggeration.predicted, exaggeration.gold), (1, 0));
    assert!(close(exaggeration.precision(), 0.0));
    // Neutral copy: "so-called" and "Crime" are the author's; "plan" is quoted.
    assert_eq!(scores.neutral_author_flags, 2);

    // Unsourced: "Critics say the plan" overlaps "Critics say"; "3
    // percent" overlaps nothing; "47 percent" and the span not in the
    // text are missed.
    assert_eq!(scores.unsourced_precision, Ratio { hits: 1, of: 2 });
    assert_eq!(scores.unsourced_recall, Ratio { hits: 1, of: 3 });

    // Sentences: six of seven found. Claim: all right but "Is it?" (5/6).
    // Attribution over the five claims: named, (vague → none) wrong,
    // none, named, and the claim not found wrong (3/5).
    assert_eq!(scores.claim, Ratio { hits: 5, of: 6 });
    assert_eq!(scores.attribution, Ratio { hits: 3, of: 5 });
    assert_eq!(
        scores.confusion[&(Attribution::Vague, Some(Attribution::None))],
        1
    );
    assert_eq!(scores.confusion[&(Attribution::None, None)], 1);

    // Sources: "Port Board" and "Dr. Alicia Brandt" match; "Monday" is
    // no source, and a day listed as a person. The vague one is not scored.
    assert_eq!(scores.sources_precision, Ratio { hits: 2, of: 3 });
    assert_eq!(scores.sources_recall, Ratio { hits: 2, of: 2 });
    assert_eq!(scores.places_as_people, ["Monday"]);

    // Metadata: the title agrees but for case; the authors do not.
    assert_eq!(scores.metadata["title"], Ratio { hits: 1, of: 1 });
    assert_eq!(scores.metadata["authors"], Ratio { hits: 0, of: 1 });
}

#[test]
fn names_match_without_titles_articles_and_possessives() {
    let person = AnnotatedSource {
        name: "Alicia Brandt".into(),
        kind: SourceKind::Person,
        aliases: vec!["Brandt".into()],
    };
    assert!(source_matches("Dr. Alicia Brandt", &person));
    assert!(source_matches("Brandt's", &person));
    assert!(source_matches("Councillor Alicia Brandt", &person));
    assert!(source_matches("Alicia Brandt, a spokeswoman", &person));
    assert!(!source_matches("Alicia", &person));
    let org = AnnotatedSource {
        name: "the Port of Kell".into(),
        kind: SourceKind::Organisation,
        aliases: vec!["the port authority".into()],
    };
    assert!(source_matches("Port of Kell", &org));
    assert!(source_matches("The Port Authority’s", &org));
    assert!(!source_matches("Kell", &org));
    assert_eq!(normalise_name("The Mayor’s"), "mayor");
}

#[test]
fn places_dates_and_regions_read_as_places() {
    let text = "It rained in Thornbury. Ann Lee said so.";
    assert!(reads_as_place("England on Thursday", text));
    assert!(reads_as_place("North West", text));
    assert!(reads_as_place("A&E", text));
    assert!(reads_as_place("Thornbury", text));
    assert!(!reads_as_place("Ann Lee", text));
}

#[test]
fn a_span_missing_from_the_text_does_not_swallow_the_next() {
    // "TERRIFIED" (a caption left out) is missing; "yobs" is used once,
    // after "rocketed": it must not be matched before "rocketed" is.
    let text = "Break-ins have rocketed. Furious residents say yobs smashed the door.";
    let spans: Vec<AnnotatedSpan> = ["TERRIFIED", "yobs", "rocketed", "Furious", "yobs"]
        .iter()
        .map(|t| AnnotatedSpan {
            text: t.to_string(),
            category: "emotive".into(),
            quoted: false,
        })
        .collect();
    let mut notes = Vec::new();
    let found = locate_all(text, &spans, "t", "loaded", &mut notes);
    let words: Vec<&str> = found.iter().map(|(_, r)| &text[r.clone()]).collect();
    assert_eq!(words, ["rocketed", "Furious", "yobs"]);
    assert_eq!(notes.len(), 2);
}

#[test]
fn ratios_of_nothing_are_zero() {
    assert_eq!(Ratio::default().value(), 0.0);
    let mut r = Ratio::default();
    r.count(true);
    r.count(false);
    assert!(close(r.value(), 0.5));
}
