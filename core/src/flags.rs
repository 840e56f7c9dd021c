//! Feature flags with deterministic rollout buckets (SPEC §7.4).
//!
//! Evaluation order, the first decisive rule wins, and the decision names it ([`FlagRule`]):
//! always-on → global kill switch (prefix groups) → flag kill switch → flag disabled →
//! environment not targeted (SPEC §15.2) → outside its time window → region not targeted → platform not targeted → user blocked → user allowed
//! → rollout. Rollout: `bucket = u32::from_be_bytes(SHA-256("{flag}:{user_id}")[0..4]) % 10 000`,
//! on when `bucket < rollout_bp`; the same in every language, so apps and server agree on who
//! is in a rollout. [`evaluate_flags`] evaluates every flag for one user in one call.
//!
//! Policy data ([`FlagsPolicy`]): the kill-switch groups (group name → name prefixes; the
//! default groups are `chat` (`chat_`, `message_`), `ai_companions`, `video_calls`,
//! `calendar_payments`, `events`, `wallet`) and the always-on flags (`refund_buttons`,
//! `panic_tracking`). Flag definitions and the set of killed groups are runtime state the host
//! passes in.
//!
//! Choices where the spec is silent (documented for the README):
//! - Always-on flags are checked before everything, kill switches included: safety features
//!   (refunds, panic tracking) must survive an emergency switch-off.
//! - A group covers a flag whose name starts with one of its prefixes or equals the group name.
//!   Killing a group the policy does not define is `INVALID_INPUT` (a typo must not silently
//!   leave a feature on).
//! - The time window is `starts_at_ms ≤ now < ends_at_ms` (either bound optional); a window
//!   with `starts_at_ms ≥ ends_at_ms` is `INVALID_INPUT`.
//! - Regions are compared trimmed and ASCII case-insensitively; `regions`/`platforms` `None`
//!   targets everyone, and a user with no region/platform is outside any targeting list.
//! - Environments (SPEC §15.2): a flag targets a set of environments (`None` = all, the default);
//!   the environment is the deployment's, passed in the context. A context without an
//!   environment is outside any targeting list (as a user without a region), so a flag limited
//!   to `staging` never turns on where the host did not say it is staging.
//! - A user both blocked and allowed is blocked. An empty user id, an empty flag name,
//!   `rollout_bp` above 10 000, and (in the batch) a flag defined twice are `INVALID_INPUT`.
//! - Single decisions carry no policy fingerprint (hot path); the batch result carries it once.

use crate::error::{Error, Result};
use crate::identity::IdKey;
use crate::ops::Environment;
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Bucket modulus: buckets are basis points, 0..10 000.
pub const BUCKETS: u32 = 10_000;

/// Flags section of the policy.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagsPolicy {
    /// Kill-switch groups: group name → flag-name prefixes it covers.
    pub kill_switch_groups: BTreeMap<String, Vec<String>>,
    /// Flags that are always on, whatever their definition or any kill switch says.
    pub always_on: Vec<String>,
}

impl Default for FlagsPolicy {
    fn default() -> Self {
        let group =
            |name: &str, prefixes: &[&str]| (name.to_string(), prefixes.iter().map(|p| p.to_string()).collect());
        FlagsPolicy {
            kill_switch_groups: BTreeMap::from([
                group("chat", &["chat_", "message_"]),
                group("ai_companions", &["ai_companion_"]),
                group("video_calls", &["video_call_"]),
                group("calendar_payments", &["calendar_payment_"]),
                group("events", &["event_"]),
                group("wallet", &["wallet_"]),
            ]),
            always_on: vec!["refund_buttons".into(), "panic_tracking".into()],
        }
    }
}

impl FlagsPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        use crate::policy::bounds as b;
        let groups = self.kill_switch_groups.len();
        check(groups <= b::MAX_FLAG_ENTRIES, p, format!("{path}.kill_switch_groups"), "must hold at most 256 groups");
        check(self.always_on.len() <= b::MAX_ALWAYS_ON, p, format!("{path}.always_on"), "must hold at most 1024");
        for (name, prefixes) in self.kill_switch_groups.iter().take(b::MAX_FLAG_ENTRIES) {
            let n = prefixes.len();
            check(n <= b::MAX_FLAG_ENTRIES, p, format!("{path}.kill_switch_groups.{name}"), "at most 256 prefixes");
            check(!name.trim().is_empty(), p, format!("{path}.kill_switch_groups"), "group names must not be empty");
            for (i, prefix) in prefixes.iter().enumerate() {
                check(!prefix.is_empty(), p, format!("{path}.kill_switch_groups.{name}[{i}]"), "must not be empty");
            }
        }
        for (i, f) in self.always_on.iter().enumerate().take(b::MAX_ALWAYS_ON) {
            check(!f.is_empty(), p, format!("{path}.always_on[{i}]"), "must not be empty");
        }
    }
}

