//! JSON-LD as the metadata reader keeps it: strings, arrays and objects,
//! with only the fields it reads and only as deep as it reads.
//!
//! miniserde's `Value` keeps every object as a `BTreeMap`, whose first node
//! is some 600 bytes however few its fields: a page's author list of 27,000
//! `{"@type":"Person","name":…}` was 17.6 MB for 1 MB of JSON. Here an
//! object is a list of its kept fields, each named by a `&'static str`
//! from [`KEPT`] (nothing allocated for a key); every other field, a
//! number, a boolean and a null are read and dropped by miniserde's own
//! `ignore` visitor, and so is anything nested deeper than [`MAX_DEPTH`].
//! The reader asks the same questions of it as of a `Value`: a field is
//! the last of that name, as in a map. See BENCHMARKS.md#t-lean-json-ld.

use miniserde::de::{Deserialize, Map, Seq, Visitor};
use miniserde::{make_place, Result};

/// The fields `meta.rs` reads; the others are not kept.
const KEPT: &[&str] = &[
    "@type",
    "@graph",
    "mainEntity",
    "name",
    "headline",
    "author",
    "publisher",
    "datePublished",
    "dateCreated",
    "articleSection",
    "keywords",
    "inLanguage",
    "description",
    "url",
];

/// Deeper than this a value is [`Ld::Other`]: the reader looks an article
/// up 8 levels down and its names a few more (`meta.rs`), and a pasted page
/// can nest a hundred thousand.
const MAX_DEPTH: usize = 32;

#[derive(Debug, PartialEq)]
pub(super) enum Ld {
    /// A number, a boolean, a null, or a value nested too deep.
    Other,
    String(String),
    Array(Vec<Ld>),
    /// The kept fields, in order.
    Object(Vec<(&'static str, Ld)>),
}

impl Ld {
    /// The field `key` of an object: the last of that name.
    pub(super) fn get(&self, key: &str) -> Option<&Ld> {
        match self {
            Ld::Object(fields) => fields.iter().rev().find(|(k, _)| *k == key).map(|f| &f.1),
            _ => None,
        }
    }
}

make_place!(Place);

impl Deserialize for Ld {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

/// A visitor of one JSON value kept in `self.out`: scalars as `scalar` and
/// `string` keep them, arrays and objects one level below `$depth`.
macro_rules! value_visitor {
    ($visitor:ty, |$this:ident| $depth:expr) => {
        impl Visitor for $visitor {
            fn null(&mut self) -> Result<()> {
                scalar(&mut self.out)
            }

            fn boolean(&mut self, _: bool) -> Result<()> {
                scalar(&mut self.out)
            }

            fn string(&mut self, s: &str) -> Result<()> {
                string(&mut self.out, s)
            }

            fn negative(&mut self, _: i64) -> Result<()> {
                scalar(&mut self.out)
            }

            fn nonnegative(&mut self, _: u64) -> Result<()> {
                scalar(&mut self.out)
            }

            fn float(&mut self, _: f64) -> Result<()> {
                scalar(&mut self.out)
            }

            fn seq(&mut self) -> Result<Box<dyn Seq + '_>> {
                let $this = &*self;
                let depth = $depth + 1;
                Ok(array(&mut self.out, depth))
            }

            fn map(&mut self) -> Result<Box<dyn Map + '_>> {
                let $this = &*self;
                let depth = $depth + 1;
                Ok(object(&mut self.out, depth))
            }
        }
    };
}

// The top-level value.
value_visitor!(Place<Ld>, |_top| 0);

/// A value inside an array or an object, `depth` levels down.
struct Slot {
    out: Option<Ld>,
    depth: usize,
}

value_visitor!(Slot, |slot| slot.depth);

fn scalar(out: &mut Option<Ld>) -> Result<()> {
    *out = Some(Ld::Other);
    Ok(())
}

fn string(out: &mut Option<Ld>, s: &str) -> Result<()> {
    *out = Some(Ld::String(s.to_owned()));
    Ok(())
}

/// The visitor of a value `depth` levels down: a slot, or, too deep, one
/// that reads and drops it (the slot is `Other` then).
fn slot(slot: &mut Slot) -> &mut dyn Visitor {
    if slot.depth > MAX_DEPTH {
        slot.out = Some(Ld::Other);
        return <dyn Visitor>::ignore();
    }
    slot
}

/// An array whose elements are `depth` levels down.
fn array(out: &mut Option<Ld>, depth: usize) -> Box<dyn Seq + '_> {
    Box::new(ArrayBuilder {
        out,
        items: Vec::new(),
        element: Slot { out: None, depth },
    })
}

struct ArrayBuilder<'a> {
    out: &'a mut Option<Ld>,
    items: Vec<Ld>,
    element: Slot,
}

