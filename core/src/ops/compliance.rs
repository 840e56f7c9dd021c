//! Compliance gates and the deploy gate (SPEC §15.4).
//!
//! The gates (seed 004): `terms_of_service`, `privacy_policy`, `age_gate`, `kyc_provider`,
//! `content_moderation`, `refund_policy`, `data_export`, `data_deletion`, `cookie_consent`; the
//! policy lists the required ones (default: all nine). A missing gate counts as FAIL.
//! [`deploy_gate`]: only a production deploy needs every required gate PASS and an approver
//! other than the author (exact string comparison), else `DEPLOY_BLOCKED` listing every failure.
//!
//! Choices where the spec is silent: a WARN is not a PASS (it blocks); a gate listed twice, or an
//! empty author, is `INVALID_INPUT` in every environment; a blank approver is no approver.
//! The refusal is a decision (`allowed: false`, `code: DEPLOY_BLOCKED`, the failures), not an
//! `Err`, so the host can show every failure at once.

use crate::error::{Error, ErrorCode, Result};
use crate::ops::Environment;
use crate::policy::Policy;
use crate::risk::ReadinessStatus;
use serde::{Deserialize, Serialize};

/// A compliance gate (seed 004).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ComplianceGate {
    /// Terms of service published and accepted at signup.
    TermsOfService,
    /// Privacy policy published.
    PrivacyPolicy,
    /// Age gate in place.
    AgeGate,
    /// KYC provider connected.
    KycProvider,
    /// Content moderation running.
    ContentModeration,
    /// Refund policy published.
    RefundPolicy,
    /// Data export available.
    DataExport,
    /// Data deletion available.
    DataDeletion,
    /// Cookie consent in place.
    CookieConsent,
}

impl ComplianceGate {
    /// Every gate, in the spec's order.
    pub const ALL: [ComplianceGate; 9] = [
        ComplianceGate::TermsOfService,
        ComplianceGate::PrivacyPolicy,
        ComplianceGate::AgeGate,
        ComplianceGate::KycProvider,
        ComplianceGate::ContentModeration,
        ComplianceGate::RefundPolicy,
        ComplianceGate::DataExport,
        ComplianceGate::DataDeletion,
        ComplianceGate::CookieConsent,
    ];
}

/// One gate's check result, as the host's checks reported it.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GateCheck {
    /// The gate.
    pub gate: ComplianceGate,
    /// Its result.
    pub status: ReadinessStatus,
}

/// A required gate that did not pass.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GateFailure {
    /// The gate.
    pub gate: ComplianceGate,
    /// Its reported status; `None` when it was missing (counts as FAIL).
    pub status: Option<ReadinessStatus>,
}

/// The required gates that did not pass, in the policy's order; a gate listed twice is
/// `INVALID_INPUT`.
pub fn failing_gates(policy: &Policy, checks: &[GateCheck]) -> Result<Vec<GateFailure>> {
    // One pass over the checks into a table indexed by gate, then one lookup per required gate.
    let mut reported: [Option<ReadinessStatus>; ComplianceGate::ALL.len()] = [None; ComplianceGate::ALL.len()];
    for c in checks {
        let slot = reported.get_mut(c.gate as usize).ok_or_else(|| Error::invalid("unknown compliance gate"))?;
        if slot.is_some() {
            return Err(Error::invalid(format!("compliance gate {:?} is listed twice", c.gate)));
        }
        *slot = Some(c.status);
    }
    Ok(policy
        .ops
        .compliance_gates
        .iter()
        .filter_map(|&gate| match reported.get(gate as usize).copied().flatten() {
            Some(ReadinessStatus::Pass) => None,
            status => Some(GateFailure { gate, status }),
        })
        .collect())
}

/// A deploy request.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeployRequest {
    /// Target environment.
    pub environment: Environment,
    /// The compliance gates' results.
    #[serde(default)]
    pub gates: Vec<GateCheck>,
    /// Who authored the change (not empty).
    pub author: String,
    /// Who approved it, if anyone.
    #[serde(default)]
    pub approver: Option<String>,
}

/// Why a deploy is blocked.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DeployFailureKind {
    /// A required compliance gate is not PASS (or missing).
    GateNotPassed,
    /// No approver.
    ApprovalMissing,
    /// The approver is the author.
    SelfApproval,
}

/// One reason a deploy is blocked.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeployFailure {
    /// What failed.
    pub kind: DeployFailureKind,
    /// The gate, for `gate_not_passed`.
    pub gate: Option<ComplianceGate>,
    /// The gate's reported status (`None` = missing), for `gate_not_passed`.
    pub status: Option<ReadinessStatus>,
}

/// The deploy gate's decision.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeployDecision {
    /// Whether the deploy may go ahead.
    pub allowed: bool,
    /// `DEPLOY_BLOCKED` when not allowed.
    pub code: Option<ErrorCode>,
    /// Every failure: gates in the policy's order, then the approval.
    pub failures: Vec<DeployFailure>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// Decides whether a deploy may go ahead (SPEC §15.4).
pub fn deploy_gate(policy: &Policy, req: &DeployRequest) -> Result<DeployDecision> {
    if req.author.is_empty() {
        return Err(Error::invalid("the deploy's author must not be empty"));
    }
    let gates = failing_gates(policy, &req.gates)?;
    let mut failures = Vec::new();
    if req.environment == Environment::Production {
        failures.extend(gates.into_iter().map(|g| DeployFailure {
            kind: DeployFailureKind::GateNotPassed,
            gate: Some(g.gate),
            status: g.status,
        }));
        let approval = match req.approver.as_deref().filter(|a| !a.trim().is_empty()) {
            None => Some(DeployFailureKind::ApprovalMissing),
            Some(a) if a == req.author => Some(DeployFailureKind::SelfApproval),
            Some(_) => None,
        };
        failures.extend(approval.map(|kind| DeployFailure { kind, gate: None, status: None }));
    }
    let allowed = failures.is_empty();
    Ok(DeployDecision {
        allowed,
        code: (!allowed).then_some(ErrorCode::DeployBlocked),
        failures,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}
