//! User identity: one normalisation for every comparison of user ids (issue 14).
//!
//! Two ids name the same user when their **canonical forms** are equal. The canonical form of
//! an id is: surrounding Unicode white space removed, Unicode NFC, then Unicode lower case (and
//! NFC again, as lower-casing can leave a decomposed sequence). So `"alice "`, `"Alice"`,
//! `"ALICE"` and `"alice"` are one user, and so are the NFC `"zoë"` (`U+00EB`) and the NFD
//! `"zoe\u{308}"`. User ids are therefore case-insensitive for the platform's money and safety
//! rules: a self-tip, a self-unlock, a self-referral, seeing oneself in discovery, a block or
//! a like, owning a media item and the feature-flag user lists all compare canonical forms.
//! (The platform's Firebase uids are 28 random letters and digits: two real users never differ
//! only by case, while a client sending `"Alice"` for `"alice"` is a trick, not another user.)
//! Ids are not rewritten: results carry them as given. Flag rollout buckets hash the id as
//! given (a stable input the host controls), not its canonical form.
//!
//! An ASCII id is compared without allocating (ASCII case folding after trimming); only an id
//! with non-ASCII characters is normalised into a new string.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use unicode_normalization::UnicodeNormalization;

/// The canonical form of a user id (see the module doc): trimmed, NFC, lower case.
#[must_use]
pub fn canonical_id(id: &str) -> Cow<'_, str> {
    let trimmed = id.trim();
    if trimmed.is_ascii() {
        if trimmed.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(trimmed.to_ascii_lowercase())
        } else {
            Cow::Borrowed(trimmed)
        }
    } else {
        let lower: String = trimmed.nfc().collect::<String>().to_lowercase();
        Cow::Owned(lower.nfc().collect())
    }
}

/// Whether two user ids name the same user (their canonical forms are equal).
#[must_use]
pub fn same_user(a: &str, b: &str) -> bool {
    a == b || IdKey::new(a) == IdKey::new(b)
}

/// A user id as a map key compared by canonical form, without allocating for ASCII ids: it
/// holds the trimmed id when it is ASCII (hashed and compared with ASCII case folding), else
/// the canonical form (already lower case, so the same folding leaves it unchanged).
#[derive(Debug, Clone)]
pub(crate) struct IdKey<'a>(Cow<'a, str>);

impl<'a> IdKey<'a> {
    /// The key of an id.
    #[inline]
    pub(crate) fn new(id: &'a str) -> Self {
        // Fast path (the usual id): starts and ends with a visible ASCII character, so there is
        // nothing to trim (every Unicode white space is ASCII white space or a multi-byte
        // character), and is ASCII throughout.
        let bytes = id.as_bytes();
        let visible_ends =
            bytes.first().is_some_and(u8::is_ascii_graphic) && bytes.last().is_some_and(u8::is_ascii_graphic);
        if visible_ends && id.is_ascii() {
            return IdKey(Cow::Borrowed(id));
        }
        let trimmed = id.trim();
        if trimmed.is_ascii() {
            IdKey(Cow::Borrowed(trimmed))
        } else {
            IdKey(canonical_id(trimmed))
        }
    }
}

impl PartialEq for IdKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl Eq for IdKey<'_> {}

/// ASCII lower case of eight bytes at once (bytes ≥ 0x80 unchanged): a byte gets 0x20 added
/// when its high bit is clear and it is within `A..=Z`. Each per-byte sum stays below 0x100,
/// so no carry crosses into the next byte.
#[inline]
fn ascii_lower_word(w: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let heptets = w & !HIGH;
    let at_least_a = heptets.wrapping_add(0x3f3f_3f3f_3f3f_3f3f); // 0x41 + 0x3f = 0x80
    let above_z = heptets.wrapping_add(0x2525_2525_2525_2525); // 0x5b + 0x25 = 0x80
    let upper = at_least_a & !above_z & !w & HIGH;
    w | (upper >> 2)
}

impl Hash for IdKey<'_> {
    /// Hashes the ASCII-lower-cased bytes, eight at a time (as `write_u64` words), then the
    /// length: equal keys (by [`PartialEq`]) hash equally.
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        let bytes = self.0.as_bytes();
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            state.write_u64(ascii_lower_word(u64::from_le_bytes(w)));
        }
        let mut w = [0u8; 8];
        for (d, b) in w.iter_mut().zip(chunks.remainder()) {
            *d = *b;
        }
        state.write_u64(ascii_lower_word(u64::from_le_bytes(w)));
        state.write_usize(bytes.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;

    fn hash(k: &IdKey<'_>) -> u64 {
        let mut h = DefaultHasher::new();
        k.hash(&mut h);
        h.finish()
    }

    #[test]
    fn spellings_of_one_user_are_the_same_user() {
        for (a, b) in [
            ("alice ", "alice"),
            ("Alice", "alice"),
            ("\talice\n", "ALICE"),
            ("zo\u{eb}", "zoe\u{308}"),
            ("ZO\u{cb}", "zoe\u{308}"),
            ("\u{212a}im", "kim"), // KELVIN SIGN lower-cases to an ASCII k
            ("\u{a0}bob\u{3000}", "Bob"),
        ] {
            assert!(same_user(a, b), "{a:?} vs {b:?}");
            assert!(same_user(b, a), "{b:?} vs {a:?}");
            let (ka, kb) = (IdKey::new(a), IdKey::new(b));
            assert_eq!(ka, kb, "{a:?} vs {b:?}");
            assert_eq!(hash(&ka), hash(&kb), "{a:?} vs {b:?}");
            assert_eq!(canonical_id(a), canonical_id(b));
        }
    }

    #[test]
    fn different_users_stay_different() {
        for (a, b) in [("alice", "alice2"), ("alice", "al ice"), ("zo\u{eb}", "zoe"), ("a\u{200b}", "a")] {
            assert!(!same_user(a, b), "{a:?} vs {b:?}");
            assert_ne!(IdKey::new(a), IdKey::new(b));
        }
    }

    #[test]
    fn word_lower_case_matches_the_byte_rule() {
        for b in 0u8..=255 {
            let w = u64::from_le_bytes([b, b'A', b'z', b'@', b'[', 0x80 | b'A', b'Z', b' ']);
            let got = ascii_lower_word(w).to_le_bytes();
            let want = [b.to_ascii_lowercase(), b'a', b'z', b'@', b'[', 0x80 | b'A', b'z', b' '];
            assert_eq!(got, want, "byte {b:#x}");
        }
    }

    #[test]
    fn ascii_ids_are_not_copied() {
        assert!(matches!(canonical_id("u_123"), Cow::Borrowed("u_123")));
        assert!(matches!(IdKey::new(" AbC ").0, Cow::Borrowed("AbC")));
    }
}
