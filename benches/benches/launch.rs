//! Criterion benches for launch control, risk and flags.
//! Run: `cargo bench -p avalo-benches --bench launch`.
//! Targets (issue 7): region risk and signup eligibility < 100 ns, flag bucket < 200 ns,
//! 50 flags for one user < 10 µs.

use avalo_benches::{bench_flag, LAUNCH_NOW};
use avalo_core::flags::{evaluate_flag, evaluate_flags, flag_bucket, FlagContext, FlagSet, Platform};
use avalo_core::launch::{check_signup, InviteRecord, LaunchMode, SignupRequest};
use avalo_core::risk::{region_risk, RegionMetrics};
use avalo_core::rollout::{check_country_cap, CapKind, CapOverrides, CapRequest, DailyCounter, RolloutPhase};
use avalo_core::Policy;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const NOW: i64 = LAUNCH_NOW;

fn benches(c: &mut Criterion) {
    let policy = Policy::default();
    let m = RegionMetrics {
        support_tickets: 73,
        safety_incidents: 22,
        revenue_minor: 312_345,
        installs: 1_000,
        verified: 299,
    };
    c.bench_function("region_risk", |b| b.iter(|| region_risk(&policy, black_box(&m))));

    let open = SignupRequest {
        mode: LaunchMode::SoftLaunch,
        birth_date: "1990-05-15".into(),
        country: "de".into(),
        on_allowlist: None,
        invite_code: None,
        invite: None,
        signups_today: DailyCounter { count: 1_234, updated_at_ms: NOW - 60_000 },
        now_ms: NOW,
    };
    c.bench_function("check_signup (soft launch, allowed)", |b| b.iter(|| check_signup(&policy, black_box(&open))));
    let beta = SignupRequest {
        mode: LaunchMode::ClosedBeta,
        invite_code: Some("BETA-2026".into()),
        invite: Some(InviteRecord { code: "beta-2026".into(), used_count: 3, max_uses: 10 }),
        ..open.clone()
    };
    c.bench_function("check_signup (closed beta, invite)", |b| b.iter(|| check_signup(&policy, black_box(&beta))));
    let minor = SignupRequest { birth_date: "2010-05-15".into(), ..open.clone() };
    c.bench_function("check_signup (refused, minor)", |b| b.iter(|| check_signup(&policy, black_box(&minor))));

    let cap = CapRequest {
        phase: Some(RolloutPhase::Soft),
        overrides: CapOverrides::default(),
        kind: CapKind::Payments,
        counter: DailyCounter { count: 5_000, updated_at_ms: NOW - 1 },
        now_ms: NOW,
    };
    c.bench_function("check_country_cap", |b| b.iter(|| check_country_cap(&policy, black_box(&cap))));

    c.bench_function("flag_bucket", |b| {
        b.iter(|| flag_bucket(black_box("chat_voice_notes"), black_box("f47ac10b-58cc-4372-a567-0e02b2c3d479")))
    });
    let ctx = FlagContext {
        user_id: "f47ac10b-58cc-4372-a567-0e02b2c3d479".into(),
        region: Some("PL".into()),
        platform: Some(Platform::Ios),
        environment: None,
        now_ms: NOW,
    };
    let one = bench_flag(1);
    c.bench_function("evaluate_flag (rollout)", |b| {
        b.iter(|| evaluate_flag(&policy, &[], black_box(&one), black_box(&ctx)))
    });
    let set = FlagSet { killed_groups: vec!["wallet".into()], flags: (0..50).map(bench_flag).collect() };
    c.bench_function("evaluate_flags (50 flags, one user)", |b| {
        b.iter(|| evaluate_flags(&policy, black_box(&set), black_box(&ctx)))
    });
}

criterion_group!(launch, benches);
criterion_main!(launch);