/// A client platform.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// iOS app.
    Ios,
    /// Android app.
    Android,
    /// Web.
    Web,
}

/// One flag's definition (runtime state from the host's flag store).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FlagDefinition {
    /// Flag name, e.g. `chat_voice_notes`.
    pub name: String,
    /// Whether the flag is enabled at all.
    pub enabled: bool,
    /// The flag's own kill switch (on = the flag is off for everyone).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub kill_switch: bool,
    /// Start of the time window, inclusive, ms since the epoch.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub starts_at_ms: Option<i64>,
    /// End of the time window, exclusive.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ends_at_ms: Option<i64>,
    /// Targeted deployment environments; `None` = all (SPEC §15.2).
    #[serde(default)]
    pub environments: Option<Vec<Environment>>,
    /// Targeted regions; `None` = everywhere.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub regions: Option<Vec<String>>,
    /// Targeted platforms; `None` = every platform.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub platforms: Option<Vec<Platform>>,
    /// Users who never get the flag.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub blocked_users: Vec<String>,
    /// Users who always get it (after targeting).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub allowed_users: Vec<String>,
    /// Rollout share, basis points 0..=10 000.
    pub rollout_bp: u32,
}

/// The user and moment a flag is evaluated for.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FlagContext {
    /// The user's stable id (not empty).
    pub user_id: String,
    /// The user's region (e.g. a country code), if known.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub region: Option<String>,
    /// The user's platform, if known.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub platform: Option<Platform>,
    /// The deployment's environment (SPEC §15.2), if known.
    #[serde(default)]
    pub environment: Option<Environment>,
    /// Now, ms since the epoch.
    pub now_ms: i64,
}

/// The rule that decided a flag.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
    /// Off: the deployment's environment is not targeted (SPEC §15.2).
    EnvironmentNotTargeted,
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

/// A flag decision for one user.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// Every flag plus the killed groups: what a host loads from its flag store.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FlagSet {
    /// Names of the kill-switch groups that are switched off.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub killed_groups: Vec<String>,
    /// The flags.
    pub flags: Vec<FlagDefinition>,
}

/// All flags for one user.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FlagEvaluation {
    /// One decision per flag, in input order.
    pub decisions: Vec<FlagDecision>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// The rollout bucket of a user for a flag: the first 4 bytes of SHA-256(`"{flag}:{user_id}"`)
/// as a big-endian `u32`, modulo 10 000.
pub fn flag_bucket(flag: &str, user_id: &str) -> u32 {
    let digest =
        Sha256::new().chain_update(flag.as_bytes()).chain_update(b":").chain_update(user_id.as_bytes()).finalize();
    let [a, b, c, d, ..] = digest.as_slice() else { return 0 }; // a digest is always 32 bytes
    u32::from_be_bytes([*a, *b, *c, *d]) % BUCKETS
}

/// The prefix lists of the killed groups; an unknown group is `INVALID_INPUT`.
fn killed_prefixes<'p>(policy: &'p Policy, killed: &'p [String]) -> Result<Vec<(&'p str, &'p [String])>> {
    killed
        .iter()
        .map(|g| {
            policy
                .flags
                .kill_switch_groups
                .get_key_value(g.as_str())
                .map(|(k, v)| (k.as_str(), v.as_slice()))
                .ok_or_else(|| Error::invalid(format!("unknown kill-switch group {g:?}")))
        })
        .collect()
}

fn check_definition(f: &FlagDefinition) -> Result<()> {
    if f.name.is_empty() {
        return Err(Error::invalid("a flag name must not be empty"));
    }
    if f.rollout_bp > BUCKETS {
        return Err(Error::invalid(format!("flag {}: rollout_bp {} is above 10000", f.name, f.rollout_bp)));
    }
    if let (Some(s), Some(e)) = (f.starts_at_ms, f.ends_at_ms) {
        if s >= e {
            return Err(Error::invalid(format!("flag {}: empty time window", f.name)));
        }
    }
    Ok(())
}

