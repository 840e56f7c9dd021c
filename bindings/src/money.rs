//! Facade of `core/src/money.rs`: money, currencies, basis points.
//!
//! [`Money`] crosses as `{ amount: Decimal, currency: String }`; the amount is a decimal in
//! major units at the currency's canonical scale (`31.99` PLN, `1000` JPY). Into the core it is
//! parsed exactly (`Money::parse`): more decimals than the currency has, a negative amount or
//! an unknown currency is `INVALID_INPUT`, never a rounding. Currencies are ISO 4217 codes
//! (case-insensitive on the way in, upper-case on the way out). Basis points cross as `u32`.

use crate::error::{guard, AvaloError};
use avalo_core::money::{self as core, *};

/// Looks up a currency code (facade helper for functions taking a currency).
pub(crate) fn currency(code: &str) -> Result<core::Currency, AvaloError> {
    Ok(core::Currency::from_code(code)?)
}

/// Checks basis points at the boundary (more than 10 000 is `INVALID_INPUT`).
pub(crate) fn bp(value: u32) -> Result<core::BasisPoints, AvaloError> {
    Ok(core::BasisPoints::new(value)?)
}

/// Parses user or server text (`"12.34"`) exactly into money. Signs, exponents, commas,
/// white space inside or more decimals than the currency has are `INVALID_INPUT`; more than
/// `u64::MAX` minor units is `AMOUNT_OUT_OF_RANGE`.
#[uniffi::export]
pub fn parse_money(amount: String, currency: String) -> Result<Money, AvaloError> {
    guard(|| Ok(core::Money::parse(&amount, self::currency(&currency)?)?))
}

/// Money from integer minor units (grosze, cents; whole units for 0-digit currencies).
#[uniffi::export]
pub fn money_from_minor(minor: u64, currency: String) -> Result<Money, AvaloError> {
    guard(|| Ok(core::Money::from_minor(minor, self::currency(&currency)?)))
}

/// The integer minor units of an amount (`12.34` PLN → 1 234), e.g. for a payment provider.
#[uniffi::export]
pub fn money_to_minor(money: Money) -> Result<u64, AvaloError> {
    guard(|| Ok(money.minor))
}

/// A currency by its ISO 4217 code (trimmed, case-insensitive); unknown is `INVALID_INPUT`.
#[uniffi::export]
pub fn currency_info(code: String) -> Result<CurrencyInfo, AvaloError> {
    guard(|| Ok(currency(&code)?.info()))
}

/// Every currency the core knows.
#[uniffi::export]
pub fn list_currencies() -> Vec<CurrencyInfo> {
    core::Currency::all().map(core::Currency::info).collect()
}

/// Validates basis points (0..=10 000; more is `INVALID_INPUT`) and returns them.
#[uniffi::export]
pub fn basis_points(bp: u32) -> Result<u32, AvaloError> {
    guard(|| Ok(self::bp(bp)?.get()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use avalo_core::ErrorCode;

    #[test]
    fn amounts_keep_the_canonical_scale() {
        let m = money_from_minor(60, "pln".into()).unwrap();
        assert_eq!(m.to_decimal_string(), "0.60");
        assert_eq!(money_to_minor(m).unwrap(), 60);
        assert_eq!(parse_money("0.601".into(), "PLN".into()).unwrap_err().code(), ErrorCode::InvalidInput);
    }
}
