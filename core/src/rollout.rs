//! Country rollout phases, daily caps and progression (SPEC §7.2).
//!
//! - [`check_country_cap`]: a country's phase (`alpha`, `soft`, `public`, `pause`, or none),
//!   its per-country cap overrides (0 allowed), the kind of operation (user signup, payment,
//!   creator registration) and the stored [`DailyCounter`]. A counter from an earlier UTC day
//!   counts as 0; the operation is allowed when `count < cap` and the decision returns the new
//!   counter including it; otherwise `DAILY_LIMIT_REACHED`. Every operation of a paused country
//!   is `COUNTRY_PAUSED` (whatever the overrides say). A country with no phase is not controlled:
//!   allowed, with the counter still advanced so the host can keep counting.
//! - [`progression_readiness`]: `soft` → `public` is recommended when each of the last 7 days
//!   meets every criterion; the report lists each failed criterion on each day.
//! - [`next_market`]: the first market of the default sequence not launched yet.
//!
//! Choices where the spec is silent (documented for the README):
//! - "The last 7 days" are the 7 completed UTC days before the day of `now_ms` (today is not
//!   over yet). A day of the window with no data fails with the criterion `missing_data`. Days
//!   outside the window are validated but ignored; a date given twice is `INVALID_INPUT`.
//! - Revenue is in minor units of the reporting currency (USD by default, so 5 000.00 is
//!   500 000); the verification rate is `verified ÷ installs`, compared in integers
//!   (`verified × 10 000 ≥ installs × 5 000`), 0 when there are no installs, and `verified`
//!   above `installs` is `INVALID_INPUT`. Reported rates are floored basis points.
//! - A counter stamped on a later day than `now_ms` (clock skew) is taken as today's, and the
//!   new counter keeps the later stamp, so skew never grants extra operations.

use crate::error::{Error, ErrorCode, Result};
use crate::launch::CountryCode;
use crate::policy::{check, Policy, PolicyProblem};
use crate::time::{self, day_index, DAY_MS};
use serde::{Deserialize, Serialize};

/// A per-day counter as the host stores it: the count and when it was last incremented.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DailyCounter {
    /// Operations counted on the UTC day of `updated_at_ms`.
    pub count: u64,
    /// When the counter was last incremented, ms since the epoch (0 for a fresh counter).
    pub updated_at_ms: i64,
}

impl DailyCounter {
    /// The count that applies on the UTC day of `now_ms`: 0 when the counter is from an earlier
    /// day.
    pub fn count_on(&self, now_ms: i64) -> u64 {
        if day_index(self.updated_at_ms) < day_index(now_ms) {
            0
        } else {
            self.count
        }
    }

    /// The counter after one more operation at `now_ms`.
    pub fn incremented(&self, now_ms: i64) -> DailyCounter {
        DailyCounter { count: self.count_on(now_ms).saturating_add(1), updated_at_ms: now_ms.max(self.updated_at_ms) }
    }
}

/// Rollout phase of a country.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RolloutPhase {
    /// First, small market test.
    Alpha,
    /// Soft launch.
    Soft,
    /// Public.
    Public,
    /// Paused: every operation is refused with `COUNTRY_PAUSED`.
    Pause,
}

/// The kind of operation a cap counts.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CapKind {
    /// New users (signups).
    Users,
    /// Payments.
    Payments,
    /// New creators.
    Creators,
}

/// Daily caps of one phase.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct PhaseCaps {
    /// New users per UTC day.
    pub users: u64,
    /// Payments per UTC day.
    pub payments: u64,
    /// New creators per UTC day.
    pub creators: u64,
}

impl PhaseCaps {
    /// The cap of one kind.
    pub fn get(&self, kind: CapKind) -> u64 {
        match kind {
            CapKind::Users => self.users,
            CapKind::Payments => self.payments,
            CapKind::Creators => self.creators,
        }
    }
}

