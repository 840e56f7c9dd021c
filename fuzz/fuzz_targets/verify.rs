//! Fuzzes request-signature verification with fuzzer-chosen headers, method, path and body
//! (never panics), and checks that a request signed with fuzzer-chosen inputs verifies and that
//! flipping any one byte of its body makes it fail.
#![no_main]

use avalo_core::security::{sign_request, verify_request_signature, verify_url};
use avalo_core::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let policy = Policy::default();
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(5, '\n');
    let (ts, sig, method, path) = (parts.next(), parts.next(), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let body = parts.next().unwrap_or("").as_bytes();
    let secret = b"fuzz-secret";
    let now = 1_795_176_000_000;
    let _ = verify_request_signature(&policy, secret, ts, sig, method, path, body, now);
    let _ = verify_url(secret, method, path, now, ts, Some(body.len() as u64));

    let signed = sign_request(secret, now, method, path, body).expect("signing with a secret cannot fail");
    let ok = verify_request_signature(
        &policy,
        secret,
        Some(&signed.timestamp),
        Some(&signed.signature),
        method,
        path,
        body,
        now,
    );
    assert!(ok.is_ok(), "{ok:?}");
    if !body.is_empty() {
        let mut tampered = body.to_vec();
        let i = data.len() % tampered.len();
        tampered[i] ^= 0x01;
        let bad = verify_request_signature(
            &policy,
            secret,
            Some(&signed.timestamp),
            Some(&signed.signature),
            method,
            path,
            &tampered,
            now,
        );
        assert!(bad.is_err());
    }
});
