//! Quickstart section: one admission decision (SPEC §13) and the release gate with incident
//! routing (SPEC §15).

use avalo_core::admission::{admit, Admission, AdmissionOperation, AdmissionRequest};
use avalo_core::launch::LaunchMode;
use avalo_core::ops::{
    release_gate, triage, ComplianceGate, GateCheck, OpsResult, ReleaseChannel, ReleaseDecision, ReleaseGateRequest,
};
use avalo_core::risk::ReadinessStatus;
use avalo_core::rollout::{CapOverrides, DailyCounter, RolloutPhase};
use avalo_core::Policy;

const NOW: i64 = 1_795_176_000_000; // Friday 2026-11-20 12:00 UTC

fn describe(a: &Admission) -> String {
    match a {
        Admission::Admitted { country_counter, .. } => {
            format!("admitted (store the country counter: {} today)", country_counter.count)
        }
        Admission::Queued { code, position_hint, retry_at_ms, .. } => {
            format!("{code}: place {position_hint}, retry at {retry_at_ms} (now + {} s)", (retry_at_ms - NOW) / 1_000)
        }
        Admission::Refused { code, cap, retry_at_ms, .. } => {
            let cap = cap.map(|c| format!(" ({c:?} cap)")).unwrap_or_default();
            let retry = retry_at_ms.map(|t| format!(", retry at {t} (next UTC midnight)")).unwrap_or_default();
            format!("{code}{cap}{retry}")
        }
    }
}

fn release(d: &ReleaseDecision) -> String {
    format!(
        "{:?} → {} %{}",
        d.action,
        d.next_percent,
        if d.pause_phased_release { ", pause phased release" } else { "" }
    )
}

/// Prints the admission and operations section of the quickstart.
pub fn tour(policy: &Policy) -> avalo_core::Result<()> {
    println!("\n== Admission (SPEC §13): age, registration, country, caps, throttle — one decision");
    let signup = AdmissionRequest {
        operation: AdmissionOperation::Signup,
        mode: LaunchMode::SoftLaunch,
        birth_date: "1999-04-02".into(),
        country: "cz".into(),
        phase: Some(RolloutPhase::Soft),
        overrides: CapOverrides::default(),
        on_allowlist: None,
        invite_code: None,
        invite: None,
        mode_counter: DailyCounter { count: 1_200, updated_at_ms: NOW - 60_000 },
        country_counter: DailyCounter { count: 420, updated_at_ms: NOW - 60_000 },
        overloaded: false,
        queue_length: 0,
        now_ms: NOW,
    };
    println!("  soft launch, CZ in its soft phase           → {}", describe(&admit(policy, &signup)?));
    let busy = AdmissionRequest { overloaded: true, queue_length: 41, ..signup.clone() };
    println!("  same signup while overloaded                → {}", describe(&admit(policy, &busy)?));
    let full = AdmissionRequest { country_counter: DailyCounter { count: 1_000, ..signup.country_counter }, ..signup };
    println!("  CZ's 1 000 signups for today already used   → {}", describe(&admit(policy, &full)?));

    println!("\n== Release gate (SPEC §15.3) and incident routing (§15.1)");
    let gates: Vec<GateCheck> =
        ComplianceGate::ALL.iter().map(|&gate| GateCheck { gate, status: ReadinessStatus::Pass }).collect();
    let healthy = ReleaseGateRequest {
        channel: ReleaseChannel::Ios,
        stage_percent: 20,
        entered_at_ms: NOW - 2 * 86_400_000,
        now_ms: NOW,
        sessions: 48_000,
        error_bp: 12,
        crash_free_bp: Some(9_960),
        gates,
    };
    println!("  iOS 20 %, error 0.12 %, crash-free 99.6 %    → {}", release(&release_gate(policy, &healthy)?));
    let failing = ReleaseGateRequest { error_bp: 140, ..healthy };
    let back = release_gate(policy, &failing)?;
    println!("  iOS 20 %, error 1.40 %                       → {}", release(&back));
    let t = triage(policy, &OpsResult::from(&back), NOW)?;
    if let (Some(sev), Some(route)) = (t.severity, t.route) {
        println!(
            "  incident {sev:?} → {:?}, acknowledge by {} (now + {} min)",
            route.channels,
            route.ack_by_ms,
            (route.ack_by_ms - NOW) / 60_000
        );
    }
    Ok(())
}