/// Per-country cap overrides; `None` keeps the phase default, `Some(0)` blocks that kind.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CapOverrides {
    /// Override of the users cap.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub users: Option<u64>,
    /// Override of the payments cap.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub payments: Option<u64>,
    /// Override of the creators cap.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub creators: Option<u64>,
}

impl CapOverrides {
    fn get(&self, kind: CapKind) -> Option<u64> {
        match kind {
            CapKind::Users => self.users,
            CapKind::Payments => self.payments,
            CapKind::Creators => self.creators,
        }
    }
}

/// Progression criteria (`soft` → `public`).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressionPolicy {
    /// Consecutive days that must all pass (7).
    pub days: u32,
    /// Minimum active users per day (1 000).
    pub min_active_users: u64,
    /// Minimum revenue per day, minor units of the reporting currency (500 000 = 5 000.00).
    pub min_revenue_minor: u64,
    /// Maximum safety incidents per day (20).
    pub max_safety_incidents: u64,
    /// Minimum verification rate, basis points (5 000 = 0.5).
    pub min_verification_bp: u32,
}

/// Rollout section of the policy.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RolloutPolicy {
    /// `alpha` caps (100 / 1 000 / 10).
    pub alpha: PhaseCaps,
    /// `soft` caps (1 000 / 10 000 / 100).
    pub soft: PhaseCaps,
    /// `public` caps (10 000 / 100 000 / 1 000).
    pub public: PhaseCaps,
    /// `pause` caps (all 0; a paused country is refused with `COUNTRY_PAUSED` anyway).
    pub pause: PhaseCaps,
    /// Progression criteria.
    pub progression: ProgressionPolicy,
    /// Default market sequence (PL, CZ, SK, HR, RO, BG, GR, IT).
    pub market_sequence: Vec<CountryCode>,
}

impl Default for RolloutPolicy {
    fn default() -> Self {
        let caps = |users, payments, creators| PhaseCaps { users, payments, creators };
        let seq: [&[u8; 2]; 8] = [b"PL", b"CZ", b"SK", b"HR", b"RO", b"BG", b"GR", b"IT"];
        RolloutPolicy {
            alpha: caps(100, 1_000, 10),
            soft: caps(1_000, 10_000, 100),
            public: caps(10_000, 100_000, 1_000),
            pause: caps(0, 0, 0),
            progression: ProgressionPolicy {
                days: 7,
                min_active_users: 1_000,
                min_revenue_minor: 500_000,
                max_safety_incidents: 20,
                min_verification_bp: 5_000,
            },
            market_sequence: seq
                .iter()
                .filter_map(|c| std::str::from_utf8(*c).ok())
                .filter_map(|c| CountryCode::parse(c).ok())
                .collect(),
        }
    }
}

impl RolloutPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        check(
            self.pause == PhaseCaps { users: 0, payments: 0, creators: 0 },
            p,
            format!("{path}.pause"),
            "pause caps must be 0",
        );
        let g = &self.progression;
        check(g.days > 0 && g.days <= 366, p, format!("{path}.progression.days"), "must be 1..=366");
        check(
            g.min_verification_bp <= 10_000,
            p,
            format!("{path}.progression.min_verification_bp"),
            "must be <= 10000",
        );
        let max = crate::policy::bounds::MAX_COUNTRIES;
        check(self.market_sequence.len() <= max, p, format!("{path}.market_sequence"), "must hold at most 300");
        let mut seen = std::collections::HashSet::new();
        for (i, c) in self.market_sequence.iter().enumerate() {
            check(seen.insert(*c), p, format!("{path}.market_sequence[{i}]"), "duplicate country");
        }
    }

    /// The default caps of a phase.
    pub fn caps(&self, phase: RolloutPhase) -> &PhaseCaps {
        match phase {
            RolloutPhase::Alpha => &self.alpha,
            RolloutPhase::Soft => &self.soft,
            RolloutPhase::Public => &self.public,
            RolloutPhase::Pause => &self.pause,
        }
    }
}

