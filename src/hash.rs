//! One string hash for the crate's lookup tables: 32-bit FNV-1a.
//!
//! The tables it serves (the attribution word lists, the lexicon's index of
//! first words) are built once from fixed words and then asked about nearly
//! every word of an article, so the hash must be cheap on short keys. FNV-1a
//! is a multiply and an exclusive or per byte, with no set-up and no
//! finalisation; std's SipHash guards against hash flooding, which tables of
//! compiled-in words do not need. The tables use open addressing with a
//! power-of-two size, so they take the low bits of the result.

/// 32-bit FNV-1a of `bytes`, widened to `usize`.
pub(crate) fn fnv1a(bytes: &[u8]) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in bytes {
        hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    hash as usize
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        // The published 32-bit FNV-1a test vectors.
        assert_eq!(super::fnv1a(b""), 0x811c_9dc5);
        assert_eq!(super::fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(super::fnv1a(b"foobar"), 0xbf9c_f968);
    }
}
