//! The limiter against a misbehaving store (issue 14, items 9–12), each against a real
//! `redis-server` on 127.0.0.1 (a free port, killed at the end) and each bounded in time
//! (`common::within`): a hang is a test failure, not a stuck run.
//!
//! - a non-canonical stored state (`"007"`, `"+5"`, `"-0"`) no longer makes `check` retry for
//!   ever, and a corrupt one (`"abc"`, `"-5"`, …) no longer errors or locks the subject out:
//!   that call answers with the action's failure policy and the key is repaired;
//! - after a Redis restart the limiter reconnects and limits apply again;
//! - a paused Redis (SIGSTOP) turns into the failure policy within the timeouts;
//! - `connect` while Redis is down gives a limiter that applies the failure policy, and
//!   decides once Redis is up.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use avalo_core::ratelimit::{FailurePolicy, LimitSpec, RateLimit};
use avalo_redis_limiter::{storage_key, LimiterConfig, Outcome, RedisLimiter};
use std::time::{Duration, Instant};

mod common;
use common::{free_port, within, Server};

const T0: i64 = 1_795_176_000_000;
/// Far more than any answer takes; a call still running by then is hanging.
const HANG: Duration = Duration::from_secs(10);

/// A limiter with long timeouts, for the tests that are not about stalls: on a busy machine a
/// healthy Redis may take longer than the 300 ms default to answer, which is not what they test.
fn patient(url: &str) -> RedisLimiter {
    let slow = Duration::from_secs(3);
    let config = LimiterConfig { connect_timeout: slow, response_timeout: slow, ..LimiterConfig::default() };
    RedisLimiter::connect_with(url, config).unwrap()
}

/// Three requests per second, a burst of 3.
fn limit() -> RateLimit {
    RateLimit::new(LimitSpec { limit: 3, window_ms: 1_000, burst: 3 }).unwrap()
}

/// One `check_or_fallback` on its own thread, failing the test if it does not answer within
/// [`HANG`]; gives the limiter back with the answer and how long it took.
fn ask(limiter: RedisLimiter, key: &str, policy: FailurePolicy, now_ms: i64) -> (RedisLimiter, Outcome, Duration) {
    let key = key.to_string();
    within(HANG, &format!("check_or_fallback({key})"), move || {
        let mut limiter = limiter;
        let start = Instant::now();
        let outcome = limiter.check_or_fallback(&key, &limit(), policy, now_ms, 1).expect("no core refusal here");
        (limiter, outcome, start.elapsed())
    })
}

fn allowed(o: Outcome) -> Option<bool> {
    match o {
        Outcome::Decided(d) => Some(d.allowed),
        Outcome::StoreFailed { .. } => None,
    }
}

/// Drains a subject's bucket at `now_ms`: the burst of 3 is admitted, the fourth is denied.
fn drain(mut limiter: RedisLimiter, key: &str, now_ms: i64) -> RedisLimiter {
    for i in 0..4 {
        let (l, o, _) = ask(limiter, key, FailurePolicy::Open, now_ms);
        limiter = l;
        assert_eq!(allowed(o), Some(i < 3), "{key} request {i} at {now_ms}: {o:?}");
    }
    limiter
}

#[test]
fn non_canonical_states_do_not_hang_and_are_repaired() {
    let Some(server) = Server::start() else { return };
    let mut limiter = within(HANG, "connect", {
        let url = server.url.clone();
        move || patient(&url)
    });
    for (i, raw) in ["007", "+5", "-0", "0005", " 5"].iter().enumerate() {
        let key = storage_key("login", &format!("user:noncanonical{i}")).unwrap();
        server.set_raw(&key, raw.as_bytes());
        let (l, o, _) = ask(limiter, &key, FailurePolicy::Closed, T0);
        assert_eq!(o, Outcome::StoreFailed { allowed: false }, "stored {raw:?}: the closed policy answers");
        assert_eq!(server.get_raw(&key), None, "stored {raw:?}: the corrupt value is removed");
        limiter = drain(l, &key, T0);
    }
}

#[test]
fn corrupt_states_apply_the_failure_policy_and_are_repaired() {
    let Some(server) = Server::start() else { return };
    let mut limiter = within(HANG, "connect", {
        let url = server.url.clone();
        move || patient(&url)
    });
    let corrupt: [&[u8]; 8] = [
        b"abc",
        b"-5",
        b"",
        b"12.5",
        b"99999999999999999999", // above i64::MAX
        b"9000000000000000000",  // an integer, but a state no decision can produce this early
        b"\xff\xfe",             // not UTF-8
        b"1795176000000\n",
    ];
    for (i, raw) in corrupt.iter().enumerate() {
        for policy in [FailurePolicy::Open, FailurePolicy::Closed] {
            let key = storage_key("payout", &format!("user:corrupt{i}:{policy:?}")).unwrap();
            server.set_raw(&key, raw);
            let (l, o, _) = ask(limiter, &key, policy, T0);
            assert_eq!(
                o,
                Outcome::StoreFailed { allowed: policy == FailurePolicy::Open },
                "stored {raw:?}: the failure policy answers"
            );
            assert_eq!(server.get_raw(&key), None, "stored {raw:?}: the corrupt value is removed");
            limiter = drain(l, &key, T0);
        }
    }
    // A key of another type (a list) is corrupt too.
    let key = storage_key("payout", "user:list").unwrap();
    let _: () = redis::cmd("RPUSH").arg(&key).arg("x").query(&mut server.connection().unwrap()).unwrap();
    let (l, o, _) = ask(limiter, &key, FailurePolicy::Closed, T0);
    assert_eq!(o, Outcome::StoreFailed { allowed: false });
    drain(l, &key, T0);
}

