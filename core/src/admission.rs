//! Admission: one decision for signups and paid operations (SPEC §13).
//!
//! [`admit`] decides a `signup`, a token `purchase` or a `creator_onboarding` from the applicant,
//! the launch mode (§7.1), the country's phase (§7.2), the last throttle result (§8.3), the day's
//! counters and the time. The first decisive step wins:
//! 1. input (birth date, country, counters, time) → `INVALID_INPUT` (an `Err`, like every other
//!    malformed input of the core);
//! 2. age ≥ 18 on the current UTC date, for every operation → `AGE_RESTRICTED`;
//! 3. signup only: the mode's registration (allowlist, then invite), with §7.1's codes;
//! 4. country: a country with a phase is governed by it (`pause` → `COUNTRY_PAUSED` in every
//!    mode, other phases pass); without a phase a signup follows the mode's list
//!    (`COUNTRY_NOT_ALLOWED`) and the other operations pass;
//! 5. daily caps, `count < cap`: signup = the mode's platform-wide cap, then the phase's `users`;
//!    purchase = `payments`; onboarding = `creators` → `DAILY_LIMIT_REACHED` naming the cap, with
//!    `retry_at_ms` = the first UTC midnight strictly after `now`;
//! 6. throttle: while overloaded, a signup or onboarding is queued (`ADMISSION_QUEUED`, position =
//!    queue length + 1, retry = now + `admission.queue_retry_ms`); purchases pass;
//! 7. admitted, with the counters including this operation (no counter moves otherwise).
//!
//! The steps reuse the building blocks of [`crate::launch`] (age, registration, the mode's
//! list and cap) and [`crate::rollout`] (phase caps, [`DailyCounter`]), so the old functions and
//! this one give the same answers where they overlap (a property test says so).
//!
//! Choices where the spec is silent (documented for the README):
//! - `ineligible_countries` (§7.1, empty by default) refuse a signup with `COUNTRY_NOT_ALLOWED`
//!   even in a country with a phase: it is the legal eligibility list, not a mode's list.
//!   Purchases and onboarding (existing accounts) are not refused by it.
//! - A counter stamped before the epoch (`updated_at_ms < 0`) is `INVALID_INPUT` (0 = fresh).
//!   A counter stamped on a later day than `now` is today's (as §7.2's `check_country_cap`).
//! - The returned counters: `mode_counter` (signups only; advanced in every mode, including
//!   GLOBAL_LAUNCH without a cap, so the host keeps counting) and `country_counter` (always,
//!   advanced also for a country with no phase, as `check_country_cap` does).
//! - `COUNTRY_PAUSED`, `COUNTRY_NOT_ALLOWED` and the step-3 codes carry no `retry_at_ms`.

use crate::error::{ErrorCode, Result};
use crate::launch::{self, CountryCode, InviteRecord, LaunchMode};
use crate::policy::{check, Policy, PolicyProblem};
use crate::rollout::{self, CapKind, CapOverrides, DailyCounter, RolloutPhase};
use crate::time::{day_index, DAY_MS};
use crate::Error;
use serde::{Deserialize, Serialize};

/// Admission section of the policy (SPEC §13).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct AdmissionPolicy {
    /// How long a queued applicant waits before retrying, ms (60 000: the gate runs each minute).
    pub queue_retry_ms: u64,
}

impl Default for AdmissionPolicy {
    fn default() -> Self {
        AdmissionPolicy { queue_retry_ms: 60_000 }
    }
}

impl AdmissionPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        check(self.queue_retry_ms > 0, p, format!("{path}.queue_retry_ms"), "must be > 0");
        check(self.queue_retry_ms <= 604_800_000, p, format!("{path}.queue_retry_ms"), "must be <= 604800000 (7 days)");
    }
}

/// What is being admitted.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum AdmissionOperation {
    /// A new account.
    Signup,
    /// A token purchase (spending held tokens is not gated).
    Purchase,
    /// A user becoming a creator.
    CreatorOnboarding,
}

