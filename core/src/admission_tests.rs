//! Unit and property tests of `core/src/admission.rs`: `admit` agrees with the §7.1 and §7.2
//! building blocks (`check_signup`, `check_country_cap`) wherever they overlap.

use super::*;
use crate::launch::{check_signup, SignupRequest};
use crate::rollout::{check_country_cap, CapRequest};
use proptest::prelude::*;

const NOW: i64 = 1_795_176_000_000; // 2026-11-20 12:00 UTC

fn base(operation: AdmissionOperation) -> AdmissionRequest {
    AdmissionRequest {
        operation,
        mode: LaunchMode::GlobalLaunch,
        birth_date: "1990-05-15".into(),
        country: "PL".into(),
        phase: Some(RolloutPhase::Public),
        overrides: CapOverrides::default(),
        on_allowlist: None,
        invite_code: None,
        invite: None,
        mode_counter: DailyCounter::default(),
        country_counter: DailyCounter::default(),
        overloaded: false,
        queue_length: 0,
        now_ms: NOW,
    }
}

#[test]
fn midnight_is_strictly_after_now() {
    assert_eq!(next_utc_midnight(0), Ok(DAY_MS));
    assert_eq!(next_utc_midnight(DAY_MS - 1), Ok(DAY_MS));
    assert_eq!(next_utc_midnight(-1), Ok(0));
    assert!(next_utc_midnight(i64::MAX).is_err());
}

#[test]
fn common_signup_is_admitted_and_counts() {
    let d = admit(&Policy::default(), &base(AdmissionOperation::Signup));
    assert!(
        matches!(
            d,
            Ok(Admission::Admitted {
                mode_counter: Some(DailyCounter { count: 1, .. }),
                country_counter: DailyCounter { count: 1, .. },
                ..
            })
        ),
        "{d:?}"
    );
}

#[test]
fn queue_near_the_end_of_time_still_has_a_retry_time() {
    let mut r = base(AdmissionOperation::Signup);
    r.overloaded = true;
    r.now_ms = 253_402_300_799_000; // 9999-12-31T23:59:59Z, within chrono's range
    let p = Policy::default();
    assert!(matches!(admit(&p, &r), Ok(Admission::Queued { .. })));
}

#[test]
fn counters_before_the_epoch_are_invalid() {
    let mut r = base(AdmissionOperation::Purchase);
    r.country_counter.updated_at_ms = -1;
    assert_eq!(admit(&Policy::default(), &r).map(|_| ()).map_err(|e| e.code), Err(ErrorCode::InvalidInput));
}

fn modes() -> impl Strategy<Value = LaunchMode> {
    prop_oneof![
        Just(LaunchMode::InternalTest),
        Just(LaunchMode::ClosedBeta),
        Just(LaunchMode::SoftLaunch),
        Just(LaunchMode::GlobalLaunch),
    ]
}

fn live_phases() -> impl Strategy<Value = RolloutPhase> {
    prop_oneof![Just(RolloutPhase::Alpha), Just(RolloutPhase::Soft), Just(RolloutPhase::Public)]
}

fn counter() -> impl Strategy<Value = DailyCounter> {
    // count around the default caps; stamped yesterday, today, or tomorrow (clock skew)
    (prop_oneof![0u64..3, 48u64..52, 98u64..102, 498u64..502, 998u64..1002, 1998u64..2002], -1i64..=1)
        .prop_map(|(count, day)| DailyCounter { count, updated_at_ms: NOW + day * DAY_MS - 3_600_000 })
}

prop_compose! {
    fn signup_request()(
        mode in modes(),
        year in 1990i32..2012,
        country in prop_oneof![Just("PL"), Just("cz"), Just("US"), Just("de")],
        allow in prop_oneof![Just(None), Just(Some(true)), Just(Some(false))],
        code in prop_oneof![Just(None), Just(Some("ABC")), Just(Some("xyz"))],
        used in 0u64..4,
        mode_counter in counter(),
        country_counter in counter(),
    ) -> AdmissionRequest {
        AdmissionRequest {
            mode,
            birth_date: format!("{year}-11-20"),
            country: country.into(),
            on_allowlist: allow,
            invite_code: code.map(String::from),
            invite: Some(InviteRecord { code: "abc".into(), used_count: used, max_uses: 3 }),
            mode_counter,
            country_counter,
            ..base(AdmissionOperation::Signup)
        }
    }
}

fn old_signup(p: &Policy, r: &AdmissionRequest) -> Result<launch::SignupDecision> {
    check_signup(
        p,
        &SignupRequest {
            mode: r.mode,
            birth_date: r.birth_date.clone(),
            country: r.country.clone(),
            on_allowlist: r.on_allowlist,
            invite_code: r.invite_code.clone(),
            invite: r.invite.clone(),
            signups_today: r.mode_counter,
            now_ms: r.now_ms,
        },
    )
}

