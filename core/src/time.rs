//! UTC calendar helpers. Time is always a parameter: milliseconds since the Unix epoch (`i64`).
//! Days are UTC days. Dates at the boundary are `YYYY-MM-DD` strings.

use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};

/// Milliseconds in one UTC day.
pub const DAY_MS: i64 = 86_400_000;

/// The UTC day number (days since 1970-01-01) of a timestamp; works for negative times too.
#[must_use]
pub const fn day_index(ms: i64) -> i64 {
    ms.div_euclid(DAY_MS)
}

/// The UTC calendar date of a timestamp. Times outside chrono's range are `INVALID_INPUT`.
pub fn utc_date(ms: i64) -> Result<NaiveDate> {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|dt| dt.date_naive())
        .ok_or_else(|| Error::invalid(format!("timestamp {ms} ms is out of range")))
}

/// Parses a `YYYY-MM-DD` date strictly (ten characters, a real calendar day).
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return Err(Error::invalid(format!("date {text:?} is not YYYY-MM-DD")));
    }
    // Shaped: ten ASCII characters, digits at 0..4, 5..7 and 8..10 (no chrono format parser:
    // it weighs ~10 KB in the WASM module for this one pattern).
    let num = |range: std::ops::Range<usize>| text.get(range).and_then(|t| t.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
        _ => None,
    }
    .ok_or_else(|| Error::invalid(format!("date {text:?} is not a calendar day")))
}

/// Formats a date as `YYYY-MM-DD`.
///
/// Years outside 0000–9999 are written as chrono's `%Y` writes them: `+10000`, `-0001`.
#[must_use]
pub fn format_date(date: NaiveDate) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    if y > 9999 {
        format!("+{y}-{m:02}-{d:02}")
    } else if y < 0 {
        format!("-{:04}-{m:02}-{d:02}", y.unsigned_abs())
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Age in whole years on `on` for someone born on `birth` (exact years: the birthday itself
/// counts; a 29 February birthday is reached on 1 March in common years). A birth date after
/// `on` gives 0.
#[must_use]
pub fn age_years(birth: NaiveDate, on: NaiveDate) -> u32 {
    if birth > on {
        return 0;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years.max(0)).unwrap_or(0)
}

/// Whether a date is Saturday or Sunday.
#[must_use]
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun)
}

/// The date `n` business days (Monday–Friday) after `date`; the start date itself never counts.
pub fn add_business_days(date: NaiveDate, n: u32) -> Result<NaiveDate> {
    let mut d = date;
    let mut left = n;
    while left > 0 {
        d = d.succ_opt().ok_or_else(|| Error::invalid("date out of range"))?;
        if !is_weekend(d) {
            left -= 1;
        }
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn ages_on_birthdays_and_leap_days() {
        assert_eq!(age_years(d("2008-11-23"), d("2026-11-23")), 18);
        assert_eq!(age_years(d("2008-11-24"), d("2026-11-23")), 17);
        assert_eq!(age_years(d("2008-02-29"), d("2026-02-28")), 17);
        assert_eq!(age_years(d("2008-02-29"), d("2026-03-01")), 18);
        assert_eq!(age_years(d("2030-01-01"), d("2026-03-01")), 0);
    }

    #[test]
    fn business_days_skip_weekends() {
        // 2026-11-20 is a Friday.
        assert_eq!(add_business_days(d("2026-11-20"), 2).unwrap(), d("2026-11-24"));
        assert_eq!(add_business_days(d("2026-11-21"), 5).unwrap(), d("2026-11-27"));
    }

    #[test]
    fn formatting_matches_chrono_strftime() {
        for days in [-800_000i64, -719_529, -719_528, -1, 0, 19_000, 2_932_896, 2_932_897, 90_000_000] {
            let date = utc_date(days * DAY_MS).unwrap();
            assert_eq!(format_date(date), date.format("%Y-%m-%d").to_string(), "{days}");
        }
    }

    #[test]
    fn parsing_matches_chrono() {
        for text in [
            "2026-02-28",
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "9999-12-31",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-01-00",
        ] {
            let ours = parse_date(text).ok();
            let theirs = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn strict_dates() {
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("2026-2-03").is_err());
        assert_eq!(day_index(-1), -1);
    }
}
