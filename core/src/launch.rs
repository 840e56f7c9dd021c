//! Launch modes and signup eligibility (SPEC §7.1).
//!
//! [`check_signup`] runs the eligibility checks in the spec's order; the first failure wins:
//! 1. age: at least `min_age_years` (18) on the current UTC date, from the birth date
//!    (`AGE_RESTRICTED`). No mode, flag or policy can switch it off: the policy refuses a
//!    minimum below 18, and the check runs before anything the mode decides;
//! 2. registration kind of the mode: `closed` (`LAUNCH_MODE_RESTRICTED`), `allowlist`
//!    (`ALLOWLIST_REQUIRED`, `NOT_ON_ALLOWLIST`), `invite` (`INVITE_CODE_REQUIRED`,
//!    `INVALID_INVITE_CODE`, `INVITE_CODE_DEPLETED` when used ≥ max uses), `open`;
//! 3. country (`COUNTRY_NOT_ALLOWED`);
//! 4. the mode's daily cap (`DAILY_LIMIT_REACHED` when today's count ≥ cap).
//!
//! The mode table (registration kind, countries, daily cap) is policy data.
//!
//! Choices where the spec is silent (documented for the README):
//! - Malformed input is refused as a whole with `INVALID_INPUT` before any check runs: a birth
//!   date that is not `YYYY-MM-DD` or lies after today, a country that is not two ASCII letters
//!   after trimming (codes are upper-cased: `" pl "` is `PL`; the code is checked for shape, not
//!   against the list of assigned ISO codes).
//! - The allowlist lookup is the host's (the core has no I/O): `on_allowlist` is `None` when the
//!   applicant gave nothing to look up (`ALLOWLIST_REQUIRED`), `Some(false)` when the lookup
//!   failed (`NOT_ON_ALLOWLIST`).
//! - Invite codes: the host passes the code the applicant typed and the record it found for it
//!   (or none). A blank code is `INVITE_CODE_REQUIRED`; no record, or a record whose code differs
//!   (compared trimmed and ASCII case-insensitively), is `INVALID_INVITE_CODE`. The decision
//!   returns the record's new use count.
//! - "All eligible" countries of `GLOBAL_LAUNCH` = every country except `ineligible_countries`
//!   (empty by default), which applies to every mode.
//! - The daily counter is a [`DailyCounter`]: a counter from an earlier UTC day counts as 0, and
//!   the decision returns the new counter including this signup.
//! - A mode change needs a different target mode and a reason of at least 10 characters
//!   (Unicode scalar values) after trimming; otherwise `INVALID_INPUT`.

use crate::error::{Error, ErrorCode, Result};
use crate::policy::{check, Policy, PolicyProblem};
use crate::rollout::DailyCounter;
use crate::time;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The launch modes of SPEC §7.1.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

/// Who can register in a mode.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

/// An ISO 3166-1 alpha-2 shaped country code: two upper-case ASCII letters.
/// Serialised as the two-letter string.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(type = "string"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Normalises a country code: trims, upper-cases, and requires exactly two ASCII letters;
    /// anything else is `INVALID_INPUT`.
    pub fn parse(raw: &str) -> Result<CountryCode> {
        match raw.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(CountryCode([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(Error::invalid(format!("country {raw:?} is not a two-letter ISO 3166-1 code"))),
        }
    }

    /// The two-letter upper-case code.
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters by construction, so this never fails.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        CountryCode::parse(&raw).map_err(|e| serde::de::Error::custom(e.reason))
    }
}

/// One row of the mode table.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ModeRule {
    /// Who can register.
    pub registration: Registration,
    /// Allowed countries; `None` means all eligible countries.
    pub countries: Option<Vec<CountryCode>>,
    /// Signups per UTC day; `None` means unlimited.
    pub daily_cap: Option<u64>,
}

