//! Facade of `core/src/flags.rs`: feature flags with deterministic SHA-256 rollout buckets
//! (SPEC §7.4). `evaluate_flags` evaluates every flag for one user in one call.

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::flags as core;

/// A client platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Platform {
    /// iOS app.
    Ios,
    /// Android app.
    Android,
    /// Web.
    Web,
}

impl From<Platform> for core::Platform {
    fn from(v: Platform) -> Self {
        match v {
            Platform::Ios => core::Platform::Ios,
            Platform::Android => core::Platform::Android,
            Platform::Web => core::Platform::Web,
        }
    }
}

/// One flag's definition (runtime state from the host's flag store).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FlagDefinition {
    /// Flag name, e.g. `chat_voice_notes`.
    pub name: String,
    /// Whether the flag is enabled at all.
    pub enabled: bool,
    /// The flag's own kill switch (on = the flag is off for everyone).
    #[uniffi(default = false)]
    pub kill_switch: bool,
    /// Start of the time window, inclusive, ms since the epoch.
    #[uniffi(default = None)]
    pub starts_at_ms: Option<i64>,
    /// End of the time window, exclusive.
    #[uniffi(default = None)]
    pub ends_at_ms: Option<i64>,
    /// Targeted regions; `None` = everywhere.
    #[uniffi(default = None)]
    pub regions: Option<Vec<String>>,
    /// Targeted platforms; `None` = every platform.
    #[uniffi(default = None)]
    pub platforms: Option<Vec<Platform>>,
    /// Users who never get the flag.
    #[uniffi(default = [])]
    pub blocked_users: Vec<String>,
    /// Users who always get it (after targeting).
    #[uniffi(default = [])]
    pub allowed_users: Vec<String>,
    /// Rollout share, basis points 0..=10 000.
    pub rollout_bp: u32,
}

impl From<FlagDefinition> for core::FlagDefinition {
    fn from(v: FlagDefinition) -> Self {
        let FlagDefinition {
            name,
            enabled,
            kill_switch,
            starts_at_ms,
            ends_at_ms,
            regions,
            platforms,
            blocked_users,
            allowed_users,
            rollout_bp,
        } = v;
        core::FlagDefinition {
            name,
            enabled,
            kill_switch,
            starts_at_ms,
            ends_at_ms,
            regions,
            platforms: platforms.map(|v| v.into_iter().map(Into::into).collect()),
            blocked_users,
            allowed_users,
            rollout_bp,
        }
    }
}

/// The user and moment a flag is evaluated for.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FlagContext {
    /// The user's stable id (not empty).
    pub user_id: String,
    /// The user's region (e.g. a country code), if known.
    #[uniffi(default = None)]
    pub region: Option<String>,
    /// The user's platform, if known.
    #[uniffi(default = None)]
    pub platform: Option<Platform>,
    /// Now, ms since the epoch.
    pub now_ms: i64,
}

impl From<FlagContext> for core::FlagContext {
    fn from(v: FlagContext) -> Self {
        let FlagContext { user_id, region, platform, now_ms } = v;
        core::FlagContext { user_id, region, platform: platform.map(|v| v.into()), now_ms }
    }
}

/// The rule that decided a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum FlagRule {
    /// On: the policy lists the flag as always on.
    AlwaysOn,
    /// Off: a killed group covers the flag.
    GlobalKillSwitch,
    /// Off: the flag's own kill switch.
    FlagKillSwitch,
    /// Off: the flag is disabled.
    Disabled,
    /// Off: now is outside the flag's time window.
    OutsideWindow,
    /// Off: the user's region is not targeted.
    RegionNotTargeted,
    /// Off: the user's platform is not targeted.
    PlatformNotTargeted,
    /// Off: the user is blocked.
    UserBlocked,
    /// On: the user is allowed.
    UserAllowed,
    /// On or off by the rollout bucket.
    Rollout,
}

impl From<core::FlagRule> for FlagRule {
    fn from(v: core::FlagRule) -> Self {
        match v {
            core::FlagRule::AlwaysOn => FlagRule::AlwaysOn,
            core::FlagRule::GlobalKillSwitch => FlagRule::GlobalKillSwitch,
            core::FlagRule::FlagKillSwitch => FlagRule::FlagKillSwitch,
            core::FlagRule::Disabled => FlagRule::Disabled,
            core::FlagRule::OutsideWindow => FlagRule::OutsideWindow,
            core::FlagRule::RegionNotTargeted => FlagRule::RegionNotTargeted,
            core::FlagRule::PlatformNotTargeted => FlagRule::PlatformNotTargeted,
            core::FlagRule::UserBlocked => FlagRule::UserBlocked,
            core::FlagRule::UserAllowed => FlagRule::UserAllowed,
            core::FlagRule::Rollout => FlagRule::Rollout,
        }
    }
}

