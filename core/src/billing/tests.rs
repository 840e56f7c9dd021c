//! Unit tests: the fast paths' character classes against `unicode-segmentation`, the
//! Extended_Pictographic table against its grapheme rules, and the spec's examples.

#![allow(clippy::unwrap_used)]
use super::chars;
use super::fast::{classify, Cls};
use super::words::{count_words_reference, WordRatios};
use super::*;
use unicode_segmentation::UnicodeSegmentation;

fn segs(s: &str) -> usize {
    s.split_word_bounds().count()
}

#[test]
fn spec_examples() {
    let r = WordRatios::default();
    for (text, n) in [
        ("I ❤️ you", 2),
        ("🤣🤣 lol", 1),
        ("🇵🇱 flag", 1),
        ("", 0),
        (" \t\n ", 0),
        ("HTTP://EXAMPLE.COM/x y", 1),
        ("don't", 1),
        ("e-mail", 2),
        ("一二三四五", 3),
    ] {
        assert_eq!(count_words_with(r, text), n, "{text:?}");
        assert_eq!(count_words_reference(r, text), n, "{text:?} (reference)");
    }
}

#[test]
fn extended_pictographic_matches_grapheme_rule_gb11() {
    // GB11: ExtPict Extend* ZWJ × ExtPict. After "a ZWJ", only Extend/ZWJ/SpacingMark join.
    for cp in (0xA0u32..0x3400).chain(0x1F000..0x20000) {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let after_emoji = format!("\u{1F600}\u{200D}{c}").graphemes(true).count() == 1;
        let after_letter = format!("a\u{200D}{c}").graphemes(true).count() == 1;
        assert_eq!(chars::is_extended_pictographic(c), after_emoji && !after_letter, "U+{cp:04X}");
    }
}

#[test]
fn fast_classes_match_uax29() {
    let probe = |c: char| {
        (
            segs(&format!("a.{c}")) == 1,  // AHLetter
            segs(&format!("1,{c}")) == 1,  // Numeric
            segs(&format!("1{c}1")) == 1,  // MidNum or MidNumLetQ
            segs(&format!("a{c}a")) == 1,  // MidLetter/MidNumLetQ, or transparent
            segs(&format!("{c}{c}")) == 1, // joins itself
        )
    };
    let mut bad = Vec::new();
    for cp in (0x80u32..0x10000).chain(0x1F000..0x1FB00).chain(0xE0000..0xE0200) {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let cls = classify(c);
        if chars::is_removed_emoji(c) != (cls == Cls::Emoji) {
            bad.push(format!("U+{cp:04X} emoji classed {cls:?}"));
        }
        let p = probe(c);
        let ok = match cls {
            Cls::Letter => {
                p == (true, false, true, true, true) && chars::is_letter_or_digit(c) && chars::run_script(c).is_none()
            }
            Cls::Digit => p == (false, true, true, true, true) && c.is_numeric() && chars::run_script(c).is_none(),
            Cls::MidLetter => p == (false, false, false, true, false) && !chars::is_letter_or_digit(c),
            Cls::MidNumLet => p == (false, false, true, true, false) && !chars::is_letter_or_digit(c),
            Cls::MidNum => p == (false, false, true, false, false) && !chars::is_letter_or_digit(c),
            Cls::Other => {
                p == (false, false, false, false, false) && !chars::is_letter_or_digit(c) && !c.is_whitespace()
            }
            Cls::Space => c.is_whitespace() && !chars::is_letter_or_digit(c),
            Cls::Mark | Cls::Zwj => {
                segs(&format!("a{c}b")) == 1
                    && segs(&format!("1{c}.2")) == 1
                    && chars::is_mark_or_format(c)
                    && !chars::is_removed_emoji(c)
            }
            Cls::Emoji => chars::is_removed_emoji(c),
            Cls::Han => {
                segs(&format!("{c}{c}")) == 2
                    && segs(&format!("{c}_")) == 2
                    && chars::run_script(c) == Some(chars::RunScript::Cjk)
            }
            Cls::Kana => segs(&format!("{c}ア")) == 1 && chars::run_script(c) == Some(chars::RunScript::Cjk),
            Cls::Slow => true,
            Cls::Under => false, // only ASCII `_`
        };
        if !ok {
            bad.push(format!("U+{cp:04X} {c:?} classed {cls:?}, probe {p:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn roles() {
    use Participant::*;
    assert_eq!(chat_roles(true, false), ChatRoles { payer: Some(Receiver), earner: Some(Initiator), free: false });
    assert_eq!(chat_roles(false, true).payer, Some(Initiator));
    assert_eq!(chat_roles(true, true), ChatRoles { payer: Some(Initiator), earner: Some(Receiver), free: false });
    assert!(chat_roles(false, false).free);
}

#[test]
fn meter_accrues_and_splits() {
    let p = Policy::default();
    let mut m = ChatMeter::new(false);
    for _ in 0..4 {
        let c = bill_message(&p, &m, Sender::Earner, "one two three", false, 0).unwrap();
        assert!(c.free && c.tokens_due == 0);
        m = c.meter;
    }
    let mut paid = 0;
    for _ in 0..11 {
        let c = bill_message(&p, &m, Sender::Earner, "one two three four five six seven", false, 100).unwrap();
        paid += c.tokens_due;
        assert_eq!(c.creator + c.platform, c.tokens_due);
        m = c.meter;
    }
    assert_eq!(paid, 77 / 11);
    assert_eq!(m.billed_tokens, 7);
    assert_eq!(m.creator_tokens, 7 * 6500 / 10000);
    let e = bill_message(&p, &m, Sender::Earner, &"w ".repeat(40), false, 1).unwrap_err();
    assert_eq!(e.code, crate::ErrorCode::InsufficientTokens);
    assert!(e.reason.contains("needed 3 tokens, available 1"), "{}", e.reason);
}

#[test]
fn invalid_meters() {
    let p = Policy::default();
    let bad = [
        ChatMeter { billed_words: 10, billed_tokens: 1, earner_messages: 5, ..Default::default() },
        ChatMeter { billed_words: 30, billed_tokens: 1, earner_messages: 5, ..Default::default() },
        ChatMeter { billed_words: 5, ..Default::default() },
        ChatMeter { billed_words: 22, billed_tokens: 2, creator_tokens: 0, earner_messages: 5, ..Default::default() },
    ];
    for m in bad {
        assert_eq!(validate_meter(&p, &m).unwrap_err().code, crate::ErrorCode::InvalidInput, "{m:?}");
    }
}
