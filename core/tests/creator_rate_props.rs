//! Property tests of the creator's own message rate (SPEC §16.2): over random rate changes and
//! message sequences, the preview and the charge always agree, a stale version is refused with
//! the meter unchanged, and the meter's tokens are exactly the sum of the charges.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use avalo_core::billing::{
    bill_creator_message, preview_creator_message, set_creator_rate, ChatMeter, CreatorRate, Sender,
};
use avalo_core::{ErrorCode, Policy};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    SetRate(u32),
    Message { earner: bool, words: usize, royal: bool, stale: bool },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => (0u32..25).prop_map(Step::SetRate),
        4 => (any::<bool>(), 0usize..60, any::<bool>(), proptest::bool::weighted(0.15))
            .prop_map(|(earner, words, royal, stale)| Step::Message { earner, words, royal, stale }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn preview_and_charge_agree_under_rate_changes(steps in proptest::collection::vec(step(), 1..40)) {
        let policy = Policy::default();
        let mut rate = CreatorRate::default();
        let mut meter = ChatMeter::new(false);
        let (mut paid, mut creator) = (0u64, 0u64);
        for s in steps {
            match s {
                Step::SetRate(w) => match set_creator_rate(&policy, &rate, w) {
                    Ok(r) => {
                        prop_assert!((5..=20).contains(&w));
                        prop_assert!(r.rate_version == rate.rate_version + u64::from(rate.words_per_token != Some(w)));
                        rate = r;
                    }
                    Err(e) => {
                        prop_assert_eq!(e.code, ErrorCode::AmountOutOfRange);
                        prop_assert!(!(5..=20).contains(&w));
                    }
                },
                Step::Message { earner, words, royal, stale } => {
                    let sender = if earner { Sender::Earner } else { Sender::Payer };
                    let text = vec!["w"; words].join(" ");
                    let preview = preview_creator_message(&policy, &meter, sender, &text, royal, &rate).unwrap();
                    let shown = if stale { preview.rate_version.wrapping_add(1) } else { preview.rate_version };
                    let billed = bill_creator_message(&policy, &meter, sender, &text, royal, &rate, shown, u64::MAX);
                    if stale {
                        prop_assert_eq!(billed.unwrap_err().code, ErrorCode::PriceChanged);
                        continue; // the meter is unchanged: the host keeps the old one
                    }
                    let billed = billed.unwrap();
                    prop_assert_eq!(&billed, &preview);
                    prop_assert_eq!(billed.words_per_token, rate.effective(&policy, royal));
                    prop_assert_eq!(billed.creator + billed.platform, billed.tokens_due);
                    prop_assert!(billed.meter.billed_tokens >= meter.billed_tokens);
                    paid += billed.tokens_due;
                    creator += billed.creator;
                    meter = billed.meter;
                    prop_assert_eq!(meter.billed_tokens, paid);
                    prop_assert_eq!(meter.creator_tokens, creator);
                    prop_assert_eq!(meter.rate_version, rate.rate_version);
                }
            }
        }
    }
}
