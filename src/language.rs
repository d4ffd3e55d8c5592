//! A guess at the language of the article: English, or one of six other
//! European languages Slant can tell from it, so that text Slant cannot read
//! is not silently read as English.
//!
//! Design: every language has a short list of its commonest words (articles,
//! conjunctions, prepositions, auxiliaries: the words that make up a third
//! of any running text, and that differ between languages). The guess
//! counts, among the prose's first [`SAMPLE_WORDS`] words, the hits of each
//! list, and names the language with the most — but says English unless
//! another language clearly wins ([`MARGIN`]) on enough words
//! ([`MIN_WORDS`]): an English article quoting a Spanish sentence stays
//! English, and a two-line paste is not judged at all. Size: the word lists
//! are read while compiling into one sorted table of words packed in a
//! `u64` each (no pointers, no sort in the WASM), and the whole guess, with
//! the non-English path in `lib.rs`, is about 1.9 KB gzip of the WASM; a
//! character-trigram model would tell more languages apart, at tens of
//! kilobytes.
//!
//! What it is used for (see `lib.rs`): in a text that is not English, only
//! the reader's own terms are flagged. The lexicons, the learned model, the
//! context rules and the attribution of sentences all read English words and
//! English grammar, and their findings in another language are noise.

use std::ops::Range;

/// How many words of prose the guess reads: enough to be sure, and a fixed
/// cost on a 16 MB paste.
pub const SAMPLE_WORDS: usize = 2000;
/// Fewer words than this (a headline, a sentence): English, unjudged.
pub const MIN_WORDS: usize = 20;
/// Another language must have this many times English's hits.
pub const MARGIN: usize = 2;

/// The languages guessed, by ISO 639-1 code, each with its commonest words
/// (lower case, at most eight bytes, between spaces: one string per
/// language, so the WASM holds no table of pointers). A word may be in
/// several lists; it counts for each.
const PROFILES: [(&str, &str); 7] = [
    (
        "en",
        " the and of to is that was for with on are it as by this have from be at were has not but which they he she their said would will an ",
    ),
    (
        "de",
        " der die und das ist nicht mit den dem sich auf ein eine einer auch für von wird werden wurde hat sie im zu nach bei aus oder dass des sind haben ",
    ),
    (
        "es",
        " el la los las que de del y en un una por con para es se no su al lo como más pero sus fue ha este esta según también sobre entre ",
    ),
    (
        "fr",
        " le la les des et est une un du que qui dans pour pas sur au avec ce il elle sont ont été mais aux cette par ne selon leur nous être ",
    ),
    (
        "it",
        " il di che e la le gli per un una non con del della sono è ha nel alla anche più questo ma ai dei da come stato delle secondo nella loro ",
    ),
    (
        "pt",
        " o a os as de do da dos das que e em um uma para com não por no na se mais foi ao pelo pela são como segundo também seu sua ",
    ),
    (
        "nl",
        " de het een en van in is dat op te voor met zijn niet er ook aan door om bij worden werd deze naar heeft hij maar wordt volgens hun zij wij ",
    ),
];

/// The profiles' codes alone: what the WASM keeps of `PROFILES` (whose word
/// lists are read only while compiling, into `KEYS` and `BITS`).
const CODES: [&str; PROFILES.len()] = {
    let mut codes = [""; PROFILES.len()];
    let mut i = 0;
    while i < PROFILES.len() {
        codes[i] = PROFILES[i].0;
        i += 1;
    }
    codes
};

/// English's code, the guess when in doubt.
pub const ENGLISH: &str = "en";

/// A word of at most eight bytes as a number whose order is the words'
/// byte order (zero-padded on the right).
const fn pack(bytes: &[u8], start: usize, end: usize) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < 8 {
        key <<= 8;
        if start + i < end {
            key |= bytes[start + i] as u64;
        }
        i += 1;
    }
    key
}

/// How many words the profiles hold together.
const WORDS: usize = {
    let mut n = 0;
    let mut p = 0;
    while p < PROFILES.len() {
        let bytes = PROFILES[p].1.as_bytes();
        let mut i = 1;
        while i < bytes.len() {
            if bytes[i] == b' ' {
                n += 1;
            }
            i += 1;
        }
        p += 1;
    }
    n
};

