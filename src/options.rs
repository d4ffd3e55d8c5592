//! Analysis options: the same JSON object from the page and from the CLI
//! (`--options FILE`).
//!
//! Size: see BENCHMARKS.md#t-miniserde (read with miniserde, checked key by key).

use crate::category::Category;
use crate::input::InputKind;
use miniserde::json::{Object, Value};

/// Built by [`Options::from_json`], which checks every key by hand: serde's
/// derive would link its error formatting into the WASM.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Force plain text or HTML; detected when absent.
    pub input: Option<InputKind>,
    /// Categories switched off, by key ("emotive", "vague_attribution", …).
    pub disabled_categories: Vec<Category>,
    /// A reader's own terms, flagged like lexicon entries.
    pub custom_terms: Vec<CustomTerm>,
    /// The learned detector's sensitivity, from 0 (fewer, surer flags) to 1
    /// (more flags); 0.5 is its default, the best cross-validated F1.
    pub sensitivity: f32,
    /// Terms a reader dismissed for good: flags of exactly these words (case
    /// and typography aside) are not shown.
    pub ignored_terms: Vec<String>,
    /// Which detectors run besides the reader's own terms.
    pub detectors: Detectors,
}

/// The built-in detectors, each of which can be switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detectors {
    /// The curated lexicon (`lexicons/*.toml`).
    pub curated: bool,
    /// The model learned from annotated news (`models/learned.tsv`).
    pub learned: bool,
}

impl Detectors {
    /// The detectors named (`curated`, `learned`), the others off.
    pub fn named<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Detectors, String> {
        let mut on = Detectors {
            curated: false,
            learned: false,
        };
        for name in names {
            match name {
                "curated" => on.curated = true,
                "learned" => on.learned = true,
                other => {
                    return Err(format!(
                        "unknown detector `{other}`, expected `curated` or `learned`"
                    ))
                }
            }
        }
        Ok(on)
    }
}

impl Default for Options {
    fn default() -> Options {
        Options {
            input: None,
            disabled_categories: Vec::new(),
            custom_terms: Vec::new(),
            sensitivity: crate::learned::DEFAULT_SENSITIVITY,
            ignored_terms: Vec::new(),
            detectors: Detectors {
                curated: true,
                learned: true,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CustomTerm {
    pub term: String,
    pub category: Category,
    /// Why the reader flags it; shown as the explanation.
    pub note: Option<String>,
}

impl Options {
    /// Parse and check an options object. Errors name the offending key and
    /// what it may be, so a reader can fix a settings file by hand.
    pub fn from_json(json: &str) -> Result<Options, String> {
        // A file saved by an editor may open with a byte-order mark.
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let value: Value = miniserde::json::from_str(json)
            .map_err(|_| "invalid options: not valid JSON".to_string())?;
        Options::from_value(&value).map_err(|e| format!("invalid options: {e}"))
    }

    fn from_value(value: &Value) -> Result<Options, String> {
        let mut options = Options::default();
        for (key, value) in object(value, "the options")? {
            match key.as_str() {
                "input" => options.input = input_kind(value)?,
                "disabled_categories" => {
                    for item in list(value, "disabled_categories")? {
                        options.disabled_categories.push(category(item)?);
                    }
                }
                "custom_terms" => {
                    for item in list(value, "custom_terms")? {
                        options.custom_terms.push(custom_term(item)?);
                    }
                }
                "sensitivity" => options.sensitivity = sensitivity(value)?,
                "ignored_terms" => {
                    for item in list(value, "ignored_terms")? {
                        options
                            .ignored_terms
                            .push(string(item, "ignored_terms")?.to_string());
                    }
                }
                "detectors" => {
                    let names = list(value, "detectors")?
                        .iter()
                        .map(|item| string(item, "detectors"))
                        .collect::<Result<Vec<_>, _>>()?;
                    options.detectors = Detectors::named(names)?;
                }
                other => {
                    return Err(format!(
                        "unknown field `{other}`, expected one of `input`, `disabled_categories`, `custom_terms`, `sensitivity`, `ignored_terms`, `detectors`"
                    ))
                }
            }
        }
        Ok(options)
    }

    pub fn enabled(&self, category: Category) -> bool {
        !self.disabled_categories.contains(&category)
    }
}

/// What a JSON value is, for error messages ("got null").
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Object, String> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(format!("{what} must be an object, got {}", describe(other))),
    }
}

fn list<'a>(value: &'a Value, key: &str) -> Result<&'a [Value], String> {
    match value {
        Value::Array(items) => Ok(items),
        other => Err(format!("`{key}` must be a list, got {}", describe(other))),
    }
}

fn string<'a>(value: &'a Value, key: &str) -> Result<&'a str, String> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(format!("`{key}` must be a string, got {}", describe(other))),
    }
}

fn input_kind(value: &Value) -> Result<Option<InputKind>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) if s == "text" => Ok(Some(InputKind::Text)),
        Value::String(s) if s == "html" => Ok(Some(InputKind::Html)),
        Value::String(s) => Err(format!(
            "unknown input `{s}`, expected `text`, `html` or null"
        )),
        other => Err(format!(
            "`input` must be \"text\", \"html\" or null, got {}",
            describe(other)
        )),
    }
}

fn category(value: &Value) -> Result<Category, String> {
    let key = string(value, "category")?;
    Category::from_key(key).ok_or_else(|| {
        let keys: Vec<String> = Category::ALL
            .iter()
            .map(|c| format!("`{}`", c.key()))
            .collect();
        format!(
            "unknown category `{key}`, expected one of {}",
            keys.join(", ")
        )
    })
}