/// A flag decision for one user.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FlagDecision {
    /// The flag.
    pub flag: String,
    /// Whether it is on.
    pub on: bool,
    /// The deciding rule.
    pub rule: FlagRule,
    /// The user's bucket (0..10 000), when the rollout decided.
    pub bucket: Option<u32>,
}

impl From<core::FlagDecision> for FlagDecision {
    fn from(v: core::FlagDecision) -> Self {
        let core::FlagDecision { flag, on, rule, bucket } = v;
        FlagDecision { flag, on, rule: rule.into(), bucket }
    }
}

/// Every flag plus the killed groups: what a host loads from its flag store.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FlagSet {
    /// Names of the kill-switch groups that are switched off.
    #[uniffi(default = [])]
    pub killed_groups: Vec<String>,
    /// The flags.
    pub flags: Vec<FlagDefinition>,
}

impl From<FlagSet> for core::FlagSet {
    fn from(v: FlagSet) -> Self {
        let FlagSet { killed_groups, flags } = v;
        core::FlagSet { killed_groups, flags: flags.into_iter().map(Into::into).collect() }
    }
}

/// All flags for one user.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FlagEvaluation {
    /// One decision per flag, in input order.
    pub decisions: Vec<FlagDecision>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::FlagEvaluation> for FlagEvaluation {
    fn from(v: core::FlagEvaluation) -> Self {
        let core::FlagEvaluation { decisions, policy_fingerprint } = v;
        FlagEvaluation { decisions: decisions.into_iter().map(Into::into).collect(), policy_fingerprint }
    }
}

/// The rollout bucket of a user for a flag, 0..10 000: the first 4 bytes of
/// SHA-256(`"{flag}:{user_id}"`) as a big-endian u32, modulo 10 000. The same in every language.
#[uniffi::export]
pub fn flag_bucket(flag: String, user_id: String) -> Result<u32, AvaloError> {
    guard(|| Ok(core::flag_bucket(&flag, &user_id)))
}

/// Evaluates one flag for one user (SPEC §7.4); the decision names the deciding rule.
/// `killed_groups` names the switched-off kill-switch groups (an unknown group, an empty user
/// id, `rollout_bp` above 10 000 or an empty time window is `INVALID_INPUT`).
#[uniffi::export]
pub fn evaluate_flag(
    policy: &Policy,
    killed_groups: Vec<String>,
    flag: FlagDefinition,
    context: FlagContext,
) -> Result<FlagDecision, AvaloError> {
    guard(|| Ok(core::evaluate_flag(policy.core(), &killed_groups, &flag.into(), &context.into())?.into()))
}

/// Evaluates every flag of a set for one user in one call (the batch form); a flag defined
/// twice is `INVALID_INPUT`.
#[uniffi::export]
pub fn evaluate_flags(policy: &Policy, set: FlagSet, context: FlagContext) -> Result<FlagEvaluation, AvaloError> {
    guard(|| Ok(core::evaluate_flags(policy.core(), &set.into(), &context.into())?.into()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = Policy::from(avalo_core::Policy::default());
        assert_eq!(flag_bucket("new_onboarding".into(), "user-42".into()).unwrap(), 9_099);
        let flag = FlagDefinition {
            name: "chat_voice_notes".into(),
            enabled: true,
            kill_switch: false,
            starts_at_ms: None,
            ends_at_ms: None,
            regions: None,
            platforms: Some(vec![Platform::Ios]),
            blocked_users: vec![],
            allowed_users: vec![],
            rollout_bp: 10_000,
        };
        let ctx = FlagContext { user_id: "user-42".into(), region: None, platform: Some(Platform::Web), now_ms: 0 };
        let set = FlagSet { killed_groups: vec!["chat".into()], flags: vec![flag.clone()] };
        assert_eq!(evaluate_flags(&p, set, ctx.clone()).unwrap().decisions[0].rule, FlagRule::GlobalKillSwitch);
        assert_eq!(evaluate_flag(&p, vec![], flag, ctx).unwrap().rule, FlagRule::PlatformNotTargeted);
    }
}