/// Launch section of the policy: the mode table and the age gate.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LaunchPolicy {
    /// Minimum age in whole years on the current UTC date (18; the policy cannot go lower).
    pub min_age_years: u32,
    /// `INTERNAL_TEST` row.
    pub internal_test: ModeRule,
    /// `CLOSED_BETA` row.
    pub closed_beta: ModeRule,
    /// `SOFT_LAUNCH` row.
    pub soft_launch: ModeRule,
    /// `GLOBAL_LAUNCH` row.
    pub global_launch: ModeRule,
    /// Countries refused in every mode (what "all eligible" excludes); empty by default.
    pub ineligible_countries: Vec<CountryCode>,
    /// Minimum length of a mode-change reason, characters after trimming (10).
    pub mode_change_min_reason_chars: u32,
}

fn codes(list: &[&[u8; 2]]) -> Vec<CountryCode> {
    list.iter().map(|c| CountryCode(**c)).collect()
}

impl Default for LaunchPolicy {
    fn default() -> Self {
        LaunchPolicy {
            min_age_years: 18,
            internal_test: ModeRule { registration: Registration::Allowlist, countries: None, daily_cap: Some(50) },
            closed_beta: ModeRule {
                registration: Registration::Invite,
                countries: Some(codes(&[b"PL", b"DE", b"GB", b"FR", b"ES"])),
                daily_cap: Some(500),
            },
            soft_launch: ModeRule {
                registration: Registration::Open,
                countries: Some(codes(&[b"PL", b"DE", b"GB", b"FR", b"ES", b"IT", b"NL", b"BE", b"AT", b"CH"])),
                daily_cap: Some(2_000),
            },
            global_launch: ModeRule { registration: Registration::Open, countries: None, daily_cap: None },
            ineligible_countries: Vec::new(),
            mode_change_min_reason_chars: 10,
        }
    }
}

impl LaunchPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        check(
            self.min_age_years >= 18,
            p,
            format!("{path}.min_age_years"),
            "must be >= 18 (the age gate cannot be lowered)",
        );
        use crate::policy::bounds as b;
        check(self.min_age_years <= b::MAX_MIN_AGE_YEARS, p, format!("{path}.min_age_years"), "must be <= 120");
        let reason = self.mode_change_min_reason_chars;
        check(
            reason > 0 && reason <= b::MAX_REASON_CHARS,
            p,
            format!("{path}.mode_change_min_reason_chars"),
            "must be 1..=10000",
        );
        let n = self.ineligible_countries.len();
        check(n <= b::MAX_COUNTRIES, p, format!("{path}.ineligible_countries"), "must hold at most 300");
        for (name, rule) in [
            ("internal_test", &self.internal_test),
            ("closed_beta", &self.closed_beta),
            ("soft_launch", &self.soft_launch),
            ("global_launch", &self.global_launch),
        ] {
            if let Some(list) = &rule.countries {
                check(!list.is_empty(), p, format!("{path}.{name}.countries"), "must not be empty (use null for all)");
                check(list.len() <= b::MAX_COUNTRIES, p, format!("{path}.{name}.countries"), "must hold at most 300");
            }
        }
    }

    /// The table row of a mode.
    pub fn rule(&self, mode: LaunchMode) -> &ModeRule {
        match mode {
            LaunchMode::InternalTest => &self.internal_test,
            LaunchMode::ClosedBeta => &self.closed_beta,
            LaunchMode::SoftLaunch => &self.soft_launch,
            LaunchMode::GlobalLaunch => &self.global_launch,
        }
    }
}

/// An invite-code record as the host found it for the code the applicant typed.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InviteRecord {
    /// The code as stored.
    pub code: String,
    /// How many signups have used it.
    pub used_count: u64,
    /// How many signups may use it.
    pub max_uses: u64,
}

