//! Benchmarks live in `benches/benches/`; the instruction-count workloads in `src/bin/icount.rs`.
//! This library holds the inputs both use, so a criterion figure and an instruction count
//! measure the same work.

#![allow(clippy::manual_is_multiple_of)] // `is_multiple_of` is newer than the 1.80 MSRV

use avalo_core::flags::{FlagDefinition, Platform};

/// 2026-11-20 12:00 UTC: the launch and flag benches' "now".
pub const LAUNCH_NOW: i64 = 1_795_176_000_000;

/// Flag `k` of the 50-flag bench set: a mix of disabled flags, end dates, region and platform
/// targeting, allow and block lists, and rollout percentages.
pub fn bench_flag(k: u32) -> FlagDefinition {
    FlagDefinition {
        name: format!("feature_{k:02}_rollout"),
        enabled: k % 7 != 0,
        kill_switch: false,
        starts_at_ms: None,
        ends_at_ms: if k % 5 == 0 { Some(LAUNCH_NOW + 1) } else { None },
        environments: None,
        regions: if k % 3 == 0 { Some(vec!["PL".into(), "DE".into(), "GB".into()]) } else { None },
        platforms: if k % 4 == 0 { Some(vec![Platform::Ios, Platform::Android]) } else { None },
        blocked_users: vec!["user-1".into()],
        allowed_users: vec!["user-2".into()],
        rollout_bp: (k * 211) % 10_001,
    }
}
