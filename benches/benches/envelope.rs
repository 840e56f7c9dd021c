//! Criterion benches for signed policy envelopes (SPEC §17). Run:
//! `cargo bench -p avalo-benches --bench envelope`.
//!
//! Targets (issue 19): activating an envelope whose payload is the built-in policy (parse,
//! keyring check, strict Ed25519 verify, load and validate the policy, fingerprint) < 150 µs;
//! the diff of two built-in-size policies < 1 ms.

use avalo_core::policy::diff::diff_policies;
use avalo_core::policy::ed25519::{public_key_of_seed, sign_bytes, verify_strict_bytes};
use avalo_core::policy::envelope::{activate_policy_envelope, keyring_entry_for_seed, sign_policy_envelope};
use avalo_core::Policy;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const NOW: i64 = 1_800_000_000_000;

fn envelope(c: &mut Criterion) {
    let seed = [42u8; 32];
    let keyring = vec![
        keyring_entry_for_seed(&[41u8; 32], 0, i64::MAX).unwrap_or_else(|e| panic!("{e}")),
        keyring_entry_for_seed(&seed, 0, i64::MAX).unwrap_or_else(|e| panic!("{e}")),
    ];
    let payload = serde_json::to_string(Policy::default().rules()).unwrap_or_default();
    let signed = sign_policy_envelope(&seed, 7, NOW - 1, NOW + 1_000, &payload).unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_string(&signed).unwrap_or_default();
    let active = Policy::default();
    c.bench_function("activate_policy_envelope (built-in payload, 2 keys)", |b| {
        b.iter(|| activate_policy_envelope(black_box(&active), black_box(&json), &keyring, NOW))
    });
    let public_key = public_key_of_seed(&seed).unwrap_or_default();
    let signature = sign_bytes(&seed, b"avalo-policy-v1 calibration").unwrap_or([0; 64]);
    c.bench_function("ed25519 verify_strict alone (for comparison)", |b| {
        b.iter(|| verify_strict_bytes(black_box(&public_key), b"avalo-policy-v1 calibration", &signature))
    });
    c.bench_function("Policy::from_json (built-in, for comparison)", |b| {
        b.iter(|| Policy::from_json(black_box(&payload)))
    });

    let old = Policy::default();
    let new = Policy::from_patch(
        r#"{"splits":{"chat_creator_bp":7000},"security":{"production_origins":["https://avalo.app","https://new.avalo.app"]},"version":"2026.12"}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("diff_policies (built-in vs 3 changes)", |b| {
        b.iter(|| diff_policies(black_box(&old), black_box(&new)))
    });
}

criterion_group!(benches, envelope);
criterion_main!(benches);
