//! Fuzzes the signed-URL parser and verifier (SPEC §10.2): `verify_url` never panics on any
//! method, URL, content type or size; a URL signed by `sign_url` with fuzzer-chosen parts
//! verifies and grants exactly what was signed; and changing one byte of a verified URL's query
//! never yields a grant for different terms.
#![no_main]

use avalo_core::security::{sign_url, verify_url};
use libfuzzer_sys::fuzz_target;

const SECRET: &[u8] = b"fuzz-url-secret";
const NOW: i64 = 1_795_176_000_000;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(4, '\n');
    let (method, url, ct, size) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next(), parts.next());
    let size = size.and_then(|s| s.parse::<u64>().ok());
    let _ = verify_url(SECRET, method, url, NOW, ct, size);
    let _ = verify_url(b"", method, url, NOW, ct, size);

    // Sign with the fuzzer's method and path (the URL line is the path here), then verify.
    let exp = NOW + i64::from(data.first().copied().unwrap_or(1)) + 1;
    let Ok(signed) = sign_url(SECRET, method, url, exp, ct, size) else { return };
    let grant = verify_url(SECRET, method, &signed, NOW, ct, size).expect("a freshly signed URL verifies");
    assert_eq!(grant.path, url);
    assert_eq!(grant.expires_at_ms, exp);
    assert_eq!(grant.max_bytes, size);
    assert_eq!(grant.method, method.to_ascii_uppercase());
    assert!(verify_url(SECRET, method, &signed, exp, ct, size).is_err(), "valid at its expiry");
    assert!(verify_url(b"another-secret", method, &signed, NOW, ct, size).is_err());

    // One changed byte in the query: either refused, or the very same terms.
    let q = signed.find('?').expect("a signed URL has a query");
    let i = q + 1 + usize::from(data.last().copied().unwrap_or(0)) % (signed.len() - q - 1);
    let mut bytes = signed.clone().into_bytes();
    bytes[i] = data.get(1).copied().unwrap_or(b'0') & 0x7f;
    if bytes[i] == signed.as_bytes()[i] || !bytes[i].is_ascii_graphic() {
        return;
    }
    let Ok(tampered) = String::from_utf8(bytes) else { return };
    if let Ok(g) = verify_url(SECRET, method, &tampered, NOW, ct, size) {
        assert_eq!(g, grant, "a tampered URL {tampered:?} granted different terms");
    }
});
