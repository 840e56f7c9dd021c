//! Fuzzes `Money::parse` for every currency: never panics; an accepted amount prints as its
//! canonical decimal string, which parses back to the same amount; and the canonical string of
//! any minor amount (taken from the input bytes) parses back to it.
#![no_main]

use avalo_core::{Currency, Money};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let currencies: Vec<Currency> = Currency::all().collect();
    let currency = currencies[usize::from(pick) % currencies.len()];
    let text = String::from_utf8_lossy(rest);
    if let Ok(m) = Money::parse(&text, currency) {
        assert_eq!(m.currency, currency);
        let canonical = m.to_decimal_string();
        assert_eq!(Money::parse(&canonical, currency), Ok(m), "{canonical:?} does not parse back");
        assert!(canonical.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    }
    let mut raw = [0u8; 8];
    for (slot, b) in raw.iter_mut().zip(rest) {
        *slot = *b;
    }
    let m = Money::from_minor(u64::from_le_bytes(raw), currency);
    assert_eq!(Money::parse(&m.to_decimal_string(), currency), Ok(m), "canonical string of {m:?}");
});
