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
    pub(crate) fn new(id: &'a str) -> Self {
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

impl Hash for IdKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let mut buf = [0u8; 32];
        for chunk in self.0.as_bytes().chunks(32) {
            let part = buf.get_mut(..chunk.len()).unwrap_or(&mut []);
            part.copy_from_slice(chunk);
            part.make_ascii_lowercase();
            state.write(part);
        }
        state.write_u8(0xff);
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
    fn ascii_ids_are_not_copied() {
        assert!(matches!(canonical_id("u_123"), Cow::Borrowed("u_123")));
        assert!(matches!(IdKey::new(" AbC ").0, Cow::Borrowed("AbC")));
    }
}
