//! The model file packed for the WASM: `build.rs` reads `models/learned.tsv`
//! (the readable form `slant train` writes) and packs it with [`pack`]; the
//! core reads it once with [`Packed::read`]. Packed and gzipped it is
//! half the text gzipped (30 KB against 60 KB), because like things sit
//! together:
//!
//! - every string (words, pairs' halves) once, sorted and front-coded:
//!   each is the number of bytes it shares with the one before (one byte),
//!   then the rest of it and a `\n`. Sorted words share long prefixes
//!   ("abandon", "abandoned", …): 12.8 KB gzipped instead of 17.3 KB for
//!   the strings joined by `\n` (BENCHMARKS.md#t-model-front-coding);
//! - features sorted by template and first string, their first string as a
//!   delta from the previous feature's (small numbers), their second string
//!   as an index (the empty string sorts first, at 0);
//! - weights column by column (one class after another): the smaller
//!   classes' columns are mostly zeros;
//! - counts and valences in the same way.
//!
//! Integers are LEB128 varints; weights are `i8` tenths (the text file's
//! unit). Plain `std` only: `build.rs` includes this file as it is.

use std::ops::Range;

/// Feature: (template index, first string, second string, weights in tenths).
pub type Feature = (u8, String, String, Vec<i8>);

/// Everything in a model file, as read from either form.
#[derive(Debug, Default, PartialEq)]
pub struct Unpacked {
    /// (name, category key).
    pub techniques: Vec<(String, String)>,
    /// (technique indices, threshold in thousandths).
    pub classes: Vec<(Vec<usize>, u16)>,
    /// In hundredths.
    pub extend: u16,
    /// Per class, its calibration knots (probability, agreement), both in
    /// thousandths; none for a class without them.
    pub calibration: Vec<Vec<(u16, u16)>>,
    /// What the sensitivity trades for the first class: (sensitivity in
    /// hundredths, precision and recall in thousandths).
    pub trade_offs: Vec<(u16, u16, u16)>,
    pub features: Vec<Feature>,
    /// (word, uses, marked per technique).
    pub counts: Vec<(String, u32, Vec<u32>)>,
    /// (word, bucket −3..=3).
    pub valence: Vec<(String, i8)>,
}

const MAGIC: &[u8; 4] = b"SLM4";

/// The feature templates' names, in the order of `features::Template::ALL`.
pub const TEMPLATE_NAMES: [&str; 25] = [
    "word",
    "stem",
    "ending",
    "shape",
    "before",
    "before2",
    "after",
    "after2",
    "pair_before",
    "pair_after",
    "quoted",
    "place",
    "valence",
    "valence_before",
    "valence_after",
    "density",
    "bias",
    "prefix",
    "grow_bias",
    "grow_word",
    "grow_from",
    "grow_kind",
    "grow_ending",
    "grow_beyond",
    "grow_length",
];