fn old_cap(p: &Policy, r: &AdmissionRequest) -> Result<rollout::CapDecision> {
    check_country_cap(
        p,
        &CapRequest {
            phase: r.phase,
            overrides: r.overrides,
            kind: r.operation.cap_kind(),
            counter: r.country_counter,
            now_ms: r.now_ms,
        },
    )
}

proptest! {
    /// A signup in a country with no phase, without overload: exactly `check_signup`.
    #[test]
    fn signup_without_phase_agrees_with_check_signup(mut r in signup_request()) {
        r.phase = None;
        let p = Policy::default();
        let new = admit(&p, &r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match old_signup(&p, &r) {
            Ok(d) => {
                let Admission::Admitted { country, age_years, mode_counter, invite_used_count, .. } = new else {
                    return Err(TestCaseError::fail(format!("{new:?}")));
                };
                prop_assert_eq!(country, d.country);
                prop_assert_eq!(age_years, d.age_years);
                prop_assert_eq!(mode_counter, Some(d.signups_today));
                prop_assert_eq!(invite_used_count, d.invite_used_count);
            }
            Err(e) => prop_assert_eq!(new.code(), Some(e.code)),
        }
    }

    /// A signup in a live-phase country the mode lists: `check_signup`, then `check_country_cap`.
    #[test]
    fn signup_with_phase_agrees_with_both(mut r in signup_request(), phase in live_phases()) {
        r.phase = Some(phase);
        let p = Policy::default();
        let rule = p.launch.rule(r.mode);
        let listed = CountryCode::parse(&r.country).is_ok_and(|c| launch::mode_admits_country(&p, rule, c));
        prop_assume!(listed);
        let new = admit(&p, &r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match old_signup(&p, &r).and_then(|s| old_cap(&p, &r).map(|c| (s, c))) {
            Ok((s, c)) => {
                let Admission::Admitted { mode_counter, country_counter, .. } = new else {
                    return Err(TestCaseError::fail(format!("{new:?}")));
                };
                prop_assert_eq!(mode_counter, Some(s.signups_today));
                prop_assert_eq!(country_counter, c.counter);
            }
            Err(e) => prop_assert_eq!(new.code(), Some(e.code)),
        }
    }

    /// Purchases and onboarding of adults: exactly `check_country_cap`, in every mode and phase.
    #[test]
    fn paid_operations_agree_with_check_country_cap(
        mode in modes(),
        onboarding in any::<bool>(),
        phase in prop_oneof![Just(None), live_phases().prop_map(Some), Just(Some(RolloutPhase::Pause))],
        users in proptest::option::of(0u64..3),
        creators in proptest::option::of(0u64..3),
        country_counter in counter(),
        overloaded in any::<bool>(),
    ) {
        let op = if onboarding { AdmissionOperation::CreatorOnboarding } else { AdmissionOperation::Purchase };
        let r = AdmissionRequest {
            mode,
            phase,
            overrides: CapOverrides { users, payments: None, creators },
            country_counter,
            overloaded: overloaded && !onboarding,
            country: "US".into(),
            ..base(op)
        };
        let p = Policy::default();
        let new = admit(&p, &r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match old_cap(&p, &r) {
            Ok(c) => {
                let Admission::Admitted { mode_counter, country_counter, .. } = new else {
                    return Err(TestCaseError::fail(format!("{new:?}")));
                };
                prop_assert_eq!(mode_counter, None);
                prop_assert_eq!(country_counter, c.counter);
            }
            Err(e) => prop_assert_eq!(new.code(), Some(e.code)),
        }
    }
}

proptest! {
    /// Never a panic, whatever the strings, counters and times.
    #[test]
    fn admit_is_total(
        birth in "[0-9-]{0,11}", country in ".{0,3}", now in any::<i64>(), count in any::<u64>(),
        at in any::<i64>(), queue in any::<u64>(), overloaded in any::<bool>(), op in 0u8..3,
    ) {
        let operation = match op {
            0 => AdmissionOperation::Signup,
            1 => AdmissionOperation::Purchase,
            _ => AdmissionOperation::CreatorOnboarding,
        };
        let c = DailyCounter { count, updated_at_ms: at };
        let r = AdmissionRequest {
            birth_date: birth, country, now_ms: now, mode_counter: c, country_counter: c, queue_length: queue,
            overloaded, ..base(operation)
        };
        let _ = admit(&Policy::default(), &r);
    }
}
