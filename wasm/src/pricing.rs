//! Facade of `core/src/pricing.rs`: token packs, FX, settlement value, subscriptions.
//!
//! `currency` arguments are ISO codes; `fxRate` is an optional decimal string ("units of
//! `currency` per 1 PLN"), needed only for a currency the pack table lacks.

use crate::convert::{from_js, list_to_js, number, opt_decimal, text, to_js, uint, JsResult};
use crate::money::{currency_arg, money_arg, Money};
use crate::Policy;
use avalo_core::pricing as rules;
use js_sys::{JsString, Number};
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Subscription tiers (SPEC §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum SubscriptionTier {
    /// No subscription.
    Free,
    /// Plus.
    Plus,
    /// Intimate.
    Intimate,
    /// Creator.
    Creator,
}

impl From<SubscriptionTier> for rules::SubscriptionTier {
    fn from(t: SubscriptionTier) -> Self {
        match t {
            SubscriptionTier::Free => rules::SubscriptionTier::Free,
            SubscriptionTier::Plus => rules::SubscriptionTier::Plus,
            SubscriptionTier::Intimate => rules::SubscriptionTier::Intimate,
            SubscriptionTier::Creator => rules::SubscriptionTier::Creator,
        }
    }
}

/// A pack's price in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct PackQuote {
    /// Pack id (`"mini"`, `"standard"`, …).
    pub pack_id: String,
    /// Tokens delivered.
    pub tokens: u64,
    /// Marked as the popular choice.
    pub popular: bool,
    /// Price in the requested currency.
    pub price: Money,
    /// Price of one token in major units, a decimal string rounded half-up to 4 places.
    pub price_per_token: String,
    /// `true` when priced from the FX rate, `false` when from the table.
    pub converted: bool,
    /// Fingerprint of the policy that priced it.
    pub policy_fingerprint: String,
}

impl From<rules::PackQuote> for PackQuote {
    fn from(q: rules::PackQuote) -> Self {
        let rules::PackQuote { pack_id, tokens, popular, price, price_per_token, converted, policy_fingerprint } = q;
        PackQuote {
            pack_id,
            tokens,
            popular,
            price: price.into(),
            price_per_token: price_per_token.to_string(),
            converted,
            policy_fingerprint,
        }
    }
}

/// How many of one pack a combination holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct PackCount {
    /// Pack id.
    pub pack_id: String,
    /// How many of it (≥ 1).
    pub count: u64,
}

/// A multiset of packs covering a token amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct PackCombination {
    /// Packs and counts, largest pack first.
    pub packs: Vec<PackCount>,
    /// Tokens delivered in total (≥ the tokens asked for).
    pub total_tokens: u64,
    /// Total price.
    pub total_price: Money,
    /// Fingerprint of the policy that priced it.
    pub policy_fingerprint: String,
}

impl From<rules::PackCombination> for PackCombination {
    fn from(c: rules::PackCombination) -> Self {
        let rules::PackCombination { packs, total_tokens, total_price, policy_fingerprint } = c;
        let packs = packs
            .into_iter()
            .map(|p| {
                let rules::PackCount { pack_id, count } = p;
                PackCount { pack_id, count }
            })
            .collect();
        PackCombination { packs, total_tokens, total_price: total_price.into(), policy_fingerprint }
    }
}

/// The price of one pack in `currency` (table price, or PLN × FX rate rounded half-up).
/// Unknown pack or currency, or a missing / non-positive FX rate, is `INVALID_INPUT`.
#[wasm_bindgen(js_name = packPrice)]
pub fn pack_price(
    policy: &Policy,
    #[wasm_bindgen(js_name = packId)] pack_id: JsString,
    currency: JsString,
    #[wasm_bindgen(js_name = fxRate)] fx_rate: Option<JsString>,
) -> JsResult<Ts<PackQuote>> {
    let q = rules::pack_price(
        policy.core(),
        &text(&pack_id, "packId")?,
        currency_arg(&currency)?,
        opt_decimal(fx_rate, "fxRate")?,
    )?;
    Ok(to_js(&PackQuote::from(q))?)
}

/// Every pack priced in `currency`, in table order.
#[wasm_bindgen(js_name = listPacks)]
pub fn list_packs(
    policy: &Policy,
    currency: JsString,
    #[wasm_bindgen(js_name = fxRate)] fx_rate: Option<JsString>,
) -> JsResult<Vec<Ts<PackQuote>>> {
    let quotes = rules::list_packs(policy.core(), currency_arg(&currency)?, opt_decimal(fx_rate, "fxRate")?)?;
    let quotes: Vec<PackQuote> = quotes.into_iter().map(Into::into).collect();
    Ok(list_to_js(&quotes)?)
}

