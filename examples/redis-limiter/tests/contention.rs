//! The retry bound (issue 14, item 9): when every compare-and-set loses — another server
//! always wrote in between — a call gives up after `max_attempts` rounds with
//! `LimiterError::Contended`, which `check_or_fallback` answers with the failure policy, instead
//! of retrying for ever.
//!
//! A real Redis cannot be made to lose every race on cue, so this test talks to a fake one: a
//! tiny RESP server on 127.0.0.1 (a free port) that answers every `GET` with the state `5` and
//! every script call with `0` ("not written"), exactly what a key rewritten by another server
//! between each read and write looks like.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use avalo_core::ratelimit::{FailurePolicy, LimitSpec, RateLimit};
use avalo_redis_limiter::{storage_key, LimiterConfig, LimiterError, Outcome, RedisLimiter};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

mod common;
use common::within;

const T0: i64 = 1_795_176_000_000;

/// Reads one RESP command (an array of bulk strings); `None` at end of stream.
fn read_command(r: &mut BufReader<TcpStream>) -> Option<Vec<Vec<u8>>> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let n: usize = line.trim_end().strip_prefix('*')?.parse().ok()?;
    let mut args = Vec::with_capacity(n);
    for _ in 0..n {
        line.clear();
        r.read_line(&mut line).ok()?;
        let len: usize = line.trim_end().strip_prefix('$')?.parse().ok()?;
        let mut arg = vec![0; len + 2];
        r.read_exact(&mut arg).ok()?;
        arg.truncate(len);
        args.push(arg);
    }
    Some(args)
}

/// A fake Redis where every write loses; counts the script calls (compare-and-set attempts).
fn start_fake_store(cas_calls: Arc<AtomicU64>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("redis://127.0.0.1:{}/", listener.local_addr().unwrap().port());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let cas_calls = cas_calls.clone();
            std::thread::spawn(move || {
                let mut w = stream.try_clone().unwrap();
                let mut r = BufReader::new(stream);
                while let Some(args) = read_command(&mut r) {
                    let name = String::from_utf8_lossy(&args[0]).to_ascii_uppercase();
                    let reply: &[u8] = match name.as_str() {
                        "GET" => b"$1\r\n5\r\n",
                        "EVALSHA" | "EVAL" => {
                            cas_calls.fetch_add(1, Ordering::SeqCst);
                            b":0\r\n"
                        }
                        _ => b"+OK\r\n",
                    };
                    if w.write_all(reply).is_err() {
                        return;
                    }
                }
            });
        }
    });
    url
}

#[test]
fn a_key_that_always_changes_gives_up_after_max_attempts() {
    let cas_calls = Arc::new(AtomicU64::new(0));
    let url = start_fake_store(cas_calls.clone());
    let key = storage_key("login", "user:hot").unwrap();
    let limit = RateLimit::new(LimitSpec { limit: 10, window_ms: 1_000, burst: 5 }).unwrap();

    let (calls, result, limiter) = within(Duration::from_secs(10), "check on an always-changing key", {
        let (url, key, cas_calls) = (url.clone(), key.clone(), cas_calls.clone());
        move || {
            let mut limiter = RedisLimiter::connect(&url, false).unwrap();
            let result = limiter.check(&key, &limit, T0, 1);
            (cas_calls.load(Ordering::SeqCst), result, limiter)
        }
    });
    let attempts = LimiterConfig::default().max_attempts;
    assert!(matches!(result, Err(LimiterError::Contended { attempts: a }) if a == attempts), "{result:?}");
    assert_eq!(calls, u64::from(attempts), "one compare-and-set per attempt");
    assert_eq!(limiter.conflicts, u64::from(attempts));

    // The failure policy answers it.
    let mut limiter = limiter;
    for policy in [FailurePolicy::Closed, FailurePolicy::Open] {
        let o = limiter.check_or_fallback(&key, &limit, policy, T0, 1).unwrap();
        assert_eq!(o, Outcome::StoreFailed { allowed: policy == FailurePolicy::Open });
    }

    // The bound is configurable.
    let config = LimiterConfig { max_attempts: 2, ..LimiterConfig::default() };
    let mut limiter = RedisLimiter::connect_with(&url, config).unwrap();
    let before = cas_calls.load(Ordering::SeqCst);
    assert!(matches!(limiter.check(&key, &limit, T0, 1), Err(LimiterError::Contended { attempts: 2 })));
    assert_eq!(cas_calls.load(Ordering::SeqCst) - before, 2);
}

#[test]
fn unusable_settings_are_refused() {
    let url = "redis://127.0.0.1:1/";
    for config in [
        LimiterConfig { max_attempts: 0, ..LimiterConfig::default() },
        LimiterConfig { connect_timeout: Duration::ZERO, ..LimiterConfig::default() },
        LimiterConfig { response_timeout: Duration::ZERO, ..LimiterConfig::default() },
    ] {
        assert!(matches!(RedisLimiter::connect_with(url, config), Err(LimiterError::Config(_))), "{config:?}");
    }
    assert!(matches!(RedisLimiter::connect("not a url", false), Err(LimiterError::Config(_))));
}
