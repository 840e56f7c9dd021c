//! Fuzzes the file-name sanitiser: never panics, idempotent, and its output holds no
//! separator, control or bidi character, no leading/trailing dot or space, at most 200 chars.
#![no_main]

use avalo_core::upload::{check_file_name, final_extension, is_dangerous_extension, sanitise_file_name, AllowedMime};
use avalo_core::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = String::from_utf8_lossy(data);
    if let Ok(s) = sanitise_file_name(&name, 200) {
        assert_eq!(sanitise_file_name(&s, 200).as_deref(), Ok(s.as_str()), "not idempotent");
        assert!(s.chars().count() <= 200);
        assert!(!s.contains(['/', '\\']));
        assert!(!s.chars().any(|c| c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')));
        assert!(!s.starts_with(['.', ' ']) && !s.ends_with(['.', ' ']));
    }
    let mime = AllowedMime::ALL[usize::from(data.first().copied().unwrap_or(0)) % AllowedMime::ALL.len()];
    if let Ok(c) = check_file_name(&Policy::default(), &name, mime.as_str()) {
        let ext = final_extension(&c.file_name).expect("a checked name has an extension");
        assert!(!is_dangerous_extension(ext));
        assert!(mime.accepts_extension(&ext.to_lowercase()));
    }
});