/// `me` is the canonical key of `ctx.user_id` ([`crate::identity`]), computed once per call.
fn decide(
    policy: &Policy,
    killed: &[(&str, &[String])],
    f: &FlagDefinition,
    ctx: &FlagContext,
    me: &IdKey<'_>,
) -> FlagDecision {
    let done = |on, rule, bucket| FlagDecision { flag: f.name.clone(), on, rule, bucket };
    let name = f.name.as_str();
    if policy.flags.always_on.iter().any(|a| a == name) {
        return done(true, FlagRule::AlwaysOn, None);
    }
    if killed.iter().any(|(group, prefixes)| *group == name || prefixes.iter().any(|p| name.starts_with(p.as_str()))) {
        return done(false, FlagRule::GlobalKillSwitch, None);
    }
    if f.kill_switch {
        return done(false, FlagRule::FlagKillSwitch, None);
    }
    if !f.enabled {
        return done(false, FlagRule::Disabled, None);
    }
    if let Some(envs) = &f.environments {
        if !ctx.environment.is_some_and(|e| envs.contains(&e)) {
            return done(false, FlagRule::EnvironmentNotTargeted, None);
        }
    }
    if f.starts_at_ms.is_some_and(|s| ctx.now_ms < s) || f.ends_at_ms.is_some_and(|e| ctx.now_ms >= e) {
        return done(false, FlagRule::OutsideWindow, None);
    }
    if let Some(regions) = &f.regions {
        let user = ctx.region.as_deref().map(str::trim);
        if !user.is_some_and(|u| regions.iter().any(|r| r.trim().eq_ignore_ascii_case(u))) {
            return done(false, FlagRule::RegionNotTargeted, None);
        }
    }
    if let Some(platforms) = &f.platforms {
        if !ctx.platform.is_some_and(|p| platforms.contains(&p)) {
            return done(false, FlagRule::PlatformNotTargeted, None);
        }
    }
    let listed = |users: &[String]| users.iter().any(|u| *u == ctx.user_id || IdKey::new(u) == *me);
    if listed(&f.blocked_users) {
        return done(false, FlagRule::UserBlocked, None);
    }
    if listed(&f.allowed_users) {
        return done(true, FlagRule::UserAllowed, None);
    }
    let bucket = flag_bucket(name, &ctx.user_id);
    done(bucket < f.rollout_bp, FlagRule::Rollout, Some(bucket))
}

fn check_context(ctx: &FlagContext) -> Result<()> {
    if ctx.user_id.is_empty() {
        return Err(Error::invalid("the user id must not be empty"));
    }
    Ok(())
}

/// Evaluates one flag for one user (SPEC §7.4). `killed_groups` names the switched-off
/// kill-switch groups.
pub fn evaluate_flag(
    policy: &Policy,
    killed_groups: &[String],
    flag: &FlagDefinition,
    ctx: &FlagContext,
) -> Result<FlagDecision> {
    check_context(ctx)?;
    check_definition(flag)?;
    let killed = killed_prefixes(policy, killed_groups)?;
    Ok(decide(policy, &killed, flag, ctx, &IdKey::new(&ctx.user_id)))
}

/// Evaluates every flag of a set for one user in one call (the batch form).
pub fn evaluate_flags(policy: &Policy, set: &FlagSet, ctx: &FlagContext) -> Result<FlagEvaluation> {
    check_context(ctx)?;
    let killed = killed_prefixes(policy, &set.killed_groups)?;
    let mut names: Vec<&str> = Vec::with_capacity(set.flags.len());
    for f in &set.flags {
        check_definition(f)?;
        names.push(&f.name);
    }
    names.sort_unstable();
    if let Some(w) = names.windows(2).find(|w| w.first() == w.get(1)) {
        return Err(Error::invalid(format!("flag {:?} is defined twice", w.first().copied().unwrap_or_default())));
    }
    Ok(FlagEvaluation {
        decisions: {
            let me = IdKey::new(&ctx.user_id);
            set.flags.iter().map(|f| decide(policy, &killed, f, ctx, &me)).collect()
        },
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}