/// One operation to count against a country's cap.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CapRequest {
    /// The country's phase; `None` = not controlled.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub phase: Option<RolloutPhase>,
    /// The country's cap overrides.
    #[serde(default)]
    pub overrides: CapOverrides,
    /// What is being counted.
    pub kind: CapKind,
    /// The stored counter for this country and kind.
    pub counter: DailyCounter,
    /// Now, ms since the epoch (UTC).
    pub now_ms: i64,
}

/// An allowed operation.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CapDecision {
    /// Whether the country is controlled (has a phase).
    pub controlled: bool,
    /// The cap that applied (`None` when not controlled).
    pub cap: Option<u64>,
    /// The new counter including this operation (store it).
    pub counter: DailyCounter,
    /// Operations left today after this one (`None` when not controlled).
    pub remaining: Option<u64>,
}

/// The effective daily caps of a phase after per-country overrides.
pub fn effective_caps(policy: &Policy, phase: RolloutPhase, overrides: &CapOverrides) -> PhaseCaps {
    let base = policy.rollout.caps(phase);
    PhaseCaps {
        users: overrides.users.unwrap_or(base.users),
        payments: overrides.payments.unwrap_or(base.payments),
        creators: overrides.creators.unwrap_or(base.creators),
    }
}

/// The daily cap of one kind for a phase, after the per-country override.
pub fn phase_cap(policy: &Policy, phase: RolloutPhase, overrides: &CapOverrides, kind: CapKind) -> u64 {
    overrides.get(kind).unwrap_or_else(|| policy.rollout.caps(phase).get(kind))
}

/// Checks one operation against its country's daily cap (SPEC §7.2).
pub fn check_country_cap(policy: &Policy, req: &CapRequest) -> Result<CapDecision> {
    let counter = req.counter.incremented(req.now_ms);
    let phase = match req.phase {
        None => return Ok(CapDecision { controlled: false, cap: None, counter, remaining: None }),
        Some(RolloutPhase::Pause) => return Err(Error::new(ErrorCode::CountryPaused, "the country is paused")),
        Some(phase) => phase,
    };
    let cap = phase_cap(policy, phase, &req.overrides, req.kind);
    let count = req.counter.count_on(req.now_ms);
    if count >= cap {
        return Err(Error::new(ErrorCode::DailyLimitReached, "today's cap for this country is reached"));
    }
    Ok(CapDecision { controlled: true, cap: Some(cap), counter, remaining: Some(cap - count - 1) })
}

/// One day of a country's metrics.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DayMetrics {
    /// The UTC date, `YYYY-MM-DD`.
    pub date: String,
    /// Active users that day.
    pub active_users: u64,
    /// Revenue, minor units of the reporting currency.
    pub revenue_minor: u64,
    /// Safety incidents.
    pub safety_incidents: u64,
    /// Installs.
    pub installs: u64,
    /// Verified users among those installs.
    pub verified: u64,
}

/// A progression criterion.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ProgressionCriterion {
    /// No metrics for the day.
    MissingData,
    /// Active users below the minimum.
    ActiveUsers,
    /// Revenue below the minimum.
    Revenue,
    /// Safety incidents above the maximum.
    SafetyIncidents,
    /// Verification rate below the minimum.
    VerificationRate,
}

/// One failed criterion on one day.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgressionFailure {
    /// The UTC date, `YYYY-MM-DD`.
    pub date: String,
    /// What failed.
    pub criterion: ProgressionCriterion,
    /// The day's value (rates in floored basis points; `None` for missing data).
    pub actual: Option<u64>,
    /// The threshold it missed (`None` for missing data).
    pub threshold: Option<u64>,
}

/// Progression readiness of a `soft` country.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgressionReport {
    /// Whether moving to `public` is recommended (no failures).
    pub recommended: bool,
    /// First day of the window, `YYYY-MM-DD`.
    pub window_start: String,
    /// Last day of the window (yesterday), `YYYY-MM-DD`.
    pub window_end: String,
    /// Every failed criterion, by date then in the spec's order.
    pub failures: Vec<ProgressionFailure>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

