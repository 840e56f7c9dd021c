//! The ids of a `'\n'`-joined list (the columnar form's `user_ids`), found without splitting
//! the whole list: one counting pass records how many newlines precede each 64-byte block
//! (a vectorised byte count), and the id at an index is located on demand by a binary search
//! over those counts plus a short scan eight bytes at a time. The ranking reads the ids of a
//! few hundred candidates only, so most ids are never sliced.

use crate::error::{Error, Result};

/// Bytes per block of the newline index.
const BLOCK: usize = 64;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const NEWLINES: u64 = 0x0a0a_0a0a_0a0a_0a0a;

pub(super) struct IdList<'a> {
    joined: &'a str,
    len: usize,
    /// `before[b]`: newlines in the bytes before block `b` (one entry per block, plus the
    /// total at the end).
    before: Vec<usize>,
}

/// Newlines in one block (at most 64, so a `u8` count cannot overflow).
#[inline]
fn newlines(block: &[u8]) -> usize {
    usize::from(block.iter().map(|&b| u8::from(b == b'\n')).fold(0u8, u8::wrapping_add))
}

/// The top bit of every byte of `w` that is a `'\n'`: the exact zero-byte test on
/// `w ^ 0x0a0a…` (no false positives).
#[inline]
fn newline_bits(w: u64) -> u64 {
    let x = w ^ NEWLINES;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The offset in `bytes` of the `k`-th newline (`k >= 1`) at or after `from`.
fn nth_newline(bytes: &[u8], from: usize, k: usize) -> Option<usize> {
    let mut k = k;
    let mut words = bytes.get(from..)?.chunks_exact(8);
    let mut base = from;
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        let mut hits = newline_bits(u64::from_le_bytes(word));
        while hits != 0 {
            k -= 1;
            if k == 0 {
                return Some(base + hits.trailing_zeros() as usize / 8);
            }
            hits &= hits - 1;
        }
        base += 8;
    }
    for (j, &b) in words.remainder().iter().enumerate() {
        if b == b'\n' {
            k -= 1;
            if k == 0 {
                return Some(base + j);
            }
        }
    }
    None
}

impl<'a> IdList<'a> {
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// The id at index `i`.
    pub(super) fn get(&self, i: usize) -> Option<&'a str> {
        if i >= self.len {
            return None;
        }
        let bytes = self.joined.as_bytes();
        let start = if i == 0 {
            0
        } else {
            // The block holding the i-th newline: the last one with fewer than i before it
            // (`before[0] = 0 < i`, so there is one).
            let b = self.before.partition_point(|&c| c < i).checked_sub(1)?;
            nth_newline(bytes, b * BLOCK, i - self.before.get(b)?)? + 1
        };
        let end = nth_newline(bytes, start, 1).unwrap_or(bytes.len());
        // Both ends sit next to a '\n' byte or at the string's ends: character boundaries.
        self.joined.get(start..end)
    }
}

/// Indexes `joined`, checking that it holds exactly `n` ids.
pub(super) fn split_ids(joined: &str, n: usize) -> Result<IdList<'_>> {
    let bytes = joined.as_bytes();
    let mut before = Vec::with_capacity(bytes.len() / BLOCK + 2);
    let mut count = 0usize;
    for block in bytes.chunks(BLOCK) {
        before.push(count);
        count += newlines(block);
    }
    before.push(count);
    let ids = if n == 0 && joined.is_empty() { 0 } else { count + 1 };
    if ids != n {
        return Err(Error::invalid(format!("user_ids holds {ids} ids for {n} candidates")));
    }
    Ok(IdList { joined, len: n, before })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_id_at_every_block_boundary() {
        // Ids of every length 0..=70 (some spanning whole blocks), read in reverse order.
        let ids: Vec<String> =
            (0..400).map(|i| "x".repeat(i % 71) + &format!("{i}")[..usize::from(i % 3 == 0)]).collect();
        let joined = ids.join("\n");
        let list = split_ids(&joined, ids.len()).unwrap();
        for i in (0..ids.len()).rev() {
            assert_eq!(list.get(i), Some(ids[i].as_str()), "{i}");
        }
        assert_eq!(list.get(ids.len()), None);
        assert!(split_ids(&joined, ids.len() + 1).is_err());
        let newlines_only = "\n".repeat(130);
        let list = split_ids(&newlines_only, 131).unwrap();
        assert!((0..131).all(|i| list.get(i) == Some("")));
    }
}
