//! Facade of `core/src/royal.rs` (SPEC §7.3): Royal Club tiers from daily spend buckets.

use crate::convert::{from_js, list_from_js, millis, to_js, uint, JsResult};
use crate::Policy;
use avalo_core::royal as rules;
use avalo_core::royal::{RoyalStatus, RoyalSubscription, RoyalTier};
use js_sys::Number;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// The Royal Club status at `nowMs` (SPEC §7.3): tokens spent today and the 29 days before,
/// an active subscription as a floor, and the tokens missing to the next tier.
#[wasm_bindgen(js_name = royalStatus)]
pub fn royal_status(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "SpendBucket[]")] buckets: JsValue,
    subscription: Option<Ts<RoyalSubscription>>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<RoyalStatus>> {
    let buckets: Vec<rules::SpendBucket> = list_from_js(&buckets, "buckets")?;
    let sub = subscription.map(|s| from_js(&s)).transpose()?;
    let status = rules::royal_status(policy.core(), &buckets, sub.as_ref(), millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&status)?)
}

/// The tier a 30-day spend gives, without a subscription.
#[wasm_bindgen(js_name = tierForSpend)]
pub fn tier_for_spend(policy: &Policy, spent: Number) -> JsResult<Ts<RoyalTier>> {
    let tier = rules::tier_for_spend(policy.core(), uint(&spent, "spent")?);
    Ok(to_js(&tier)?)
}
