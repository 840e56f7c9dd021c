//! The least-money multiset of packs covering a token count, in memory and time bounded by the
//! pack table alone (never by the token count).
//!
//! Work in units of `g = gcd(pack sizes)`: pack `k` has `u_k` units and price `p_k ≥ 1`, and
//! `need = ceil(tokens / g)`. The answer is the exact-sum table `best[i]` (least `(price,
//! packs)`, lexicographic, to buy exactly `i` units; ties: the last pack added is the larger,
//! then the earlier in the table) minimised as `(price, −i, packs)` over the window
//! `need ≤ i < need + u_max`: a cover of `need + u_max` units or more contains a pack whose
//! removal still covers and costs strictly less (every price is ≥ 1).
//!
//! **Periodicity.** Let `b` be the pack with the least price per unit (ties: more units, then
//! table order), so `u_b·(p_j, 1) ≥ u_j·(p_b, 1)` lexicographically for every pack `j`.
//! Exchange argument: any ≥ `u_b` packs other than `b` contain a non-empty sub-multiset whose
//! units sum to a multiple `m·u_b` (pigeonhole on prefix sums mod `u_b`); replacing it with `m`
//! copies of `b` buys the same units for no more `(price, packs)`. So some optimum for `i`
//! units uses fewer than `u_b` other packs (under `(u_b − 1)·u_max` units), hence contains
//! `b` as soon as `i ≥ T_best = (u_b − 1)·u_max + 1`, and then `best[i] = best[i − u_b] +
//! (p_b, 1)`. From `T_last = T_best + u_max = u_b·u_max + 1` on, every candidate of index `i`
//! is the candidate of `i − u_b` shifted by the same `(p_b, 1)`, so the last pack chosen is
//! periodic too: `last[i] = last[i − u_b]`.
//!
//! **Bounded work.** The table is computed only up to `W = T_last + u_max` (at most
//! `u_max² + 2·u_max + 1` entries); a larger index `i` is read as `i' = i − m·u_b` in
//! `[W − u_b, W)` plus `m·(p_b, 1)`. The packs of the answer are recovered by walking `last`
//! down from the chosen index; above the table the walk depends only on the index mod `u_b`,
//! so it enters a cycle within `u_b` steps and the cycle's repetitions are counted at once.
//! With the policy bounds (≤ [`MAX_PACKS`] packs, `u_max ≤` [`MAX_PACK_UNITS`]) that is at
//! most ≈ 1 M entries of 13 bytes (≈ 13 MB) and ≈ 32 M steps, whatever the token count; the
//! built-in table (units of 100 tokens, `u_max = u_b = 100`) needs 10 101 entries. The answers
//! are exactly those of the plain dynamic programme over `[0, need + u_max)`.

use crate::error::{Error, Result};

/// Most packs a pricing policy may list (checked when the policy loads).
pub const MAX_PACKS: usize = 32;

/// Largest pack size in units of the greatest common divisor of all pack sizes (checked when
/// the policy loads): the combination table holds at most `MAX_PACK_UNITS² + 2·MAX_PACK_UNITS
/// + 1` entries. The built-in packs are 1 to 100 units of 100 tokens.
pub const MAX_PACK_UNITS: u64 = 1_000;

/// Sentinel for "no way to buy exactly these units for less than `u64::MAX`".
const NONE: u64 = u64::MAX;

/// The packs chosen for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chosen {
    /// Tokens delivered.
    pub total_tokens: u64,
    /// Total price, minor units.
    pub total_price: u64,
    /// How many of each pack, in the order given.
    pub counts: Vec<u64>,
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn too_large() -> Error {
    Error::out_of_range("the combination's total is too large")
}

fn to_index(v: u64) -> Result<usize> {
    usize::try_from(v).map_err(|_| Error::invalid("the pack table is too large"))
}

struct Table {
    /// Units of each pack.
    units: Vec<usize>,
    /// `best[i]` price, or [`NONE`].
    price: Vec<u64>,
    /// `best[i]` pack count.
    count: Vec<u32>,
    /// The pack added last to reach `i`.
    last: Vec<u8>,
}