impl Unpacked {
    /// Reads the model file's text form (see `model.rs` for its lines).
    pub fn from_text(text: &str) -> Result<Unpacked, String> {
        let mut model = Unpacked {
            extend: 100,
            ..Unpacked::default()
        };
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |what: &str| format!("model line {}: {what}", n + 1);
            let fields: Vec<&str> = line.split('\t').collect();
            let number = |s: &str| s.parse::<u32>().map_err(|_| fail("bad number"));
            // "0.140" → 140: fixed-point, so the packed form is exact.
            let fixed = |s: &str, digits: usize| -> Result<u16, String> {
                let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
                if fraction.len() > digits {
                    return Err(fail("too many decimals"));
                }
                let padded = format!("{whole}{fraction:0<digits$}");
                padded.parse().map_err(|_| fail("bad fixed-point number"))
            };
            match fields[0] {
                "technique" => {
                    let [_, name, category] = fields[..] else {
                        return Err(fail("a technique has a name and a category"));
                    };
                    model
                        .techniques
                        .push((name.to_string(), category.to_string()));
                }
                "class" => {
                    let [_, names, threshold] = fields[..] else {
                        return Err(fail("a class has its techniques and a threshold"));
                    };
                    let techniques = names
                        .split('+')
                        .map(|name| {
                            model
                                .techniques
                                .iter()
                                .position(|t| t.0 == name)
                                .ok_or_else(|| fail(&format!("unknown technique `{name}`")))
                        })
                        .collect::<Result<_, _>>()?;
                    model.classes.push((techniques, fixed(threshold, 3)?));
                    model.calibration.push(Vec::new());
                }
                "calibrate" => {
                    let [_, names, probability, agreement] = fields[..] else {
                        return Err(fail("a knot has its class, a probability and an agreement"));
                    };
                    let class = (model.classes.iter())
                        .position(|(techniques, _)| {
                            let of: Vec<&str> = techniques
                                .iter()
                                .map(|&t| model.techniques[t].0.as_str())
                                .collect();
                            of.join("+") == names
                        })
                        .ok_or_else(|| fail(&format!("no class `{names}` above")))?;
                    let knot = (fixed(probability, 3)?, fixed(agreement, 3)?);
                    let knots = &mut model.calibration[class];
                    if knot.0 > 1000 || knot.1 > 1000 || knots.last().is_some_and(|k| k.0 > knot.0)
                    {
                        return Err(fail("knots are probabilities up to 1, in rising order"));
                    }
                    knots.push(knot);
                }
                "trade_off" => {
                    let [_, sensitivity, precision, recall] = fields[..] else {
                        return Err(fail(
                            "a trade-off has a sensitivity, a precision and a recall",
                        ));
                    };
                    let row = (
                        fixed(sensitivity, 2)?,
                        fixed(precision, 3)?,
                        fixed(recall, 3)?,
                    );
                    let rising = model.trade_offs.last().is_none_or(|last| last.0 < row.0);
                    if row.0 > 100 || row.1 > 1000 || row.2 > 1000 || !rising {
                        return Err(fail("trade-offs are at rising sensitivities up to 1"));
                    }
                    model.trade_offs.push(row);
                }
                "extend" => {
                    let ratio = fields.get(1).ok_or_else(|| fail("no extend ratio"))?;
                    model.extend = fixed(ratio, 2)?;
                }
                "valence_of" => {
                    let [_, word, bucket] = fields[..] else {
                        return Err(fail("a valence_of line has a word and a bucket"));
                    };
                    let bucket: i8 = bucket.parse().map_err(|_| fail("bad bucket"))?;
                    if bucket == 0 || !(-3..=3).contains(&bucket) {
                        return Err(fail("a bucket is -3 to 3, not 0"));
                    }
                    model.valence.push((word.to_string(), bucket));
                }
                "count" => {
                    if fields.len() != 3 + model.techniques.len() {
                        return Err(fail(
                            "a count has a word, its uses and one count per technique",
                        ));
                    }
                    let marked = fields[3..]
                        .iter()
                        .map(|s| number(s))
                        .collect::<Result<_, _>>()?;
                    model
                        .counts
                        .push((fields[1].to_string(), number(fields[2])?, marked));
                }
                name => {
                    let template = TEMPLATE_NAMES
                        .iter()
                        .position(|t| *t == name)
                        .ok_or_else(|| fail(&format!("unknown line kind `{name}`")))?;
                    if model.classes.is_empty() || fields.len() != 3 + model.classes.len() {
                        return Err(fail("a feature has two strings and one weight per class"));
                    }
                    let weights = fields[3..]
                        .iter()
                        .map(|w| {
                            w.parse::<i8>()
                                .map_err(|_| fail("a weight is -128 to 127 tenths"))
                        })
                        .collect::<Result<_, _>>()?;
                    model.features.push((
                        template as u8,
                        fields[1].to_string(),
                        fields[2].to_string(),
                        weights,
                    ));
                }
            }
        }
        if model.classes.is_empty() {
            return Err("the model has no classes".into());
        }
        Ok(model)
    }
}

