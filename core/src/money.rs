//! Money primitives (SPEC §2 conventions): whole tokens, ISO 4217 currencies with their minor
//! digits, fiat amounts as integer minor units, and basis points.
//!
//! No floating point is used anywhere in this module. Decimal strings at the boundary are
//! parsed exactly: `"12.34"` PLN is 1 234 grosze, and `"12.345"` PLN is an error, never a
//! rounding.

use crate::error::{Error, Result};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A whole number of tokens. Fractional tokens never exist.
pub type Tokens = u64;

/// Basis points: 1 bp = 0.01 %, 10 000 bp = 100 %. Always within `0..=10_000`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct BasisPoints(u16);

impl BasisPoints {
    /// 100 %.
    pub const FULL: BasisPoints = BasisPoints(10_000);

    /// Basis points from an integer; more than 10 000 is `INVALID_INPUT`.
    pub fn new(bp: u32) -> Result<BasisPoints> {
        match u16::try_from(bp) {
            Ok(v) if v <= 10_000 => Ok(BasisPoints(v)),
            _ => Err(Error::invalid(format!("basis points must be 0..=10000, got {bp}"))),
        }
    }

    /// The value in basis points.
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0 as u32
    }

    /// `10 000 − self`: the complementary share.
    #[must_use]
    pub const fn complement(self) -> BasisPoints {
        BasisPoints(10_000 - self.0)
    }
}

impl<'de> Deserialize<'de> for BasisPoints {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let raw = u32::deserialize(d)?;
        BasisPoints::new(raw).map_err(|e| serde::de::Error::custom(e.reason))
    }
}

/// ISO 4217 currencies the core knows, with their number of minor digits.
const CURRENCIES: &[(&str, u32)] = &[
    ("PLN", 2),
    ("EUR", 2),
    ("USD", 2),
    ("GBP", 2),
    ("CHF", 2),
    ("CZK", 2),
    ("SEK", 2),
    ("NOK", 2),
    ("DKK", 2),
    ("HUF", 0),
    ("RON", 2),
    ("BGN", 2),
    ("JPY", 0),
    ("KRW", 0),
    ("ISK", 0),
    ("CLP", 0),
    ("VND", 0),
    ("IDR", 0),
    ("CAD", 2),
    ("AUD", 2),
    ("UAH", 2),
    ("TRY", 2),
    ("BRL", 2),
    ("MXN", 2),
    ("INR", 2),
];

/// An ISO 4217 currency known to the core.
///
/// HUF, IDR, CLP, ISK, VND, JPY and KRW have 0 minor digits (SPEC §2.1: they round to whole
/// units). Codes are matched after trimming and upper-casing (`"pln"` is PLN); an unknown code
/// is `INVALID_INPUT`, never a fallback.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(type = "string"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: &'static str,
    minor_digits: u32,
}

impl Currency {
    /// Polish złoty, the settlement currency.
    pub const PLN: Currency = Currency { code: "PLN", minor_digits: 2 };
    /// US dollar.
    pub const USD: Currency = Currency { code: "USD", minor_digits: 2 };
    /// Euro.
    pub const EUR: Currency = Currency { code: "EUR", minor_digits: 2 };

    /// Looks up a currency by its ISO 4217 code.
    pub fn from_code(code: &str) -> Result<Currency> {
        let wanted = code.trim();
        CURRENCIES
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(wanted))
            .map(|&(code, minor_digits)| Currency { code, minor_digits })
            .ok_or_else(|| Error::invalid(format!("unknown currency code {code:?}")))
    }

    /// Every currency the core knows.
    pub fn all() -> impl Iterator<Item = Currency> {
        CURRENCIES.iter().map(|&(code, minor_digits)| Currency { code, minor_digits })
    }

    /// The upper-case ISO 4217 code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        self.code
    }

    /// Number of minor digits (2 for PLN, 0 for JPY).
    #[must_use]
    pub const fn minor_digits(self) -> u32 {
        self.minor_digits
    }
}

/// A currency the core knows, with its number of minor digits ([`Currency::info`]); the
/// `Currency` itself crosses the boundary as its code.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CurrencyInfo {
    /// Upper-case ISO 4217 code.
    pub code: String,
    /// Number of minor digits (2 for PLN, 0 for JPY): the canonical scale of its amounts.
    pub minor_digits: u32,
}

impl Currency {
    /// The currency's code and minor digits as a record.
    #[must_use]
    pub fn info(self) -> CurrencyInfo {
        CurrencyInfo { code: self.code().to_string(), minor_digits: self.minor_digits() }
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Currency::from_code(&raw).map_err(|e| serde::de::Error::custom(e.reason))
    }
}

/// A fiat amount: a non-negative integer count of minor units plus its currency.
///
/// Serialised as `{"amount": "134.99", "currency": "PLN"}`: the amount is a decimal string with
/// exactly the currency's minor digits (the canonical scale), so equal amounts compare equal as
/// strings in every language.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(type = "{ amount: string; currency: Currency }"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    /// Minor units (grosze, cents; whole units for 0-digit currencies).
    pub minor: u64,
    /// The currency.
    pub currency: Currency,
}