fn sensitivity(value: &Value) -> Result<f32, String> {
    let number = match value {
        Value::Number(miniserde::json::Number::F64(n)) => *n,
        Value::Number(miniserde::json::Number::U64(n)) => *n as f64,
        Value::Number(miniserde::json::Number::I64(n)) => *n as f64,
        other => {
            return Err(format!(
                "`sensitivity` must be a number from 0 to 1, got {}",
                describe(other)
            ))
        }
    };
    // Said without the number: formatting a float links 5 KB of gzipped
    // WASM for this one message.
    if !(0.0..=1.0).contains(&number) {
        let side = if number > 1.0 {
            "more than 1"
        } else {
            "less than 0"
        };
        return Err(format!(
            "`sensitivity` must be a number from 0 to 1, got {side}"
        ));
    }
    Ok(number as f32)
}

fn custom_term(value: &Value) -> Result<CustomTerm, String> {
    let (mut term, mut category_of, mut note) = (None, None, None);
    for (key, value) in object(value, "each custom term")? {
        match key.as_str() {
            "term" => term = Some(string(value, "term")?.to_string()),
            "category" => category_of = Some(category(value)?),
            "note" => {
                note = match value {
                    Value::Null => None,
                    // An empty note means no note: the default explanation is shown.
                    _ => Some(string(value, "note")?)
                        .filter(|n| !n.trim().is_empty())
                        .map(str::to_string),
                }
            }
            other => {
                let expected = "expected `term`, `category` or `note`";
                return Err(format!(
                    "unknown field `{other}` in a custom term, {expected}"
                ));
            }
        }
    }
    let term = term.ok_or("a custom term has no `term`")?;
    let category = category_of.ok_or_else(|| format!("custom term {term:?} has no `category`"))?;
    if !term.chars().any(char::is_alphanumeric) {
        return Err(format!("custom term {term:?} has no letters or digits"));
    }
    Ok(CustomTerm {
        term,
        category,
        note,
    })
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
    fn a_byte_order_mark_before_the_json_is_accepted() {
        let options =
            Options::from_json("\u{feff}{\"disabled_categories\":[\"emotive\"]}").unwrap();
        assert!(!options.enabled(Category::Emotive));
        assert_eq!(
            Options::from_json("\u{feff}{}").unwrap(),
            Options::default()
        );
        // Only at the start: anywhere else it is not JSON.
        assert!(Options::from_json("{}\u{feff}").is_err());
    }

    #[test]
    fn a_sensitivity_outside_0_to_1_is_refused_saying_which_side() {
        for (json, side) in [
            (r#"{"sensitivity": 2}"#, "more than 1"),
            (r#"{"sensitivity": -0.5}"#, "less than 0"),
        ] {
            let error = Options::from_json(json).unwrap_err();
            assert!(error.ends_with(side), "{error}");
        }
        assert!(Options::from_json(r#"{"sensitivity": "high"}"#).is_err());
    }

    #[test]
    fn rejects_unknown_categories_and_fields_with_a_message() {
        let error = |json: &str| Options::from_json(json).unwrap_err();
        let err = error(r#"{"disabled_categories":["rude"]}"#);
        assert!(
            err.starts_with("invalid options: unknown category `rude`"),
            "{err}"
        );
        assert!(
            err.contains("`scare_quotes`") && err.contains("`unattributed_claim`"),
            "{err}"
        );
        assert!(error(r#"{"colour":"red"}"#).contains("unknown field `colour`"));
        let err = error(r#"{"custom_terms":[{"term":"x","category":"emotive","extra":1}]}"#);
        assert!(
            err.contains("unknown field `extra` in a custom term"),
            "{err}"
        );
        assert_eq!(
            error(r#"{"custom_terms":null}"#),
            "invalid options: `custom_terms` must be a list, got null"
        );
        assert!(error(r#"{"disabled_categories":[3]}"#).contains("must be a string, got a number"));
        assert!(error(r#"{"input":"xml"}"#).contains("unknown input `xml`"));
        assert!(error(r#"{"input":true}"#).contains("got a boolean"));
        assert!(error(r#"{"custom_terms":["junta"]}"#).contains("must be an object, got a string"));
        assert!(error(r#"{"custom_terms":[{"category":"emotive"}]}"#).contains("no `term`"));
        assert!(
            error(r#"{"custom_terms":[{"term":"junta"}]}"#).contains("\"junta\" has no `category`")
        );
        assert_eq!(
            error("[1, 2]"),
            "invalid options: the options must be an object, got a list"
        );
        assert_eq!(error("{\"input\": "), "invalid options: not valid JSON");
        let err = error(r#"{"custom_terms":[{"term":"  ","category":"emotive"}]}"#);
        assert!(err.contains("no letters or digits"), "{err}");
    }

    #[test]
    fn input_may_be_null_and_notes_may_be_null() {
        let options = Options::from_json(
            r#"{"input":null,"custom_terms":[{"term":"junta","category":"emotive","note":null}]}"#,
        )
        .unwrap();
        assert_eq!(options.input, None);
        assert_eq!(options.custom_terms[0].note, None);
        assert_eq!(
            Options::from_json(r#"{"input":"text"}"#).unwrap().input,
            Some(InputKind::Text)
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!(
            "{{\"input\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(Options::from_json(&deep)
            .unwrap_err()
            .contains("`input` must be"));
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