/// Packs a model file's contents.
pub fn pack(model: &Unpacked) -> Vec<u8> {
    let mut strings: Vec<&str> = model
        .features
        .iter()
        .flat_map(|(_, a, b, _)| [a.as_str(), b.as_str()])
        .chain(model.counts.iter().map(|c| c.0.as_str()))
        .chain(model.valence.iter().map(|v| v.0.as_str()))
        .chain([""])
        .collect();
    strings.sort_unstable();
    strings.dedup();
    let index = |s: &str| strings.binary_search(&s).expect("every string is listed");

    let mut out = MAGIC.to_vec();
    varint(&mut out, model.techniques.len() as u64);
    for (name, category) in &model.techniques {
        text(&mut out, name);
        text(&mut out, category);
    }
    varint(&mut out, model.classes.len() as u64);
    for (techniques, threshold) in &model.classes {
        varint(&mut out, techniques.len() as u64);
        for &t in techniques {
            varint(&mut out, t as u64);
        }
        varint(&mut out, u64::from(*threshold));
    }
    varint(&mut out, u64::from(model.extend));
    for knots in &model.calibration {
        varint(&mut out, knots.len() as u64);
        for &(probability, agreement) in knots {
            varint(&mut out, u64::from(probability));
            varint(&mut out, u64::from(agreement));
        }
    }
    varint(&mut out, model.trade_offs.len() as u64);
    for &(sensitivity, precision, recall) in &model.trade_offs {
        for n in [sensitivity, precision, recall] {
            varint(&mut out, u64::from(n));
        }
    }
    varint(&mut out, strings.len() as u64);
    let mut previous = "";
    for s in &strings {
        let shared = shared_prefix(previous, s);
        out.push(shared as u8);
        out.extend_from_slice(&s.as_bytes()[shared..]);
        out.push(b'\n');
        previous = s;
    }

    let mut features: Vec<&Feature> = model.features.iter().collect();
    features.sort_by_key(|(t, a, b, _)| (*t, index(a), b.clone()));
    varint(&mut out, features.len() as u64);
    out.extend(features.iter().map(|f| f.0));
    let mut previous = (u8::MAX, 0);
    for (t, a, _, _) in &features {
        let a = index(a);
        let base = if previous.0 == *t { previous.1 } else { 0 };
        varint(&mut out, (a - base) as u64);
        previous = (*t, a);
    }
    for (_, _, b, _) in &features {
        varint(&mut out, index(b) as u64);
    }
    for class in 0..model.classes.len() {
        out.extend(features.iter().map(|f| f.3[class] as u8));
    }

    let mut counts: Vec<&(String, u32, Vec<u32>)> = model.counts.iter().collect();
    counts.sort_by_key(|c| index(&c.0));
    varint(&mut out, counts.len() as u64);
    let mut previous = 0;
    for (word, _, _) in &counts {
        varint(&mut out, (index(word) - previous) as u64);
        previous = index(word);
    }
    for (_, uses, _) in &counts {
        varint(&mut out, u64::from(*uses));
    }
    for technique in 0..model.techniques.len() {
        for (_, _, marked) in &counts {
            varint(&mut out, u64::from(marked[technique]));
        }
    }

    let mut valence: Vec<&(String, i8)> = model.valence.iter().collect();
    valence.sort_by_key(|v| index(&v.0));
    varint(&mut out, valence.len() as u64);
    let mut previous = 0;
    for (word, _) in &valence {
        varint(&mut out, (index(word) - previous) as u64);
        previous = index(word);
    }
    out.extend(valence.iter().map(|v| v.1 as u8));
    out
}

/// The packed model as read, its strings decoded once and left in place:
/// the core builds its `Model` from this without a `String` or a `Vec` per
/// feature (see `model.rs`); [`Unpacked::read`] copies it out for the
/// tests. Every index in it is checked against the string table.
pub struct Packed<'a> {
    /// (name, category key).
    pub techniques: Vec<(String, String)>,
    /// (technique indices, threshold in thousandths).
    pub classes: Vec<(Vec<usize>, u16)>,
    /// In hundredths.
    pub extend: u16,
    /// Per class, (probability, agreement) knots in thousandths.
    pub calibration: Vec<Vec<(u16, u16)>>,
    /// (sensitivity in hundredths, precision and recall in thousandths).
    pub trade_offs: Vec<(u16, u16, u16)>,
    /// Every string, sorted, one after another in one text, and each one's
    /// range in it: string `i` is `text[strings[i].clone()]`.
    pub text: String,
    pub strings: Vec<Range<usize>>,
    /// Per feature: its template's index, and its first and second strings'
    /// indices.
    pub templates: &'a [u8],
    pub firsts: Vec<u32>,
    pub seconds: Vec<u32>,
    /// Class after class, each one byte per feature: an `i8` in tenths.
    pub weights: &'a [u8],
    /// Per counted word: its string index and uses; `marked` technique
    /// after technique, one number per counted word.
    pub count_words: Vec<u32>,
    pub uses: Vec<u32>,
    pub marked: Vec<u32>,
    /// Per valence word: its string index and bucket (an `i8`).
    pub valence_words: Vec<u32>,
    pub buckets: &'a [u8],
}

