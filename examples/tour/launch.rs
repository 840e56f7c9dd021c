//! Quickstart section: launch modes, country caps, region risk, fraud and load, flags
//! (SPEC §7.1, §7.2, §7.4, §8).

use avalo_core::flags::{evaluate_flags, flag_bucket, FlagContext, FlagDefinition, FlagSet, Platform};
use avalo_core::launch::{check_mode_change, check_signup, InviteRecord, LaunchMode, ModeChangeRequest, SignupRequest};
use avalo_core::risk::{
    check_load, fraud_shield, region_risk, DeviceAccounts, FraudWindow, LoadMetrics, RegionMetrics,
};
use avalo_core::rollout::{check_country_cap, next_market, CapKind, CapRequest, DailyCounter, RolloutPhase};
use avalo_core::Policy;

const NOW: i64 = 1_795_176_000_000; // Friday 2026-11-20 12:00 UTC

fn outcome<T>(r: &avalo_core::Result<T>) -> String {
    match r {
        Ok(_) => "allowed".to_string(),
        Err(e) => e.code.to_string(),
    }
}

/// Prints the launch-control and risk section of the quickstart.
pub fn tour(policy: &Policy) -> avalo_core::Result<()> {
    println!("\n== Signup gating (SPEC §7.1): age first, then allowlist/invite, country, daily cap");
    let base = SignupRequest {
        mode: LaunchMode::ClosedBeta,
        birth_date: "1999-04-02".into(),
        country: "us".into(),
        on_allowlist: None,
        invite_code: None,
        invite: None,
        signups_today: DailyCounter { count: 499, updated_at_ms: NOW - 60_000 },
        now_ms: NOW,
    };
    let invite = InviteRecord { code: "BETA-2026".into(), used_count: 9, max_uses: 10 };
    let minor = SignupRequest { birth_date: "2008-11-21".into(), ..base.clone() };
    println!("  closed beta, 17-year-old (18 tomorrow)        → {}", outcome(&check_signup(policy, &minor)));
    println!("  closed beta, US, no invite                    → {}", outcome(&check_signup(policy, &base)));
    let with_code = SignupRequest { invite_code: Some("beta-2026".into()), invite: Some(invite), ..base.clone() };
    println!("  closed beta, US, valid invite                 → {}", outcome(&check_signup(policy, &with_code)));
    let pl = SignupRequest { country: "pl".into(), ..with_code.clone() };
    let ok = check_signup(policy, &pl)?;
    println!(
        "  closed beta, PL, invite 9/10, 499 today       → allowed: country {}, counter now {}, invite used {} times",
        ok.country,
        ok.signups_today.count,
        ok.invite_used_count.unwrap_or(0)
    );
    let full = SignupRequest { signups_today: ok.signups_today, ..pl };
    println!("  the next one the same day (500/500)           → {}", outcome(&check_signup(policy, &full)));
    let change =
        ModeChangeRequest { from: LaunchMode::ClosedBeta, to: LaunchMode::SoftLaunch, reason: "  go  ".into() };
    println!("  mode change with reason \"go\"                  → {}", outcome(&check_mode_change(policy, &change)));

    println!("\n== Country caps (SPEC §7.2)");
    let req = |phase, count, at| CapRequest {
        phase,
        overrides: Default::default(),
        kind: CapKind::Creators,
        counter: DailyCounter { count, updated_at_ms: at },
        now_ms: NOW,
    };
    let d = check_country_cap(policy, &req(Some(RolloutPhase::Alpha), 9, NOW - 1))?;
    println!(
        "  alpha, creators 9/10         → allowed, counter {} ({} left)",
        d.counter.count,
        d.remaining.unwrap_or(0)
    );
    println!(
        "  alpha, creators 10/10        → {}",
        outcome(&check_country_cap(policy, &req(Some(RolloutPhase::Alpha), 10, NOW - 1)))
    );
    println!(
        "  alpha, 10 yesterday          → {}",
        outcome(&check_country_cap(policy, &req(Some(RolloutPhase::Alpha), 10, NOW - 86_400_000)))
    );
    println!(
        "  paused country               → {}",
        outcome(&check_country_cap(policy, &req(Some(RolloutPhase::Pause), 0, NOW)))
    );
    let launched = vec!["PL".to_string(), "CZ".to_string()];
    println!(
        "  next market after PL, CZ     → {}",
        next_market(policy, &launched)?.map(|c| c.to_string()).unwrap_or_default()
    );

    println!("\n== Region risk (SPEC §8.1), fraud shield and throttle (§8.2–8.3)");
    let r = region_risk(
        policy,
        &RegionMetrics {
            support_tickets: 101,
            safety_incidents: 21,
            revenue_minor: 99_999,
            installs: 1_000,
            verified: 299,
        },
    )?;
    let b = r.breakdown;
    println!(
        "  101 tickets, 21 incidents, $999.99, 29.9 % verified → score {}/{} {:?} (tickets {} + incidents {} + revenue {} + verification {}), pause: {}",
        r.score, r.max_score, r.level, b.support_tickets, b.safety_incidents, b.revenue, b.verification_rate, r.pause_recommended
    );
    let f = fraud_shield(
        policy,
        &FraudWindow {
            device_accounts: vec![DeviceAccounts { device_id: "dev-7".into(), accounts: 3 }],
            creator_registrations: 49,
            transactions: 1_000,
        },
    )?;
    let signals: Vec<String> = f.alerts.iter().map(|a| format!("{:?}", a.signal)).collect();
    println!("  3 accounts on one device, 49 creators, 1 000 payments → alerts: {}", signals.join(", "));
    let l = check_load(
        policy,
        &LoadMetrics { webrtc_sessions: 10_000, payments_per_minute: 101, safety_tickets_per_5min: 500 },
    );
    println!(
        "  load 10 000 calls, 101 payments/min, 500 tickets → overloaded: {} ({:?})",
        l.overloaded,
        l.over.iter().map(|o| o.metric).collect::<Vec<_>>()
    );

    println!("\n== Feature flags (SPEC §7.4): the same bucket in every language");
    println!("  bucket(\"new_onboarding\", \"user-42\") = {}", flag_bucket("new_onboarding", "user-42"));
    let def = |name: &str, bp| FlagDefinition {
        name: name.into(),
        enabled: true,
        kill_switch: false,
        starts_at_ms: None,
        ends_at_ms: None,
        environments: None,
        regions: None,
        platforms: None,
        blocked_users: vec![],
        allowed_users: vec![],
        rollout_bp: bp,
    };
    let set = FlagSet {
        killed_groups: vec!["chat".into()],
        flags: vec![
            def("refund_buttons", 0),
            def("chat_voice_notes", 10_000),
            def("new_onboarding", 2_500),
            def("dark_mode", 9_000),
        ],
    };
    let ctx = FlagContext {
        user_id: "user-42".into(),
        region: Some("PL".into()),
        platform: Some(Platform::Ios),
        environment: None,
        now_ms: NOW,
    };
    for d in evaluate_flags(policy, &set, &ctx)?.decisions {
        let bucket = d.bucket.map(|b| format!(" (bucket {b})")).unwrap_or_default();
        println!("  {:<18} {:<3} by {:?}{bucket}", d.flag, if d.on { "on" } else { "off" }, d.rule);
    }
    Ok(())
}
