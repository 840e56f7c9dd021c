//! The GCRA step (SPEC §6.1): [`LimitSpec`] → [`RateLimit`] → [`decide`].

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// A limit as written in a policy: `limit` requests per `window_ms`, bucket capacity `burst`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LimitSpec {
    /// Requests refilled per window (≥ 1).
    pub limit: u32,
    /// Window length in ms (≥ 1).
    pub window_ms: u64,
    /// Bucket capacity: the most requests admitted at once (≥ 1).
    pub burst: u32,
}

/// A validated limit, ready for [`decide`]. Build it once (with [`RateLimit::new`]) and reuse
/// it: every derived number is computed here so that a decision is a few integer operations.
///
/// Time inside the limiter is counted in *ticks* of `1 / ticks_per_ms` ms, where
/// `ticks_per_ms = limit / gcd(window_ms, limit)`; the emission interval (the time one request
/// takes to refill) is then exactly `interval_ticks = window_ms / gcd(window_ms, limit)` ticks.
/// When `window_ms / limit` is a whole number of milliseconds (every SPEC default), a tick *is*
/// a millisecond and the state is the theoretical arrival time in plain ms.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RateLimit {
    /// Requests refilled per window.
    limit: u32,
    /// Window length, ms.
    window_ms: u64,
    /// Bucket capacity.
    burst: u32,
    /// Ticks per millisecond (1 whenever the emission interval is a whole number of ms).
    ticks_per_ms: i64,
    /// Emission interval in ticks: one request refills every `interval_ticks` ticks.
    interval_ticks: i64,
    /// `burst × interval_ticks`: how far ahead of now the state may run.
    capacity_ticks: i64,
    /// The largest `now_ms` whose state fits an `i64`: `(i64::MAX − capacity_ticks) / ticks_per_ms`.
    /// Not serialised (it is near 2^63, beyond what JSON readers hold exactly); see the getter.
    #[serde(skip)]
    max_now_ms: i64,
    /// Lemire's fast-division constant for `interval_ticks` (0 = divide normally).
    #[serde(skip)]
    magic: u64,
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let r = a % b;
        a = b;
        b = r;
    }
    a
}

impl RateLimit {
    /// Validates a spec: `limit`, `window_ms` and `burst` all ≥ 1, and `burst × interval` must
    /// fit the `i64` state (otherwise `INVALID_INPUT`).
    pub fn new(spec: LimitSpec) -> Result<RateLimit> {
        let LimitSpec { limit, window_ms, burst } = spec;
        if limit == 0 || window_ms == 0 || burst == 0 {
            return Err(Error::invalid(format!(
                "rate limit needs limit, window_ms and burst ≥ 1 (got {limit} per {window_ms} ms, burst {burst})"
            )));
        }
        let g = gcd(window_ms, u64::from(limit));
        let too_large = || {
            Error::invalid(format!(
                "rate limit {limit} per {window_ms} ms, burst {burst} is too large for an i64 state"
            ))
        };
        let interval_ticks = i64::try_from(window_ms / g).map_err(|_| too_large())?;
        let ticks_per_ms = i64::try_from(u64::from(limit) / g).map_err(|_| too_large())?;
        let capacity_ticks = interval_ticks.checked_mul(i64::from(burst)).ok_or_else(too_large)?;
        // Lemire, Kaser & Kurz (2019): for n, d < 2^32 and d ≥ 2, n / d == (M·n) >> 64 with
        // M = ⌊(2^64 − 1) / d⌋ + 1. Every dividend here is ≤ capacity_ticks.
        let magic = if interval_ticks >= 2 && capacity_ticks <= i64::from(u32::MAX) {
            u64::MAX / interval_ticks.unsigned_abs() + 1
        } else {
            0
        };
        let max_now_ms = (i64::MAX - capacity_ticks) / ticks_per_ms;
        Ok(RateLimit { limit, window_ms, burst, ticks_per_ms, interval_ticks, capacity_ticks, max_now_ms, magic })
    }

