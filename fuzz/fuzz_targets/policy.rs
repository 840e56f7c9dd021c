//! Fuzzes policy loading: `Policy::from_json` and `Policy::from_patch` never panic on any text
//! (their errors are typed), and a policy that loads survives a round trip through its own JSON
//! with the same fingerprint. The first byte picks full JSON or a merge patch.
#![no_main]

use avalo_core::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let loaded = if mode & 1 == 0 { Policy::from_json(&text) } else { Policy::from_patch(&text) };
    let _ = Policy::problems_in_json(&text);
    if let Ok(policy) = loaded {
        let json = serde_json::to_string(policy.rules()).expect("a loaded policy serialises");
        let again = Policy::from_json(&json).expect("a loaded policy's own JSON loads");
        assert_eq!(again.fingerprint(), policy.fingerprint(), "round trip changed the fingerprint");
        assert!(Policy::problems_in_json(&json).is_empty());
    }
});
