//! Unit tests: extremes that vectors cannot hold (integers above 2^53), and the table data.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::error::ErrorCode;
use crate::pricing::SubscriptionTier;
use crate::Policy;

fn lim(limit: u32, window_ms: u64, burst: u32) -> RateLimit {
    RateLimit::new(LimitSpec { limit, window_ms, burst }).unwrap()
}

#[test]
fn login_ten_then_eleventh() {
    let l = lim(10, 300_000, 10);
    let now = 1_800_000_000_000;
    let mut s = 0;
    for i in 0..10 {
        let d = decide(&l, s, now, 1).unwrap();
        assert!(d.allowed);
        assert_eq!(d.remaining, 9 - i);
        s = d.new_state;
    }
    let d = decide(&l, s, now, 1).unwrap();
    assert!(!d.allowed);
    assert_eq!(d.retry_after_ms, 30_000);
    assert!(!decide(&l, s, now + 29_999, 1).unwrap().allowed);
    assert!(decide(&l, s, now + 30_000, 1).unwrap().allowed);
}

#[test]
fn fractional_interval_is_exact() {
    // 7 per minute: one request every 60 000 / 7 ms; 7 refill in exactly 60 000 ms.
    let l = lim(7, 60_000, 7);
    assert_eq!((l.ticks_per_ms(), l.interval_ticks()), (7, 60_000));
    let s = decide_sequence(&l, 0, &[LimitRequest { now_ms: 0, cost: 7 }]).unwrap().state;
    assert!(!decide(&l, s, 59_999, 7).unwrap().allowed);
    assert_eq!(decide(&l, s, 0, 7).unwrap().retry_after_ms, 60_000);
    assert!(decide(&l, s, 60_000, 7).unwrap().allowed);
    // first single request after 8 571.43 ms: at 8 572 ms
    assert_eq!(decide(&l, s, 0, 1).unwrap().retry_after_ms, 8_572);
}

#[test]
fn extremes_never_panic() {
    let l = lim(10, 300_000, 10);
    for now in [0, 1, i64::MAX - 300_000, i64::MAX - 30_000, i64::MAX - 1, i64::MAX] {
        for state in [0, 1, now, i64::MAX] {
            for cost in [0, 1, 10] {
                let _ = decide(&l, state, now, cost);
            }
        }
    }
    assert!(decide(&l, 0, i64::MAX - 300_000, 10).is_ok());
    assert_eq!(decide(&l, 0, i64::MAX, 1).unwrap_err().code, ErrorCode::InvalidInput);
    let d = decide(&l, i64::MAX, 0, 1).unwrap();
    assert!(!d.allowed && d.new_state == i64::MAX);
    let big = lim(u32::MAX, 1, u32::MAX);
    assert_eq!(decide(&big, 0, i64::MAX / 2, 1).unwrap_err().code, ErrorCode::InvalidInput);
    assert!(RateLimit::new(LimitSpec { limit: 1, window_ms: u64::MAX, burst: 1 }).is_err());
    assert!(RateLimit::new(LimitSpec { limit: 1, window_ms: 1 << 62, burst: 1 }).is_ok());
    assert!(RateLimit::new(LimitSpec { limit: 1, window_ms: 1 << 62, burst: 2 }).is_err());
}

#[test]
fn fast_division_matches_hardware_division() {
    for d in (2u64..5_000).chain([65_535, 65_536, 36_000, 17_280_000, 4_294_967_295]) {
        let magic = u64::MAX / d + 1;
        for n in (0u64..3_000).chain([d - 1, d, d + 1, 4_294_967_295, 4_294_967_294, d * 7 % 4_294_967_296]) {
            assert_eq!(((u128::from(magic) * u128::from(n)) >> 64) as u64, n / d, "{n}/{d}");
        }
    }
}

#[test]
fn bad_inputs() {
    let l = lim(10, 300_000, 10);
    assert_eq!(decide(&l, 0, 0, 11).unwrap_err().code, ErrorCode::InvalidInput);
    assert!(decide(&l, -1, 0, 1).is_err());
    assert!(decide(&l, 0, -1, 1).is_err());
    for (a, b, c) in [(0, 1, 1), (1, 0, 1), (1, 1, 0)] {
        assert!(RateLimit::new(LimitSpec { limit: a, window_ms: b, burst: c }).is_err());
    }
}

#[test]
fn default_tables() {
    let p = Policy::default();
    let api = |t| action_limit(&p, "api", t).unwrap().rate.spec();
    assert_eq!(api(SubscriptionTier::Free), LimitSpec { limit: 100, window_ms: 60_000, burst: 100 });
    assert_eq!(api(SubscriptionTier::Creator), LimitSpec { limit: 300, window_ms: 60_000, burst: 300 });
    assert_eq!(action_limit(&p, "login", SubscriptionTier::Creator).unwrap().tier_multiplier, 1);
    let closed: Vec<_> =
        SPEC_ACTIONS.iter().filter(|a| failure_policy(&p, a).unwrap() == FailurePolicy::Closed).collect();
    assert_eq!(closed, [&"login", &"payout_request", &"kyc_submit", &"payment"]);
    assert_eq!(list_actions(&p, SubscriptionTier::Free).unwrap().len(), 12);
    for a in SPEC_ACTIONS {
        assert_eq!(action_limit(&p, a, SubscriptionTier::Free).unwrap().rate.ticks_per_ms(), 1, "{a}");
    }
    assert!(failure_policy(&p, "nope").is_err());
}

#[test]
fn policy_validation() {
    let e = Policy::from_patch(r#"{"ratelimit":{"actions":{"login":null}}}"#).unwrap_err();
    assert!(e.reason.contains("$.ratelimit.actions.login"), "{}", e.reason);
    let e = Policy::from_patch(r#"{"ratelimit":{"actions":{"Bad Name":{"limit":0,"window_ms":1,"burst":1,"on_failure":"open","tier_scaled":false}}}}"#).unwrap_err();
    assert!(e.reason.contains("a-z") && e.reason.contains("≥ 1"), "{}", e.reason);
    let e = Policy::from_patch(r#"{"ratelimit":{"tier_multipliers":{"plus":0}}}"#).unwrap_err();
    assert!(e.reason.contains("tier_multipliers.plus"), "{}", e.reason);
    let p = Policy::from_patch(r#"{"ratelimit":{"actions":{"story_post":{"limit":7,"window_ms":60000,"burst":3,"on_failure":"closed","tier_scaled":false}}}}"#).unwrap();
    assert_eq!(failure_policy(&p, "story_post").unwrap(), FailurePolicy::Closed);
}

#[test]
fn subjects() {
    assert!(validate_subject("user:42").is_ok());
    assert!(validate_subject(&"é".repeat(64)).is_ok());
    assert!(validate_subject(&"é".repeat(65)).is_err());
    assert!(validate_subject("").is_err());
    assert!(validate_subject("a\u{85}b").is_err());
    let h = hash_subject("abc");
    assert_eq!(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert!(validate_subject(&h).is_ok());
}