impl Table {
    /// The exact-sum table over `[0, len)`.
    fn build(units: Vec<usize>, prices: &[u64], len: usize) -> Table {
        let mut price = vec![NONE; len];
        let mut count = vec![0u32; len];
        let mut last = vec![0u8; len];
        if let Some(p0) = price.first_mut() {
            *p0 = 0;
        }
        for i in 1..len {
            let (mut bp, mut bc, mut bu, mut bk) = (NONE, 0u32, 0usize, 0u8);
            for (k, (&u, &p)) in units.iter().zip(prices).enumerate() {
                let Some(from) = i.checked_sub(u) else { continue };
                let prev = price[from];
                let cp = prev.saturating_add(p);
                if prev == NONE || cp == NONE {
                    continue;
                }
                // Counts are at most the index (every pack has ≥ 1 unit), and the index is
                // below `MAX_PACK_UNITS² + 2·MAX_PACK_UNITS + 1` < 2^32.
                let cc = count[from].saturating_add(1);
                let better = bp == NONE || (cp, cc) < (bp, bc) || ((cp, cc) == (bp, bc) && u > bu);
                if better {
                    // k < MAX_PACKS ≤ 256 (checked by `cheapest`).
                    (bp, bc, bu, bk) = (cp, cc, u, u8::try_from(k).unwrap_or(u8::MAX));
                }
            }
            price[i] = bp;
            count[i] = bc;
            last[i] = bk;
        }
        Table { units, price, count, last }
    }

    fn len(&self) -> usize {
        self.price.len()
    }
}

/// The least-money packs covering `tokens` (see the module doc). `packs` are `(tokens, price)`
/// pairs in table order, each with ≥ 1 token, price ≥ 1 and at most [`MAX_PACK_UNITS`] units;
/// anything else is `INVALID_INPUT`. A total price beyond `u64` is `AMOUNT_OUT_OF_RANGE`.
pub(crate) fn cheapest(packs: &[(u64, u64)], tokens: u64) -> Result<Chosen> {
    if packs.is_empty() || packs.len() > MAX_PACKS {
        return Err(Error::invalid(format!("a pack table needs 1..={MAX_PACKS} packs")));
    }
    if packs.iter().any(|&(t, p)| t == 0 || p == 0) {
        return Err(Error::invalid("every pack needs tokens and a price > 0"));
    }
    let g = packs.iter().fold(0, |g, &(t, _)| gcd(g, t));
    let units_u64: Vec<u64> = packs.iter().map(|&(t, _)| t / g).collect();
    let u_max64 = units_u64.iter().copied().max().unwrap_or(1);
    if u_max64 > MAX_PACK_UNITS {
        return Err(Error::invalid(format!("a pack is more than {MAX_PACK_UNITS} units of {g} tokens")));
    }
    let prices: Vec<u64> = packs.iter().map(|&(_, p)| p).collect();
    // The best price per unit: p_k / u_k least, then more units, then table order.
    let mut b = 0;
    for k in 1..packs.len() {
        let lhs = u128::from(prices[k]) * u128::from(units_u64[b]);
        let rhs = u128::from(prices[b]) * u128::from(units_u64[k]);
        if lhs < rhs || (lhs == rhs && units_u64[k] > units_u64[b]) {
            b = k;
        }
    }
    let (u_b64, p_b) = (units_u64[b], prices[b]);
    // u_b ≤ u_max ≤ 1 000: these fit u64 and usize (≥ 32 bits) without overflow.
    let t_last = u_b64 * u_max64 + 1;
    let width = t_last + u_max64;
    let need = tokens.div_ceil(g);
    let window_end = need.checked_add(u_max64).ok_or_else(too_large)?;
    let units = units_u64.iter().map(|&u| to_index(u)).collect::<Result<Vec<usize>>>()?;
    let table = Table::build(units, &prices, to_index(window_end.min(width))?);
    // Above the table, index i reads as i' in [width − u_b, width) plus m copies of b.
    let base = width - u_b64;
    let value = |i: u64| -> Result<Option<(u128, u128)>> {
        let (at, m) = if i < width { (i, 0) } else { (base + (i - base) % u_b64, (i - base) / u_b64) };
        let at = to_index(at)?;
        Ok((table.price[at] != NONE).then(|| {
            let p = u128::from(table.price[at]) + u128::from(m) * u128::from(p_b);
            (p, u128::from(table.count[at]) + u128::from(m))
        }))
    };
    let mut chosen: Option<(u64, u128, u128)> = None;
    for i in need..window_end {
        if let Some((p, c)) = value(i)? {
            let better = match chosen {
                None => true,
                Some((bi, bp, bc)) => (p, std::cmp::Reverse(i), c) < (bp, std::cmp::Reverse(bi), bc),
            };
            if better {
                chosen = Some((i, p, c));
            }
        }
    }
    let (at, price, _) = chosen.ok_or_else(|| Error::out_of_range("no combination of packs covers the amount"))?;
    let total_price = u64::try_from(price).ok().filter(|&p| p != NONE).ok_or_else(too_large)?;
    let total_tokens = at.checked_mul(g).ok_or_else(too_large)?;
    let counts = walk(&table, at, base, u_b64)?;
    Ok(Chosen { total_tokens, total_price, counts })
}