impl<'a> Packed<'a> {
    /// Reads what [`pack`] wrote.
    pub fn read(bytes: &'a [u8]) -> Result<Packed<'a>, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a packed Slant model".into());
        }
        let mut techniques = Vec::new();
        for _ in 0..r.count()? {
            techniques.push((r.text()?, r.text()?));
        }
        let mut classes = Vec::new();
        for _ in 0..r.count()? {
            let n = r.count()?;
            let of = (0..n).map(|_| r.count()).collect::<Result<_, _>>()?;
            classes.push((of, r.small()?));
        }
        let extend = r.small()?;
        let mut calibration = Vec::with_capacity(classes.len());
        for _ in 0..classes.len() {
            let n = r.count()?;
            let knots = (0..n)
                .map(|_| Ok((r.small()?, r.small()?)))
                .collect::<Result<Vec<(u16, u16)>, String>>()?;
            calibration.push(knots);
        }
        let n = r.count()?;
        let trade_offs = (0..n)
            .map(|_| Ok((r.small()?, r.small()?, r.small()?)))
            .collect::<Result<Vec<(u16, u16, u16)>, String>>()?;
        let (text, strings) = r.front_coded()?;
        if u32::try_from(strings.len()).is_err() {
            return Err("too many strings".into());
        }
        let index = |i: usize| index(i, strings.len());

        let n = r.count()?;
        let templates = r.take(n)?;
        let mut firsts = Vec::with_capacity(n);
        let mut previous = (u8::MAX, 0usize);
        for &t in templates {
            let base = if previous.0 == t { previous.1 } else { 0 };
            let a = base.checked_add(r.count()?).ok_or("a count too large")?;
            firsts.push(index(a)?);
            previous = (t, a);
        }
        let mut seconds = Vec::with_capacity(n);
        for _ in 0..n {
            seconds.push(index(r.count()?)?);
        }
        let weights = r.take(n.checked_mul(classes.len()).ok_or("a count too large")?)?;

        let n = r.count()?;
        let count_words = r.ascending(n, strings.len())?;
        let uses = (0..n).map(|_| r.small()).collect::<Result<_, _>>()?;
        let marked = (0..n.checked_mul(techniques.len()).ok_or("a count too large")?)
            .map(|_| r.small())
            .collect::<Result<_, _>>()?;

        let n = r.count()?;
        let valence_words = r.ascending(n, strings.len())?;
        let buckets = r.take(n)?;
        if r.at != bytes.len() {
            return Err("bytes after the packed model".into());
        }
        Ok(Packed {
            techniques,
            classes,
            extend,
            calibration,
            trade_offs,
            text,
            strings,
            templates,
            firsts,
            seconds,
            weights,
            count_words,
            uses,
            marked,
            valence_words,
            buckets,
        })
    }

    /// String `i` of the table (an index this reader checked).
    pub fn string(&self, i: u32) -> &str {
        &self.text[self.strings[i as usize].clone()]
    }

    /// Copies everything out, one `String` per string.
    pub fn unpack(self) -> Unpacked {
        let n = self.templates.len();
        let classes = self.classes.len();
        let features = (0..n)
            .map(|i| {
                (
                    self.templates[i],
                    self.string(self.firsts[i]).to_string(),
                    self.string(self.seconds[i]).to_string(),
                    (0..classes)
                        .map(|c| self.weights[c * n + i] as i8)
                        .collect(),
                )
            })
            .collect();
        let n = self.count_words.len();
        let counts = (0..n)
            .map(|j| {
                (
                    self.string(self.count_words[j]).to_string(),
                    self.uses[j],
                    (0..self.techniques.len())
                        .map(|t| self.marked[t * n + j])
                        .collect(),
                )
            })
            .collect();
        let valence = self
            .valence_words
            .iter()
            .zip(self.buckets)
            .map(|(&w, &b)| (self.string(w).to_string(), b as i8))
            .collect();
        Unpacked {
            techniques: self.techniques,
            classes: self.classes,
            extend: self.extend,
            calibration: self.calibration,
            trade_offs: self.trade_offs,
            features,
            counts,
            valence,
        }
    }
}

