//! The closed set of flag categories and the kind each belongs to.
//! The names double as option keys ("switch this category off") and as CSS
//! class suffixes on the page, so they are stable snake_case strings.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    LoadedLanguage,
    UnsourcedAssertion,
}

// Loaded-language categories follow the Institute for Propaganda Analysis
// devices (name calling, glittering generalities, transfer, plain folks…) as
// refined by SemEval-2020 Task 11's propaganda techniques (loaded language,
// name calling/labeling, exaggeration/minimisation, appeal to fear, flag-waving,
// thought-terminating cliché, doubt) and Wikipedia's "Words to watch" guideline
// (scare quotes, expressions of doubt, weasel words, editorializing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    ScareQuotes,
    Distancing,
    NameCalling,
    Emotive,
    Exaggeration,
    AppealToFear,
    FlagWaving,
    ThoughtTerminating,
    Doubt,
    VagueAttribution,
    UnsupportedCertainty,
    UnattributedClaim,
}

impl Category {
    pub const ALL: [Category; 12] = [
        Category::ScareQuotes,
        Category::Distancing,
        Category::NameCalling,
        Category::Emotive,
        Category::Exaggeration,
        Category::AppealToFear,
        Category::FlagWaving,
        Category::ThoughtTerminating,
        Category::Doubt,
        Category::VagueAttribution,
        Category::UnsupportedCertainty,
        Category::UnattributedClaim,
    ];

    pub fn kind(self) -> Kind {
        match self {
            Category::VagueAttribution
            | Category::UnsupportedCertainty
            | Category::UnattributedClaim => Kind::UnsourcedAssertion,
            _ => Kind::LoadedLanguage,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Category::ScareQuotes => "scare_quotes",
            Category::Distancing => "distancing",
            Category::NameCalling => "name_calling",
            Category::Emotive => "emotive",
            Category::Exaggeration => "exaggeration",
            Category::AppealToFear => "appeal_to_fear",
            Category::FlagWaving => "flag_waving",
            Category::ThoughtTerminating => "thought_terminating",
            Category::Doubt => "doubt",
            Category::VagueAttribution => "vague_attribution",
            Category::UnsupportedCertainty => "unsupported_certainty",
            Category::UnattributedClaim => "unattributed_claim",
        }
    }

    /// Human label, used in summaries.
    pub fn label(self) -> &'static str {
        match self {
            Category::ScareQuotes => "scare quotes",
            Category::Distancing => "distancing",
            Category::NameCalling => "name-calling",
            Category::Emotive => "emotive",
            Category::Exaggeration => "exaggeration",
            Category::AppealToFear => "appeal to fear",
            Category::FlagWaving => "flag-waving",
            Category::ThoughtTerminating => "thought-terminating cliché",
            Category::Doubt => "doubt",
            Category::VagueAttribution => "vague attribution",
            Category::UnsupportedCertainty => "unsupported certainty",
            Category::UnattributedClaim => "unattributed claim",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_match_serde() {
        for c in Category::ALL {
            assert_eq!(Category::from_key(c.key()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.key())
            );
        }
        assert_eq!(Category::from_key("nonsense"), None);
    }

    #[test]
    fn sourcing_categories_are_unsourced_assertions() {
        assert_eq!(Category::VagueAttribution.kind(), Kind::UnsourcedAssertion);
        assert_eq!(Category::Emotive.kind(), Kind::LoadedLanguage);
    }
}
