//! A distributed rate limiter: Avalo's GCRA decision (`avalo_core::ratelimit::decide`) with its
//! one-integer state kept in Redis, shared by any number of server instances.
//!
//! The core stays pure: it never talks to Redis. This crate only moves the integer:
//! 1. `GET` the subject's state (a missing key is 0: a new subject with a full bucket);
//! 2. decide in-process with the core;
//! 3. if the state changed (the request was admitted), write it back with an atomic
//!    compare-and-set (a Lua script that writes only if the key still holds what was read);
//!    if another server won the race, start again from 1 with the fresh state, at most
//!    [`LimiterConfig::max_attempts`] times.
//!
//! Denials and peeks leave the state unchanged, so they cost one `GET` and no write.
//!
//! # When the store fails
//!
//! [`RedisLimiter::check_or_fallback`] answers every store failure with the action's failure
//! policy (SPEC §6.3: `open` allows, `closed` denies) as [`Outcome::StoreFailed`], and says so;
//! it never hides the failure and never waits unboundedly. Store failures are:
//! - **Redis down or restarting**: the connection is refused or drops. A broken connection is
//!   dropped and the next call connects again, so limits apply again as soon as Redis is
//!   back (a restarted Redis without persistence has lost its keys: every subject starts with
//!   a full bucket, as after any state loss).
//! - **Redis stalled** (paused, overloaded, network gone quiet): a connection waits at most
//!   [`LimiterConfig::connect_timeout`] and each answer at most
//!   [`LimiterConfig::response_timeout`] (300 ms each by default). A call makes at most two
//!   connection attempts, so it returns within about `2 × connect + (2 × max_attempts + 3) ×
//!   response` timeouts in the worst case, and within one connect plus one response timeout
//!   when Redis is simply stalled.
//! - **Corrupt values**: the key holds something this limiter never writes (see below).
//! - **Contention**: other servers won `max_attempts` compare-and-sets in a row on the key
//!   ([`LimiterError::Contended`]).
//!
//! `connect` does not need Redis to be up: it returns a limiter that applies the failure
//! policy until Redis answers (it fails only for a malformed URL or configuration).
//!
//! # Corrupt values
//!
//! The limiter only ever writes canonical decimal integers ≥ 0. A key holding anything else —
//! `"abc"`, `"-5"`, `""`, other spellings of a number such as `"007"`, `"+5"` or `"-0"`, a number
//! beyond `i64`, bytes that are not UTF-8, a list or hash instead of a string, or a state more
//! than [`LimiterConfig::max_clock_skew`] beyond the fullest bucket possible at `now` — is
//! corrupt: the call that reads it answers with the failure policy
//! ([`LimiterError::CorruptState`] from [`RedisLimiter::check`]), and the limiter deletes the
//! key (only if it still holds that value, so a valid state written meanwhile is kept). The
//! next call starts the subject with a full bucket. A corrupt value therefore never locks a
//! subject out, never makes a call loop, and costs one failure-policy answer.

#![forbid(unsafe_code)]

mod config;
mod error;
mod link;
mod scripts;
mod stored;

pub use config::LimiterConfig;
pub use error::LimiterError;

use avalo_core::ratelimit::{decide, validate_subject, FailurePolicy, LimitDecision, RateLimit};
use link::Link;
use redis::Script;

/// The answer of [`RedisLimiter::check_or_fallback`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The limiter decided.
    Decided(LimitDecision),
    /// The store failed; the action's failure policy decided `allowed`.
    StoreFailed {
        /// What the failure policy says.
        allowed: bool,
    },
}

/// The Redis key of a (subject, action) pair: `rl:{action}:{subject}`, with the subject
/// validated by the core (1–128 bytes, no control characters).
pub fn storage_key(action: &str, subject: &str) -> Result<String, LimiterError> {
    validate_subject(subject).map_err(LimiterError::Core)?;
    Ok(format!("rl:{action}:{subject}"))
}

/// One server's handle on the shared limiter: a Redis connection (re-made after any failure)
/// and the scripts. Not `Sync`: give each thread its own.
pub struct RedisLimiter {
    link: Link,
    config: LimiterConfig,
    cas: Script,
    repair: Script,
    /// Compare-and-set attempts that lost a race and were retried (for reporting).
    pub conflicts: u64,
    /// Corrupt values found (each answered by the failure policy and deleted if still there).
    pub corrupt_values: u64,
}

impl RedisLimiter {
    /// Connects to Redis (`redis://127.0.0.1:6379/`) with the default timeouts. With `expire`,
    /// keys get a TTL at the moment their bucket is full again (plus a second), so idle
    /// subjects cost no memory; only use it when `now_ms` is the real clock, since Redis
    /// expires keys in real time. See [`connect_with`](Self::connect_with).
    pub fn connect(url: &str, expire: bool) -> Result<RedisLimiter, LimiterError> {
        RedisLimiter::connect_with(url, LimiterConfig { expire, ..LimiterConfig::default() })
    }