/// One signup attempt.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignupRequest {
    /// The current launch mode.
    pub mode: LaunchMode,
    /// The applicant's birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// The applicant's country, ISO 3166-1 alpha-2 (any case).
    pub country: String,
    /// Allowlist lookup: `None` when nothing was supplied to look up, else whether it matched.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub on_allowlist: Option<bool>,
    /// The invite code the applicant typed, if any.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub invite_code: Option<String>,
    /// The record the host found for that code, if any.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub invite: Option<InviteRecord>,
    /// Signups counted today in this mode (reset when from an earlier UTC day).
    pub signups_today: DailyCounter,
    /// Now, ms since the epoch (UTC).
    pub now_ms: i64,
}

/// An allowed signup.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignupDecision {
    /// The mode it was checked under.
    pub mode: LaunchMode,
    /// The normalised country code.
    pub country: CountryCode,
    /// The applicant's age in whole years today.
    pub age_years: u32,
    /// The new daily counter, including this signup (store it).
    pub signups_today: DailyCounter,
    /// The invite record's new use count, when an invite was used.
    pub invite_used_count: Option<u64>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// Parses `YYYY-MM-DD` without allocating (hot path); same rules as [`time::parse_date`].
#[inline(always)]
fn parse_birth_date(text: &str) -> Result<NaiveDate> {
    let bad = || Error::invalid(format!("birth date {text:?} is not a YYYY-MM-DD calendar day"));
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Err(bad());
    }
    let (y, m, d) = match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d)) => (y, m, d),
        _ => return Err(bad()),
    };
    // Four digits: y ≤ 9 999 always fits i32.
    NaiveDate::from_ymd_opt(i32::try_from(y).map_err(|_| bad())?, m, d).ok_or_else(bad)
}

/// Refusals carry static reasons: no formatting on the hot path.
fn refuse(code: ErrorCode, reason: &'static str) -> Error {
    Error::new(code, reason)
}

/// The applicant's parsed input: step 1 of SPEC §13 and the input checks of §7.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Applicant {
    /// Today's UTC date.
    pub today: NaiveDate,
    /// The birth date (not after today).
    pub birth: NaiveDate,
    /// The normalised country.
    pub country: CountryCode,
}

/// Parses the applicant's birth date and country against `now_ms`; malformed input (or a birth
/// date after today) is `INVALID_INPUT`.
#[inline(always)]
pub(crate) fn parse_applicant(birth_date: &str, country: &str, now_ms: i64) -> Result<Applicant> {
    let today = time::utc_date(now_ms)?;
    let birth = parse_birth_date(birth_date)?;
    if birth > today {
        return Err(Error::invalid(format!("birth date {birth_date} is after today")));
    }
    Ok(Applicant { today, birth, country: CountryCode::parse(country)? })
}

/// The age gate: the applicant's age in whole years, or `AGE_RESTRICTED` under the minimum.
#[inline]
pub(crate) fn check_age(policy: &Policy, a: &Applicant) -> Result<u32> {
    let age = time::age_years(a.birth, a.today);
    if age < policy.launch.min_age_years {
        return Err(refuse(ErrorCode::AgeRestricted, "the applicant is under the minimum age"));
    }
    Ok(age)
}

/// The mode's registration kind (allowlist, then invite): the invite record's new use count
/// when an invite was used.
#[inline(always)]
pub(crate) fn check_registration(
    rule: &ModeRule,
    on_allowlist: Option<bool>,
    invite_code: Option<&str>,
    invite: Option<&InviteRecord>,
) -> Result<Option<u64>> {
    match rule.registration {
        Registration::Open => Ok(None),
        Registration::Closed => Err(refuse(ErrorCode::LaunchModeRestricted, "registration is closed in this mode")),
        Registration::Allowlist => match on_allowlist {
            None => Err(refuse(ErrorCode::AllowlistRequired, "this mode admits allowlisted applicants only")),
            Some(false) => Err(refuse(ErrorCode::NotOnAllowlist, "the applicant is not on the allowlist")),
            Some(true) => Ok(None),
        },
        Registration::Invite => {
            let typed = invite_code.map(str::trim).unwrap_or("");
            if typed.is_empty() {
                return Err(refuse(ErrorCode::InviteCodeRequired, "this mode needs an invite code"));
            }
            let record = match invite {
                Some(r) if r.code.trim().eq_ignore_ascii_case(typed) => r,
                _ => return Err(refuse(ErrorCode::InvalidInviteCode, "no invite record matches the code")),
            };
            if record.used_count >= record.max_uses {
                return Err(refuse(ErrorCode::InviteCodeDepleted, "the invite code has no uses left"));
            }
            Ok(Some(record.used_count.saturating_add(1)))
        }
    }
}

