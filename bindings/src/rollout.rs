//! Facade of `core/src/rollout.rs`: country phases, daily caps, progression and the market
//! sequence (SPEC §7.2).

use crate::error::{guard, AvaloError};
use avalo_core::rollout::{self as core, *};
use avalo_core::Policy;

/// Checks one operation against its country's daily cap (SPEC §7.2): a counter from an
/// earlier UTC day counts as 0; allowed when `count < cap`, with the new counter to store;
/// otherwise `DAILY_LIMIT_REACHED`. A paused country is `COUNTRY_PAUSED`; a country with no
/// phase is not controlled (allowed).
#[uniffi::export]
pub fn check_country_cap(policy: &Policy, request: CapRequest) -> Result<CapDecision, AvaloError> {
    guard(|| Ok(core::check_country_cap(policy, &request)?))
}

/// The daily caps of a phase after per-country overrides (`None` keeps the phase default).
#[uniffi::export]
pub fn effective_caps(policy: &Policy, phase: RolloutPhase, overrides: CapOverrides) -> Result<PhaseCaps, AvaloError> {
    guard(|| Ok(core::effective_caps(policy, phase, &overrides)))
}

/// `soft` → `public` progression over the 7 completed UTC days before `now_ms`: recommended
/// when every criterion holds on every day; lists each failed criterion and day. A malformed
/// or repeated date, or verified above installs, is `INVALID_INPUT`.
#[uniffi::export]
pub fn progression_readiness(
    policy: &Policy,
    days: Vec<DayMetrics>,
    now_ms: i64,
) -> Result<ProgressionReport, AvaloError> {
    guard(|| {
        let days: Vec<core::DayMetrics> = days.into_iter().collect();
        Ok(core::progression_readiness(policy, &days, now_ms)?)
    })
}

/// The first market of the policy's sequence not yet launched (`None` when all are). A
/// malformed code is `INVALID_INPUT`.
#[uniffi::export]
pub fn next_market(policy: &Policy, launched: Vec<String>) -> Result<Option<String>, AvaloError> {
    guard(|| Ok(core::next_market(policy, &launched)?.map(|c| c.to_string())))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = avalo_core::Policy::default();
        let request = CapRequest {
            phase: Some(RolloutPhase::Alpha),
            overrides: CapOverrides { users: None, payments: Some(0), creators: None },
            kind: CapKind::Users,
            counter: DailyCounter { count: 99, updated_at_ms: 0 },
            now_ms: 0,
        };
        let d = check_country_cap(&p, request.clone()).unwrap();
        assert_eq!((d.cap, d.counter.count, d.remaining), (Some(100), 100, Some(0)));
        let payments = CapRequest { kind: CapKind::Payments, ..request };
        assert_eq!(check_country_cap(&p, payments).unwrap_err().code(), crate::ErrorCode::DailyLimitReached);
        let caps =
            effective_caps(&p, RolloutPhase::Soft, CapOverrides { users: None, payments: None, creators: Some(0) })
                .unwrap();
        assert_eq!((caps.users, caps.creators), (1_000, 0));
        let report = progression_readiness(&p, vec![], 1_795_176_000_000).unwrap();
        assert_eq!((report.recommended, report.failures.len()), (false, 7));
        assert_eq!(next_market(&p, vec!["pl".into()]).unwrap().as_deref(), Some("CZ"));
    }
}
