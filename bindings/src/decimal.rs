//! The decimal custom type: how money amounts and rates cross the boundary.
//!
//! On the wire a [`Decimal`] is a plain decimal string (`"134.99"`, `"0.185"`): no exponent, no
//! sign for money, `.` as separator. `bindings/uniffi.toml` maps it to `java.math.BigDecimal`
//! in Kotlin and `Foundation.Decimal` in Swift. Money amounts coming out of the core always have
//! exactly the currency's minor digits (`"0.20"`, `"1000"` for JPY), so in Kotlin two amounts
//! of one currency compare equal with `==` (BigDecimal equality includes the scale).
//!
//! Lifting never fails here: the text is checked where it is used (`Money::parse`, rate
//! parsing), so a malformed value becomes an `INVALID_INPUT` [`crate::AvaloError`], never a
//! panic or an internal UniFFI error.

use crate::error::AvaloError;

/// A decimal number carried as its exact decimal string.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Decimal(pub String);

uniffi::custom_newtype!(Decimal, String);

impl From<avalo_core::Decimal> for Decimal {
    fn from(d: avalo_core::Decimal) -> Self {
        Decimal(d.to_string())
    }
}

impl TryFrom<Decimal> for avalo_core::Decimal {
    type Error = AvaloError;
    fn try_from(d: Decimal) -> Result<Self, AvaloError> {
        d.0.trim().parse::<avalo_core::Decimal>().map_err(|e| AvaloError::invalid(format!("decimal {:?}: {e}", d.0)))
    }
}

/// Converts an optional rate (FX rate) into the core's decimal.
pub(crate) fn opt_decimal(d: Option<Decimal>) -> Result<Option<avalo_core::Decimal>, AvaloError> {
    d.map(avalo_core::Decimal::try_from).transpose()
}