impl Money {
    /// Money from minor units.
    #[must_use]
    pub const fn from_minor(minor: u64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Parses a decimal string such as `"12.34"` exactly into minor units.
    ///
    /// Accepts ASCII digits with at most one `.` and at most the currency's minor digits after
    /// it (`"12"`, `"12.3"`, `"12.30"` are all 1 230 grosze). Signs, exponents, white space
    /// inside, more decimals than the currency has, or an empty string are `INVALID_INPUT`; a
    /// value above `u64::MAX` minor units is `AMOUNT_OUT_OF_RANGE`.
    pub fn parse(text: &str, currency: Currency) -> Result<Money> {
        let t = text.trim();
        let (int_part, frac_part) = match t.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (t, None),
        };
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int_part.is_empty() || !digits_only(int_part) {
            return Err(Error::invalid(format!("malformed amount {text:?}")));
        }
        let frac = frac_part.unwrap_or("");
        if frac_part.is_some() && (frac.is_empty() || !digits_only(frac)) {
            return Err(Error::invalid(format!("malformed amount {text:?}")));
        }
        let digits = currency.minor_digits as usize;
        if frac.len() > digits {
            return Err(Error::invalid(format!(
                "amount {text:?} has more than {digits} decimal digits for {}",
                currency.code
            )));
        }
        let overflow = || Error::out_of_range(format!("amount {text:?} is too large"));
        let mut minor: u64 = 0;
        for b in int_part.bytes().chain(frac.bytes()) {
            minor = minor.checked_mul(10).and_then(|m| m.checked_add(u64::from(b - b'0'))).ok_or_else(overflow)?;
        }
        for _ in frac.len()..digits {
            minor = minor.checked_mul(10).ok_or_else(overflow)?;
        }
        Ok(Money { minor, currency })
    }

    /// The canonical decimal string: exactly the currency's minor digits (`"134.99"`, `"0.20"`,
    /// `"1000"` for JPY).
    #[must_use]
    pub fn to_decimal_string(&self) -> String {
        let digits = self.currency.minor_digits;
        if digits == 0 {
            return self.minor.to_string();
        }
        let scale = 10u64.pow(digits);
        format!("{}.{:0width$}", self.minor / scale, self.minor % scale, width = digits as usize)
    }

    /// The amount as an exact `Decimal` in major units (`134.99`).
    #[must_use]
    pub fn to_decimal(&self) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(self.minor), self.currency.minor_digits)
    }

    /// Rounds a non-negative major-unit decimal half-up (away from zero) to the currency's
    /// minor unit. Negative values are `INVALID_INPUT`; values above `u64::MAX` minor units are
    /// `AMOUNT_OUT_OF_RANGE`.
    pub fn from_decimal_half_up(value: Decimal, currency: Currency) -> Result<Money> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(Error::invalid("money cannot be negative"));
        }
        let rounded =
            value.round_dp_with_strategy(currency.minor_digits, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let scaled = rounded
            .checked_mul(Decimal::from(10u64.pow(currency.minor_digits)))
            .ok_or_else(|| Error::out_of_range("amount is too large"))?;
        let minor: u64 = scaled.trunc().try_into().map_err(|_| Error::out_of_range("amount is too large"))?;
        Ok(Money { minor, currency })
    }
}

#[derive(Serialize, Deserialize)]
struct MoneyWire {
    amount: String,
    currency: Currency,
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        MoneyWire { amount: self.to_decimal_string(), currency: self.currency }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let wire = MoneyWire::deserialize(d)?;
        Money::parse(&wire.amount, wire.currency).map_err(|e| serde::de::Error::custom(e.reason))
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.to_decimal_string(), self.currency.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_is_exact() {
        let pln = Currency::PLN;
        assert_eq!(Money::parse("12.34", pln).unwrap().minor, 1234);
        assert_eq!(Money::parse("12.3", pln).unwrap().minor, 1230);
        assert_eq!(Money::parse("12", pln).unwrap().minor, 1200);
        assert!(Money::parse("12.345", pln).is_err());
        assert!(Money::parse("-1", pln).is_err());
        assert!(Money::parse("1e3", pln).is_err());
        assert!(Money::parse(".5", pln).is_err());
        assert!(Money::parse("5.", pln).is_err());
        let jpy = Currency::from_code("jpy").unwrap();
        assert_eq!(Money::parse("1000", jpy).unwrap().to_decimal_string(), "1000");
        assert!(Money::parse("1000.5", jpy).is_err());
    }

    #[test]
    fn half_up() {
        let pln = Currency::PLN;
        let m = Money::from_decimal_half_up(Decimal::new(12345, 3), pln).unwrap();
        assert_eq!(m.to_decimal_string(), "12.35");
    }
}
