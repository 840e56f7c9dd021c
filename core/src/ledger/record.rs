//! Records and the hash chain (SPEC §12.5).
//!
//! `hash` is the SHA-256 (lower-case hex) of the record's canonical JSON without `hash`; each
//! record's `prev_hash` is the previous record's `hash` (64 zeros for seq 1).

use super::account::Posting;
use super::event::RecordKind;
use super::key::{canonical_json, sha256_hex, sha256_matches};
use crate::error::Result;
use serde::{Deserialize, Serialize};

/// The `prev_hash` of the first record: 64 zeros.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One immutable ledger record. Store it as [`LedgerRecord::to_json`] returns it.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LedgerRecord {
    /// Position in the chain: 1, 2, 3 … without gaps; the transaction id.
    pub seq: u64,
    /// The kind (§12.2).
    pub kind: RecordKind,
    /// The idempotency key (§12.3).
    pub key: String,
    /// The content's canonical JSON (§12.2 content column; no time, no seq).
    pub content: String,
    /// SHA-256 hex of `content`.
    pub content_hash: String,
    /// The postings, sorted by account; they sum to 0.
    pub postings: Vec<Posting>,
    /// Seqs of the records this one refers to (the request, the original, the purchase).
    pub refs: Vec<u64>,
    /// The host's clock when built, ms since the epoch (not checked).
    pub at_ms: i64,
    /// The fingerprint of the policy the record was built with (§1).
    pub policy: String,
    /// The previous record's `hash` (64 zeros for seq 1).
    pub prev_hash: String,
    /// SHA-256 hex of this record's canonical JSON without `hash`.
    pub hash: String,
}

/// Writes a JSON string with serde_json's escapes: `"`, `\\`, the short forms of U+0008,
/// U+0009, U+000A, U+000C, U+000D, and `\u00xx` (lower-case hex) for other controls below
/// U+0020; everything else as is.
fn write_json_str(out: &mut String, s: &str) {
    /// Bytes that need an escape: `"`, `\\` and every control below U+0020.
    const NEEDS: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < 0x20 {
            t[i] = true;
            i += 1;
        }
        t[b'"' as usize] = true;
        t[b'\\' as usize] = true;
        t
    };
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !NEEDS[usize::from(b)] {
            i += 1;
            continue;
        }
        // `i` is at an ASCII byte, so both slices end on character boundaries.
        out.push_str(&s[start..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
        i += 1;
        start = i;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg_attr(not(test), allow(dead_code))]
#[derive(Serialize)]
struct Unhashed<'a> {
    seq: u64,
    kind: RecordKind,
    key: &'a str,
    content: &'a str,
    content_hash: &'a str,
    postings: &'a [Posting],
    refs: &'a [u64],
    at_ms: i64,
    policy: &'a str,
    prev_hash: &'a str,
}

impl LedgerRecord {
    /// The hash this record should carry: SHA-256 of its canonical JSON without `hash`.
    ///
    /// The canonical JSON is written directly (keys in sorted order, serde_json's string
    /// escapes), with no intermediate `serde_json::Value`; a unit test pins it to the generic
    /// canonical form and the vectors to Python's.
    pub fn compute_hash(&self) -> Result<String> {
        let mut out = String::with_capacity(256 + self.content.len() + 64 * self.postings.len());
        self.write_unhashed(&mut out);
        Ok(sha256_hex(&out))
    }

    fn write_unhashed(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "{{\"at_ms\":{},\"content\":", self.at_ms);
        write_json_str(out, &self.content);
        out.push_str(",\"content_hash\":");
        write_json_str(out, &self.content_hash);
        out.push_str(",\"key\":");
        write_json_str(out, &self.key);
        out.push_str(",\"kind\":\"");
        out.push_str(self.kind.as_str());
        out.push_str("\",\"policy\":");
        write_json_str(out, &self.policy);
        out.push_str(",\"postings\":[");
        for (i, p) in self.postings.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"account\":");
            write_json_str(out, &p.account);
            let _ = write!(out, ",\"amount\":{}}}", p.amount);
        }
        out.push_str("],\"prev_hash\":");
        write_json_str(out, &self.prev_hash);
        out.push_str(",\"refs\":[");
        for (i, r) in self.refs.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{r}");
        }
        let _ = write!(out, "],\"seq\":{}}}", self.seq);
    }

    /// The canonical JSON without `hash`, through the generic serde path (tests compare it
    /// with the direct writer).
    #[cfg(test)]
    pub(crate) fn unhashed_json_generic(&self) -> Result<String> {
        let u = Unhashed {
            seq: self.seq,
            kind: self.kind,
            key: &self.key,
            content: &self.content,
            content_hash: &self.content_hash,
            postings: &self.postings,
            refs: &self.refs,
            at_ms: self.at_ms,
            policy: &self.policy,
            prev_hash: &self.prev_hash,
        };
        canonical_json(&u)
    }

    /// The canonical JSON without `hash`, written directly.
    #[cfg(test)]
    pub(crate) fn unhashed_json(&self) -> String {
        let mut out = String::new();
        self.write_unhashed(&mut out);
        out
    }

    /// Whether `content_hash` and `hash` are both right.
    #[must_use]
    pub fn hashes_hold(&self) -> bool {
        if !sha256_matches(self.content.as_bytes(), &self.content_hash) {
            return false;
        }
        let mut out = String::with_capacity(256 + self.content.len() + 64 * self.postings.len());
        self.write_unhashed(&mut out);
        sha256_matches(out.as_bytes(), &self.hash)
    }

    /// The canonical JSON of the whole record (what the host stores).
    pub fn to_json(&self) -> Result<String> {
        canonical_json(self)
    }

    /// The head this record makes.
    #[must_use]
    pub fn head(&self) -> LedgerHead {
        LedgerHead { seq: self.seq, hash: self.hash.clone() }
    }
}

/// The end of the chain: the last record's seq and hash (`0` and 64 zeros when empty).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LedgerHead {
    /// The last seq (0: empty ledger).
    pub seq: u64,
    /// The last hash (64 zeros: empty ledger).
    pub hash: String,
}

impl LedgerHead {
    /// The head of an empty ledger.
    #[must_use]
    pub fn genesis() -> LedgerHead {
        LedgerHead { seq: 0, hash: GENESIS_HASH.to_string() }
    }
}

impl Default for LedgerHead {
    fn default() -> Self {
        Self::genesis()
    }
}
