//! Facade of `core/src/flags.rs`: feature flags with deterministic SHA-256 rollout buckets
//! (SPEC §7.4). `evaluateFlags` evaluates every flag for one user in one call.

use crate::convert::{from_js, text, to_js, JsResult};
use crate::Policy;
use avalo_core::flags as rules;
use js_sys::JsString;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Names of the switched-off kill-switch groups (e.g. `["chat"]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Tsify)]
pub struct KilledGroups(pub Vec<String>);

/// A client platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// iOS app.
    Ios,
    /// Android app.
    Android,
    /// Web.
    Web,
}

impl From<Platform> for rules::Platform {
    fn from(v: Platform) -> Self {
        match v {
            Platform::Ios => rules::Platform::Ios,
            Platform::Android => rules::Platform::Android,
            Platform::Web => rules::Platform::Web,
        }
    }
}

/// One flag's definition (runtime state from the host's flag store).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct FlagDefinition {
    /// Flag name, e.g. `chat_voice_notes`.
    pub name: String,
    /// Whether the flag is enabled at all.
    pub enabled: bool,
    /// The flag's own kill switch (on = the flag is off for everyone).
    #[serde(default)]
    #[tsify(optional)]
    pub kill_switch: bool,
    /// Start of the time window, inclusive, ms since the epoch.
    #[serde(default)]
    #[tsify(optional)]
    pub starts_at_ms: Option<i64>,
    /// End of the time window, exclusive.
    #[serde(default)]
    #[tsify(optional)]
    pub ends_at_ms: Option<i64>,
    /// Targeted regions; `None` = everywhere.
    #[serde(default)]
    #[tsify(optional)]
    pub regions: Option<Vec<String>>,
    /// Targeted platforms; `None` = every platform.
    #[serde(default)]
    #[tsify(optional)]
    pub platforms: Option<Vec<Platform>>,
    /// Users who never get the flag.
    #[serde(default)]
    #[tsify(optional)]
    pub blocked_users: Vec<String>,
    /// Users who always get it (after targeting).
    #[serde(default)]
    #[tsify(optional)]
    pub allowed_users: Vec<String>,
    /// Rollout share, basis points 0..=10 000.
    pub rollout_bp: u32,
}

impl From<FlagDefinition> for rules::FlagDefinition {
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
        rules::FlagDefinition {
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct FlagContext {
    /// The user's stable id (not empty).
    pub user_id: String,
    /// The user's region (e.g. a country code), if known.
    #[serde(default)]
    #[tsify(optional)]
    pub region: Option<String>,
    /// The user's platform, if known.
    #[serde(default)]
    #[tsify(optional)]
    pub platform: Option<Platform>,
    /// Now, ms since the epoch.
    pub now_ms: i64,
}

impl From<FlagContext> for rules::FlagContext {
    fn from(v: FlagContext) -> Self {
        let FlagContext { user_id, region, platform, now_ms } = v;
        rules::FlagContext { user_id, region, platform: platform.map(|v| v.into()), now_ms }
    }
}

/// The rule that decided a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
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

impl From<rules::FlagRule> for FlagRule {
    fn from(v: rules::FlagRule) -> Self {
        match v {
            rules::FlagRule::AlwaysOn => FlagRule::AlwaysOn,
            rules::FlagRule::GlobalKillSwitch => FlagRule::GlobalKillSwitch,
            rules::FlagRule::FlagKillSwitch => FlagRule::FlagKillSwitch,
            rules::FlagRule::Disabled => FlagRule::Disabled,
            rules::FlagRule::OutsideWindow => FlagRule::OutsideWindow,
            rules::FlagRule::RegionNotTargeted => FlagRule::RegionNotTargeted,
            rules::FlagRule::PlatformNotTargeted => FlagRule::PlatformNotTargeted,
            rules::FlagRule::UserBlocked => FlagRule::UserBlocked,
            rules::FlagRule::UserAllowed => FlagRule::UserAllowed,
            rules::FlagRule::Rollout => FlagRule::Rollout,
        }
    }
}

/// A flag decision for one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
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

impl From<rules::FlagDecision> for FlagDecision {
    fn from(v: rules::FlagDecision) -> Self {
        let rules::FlagDecision { flag, on, rule, bucket } = v;
        FlagDecision { flag, on, rule: rule.into(), bucket }
    }
}

/// Every flag plus the killed groups: what a host loads from its flag store.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Tsify)]
pub struct FlagSet {
    /// Names of the kill-switch groups that are switched off.
    #[serde(default)]
    #[tsify(optional)]
    pub killed_groups: Vec<String>,
    /// The flags.
    pub flags: Vec<FlagDefinition>,
}

impl From<FlagSet> for rules::FlagSet {
    fn from(v: FlagSet) -> Self {
        let FlagSet { killed_groups, flags } = v;
        rules::FlagSet { killed_groups, flags: flags.into_iter().map(Into::into).collect() }
    }
}

/// All flags for one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct FlagEvaluation {
    /// One decision per flag, in input order.
    pub decisions: Vec<FlagDecision>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<rules::FlagEvaluation> for FlagEvaluation {
    fn from(v: rules::FlagEvaluation) -> Self {
        let rules::FlagEvaluation { decisions, policy_fingerprint } = v;
        FlagEvaluation { decisions: decisions.into_iter().map(Into::into).collect(), policy_fingerprint }
    }
}

/// The rollout bucket of a user for a flag, 0..10 000: the first 4 bytes of
/// SHA-256(`"{flag}:{userId}"`) as a big-endian u32, modulo 10 000. The same in every language.
#[wasm_bindgen(js_name = flagBucket)]
pub fn flag_bucket(flag: JsString, #[wasm_bindgen(js_name = userId)] user_id: JsString) -> JsResult<u32> {
    Ok(rules::flag_bucket(&text(&flag, "flag")?, &text(&user_id, "userId")?))
}

/// Evaluates one flag for one user (SPEC §7.4); the decision names the deciding rule.
/// `killedGroups` names the switched-off kill-switch groups (an unknown group, an empty user
/// id, `rollout_bp` above 10 000 or an empty time window is `INVALID_INPUT`).
#[wasm_bindgen(js_name = evaluateFlag)]
pub fn evaluate_flag(
    policy: &Policy,
    #[wasm_bindgen(js_name = killedGroups)] killed_groups: Ts<KilledGroups>,
    flag: Ts<FlagDefinition>,
    context: Ts<FlagContext>,
) -> JsResult<Ts<FlagDecision>> {
    let KilledGroups(killed) = from_js(&killed_groups)?;
    let d = rules::evaluate_flag(policy.core(), &killed, &from_js(&flag)?.into(), &from_js(&context)?.into())?;
    Ok(to_js(&FlagDecision::from(d))?)
}

/// Evaluates every flag of a set for one user in one call (the batch form); a flag defined
/// twice is `INVALID_INPUT`.
#[wasm_bindgen(js_name = evaluateFlags)]
pub fn evaluate_flags(policy: &Policy, set: Ts<FlagSet>, context: Ts<FlagContext>) -> JsResult<Ts<FlagEvaluation>> {
    let e = rules::evaluate_flags(policy.core(), &from_js(&set)?.into(), &from_js(&context)?.into())?;
    Ok(to_js(&FlagEvaluation::from(e))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::Policy as CorePolicy;
    use serde_json::Value;

    use crate::test_support::same;

    /// The inputs of every `flags.json` vector case of one operation.
    fn inputs(op: &str) -> Vec<Value> {
        crate::test_support::vector_inputs(include_str!("../../tests/vectors/flags.json"), op)
    }

    /// Every vector input decodes through the mirror into exactly the core value, and every
    /// result mirrors the core's wire format.
    #[test]
    fn mirrors_have_the_core_wire_format() {
        let p = CorePolicy::default();
        for i in inputs("evaluate_flag") {
            let killed: KilledGroups = serde_json::from_value(i["killed_groups"].clone()).unwrap();
            let flag: FlagDefinition = serde_json::from_value(i["flag"].clone()).unwrap();
            let ctx: FlagContext = serde_json::from_value(i["context"].clone()).unwrap();
            let core_flag: rules::FlagDefinition = serde_json::from_value(i["flag"].clone()).unwrap();
            let core_ctx: rules::FlagContext = serde_json::from_value(i["context"].clone()).unwrap();
            assert_eq!(rules::FlagDefinition::from(flag), core_flag);
            assert_eq!(rules::FlagContext::from(ctx), core_ctx);
            if let Ok(d) = rules::evaluate_flag(&p, &killed.0, &core_flag, &core_ctx) {
                same(FlagDecision::from(d.clone()), d);
            }
        }
        for i in inputs("evaluate_flags") {
            let set: FlagSet = serde_json::from_value(i["set"].clone()).unwrap();
            let core_set: rules::FlagSet = serde_json::from_value(i["set"].clone()).unwrap();
            let core_ctx: rules::FlagContext = serde_json::from_value(i["context"].clone()).unwrap();
            assert_eq!(rules::FlagSet::from(set), core_set);
            if let Ok(e) = rules::evaluate_flags(&p, &core_set, &core_ctx) {
                same(FlagEvaluation::from(e.clone()), e);
            }
        }
    }
}