    /// The spec this limit was built from.
    pub fn spec(&self) -> LimitSpec {
        LimitSpec { limit: self.limit, window_ms: self.window_ms, burst: self.burst }
    }
    /// Bucket capacity (the most requests admitted at once).
    pub fn burst(&self) -> u32 {
        self.burst
    }
    /// Ticks per millisecond: the unit of the state is `1 / ticks_per_ms` ms.
    pub fn ticks_per_ms(&self) -> i64 {
        self.ticks_per_ms
    }
    /// Emission interval in ticks (the exact refill time of one request).
    pub fn interval_ticks(&self) -> i64 {
        self.interval_ticks
    }
    /// `burst × interval_ticks`.
    pub fn capacity_ticks(&self) -> i64 {
        self.capacity_ticks
    }
    /// The largest `now_ms` [`decide`] accepts: the state of any decision up to then fits an
    /// `i64`.
    pub fn max_now_ms(&self) -> i64 {
        self.max_now_ms
    }

    /// `n / interval_ticks` for `0 ≤ n ≤ capacity_ticks`.
    #[inline(always)]
    fn whole_requests(&self, n: i64) -> u32 {
        // Proven safe (hot path, so a plain cast): 0 ≤ n, so the cast is exact.
        #[allow(clippy::cast_sign_loss)]
        let n = n as u64;
        let q = if self.magic != 0 {
            ((u128::from(self.magic) * u128::from(n)) >> 64) as u64
        } else {
            #[allow(clippy::cast_sign_loss)]
            let interval = self.interval_ticks as u64; // interval_ticks ≥ 1: exact
            n / interval
        };
        // q ≤ capacity / interval = burst ≤ u32::MAX, so the cast is exact.
        q as u32
    }
}

/// The outcome of one rate-limit decision.
///
/// It carries no policy fingerprint on purpose: `decide` is a nanosecond-hot path and does not
/// see the policy (the [`RateLimit`] was built from it once).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LimitDecision {
    /// Whether the request is admitted.
    pub allowed: bool,
    /// Whole requests (of cost 1) that could still be admitted now, after this decision.
    pub remaining: u32,
    /// Exact wait in ms until this request would be admitted if nothing else happened; 0 when
    /// allowed.
    pub retry_after_ms: u64,
    /// The state to store (unchanged when denied or peeking, so no write is needed).
    pub new_state: i64,
}

#[cold]
#[inline(never)]
fn refuse(limit: &RateLimit, state: i64, now_ms: i64, cost: u32) -> Error {
    let what = if cost > limit.burst {
        format!("cost {cost} exceeds the burst {}, so it could never be admitted", limit.burst)
    } else if now_ms < 0 || state < 0 {
        format!("negative time or state (now_ms {now_ms}, state {state})")
    } else {
        format!("now_ms {now_ms} is beyond {} ms, the largest time this limit's state can represent", limit.max_now_ms)
    };
    Error::invalid(format!("rate limit decision: {what}"))
}

