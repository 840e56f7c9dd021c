//! Quickstart section: rate limiting (SPEC §6) and the retry strategy (SPEC §11).

use avalo_core::error::{retry_delay, ErrorCode, RetryDecision};
use avalo_core::pricing::SubscriptionTier;
use avalo_core::ratelimit::{self, FailurePolicy};
use avalo_core::Policy;

/// Prints the rate-limiting section of the tour.
pub fn tour(policy: &Policy) -> avalo_core::Result<()> {
    println!("\n== Rate limiting (SPEC §6): GCRA, the whole state is one integer");
    let login = ratelimit::action_limit(policy, "login", SubscriptionTier::Free)?;
    let spec = login.rate.spec();
    println!(
        "  login: {} per {} min, burst {}, one refills every {} ms; fails {}",
        spec.limit,
        spec.window_ms / 60_000,
        spec.burst,
        login.rate.interval_ticks() / login.rate.ticks_per_ms(),
        if login.on_failure == FailurePolicy::Closed { "closed (deny if the store is down)" } else { "open" }
    );
    let now = 1_795_176_000_000; // 2026-11-20 12:00 UTC
    let mut state = 0; // a subject never seen starts with a full bucket
    for _ in 0..10 {
        state = ratelimit::decide(&login.rate, state, now, 1)?.new_state;
    }
    let eleventh = ratelimit::decide(&login.rate, state, now, 1)?;
    println!(
        "  10 logins at 12:00:00 admitted; the 11th → allowed {}, retry after {} ms (state {state})",
        eleventh.allowed, eleventh.retry_after_ms
    );
    let later = ratelimit::decide(&login.rate, state, now + 30_000, 1)?;
    println!("  at 12:00:30 → allowed {}, remaining {}", later.allowed, later.remaining);
    if let RetryDecision::RetryAfter { delay_ms } =
        retry_delay(&policy.retry, ErrorCode::RateLimited, 1, 0, Some(eleventh.retry_after_ms))?
    {
        println!("  a client told RATE_LIMITED waits {delay_ms} ms");
    }
    for tier in [SubscriptionTier::Free, SubscriptionTier::Plus, SubscriptionTier::Creator] {
        let api = ratelimit::action_limit(policy, "api", tier)?;
        println!("  api for {tier:?}: {} per minute (×{})", api.rate.spec().limit, api.tier_multiplier);
    }
    let closed: Vec<&str> = ratelimit::SPEC_ACTIONS
        .iter()
        .copied()
        .filter(|a| ratelimit::failure_policy(policy, a) == Ok(FailurePolicy::Closed))
        .collect();
    println!("  fail closed when the limiter store is down: {}", closed.join(", "));
    let header = "203.0.113.7, 10.0.0.1\r\nX-Evil: 1";
    println!("  client header hashed into a safe key: {}…", &ratelimit::hash_subject(header)[..16]);
    print!("  backoff for SERVICE_DEGRADED at jitter 0.5:");
    for attempt in 1..=6 {
        match retry_delay(&policy.retry, ErrorCode::ServiceDegraded, attempt, 500_000, None)? {
            RetryDecision::RetryAfter { delay_ms } => print!(" {} s", delay_ms / 1_000),
            RetryDecision::GiveUp => print!(" → give up"),
            RetryDecision::DoNotRetry => print!(" → do not retry"),
        }
    }
    println!();
    Ok(())
}
