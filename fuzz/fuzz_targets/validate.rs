//! Fuzzes the whole upload verdict with fuzzer-chosen MIME, purpose, size, name and head. On
//! success the storage path has exactly six segments, none of them `.`/`..`/empty, and the
//! name ends in an extension that fits the type and is not dangerous.
#![no_main]

use avalo_core::upload::{final_extension, is_dangerous_extension, validate_upload, UploadPurpose, UploadRequest};
use avalo_core::Policy;
use libfuzzer_sys::fuzz_target;

const MIMES: [&str; 8] = [
    "image/jpeg",
    "IMAGE/PNG; x=1",
    "video/mp4",
    "audio/mp3",
    "video/quicktime",
    "image/heic",
    "image/svg+xml",
    "audio/aac",
];

fuzz_target!(|data: &[u8]| {
    let [m, p, s0, s1, s2, split, rest @ ..] = data else { return };
    let split = usize::from(*split).min(rest.len());
    let (name, head) = rest.split_at(split);
    let purpose = UploadPurpose::ALL.get(usize::from(*p) % 8).copied();
    let request = UploadRequest {
        mime_type: MIMES[usize::from(*m) % MIMES.len()].to_string(),
        size_bytes: u64::from(u32::from_le_bytes([*s0, *s1, *s2, 0])) * 64,
        file_name: String::from_utf8_lossy(name).into_owned(),
        purpose,
        head: (head.len() % 3 != 0).then(|| head.to_vec()),
        user_id: "u_1".into(),
        content_sha256: "ab".repeat(32),
        now_ms: 1_795_176_000_000,
    };
    if let Ok(v) = validate_upload(&Policy::default(), &request) {
        let segments: Vec<&str> = v.storage_path.split('/').collect();
        assert_eq!(segments.len(), 6, "{}", v.storage_path);
        assert!(!segments.iter().any(|s| s.is_empty() || *s == "." || *s == ".."));
        let ext = final_extension(&v.file_name).expect("extension");
        assert!(!is_dangerous_extension(ext));
        assert!(v.mime_type.accepts_extension(&ext.to_lowercase()));
    }
});
