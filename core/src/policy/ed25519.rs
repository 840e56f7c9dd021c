//! Ed25519 (RFC 8032) for policy envelopes (SPEC §17.1), on the `ed25519-dalek` crate: a key
//! pair derived from 32 caller-supplied random bytes (the core never draws randomness), key ids,
//! signing, and strict verification (`verify_strict`: canonical `S`, no small-order public key
//! or `R`).

use super::sha256_hex;
use crate::error::{Error, Result};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

/// Length of a seed (the RFC 8032 private key), of a public key, and of a signature, in bytes.
pub const SEED_LEN: usize = 32;
/// Length of a public key in bytes.
pub const PUBLIC_KEY_LEN: usize = 32;
/// Length of a signature in bytes.
pub const SIGNATURE_LEN: usize = 64;

fn seed_array(seed: &[u8]) -> Result<[u8; SEED_LEN]> {
    <[u8; SEED_LEN]>::try_from(seed)
        .map_err(|_| Error::invalid(format!("an Ed25519 seed is {SEED_LEN} bytes, got {}", seed.len())))
}

/// The public key (32 bytes) of the key pair derived from a 32-byte seed.
pub fn public_key_of_seed(seed: &[u8]) -> Result<[u8; PUBLIC_KEY_LEN]> {
    Ok(SigningKey::from_bytes(&seed_array(seed)?).verifying_key().to_bytes())
}

/// The key id of a public key: the first 16 lower-case hex characters of its SHA-256.
#[must_use]
pub fn key_id_of(public_key: &[u8]) -> String {
    let mut id = sha256_hex(public_key);
    id.truncate(16);
    id
}

/// The Ed25519 signature (64 bytes) of `message` by the key pair derived from `seed`.
pub fn sign_bytes(seed: &[u8], message: &[u8]) -> Result<[u8; SIGNATURE_LEN]> {
    Ok(SigningKey::from_bytes(&seed_array(seed)?).sign(message).to_bytes())
}

/// Whether `signature` is a valid strict Ed25519 signature of `message` by `public_key`.
/// A public key or signature of the wrong length, a public key that is not a curve point, a
/// small-order key or `R`, and a non-canonical `S` are all `false`.
#[must_use]
pub fn verify_strict_bytes(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(pk), Ok(sig)) = (<[u8; PUBLIC_KEY_LEN]>::try_from(public_key), <[u8; SIGNATURE_LEN]>::try_from(signature))
    else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&pk) else { return false };
    key.verify_strict(message, &Signature::from_bytes(&sig)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    /// RFC 8032 §7.1 TEST 1 (empty message).
    #[test]
    fn rfc8032_test1() {
        let seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        let pk = public_key_of_seed(&seed).unwrap();
        assert_eq!(pk.to_vec(), hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        let sig = sign_bytes(&seed, b"").unwrap();
        assert_eq!(
            sig.to_vec(),
            hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        );
        assert!(verify_strict_bytes(&pk, b"", &sig));
        assert!(!verify_strict_bytes(&pk, b"x", &sig));
    }

    #[test]
    fn wrong_lengths_are_refused_not_panics() {
        assert_eq!(sign_bytes(&[0; 31], b"m").unwrap_err().code, crate::ErrorCode::InvalidInput);
        assert!(!verify_strict_bytes(&[0; 31], b"m", &[0; 64]));
        assert!(!verify_strict_bytes(&[0; 32], b"m", &[0; 63]));
    }
}