/// One GCRA decision (SPEC §6.1) for a subject whose stored state is `state`, at `now_ms`,
/// for a request costing `cost`.
///
/// - `state` is the theoretical arrival time in ticks of the `limit` (plain ms for every SPEC
///   default, see [`RateLimit`]). **0 means a new subject** and starts with a full bucket, as
///   does any state at or before now. Store `new_state`; it changes only when a request is
///   admitted.
/// - `cost` is what the request takes (1 for an ordinary request). A cost above the burst could
///   never be admitted and is refused with `INVALID_INPUT`.
/// - `cost = 0` is a **peek**: nothing is taken and the state is returned unchanged; the
///   decision reports whether a request of cost 1 would be admitted now (`allowed`), the whole
///   requests available (`remaining`) and the exact wait for one (`retry_after_ms`).
/// - Time going backwards (clock skew between servers) never grants capacity: the bucket only
///   refills as `now_ms` passes the stored arrival time.
/// - A denied request takes nothing and leaves the state as it was.
/// - A negative `now_ms` or `state`, or a `now_ms` above [`RateLimit::max_now_ms`] (about 292
///   million years after 1970 for a ms-tick limit), is `INVALID_INPUT`. Within those bounds no
///   arithmetic can overflow, so a decision never panics.
#[inline(always)]
pub fn decide(limit: &RateLimit, state: i64, now_ms: i64, cost: u32) -> Result<LimitDecision> {
    if cost > limit.burst || (state | now_ms) < 0 || now_ms > limit.max_now_ms {
        return Err(refuse(limit, state, now_ms, cost));
    }
    // 0 ≤ now_ms ≤ max_now_ms, so now + capacity_ticks ≤ i64::MAX: none of the operations
    // below can overflow.
    let now = now_ms * limit.ticks_per_ms;
    let take = i64::from(cost.max(1)) * limit.interval_ticks; // ≤ capacity_ticks (cost ≤ burst)
    let base = if state > now { state } else { now };
    let used = base - now; // ≥ 0
    let room = limit.capacity_ticks - take; // ≥ 0
    if used <= room {
        // admitted; a peek takes nothing
        let (new_state, left) =
            if cost == 0 { (state, limit.capacity_ticks - used) } else { (base + take, room - used) };
        Ok(LimitDecision { allowed: true, remaining: limit.whole_requests(left), retry_after_ms: 0, new_state })
    } else {
        // Admitted once now reaches base − room (> now), rounded up to a whole ms: retry > 0.
        let free_at = base - room;
        let k = limit.ticks_per_ms;
        let retry = if k == 1 { free_at - now } else { free_at / k + i64::from(free_at % k != 0) - now_ms };
        // Proven safe: free_at > now, so retry > 0 and the cast is exact.
        #[allow(clippy::cast_sign_loss)]
        let retry_ms = retry as u64;
        let remaining =
            if used >= limit.capacity_ticks { 0 } else { limit.whole_requests(limit.capacity_ticks - used) };
        Ok(LimitDecision { allowed: false, remaining, retry_after_ms: retry_ms, new_state: state })
    }
}

/// One request of a timeline: when it arrives and what it costs.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LimitRequest {
    /// Arrival time, ms since the epoch.
    pub now_ms: i64,
    /// Cost (0 = peek).
    pub cost: u32,
}

/// The outcome of [`decide_sequence`].
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LimitSequence {
    /// One decision per request, in order.
    pub decisions: Vec<LimitDecision>,
    /// How many requests were admitted (peeks are not counted).
    pub admitted: u64,
    /// The state after the last request.
    pub state: i64,
}

/// Replays a timeline of requests against one subject, starting from `state` (0 = new subject),
/// threading the state from each decision to the next. Any invalid request fails the whole call
/// with `INVALID_INPUT` naming its index.
pub fn decide_sequence(limit: &RateLimit, state: i64, requests: &[LimitRequest]) -> Result<LimitSequence> {
    let mut out = LimitSequence { decisions: Vec::with_capacity(requests.len()), admitted: 0, state };
    for (i, r) in requests.iter().enumerate() {
        let d = decide(limit, out.state, r.now_ms, r.cost)
            .map_err(|e| Error::invalid(format!("request {i}: {}", e.reason)))?;
        out.admitted += u64::from(d.allowed && r.cost > 0);
        out.state = d.new_state;
        out.decisions.push(d);
    }
    Ok(out)
}

/// One independent subject of a [`decide_batch`] call.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LimitBatchItem {
    /// The subject's stored state (0 = new subject).
    pub state: i64,
    /// Time of the request, ms since the epoch.
    pub now_ms: i64,
    /// Cost (0 = peek).
    pub cost: u32,
}

/// Decides many independent subjects under one limit in one call (one FFI crossing for a
/// server's worth of work). Any invalid item fails the whole call with `INVALID_INPUT` naming
/// its index.
pub fn decide_batch(limit: &RateLimit, items: &[LimitBatchItem]) -> Result<Vec<LimitDecision>> {
    items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            decide(limit, it.state, it.now_ms, it.cost).map_err(|e| Error::invalid(format!("item {i}: {}", e.reason)))
        })
        .collect()
}
