//! Property tests for uploads and request security: the sanitiser is idempotent and its output
//! is safe, checked names never end in a dangerous extension, validation and sniffing are
//! total, the streaming hash equals the one-shot hash, sign-then-verify succeeds and any
//! single-byte change fails.
#![allow(clippy::unwrap_used)]

use avalo_core::security::{sign_request, verify_request_signature, SignatureError};
use avalo_core::upload::{
    check_file_name, final_extension, is_dangerous_extension, sanitise_file_name, sha256_hex, sniff, validate_upload,
    AllowedMime, Sha256Stream, UploadRequest,
};
use avalo_core::Policy;
use proptest::prelude::*;

/// Characters that stress the sanitiser, mixed with arbitrary ones.
fn name_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => proptest::char::range('a', 'z'),
        2 => prop::sample::select(vec![
            '.', '.', ' ', '/', '\\', '\t', '\n', '\0', '\u{7f}', '\u{85}', '\u{9f}', '\u{a0}', '\u{3000}', '\u{2003}',
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{301}', '\u{308}', '\u{327}',
            'e', 'E', 'x', 'X', 'é', '가', '\u{1100}', '\u{1161}', '\u{11a8}', '😀', '\u{200d}', '\u{fe0f}', 'K', '\u{212a}',
            '_', '%', ':', '*',
        ]),
        1 => any::<char>(),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(name_char(), 0..40).prop_map(|v| v.into_iter().collect()),
        proptest::collection::vec(name_char(), 150..320).prop_map(|v| v.into_iter().collect()),
        (
            proptest::collection::vec(name_char(), 0..260),
            prop::sample::select(vec!["exe", "jpg", "EXE", "sh", "png", "js", "html"])
        )
            .prop_map(|(v, ext)| format!("{}.{ext}", v.into_iter().collect::<String>())),
    ]
}

fn is_bidi_or_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn sanitising_is_idempotent_and_safe(n in name(), max in prop::sample::select(vec![16usize, 20, 200])) {
        if let Ok(s) = sanitise_file_name(&n, max) {
            prop_assert_eq!(sanitise_file_name(&s, max), Ok(s.clone()));
            prop_assert!(!s.contains('/') && !s.contains('\\'), "{:?}", s);
            prop_assert!(!s.chars().any(is_bidi_or_control), "{:?}", s);
            prop_assert!(s.chars().count() <= max);
            prop_assert!(!s.starts_with([' ', '.']) && !s.ends_with([' ', '.']), "{:?}", s);
            prop_assert!(!s.contains("  "));
        }
    }

    #[test]
    fn checked_names_are_never_dangerous(n in name(), m in 0usize..15) {
        let policy = Policy::default();
        let mime = AllowedMime::ALL[m];
        if let Ok(c) = check_file_name(&policy, &n, mime.as_str()) {
            let ext = final_extension(&c.file_name).unwrap();
            prop_assert!(!is_dangerous_extension(ext), "{:?}", c.file_name);
            prop_assert!(mime.accepts_extension(&ext.to_lowercase()));
            prop_assert_eq!(sanitise_file_name(&c.file_name, 200), Ok(c.file_name.clone()));
            prop_assert!(!c.file_name.chars().any(is_bidi_or_control));
            prop_assert!(!c.file_name.contains('/') && !c.file_name.contains('\\'));
        }
    }

    #[test]
    fn validation_and_sniffing_are_total(
        mime in prop::sample::select(vec!["image/jpeg", "IMAGE/PNG; x=y", "video/mp4", "audio/mp3", "text/html", ""]),
        size in any::<u64>(),
        n in name(),
        head in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..80)),
        user in "[a-z_./-]{0,10}",
        now in any::<i64>(),
    ) {
        if let Some(h) = &head {
            let _ = sniff(h);
        }
        let req = UploadRequest {
            mime_type: mime.to_string(), size_bytes: size, file_name: n, purpose: None, head,
            user_id: user, content_sha256: sha256_hex(b"x"), now_ms: now,
        };
        if let Ok(v) = validate_upload(&Policy::default(), &req) {
            prop_assert!(v.storage_path.starts_with("media/"));
            let segments: Vec<&str> = v.storage_path.split('/').collect();
            prop_assert_eq!(segments.len(), 6, "{}", v.storage_path);
            prop_assert!(!segments.iter().any(|s| *s == ".." || *s == "." || s.is_empty()), "{}", v.storage_path);
        }
    }

    #[test]
    fn streaming_hash_equals_one_shot(data in proptest::collection::vec(any::<u8>(), 0..3000), cuts in proptest::collection::vec(0usize..3000, 0..6)) {
        let mut points: Vec<usize> = cuts.into_iter().map(|c| c.min(data.len())).collect();
        points.sort_unstable();
        let mut s = Sha256Stream::new();
        let mut last = 0;
        for p in points {
            s.update(&data[last..p]);
            last = p;
        }
        s.update(&data[last..]);
        prop_assert_eq!(s.finish(), sha256_hex(&data));
        prop_assert_eq!(s.bytes_hashed(), data.len() as u64);
    }

    #[test]
    fn sign_then_verify_and_any_byte_change_fails(
        secret in proptest::collection::vec(any::<u8>(), 1..80),
        ts in 0i64..4_000_000_000_000,
        skew in -300_000i64..=300_000,
        method in prop::sample::select(vec!["GET", "post", "PUT", "DELETE"]),
        path in "/[a-z0-9/?=&]{0,40}",
        body in proptest::collection::vec(any::<u8>(), 0..300),
        which in 0usize..5,
        pick in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let policy = Policy::default();
        let now = ts + skew;
        let signed = sign_request(&secret, ts, method, &path, &body).unwrap();
        let ok = verify_request_signature(&policy, &secret, Some(&signed.timestamp), Some(&signed.signature), method, &path, &body, now);
        prop_assert_eq!(ok.map(|v| v.skew_ms), Ok(skew));

        let (mut secret2, mut ts2, mut path2, mut body2, mut sig2) =
            (secret.clone(), signed.timestamp.clone().into_bytes(), path.clone().into_bytes(), body.clone(), signed.signature.clone().into_bytes());
        match which {
            0 => { let i = pick.index(secret2.len()); secret2[i] ^= flip; }
            1 => { let i = pick.index(ts2.len()); ts2[i] = b'0' + (ts2[i] - b'0' + 1 + flip % 9) % 10; }
            2 => {
                if path2.is_empty() { path2.push(b'x'); } else { let i = pick.index(path2.len()); path2[i] = if path2[i] == b'a' { b'b' } else { b'a' }; }
            }
            3 => { if body2.is_empty() { body2.push(flip); } else { let i = pick.index(body2.len()); body2[i] ^= flip; } }
            _ => {
                let i = pick.index(sig2.len());
                let v = u8::from_str_radix(std::str::from_utf8(&sig2[i..=i]).unwrap(), 16).unwrap();
                sig2[i] = b"0123456789abcdef"[usize::from((v + 1 + flip % 15) % 16)];
            }
        }
        let ts2 = String::from_utf8(ts2).unwrap();
        let path2 = String::from_utf8(path2).unwrap();
        let sig2 = String::from_utf8(sig2).unwrap();
        let bad = verify_request_signature(&policy, &secret2, Some(&ts2), Some(&sig2), method, &path2, &body2, now);
        prop_assert!(matches!(bad, Err(SignatureError::Mismatch | SignatureError::Expired { .. })), "{:?}", bad);
    }
}
