//! Facade of `core/src/launch.rs`: launch modes and signup eligibility (SPEC §7.1).
//!
//! The age gate comes first and cannot be switched off; the mode table (registration kind,
//! countries, daily cap) is policy data. Country codes are two-letter strings, upper-cased.

use crate::convert::{from_js, text, to_js, JsResult};
use crate::Policy;
use avalo_core::launch as rules;
use js_sys::JsString;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// The launch modes of SPEC §7.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum LaunchMode {
    /// Internal test: allowlist only, all countries, 50 signups a day.
    InternalTest,
    /// Closed beta: invite code, PL DE GB FR ES, 500 a day.
    ClosedBeta,
    /// Soft launch: open, ten European countries, 2 000 a day.
    SoftLaunch,
    /// Global launch: open, all eligible countries, unlimited.
    GlobalLaunch,
}

impl From<LaunchMode> for rules::LaunchMode {
    fn from(v: LaunchMode) -> Self {
        match v {
            LaunchMode::InternalTest => rules::LaunchMode::InternalTest,
            LaunchMode::ClosedBeta => rules::LaunchMode::ClosedBeta,
            LaunchMode::SoftLaunch => rules::LaunchMode::SoftLaunch,
            LaunchMode::GlobalLaunch => rules::LaunchMode::GlobalLaunch,
        }
    }
}

impl From<rules::LaunchMode> for LaunchMode {
    fn from(v: rules::LaunchMode) -> Self {
        match v {
            rules::LaunchMode::InternalTest => LaunchMode::InternalTest,
            rules::LaunchMode::ClosedBeta => LaunchMode::ClosedBeta,
            rules::LaunchMode::SoftLaunch => LaunchMode::SoftLaunch,
            rules::LaunchMode::GlobalLaunch => LaunchMode::GlobalLaunch,
        }
    }
}

/// Who can register in a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Registration {
    /// Nobody (`LAUNCH_MODE_RESTRICTED`); not used by the default table.
    Closed,
    /// Only applicants on the allowlist.
    Allowlist,
    /// Only applicants with a valid invite code.
    Invite,
    /// Anyone (subject to country and cap).
    Open,
}

impl From<rules::Registration> for Registration {
    fn from(v: rules::Registration) -> Self {
        match v {
            rules::Registration::Closed => Registration::Closed,
            rules::Registration::Allowlist => Registration::Allowlist,
            rules::Registration::Invite => Registration::Invite,
            rules::Registration::Open => Registration::Open,
        }
    }
}

/// One row of the mode table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ModeRule {
    /// Who can register.
    pub registration: Registration,
    /// Allowed countries; `None` means all eligible countries.
    pub countries: Option<Vec<String>>,
    /// Signups per UTC day; `None` means unlimited.
    pub daily_cap: Option<u64>,
}

impl From<rules::ModeRule> for ModeRule {
    fn from(v: rules::ModeRule) -> Self {
        let rules::ModeRule { registration, countries, daily_cap } = v;
        ModeRule {
            registration: registration.into(),
            countries: countries.map(|v| v.iter().map(ToString::to_string).collect()),
            daily_cap,
        }
    }
}

/// An invite-code record as the host found it for the code the applicant typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct InviteRecord {
    /// The code as stored.
    pub code: String,
    /// How many signups have used it.
    pub used_count: u64,
    /// How many signups may use it.
    pub max_uses: u64,
}

impl From<InviteRecord> for rules::InviteRecord {
    fn from(v: InviteRecord) -> Self {
        let InviteRecord { code, used_count, max_uses } = v;
        rules::InviteRecord { code, used_count, max_uses }
    }
}

/// A per-day counter as the host stores it: the count and when it was last incremented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct DailyCounter {
    /// Operations counted on the UTC day of `updated_at_ms`.
    pub count: u64,
    /// When the counter was last incremented, ms since the epoch (0 for a fresh counter).
    pub updated_at_ms: i64,
}

