//! A distributed rate limiter: Avalo's GCRA decision (`avalo_core::ratelimit::decide`) with its
//! one-integer state kept in Redis, shared by any number of server instances.
//!
//! The core stays pure: it never talks to Redis. This crate only moves the integer:
//! 1. `GET` the subject's state (a missing key is 0: a new subject with a full bucket);
//! 2. decide in-process with the core;
//! 3. if the state changed (the request was admitted), write it back with an atomic
//!    compare-and-set (a Lua script that writes only if the key still holds what was read);
//!    if another server won the race, start again from 1 with the fresh state.
//!
//! Denials and peeks leave the state unchanged, so they cost one `GET` and no write. When Redis
//! cannot be reached, [`RedisLimiter::check_or_fallback`] applies the action's failure policy
//! (SPEC §6.3: `open` allows, `closed` denies) and says so; it never hides the failure.

#![forbid(unsafe_code)]

use avalo_core::ratelimit::{decide, validate_subject, FailurePolicy, LimitDecision, RateLimit};
use redis::{Connection, RedisError, Script};

/// Compare-and-set: `KEYS[1]` becomes `ARGV[2]` only if it still holds `ARGV[1]` (a missing key
/// reads as `"0"`). `ARGV[3]` is a TTL in ms (`"0"` = none). Returns 1 if written, 0 if not.
const CAS_LUA: &str = r"
local cur = redis.call('GET', KEYS[1])
if not cur then cur = '0' end
if cur ~= ARGV[1] then return 0 end
if ARGV[3] == '0' then
  redis.call('SET', KEYS[1], ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return 1
";

/// Why a check failed.
#[derive(Debug)]
pub enum LimiterError {
    /// Redis could not be reached or answered an error.
    Store(RedisError),
    /// The core refused the input (for example a cost above the burst).
    Core(avalo_core::Error),
    /// The stored value is not an integer state.
    CorruptState(String),
}

impl std::fmt::Display for LimiterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LimiterError::Store(e) => write!(f, "limiter store: {e}"),
            LimiterError::Core(e) => write!(f, "{e}"),
            LimiterError::CorruptState(s) => write!(f, "limiter state {s:?} is not an integer"),
        }
    }
}

impl std::error::Error for LimiterError {}

impl From<RedisError> for LimiterError {
    fn from(e: RedisError) -> Self {
        LimiterError::Store(e)
    }
}

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

/// One server's handle on the shared limiter: a Redis connection and the CAS script.
pub struct RedisLimiter {
    conn: Connection,
    cas: Script,
    expire: bool,
    /// Compare-and-set attempts that lost a race and were retried (for reporting).
    pub conflicts: u64,
}

impl RedisLimiter {
    /// Connects to Redis (`redis://127.0.0.1:6379/`). With `expire`, keys get a TTL at the
    /// moment their bucket is full again (plus a second), so idle subjects cost no memory; only
    /// use it when `now_ms` is the real clock, since Redis expires keys in real time.
    pub fn connect(url: &str, expire: bool) -> Result<RedisLimiter, LimiterError> {
        let conn = redis::Client::open(url)?.get_connection()?;
        Ok(RedisLimiter { conn, cas: Script::new(CAS_LUA), expire, conflicts: 0 })
    }

    /// Reads the stored state of a key (0 when missing).
    pub fn state(&mut self, key: &str) -> Result<i64, LimiterError> {
        let raw: Option<String> = redis::cmd("GET").arg(key).query(&mut self.conn)?;
        match raw {
            None => Ok(0),
            Some(s) => s.parse().map_err(|_| LimiterError::CorruptState(s)),
        }
    }

    /// One decision for `key` at `now_ms`: read, decide with the core, compare-and-set.
    pub fn check(
        &mut self,
        key: &str,
        limit: &RateLimit,
        now_ms: i64,
        cost: u32,
    ) -> Result<LimitDecision, LimiterError> {
        loop {
            let state = self.state(key)?;
            let d = decide(limit, state, now_ms, cost).map_err(LimiterError::Core)?;
            if d.new_state == state {
                return Ok(d); // denied or peek: nothing to write
            }
            let ttl = if self.expire {
                let full_at_ms = d.new_state / limit.ticks_per_ms() + 1;
                (full_at_ms - now_ms).max(0) + 1_000
            } else {
                0
            };
            let written: i64 = self
                .cas
                .key(key)
                .arg(state.to_string())
                .arg(d.new_state.to_string())
                .arg(ttl)
                .invoke(&mut self.conn)?;
            if written == 1 {
                return Ok(d);
            }
            self.conflicts += 1;
        }
    }

    /// [`check`](Self::check), but a store failure is answered by the action's failure policy
    /// (`open` → allowed, `closed` → denied) as [`Outcome::StoreFailed`]. Core refusals are
    /// still errors: they are the caller's bug, not an outage.
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
            Err(LimiterError::Store(_)) => Ok(Outcome::StoreFailed { allowed: on_failure == FailurePolicy::Open }),
            Err(e) => Err(e),
        }
    }
}