/// The packs on the `last` path from index `start` down to 0.
fn walk(table: &Table, start: u64, base: u64, u_b: u64) -> Result<Vec<u64>> {
    let mut counts = vec![0u64; table.units.len()];
    let width = u64::try_from(table.len()).map_err(|_| too_large())?;
    let pack_at = |j: u64| -> Result<usize> {
        let at = if j < width { j } else { base + (j - base) % u_b };
        Ok(usize::from(table.last[to_index(at)?]))
    };
    let add = |counts: &mut Vec<u64>, k: usize, n: u64| -> Result<()> {
        let slot = counts.get_mut(k).ok_or_else(too_large)?;
        *slot = slot.checked_add(n).ok_or_else(too_large)?;
        Ok(())
    };
    let mut j = start;
    // Above the table: find the cycle of residues, then count its repetitions at once.
    let mut first_seen: Vec<Option<(u64, usize)>> = vec![None; to_index(u_b)?];
    let mut steps: Vec<usize> = Vec::new();
    let mut cycling = true;
    while j >= width {
        let r = to_index((j - base) % u_b)?;
        if cycling {
            if let Some((j0, s0)) = first_seen[r] {
                let span = j0 - j;
                let repeats = (j - width) / span;
                for &k in &steps[s0..] {
                    add(&mut counts, k, repeats)?;
                }
                j -= repeats * span;
                cycling = false;
                continue;
            }
            first_seen[r] = Some((j, steps.len()));
        }
        let k = pack_at(j)?;
        steps.push(k);
        add(&mut counts, k, 1)?;
        j -= u64::try_from(table.units[k]).map_err(|_| too_large())?;
    }
    // Inside the table: plain back-pointers. Each step removes ≥ 1 unit, so ≤ width steps.
    let mut j = to_index(j)?;
    while j > 0 && table.price[j] != NONE {
        let k = usize::from(table.last[j]);
        add(&mut counts, k, 1)?;
        j -= table.units[k];
    }
    Ok(counts)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain dynamic programme the module replaces (over `[0, need + u_max)`), as the
    /// reference: same tie-breaks, no periodicity.
    fn reference(packs: &[(u64, u64)], tokens: u64) -> Option<Chosen> {
        let g = packs.iter().fold(0, |g, &(t, _)| gcd(g, t));
        let need = usize::try_from(tokens.div_ceil(g)).ok()?;
        let units: Vec<usize> = packs.iter().map(|&(t, _)| usize::try_from(t / g).unwrap()).collect();
        let max_units = *units.iter().max()?;
        let size = need + max_units;
        let mut best: Vec<Option<(u128, u64, usize)>> = vec![None; size];
        best[0] = Some((0, 0, usize::MAX));
        for i in 1..size {
            for (k, &u) in units.iter().enumerate() {
                if u > i {
                    continue;
                }
                if let Some((p, c, _)) = best[i - u] {
                    let cand = (p + u128::from(packs[k].1), c + 1, k);
                    let better = match best[i] {
                        None => true,
                        Some((bp, bc, bk)) => {
                            (cand.0, cand.1) < (bp, bc) || ((cand.0, cand.1) == (bp, bc) && units[k] > units[bk])
                        }
                    };
                    if better {
                        best[i] = Some(cand);
                    }
                }
            }
        }
        let mut chosen: Option<(usize, u128, u64)> = None;
        for (i, slot) in best.iter().enumerate().skip(need) {
            if let Some((p, c, _)) = *slot {
                let better = match chosen {
                    None => true,
                    Some((bi, bp, bc)) => (p, std::cmp::Reverse(i), c) < (bp, std::cmp::Reverse(bi), bc),
                };
                if better {
                    chosen = Some((i, p, c));
                }
            }
        }
        let (mut i, price, _) = chosen?;
        let total_tokens = u64::try_from(i).ok()? * g;
        let mut counts = vec![0u64; packs.len()];
        while i > 0 {
            let (_, _, k) = best[i]?;
            counts[k] += 1;
            i -= units[k];
        }
        Some(Chosen { total_tokens, total_price: u64::try_from(price).ok()?, counts })
    }

    const BUILT_IN: [(u64, u64); 7] = [
        (100, 3_199),
        (300, 8_599),
        (500, 13_499),
        (1_000, 24_499),
        (2_000, 46_999),
        (5_000, 112_599),
        (10_000, 214_999),
    ];

    #[test]
    fn built_in_table_matches_the_plain_programme_up_to_three_periods() {
        for tokens in (1..=40_000).step_by(37).chain([10_001, 25_000, 30_100, 39_999]) {
            assert_eq!(cheapest(&BUILT_IN, tokens).ok(), reference(&BUILT_IN, tokens), "tokens {tokens}");
        }
    }

    #[test]
    fn huge_token_counts_use_a_bounded_table() {
        // 2^40 tokens: the plain programme would need 2^33 entries. The bulk is royal packs
        // (the best price per token); checked by hand: 2^40 = 109 951 162 × 10 000 + 7 776,
        // and the remainder 7 776 costs what the vector for 7 777 says (1 816.96 for 7 800).
        let got = cheapest(&BUILT_IN, 1 << 40).unwrap();
        assert_eq!(got.total_tokens, 109_951_162 * 10_000 + 7_800);
        assert_eq!(got.total_price, 109_951_162 * 214_999 + 181_696);
        assert_eq!(got.counts, vec![0, 1, 1, 0, 1, 1, 109_951_162]);
    }

    #[test]
    fn adversarial_pack_sizes_are_refused_not_allocated() {
        // {1, 999 999 937} tokens: the old table had 999 999 937 + need entries (48 GB).
        assert_eq!(cheapest(&[(1, 1), (999_999_937, 2)], 5).unwrap_err().code, crate::ErrorCode::InvalidInput);
        // The largest table the bounds allow still answers u64-sized requests.
        let got = cheapest(&[(999, 1_000), (1_000, 1_001)], u64::MAX / 2).unwrap();
        assert!(got.total_tokens >= u64::MAX / 2);
    }

    #[test]
    fn zero_prices_and_empty_tables_are_refused() {
        assert!(cheapest(&[(100, 0)], 5).is_err());
        assert!(cheapest(&[], 5).is_err());
        assert!(cheapest(&[(1, 1); MAX_PACKS + 1], 5).is_err());
    }

    #[test]
    fn a_total_beyond_u64_is_out_of_range() {
        let e = cheapest(&[(1, u64::MAX / 2)], 3).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::AmountOutOfRange);
    }

    /// Every table of two packs (1..=6 units, prices 1..=6) and of three packs (1..=4 units,
    /// prices 1..=4; many exact ties in price per unit), far past the periodic threshold.
    #[test]
    fn small_tables_exhaustively_match_the_plain_programme() {
        let opts: Vec<(u64, u64)> = (1..=6).flat_map(|u| (1..=6).map(move |p| (u, p))).collect();
        for &a in &opts {
            for &b in &opts {
                for tokens in 1..=90 {
                    assert_eq!(cheapest(&[a, b], tokens).ok(), reference(&[a, b], tokens), "{a:?} {b:?} {tokens}");
                }
            }
        }
        let opts: Vec<(u64, u64)> = (1..=4).flat_map(|u| (1..=4).map(move |p| (u, p))).collect();
        for &a in &opts {
            for &b in &opts {
                for &c in &opts {
                    for tokens in [1, 2, 3, 5, 8, 13, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 31, 40, 41, 57] {
                        let t = [a, b, c];
                        assert_eq!(cheapest(&t, tokens).ok(), reference(&t, tokens), "{t:?} {tokens}");
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// Same answer (price, tokens and the very packs) as the plain programme, far past the
        /// periodic threshold, for small random tables (with ties in price per token).
        #[test]
        fn matches_the_plain_programme(
            packs in proptest::collection::vec((1u64..=12, 1u64..=40), 1..=5),
            scale in 1u64..=3,
            tokens in 1u64..=1_500,
        ) {
            let packs: Vec<(u64, u64)> = packs.into_iter().map(|(t, p)| (t * scale, p)).collect();
            prop_assert_eq!(cheapest(&packs, tokens).ok(), reference(&packs, tokens));
        }
    }
}
