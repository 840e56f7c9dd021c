//! The release gate of staged rollouts (SPEC §15.3, §15.5).
//!
//! Stages (%): android 10 → 50 → 100, ios 1 → 2 → 5 → 10 → 20 → 50 → 100 (the App Store's
//! 7-day phased release), web and backend 10 → 100. [`release_gate`] decides, first decisive
//! step wins:
//! 1. fewer than `min_sessions` (1 000) sessions at this stage, or a mobile channel without a
//!    crash-free rate → `Hold`;
//! 2. error rate > `rollback_error_bp` (100, strict) or crash-free < `risk.alerts.min_crash_free_bp`
//!    (9 900, §8.5) → `RollBack`, next percentage 0 (iOS: pause the phased release, flags off);
//! 3. a required compliance gate (§15.4) failing or missing → `Hold`, listing them;
//! 4. less than `soak_ms` (24 h) at this stage → `Hold` until `entered_at_ms + soak_ms`;
//! 5. error rate ≥ `hold_error_bp` (50) → `Hold`;
//! 6. `Advance` to the next stage's percentage, or `Complete` at 100 %.
//!
//! Choices where the spec is silent: a crash-free rate given for web or backend is checked too;
//! both rollback reasons are listed when both apply; a compliance WARN is not a PASS; an
//! `entered_at_ms` after `now` simply means "under 24 h"; rates above 10 000 bp are
//! `INVALID_INPUT`. The crash-free threshold is §8.5's alert number (one number, not two).

use crate::error::{Error, Result};
use crate::ops::compliance::{failing_gates, GateCheck, GateFailure};
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};

/// A release channel.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ReleaseChannel {
    /// Google Play staged rollout.
    Android,
    /// App Store phased release.
    Ios,
    /// Web front end.
    Web,
    /// Backend services.
    Backend,
}

impl ReleaseChannel {
    /// Whether this is a mobile app channel (needs a crash-free rate).
    pub fn is_mobile(self) -> bool {
        matches!(self, ReleaseChannel::Android | ReleaseChannel::Ios)
    }
}

/// Release gate numbers (SPEC §15.3).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ReleasePolicy {
    /// Android stages, % (10, 50, 100).
    pub android_stages: Vec<u32>,
    /// iOS stages, % (1, 2, 5, 10, 20, 50, 100).
    pub ios_stages: Vec<u32>,
    /// Web stages, % (10, 100).
    pub web_stages: Vec<u32>,
    /// Backend stages, % (10, 100).
    pub backend_stages: Vec<u32>,
    /// Sessions needed at a stage before deciding (1 000).
    pub min_sessions: u64,
    /// Roll back when the error rate is above this, bp (100 = 1 %, strict).
    pub rollback_error_bp: u32,
    /// Hold when the error rate is at or above this, bp (50 = 0.5 %).
    pub hold_error_bp: u32,
    /// Time a stage must soak before advancing, ms (86 400 000 = 24 h).
    pub soak_ms: u64,
}

impl Default for ReleasePolicy {
    fn default() -> Self {
        ReleasePolicy {
            android_stages: vec![10, 50, 100],
            ios_stages: vec![1, 2, 5, 10, 20, 50, 100],
            web_stages: vec![10, 100],
            backend_stages: vec![10, 100],
            min_sessions: 1_000,
            rollback_error_bp: 100,
            hold_error_bp: 50,
            soak_ms: 86_400_000,
        }
    }
}

impl ReleasePolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        for (name, stages) in [
            ("android_stages", &self.android_stages),
            ("ios_stages", &self.ios_stages),
            ("web_stages", &self.web_stages),
            ("backend_stages", &self.backend_stages),
        ] {
            let increasing = stages.windows(2).all(|w| w.first() < w.get(1));
            let in_range = stages.iter().all(|&s| (1..=100).contains(&s));
            check(
                increasing && in_range && stages.last() == Some(&100),
                p,
                format!("{path}.{name}"),
                "must be strictly increasing percentages in 1..=100 ending at 100",
            );
        }
        check(self.rollback_error_bp <= 10_000, p, format!("{path}.rollback_error_bp"), "must be <= 10000");
        check(
            self.hold_error_bp <= self.rollback_error_bp,
            p,
            format!("{path}.hold_error_bp"),
            "must be <= rollback_error_bp",
        );
        check(self.soak_ms <= 1 << 53, p, format!("{path}.soak_ms"), "must be <= 2^53");
    }

    /// The stages of a channel.
    pub fn stages(&self, channel: ReleaseChannel) -> &[u32] {
        match channel {
            ReleaseChannel::Android => &self.android_stages,
            ReleaseChannel::Ios => &self.ios_stages,
            ReleaseChannel::Web => &self.web_stages,
            ReleaseChannel::Backend => &self.backend_stages,
        }
    }
}

/// The state of one staged rollout and its live rates.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReleaseGateRequest {
    /// The channel.
    pub channel: ReleaseChannel,
    /// The current stage, % (one of the channel's stages).
    pub stage_percent: u32,
    /// When this stage started, ms since the epoch.
    pub entered_at_ms: i64,
    /// Now, ms since the epoch.
    pub now_ms: i64,
    /// Sessions observed at this stage.
    pub sessions: u64,
    /// Error rate at this stage, bp.
    pub error_bp: u32,
    /// Crash-free sessions at this stage, bp (required on mobile).
    #[serde(default)]
    pub crash_free_bp: Option<u32>,
    /// The compliance gates' results.
    #[serde(default)]
    pub gates: Vec<GateCheck>,
}

