//! Birth dates as packed `yyyymmdd` numbers, and the calendar check of the columnar form.

use crate::error::{Error, Result};
use crate::time::{format_date, parse_date};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A calendar date (a birth date) stored compactly as the number `yyyymmdd` (`20080229`), so
/// that comparing two numbers compares the dates. JSON form: `"YYYY-MM-DD"`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(type = "string"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BirthDate(u32);

impl BirthDate {
    /// Parses `YYYY-MM-DD` strictly (a real calendar day).
    pub fn parse(text: &str) -> Result<BirthDate> {
        Ok(Self::from_naive(parse_date(text)?))
    }

    /// From the number `yyyymmdd` (`20080229`); anything that is not a calendar day of the
    /// years 0000–9999 is `INVALID_INPUT`. This is the columnar / FFI form.
    pub fn from_yyyymmdd(value: u32) -> Result<BirthDate> {
        if is_calendar_day(value) {
            Ok(BirthDate(value))
        } else {
            Err(Error::invalid(format!("birth date {value} is not a calendar day (yyyymmdd)")))
        }
    }

    /// From a `yyyymmdd` already checked with [`is_calendar_day`].
    #[inline]
    pub(crate) const fn from_checked(value: u32) -> BirthDate {
        BirthDate(value)
    }

    /// From a chrono date (years 0..=9999 at the boundary; others clamp into that range).
    #[must_use]
    pub fn from_naive(date: NaiveDate) -> BirthDate {
        // Clamped to 0..=9 999: never negative, so the conversion cannot fail.
        let year = u32::try_from(date.year().clamp(0, 9_999)).unwrap_or(0);
        BirthDate(year * 10_000 + date.month() * 100 + date.day())
    }

    /// The number `yyyymmdd`.
    #[must_use]
    pub const fn yyyymmdd(self) -> u32 {
        self.0
    }

    /// The chrono date.
    #[must_use]
    pub fn to_naive(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(i32::try_from(self.0 / 10_000).ok()?, self.0 / 100 % 100, self.0 % 100)
    }
}

/// Whether `yyyymmdd` is a day of the proleptic Gregorian calendar, years 0000–9999.
#[inline]
pub(crate) const fn is_calendar_day(value: u32) -> bool {
    let (y, m, d) = (value / 10_000, value / 100 % 100, value % 100);
    // Branch-free (so the bulk column check vectorises), without a month table: February
    // has 28 days plus one in a leap year; the other months have 31 days exactly for months
    // 1, 3, 5, 7, 8, 10, 12, which are those where `m ^ (m >> 3)` is odd.
    let leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0));
    let max_day = if m == 2 { 28 + leap as u32 } else { 30 | ((m ^ (m >> 3)) & 1) };
    (m >= 1) & (m <= 12) & (d >= 1) & (y <= 9_999) & (d <= max_day)
}

impl TryFrom<String> for BirthDate {
    type Error = Error;
    fn try_from(text: String) -> Result<BirthDate> {
        BirthDate::parse(&text)
    }
}

impl From<BirthDate> for String {
    fn from(d: BirthDate) -> String {
        d.to_naive().map(format_date).unwrap_or_default()
    }
}

impl std::fmt::Display for BirthDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&String::from(*self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_check_agrees_with_chrono() {
        for y in (0..=2_500u32).chain([9_999, 10_000, 429_496]) {
            for m in 0..=13 {
                for d in 0..=32 {
                    let v = y * 10_000 + m * 100 + d;
                    let chrono_ok = y <= 9_999 && NaiveDate::from_ymd_opt(y as i32, m, d).is_some();
                    assert_eq!(is_calendar_day(v), chrono_ok, "{v}");
                }
            }
        }
    }
}