impl Seq for ArrayBuilder<'_> {
    fn element(&mut self) -> Result<&mut dyn Visitor> {
        self.items.extend(self.element.out.take());
        Ok(slot(&mut self.element))
    }

    fn finish(&mut self) -> Result<()> {
        self.items.extend(self.element.out.take());
        let mut items = std::mem::take(&mut self.items);
        items.shrink_to_fit();
        *self.out = Some(Ld::Array(items));
        Ok(())
    }
}

/// An object whose values are `depth` levels down.
fn object(out: &mut Option<Ld>, depth: usize) -> Box<dyn Map + '_> {
    Box::new(ObjectBuilder {
        out,
        fields: Vec::new(),
        key: None,
        value: Slot { out: None, depth },
    })
}

struct ObjectBuilder<'a> {
    out: &'a mut Option<Ld>,
    fields: Vec<(&'static str, Ld)>,
    /// The field being read, if it is kept.
    key: Option<&'static str>,
    value: Slot,
}

impl ObjectBuilder<'_> {
    fn shift(&mut self) {
        if let (Some(key), Some(value)) = (self.key.take(), self.value.out.take()) {
            self.fields.push((key, value));
        }
    }
}

impl Map for ObjectBuilder<'_> {
    fn key(&mut self, k: &str) -> Result<&mut dyn Visitor> {
        self.shift();
        match KEPT.iter().find(|&&kept| kept == k) {
            Some(&kept) => {
                self.key = Some(kept);
                Ok(slot(&mut self.value))
            }
            None => Ok(<dyn Visitor>::ignore()),
        }
    }

    fn finish(&mut self) -> Result<()> {
        self.shift();
        let mut fields = std::mem::take(&mut self.fields);
        fields.shrink_to_fit();
        *self.out = Some(Ld::Object(fields));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use miniserde::json::Value;

    /// `value` as the reader would keep it: the oracle.
    fn kept(value: &Value, depth: usize) -> Ld {
        if depth > MAX_DEPTH {
            return Ld::Other;
        }
        match value {
            Value::String(s) => Ld::String(s.clone()),
            Value::Array(items) => Ld::Array(items.iter().map(|v| kept(v, depth + 1)).collect()),
            Value::Object(map) => Ld::Object(
                map.iter()
                    .filter_map(|(k, v)| {
                        let key = KEPT.iter().find(|&&kept| kept == k)?;
                        Some((*key, kept(v, depth + 1)))
                    })
                    .collect(),
            ),
            _ => Ld::Other,
        }
    }

    /// Fields compared by name (a map's order is not the page's).
    fn same(a: &Ld, b: &Ld) -> bool {
        match (a, b) {
            (Ld::Array(x), Ld::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
            }
            (Ld::Object(x), Ld::Object(y)) => {
                let names = |o: &[(&'static str, Ld)]| -> Vec<&'static str> {
                    let mut n: Vec<&'static str> = o.iter().map(|f| f.0).collect();
                    n.sort();
                    n.dedup();
                    n
                };
                names(x) == names(y)
                    && names(x)
                        .into_iter()
                        .all(|k| same(a.get(k).unwrap(), b.get(k).unwrap()))
            }
            _ => a == b,
        }
    }

    #[test]
    fn keeps_what_the_reader_reads_of_a_value() {
        let sources = [
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
 {"@type":["NewsArticle"],"headline":"H","author":[{"@type":"Person","name":"Rosa Díaz","sameAs":["u"]},"Ben Ode"],
  "datePublished":"2024-05-14","wordCount":512,"isFree":true,"image":{"url":"i.jpg","width":1}}]}"#,
            r#"[1, -2, 3.5, null, false, "s", [], {}]"#,
            // A repeated field: the last, as in a map.
            r#"{"name":"first","name":"second","url":{"url":"nested"}}"#,
            r#""just a string""#,
        ];
        for source in sources {
            let value: Value = miniserde::json::from_str(source).unwrap();
            let lean: Ld = miniserde::json::from_str(source).unwrap();
            assert!(same(&lean, &kept(&value, 0)), "{source}: {lean:?}");
        }
        let lean: Ld = miniserde::json::from_str(sources[2]).unwrap();
        assert_eq!(lean.get("name"), Some(&Ld::String("second".into())));
    }

    #[test]
    fn deep_nesting_is_read_but_not_kept() {
        let depth = 100_000;
        let source = "[".repeat(depth) + "\"deep\"" + &"]".repeat(depth);
        let mut lean: Ld = miniserde::json::from_str(&source).unwrap();
        let mut levels = 0;
        while let Ld::Array(mut items) = lean {
            assert_eq!(items.len(), 1);
            lean = items.pop().unwrap();
            levels += 1;
        }
        assert_eq!((levels, lean), (MAX_DEPTH + 1, Ld::Other));
        // Invalid JSON is an error, as for a `Value`.
        assert!(miniserde::json::from_str::<Ld>("{\"name\": [1,}").is_err());
    }
}
