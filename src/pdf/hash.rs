//! A small, stable hash (128-bit FNV-1a) for the subset tags (the file identifier, over the
//! whole file, is BLAKE3's: see `meta::document_id`).
//!
//! `std`'s hashers are not guaranteed to give the same values across Rust versions, and the
//! output must be byte-for-byte reproducible, so the PDF stage uses its own.

/// The 128-bit FNV offset basis.
const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
/// The 128-bit FNV prime (2^88 + 2^8 + 0x3b).
const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// An incremental 128-bit FNV-1a hasher.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fnv128(u128);

impl Fnv128 {
    /// A hasher in its initial state.
    pub(super) fn new() -> Self {
        Fnv128(OFFSET)
    }

    /// Feeds bytes.
    pub(super) fn write(&mut self, bytes: &[u8]) -> &mut Self {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(PRIME);
        }
        self
    }

    /// The hash so far.
    pub(super) fn value(&self) -> u128 {
        self.0
    }
}

/// Hashes one byte string.
#[cfg(test)]
pub(super) fn hash(bytes: &[u8]) -> u128 {
    Fnv128::new().write(bytes).value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_hash_is_stable() {
        // Known FNV-1a 128 values.
        assert_eq!(hash(b""), OFFSET);
        assert_eq!(hash(b"a"), 0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964);
        assert_ne!(hash(b"ab"), hash(b"ba"));
    }
}
