//! The pure ASCII fast path of word counting: a branch-free scan the compiler vectorises.
//! It gives exactly the result of [`super::words::count_words_reference`] on ASCII text
//! (property-tested in `core/tests/billing_props.rs`).
//!
//! In ASCII, UAX #29 joins letters, digits and `_` (WB5, WB8–WB10, WB13a/b), a single `.` `'`
//! `:` between two letters (WB6/7) and a single `.` `'` `,` `;` between two digits (WB11/12),
//! and breaks everywhere else. A word starts at every letter, digit or `_` whose left neighbour
//! is none of these and is not such a joining mid character; segments made of `_` alone are not
//! words and are subtracted afterwards, as are URL tokens (chunks between ASCII white space
//! count apart, see [`super::fast`]).

use super::words::is_url_token;

#[inline(always)]
fn alpha(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}
#[inline(always)]
fn digit(b: u8) -> bool {
    b.wrapping_sub(b'0') < 10
}
#[inline(always)]
fn alnum(b: u8) -> bool {
    alpha(b) | digit(b)
}
#[inline(always)]
fn wchar(b: u8) -> bool {
    alpha(b) | digit(b) | (b == b'_')
}
#[inline(always)]
pub(crate) fn ascii_ws(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(9) < 5)
}

const HAS_UNDERSCORE: u8 = 1;
const HAS_URL_HINT: u8 = 2;

/// 1 when `c` starts a word given the two bytes before it; plus flag bits.
#[inline(always)]
fn start_and_flags(p2: u8, p1: u8, c: u8) -> (u8, u8) {
    let mid_letter = (p1 == b'.') | (p1 == b'\'') | (p1 == b':');
    let mid_number = (p1 == b'.') | (p1 == b'\'') | (p1 == b',') | (p1 == b';');
    let joined = (mid_letter & alpha(p2) & alpha(c)) | (mid_number & digit(p2) & digit(c));
    let start = wchar(c) & !wchar(p1) & !joined;
    let slashes = (p2 == b':') & (p1 == b'/') & (c == b'/');
    let www = ((p2 | 0x20) == b'w') & ((p1 | 0x20) == b'w') & ((c | 0x20) == b'w');
    let flags = u8::from(c == b'_') | (u8::from(slashes | www) << 1);
    (u8::from(start), flags)
}

/// Positions per block: the per-lane sums stay in u8 (at most 128).
const BLOCK: usize = 128;

/// Word starts and flags of one block: `win[j + 2]` is the byte at position `j`, read with
/// the two bytes before it. Fixed sizes let the compiler vectorise the whole block.
#[inline(always)]
fn scan_block(win: &[u8; BLOCK + 2]) -> (u64, u8) {
    let mut s = 0u8;
    let mut f = 0u8;
    // Constant ranges of a fixed-size array: checked at compile time, cannot panic.
    for ((&x, &y), &z) in win[..BLOCK].iter().zip(&win[1..BLOCK + 1]).zip(&win[2..]) {
        let (st, fl) = start_and_flags(x, y, z);
        s = s.wrapping_add(st);
        f |= fl;
    }
    (u64::from(s), f)
}

/// The window of block `k`: bytes `128k − 2 .. 128k + 128`, with spaces outside the text.
fn window(b: &[u8], k: usize) -> [u8; BLOCK + 2] {
    let from = (k * BLOCK).wrapping_sub(2);
    if let Some(w) = b.get(from..from.wrapping_add(BLOCK + 2)).and_then(|w| <[u8; BLOCK + 2]>::try_from(w).ok()) {
        return w;
    }
    // The first or last block: copy what exists (text index t lands at t − 128k + 2).
    let mut w = [b' '; BLOCK + 2];
    let start = k * BLOCK;
    let lo = start.saturating_sub(2);
    let hi = (start + BLOCK).min(b.len()).max(lo);
    let off = lo + 2 - start;
    if let (Some(dst), Some(src)) = (w.get_mut(off..off + (hi - lo)), b.get(lo..hi)) {
        dst.copy_from_slice(src);
    }
    w
}

/// Maximal runs of `_` with no letter or digit on either side: segments without a word.
fn underscore_only_runs(b: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while let Some(off) = b.get(i..).and_then(|rest| rest.iter().position(|&x| x == b'_')) {
        let s = i + off;
        let mut e = s;
        while b.get(e) == Some(&b'_') {
            e += 1;
        }
        let before = s.checked_sub(1).and_then(|p| b.get(p)).is_some_and(|&x| alnum(x));
        let after = b.get(e).is_some_and(|&x| alnum(x));
        n += u64::from(!before && !after);
        i = e;
    }
    n
}

/// Counts the words of pure ASCII text (the caller checked `is_ascii`). `urls` says whether
/// URL tokens are removed (the count of a single token inside does not need it).
fn ascii_words(b: &[u8], urls: bool) -> u64 {
    let (mut words, mut flags) = (0u64, 0u8);
    let mut url_words = 0u64;
    let mut tokens_done = 0usize; // URL tokens are checked once, even with several hints
    for k in 0..b.len().div_ceil(BLOCK) {
        let win = window(b, k);
        let (s, f) = scan_block(&win);
        words += s;
        flags |= f;
        if urls && f & HAS_URL_HINT != 0 {
            // Find the hints of this block and check the tokens holding them: chunks between
            // ASCII white space count apart (module doc), so a URL token's words are
            // subtracted from the total.
            let mut j = 0;
            while let Some(off) =
                win.get(j..BLOCK).and_then(|r| r.iter().position(|&x| x == b':' || (x | 0x20) == b'w'))
            {
                let p = j + off;
                j = p + 1;
                let (x, y, z) = (win.get(p).copied(), win.get(p + 1).copied(), win.get(p + 2).copied());
                let hint = (x == Some(b':') && y == Some(b'/') && z == Some(b'/'))
                    || [x, y, z].iter().all(|c| c.is_some_and(|c| (c | 0x20) == b'w'));
                // The triple ending at window index p + 2 is text position 128k + p.
                let pos = k * BLOCK + p;
                if !hint || pos < tokens_done {
                    continue;
                }
                let from = b.get(..pos).and_then(|h| h.iter().rposition(|&w| ascii_ws(w))).map_or(0, |w| w + 1);
                let to = b.get(pos..).and_then(|t| t.iter().position(|&w| ascii_ws(w))).map_or(b.len(), |w| pos + w);
                tokens_done = to;
                let token = b.get(from..to).unwrap_or(&[]);
                if is_url_token(token) {
                    url_words += ascii_words(token, false);
                }
            }
        }
    }
    if flags & HAS_UNDERSCORE != 0 {
        words = words.saturating_sub(underscore_only_runs(b));
    }
    words.saturating_sub(url_words)
}

/// Counts the words of pure ASCII text (the caller checked `is_ascii`).
pub(crate) fn count_ascii(b: &[u8]) -> u64 {
    ascii_words(b, true)
}