fn rate_bp(verified: u64, installs: u64) -> u64 {
    if installs == 0 {
        return 0;
    }
    // Callers check verified ≤ installs, so the rate is ≤ 10 000; saturate otherwise.
    u64::try_from(u128::from(verified) * 10_000 / u128::from(installs)).unwrap_or(u64::MAX)
}

/// Evaluates `soft` → `public` progression over the completed days before `now_ms`.
pub fn progression_readiness(policy: &Policy, days: &[DayMetrics], now_ms: i64) -> Result<ProgressionReport> {
    let g = &policy.rollout.progression;
    let today = day_index(now_ms);
    let n = i64::from(g.days);
    let mut window: Vec<Option<&DayMetrics>> = vec![None; g.days as usize];
    for m in days {
        let date = time::parse_date(&m.date)?;
        if m.verified > m.installs {
            return Err(Error::invalid(format!("{}: verified {} > installs {}", m.date, m.verified, m.installs)));
        }
        // Days since 1970-01-01, which is day 719 163 of the common era.
        let day = i64::from(chrono::Datelike::num_days_from_ce(&date)) - 719_163;
        let offset = today - day; // 1 = yesterday
        if (1..=n).contains(&offset) {
            let slot = usize::try_from(n - offset)
                .ok()
                .and_then(|i| window.get_mut(i))
                .ok_or_else(|| Error::invalid("window index"))?;
            if slot.is_some() {
                return Err(Error::invalid(format!("date {} is given twice", m.date)));
            }
            *slot = Some(m);
        }
    }
    let date_of = |i: usize| {
        let i = i64::try_from(i).map_err(|_| Error::invalid("window index"))?;
        time::utc_date((today - n + i) * DAY_MS).map(time::format_date)
    };
    let mut failures = Vec::new();
    for (i, slot) in window.iter().enumerate() {
        let date = date_of(i)?;
        let mut fail = |criterion, actual, threshold| {
            failures.push(ProgressionFailure { date: date.clone(), criterion, actual, threshold })
        };
        let Some(m) = slot else {
            fail(ProgressionCriterion::MissingData, None, None);
            continue;
        };
        if m.active_users < g.min_active_users {
            fail(ProgressionCriterion::ActiveUsers, Some(m.active_users), Some(g.min_active_users));
        }
        if m.revenue_minor < g.min_revenue_minor {
            fail(ProgressionCriterion::Revenue, Some(m.revenue_minor), Some(g.min_revenue_minor));
        }
        if m.safety_incidents > g.max_safety_incidents {
            fail(ProgressionCriterion::SafetyIncidents, Some(m.safety_incidents), Some(g.max_safety_incidents));
        }
        let rate_low = if m.installs == 0 {
            g.min_verification_bp > 0 // no installs: the rate is 0
        } else {
            u128::from(m.verified) * 10_000 < u128::from(m.installs) * u128::from(g.min_verification_bp)
        };
        if rate_low {
            fail(
                ProgressionCriterion::VerificationRate,
                Some(rate_bp(m.verified, m.installs)),
                Some(u64::from(g.min_verification_bp)),
            );
        }
    }
    Ok(ProgressionReport {
        recommended: failures.is_empty(),
        window_start: date_of(0)?,
        window_end: date_of(window.len().saturating_sub(1))?,
        failures,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

/// The first market of the policy's sequence that is not in `launched` (codes in any case),
/// or `None` when all are launched. A malformed code is `INVALID_INPUT`.
pub fn next_market(policy: &Policy, launched: &[String]) -> Result<Option<CountryCode>> {
    let launched = launched.iter().map(|c| CountryCode::parse(c)).collect::<Result<Vec<_>>>()?;
    Ok(policy.rollout.market_sequence.iter().copied().find(|c| !launched.contains(c)))
}
