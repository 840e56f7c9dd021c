//! Property tests for launch control, risk and flags (SPEC §7.1, §7.4, §8.1).

use avalo_core::flags::{evaluate_flag, flag_bucket, FlagContext, FlagDefinition, FlagRule};
use avalo_core::launch::{check_signup, InviteRecord, LaunchMode, SignupRequest};
use avalo_core::risk::{region_risk, RegionMetrics};
use avalo_core::rollout::DailyCounter;
use avalo_core::{ErrorCode, Policy};
use proptest::prelude::*;

const MAX: u64 = 1 << 40;

fn score(p: &Policy, m: RegionMetrics) -> u32 {
    region_risk(p, &m).map(|r| r.score).unwrap_or(u32::MAX)
}

fn metrics() -> impl Strategy<Value = RegionMetrics> {
    (0..MAX, 0..MAX, 0..MAX, 0..MAX, 0..=10_000u64).prop_map(|(t, i, r, n, share)| RegionMetrics {
        support_tickets: t % 300,
        safety_incidents: i % 300,
        revenue_minor: r % 1_000_000,
        installs: n % 10_000,
        verified: (n % 10_000) * share / 10_000,
    })
}

proptest! {
    /// More tickets, more incidents, less revenue, fewer verified users or more unverified
    /// installs never lower the score.
    #[test]
    fn risk_is_monotone_in_each_input(m in metrics(), d in 0..500u64) {
        let p = Policy::default();
        let base = score(&p, m);
        prop_assert!(base <= 9);
        let more = RegionMetrics { support_tickets: m.support_tickets + d, ..m };
        prop_assert!(score(&p, more) >= base);
        let more = RegionMetrics { safety_incidents: m.safety_incidents + d, ..m };
        prop_assert!(score(&p, more) >= base);
        let less = RegionMetrics { revenue_minor: m.revenue_minor.saturating_sub(d * 1_000), ..m };
        prop_assert!(score(&p, less) >= base);
        let less = RegionMetrics { verified: m.verified.saturating_sub(d), ..m };
        prop_assert!(score(&p, less) >= base);
        let more = RegionMetrics { installs: m.installs + d, ..m };
        prop_assert!(score(&p, more) >= base);
    }

    /// A user in a rollout at p stays in it at every p' > p.
    #[test]
    fn rollout_is_monotone_in_p(flag in "[a-z_]{1,24}", user in "[a-zA-Z0-9-]{1,36}", p in 0..=10_000u32, extra in 0..=10_000u32) {
        let policy = Policy::default();
        let ctx = FlagContext { user_id: user, region: None, platform: None, environment: None, now_ms: 0 };
        let def = |bp| FlagDefinition {
            name: flag.clone(), enabled: true, kill_switch: false, starts_at_ms: None, ends_at_ms: None,
            environments: None, regions: None, platforms: None, blocked_users: vec![], allowed_users: vec![], rollout_bp: bp,
        };
        let at = |bp| evaluate_flag(&policy, &[], &def(bp), &ctx).map_err(|e| TestCaseError::fail(e.to_string()));
        let low = at(p)?;
        let high = at((p + extra).min(10_000))?;
        prop_assert_eq!(low.rule, FlagRule::Rollout);
        prop_assert_eq!(low.bucket, high.bucket);
        prop_assert!(!low.on || high.on);
    }

    /// No mode, allowlist, invite or counter admits a minor.
    #[test]
    fn minors_are_always_refused(mode in 0..4usize, days_short in 1..3_000i64, allow in any::<Option<bool>>(), country in "[A-Z]{2}") {
        let now_ms = 1_795_176_000_000i64; // 2026-11-20
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
        let eighteen = chrono::NaiveDate::from_ymd_opt(2008, 11, 20).unwrap_or_default();
        let birth = eighteen + chrono::Days::new(days_short as u64);
        prop_assume!(birth <= today);
        let modes = [LaunchMode::InternalTest, LaunchMode::ClosedBeta, LaunchMode::SoftLaunch, LaunchMode::GlobalLaunch];
        let req = SignupRequest {
            mode: modes[mode],
            birth_date: birth.format("%Y-%m-%d").to_string(),
            country,
            on_allowlist: allow,
            invite_code: Some("CODE".into()),
            invite: Some(InviteRecord { code: "CODE".into(), used_count: 0, max_uses: 10 }),
            signups_today: DailyCounter::default(),
            now_ms,
        };
        let e = check_signup(&Policy::default(), &req).err().map(|e| e.code);
        prop_assert_eq!(e, Some(ErrorCode::AgeRestricted));
    }
}

/// For 100 000 users, every 10 % band of buckets holds 10 % ± 1 % of them, for several flags.
#[test]
fn flag_bucket_is_uniform() {
    for flag in ["new_onboarding", "chat_voice_notes", "wallet_v2", "x"] {
        let mut bands = [0u32; 10];
        for n in 0..100_000u32 {
            let b = flag_bucket(flag, &format!("user-{n}"));
            assert!(b < 10_000);
            if let Some(slot) = bands.get_mut((b / 1_000) as usize) {
                *slot += 1;
            }
        }
        for (i, count) in bands.iter().enumerate() {
            assert!((9_000..=11_000).contains(count), "{flag}: band {i} holds {count} of 100000");
        }
    }
}