impl From<DailyCounter> for avalo_core::rollout::DailyCounter {
    fn from(v: DailyCounter) -> Self {
        let DailyCounter { count, updated_at_ms } = v;
        avalo_core::rollout::DailyCounter { count, updated_at_ms }
    }
}

impl From<avalo_core::rollout::DailyCounter> for DailyCounter {
    fn from(v: avalo_core::rollout::DailyCounter) -> Self {
        let avalo_core::rollout::DailyCounter { count, updated_at_ms } = v;
        DailyCounter { count, updated_at_ms }
    }
}

/// One signup attempt.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct SignupRequest {
    /// The current launch mode.
    pub mode: LaunchMode,
    /// The applicant's birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// The applicant's country, ISO 3166-1 alpha-2 (any case).
    pub country: String,
    /// Allowlist lookup: `None` when nothing was supplied to look up, else whether it matched.
    #[serde(default)]
    #[tsify(optional)]
    pub on_allowlist: Option<bool>,
    /// The invite code the applicant typed, if any.
    #[serde(default)]
    #[tsify(optional)]
    pub invite_code: Option<String>,
    /// The record the host found for that code, if any.
    #[serde(default)]
    #[tsify(optional)]
    pub invite: Option<InviteRecord>,
    /// Signups counted today in this mode (reset when from an earlier UTC day).
    pub signups_today: DailyCounter,
    /// Now, ms since the epoch (UTC).
    pub now_ms: i64,
}

impl From<SignupRequest> for rules::SignupRequest {
    fn from(v: SignupRequest) -> Self {
        let SignupRequest { mode, birth_date, country, on_allowlist, invite_code, invite, signups_today, now_ms } = v;
        rules::SignupRequest {
            mode: mode.into(),
            birth_date,
            country,
            on_allowlist,
            invite_code,
            invite: invite.map(|v| v.into()),
            signups_today: signups_today.into(),
            now_ms,
        }
    }
}

/// An allowed signup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct SignupDecision {
    /// The mode it was checked under.
    pub mode: LaunchMode,
    /// The normalised country code.
    pub country: String,
    /// The applicant's age in whole years today.
    pub age_years: u32,
    /// The new daily counter, including this signup (store it).
    pub signups_today: DailyCounter,
    /// The invite record's new use count, when an invite was used.
    pub invite_used_count: Option<u64>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<rules::SignupDecision> for SignupDecision {
    fn from(v: rules::SignupDecision) -> Self {
        let rules::SignupDecision { mode, country, age_years, signups_today, invite_used_count, policy_fingerprint } =
            v;
        SignupDecision {
            mode: mode.into(),
            country: country.to_string(),
            age_years,
            signups_today: signups_today.into(),
            invite_used_count,
            policy_fingerprint,
        }
    }
}

/// A requested change of launch mode.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct ModeChangeRequest {
    /// The mode in force.
    pub from: LaunchMode,
    /// The requested mode.
    pub to: LaunchMode,
    /// Why (at least 10 characters after trimming).
    pub reason: String,
}

impl From<ModeChangeRequest> for rules::ModeChangeRequest {
    fn from(v: ModeChangeRequest) -> Self {
        let ModeChangeRequest { from, to, reason } = v;
        rules::ModeChangeRequest { from: from.into(), to: to.into(), reason }
    }
}

/// An accepted mode change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ModeChange {
    /// The previous mode.
    pub from: LaunchMode,
    /// The new mode.
    pub to: LaunchMode,
    /// The trimmed reason (for the audit log).
    pub reason: String,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<rules::ModeChange> for ModeChange {
    fn from(v: rules::ModeChange) -> Self {
        let rules::ModeChange { from, to, reason, policy_fingerprint } = v;
        ModeChange { from: from.into(), to: to.into(), reason, policy_fingerprint }
    }
}

