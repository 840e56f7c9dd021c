//! Fuzzes the word counter (SPEC §4.3) and the message bill preview: the fast `count_words`
//! agrees with the literal reference implementation on every text, the batch call agrees with
//! single calls, and `preview_message` never panics and bills exactly the counted words.
#![no_main]

use avalo_core::billing::{
    count_words, count_words_batch, preview_message, words::count_words_reference, ChatMeter, Sender,
};
use avalo_core::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let policy = Policy::default();
    let text = String::from_utf8_lossy(rest);
    let words = count_words(&policy, &text);
    assert_eq!(words, count_words_reference(policy.billing.ratios(), &text), "fast path differs from the reference");
    let halves = text.split_at(text.char_indices().nth(text.chars().count() / 2).map_or(text.len(), |(i, _)| i));
    let batch = count_words_batch(&policy, &[&text[..], halves.0, halves.1]);
    assert_eq!(batch[0], words);
    assert_eq!(batch[1], count_words(&policy, halves.0));

    let royal = flags & 1 == 1;
    let sender = if flags & 2 == 0 { Sender::Earner } else { Sender::Payer };
    let mut meter = ChatMeter::new(royal);
    meter.payer_messages = u64::from(flags >> 2);
    meter.earner_messages = u64::from(flags >> 4);
    if let Ok(charge) = preview_message(&policy, &meter, sender, &text, royal) {
        assert_eq!(charge.words, words);
        assert!(charge.creator <= charge.tokens_due);
        assert!(charge.billed_words <= words);
    }
});
