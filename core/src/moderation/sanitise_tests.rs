use super::*;
use crate::ErrorCode;
use proptest::prelude::*;

fn rules() -> TextPolicy {
    TextPolicy::default()
}

fn ok(field: TextField, text: &str) -> String {
    match sanitise_text(&rules(), field, text) {
        Ok(s) => s,
        Err(e) => panic!("{text:?}: {e}"),
    }
}

fn code(field: TextField, text: &str) -> Option<ErrorCode> {
    sanitise_text(&rules(), field, text).err().map(|e| e.code)
}

#[test]
fn line_breaks_are_unified_and_tabs_become_spaces() {
    assert_eq!(ok(TextField::Bio, "a\r\nb\rc\u{85}d\u{2028}e\u{2029}f\tg"), "a\nb\nc\nd\ne\nf g");
    assert_eq!(ok(TextField::DisplayName, "Ana\nMaria\r\nK"), "Ana Maria K");
}

#[test]
fn invisible_and_control_characters_are_removed_but_zwj_stays() {
    assert_eq!(ok(TextField::Message, "he\u{200B}l\u{2060}l\u{FEFF}o\u{AD}\u{7}\u{9F}\u{202E}\u{2066}!"), "hello!");
    // ZWJ and ZWNJ stay (emoji sequences, Persian and Indic text need them).
    assert_eq!(ok(TextField::Message, "\u{1F468}\u{200D}\u{1F469}"), "\u{1F468}\u{200D}\u{1F469}");
    assert_eq!(ok(TextField::Message, "a\u{200C}b"), "a\u{200C}b");
    // Noncharacters.
    assert_eq!(ok(TextField::Message, "a\u{FDD0}b\u{FFFE}c\u{10FFFF}d"), "abcd");
}

#[test]
fn tags_stay_only_inside_an_emoji_tag_sequence() {
    let scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
    assert_eq!(ok(TextField::Message, scotland), scotland);
    assert_eq!(ok(TextField::Message, "hi\u{E0001}\u{E0068}\u{E0069}"), "hi");
    // A flag without its cancel tag loses the tags.
    assert_eq!(ok(TextField::Message, "\u{1F3F4}\u{E0067}\u{E0062}"), "\u{1F3F4}");
}

#[test]
fn nfc_runs_after_the_removals() {
    // e, a removed control, then a combining acute: composes once the control is gone.
    assert_eq!(ok(TextField::Message, "e\u{7}\u{301}"), "\u{E9}");
}

#[test]
fn zalgo_keeps_three_marks_per_base() {
    let zalgo = "Z\u{300}\u{301}\u{302}\u{303}\u{304}a";
    assert_eq!(ok(TextField::Message, zalgo), "Z\u{300}\u{301}\u{302}a");
    // A mark merged into a precomposed letter does not count: é + 3 more marks stay.
    assert_eq!(ok(TextField::Message, "e\u{301}\u{302}\u{303}\u{304}"), "\u{E9}\u{302}\u{303}\u{304}");
}

#[test]
fn at_most_two_line_breaks_and_white_space_between_them_is_dropped() {
    assert_eq!(ok(TextField::Bio, "a\n\n\n\nb"), "a\n\nb");
    assert_eq!(ok(TextField::Bio, "a\n \t\n \n  b"), "a\n\n  b");
    assert_eq!(ok(TextField::Bio, "a \n \nb"), "a \n\nb");
    assert_eq!(ok(TextField::Bio, "\u{3000} a b \u{A0}\n"), "a b");
}

#[test]
fn markup_and_quotes_are_never_stripped() {
    assert_eq!(ok(TextField::Message, "<3 & \"you\" <b>"), "<3 & \"you\" <b>");
}

#[test]
fn lengths_are_grapheme_clusters_with_inclusive_limits() {
    let fifty = "\u{1F468}\u{200D}\u{1F469}".repeat(50);
    assert_eq!(ok(TextField::DisplayName, &fifty), fifty);
    assert_eq!(code(TextField::DisplayName, &format!("{fifty}x")), Some(ErrorCode::TextTooLong));
    assert_eq!(code(TextField::DisplayName, " \u{200B}\t"), Some(ErrorCode::InvalidInput));
    assert_eq!(ok(TextField::Bio, ""), "");
    assert_eq!(ok(TextField::Bio, &"x".repeat(500)).len(), 500);
    assert_eq!(code(TextField::Bio, &"x".repeat(501)), Some(ErrorCode::TextTooLong));
    assert_eq!(code(TextField::Message, &"x".repeat(4_001)), Some(ErrorCode::TextTooLong));
    assert_eq!(code(TextField::Caption, &"x".repeat(2_201)), Some(ErrorCode::TextTooLong));
    assert_eq!(ok(TextField::Caption, &"x".repeat(2_200)).len(), 2_200);
}

#[test]
fn escape_html_maps_the_five_characters() {
    assert_eq!(
        escape_html("<a href=\"x\">Tom & Jerry's</a>"),
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
    );
    assert_eq!(escape_html("zażółć"), "zażółć");
}

#[test]
fn only_http_and_https_urls_are_linkable() {
    assert!(is_linkable("https://avalo.app/u/1"));
    assert!(is_linkable("HTTP://avalo.app"));
    assert!(!is_linkable("javascript:alert(1)"));
    assert!(!is_linkable("data:text/html,<b>"));
    assert!(!is_linkable("https:/avalo.app"));
    assert!(!is_linkable("https://"));
    assert!(!is_linkable("https://a b"));
    assert!(!is_linkable("ftp://x"));
}

fn forbidden(c: char) -> bool {
    let cp = u32::from(c);
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{200B}')
        || matches!(
            c,
            '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{AD}' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\r' | '\t'
        )
        || (0xFDD0..=0xFDEF).contains(&cp)
        || (cp & 0xFFFE) == 0xFFFE
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("a".to_string()),
        Just("é".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{300}\u{301}\u{302}\u{303}".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" ".to_string()),
        Just("\t".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{E0041}".to_string()),
        Just("\u{1F3F4}\u{E0067}\u{E007F}".to_string()),
        Just("\u{1F468}\u{200D}\u{1F469}".to_string()),
        Just("<b>&\"'".to_string()),
        Just("\u{7}".to_string()),
        Just("\u{FFFF}".to_string()),
        Just("\u{3000}".to_string()),
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]
    #[test]
    fn sanitising_is_idempotent_and_removes_what_it_forbids(text in text_strategy()) {
        for field in [TextField::Bio, TextField::Message, TextField::Caption, TextField::DisplayName] {
            if let Ok(once) = sanitise_text(&rules(), field, &text) {
                let twice = sanitise_text(&rules(), field, &once);
                prop_assert_eq!(twice.as_deref().ok(), Some(once.as_str()));
                prop_assert!(!once.chars().any(forbidden), "{:?}", once);
                prop_assert!(!once.contains("\n\n\n"));
                prop_assert_eq!(once.trim_matches(char::is_whitespace), once.as_str());
                if field == TextField::DisplayName {
                    prop_assert!(!once.contains('\n'));
                }
                // At most three marks after any base.
                let mut run = 0;
                for c in once.chars() {
                    if is_mark(c) { run += 1; prop_assert!(run <= 3); } else { run = 0; }
                }
            }
        }
    }
}
