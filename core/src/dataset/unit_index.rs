//! Finding a data set's units by code while it is read, and the hash that does it.
//!
//! std's `HashMap` hashes with SipHash seeded at random, which costs more than the rest of
//! a unit's bookkeeping for short codes (about 150 instructions a code). Codes are hashed
//! here a word (eight bytes) at a time by a folded multiply, as foldhash and wyhash do:
//! deterministic, so a file reads the same way in every run, on every target. A file written
//! to make codes collide only makes the chains longer (codes are compared along them, so a
//! collision never merges two units), and the [`Limits`](crate::limits::Limits) bound their
//! length.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::{UnitInfo, unit_code_key};

/// The odd constants of the folded multiply (the fractional digits of pi, as in foldhash).
const SEEDS: [u64; 2] = [0x243f_6a88_85a3_08d3, 0x1319_8a2e_0370_7344];

/// Multiplies two words to 128 bits and folds the halves together with exclusive or: every
/// bit of the result depends on every bit of both inputs.
fn folded_multiply(a: u64, b: u64) -> u64 {
    let full = u128::from(a) * u128::from(b);
    (full as u64) ^ ((full >> 64) as u64)
}

/// The hash of a byte string: a word at a time, the last one padded with zeros and the
/// length mixed in, so `"a"` and `"a\0"` differ.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hash = SEEDS[0] ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        hash = folded_multiply(hash ^ word, SEEDS[1]);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        hash = folded_multiply(hash ^ u64::from_le_bytes(last), SEEDS[1]);
    }
    folded_multiply(hash, SEEDS[0])
}

/// A [`Hasher`] for maps keyed by strings or by hashes already made by [`hash_bytes`]:
/// bytes are hashed by [`hash_bytes`] (std hashes a `str` as its bytes and one more byte,
/// which is mixed in as a second write), and a `u64` key is mixed by one folded multiply.
#[derive(Default)]
pub(crate) struct FoldHasher {
    hash: u64,
}

impl Hasher for FoldHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.hash = folded_multiply(self.hash ^ hash_bytes(bytes), SEEDS[1]);
    }

    fn write_u8(&mut self, byte: u8) {
        self.hash = folded_multiply(self.hash ^ u64::from(byte), SEEDS[1]);
    }

    fn write_u64(&mut self, word: u64) {
        self.hash = folded_multiply(self.hash ^ word, SEEDS[1]);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` hashed by [`FoldHasher`].
pub(crate) type FoldMap<K, V> = HashMap<K, V, BuildHasherDefault<FoldHasher>>;

/// The units of a data set being read, found by code ([`unit_code_key`]) without a second
/// copy of each code: the hash of a code leads to the last unit read with that hash, and each
/// unit to the one before it with the same hash.
#[derive(Default)]
pub(super) struct UnitIndex {
    last: FoldMap<u64, usize>,
    /// For each unit, the one before it with the same hash (`usize::MAX`: none).
    before: Vec<usize>,
}

/// Where a code is, or would go, in a [`UnitIndex`]: the unit that has it, and the code's
/// hash (kept so that adding the unit does not hash the code again).
pub(super) struct Found {
    pub unit: Option<usize>,
    hash: u64,
}

impl UnitIndex {
    /// The unit whose code has `key`, among `units`.
    pub(super) fn find(&self, units: &[UnitInfo], key: &str) -> Found {
        let hash = hash_bytes(key.as_bytes());
        let mut unit = None;
        if let Some(&last) = self.last.get(&hash) {
            let mut at = last;
            while at != usize::MAX {
                if unit_code_key(&units[at].code) == key {
                    unit = Some(at);
                    break;
                }
                at = self.before[at];
            }
        }
        Found { unit, hash }
    }

    /// Adds the unit in position `unit` (the next one), whose code was not `found`.
    pub(super) fn insert(&mut self, found: &Found, unit: usize) {
        debug_assert_eq!(unit, self.before.len());
        debug_assert!(found.unit.is_none());
        let before = self.last.insert(found.hash, unit);
        self.before.push(before.unwrap_or(usize::MAX));
    }

    pub(super) fn reserve(&mut self, units: usize) {
        self.last.reserve(units);
        self.before.reserve(units);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn units(codes: &[String]) -> Vec<UnitInfo> {
        codes.iter().map(|c| UnitInfo::new(c.as_str())).collect()
    }

    #[test]
    fn lengths_and_padding_hash_apart() {
        let texts: [&[u8]; 6] = [b"", b"\0", b"a", b"a\0", b"abcdefgh", b"abcdefgh\0"];
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                assert_ne!(hash_bytes(a), hash_bytes(b), "{a:?} {b:?}");
            }
        }
    }

    proptest! {
        /// Every code is found at the position of the first unit with its key, as a search
        /// through the list finds it, whatever the hashes do.
        #[test]
        fn finds_what_a_linear_search_finds(
            codes in proptest::collection::vec("[0-9A ]{0,10}", 0..40),
            wanted in "[0-9A ]{0,10}",
        ) {
            let mut index = UnitIndex::default();
            let mut kept: Vec<String> = Vec::new();
            for code in &codes {
                let key = unit_code_key(code);
                let found = index.find(&units(&kept), key);
                let linear = kept.iter().position(|k| unit_code_key(k) == key);
                prop_assert_eq!(found.unit, linear);
                if found.unit.is_none() {
                    index.insert(&found, kept.len());
                    kept.push(code.clone());
                }
            }
            let key = unit_code_key(&wanted);
            let linear = kept.iter().position(|k| unit_code_key(k) == key);
            prop_assert_eq!(index.find(&units(&kept), key).unit, linear);
        }

        /// Hashes of distinct short texts do not collide (a collision is harmless, but a
        /// hash this weak would make every lookup a walk).
        #[test]
        fn distinct_texts_hash_apart(a in "[0-9A-Za-z]{0,20}", b in "[0-9A-Za-z]{0,20}") {
            prop_assume!(a != b);
            prop_assert_ne!(hash_bytes(a.as_bytes()), hash_bytes(b.as_bytes()));
        }
    }
}
