//! The crate's string hashes: 32-bit FNV-1a for lookup tables, 64-bit for
//! the learned model's feature keys, and an FxHash-like hasher for per-text
//! maps.
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

/// 64-bit FNV-1a, fed in pieces: the learned model's feature keys, where
/// tens of thousands of keys must not collide and are hashed once each.
pub(crate) struct Fnv64(u64);

impl Fnv64 {
    pub(crate) fn new() -> Fnv64 {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

/// A fast hasher for per-text maps keyed by short strings (the learned
/// detector's forms): eight bytes at a time, rotate, xor and multiply, as
/// rustc's FxHash does. Not for untrusted keys in long-lived tables: it
/// makes no promise against crafted collisions, which cost time, not
/// correctness, and a text's forms are bounded by its length.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            self.mix(word);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.mix(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A `HashMap` for per-text maps keyed by short strings (the attribution's
/// source book, the learned detector's forms), hashed with [`FxHasher`].
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        // The published 32-bit FNV-1a test vectors.
        assert_eq!(super::fnv1a(b""), 0x811c_9dc5);
        assert_eq!(super::fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(super::fnv1a(b"foobar"), 0xbf9c_f968);
        let fnv64 = |bytes: &[u8]| {
            let mut hash = super::Fnv64::new();
            hash.write(bytes);
            hash.finish()
        };
        assert_eq!(fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
