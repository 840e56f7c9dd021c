//! Property tests for the GCRA limiter against a simple reference model: a classic token bucket
//! that refills `limit` tokens per `window_ms`, kept exactly as integers scaled by `window_ms`.

#![allow(clippy::unwrap_used)]

use avalo_core::ratelimit::{
    decide, decide_batch, decide_sequence, LimitBatchItem, LimitRequest, LimitSpec, RateLimit,
};
use proptest::prelude::*;

/// The reference: tokens × window_ms, refilled by `limit` per elapsed ms, capped at
/// burst × window_ms; full at the first request. Only meaningful for non-decreasing times.
struct Bucket {
    spec: LimitSpec,
    tokens: u128,
    last: Option<i64>,
}

impl Bucket {
    fn new(spec: LimitSpec) -> Self {
        Bucket { spec, tokens: u128::from(spec.burst) * u128::from(spec.window_ms), last: None }
    }
    /// (allowed, remaining, retry_after_ms)
    fn request(&mut self, now: i64, cost: u32) -> (bool, u32, u64) {
        let cap = u128::from(self.spec.burst) * u128::from(self.spec.window_ms);
        if let Some(last) = self.last {
            let dt = u128::try_from(now - last).unwrap();
            self.tokens = (self.tokens + dt * u128::from(self.spec.limit)).min(cap);
        }
        self.last = Some(now);
        let need = u128::from(cost.max(1)) * u128::from(self.spec.window_ms);
        if self.tokens >= need {
            if cost > 0 {
                self.tokens -= need;
            }
            (true, (self.tokens / u128::from(self.spec.window_ms)) as u32, 0)
        } else {
            let wait = (need - self.tokens).div_ceil(u128::from(self.spec.limit));
            (false, (self.tokens / u128::from(self.spec.window_ms)) as u32, wait as u64)
        }
    }
}

fn spec() -> impl Strategy<Value = LimitSpec> {
    prop_oneof![
        // the SPEC defaults and their tier multiples
        Just(LimitSpec { limit: 10, window_ms: 300_000, burst: 10 }),
        Just(LimitSpec { limit: 100, window_ms: 3_600_000, burst: 120 }),
        Just(LimitSpec { limit: 5, window_ms: 86_400_000, burst: 5 }),
        Just(LimitSpec { limit: 300, window_ms: 60_000, burst: 300 }),
        // anything, fractional emission intervals included
        (1u32..=1_000, 1u64..=10_000_000, 1u32..=200).prop_map(|(limit, window_ms, burst)| LimitSpec {
            limit,
            window_ms,
            burst
        }),
    ]
}

const T0: i64 = 1_795_176_000_000;

/// Non-decreasing times with costs in 0..=burst; steps are often 0 or whole emission
/// intervals, so that exact boundaries (a bucket with exactly enough) come up often.
fn timeline(burst: u32, interval: i64) -> impl Strategy<Value = Vec<LimitRequest>> {
    let step = prop_oneof![
        Just(0),
        (0i64..=3).prop_map(move |n| n * interval),
        (1i64..=3).prop_map(move |n| n * interval - 1),
        0..=interval * 2
    ];
    proptest::collection::vec((step, 0..=burst), 1..120).prop_map(|steps| {
        let mut now = T0;
        steps
            .into_iter()
            .map(|(dt, cost)| {
                now += dt;
                LimitRequest { now_ms: now, cost }
            })
            .collect()
    })
}

fn with_timeline() -> impl Strategy<Value = (LimitSpec, Vec<LimitRequest>)> {
    spec().prop_flat_map(|s| {
        let interval = i64::try_from(s.window_ms.div_ceil(u64::from(s.limit))).unwrap();
        (Just(s), timeline(s.burst, interval))
    })
}

