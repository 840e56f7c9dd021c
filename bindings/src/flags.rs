//! Facade of `core/src/flags.rs`: feature flags with deterministic SHA-256 rollout buckets
//! (SPEC §7.4). `evaluate_flags` evaluates every flag for one user in one call.

use crate::error::{guard, AvaloError};
use avalo_core::flags::{self as core, *};
use avalo_core::Policy;

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
    guard(|| Ok(core::evaluate_flag(policy, &killed_groups, &flag, &context)?))
}

/// Evaluates every flag of a set for one user in one call (the batch form); a flag defined
/// twice is `INVALID_INPUT`.
#[uniffi::export]
pub fn evaluate_flags(policy: &Policy, set: FlagSet, context: FlagContext) -> Result<FlagEvaluation, AvaloError> {
    guard(|| Ok(core::evaluate_flags(policy, &set, &context)?))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = avalo_core::Policy::default();
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
