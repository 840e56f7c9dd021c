//! Property tests for operations (SPEC §15): every function is total over its whole input range,
//! the release gate is monotone in the error rate, and routing deadlines never precede the alert.

use avalo_core::ops::{
    end_of_next_business_day, migration_permission, release_gate, route, secret_rotation, triage, ComplianceGate,
    Environment, GateCheck, IncidentSignal, MigrationDirection, MigrationRequest, OpsResult, ReleaseAction,
    ReleaseChannel, ReleaseGateRequest, SecretState, Severity,
};
use avalo_core::risk::ReadinessStatus;
use avalo_core::{ErrorCode, Policy};
use proptest::prelude::*;

fn channel() -> impl Strategy<Value = ReleaseChannel> {
    prop_oneof![
        Just(ReleaseChannel::Android),
        Just(ReleaseChannel::Ios),
        Just(ReleaseChannel::Web),
        Just(ReleaseChannel::Backend)
    ]
}

fn all_pass() -> Vec<GateCheck> {
    ComplianceGate::ALL.iter().map(|&gate| GateCheck { gate, status: ReadinessStatus::Pass }).collect()
}

#[test]
fn default_severities_are_the_spec_table() {
    let p = Policy::default();
    assert_eq!(p.ops.severities.len(), IncidentSignal::ALL.len());
    let p0 = IncidentSignal::ALL.iter().filter(|s| p.ops.severities.get(s) == Some(&Severity::P0)).count();
    assert_eq!(p0, 10);
}

#[test]
fn extremes_are_typed_errors() {
    let p = Policy::default();
    assert_eq!(route(&p, Severity::P0, i64::MAX).map_err(|e| e.code), Err(ErrorCode::InvalidInput));
    assert_eq!(end_of_next_business_day(i64::MAX).map_err(|e| e.code), Err(ErrorCode::InvalidInput));
    assert_eq!(secret_rotation(&p, i64::MAX, i64::MAX).map_err(|e| e.code), Err(ErrorCode::InvalidInput));
    let s = secret_rotation(&p, i64::MIN, i64::MAX);
    assert!(matches!(s, Ok(ref s) if s.state == SecretState::Overdue && s.age_ms == u64::MAX), "{s:?}");
    let r = ReleaseGateRequest {
        channel: ReleaseChannel::Web,
        stage_percent: 10,
        entered_at_ms: i64::MAX,
        now_ms: i64::MAX,
        sessions: u64::MAX,
        error_bp: 0,
        crash_free_bp: None,
        gates: all_pass(),
    };
    assert_eq!(release_gate(&p, &r).map_err(|e| e.code), Err(ErrorCode::InvalidInput));
}

proptest! {
    /// Never a panic, whatever the numbers.
    #[test]
    fn release_gate_is_total(
        channel in channel(), stage in 0u32..=101, entered in any::<i64>(), now in any::<i64>(),
        sessions in any::<u64>(), error_bp in 0u32..=10_100, crash in proptest::option::of(0u32..=10_100),
        gates in 0usize..=9,
    ) {
        let r = ReleaseGateRequest {
            channel, stage_percent: stage, entered_at_ms: entered, now_ms: now, sessions, error_bp,
            crash_free_bp: crash, gates: all_pass().into_iter().take(gates).collect(),
        };
        let _ = release_gate(&Policy::default(), &r);
    }

    /// A higher error rate never moves a rollout further than a lower one.
    #[test]
    fn release_gate_is_monotone_in_the_error_rate(
        channel in channel(), low in 0u32..=200, extra in 0u32..=200, crash in 9_800u32..=10_000,
        soaked in any::<bool>(),
    ) {
        let p = Policy::default();
        let now = 1_795_176_000_000i64;
        let req = |error_bp| ReleaseGateRequest {
            channel, stage_percent: p.ops.release.stages(channel).first().copied().unwrap_or(10), entered_at_ms: now - if soaked { 90_000_000 } else { 1 },
            now_ms: now, sessions: 5_000, error_bp, crash_free_bp: Some(crash), gates: all_pass(),
        };
        let rank = |a: ReleaseAction| match a { ReleaseAction::RollBack => 0, ReleaseAction::Hold => 1, _ => 2 };
        let a = release_gate(&p, &req(low)).map(|d| rank(d.action)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let b = release_gate(&p, &req(low + extra)).map(|d| rank(d.action)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(b <= a);
    }

    /// Acknowledgement deadlines are after the alert; a P3 is due within 4 days.
    #[test]
    fn routes_are_after_the_alert(t in -(1i64 << 45)..(1i64 << 45)) {
        let p = Policy::default();
        for s in [Severity::P0, Severity::P1, Severity::P2, Severity::P3] {
            let r = route(&p, s, t).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(r.ack_by_ms > t);
            prop_assert!(r.ack_by_ms - t <= 4 * 86_400_000);
        }
    }

    /// Triage never panics on any load, limiter or cap numbers.
    #[test]
    fn triage_is_total(count in any::<u64>(), cap in any::<u64>(), v in any::<u64>(), t in any::<i64>()) {
        let p = Policy::default();
        let _ = triage(&p, &OpsResult::CountryCap { count, cap }, t);
        let _ = triage(&p, &OpsResult::RateLimiter { store_failing: v % 2 == 0, violations_last_hour: v }, t);
    }

    /// Migrations: never a panic; a production real run without force is never permitted to run.
    #[test]
    fn migrations_are_total(cur in "[0-9.]{0,12}", tgt in "[0-9.]{0,12}", up in any::<bool>(), dry in any::<bool>()) {
        let req = MigrationRequest {
            environment: Environment::Production,
            direction: if up { MigrationDirection::Up } else { MigrationDirection::Down },
            current: cur, target: tgt, dry_run: dry, force: false,
        };
        if let Ok(d) = migration_permission(&req) {
            prop_assert!(dry || d.action == avalo_core::ops::MigrationAction::NoOp);
        }
    }
}
