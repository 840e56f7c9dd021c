//! Many workers, one Redis: the distributed limiter admits exactly what a single in-process
//! limiter admits for the same timeline (no over-admission, no lost update).
//!
//! The test starts its own `redis-server` on 127.0.0.1 with a free port and stops it at the
//! end (`common::Server`). It is skipped (with a message) only when `redis-server` is not
//! installed, and never when the `CI` environment variable is set (CI installs it:
//! scripts/setup-toolchains.sh).
//!
//! The timeline is a list of rounds; every request of a round carries the same `now_ms`, and
//! rounds are separated by a barrier, so the timeline is well defined while 8 workers race on
//! the same keys within each round. Each subject's requests all cost the same, which makes the
//! number admitted at one instant independent of the order the racing workers get in.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use avalo_core::ratelimit::{decide, FailurePolicy, LimitSpec, RateLimit};
use avalo_redis_limiter::{storage_key, LimiterConfig, Outcome, RedisLimiter};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

mod common;
use common::Server;

const WORKERS: usize = 8;
const MIN_REQUESTS: usize = 20_000;
const T0: i64 = 1_795_176_000_000;
const STEP_MS: i64 = 7;

struct Subject {
    key: String,
    limit: RateLimit,
    cost: u32,
}

fn subjects() -> Vec<Subject> {
    let mk = |name: &str, limit, window_ms, burst, cost| Subject {
        key: storage_key("test", name).unwrap(),
        limit: RateLimit::new(LimitSpec { limit, window_ms, burst }).unwrap(),
        cost,
    };
    vec![
        mk("user:1", 10, 100, 5, 1),    // one per 10 ms
        mk("user:2", 7, 100, 4, 2),     // one per 14.29 ms: 1/7 ms ticks
        mk("user:3", 50, 1_000, 20, 1), // one per 20 ms, bigger burst
        mk("ip:203.0.113.7", 3, 100, 6, 3),
    ]
}

/// A small deterministic PRNG (xorshift64*), so the timeline is the same on every run.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

/// Rounds of requests: (time, subject indices in arrival order).
fn timeline(n_subjects: usize) -> Vec<(i64, Vec<usize>)> {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let (mut rounds, mut total, mut now) = (Vec::new(), 0, T0);
    while total < MIN_REQUESTS {
        let mut reqs = Vec::new();
        for s in 0..n_subjects {
            for _ in 0..rng.below(9) {
                reqs.push(s);
            }
        }
        // shuffle so that workers interleave subjects
        for i in (1..reqs.len()).rev() {
            reqs.swap(i, rng.below(i as u64 + 1) as usize);
        }
        total += reqs.len();
        rounds.push((now, reqs));
        now += STEP_MS + rng.below(3) as i64 * STEP_MS; // gaps of 7, 14 or 21 ms
    }
    rounds
}

#[test]
fn concurrent_workers_admit_exactly_what_one_limiter_admits() {
    let Some(mut server) = Server::start() else { return };
    let subjects = Arc::new(subjects());
    let rounds = Arc::new(timeline(subjects.len()));
    let total: usize = rounds.iter().map(|(_, r)| r.len()).sum();

    // The reference: one in-process limiter per subject over the same timeline.
    let mut states = vec![0i64; subjects.len()];
    let mut expected = vec![0u64; subjects.len()];
    for (now, reqs) in rounds.iter() {
        for &s in reqs {
            let d = decide(&subjects[s].limit, states[s], *now, subjects[s].cost).unwrap();
            states[s] = d.new_state;
            expected[s] += u64::from(d.allowed);
        }
    }

    let admitted: Arc<Vec<AtomicU64>> = Arc::new((0..subjects.len()).map(|_| AtomicU64::new(0)).collect());
    let cursors: Arc<Vec<AtomicUsize>> = Arc::new((0..rounds.len()).map(|_| AtomicUsize::new(0)).collect());
    let barrier = Arc::new(Barrier::new(WORKERS));
    let conflicts = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (subjects, rounds, admitted, cursors, barrier, conflicts, url) = (
                subjects.clone(),
                rounds.clone(),
                admitted.clone(),
                cursors.clone(),
                barrier.clone(),
                conflicts.clone(),
                server.url.clone(),
            );
            std::thread::spawn(move || {
                // Generous timeouts and attempts: this test is about exact admission under
                // contention on a busy machine, not about stalls (tests/reliability.rs).
                let config = LimiterConfig {
                    connect_timeout: Duration::from_secs(5),
                    response_timeout: Duration::from_secs(5),
                    max_attempts: 10_000,
                    ..LimiterConfig::default()
                };
                let mut limiter = RedisLimiter::connect_with(&url, config).unwrap();
                barrier.wait();
                for (r, (now, reqs)) in rounds.iter().enumerate() {
                    loop {
                        let i = cursors[r].fetch_add(1, Ordering::Relaxed);
                        let Some(&s) = reqs.get(i) else { break };
                        let sub = &subjects[s];
                        let d = limiter.check(&sub.key, &sub.limit, *now, sub.cost).unwrap();
                        if d.allowed {
                            admitted[s].fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    barrier.wait();
                }
                conflicts.fetch_add(limiter.conflicts, Ordering::Relaxed);
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let elapsed = start.elapsed();

    let mut check = RedisLimiter::connect(&server.url, false).unwrap();
    println!(
        "redis limiter: {WORKERS} workers, {total} requests in {} rounds over {} subjects, {:.0} requests/s ({:.2} s), {} CAS conflicts retried",
        rounds.len(),
        subjects.len(),
        total as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64(),
        conflicts.load(Ordering::Relaxed)
    );
    for (s, sub) in subjects.iter().enumerate() {
        let got = admitted[s].load(Ordering::Relaxed);
        let asked = rounds.iter().map(|(_, r)| r.iter().filter(|&&x| x == s).count()).sum::<usize>();
        println!("  {:<22} asked {asked:>5}, admitted {got:>5} (in-process limiter: {:>5})", sub.key, expected[s]);
        assert_eq!(got, expected[s], "{}: admitted count differs from the single limiter", sub.key);
        assert_eq!(check.state(&sub.key).unwrap(), states[s], "{}: final state differs", sub.key);
        assert!(got > 0 && (got as usize) < asked, "{}: the timeline should both admit and deny", sub.key);
    }
    assert!(total >= MIN_REQUESTS);

    // With the store gone, the failure policy answers (SPEC §6.3) and says so.
    server.stop();
    let sub = &subjects[0];
    assert_eq!(
        check.check_or_fallback(&sub.key, &sub.limit, FailurePolicy::Closed, T0, 1).unwrap(),
        Outcome::StoreFailed { allowed: false }
    );
    assert_eq!(
        check.check_or_fallback(&sub.key, &sub.limit, FailurePolicy::Open, T0, 1).unwrap(),
        Outcome::StoreFailed { allowed: true }
    );
}

#[test]
fn storage_keys_are_validated() {
    assert_eq!(storage_key("login", "user:42").unwrap(), "rl:login:user:42");
    assert!(storage_key("login", "user\n42").is_err());
    assert!(storage_key("login", "").is_err());
}
