//! Criterion benches for the GCRA limiter, with `governor` as the peer in the same run.
//! Run: `cargo bench -p avalo-benches --bench ratelimit`.
//!
//! Every limiter uses the same quota: message_send, 100 per hour with a burst of 120 (one
//! request every 36 000 ms). `decide` takes the time as a parameter; governor reads its clock
//! (quanta) on every check, so a "governor (fake clock)" row isolates its clock cost, and an
//! "ours + SystemTime::now" row adds a clock read to ours.

use avalo_core::ratelimit::{decide, LimitSpec, RateLimit};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use governor::clock::FakeRelativeClock;
use governor::{Quota, RateLimiter};
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SUBJECTS: u64 = 10_000;
const NOW: i64 = 1_800_000_000_000;

fn quota() -> Quota {
    let nz = |n| NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
    Quota::per_hour(nz(100)).allow_burst(nz(120))
}

fn limit() -> RateLimit {
    match RateLimit::new(LimitSpec { limit: 100, window_ms: 3_600_000, burst: 120 }) {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    }
}

fn ours(c: &mut Criterion) {
    let l = limit();
    let mut g = c.benchmark_group("ratelimit");
    // Results are consumed the way a caller does (`if let Ok(d)`), not returned whole to
    // criterion, whose black box would force the 32-byte `Result` through memory.
    g.bench_function("decide: new subject (allowed)", |b| {
        b.iter(|| {
            if let Ok(d) = decide(&l, black_box(0), black_box(NOW), black_box(1)) {
                black_box(d.new_state);
            }
        })
    });
    let full = NOW + 120 * 36_000;
    g.bench_function("decide: empty bucket (denied)", |b| {
        b.iter(|| {
            if let Ok(d) = decide(&l, black_box(full), black_box(NOW), black_box(1)) {
                black_box(d.retry_after_ms);
            }
        })
    });
    g.bench_function("decide: one subject, 1 ms apart (state threaded)", |b| {
        let (mut state, mut now) = (0i64, NOW);
        b.iter(|| {
            now += 1;
            if let Ok(d) = decide(&l, black_box(state), black_box(now), 1) {
                state = d.new_state;
            }
        })
    });
    g.bench_function("decide + SystemTime::now (state threaded)", |b| {
        let mut state = 0i64;
        b.iter(|| {
            let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
            if let Ok(d) = decide(&l, black_box(state), now, 1) {
                state = d.new_state;
            }
        })
    });
    g.bench_function("decide over HashMap<u64,i64> of 10 000 subjects", |b| {
        let mut map: HashMap<u64, i64> = (0..SUBJECTS).map(|k| (k, 0)).collect();
        let (mut key, mut now) = (0u64, NOW);
        b.iter(|| {
            key = (key + 1) % SUBJECTS;
            now += 1;
            let s = map.entry(black_box(key)).or_insert(0);
            if let Ok(d) = decide(&l, *s, now, 1) {
                *s = d.new_state;
            }
        })
    });
    g.finish();
}

fn peers(c: &mut Criterion) {
    let mut g = c.benchmark_group("governor");
    g.bench_function("direct check (quanta clock)", |b| {
        let lim = RateLimiter::direct(quota());
        b.iter(|| black_box(lim.check()).is_ok())
    });
    g.bench_function("direct check (fake clock, 1 ms apart)", |b| {
        let clock = FakeRelativeClock::default();
        let lim = RateLimiter::direct_with_clock(quota(), clock.clone());
        b.iter(|| {
            clock.advance(Duration::from_millis(1));
            black_box(lim.check()).is_ok()
        })
    });
    g.bench_function("keyed check_key, 10 000 keys (quanta clock)", |b| {
        let lim = RateLimiter::keyed(quota());
        for k in 0..SUBJECTS {
            let _ = lim.check_key(&k);
        }
        let mut key = 0u64;
        b.iter(|| {
            key = (key + 1) % SUBJECTS;
            black_box(lim.check_key(black_box(&key))).is_ok()
        })
    });
    g.finish();
}

criterion_group!(ratelimit, ours, peers);
criterion_main!(ratelimit);