/// The release gate's action.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ReleaseAction {
    /// Go to the next stage.
    Advance,
    /// Stay at this stage.
    Hold,
    /// Roll back (next percentage 0).
    RollBack,
    /// Already at 100 %: the rollout is complete.
    Complete,
}

/// Why the gate holds.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum HoldReason {
    /// Fewer sessions than `min_sessions`.
    InsufficientSessions,
    /// A mobile channel without a crash-free rate.
    MissingCrashFreeRate,
    /// A compliance gate failing or missing.
    ComplianceGate,
    /// The stage has not soaked long enough.
    SoakTime,
    /// The error rate is at or above `hold_error_bp`.
    ErrorRateElevated,
}

/// Why the gate rolls back.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RollbackReason {
    /// Error rate above `rollback_error_bp`.
    ErrorRate,
    /// Crash-free sessions below §8.5's threshold.
    CrashFreeSessions,
}

/// The release gate's decision.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReleaseDecision {
    /// What to do.
    pub action: ReleaseAction,
    /// The rollout percentage after this decision (current on hold, 0 on roll back).
    pub next_percent: u32,
    /// Why it holds, on `Hold`.
    pub hold_reason: Option<HoldReason>,
    /// Until when it holds for soak time.
    pub hold_until_ms: Option<i64>,
    /// Why it rolls back, on `RollBack`.
    pub rollback_reasons: Vec<RollbackReason>,
    /// The failing or missing compliance gates, on a compliance hold.
    pub failing_gates: Vec<GateFailure>,
    /// iOS roll back: pause the phased release (a shipped build cannot be withdrawn).
    pub pause_phased_release: bool,
    /// iOS roll back: switch the release's flags off.
    pub flags_off: bool,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// Decides the next step of a staged rollout (SPEC §15.3).
pub fn release_gate(policy: &Policy, req: &ReleaseGateRequest) -> Result<ReleaseDecision> {
    let r = &policy.ops.release;
    let stages = r.stages(req.channel);
    let at = stages.iter().position(|&s| s == req.stage_percent).ok_or_else(|| {
        Error::invalid(format!("{}% is not a stage of the {:?} channel", req.stage_percent, req.channel))
    })?;
    if req.error_bp > 10_000 || req.crash_free_bp.is_some_and(|c| c > 10_000) {
        return Err(Error::invalid("rates are basis points in 0..=10000"));
    }
    let mut d = ReleaseDecision {
        action: ReleaseAction::Hold,
        next_percent: req.stage_percent,
        hold_reason: None,
        hold_until_ms: None,
        rollback_reasons: Vec::new(),
        failing_gates: Vec::new(),
        pause_phased_release: false,
        flags_off: false,
        policy_fingerprint: policy.fingerprint().to_string(),
    };
    let gates = failing_gates(policy, &req.gates)?;
    let hold = |mut d: ReleaseDecision, reason| {
        d.hold_reason = Some(reason);
        Ok(d)
    };
    // 1. not enough data
    if req.sessions < r.min_sessions {
        return hold(d, HoldReason::InsufficientSessions);
    }
    if req.channel.is_mobile() && req.crash_free_bp.is_none() {
        return hold(d, HoldReason::MissingCrashFreeRate);
    }
    // 2. roll back
    if req.error_bp > r.rollback_error_bp {
        d.rollback_reasons.push(RollbackReason::ErrorRate);
    }
    if req.crash_free_bp.is_some_and(|c| c < policy.risk.alerts.min_crash_free_bp) {
        d.rollback_reasons.push(RollbackReason::CrashFreeSessions);
    }
    if !d.rollback_reasons.is_empty() {
        let ios = req.channel == ReleaseChannel::Ios;
        d.action = ReleaseAction::RollBack;
        d.next_percent = 0;
        d.pause_phased_release = ios;
        d.flags_off = ios;
        return Ok(d);
    }
    // 3. compliance
    if !gates.is_empty() {
        d.failing_gates = gates;
        return hold(d, HoldReason::ComplianceGate);
    }
    // 4. soak time
    let soak = i64::try_from(r.soak_ms).map_err(|_| Error::invalid("ops.release.soak_ms is out of range"))?;
    let until = req.entered_at_ms.checked_add(soak).ok_or_else(|| Error::invalid("entered_at_ms + soak overflows"))?;
    if req.now_ms < until {
        d.hold_until_ms = Some(until);
        return hold(d, HoldReason::SoakTime);
    }
    // 5. elevated error rate
    if req.error_bp >= r.hold_error_bp {
        return hold(d, HoldReason::ErrorRateElevated);
    }
    // 6. advance or complete
    match stages.get(at + 1) {
        Some(&next) => {
            d.action = ReleaseAction::Advance;
            d.next_percent = next;
        }
        None => d.action = ReleaseAction::Complete,
    }
    Ok(d)
}
