//! Facade of `core/src/money.rs`: money as decimal strings, currencies, basis points.

use crate::convert::{from_js, list_to_js, text, to_js, uint32, JsResult};
use avalo_core::money::{self as rules, Currency, CurrencyInfo, Money};
use avalo_core::Result;
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Decodes a currency-code argument (trimmed, case-insensitive); unknown is `INVALID_INPUT`.
pub(crate) fn currency_arg(code: &JsString) -> Result<Currency> {
    Currency::from_code(&text(code, "currency")?)
}

/// Decodes a `Money` argument (`Money::parse`, exact; never rounds).
pub(crate) fn money_arg(value: &Ts<Money>) -> Result<Money> {
    from_js(value)
}

/// Parses a decimal string exactly into canonical money (`"12.3"` PLN → `"12.30"`). Signs,
/// exponents, commas or too many decimals are `INVALID_INPUT`; too large is
/// `AMOUNT_OUT_OF_RANGE`; an unknown currency is `INVALID_INPUT`.
#[wasm_bindgen(js_name = parseMoney)]
pub fn parse_money(amount: JsString, currency: JsString) -> JsResult<Ts<Money>> {
    let m = rules::Money::parse(&text(&amount, "amount")?, currency_arg(&currency)?)?;
    Ok(to_js(&m)?)
}

/// The amount in minor units (grosze, cents) as a decimal integer string (`"1234"` for
/// 12.34 PLN): a string because minor units may exceed `Number.MAX_SAFE_INTEGER`.
#[wasm_bindgen(js_name = minorUnits)]
pub fn minor_units(money: Ts<Money>) -> JsResult<String> {
    Ok(money_arg(&money)?.minor.to_string())
}

/// Looks up a currency by ISO code (trimmed, case-insensitive); unknown is `INVALID_INPUT`.
#[wasm_bindgen(js_name = currencyInfo)]
pub fn currency_info(code: JsString) -> JsResult<Ts<CurrencyInfo>> {
    Ok(to_js(&Currency::from_code(&text(&code, "code")?)?.info())?)
}

/// Every currency the core knows.
#[wasm_bindgen(js_name = currencies)]
pub fn currencies() -> JsResult<Vec<Ts<CurrencyInfo>>> {
    let all: Vec<CurrencyInfo> = Currency::all().map(Currency::info).collect();
    Ok(list_to_js(&all)?)
}

/// Validates basis points (0..=10 000, 1 bp = 0.01 %) and returns them; otherwise
/// `INVALID_INPUT`.
#[wasm_bindgen(js_name = basisPoints)]
pub fn basis_points(bp: Number) -> JsResult<u32> {
    Ok(rules::BasisPoints::new(uint32(&bp, "bp")?)?.get())
}