impl Unpacked {
    /// Reads what [`pack`] wrote.
    pub fn read(bytes: &[u8]) -> Result<Unpacked, String> {
        Packed::read(bytes).map(Packed::unpack)
    }
}

fn varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// The bytes `a` and `b` begin with alike, at most 255 and never inside a
/// character.
fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = a
        .bytes()
        .zip(b.bytes())
        .take(255)
        .take_while(|(x, y)| x == y)
        .count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn text(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// `i` as an index into a table of `strings` strings (fewer than 2^32).
fn index(i: usize, strings: usize) -> Result<u32, &'static str> {
    if i < strings {
        Ok(i as u32)
    } else {
        Err("a string index past the table")
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("the packed model ends early")?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    /// A varint; most of the model's are one byte, read inline.
    #[inline]
    fn varint(&mut self) -> Result<u64, String> {
        match self.bytes.get(self.at) {
            Some(&byte) if byte < 0x80 => {
                self.at += 1;
                Ok(u64::from(byte))
            }
            _ => self.long_varint(),
        }
    }

    fn long_varint(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("a varint too long".into())
    }

    fn count(&mut self) -> Result<usize, String> {
        usize::try_from(self.varint()?).map_err(|_| "a count too large".to_string())
    }

    /// `n` string indices written as deltas from the one before.
    fn ascending(&mut self, n: usize, strings: usize) -> Result<Vec<u32>, String> {
        // Each index takes a byte at least: a bad count fails, not allocates.
        let mut out = Vec::with_capacity(n.min(self.bytes.len() - self.at));
        let mut previous = 0usize;
        for _ in 0..n {
            previous = previous
                .checked_add(self.count()?)
                .ok_or("a count too large")?;
            out.push(index(previous, strings)?);
        }
        Ok(out)
    }

    fn small<T: TryFrom<u64>>(&mut self) -> Result<T, String> {
        T::try_from(self.varint()?).map_err(|_| "a number out of range".to_string())
    }

    /// The sorted strings [`pack`] front-codes: all of them one after
    /// another in one text, and each one's range in it (one allocation and
    /// one UTF-8 check for them all).
    fn front_coded(&mut self) -> Result<(String, Vec<Range<usize>>), String> {
        let n = self.count()?;
        let mut joined: Vec<u8> = Vec::with_capacity(n * 8);
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(n);
        for _ in 0..n {
            let shared = usize::from(self.take(1)?[0]);
            let previous = ranges.last().cloned().unwrap_or_default();
            if shared > previous.len() {
                return Err("a bad shared prefix".into());
            }
            let rest = &self.bytes[self.at..];
            let len = rest
                .iter()
                .position(|&b| b == b'\n')
                .ok_or("the packed model ends early")?;
            let start = joined.len();
            joined.extend_from_within(previous.start..previous.start + shared);
            joined.extend_from_slice(&rest[..len]);
            ranges.push(start..joined.len());
            self.at += len + 1;
        }
        let joined = String::from_utf8(joined).map_err(|_| "a string not UTF-8")?;
        Ok((joined, ranges))
    }

    fn text(&mut self) -> Result<String, String> {
        let n = self.count()?;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "a string not UTF-8".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# a comment\ntechnique\tLoaded_Language\temotive\ntechnique\tDoubt\tdoubt\nclass\tLoaded_Language\t0.140\nclass\tDoubt\t0.3\ncalibrate\tDoubt\t0.1\t0.25\ncalibrate\tDoubt\t0.400\t0.5\ntrade_off\t0\t0.5\t0.1\ntrade_off\t0.5\t0.35\t0.4\nextend\t0.40\nword\tvile\t\t23\t-4\nbefore\tthe\t\t-5\t0\npair_after\tso\tcalled\t12\t7\ncount\tvile\t9\t7\t1\nvalence_of\tvile\t-3\n";

    #[test]
    fn the_text_form_reads_as_written() {
        let model = Unpacked::from_text(TEXT).unwrap();
        assert_eq!(model.classes, [(vec![0], 140), (vec![1], 300)]);
        assert_eq!(model.calibration, [vec![], vec![(100, 250), (400, 500)]]);
        assert_eq!(model.trade_offs, [(0, 500, 100), (50, 350, 400)]);
        assert_eq!(model.extend, 40);
        assert_eq!(
            model.features[2],
            (9, "so".into(), "called".into(), vec![12, 7])
        );
        assert_eq!(model.counts, [("vile".to_string(), 9, vec![7, 1])]);
        assert_eq!(model.valence, [("vile".to_string(), -3)]);
    }

    #[test]
    fn packing_loses_nothing() {
        let model = Unpacked::from_text(TEXT).unwrap();
        let mut read = Unpacked::read(&pack(&model)).unwrap();
        // Packed features come sorted by template and string.
        let mut expected = model;
        expected
            .features
            .sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        read.features.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        assert_eq!(read, expected);
    }

    /// The model compiled into the core is the model file, feature for
    /// feature, weight for weight (the core scores with the packed one).
    #[test]
    fn the_compiled_in_model_is_the_model_file() {
        let packed = include_bytes!(concat!(env!("OUT_DIR"), "/learned.bin"));
        let text = include_str!("../../models/learned.tsv");
        let sorted = |mut m: Unpacked| {
            m.features.sort();
            m.counts.sort();
            m.valence.sort();
            m
        };
        let read = sorted(Unpacked::read(packed).unwrap());
        assert_eq!(read, sorted(Unpacked::from_text(text).unwrap()));
        assert!(read.features.len() > 8000 && read.valence.len() > 2000);
    }

    #[test]
    fn front_coding_keeps_every_string() {
        let mut model = Unpacked::from_text(TEXT).unwrap();
        for word in ["vil", "vilé", "vilést", "", "a\u{e9}b", "a\u{e8}"] {
            model.valence.push((word.to_string(), 2));
        }
        let long = "x".repeat(300);
        model.valence.push((long.clone() + "a", 1));
        model.valence.push((long + "b", 1));
        let mut read = Unpacked::read(&pack(&model)).unwrap();
        read.valence.sort();
        model.valence.sort();
        assert_eq!(read.valence, model.valence);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(Unpacked::read(b"").is_err());
        assert!(Unpacked::read(b"SLM4\xff\xff").is_err());
        let packed = pack(&Unpacked::from_text(TEXT).unwrap());
        for cut in 0..packed.len() {
            assert!(Unpacked::read(&packed[..cut]).is_err());
        }
        assert!(Unpacked::from_text("word\tx\t\t1\n").is_err());
        assert!(
            Unpacked::from_text("technique\tA\temotive\nclass\tA\t0.5\nword\tx\t\t300\n").is_err()
        );
        // Calibration knots: of a class above, rising, probabilities.
        let head = "technique\tA\temotive\nclass\tA\t0.5\n";
        for knots in [
            "calibrate\tB\t0.1\t0.2\n",
            "calibrate\tA\t0.5\t0.2\ncalibrate\tA\t0.4\t0.3\n",
            "calibrate\tA\t1.5\t0.2\n",
            "calibrate\tA\t0.5\n",
            "trade_off\t0.5\t0.3\t0.4\ntrade_off\t0.25\t0.3\t0.4\n",
            "trade_off\t1.5\t0.3\t0.4\n",
        ] {
            assert!(
                Unpacked::from_text(&format!("{head}{knots}")).is_err(),
                "{knots}"
            );
        }
    }
}
