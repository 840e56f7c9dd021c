//! Rate limiting (SPEC §6): a GCRA token bucket whose whole state is one `i64`, the default
//! action tables, the failure policy, and subject keys.
//!
//! # The limiter
//! A bucket holds `burst` requests and refills continuously at `limit` per `window_ms`. GCRA
//! stores only the *theoretical arrival time* (TAT): the bucket is full whenever the TAT is at
//! or before now, and a request of cost `c` is admitted when the TAT, after adding `c` emission
//! intervals, runs at most `burst` intervals ahead of now. A host keeps that one integer per
//! (subject, action) in any store with compare-and-set: read it, call [`decide`], write
//! `new_state` back only if it changed (see `examples/redis-limiter/`).
//!
//! Choices where the SPEC is silent:
//! - **Unit of the state.** The emission interval `window_ms / limit` need not be a whole
//!   number of ms (7 per minute is 8 571.43 ms). To stay exact, time inside the limiter is
//!   counted in ticks of `1 / ticks_per_ms` ms with `ticks_per_ms = limit / gcd(window_ms,
//!   limit)`, which makes the interval a whole number of ticks. For every SPEC default the
//!   interval is whole (login: 30 000 ms, message_send: 36 000 ms), `ticks_per_ms` is 1 and the
//!   state is simply the TAT in ms. A state is only meaningful with the limit that produced it.
//! - **New subjects.** State 0 (and any state at or before now) is a full bucket: hosts store 0
//!   (or nothing) for a subject never seen.
//! - **Costs.** Cost 0 is a peek: nothing is taken, the state comes back unchanged, and the
//!   decision tells whether one request (cost 1) would pass now, how many whole requests are
//!   available and the exact wait for one. A cost above `burst` could never be admitted and is
//!   `INVALID_INPUT`, never a silent deny.
//! - **Denials take nothing.** A denied request leaves the state unchanged, so it needs no write,
//!   and its `retry_after_ms` is exact: the same request is admitted at `now + retry_after_ms`
//!   (not one ms earlier) if nothing else happened. `remaining` is counted after the decision.
//! - **Clock skew.** A `now_ms` earlier than a previous one grants nothing: the stored TAT only
//!   becomes capacity as `now_ms` passes it.
//! - **Range.** `now_ms` and `state` must be ≥ 0 and `now_ms` at most
//!   [`RateLimit::max_now_ms`] (`(i64::MAX − burst × interval) / ticks_per_ms`, about 292 million
//!   years for a ms-tick limit), so that no state can overflow; anything else is
//!   `INVALID_INPUT`. Within those bounds no operation can overflow or panic.
//! - **Policy fingerprint.** Decisions do not carry the fingerprint: `decide` is nanosecond-hot
//!   and never sees the policy. Lookups ([`action_limit`]) read the policy.
//!
//! # Tables
//! [`RateLimitPolicy`] holds SPEC §6.2 as data: the per-user actions and the API profile
//! (`auth`, `api`, `payment`, `ip`) in one name → rule map, each rule with its §6.3 failure
//! policy. The SPEC gives the API profile no burst, so its burst equals its limit. The tier
//! multiplier (free ×1, plus ×2, intimate ×2, creator ×3) applies to `tier_scaled` actions (only
//! `api` by default) and multiplies both `limit` and `burst` (a creator gets 300 per minute,
//! 300 at once). Hosts may change numbers and add actions; the twelve SPEC actions must stay.
//!
//! # Subjects
//! [`validate_subject`] checks a key (1–128 UTF-8 bytes, no control characters);
//! [`hash_subject`] turns any client-supplied identifier into a safe key (SHA-256 hex).
//!
//! # Retrying
//! The retry strategy of SPEC §11 is [`crate::error::retry_delay`]: for `RATE_LIMITED` pass the
//! decision's `retry_after_ms` (the client then waits at least 1 000 ms).

mod gcra;
mod subject;
mod table;

pub use gcra::{
    decide, decide_batch, decide_sequence, LimitBatchItem, LimitDecision, LimitRequest, LimitSequence, LimitSpec,
    RateLimit,
};
pub use subject::{hash_subject, validate_subject, MAX_SUBJECT_BYTES};
pub use table::{
    action_limit, decide_action, failure_policy, list_actions, ActionLimit, ActionRule, FailurePolicy, RateLimitPolicy,
    TierMultipliers, SPEC_ACTIONS,
};

#[cfg(test)]
mod tests;