#[test]
fn limits_apply_again_after_a_restart() {
    let Some(mut server) = Server::start() else { return };
    let key = storage_key("login", "user:restart").unwrap();
    let limiter = within(HANG, "connect", {
        let url = server.url.clone();
        move || patient(&url)
    });
    let limiter = drain(limiter, &key, T0);

    server.stop();
    let (limiter, o, _) = ask(limiter, &key, FailurePolicy::Closed, T0);
    assert_eq!(o, Outcome::StoreFailed { allowed: false }, "down: the closed policy answers");
    let (limiter, o, _) = ask(limiter, &key, FailurePolicy::Open, T0);
    assert_eq!(o, Outcome::StoreFailed { allowed: true }, "down: the open policy answers");

    // Back up, empty (no persistence): the limiter reconnects and the limit applies again.
    server.restart();
    let limiter = drain(limiter, &key, T0 + 1);
    // And once more without a failed call in between: a dead connection is replaced at once.
    server.restart();
    drain(limiter, &key, T0 + 2);
}

#[test]
fn a_paused_redis_turns_into_the_failure_policy() {
    let Some(server) = Server::start() else { return };
    let key = storage_key("login", "user:paused").unwrap();
    // The limiter under test has the default timeouts (300 ms); a patient one checks the state.
    let limiter = within(HANG, "connect", {
        let url = server.url.clone();
        move || RedisLimiter::connect(&url, false).unwrap()
    });
    let (observer, o, _) = ask(within(HANG, "connect", patient_for(&server)), &key, FailurePolicy::Closed, T0);
    assert_eq!(allowed(o), Some(true));

    server.pause();
    let (limiter, o, took) = ask(limiter, &key, FailurePolicy::Closed, T0);
    assert_eq!(o, Outcome::StoreFailed { allowed: false }, "paused: the closed policy answers");
    assert!(took < Duration::from_secs(3), "paused: answered in {took:?}");
    let (limiter, o, took) = ask(limiter, &key, FailurePolicy::Open, T0);
    assert_eq!(o, Outcome::StoreFailed { allowed: true }, "paused: the open policy answers");
    assert!(took < Duration::from_secs(3), "paused: answered in {took:?}");
    // A limiter connected while Redis is paused applies the failure policy too.
    let fresh = within(HANG, "connect while paused", {
        let url = server.url.clone();
        move || RedisLimiter::connect(&url, false).unwrap()
    });
    let (_fresh, o, took) = ask(fresh, &key, FailurePolicy::Closed, T0);
    assert_eq!(o, Outcome::StoreFailed { allowed: false });
    assert!(took < Duration::from_secs(3), "paused, new limiter: answered in {took:?}");

    server.resume();
    // The limiter under test decides again (allowing a few slow answers on a busy machine):
    // one request was admitted before the pause, so two more fit the burst of 3.
    let mut limiter = limiter;
    let mut decided = None;
    for _ in 0..20 {
        let (l, o, _) = ask(limiter, &key, FailurePolicy::Closed, T0);
        limiter = l;
        if let Some(a) = allowed(o) {
            decided = Some(a);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(decided, Some(true), "resumed: the limiter decides again");
    let (_, o, _) = ask(observer, &key, FailurePolicy::Closed, T0);
    assert_eq!(allowed(o), Some(true));
    let (_, o, _) = ask(patient(&server.url), &key, FailurePolicy::Open, T0);
    assert_eq!(allowed(o), Some(false), "resumed: the limit still holds");
}

fn patient_for(server: &Server) -> impl FnOnce() -> RedisLimiter + Send + 'static {
    let url = server.url.clone();
    move || patient(&url)
}

#[test]
fn connect_while_redis_is_down_gives_a_limiter_with_the_failure_policy() {
    if !common::redis_available() {
        return;
    }
    let port = free_port();
    let url = format!("redis://127.0.0.1:{port}/");
    let key = storage_key("login", "user:early").unwrap();
    let limiter = within(HANG, "connect while down", move || patient(&url));
    let (limiter, o, _) = ask(limiter, &key, FailurePolicy::Closed, T0);
    assert_eq!(o, Outcome::StoreFailed { allowed: false });
    let (limiter, o, _) = ask(limiter, &key, FailurePolicy::Open, T0);
    assert_eq!(o, Outcome::StoreFailed { allowed: true });

    let Some(_server) = Server::start_on(port) else { return };
    drain(limiter, &key, T0);
}