/// Whether a mode's country list admits a country (`ineligible_countries` never are).
#[inline]
pub(crate) fn mode_admits_country(policy: &Policy, rule: &ModeRule, country: CountryCode) -> bool {
    rule.countries.as_ref().map_or(true, |list| list.contains(&country))
        && !policy.launch.ineligible_countries.contains(&country)
}

/// Whether the mode's platform-wide daily cap has room (`count < cap`; no cap = room).
#[inline]
pub(crate) fn mode_cap_has_room(rule: &ModeRule, counter: &DailyCounter, now_ms: i64) -> bool {
    rule.daily_cap.map_or(true, |cap| counter.count_on(now_ms) < cap)
}

/// Checks one signup against the current mode (SPEC §7.1), in the spec's order.
pub fn check_signup(policy: &Policy, req: &SignupRequest) -> Result<SignupDecision> {
    let applicant = parse_applicant(&req.birth_date, &req.country, req.now_ms)?;
    let country = applicant.country;
    let age = check_age(policy, &applicant)?;
    let rule = policy.launch.rule(req.mode);
    let invite_used_count =
        check_registration(rule, req.on_allowlist, req.invite_code.as_deref(), req.invite.as_ref())?;
    if !mode_admits_country(policy, rule, country) {
        return Err(refuse(ErrorCode::CountryNotAllowed, "the country is not open in this mode"));
    }
    if !mode_cap_has_room(rule, &req.signups_today, req.now_ms) {
        return Err(refuse(ErrorCode::DailyLimitReached, "today's signup cap is reached"));
    }
    Ok(SignupDecision {
        mode: req.mode,
        country,
        age_years: age,
        signups_today: req.signups_today.incremented(req.now_ms),
        invite_used_count,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

/// A requested change of launch mode.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ModeChangeRequest {
    /// The mode in force.
    pub from: LaunchMode,
    /// The requested mode.
    pub to: LaunchMode,
    /// Why (at least 10 characters after trimming).
    pub reason: String,
}

/// An accepted mode change.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// Validates a mode change: a different mode and a reason of at least
/// `mode_change_min_reason_chars` characters after trimming; otherwise `INVALID_INPUT`.
pub fn check_mode_change(policy: &Policy, req: &ModeChangeRequest) -> Result<ModeChange> {
    if req.from == req.to {
        return Err(Error::invalid(format!("the launch mode is already {:?}", req.to)));
    }
    let reason = req.reason.trim();
    let min = policy.launch.mode_change_min_reason_chars as usize;
    let chars = reason.chars().count();
    if chars < min {
        return Err(Error::invalid(format!("a mode change needs a reason of at least {min} characters, got {chars}")));
    }
    Ok(ModeChange {
        from: req.from,
        to: req.to,
        reason: reason.to_string(),
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

/// The mode table row of a mode (registration kind, countries, daily cap), for dashboards.
pub fn mode_rules(policy: &Policy, mode: LaunchMode) -> ModeRule {
    policy.launch.rule(mode).clone()
}

/// Normalises a country code (trim, upper-case, two ASCII letters), else `INVALID_INPUT`.
pub fn normalize_country(raw: &str) -> Result<CountryCode> {
    CountryCode::parse(raw)
}

#[cfg(test)]
#[path = "launch_tests.rs"]
mod tests;
