//! Fuzzes the content sniffer: never panics on any bytes, and a recognised media format
//! agrees with at least one allowed MIME type.
#![no_main]

use avalo_core::upload::{sniff, AllowedMime, Sniffed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Sniffed::Media { format } = sniff(data) {
        assert!(AllowedMime::ALL.iter().any(|m| format.agrees_with(*m)));
    }
});