impl AdmissionOperation {
    /// The phase cap that counts this operation.
    pub fn cap_kind(self) -> CapKind {
        match self {
            AdmissionOperation::Signup => CapKind::Users,
            AdmissionOperation::Purchase => CapKind::Payments,
            AdmissionOperation::CreatorOnboarding => CapKind::Creators,
        }
    }
}

/// The cap that refused an operation.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum AdmissionCap {
    /// The launch mode's platform-wide signup cap (§7.1).
    ModeSignups,
    /// The country phase's `users` cap.
    Users,
    /// The country phase's `payments` cap.
    Payments,
    /// The country phase's `creators` cap.
    Creators,
}

impl From<CapKind> for AdmissionCap {
    fn from(kind: CapKind) -> Self {
        match kind {
            CapKind::Users => AdmissionCap::Users,
            CapKind::Payments => AdmissionCap::Payments,
            CapKind::Creators => AdmissionCap::Creators,
        }
    }
}

/// One admission request.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AdmissionRequest {
    /// What is being admitted.
    pub operation: AdmissionOperation,
    /// The current launch mode.
    pub mode: LaunchMode,
    /// The applicant's birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// The country (detected at signup, the account's afterwards), ISO 3166-1 alpha-2, any case.
    pub country: String,
    /// The country's rollout phase; `None` = no phase.
    #[serde(default)]
    pub phase: Option<RolloutPhase>,
    /// The country's cap overrides.
    #[serde(default)]
    pub overrides: CapOverrides,
    /// Signup only: allowlist lookup (`None` = nothing supplied, else whether it matched).
    #[serde(default)]
    pub on_allowlist: Option<bool>,
    /// Signup only: the invite code the applicant typed.
    #[serde(default)]
    pub invite_code: Option<String>,
    /// Signup only: the record the host found for that code.
    #[serde(default)]
    pub invite: Option<InviteRecord>,
    /// Signup only: the platform-wide signups counter of the mode (§7.1).
    #[serde(default)]
    pub mode_counter: DailyCounter,
    /// The country's counter of this operation's kind (users, payments or creators).
    #[serde(default)]
    pub country_counter: DailyCounter,
    /// Whether the last throttle result (§8.3, `check_load`) was overloaded.
    #[serde(default)]
    pub overloaded: bool,
    /// The host's admission queue length (for the position hint).
    #[serde(default)]
    pub queue_length: u64,
    /// Now, ms since the epoch (UTC).
    pub now_ms: i64,
}

/// The admission decision. Every variant carries the policy fingerprint.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Admission {
    /// Admitted: store the counters.
    Admitted {
        /// The normalised country.
        country: CountryCode,
        /// The applicant's age in whole years today.
        age_years: u32,
        /// Signup only: the mode's new signups counter, including this one.
        mode_counter: Option<DailyCounter>,
        /// The country's new counter of this operation's kind, including this one.
        country_counter: DailyCounter,
        /// The invite record's new use count, when an invite was used.
        invite_used_count: Option<u64>,
        /// Fingerprint of the policy.
        policy_fingerprint: String,
    },
    /// Queued by the throttle (`ADMISSION_QUEUED`): tell the user their place and when to retry.
    Queued {
        /// Always `ADMISSION_QUEUED`.
        code: ErrorCode,
        /// 1-based place in the host's queue (queue length + 1).
        position_hint: u64,
        /// When to retry, ms since the epoch.
        retry_at_ms: i64,
        /// Fingerprint of the policy.
        policy_fingerprint: String,
    },
    /// Refused by the first failing check.
    Refused {
        /// The SPEC §11 code of the failing check.
        code: ErrorCode,
        /// The cap that refused, for `DAILY_LIMIT_REACHED`.
        cap: Option<AdmissionCap>,
        /// When to retry (the next UTC midnight for a cap), when a retry can succeed.
        retry_at_ms: Option<i64>,
        /// Fingerprint of the policy.
        policy_fingerprint: String,
    },
}

impl Admission {
    /// The §11 code of a queue or refusal; `None` when admitted.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Admission::Admitted { .. } => None,
            Admission::Queued { code, .. } | Admission::Refused { code, .. } => Some(*code),
        }
    }
}

