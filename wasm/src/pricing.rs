//! Facade of `core/src/pricing.rs`: token packs, FX, settlement value, subscriptions.
//!
//! `currency` arguments are ISO codes; `fxRate` is an optional decimal string ("units of
//! `currency` per 1 PLN"), needed only for a currency the pack table lacks.

use crate::convert::{from_js, list_to_js, number, opt_decimal, text, to_js, uint, JsResult};
use crate::money::{currency_arg, money_arg};
use crate::Policy;
use avalo_core::pricing as rules;
use avalo_core::pricing::{PackCombination, PackQuote, SubscriptionTier};
use avalo_core::Money;
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

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
    Ok(to_js(&q)?)
}

/// Every pack priced in `currency`, in table order.
#[wasm_bindgen(js_name = listPacks)]
pub fn list_packs(
    policy: &Policy,
    currency: JsString,
    #[wasm_bindgen(js_name = fxRate)] fx_rate: Option<JsString>,
) -> JsResult<Vec<Ts<PackQuote>>> {
    let quotes = rules::list_packs(policy.core(), currency_arg(&currency)?, opt_decimal(fx_rate, "fxRate")?)?;
    let quotes: Vec<PackQuote> = quotes.into_iter().collect();
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
    Ok(to_js(&m)?)
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
    Ok(to_js(&m)?)
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
    let m = rules::subscription_price(policy.core(), tier, currency_arg(&currency)?, opt_decimal(fx_rate, "fxRate")?)?;
    Ok(to_js(&m)?)
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
    Ok(to_js(&q)?)
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
    Ok(to_js(&c)?)
}