/// Checks one signup against the current launch mode (SPEC §7.1). Checks in order, first
/// failure wins: age 18+ on the current UTC date (`AGE_RESTRICTED`, never switchable), the
/// mode's registration kind (`LAUNCH_MODE_RESTRICTED`, `ALLOWLIST_REQUIRED`,
/// `NOT_ON_ALLOWLIST`, `INVITE_CODE_REQUIRED`, `INVALID_INVITE_CODE`, `INVITE_CODE_DEPLETED`),
/// country (`COUNTRY_NOT_ALLOWED`), daily cap (`DAILY_LIMIT_REACHED`). A malformed birth date or
/// country code is `INVALID_INPUT`. Returns the new daily counter to store.
#[wasm_bindgen(js_name = checkSignup)]
pub fn check_signup(policy: &Policy, request: Ts<SignupRequest>) -> JsResult<Ts<SignupDecision>> {
    let d = rules::check_signup(policy.core(), &from_js(&request)?.into())?;
    Ok(to_js(&SignupDecision::from(d))?)
}

/// Validates a launch mode change: a different mode and a reason of at least 10 characters
/// after trimming; otherwise `INVALID_INPUT`.
#[wasm_bindgen(js_name = checkModeChange)]
pub fn check_mode_change(policy: &Policy, request: Ts<ModeChangeRequest>) -> JsResult<Ts<ModeChange>> {
    let c = rules::check_mode_change(policy.core(), &from_js(&request)?.into())?;
    Ok(to_js(&ModeChange::from(c))?)
}

/// The mode table row of a mode (registration kind, countries, daily cap), for dashboards.
#[wasm_bindgen(js_name = modeRules)]
pub fn mode_rules(policy: &Policy, mode: Ts<LaunchMode>) -> JsResult<Ts<ModeRule>> {
    let r = rules::mode_rules(policy.core(), from_js(&mode)?.into());
    Ok(to_js(&ModeRule::from(r))?)
}

/// Normalises a country code: trimmed, upper-cased, exactly two ASCII letters (`" pl "` →
/// `"PL"`); anything else is `INVALID_INPUT`.
#[wasm_bindgen(js_name = normalizeCountry)]
pub fn normalize_country(country: JsString) -> JsResult<String> {
    Ok(rules::normalize_country(&text(&country, "country")?)?.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::Policy as CorePolicy;
    use serde_json::Value;

    use crate::test_support::same;

    /// The inputs of every `launch.json` vector case of one operation.
    fn inputs(op: &str) -> Vec<Value> {
        crate::test_support::vector_inputs(include_str!("../../tests/vectors/launch.json"), op)
    }

    /// Every vector input decodes through the mirror into exactly the core value, and every
    /// result mirrors the core's wire format.
    #[test]
    fn mirrors_have_the_core_wire_format() {
        let p = CorePolicy::default();
        for i in inputs("check_signup") {
            let mirror: SignupRequest = serde_json::from_value(i.clone()).unwrap();
            let core: rules::SignupRequest = serde_json::from_value(i).unwrap();
            assert_eq!(rules::SignupRequest::from(mirror), core);
            if let Ok(d) = rules::check_signup(&p, &core) {
                same(SignupDecision::from(d.clone()), d);
            }
        }
        for i in inputs("check_mode_change") {
            let mirror: ModeChangeRequest = serde_json::from_value(i.clone()).unwrap();
            let core: rules::ModeChangeRequest = serde_json::from_value(i).unwrap();
            assert_eq!(rules::ModeChangeRequest::from(mirror), core);
            if let Ok(c) = rules::check_mode_change(&p, &core) {
                same(ModeChange::from(c.clone()), c);
            }
        }
        for i in inputs("mode_rules") {
            let mode: LaunchMode = serde_json::from_value(i["mode"].clone()).unwrap();
            let r = rules::mode_rules(&p, mode.into());
            same(ModeRule::from(r.clone()), r);
        }
    }
}