/// The first UTC midnight strictly after `now_ms` (at exactly midnight, the next one).
pub fn next_utc_midnight(now_ms: i64) -> Result<i64> {
    day_index(now_ms)
        .checked_add(1)
        .and_then(|d| d.checked_mul(DAY_MS))
        .ok_or_else(|| Error::invalid(format!("no UTC midnight after {now_ms} ms")))
}

fn check_counter(c: &DailyCounter, what: &str) -> Result<()> {
    if c.updated_at_ms < 0 {
        return Err(Error::invalid(format!("{what}.updated_at_ms {} is before the epoch", c.updated_at_ms)));
    }
    Ok(())
}

/// Decides one admission (SPEC §13): the first decisive step wins.
pub fn admit(policy: &Policy, req: &AdmissionRequest) -> Result<Admission> {
    // 1. input
    let applicant = launch::parse_applicant(&req.birth_date, &req.country, req.now_ms)?;
    check_counter(&req.mode_counter, "mode_counter")?;
    check_counter(&req.country_counter, "country_counter")?;
    let refused = |code, cap, retry_at_ms| Admission::Refused {
        code,
        cap,
        retry_at_ms,
        policy_fingerprint: policy.fingerprint().to_string(),
    };
    let from_error = |e: Error| refused(e.code, None, None);
    // 2. age
    let age_years = match launch::check_age(policy, &applicant) {
        Ok(age) => age,
        Err(e) => return Ok(from_error(e)),
    };
    let signup = req.operation == AdmissionOperation::Signup;
    let rule = policy.launch.rule(req.mode);
    // 3. registration (signup only)
    let mut invite_used_count = None;
    if signup {
        match launch::check_registration(rule, req.on_allowlist, req.invite_code.as_deref(), req.invite.as_ref()) {
            Ok(used) => invite_used_count = used,
            Err(e) => return Ok(from_error(e)),
        }
    }
    // 4. country
    let country = applicant.country;
    match req.phase {
        Some(RolloutPhase::Pause) => return Ok(refused(ErrorCode::CountryPaused, None, None)),
        Some(_) if signup && policy.launch.ineligible_countries.contains(&country) => {
            return Ok(refused(ErrorCode::CountryNotAllowed, None, None))
        }
        Some(_) => {}
        None if signup && !launch::mode_admits_country(policy, rule, country) => {
            return Ok(refused(ErrorCode::CountryNotAllowed, None, None))
        }
        None => {}
    }
    // 5. daily caps
    let kind = req.operation.cap_kind();
    let capped = |cap: AdmissionCap| -> Result<Admission> {
        Ok(refused(ErrorCode::DailyLimitReached, Some(cap), Some(next_utc_midnight(req.now_ms)?)))
    };
    if signup && !launch::mode_cap_has_room(rule, &req.mode_counter, req.now_ms) {
        return capped(AdmissionCap::ModeSignups);
    }
    if let Some(phase) = req.phase {
        let cap = rollout::phase_cap(policy, phase, &req.overrides, kind);
        if req.country_counter.count_on(req.now_ms) >= cap {
            return capped(kind.into());
        }
    }
    // 6. throttle (signups and onboarding)
    if req.overloaded && req.operation != AdmissionOperation::Purchase {
        let wait = i64::try_from(policy.admission.queue_retry_ms)
            .map_err(|_| Error::invalid("admission.queue_retry_ms is out of range"))?;
        let retry_at_ms =
            req.now_ms.checked_add(wait).ok_or_else(|| Error::invalid("now_ms + queue_retry_ms overflows"))?;
        return Ok(Admission::Queued {
            code: ErrorCode::AdmissionQueued,
            position_hint: req.queue_length.saturating_add(1),
            retry_at_ms,
            policy_fingerprint: policy.fingerprint().to_string(),
        });
    }
    // 7. admitted
    Ok(Admission::Admitted {
        country,
        age_years,
        mode_counter: signup.then(|| req.mode_counter.incremented(req.now_ms)),
        country_counter: req.country_counter.incremented(req.now_ms),
        invite_used_count,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

#[cfg(test)]
#[path = "admission_tests.rs"]
mod tests;
