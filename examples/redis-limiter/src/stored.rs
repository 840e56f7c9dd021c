//! What counts as a stored state: the rule that tells a valid value from a corrupt one.
//!
//! The limiter writes only canonical decimal integers ≥ 0 (`i64::to_string` of a state the core
//! produced). Anything else in the key is corrupt: other spellings of a number (`"007"`, `"+5"`,
//! `"-0"`, `" 5"`), negative numbers, numbers beyond `i64`, text, bytes that are not UTF-8, and
//! a state further ahead than any decision could have produced by now (more than the bucket's
//! capacity plus the clock-skew allowance past `now`), which would lock the subject out for
//! years.

use avalo_core::ratelimit::RateLimit;
use std::time::Duration;

/// The state a raw `GET` answer holds: `Some` for a missing key (0: a new subject) or a
/// canonical non-negative decimal integer, `None` when corrupt.
pub(crate) fn parse_state(raw: Option<&[u8]>) -> Option<i64> {
    let Some(bytes) = raw else { return Some(0) };
    let canonical = !bytes.is_empty()
        && bytes.len() <= 19
        && bytes.iter().all(u8::is_ascii_digit)
        && (bytes == b"0" || bytes[0] != b'0');
    if !canonical {
        return None;
    }
    std::str::from_utf8(bytes).ok()?.parse::<i64>().ok()
}

/// Whether `state` could have been written by a decision of `limit` at a time no later than
/// `now_ms` plus the allowed clock skew. Computed in saturating `i128`, so it cannot overflow.
pub(crate) fn is_plausible(limit: &RateLimit, state: i64, now_ms: i64, max_clock_skew: Duration) -> bool {
    let tpm = i128::from(limit.ticks_per_ms());
    let skew_ms = i128::try_from(max_clock_skew.as_millis()).unwrap_or(i128::MAX);
    let latest = i128::from(now_ms)
        .saturating_add(skew_ms)
        .saturating_mul(tpm)
        .saturating_add(i128::from(limit.capacity_ticks()));
    i128::from(state) <= latest
}

/// The raw value for messages: text when it is UTF-8, escaped bytes when not.
pub(crate) fn describe(raw: &[u8]) -> String {
    String::from_utf8(raw.to_vec()).unwrap_or_else(|_| raw.escape_ascii().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_canonical_non_negative_integers_are_states() {
        assert_eq!(parse_state(None), Some(0));
        for (raw, want) in [("0", Some(0)), ("5", Some(5)), ("9223372036854775807", Some(i64::MAX))] {
            assert_eq!(parse_state(Some(raw.as_bytes())), want, "{raw:?}");
        }
        for raw in ["007", "+5", "-0", "-5", "", " 5", "5 ", "abc", "12.5", "9223372036854775808", "1e3", "00"] {
            assert_eq!(parse_state(Some(raw.as_bytes())), None, "{raw:?}");
        }
        assert_eq!(parse_state(Some(b"\xff\xfe")), None);
    }
}