/// Converts a PLN amount to `currency` at `fxRate`, rounded half-up to the minor unit. PLN →
/// PLN needs no rate; a non-PLN `pln` or a missing rate is `INVALID_INPUT`.
#[wasm_bindgen(js_name = convertFromPln)]
pub fn convert_from_pln(
    pln: Ts<Money>,
    currency: JsString,
    #[wasm_bindgen(js_name = fxRate)] fx_rate: Option<JsString>,
) -> JsResult<Ts<Money>> {
    let m = rules::convert_from_pln(money_arg(&pln)?, currency_arg(&currency)?, opt_decimal(fx_rate, "fxRate")?)?;
    Ok(to_js(&Money::from(m))?)
}

/// Tokens bought by a PLN amount at the settlement value: `floor(grosze / 20)`. Another
/// currency is `INVALID_INPUT`.
#[wasm_bindgen(js_name = plnToTokens)]
pub fn pln_to_tokens(policy: &Policy, pln: Ts<Money>) -> JsResult<f64> {
    Ok(number(rules::pln_to_tokens(policy.core(), money_arg(&pln)?)?, "tokens")?)
}

/// The PLN settlement value of tokens (`tokens × 0.20 PLN`).
#[wasm_bindgen(js_name = tokensToPln)]
pub fn tokens_to_pln(policy: &Policy, tokens: Number) -> JsResult<Ts<Money>> {
    let m = rules::tokens_to_pln(policy.core(), uint(&tokens, "tokens")?)?;
    Ok(to_js(&Money::from(m))?)
}

/// The monthly price of a subscription tier in `currency` (PLN × FX, half-up).
#[wasm_bindgen(js_name = subscriptionPrice)]
pub fn subscription_price(
    policy: &Policy,
    tier: Ts<SubscriptionTier>,
    currency: JsString,
    #[wasm_bindgen(js_name = fxRate)] fx_rate: Option<JsString>,
) -> JsResult<Ts<Money>> {
    let tier = from_js(&tier)?;
    let m = rules::subscription_price(
        policy.core(),
        tier.into(),
        currency_arg(&currency)?,
        opt_decimal(fx_rate, "fxRate")?,
    )?;
    Ok(to_js(&Money::from(m))?)
}

/// The single cheapest pack delivering at least `tokens` (ties: more tokens, then table
/// order). 0 tokens, or more than the largest pack, is `AMOUNT_OUT_OF_RANGE`.
#[wasm_bindgen(js_name = cheapestPackCovering)]
pub fn cheapest_pack_covering(
    policy: &Policy,
    tokens: Number,
    currency: JsString,
    #[wasm_bindgen(js_name = fxRate)] fx_rate: Option<JsString>,
) -> JsResult<Ts<PackQuote>> {
    let q = rules::cheapest_pack_covering(
        policy.core(),
        uint(&tokens, "tokens")?,
        currency_arg(&currency)?,
        opt_decimal(fx_rate, "fxRate")?,
    )?;
    Ok(to_js(&PackQuote::from(q))?)
}

/// The packs (repeats allowed) covering at least `tokens` for the least money (ties: more
/// tokens, then fewer packs). 0 or more than `pricing.max_combination_tokens` is
/// `AMOUNT_OUT_OF_RANGE`.
#[wasm_bindgen(js_name = cheapestPackCombination)]
pub fn cheapest_pack_combination(
    policy: &Policy,
    tokens: Number,
    currency: JsString,
    #[wasm_bindgen(js_name = fxRate)] fx_rate: Option<JsString>,
) -> JsResult<Ts<PackCombination>> {
    let c = rules::cheapest_pack_combination(
        policy.core(),
        uint(&tokens, "tokens")?,
        currency_arg(&currency)?,
        opt_decimal(fx_rate, "fxRate")?,
    )?;
    Ok(to_js(&PackCombination::from(c))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::{Currency, Policy as CorePolicy};

    #[test]
    fn mirrors_have_the_core_wire_format() {
        let p = CorePolicy::default();
        let q = rules::pack_price(&p, "mini", Currency::PLN, None).unwrap();
        assert_eq!(serde_json::to_value(PackQuote::from(q.clone())).unwrap(), serde_json::to_value(q).unwrap());
        let c = rules::cheapest_pack_combination(&p, 750, Currency::PLN, None).unwrap();
        assert_eq!(serde_json::to_value(PackCombination::from(c.clone())).unwrap(), serde_json::to_value(c).unwrap());
        for t in ["free", "plus", "intimate", "creator"] {
            let mirror: SubscriptionTier = serde_json::from_value(t.into()).unwrap();
            let core_tier: rules::SubscriptionTier = serde_json::from_value(t.into()).unwrap();
            assert_eq!(rules::SubscriptionTier::from(mirror), core_tier);
        }
    }
}