/// Every profile word (packed) with its language's bit (in `PROFILES`
/// order), sorted by word: made while compiling, so that the WASM holds the
/// table and a binary search, and no sort.
const TABLE: [(u64, u8); WORDS] = {
    let mut table = [(0u64, 0u8); WORDS];
    let mut n = 0;
    let mut p = 0;
    while p < PROFILES.len() {
        let bytes = PROFILES[p].1.as_bytes();
        let mut start = 1;
        let mut i = 1;
        while i < bytes.len() {
            if bytes[i] == b' ' {
                assert!(i - start <= 8, "a profile word is longer than eight bytes");
                table[n] = (pack(bytes, start, i), 1 << p);
                n += 1;
                start = i + 1;
            }
            i += 1;
        }
        p += 1;
    }
    // Insertion sort: a few hundred words, once, while compiling.
    let mut i = 1;
    while i < WORDS {
        let mut j = i;
        while j > 0 && table[j - 1].0 > table[j].0 {
            let swap = table[j - 1];
            table[j - 1] = table[j];
            table[j] = swap;
            j -= 1;
        }
        i += 1;
    }
    table
};

/// `TABLE`'s words and languages as two arrays: the WASM keeps only these
/// (eight bytes and one a word, where a tuple is padded to sixteen).
static KEYS: [u64; WORDS] = {
    let mut keys = [0; WORDS];
    let mut i = 0;
    while i < WORDS {
        keys[i] = TABLE[i].0;
        i += 1;
    }
    keys
};
static BITS: [u8; WORDS] = {
    let mut bits = [0; WORDS];
    let mut i = 0;
    while i < WORDS {
        bits[i] = TABLE[i].1;
        i += 1;
    }
    bits
};

/// The languages (bits, in `PROFILES` order) whose lists hold `word`, in
/// any case of its ASCII letters ("Der", "DER"; a capital "É" is missed).
fn languages_of(word: &[u8]) -> u8 {
    if word.len() > 8 {
        return 0; // no profile word is this long
    }
    let mut eight = [0u8; 8];
    for (to, from) in eight.iter_mut().zip(word) {
        *to = from.to_ascii_lowercase();
    }
    let key = u64::from_be_bytes(eight);
    let mut at = KEYS.partition_point(|&w| w < key);
    let mut languages = 0;
    while at < WORDS && KEYS[at] == key {
        languages |= BITS[at];
        at += 1;
    }
    languages
}

