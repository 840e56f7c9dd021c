//! Property tests for word counting and the chat meter (SPEC §4.3–4.7).
#![allow(clippy::unwrap_used)]

use avalo_core::billing::{
    bill_message, bill_messages, count_words, count_words_reference, count_words_with, preview_message, ChatMessage,
    ChatMeter, Sender, WordRatios,
};
use avalo_core::{ErrorCode, Policy};
use proptest::prelude::*;

/// ASCII pieces that exercise every UAX #29 rule the fast path reimplements.
fn ascii_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z]{1,6}",
        2 => "[0-9]{1,4}",
        3 => prop::sample::select(vec![" ", "  ", "\t", "\n", "\r\n", "\x0B", "\x0C"]).prop_map(String::from),
        3 => prop::sample::select(vec![".", "'", ":", ",", ";", "_", "__", "-", "\"", "/", "//", "!", "?", "@", "#", "*", "\x1F", "\x7F"]).prop_map(String::from),
        1 => prop::sample::select(vec!["http://", "HTTPS://", "www.", "WwW.", "://", "wwww", "http:/", "https:"]).prop_map(String::from),
        1 => "[ -~]{1,8}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// Non-ASCII pieces: everything the mixed path classes, and things it hands to the reference.
fn mixed_text() -> impl Strategy<Value = String> {
    let special: Vec<&'static str> = vec![
        "ą",
        "Ż",
        "ß",
        "é",
        "e\u{301}",
        "\u{301}",
        "\u{483}",
        "Ω",
        "ж",
        "·",
        "\u{387}",
        "\u{37E}",
        "ª",
        "²",
        "½",
        "¸",
        "\u{A0}",
        "\u{85}",
        "\u{AD}",
        "©",
        "®",
        "™",
        "ℹ",
        "\u{2019}",
        "\u{2018}",
        "\u{2024}",
        "\u{2027}",
        "…",
        "—",
        "\u{200B}",
        "\u{200C}",
        "\u{200D}",
        "\u{200E}",
        "\u{2028}",
        "\u{3000}",
        "\u{FE0F}",
        "\u{FE0E}",
        "\u{20E3}",
        "\u{E0100}",
        "😀",
        "❤️",
        "❤",
        "👍🏽",
        "🏽",
        "👨‍👩‍👧",
        "🇵🇱",
        "🇵",
        "1️⃣",
        "#️⃣",
        "*\u{20E3}",
        "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        "東",
        "京",
        "一",
        "ひ",
        "らがな",
        "カ",
        "タ",
        "ー",
        "ｶ",
        "々",
        "〇",
        "\u{3099}",
        "、",
        "。",
        "「",
        "，",
        "！",
        "：",
        "．",
        "＿",
        "Ａ",
        "１",
        "ไทย",
        "สวัสดี",
        "ກາ",
        "ខ្មែរ",
        "မြန်မာ",
        "๑",
        "၁",
        "ʼ",
        "עברית",
        "\"",
        "مرحبا",
        "١",
        "한국어",
        "ॐ",
        "नमस्ते",
        "\u{1F100}",
        "Ⅻ",
        "ⓐ",
        "\u{FF9E}",
        "_",
    ];
    let piece = prop_oneof![
        3 => "[a-z]{1,5}",
        1 => "[0-9]{1,3}",
        3 => prop::sample::select(special).prop_map(String::from),
        2 => prop::sample::select(vec![" ", "\n", ".", "'", ",", ":", "_", "-", "http://", "www.", "https://x.io/ą"]).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

fn words(n: usize) -> String {
    vec!["word"; n].join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn ascii_fast_path_equals_reference(s in ascii_text()) {
        let r = WordRatios::default();
        prop_assert_eq!(count_words_with(r, &s), count_words_reference(r, &s), "{:?}", s);
    }

    #[test]
    fn mixed_path_equals_reference(s in mixed_text(), cjk in 1u32..4, sea in 1u32..6) {
        let r = WordRatios { cjk_chars_per_word: cjk, sea_graphemes_per_word: sea };
        prop_assert_eq!(count_words_with(r, &s), count_words_reference(r, &s), "{:?}", s);
    }

    #[test]
    fn any_string_is_counted_alike_without_panic(s in any::<String>()) {
        let r = WordRatios::default();
        prop_assert_eq!(count_words_with(r, &s), count_words_reference(r, &s), "{:?}", s);
    }

    #[test]
    fn additive_over_latin_words(ws in prop::collection::vec("[a-zA-ZąęłśżźćńóĄĘŁŚŻŹĆŃÓéüß]{1,10}", 0..30),
                                 sep in prop::sample::select(vec![" ", "  ", "\n", "\t", " \u{3000}"])) {
        let p = Policy::default();
        let sum: u64 = ws.iter().map(|w| count_words(&p, w)).sum();
        prop_assert_eq!(count_words(&p, &ws.join(sep)), sum);
        prop_assert_eq!(sum, ws.len() as u64);
    }

    #[test]
    fn tokens_never_decrease_as_words_grow(w1 in 0usize..60, extra in 0usize..60, prior in 0u64..200, royal in any::<bool>()) {
        let p = Policy::default();
        let wpt = if royal { 7 } else { 11 };
        let m = ChatMeter { earner_messages: 10, billed_words: prior, billed_tokens: prior / wpt,
            creator_tokens: prior / wpt * 6500 / 10000, royal, ..ChatMeter::default() };
        let a = preview_message(&p, &m, Sender::Earner, &words(w1), royal).unwrap();
        let b = preview_message(&p, &m, Sender::Earner, &words(w1 + extra), royal).unwrap();
        prop_assert!(a.tokens_due <= b.tokens_due);
    }

    #[test]
    fn payer_charged_floor_of_total_words(msgs in prop::collection::vec((any::<bool>(), 0usize..40), 0..40), royal in any::<bool>()) {
        let p = Policy::default();
        let mut m = ChatMeter::new(royal);
        let (mut paid, mut creator, mut platform, mut billed_words) = (0u64, 0u64, 0u64, 0u64);
        for (from_earner, n) in &msgs {
            let sender = if *from_earner { Sender::Earner } else { Sender::Payer };
            let text = words(*n);
            let pre = preview_message(&p, &m, sender, &text, royal).unwrap();
            let c = bill_message(&p, &m, sender, &text, royal, u64::MAX).unwrap();
            prop_assert_eq!(&pre, &c);
            if c.tokens_due > 0 {
                let e = bill_message(&p, &m, sender, &text, royal, c.tokens_due - 1).unwrap_err();
                prop_assert_eq!(e.code, ErrorCode::InsufficientTokens);
            }
            prop_assert_eq!(c.creator + c.platform, c.tokens_due);
            paid += c.tokens_due;
            creator += c.creator;
            platform += c.platform;
            billed_words += c.billed_words;
            m = c.meter;
        }
        let wpt = if royal { 7 } else { 11 };
        prop_assert_eq!(paid, billed_words / wpt);
        prop_assert_eq!(creator + platform, paid);
        prop_assert_eq!(creator, paid * 6500 / 10000);
        let batch: Vec<ChatMessage> = msgs.iter().map(|(e, n)| ChatMessage {
            sender: if *e { Sender::Earner } else { Sender::Payer }, text: words(*n) }).collect();
        let b = bill_messages(&p, &ChatMeter::new(royal), &batch, royal, u64::MAX).unwrap();
        prop_assert_eq!(b.meter, m);
        prop_assert_eq!(b.tokens_due, paid);
    }

    #[test]
    fn rebasing_keeps_unconverted_words(pre in prop::collection::vec(0usize..30, 5..20), post in prop::collection::vec(0usize..30, 0..10), royal in any::<bool>()) {
        let p = Policy::default();
        let mut m = ChatMeter::new(royal);
        let mut words_before = 0u64;
        for n in &pre {
            let c = bill_message(&p, &m, Sender::Earner, &words(*n), royal, u64::MAX).unwrap();
            words_before += c.billed_words;
            m = c.meter;
        }
        let (old, new) = if royal { (7, 11) } else { (11, 7) };
        let carried = words_before - m.billed_tokens * old;
        let tokens_before = m.billed_tokens;
        let mut words_after = 0u64;
        for n in &post {
            let c = bill_message(&p, &m, Sender::Earner, &words(*n), !royal, u64::MAX).unwrap();
            words_after += c.billed_words;
            m = c.meter;
        }
        if !post.is_empty() {
            prop_assert_eq!(m.billed_tokens - tokens_before, (carried + words_after) / new);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

    /// Anti-spam (SPEC §4.8) is total: any text and history gives a verdict, never a panic,
    /// and a verdict is allowed exactly when it has no code.
    #[test]
    fn spam_check_is_total(text in any::<String>(), recent in prop::collection::vec((any::<String>(), any::<i64>()), 0..12),
                           now in any::<i64>()) {
        let p = Policy::default();
        let recent: Vec<avalo_core::spam::RecentMessage> = recent.into_iter()
            .map(|(text, sent_at_ms)| avalo_core::spam::RecentMessage { text, sent_at_ms }).collect();
        let v = avalo_core::spam::check_spam(&p, &text, &recent, now);
        prop_assert_eq!(v.allowed, v.code.is_none());
        prop_assert_eq!(v.to_result().is_ok(), v.allowed);
    }
}