/// Any times (backwards too) with costs in 0..=burst.
fn with_any_times() -> impl Strategy<Value = (LimitSpec, Vec<LimitRequest>)> {
    spec().prop_flat_map(|s| {
        let span = i64::try_from(s.window_ms).unwrap() * 3;
        let at = prop_oneof![Just(T0), T0 - span..T0 + span];
        let reqs = proptest::collection::vec((at, 0..=s.burst), 1..150)
            .prop_map(|v| v.into_iter().map(|(now_ms, cost)| LimitRequest { now_ms, cost }).collect::<Vec<_>>());
        (Just(s), reqs)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Over non-decreasing times, every decision equals the token bucket's: allowed,
    /// remaining and the exact retry_after.
    #[test]
    fn matches_token_bucket((s, reqs) in with_timeline()) {
        let lim = RateLimit::new(s).unwrap();
        let mut model = Bucket::new(s);
        let out = decide_sequence(&lim, 0, &reqs).unwrap();
        for (r, d) in reqs.iter().zip(&out.decisions) {
            let (allowed, remaining, retry) = model.request(r.now_ms, r.cost);
            prop_assert_eq!((d.allowed, d.remaining, d.retry_after_ms), (allowed, remaining, retry), "at {:?}", r);
        }
    }

    /// In any window of length T, the admitted cost never exceeds burst + ⌊T·limit/window⌋,
    /// whatever order the times arrive in (clock skew included).
    #[test]
    fn window_bound_holds_for_any_order((s, reqs) in with_any_times(), t_frac in 0u64..=3_000) {
        let lim = RateLimit::new(s).unwrap();
        let out = decide_sequence(&lim, 0, &reqs).unwrap();
        let t = i64::try_from(s.window_ms * t_frac / 1_000).unwrap();
        let admitted: Vec<(i64, u64)> = reqs.iter().zip(&out.decisions)
            .filter(|(_, d)| d.allowed).map(|(r, _)| (r.now_ms, u64::from(r.cost))).collect();
        let bound = u128::from(s.burst) + u128::from(t.unsigned_abs()) * u128::from(s.limit) / u128::from(s.window_ms);
        for &(a, _) in &admitted {
            let sum: u64 = admitted.iter().filter(|(n, _)| *n >= a && *n <= a + t).map(|(_, c)| c).sum();
            prop_assert!(u128::from(sum) <= bound, "window [{a}, {}]: {sum} > {bound}", a + t);
        }
    }

    /// A denial with retry_after_ms = r is admitted at now + r, not at now + r − 1; denials and
    /// peeks never change the state; remaining never exceeds the burst.
    #[test]
    fn retry_after_is_exact((s, reqs) in with_any_times()) {
        let lim = RateLimit::new(s).unwrap();
        let mut state = 0;
        for r in &reqs {
            let d = decide(&lim, state, r.now_ms, r.cost).unwrap();
            prop_assert!(d.remaining <= s.burst);
            if !d.allowed {
                prop_assert_eq!(d.new_state, state);
                let ra = i64::try_from(d.retry_after_ms).unwrap();
                prop_assert!(ra >= 1);
                let later = decide(&lim, state, r.now_ms + ra, r.cost).unwrap();
                prop_assert!(later.allowed, "not admitted at now + {}", ra);
                prop_assert!(!decide(&lim, state, r.now_ms + ra - 1, r.cost).unwrap().allowed);
            } else {
                prop_assert_eq!(d.retry_after_ms, 0);
                if r.cost == 0 { prop_assert_eq!(d.new_state, state); }
            }
            state = d.new_state;
        }
    }

    /// Going back in time never shows more capacity than later.
    #[test]
    fn earlier_never_has_more((s, reqs) in with_any_times(), back in 0i64..10_000_000) {
        let lim = RateLimit::new(s).unwrap();
        let state = decide_sequence(&lim, 0, &reqs).unwrap().state;
        let now = reqs[0].now_ms;
        let later = decide(&lim, state, now, 0).unwrap();
        let earlier = decide(&lim, state, now - back, 0).unwrap();
        prop_assert!(earlier.remaining <= later.remaining);
        prop_assert!(!earlier.allowed || later.allowed);
    }

    /// Any i64 inputs: an answer or INVALID_INPUT, never a panic; costs above the burst are
    /// always refused.
    #[test]
    fn total_over_all_inputs(s in spec(), state in any::<i64>(), now in any::<i64>(), cost in any::<u32>()) {
        let lim = RateLimit::new(s).unwrap();
        match decide(&lim, state, now, cost) {
            Ok(d) => {
                prop_assert!(cost <= s.burst && d.remaining <= s.burst);
                prop_assert!(d.new_state >= state);
            }
            Err(e) => prop_assert_eq!(e.code, avalo_core::ErrorCode::InvalidInput),
        }
    }

    /// Any spec: building a limit never panics, and a built one has the documented units.
    #[test]
    fn any_spec_builds_or_refuses(limit in any::<u32>(), window_ms in any::<u64>(), burst in any::<u32>()) {
        if let Ok(l) = RateLimit::new(LimitSpec { limit, window_ms, burst }) {
            prop_assert_eq!(u128::from(l.interval_ticks().unsigned_abs()) * u128::from(limit),
                u128::from(window_ms) * u128::from(l.ticks_per_ms().unsigned_abs()));
            prop_assert_eq!(l.capacity_ticks(), l.interval_ticks() * i64::from(burst));
        }
    }

    /// The batch form equals one decision per item.
    #[test]
    fn batch_equals_singles((s, reqs) in with_any_times(), states in proptest::collection::vec(0i64..T0 * 2, 150)) {
        let lim = RateLimit::new(s).unwrap();
        let items: Vec<LimitBatchItem> = reqs.iter().zip(&states).map(|(r, st)| LimitBatchItem { state: *st, now_ms: r.now_ms, cost: r.cost }).collect();
        let batch = decide_batch(&lim, &items).unwrap();
        for (it, d) in items.iter().zip(&batch) {
            prop_assert_eq!(*d, decide(&lim, it.state, it.now_ms, it.cost).unwrap());
        }
    }
}
