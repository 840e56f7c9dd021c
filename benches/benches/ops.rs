//! Criterion benches for admission (SPEC §13) and the release gate (SPEC §15.3).
//! Run: `cargo bench -p avalo-benches --bench ops`.
//! Targets (issue 17): `admit` < 150 ns for the common path (an allowed signup in a
//! public-phase country), the release gate < 100 ns.

use avalo_benches::LAUNCH_NOW;
use avalo_core::admission::{admit, AdmissionOperation, AdmissionRequest};
use avalo_core::launch::LaunchMode;
use avalo_core::ops::{release_gate, ComplianceGate, GateCheck, ReleaseChannel, ReleaseGateRequest};
use avalo_core::risk::ReadinessStatus;
use avalo_core::rollout::{CapOverrides, DailyCounter, RolloutPhase};
use avalo_core::Policy;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const NOW: i64 = LAUNCH_NOW;

fn benches(c: &mut Criterion) {
    let policy = Policy::default();
    let signup = AdmissionRequest {
        operation: AdmissionOperation::Signup,
        mode: LaunchMode::GlobalLaunch,
        birth_date: "1990-05-15".into(),
        country: "pl".into(),
        phase: Some(RolloutPhase::Public),
        overrides: CapOverrides::default(),
        on_allowlist: None,
        invite_code: None,
        invite: None,
        mode_counter: DailyCounter { count: 4_321, updated_at_ms: NOW - 60_000 },
        country_counter: DailyCounter { count: 1_234, updated_at_ms: NOW - 60_000 },
        overloaded: false,
        queue_length: 0,
        now_ms: NOW,
    };
    c.bench_function("admit (signup, public phase, admitted)", |b| b.iter(|| admit(&policy, black_box(&signup))));
    let purchase = AdmissionRequest { operation: AdmissionOperation::Purchase, ..signup.clone() };
    c.bench_function("admit (purchase, admitted)", |b| b.iter(|| admit(&policy, black_box(&purchase))));
    let queued = AdmissionRequest { overloaded: true, queue_length: 41, ..signup.clone() };
    c.bench_function("admit (signup, queued)", |b| b.iter(|| admit(&policy, black_box(&queued))));

    let gates: Vec<GateCheck> =
        ComplianceGate::ALL.iter().map(|&gate| GateCheck { gate, status: ReadinessStatus::Pass }).collect();
    let advance = ReleaseGateRequest {
        channel: ReleaseChannel::Ios,
        stage_percent: 20,
        entered_at_ms: NOW - 2 * 86_400_000,
        now_ms: NOW,
        sessions: 50_000,
        error_bp: 12,
        crash_free_bp: Some(9_950),
        gates,
    };
    c.bench_function("release_gate (ios, advance)", |b| b.iter(|| release_gate(&policy, black_box(&advance))));
    let rollback = ReleaseGateRequest { error_bp: 140, ..advance.clone() };
    c.bench_function("release_gate (ios, roll back)", |b| b.iter(|| release_gate(&policy, black_box(&rollback))));
}

criterion_group!(ops, benches);
criterion_main!(ops);