    /// Connects to Redis with the given settings. Redis need not be up: the limiter tries to
    /// connect now (waiting at most the connect timeout) and again on every call until it
    /// succeeds, answering store failures meanwhile. `Config` error for a malformed URL or a
    /// zero timeout or attempt count.
    pub fn connect_with(url: &str, config: LimiterConfig) -> Result<RedisLimiter, LimiterError> {
        if let Some(problem) = config.problems() {
            return Err(LimiterError::Config(problem));
        }
        let client = redis::Client::open(url).map_err(|e| LimiterError::Config(format!("Redis URL {url:?}: {e}")))?;
        let mut limiter = RedisLimiter {
            link: Link::new(client, config.connect_timeout, config.response_timeout),
            config,
            cas: Script::new(scripts::CAS_LUA),
            repair: Script::new(scripts::REPAIR_LUA),
            conflicts: 0,
            corrupt_values: 0,
        };
        let _ = limiter.link.connection(); // an early connection if Redis is up; a later one if not
        Ok(limiter)
    }

    /// The settings in use.
    pub fn config(&self) -> &LimiterConfig {
        &self.config
    }

    /// Connections made so far (1 when Redis never failed; each reconnect adds one).
    pub fn connections_made(&self) -> u64 {
        self.link.connects
    }

    /// Reads the stored state of a key (0 when missing). A value that is not a canonical
    /// non-negative integer is [`LimiterError::CorruptState`] (and left as it is).
    pub fn state(&mut self, key: &str) -> Result<i64, LimiterError> {
        let raw = self.read_raw(key)?;
        stored::parse_state(raw.as_deref())
            .ok_or_else(|| LimiterError::CorruptState(stored::describe(raw.as_deref().unwrap_or_default())))
    }

    fn read_raw(&mut self, key: &str) -> Result<Option<Vec<u8>>, LimiterError> {
        self.link.read(|c| redis::cmd("GET").arg(key).query::<Option<Vec<u8>>>(c))
    }

    /// One decision for `key` at `now_ms`: read, decide with the core, compare-and-set. Store
    /// failures are errors here (see [`check_or_fallback`](Self::check_or_fallback)); a
    /// corrupt value is deleted before [`LimiterError::CorruptState`] is returned.
    pub fn check(
        &mut self,
        key: &str,
        limit: &RateLimit,
        now_ms: i64,
        cost: u32,
    ) -> Result<LimitDecision, LimiterError> {
        for _ in 0..self.config.max_attempts {
            let raw = match self.read_raw(key) {
                Err(LimiterError::Store(e)) if e.code() == Some("WRONGTYPE") => {
                    return Err(self.corrupt(key, b"", "a Redis value of another type than string"));
                }
                other => other?,
            };
            let Some(state) = stored::parse_state(raw.as_deref()) else {
                let raw = raw.unwrap_or_default();
                return Err(self.corrupt(key, &raw, &stored::describe(&raw)));
            };
            let d = decide(limit, state, now_ms, cost).map_err(LimiterError::Core)?;
            if !stored::is_plausible(limit, state, now_ms, self.config.max_clock_skew) {
                return Err(self.corrupt(key, state.to_string().as_bytes(), &state.to_string()));
            }
            if d.new_state == state {
                return Ok(d); // denied or peek: nothing to write
            }
            let ttl = if self.config.expire {
                let full_at_ms = d.new_state / limit.ticks_per_ms() + 1;
                (full_at_ms - now_ms).max(0) + 1_000
            } else {
                0
            };
            let mut cas = self.cas.prepare_invoke();
            cas.key(key).arg(state.to_string()).arg(d.new_state.to_string()).arg(ttl);
            let written: i64 = self.link.run(|c| cas.invoke(c))?;
            if written == 1 {
                return Ok(d);
            }
            self.conflicts += 1;
        }
        Err(LimiterError::Contended { attempts: self.config.max_attempts })
    }

    /// Counts a corrupt value and deletes it if the key still holds `raw` (or is not a string).
    fn corrupt(&mut self, key: &str, raw: &[u8], shown: &str) -> LimiterError {
        self.corrupt_values += 1;
        let mut repair = self.repair.prepare_invoke();
        repair.key(key).arg(raw);
        let _ = self.link.run(|c| repair.invoke::<i64>(c)); // best effort: the next read checks again
        LimiterError::CorruptState(shown.to_string())
    }

    /// [`check`](Self::check), but a store failure (Redis down, stalled past the timeouts,
    /// corrupt value, contention: [`LimiterError::is_store_failure`]) is answered by the
    /// action's failure policy (`open` → allowed, `closed` → denied) as
    /// [`Outcome::StoreFailed`]. Core refusals are still errors: they are the caller's bug, not
    /// an outage.
    pub fn check_or_fallback(
        &mut self,
        key: &str,
        limit: &RateLimit,
        on_failure: FailurePolicy,
        now_ms: i64,
        cost: u32,
    ) -> Result<Outcome, LimiterError> {
        match self.check(key, limit, now_ms, cost) {
            Ok(d) => Ok(Outcome::Decided(d)),
            Err(e) if e.is_store_failure() => Ok(Outcome::StoreFailed { allowed: on_failure == FailurePolicy::Open }),
            Err(e) => Err(e),
        }
    }
}
