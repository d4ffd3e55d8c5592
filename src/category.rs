//! The closed set of flag categories, defined once: each row of `TABLE` gives
//! a category's key, label, kind and default severity. Everything else takes
//! them from here — `build.rs` (which includes this file to check the
//! lexicons), the report, the CLI, and the page (through the WASM's
//! `categories()`). A new category is one row here plus its lexicon entries.
//!
//! Keys double as option keys ("switch this category off") and as CSS class
//! suffixes on the page, so they are stable snake_case strings.
//!
//! Loaded-language categories follow the Institute for Propaganda Analysis
//! devices (name calling, glittering generalities, transfer, plain folks…) as
//! refined by SemEval-2020 Task 11's propaganda techniques (loaded language,
//! name calling/labeling, exaggeration/minimisation, appeal to fear,
//! flag-waving, thought-terminating cliché, doubt) and Wikipedia's "Words to
//! watch" guideline (scare quotes, expressions of doubt, weasel words,
//! editorializing).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    LoadedLanguage,
    UnsourcedAssertion,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::LoadedLanguage => "loaded_language",
            Kind::UnsourcedAssertion => "unsourced_assertion",
        }
    }
}

/// One row of the category table. Serialised as is by the WASM's
/// `categories()`: `{key, label, kind, default_severity}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CategoryInfo {
    pub key: &'static str,
    /// As the page shows it in the legend and Settings ("Scare quotes").
    pub label: &'static str,
    pub kind: Kind,
    /// For flags that carry no severity of their own (a reader's terms,
    /// learned flags, rules).
    pub default_severity: u8,
}

macro_rules! categories {
    ($($variant:ident => $key:literal, $label:literal, $kind:ident, $severity:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Category {
            $($variant,)*
        }

        /// Every category, in the order the page lists them.
        pub const TABLE: &[CategoryInfo] = &[
            $(CategoryInfo { key: $key, label: $label, kind: Kind::$kind, default_severity: $severity },)*
        ];

        impl Category {
            pub const ALL: &'static [Category] = &[$(Category::$variant,)*];
        }
    };
}

categories! {
    ScareQuotes          => "scare_quotes",          "Scare quotes",               LoadedLanguage,     2;
    Distancing           => "distancing",            "Distancing",                 LoadedLanguage,     2;
    NameCalling          => "name_calling",          "Name-calling",               LoadedLanguage,     2;
    Emotive              => "emotive",               "Emotive",                    LoadedLanguage,     2;
    Exaggeration         => "exaggeration",          "Exaggeration",               LoadedLanguage,     2;
    AppealToFear         => "appeal_to_fear",        "Appeal to fear",             LoadedLanguage,     2;
    FlagWaving           => "flag_waving",           "Flag-waving",                LoadedLanguage,     2;
    ThoughtTerminating   => "thought_terminating",   "Thought-terminating cliché", LoadedLanguage,     2;
    Doubt                => "doubt",                 "Doubt",                      LoadedLanguage,     2;
    VagueAttribution     => "vague_attribution",     "Vague attribution",          UnsourcedAssertion, 2;
    UnsupportedCertainty => "unsupported_certainty", "Unsupported certainty",      UnsourcedAssertion, 2;
    UnattributedClaim    => "unattributed_claim",    "Unattributed claim",         UnsourcedAssertion, 1;
}

impl Category {
    pub fn info(self) -> &'static CategoryInfo {
        &TABLE[self as usize]
    }

    pub fn kind(self) -> Kind {
        self.info().kind
    }

    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// As the page's legend shows it: "Scare quotes".
    pub fn label(self) -> &'static str {
        self.info().label
    }

    pub fn default_severity(self) -> u8 {
        self.info().default_severity
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_match_serde() {
        assert_eq!(Category::ALL.len(), TABLE.len());
        for &c in Category::ALL {
            assert_eq!(Category::from_key(c.key()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.key())
            );
        }
        assert_eq!(Category::from_key("nonsense"), None);
    }

    #[test]
    fn kinds_match_serde() {
        for kind in [Kind::LoadedLanguage, Kind::UnsourcedAssertion] {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.key())
            );
        }
    }

    #[test]
    fn sourcing_categories_are_unsourced_assertions() {
        assert_eq!(Category::VagueAttribution.kind(), Kind::UnsourcedAssertion);
        assert_eq!(Category::Emotive.kind(), Kind::LoadedLanguage);
    }
}
