//! Unit tests of `core/src/launch.rs`, kept apart to keep the module file short.

use super::*;

#[test]
fn birth_dates_parse_strictly() {
    assert!(parse_birth_date("2008-02-29").is_ok());
    assert!(parse_birth_date("2007-02-29").is_err());
    assert!(parse_birth_date("2008-2-29").is_err());
    assert!(parse_birth_date("2008-02-2x").is_err());
    assert!(parse_birth_date("+008-02-20").is_err());
}

#[test]
fn country_codes_normalise() {
    assert_eq!(CountryCode::parse(" pl ").map(|c| c.to_string()), Ok("PL".into()));
    assert!(CountryCode::parse("POL").is_err());
    assert!(CountryCode::parse("P1").is_err());
    assert!(CountryCode::parse("ÉS").is_err());
}
