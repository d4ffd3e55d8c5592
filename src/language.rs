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
//! English, and a two-line paste is not judged at all. Seven lists of about
//! thirty words are some 1.3 KB of the WASM; a character-trigram model would
//! tell more languages apart, at tens of kilobytes.
//!
//! What it is used for (see `lib.rs`): in a text that is not English, only
//! the reader's own terms are flagged. The lexicons, the learned model, the
//! context rules and the attribution of sentences all read English words and
//! English grammar, and their findings in another language are noise.

use std::ops::Range;
use std::sync::OnceLock;

/// How many words of prose the guess reads: enough to be sure, and a fixed
/// cost on a 16 MB paste.
pub const SAMPLE_WORDS: usize = 2000;
/// Fewer words than this (a headline, a sentence): English, unjudged.
pub const MIN_WORDS: usize = 20;
/// Another language must have this many times English's hits.
pub const MARGIN: usize = 2;

/// The languages guessed, by ISO 639-1 code, each with its commonest words
/// (lower case). A word may be in several lists; it counts for each.
const PROFILES: [(&str, &[&str]); 7] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "was", "for", "with", "on", "are", "it", "as",
            "by", "this", "have", "from", "be", "at", "were", "has", "not", "but", "which", "they",
            "he", "she", "their", "said", "would", "will", "an",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "dem", "sich", "auf", "ein",
            "eine", "einer", "auch", "für", "von", "wird", "werden", "wurde", "hat", "sie", "im",
            "zu", "nach", "bei", "aus", "oder", "dass", "des", "sind", "haben",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "que", "de", "del", "y", "en", "un", "una", "por", "con",
            "para", "es", "se", "no", "su", "al", "lo", "como", "más", "pero", "sus", "fue", "ha",
            "este", "esta", "según", "también", "sobre", "entre",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "est", "une", "un", "du", "que", "qui", "dans", "pour",
            "pas", "sur", "au", "avec", "ce", "il", "elle", "sont", "ont", "été", "mais", "aux",
            "cette", "par", "ne", "selon", "leur", "nous", "être",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "e", "la", "le", "gli", "per", "un", "una", "non", "con", "del",
            "della", "sono", "è", "ha", "nel", "alla", "anche", "più", "questo", "ma", "ai", "dei",
            "da", "come", "stato", "delle", "secondo", "nella", "loro",
        ],
    ),
    (
        "pt",
        &[
            "o", "a", "os", "as", "de", "do", "da", "dos", "das", "que", "e", "em", "um", "uma",
            "para", "com", "não", "por", "no", "na", "se", "mais", "foi", "ao", "pelo", "pela",
            "são", "como", "segundo", "também", "seu", "sua",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "voor", "met", "zijn",
            "niet", "er", "ook", "aan", "door", "om", "bij", "worden", "werd", "deze", "naar",
            "heeft", "hij", "maar", "wordt", "volgens", "hun", "zij", "wij",
        ],
    ),
];

/// English's code, the guess when in doubt.
pub const ENGLISH: &str = "en";

/// A word of at most eight bytes as a number whose order is the words'
/// byte order (zero-padded on the right), or None for a longer word: no
/// profile word is longer.
fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    (bytes.len() <= 8).then(|| {
        let mut eight = [0u8; 8];
        eight[..bytes.len()].copy_from_slice(bytes);
        u64::from_be_bytes(eight)
    })
}

/// Each profile word once (packed), sorted for a binary search, with the
/// set of languages (bits, in `PROFILES` order) whose list holds it.
fn table() -> &'static [(u64, u8)] {
    static TABLE: OnceLock<Vec<(u64, u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(u64, u8)> = PROFILES
            .iter()
            .enumerate()
            .flat_map(|(i, (_, words))| {
                words
                    .iter()
                    .map(move |w| (packed(w).expect("profile words are short"), 1 << i))
            })
            .collect();
        crate::order::sort_by_key(&mut table, |&(word, _)| word);
        table.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 |= later.1;
            }
            same
        });
        table
    })
}

/// The language of the prose (`prose`: byte ranges of `text`), as an ISO
/// 639-1 code: "en" unless another language clearly wins.
pub fn guess(text: &str, prose: &[Range<usize>]) -> &'static str {
    let table = table();
    let mut hits = [0usize; PROFILES.len()];
    let mut words = 0;
    let mut lower = String::new();
    'prose: for range in prose {
        for word in text[range.clone()].split(|c: char| !c.is_alphabetic()) {
            if word.is_empty() {
                continue;
            }
            words += 1;
            if words > SAMPLE_WORDS {
                break 'prose;
            }
            if word.len() > 8 {
                continue; // no profile word is this long
            }
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            let Some(key) = packed(&lower) else { continue };
            if let Ok(at) = table.binary_search_by_key(&key, |&(w, _)| w) {
                let languages = table[at].1;
                for (i, hit) in hits.iter_mut().enumerate() {
                    *hit += usize::from(languages >> i & 1 == 1);
                }
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
        PROFILES[best].0
    } else {
        ENGLISH
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> &'static str {
        guess(text, &[0..text.len()])
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
        assert_eq!(guess(&text, &[0..SPANISH.len()]), "es");
    }

    #[test]
    fn every_profile_word_is_lower_case_and_short() {
        for (code, words) in PROFILES {
            assert_eq!(code.len(), 2);
            for word in words {
                assert_eq!(word.to_lowercase(), *word);
                assert!(word.len() <= 8, "{word}");
            }
        }
    }
}
