//! Metadata as the readers find it, through the public `input::read`: the
//! plain-text header's section, date and byline roles, and the HTML
//! reader's standfirst and byline date — each case from a reader's report
//! of the page getting it wrong.

use slant::input::{read, InputKind};

const BODY: &str = "The harbour authority will replace its four tide gauges this summer, its director said on Monday.";

#[test]
fn a_section_before_the_date_is_the_section_not_the_publisher() {
    let text =
        format!("Tide gauges to be replaced\nBy Maren Okafor\nOpinion | June 3, 2025\n\n{BODY}");
    let meta = read(&text, Some(InputKind::Text)).metadata;
    assert_eq!(meta.section.as_deref(), Some("Opinion"));
    assert_eq!(meta.publisher, None);
    assert_eq!(meta.published.as_deref(), Some("2025-06-03"));
    // A publisher there is still a publisher, and both can be there.
    let text = format!("Tide gauges to be replaced\nGlobal Research, April 02, 2017\n\n{BODY}");
    let meta = read(&text, Some(InputKind::Text)).metadata;
    assert_eq!(meta.publisher.as_deref(), Some("Global Research"));
    assert_eq!(meta.section, None);
    let text =
        format!("Tide gauges to be replaced\nThe Coast Courier | World | June 3, 2025\n\n{BODY}");
    let meta = read(&text, Some(InputKind::Text)).metadata;
    assert_eq!(meta.publisher.as_deref(), Some("The Coast Courier"));
    assert_eq!(meta.section.as_deref(), Some("World"));
}

#[test]
fn a_role_in_the_byline_is_not_an_author() {
    for byline in [
        "By Maren Okafor, Coastal Affairs Correspondent",
        "By Maren Okafor — Coastal Affairs Correspondent",
        "By Maren Okafor - Political Editor",
        "By Maren Okafor, Coastal Affairs Correspondent | June 3, 2025",
    ] {
        let text = format!("Tide gauges to be replaced\n{byline}\n\n{BODY}");
        let meta = read(&text, Some(InputKind::Text)).metadata;
        assert_eq!(meta.authors, ["Maren Okafor"], "{byline}");
    }
}

#[test]
fn the_standfirst_under_a_headline_in_a_header_is_part_of_the_text() {
    let page = format!(
        "<html><body><article><header><h1>Tide gauges to be replaced</h1>\
         <p class=\"byline\">By Maren Okafor</p>\
         <p class=\"standfirst\">Four new gauges, the first since 1998.</p></header>\
         <p>{BODY}</p></article></body></html>"
    );
    let doc = read(&page, None);
    assert_eq!(
        doc.text,
        format!("Tide gauges to be replaced\n\nFour new gauges, the first since 1998.\n\n{BODY}")
    );
    assert_eq!(doc.prose.len(), 3, "the standfirst is prose, analysed");
    // A headline in the body keeps its neighbours where they are, once.
    let page =
        format!("<article><h1>Tide gauges</h1><p>A first paragraph.</p><p>{BODY}</p></article>");
    assert_eq!(
        read(&page, None).text,
        format!("Tide gauges\n\nA first paragraph.\n\n{BODY}")
    );
    // A date line is not a standfirst.
    let page = format!(
        "<article><header><h1>Tide gauges</h1><p>June 3, 2025</p></header><p>{BODY}</p></article>"
    );
    assert_eq!(read(&page, None).text, format!("Tide gauges\n\n{BODY}"));
}

#[test]
fn a_rich_paste_keeps_the_date_and_names_the_plain_text_gives() {
    let plain = format!(
        "Tide gauges to be replaced\nBy Maren Okafor, Coastal Affairs Correspondent | June 3, 2025\n\n{BODY}"
    );
    let rich = format!(
        "<meta charset=\"utf-8\"><h1>Tide gauges to be replaced</h1>\
         <p>By Maren Okafor, Coastal Affairs Correspondent | June 3, 2025</p><p>{BODY}</p>"
    );
    let (text, html) = (read(&plain, None), read(&rich, None));
    assert_eq!(html.kind, InputKind::Html);
    assert_eq!(text.metadata.published.as_deref(), Some("2025-06-03"));
    assert_eq!(html.metadata.published, text.metadata.published);
    assert_eq!(html.metadata.authors, text.metadata.authors);
    assert_eq!(html.metadata.authors, ["Maren Okafor"]);
    // A byline element's date too.
    let rich = format!(
        "<article><h1>Tide gauges</h1><div class=\"byline\">By Maren Okafor · June 3, 2025</div><p>{BODY}</p></article>"
    );
    assert_eq!(
        read(&rich, None).metadata.published.as_deref(),
        Some("2025-06-03")
    );
}