/// The language of the prose (`prose`: byte ranges of `text`), as an ISO
/// 639-1 code: "en" unless another language clearly wins.
pub fn guess(text: &str, prose: &[Range<usize>]) -> &'static str {
    let mut hits = [0usize; PROFILES.len()];
    let mut words = 0;
    // Words: runs of ASCII letters and of anything not ASCII (where the
    // letters of ä, é, ß are; a curly quote sticks to its word, which then
    // matches nothing: a few hits less).
    let is_letter = |b: u8| b.is_ascii_alphabetic() || b >= 0x80;
    'prose: for range in prose {
        let bytes = &text.as_bytes()[range.clone()];
        let mut i = 0;
        while i < bytes.len() {
            if !is_letter(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && is_letter(bytes[i]) {
                i += 1;
            }
            words += 1;
            if words > SAMPLE_WORDS {
                break 'prose;
            }
            let languages = languages_of(&bytes[start..i]);
            for (n, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(languages >> n & 1 == 1);
            }
        }
    }
    if words.min(SAMPLE_WORDS) < MIN_WORDS {
        return ENGLISH;
    }
    let english = hits[0];
    let (best, &most) = hits
        .iter()
        .enumerate()
        .skip(1)
        .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))
        .expect("more than one profile");
    // Another language wins clearly: more than MARGIN times English's hits,
    // and on a good share of the words.
    if most > MARGIN * english && most * 8 >= words.min(SAMPLE_WORDS) {
        CODES[best]
    } else {
        ENGLISH
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> &'static str {
        guess(text, std::slice::from_ref(&(0..text.len())))
    }

    const SPANISH: &str = "El pleno del ayuntamiento aprobó el lunes el nuevo plan de movilidad urbana, que prevé cerrar al tráfico el casco antiguo a partir de la próxima primavera. La medida salió adelante con los votos del equipo de gobierno y la abstención de la oposición.";
    const GERMAN: &str = "Der Stadtrat hat am Montag mit großer Mehrheit neue Regeln für den Hafen beschlossen. Ab dem 1. Januar dürfen Kreuzfahrtschiffe nur noch an drei Tagen in der Woche anlegen, und für jedes Schiff wird eine Gebühr fällig.";
    const FRENCH: &str = "Le conseil municipal a adopté lundi le nouveau plan de circulation, qui prévoit de fermer le centre historique aux voitures dès le printemps prochain. La mesure a été votée par la majorité, mais elle est contestée par les commerçants du centre.";
    const ITALIAN: &str = "Il consiglio comunale ha approvato lunedì il nuovo piano della mobilità, che prevede la chiusura del centro storico al traffico a partire dalla prossima primavera. La misura è stata votata dalla maggioranza, ma non convince i commercianti.";
    const PORTUGUESE: &str = "A câmara municipal aprovou na segunda-feira o novo plano de mobilidade, que prevê o encerramento do centro histórico ao trânsito a partir da próxima primavera. A medida foi aprovada pela maioria, mas não convence os comerciantes da cidade.";
    const DUTCH: &str = "De gemeenteraad heeft maandag het nieuwe verkeersplan goedgekeurd, dat de historische binnenstad vanaf het volgende voorjaar autovrij maakt. De maatregel werd door de meerderheid gesteund, maar de winkeliers in het centrum zijn er niet blij mee.";
    const ENGLISH_TEXT: &str = "The council approved the new traffic plan on Monday, which will close the old town to cars from next spring. The measure was backed by the majority, but shopkeepers in the centre say they were not consulted and that trade will suffer.";

    #[test]
    fn tells_the_seven_languages_apart() {
        for (text, code) in [
            (SPANISH, "es"),
            (GERMAN, "de"),
            (FRENCH, "fr"),
            (ITALIAN, "it"),
            (PORTUGUESE, "pt"),
            (DUTCH, "nl"),
            (ENGLISH_TEXT, "en"),
        ] {
            assert_eq!(of(text), code, "{text}");
        }
    }

    #[test]
    fn english_with_foreign_quotations_and_names_stays_english() {
        let text = format!(
            "{ENGLISH_TEXT} “{}” said the mayor of Puerto de la Cruz, José de la Fuente y Núñez. {ENGLISH_TEXT}",
            &SPANISH[..90]
        );
        assert_eq!(of(&text), "en");
    }

    #[test]
    fn short_text_is_not_judged() {
        assert_eq!(of("El pleno del ayuntamiento aprobó el plan."), "en");
        assert_eq!(of(""), "en");
        assert_eq!(of("東京 Αθήνα القاهرة 👍"), "en");
    }

    #[test]
    fn reads_only_the_prose_it_is_given() {
        let text = format!("{SPANISH}\n\n{ENGLISH_TEXT}");
        let english = SPANISH.len() + 2..text.len();
        assert_eq!(guess(&text, &[english]), "en");
        assert_eq!(
            guess(&text, std::slice::from_ref(&(0..SPANISH.len()))),
            "es"
        );
    }

    #[test]
    fn every_profile_word_is_lower_case_short_and_found() {
        for (i, (code, words)) in PROFILES.iter().enumerate() {
            assert_eq!(code.len(), 2);
            assert!(words.starts_with(' ') && words.ends_with(' '));
            for word in words.split_whitespace() {
                assert_eq!(word.to_lowercase(), word);
                assert!(word.len() <= 8, "{word}");
                assert!(
                    languages_of(word.as_bytes()) & 1 << i != 0,
                    "{word} in {code}"
                );
            }
        }
        assert_eq!(
            languages_of(b"de"),
            1 << 2 | 1 << 5 | 1 << 6,
            "Spanish, Portuguese, Dutch"
        );
        assert_eq!(languages_of(b"DER"), 1 << 1);
        assert_eq!(languages_of(b"zzz"), 0);
        assert_eq!(languages_of(b"extraordinarily"), 0);
    }
}
