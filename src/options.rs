//! Analysis options: the same JSON object from the page and from the CLI
//! (`--options FILE`).

use crate::category::Category;
use crate::input::InputKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Force plain text or HTML; detected when absent.
    pub input: Option<InputKind>,
    /// Categories switched off, by key ("emotive", "vague_attribution", …).
    pub disabled_categories: Vec<Category>,
    /// A reader's own terms, flagged like lexicon entries.
    pub custom_terms: Vec<CustomTerm>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomTerm {
    pub term: String,
    pub category: Category,
    /// Why the reader flags it; shown as the explanation.
    #[serde(default)]
    pub note: Option<String>,
}

impl Options {
    pub fn from_json(json: &str) -> Result<Options, String> {
        let mut options: Options =
            serde_json::from_str(json).map_err(|e| format!("invalid options: {e}"))?;
        for term in &mut options.custom_terms {
            if !term.term.chars().any(char::is_alphanumeric) {
                return Err(format!(
                    "invalid options: custom term {:?} has no letters or digits",
                    term.term
                ));
            }
            // An empty note means no note: the default explanation is shown.
            if term.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
                term.note = None;
            }
        }
        Ok(options)
    }

    pub fn enabled(&self, category: Category) -> bool {
        !self.disabled_categories.contains(&category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_shape() {
        let options = Options::from_json(
            r#"{"input":"html","disabled_categories":["emotive"],"custom_terms":[{"term":"junta","category":"name_calling","note":"our style guide"}]}"#,
        )
        .unwrap();
        assert_eq!(options.input, Some(InputKind::Html));
        assert!(!options.enabled(Category::Emotive));
        assert!(options.enabled(Category::Distancing));
        assert_eq!(options.custom_terms[0].category, Category::NameCalling);
        assert_eq!(Options::from_json("{}").unwrap(), Options::default());
    }

    #[test]
    fn rejects_unknown_categories_and_fields_with_a_message() {
        let err = Options::from_json(r#"{"disabled_categories":["rude"]}"#).unwrap_err();
        assert!(err.contains("unknown variant `rude`"), "{err}");
        assert!(Options::from_json(r#"{"colour":"red"}"#).is_err());
        assert!(Options::from_json(
            r#"{"custom_terms":[{"term":"x","category":"emotive","extra":1}]}"#
        )
        .is_err());
        assert!(Options::from_json(r#"{"custom_terms":null}"#)
            .unwrap_err()
            .contains("invalid type: null"));
        let err = Options::from_json(r#"{"custom_terms":[{"term":"  ","category":"emotive"}]}"#)
            .unwrap_err();
        assert!(err.contains("no letters or digits"), "{err}");
    }

    #[test]
    fn an_empty_note_is_no_note() {
        let options = Options::from_json(
            r#"{"custom_terms":[{"term":"junta","category":"emotive","note":" "}]}"#,
        )
        .unwrap();
        assert_eq!(options.custom_terms[0].note, None);
    }
}
