//! Property tests for the money rules: conservation, cumulative fairness, no money created by
//! settlement, policy round trips, and parsers that never panic.

use avalo_core::money::{BasisPoints, Currency, Money};
use avalo_core::pricing;
use avalo_core::split::{split_amount, CumulativeSplit};
use avalo_core::Policy;
use proptest::prelude::*;

proptest! {
    #[test]
    fn split_conserves(amount in 0u64..=u64::MAX / 10_000, bp in 0u32..=10_000) {
        let s = split_amount(amount, BasisPoints::new(bp).unwrap());
        prop_assert_eq!(s.creator + s.platform, amount);
        prop_assert_eq!(u128::from(s.creator), u128::from(amount) * u128::from(bp) / 10_000);
    }

    #[test]
    fn split_conserves_for_every_u64(amount in any::<u64>(), bp in 0u32..=10_000) {
        let s = split_amount(amount, BasisPoints::new(bp).unwrap());
        prop_assert_eq!(s.creator.checked_add(s.platform), Some(amount));
    }

    #[test]
    fn cumulative_equals_split_of_sum(amounts in proptest::collection::vec(0u64..5_000, 0..200), bp in 0u32..=10_000) {
        let bp = BasisPoints::new(bp).unwrap();
        let mut state = CumulativeSplit::default();
        let (mut creator, mut platform) = (0u64, 0u64);
        for a in &amounts {
            let step = state.apply(*a, bp).unwrap();
            prop_assert_eq!(step.split.creator + step.split.platform, *a);
            creator += step.split.creator;
            platform += step.split.platform;
            state = step.state;
        }
        let total: u64 = amounts.iter().sum();
        let whole = split_amount(total, bp);
        prop_assert_eq!(creator, whole.creator);
        prop_assert_eq!(platform, whole.platform);
    }

    #[test]
    fn settlement_never_creates_money(grosze in 0u64..=u64::MAX / 20) {
        let p = Policy::default();
        let pln = Money::from_minor(grosze, Currency::PLN);
        let tokens = pricing::pln_to_tokens(&p, pln).unwrap();
        let back = pricing::tokens_to_pln(&p, tokens).unwrap();
        prop_assert!(back.minor <= grosze);
        prop_assert!(grosze - back.minor < 20);
    }

    #[test]
    fn money_parse_never_panics(s in ".{0,40}", code in "[A-Za-z]{0,4}") {
        if let Ok(c) = Currency::from_code(&code) {
            if let Ok(m) = Money::parse(&s, c) {
                // canonical string parses back to the same amount
                prop_assert_eq!(Money::parse(&m.to_decimal_string(), c).unwrap(), m);
            }
        }
    }

    #[test]
    fn money_parse_digits_round_trip(int in 0u64..1_000_000_000_000, frac in 0u64..100) {
        let text = format!("{int}.{frac:02}");
        let m = Money::parse(&text, Currency::PLN).unwrap();
        prop_assert_eq!(m.minor, int * 100 + frac);
        prop_assert_eq!(m.to_decimal_string(), text);
    }

    #[test]
    fn policy_loader_never_panics(s in ".{0,200}") {
        let _ = Policy::from_json(&s);
        let _ = Policy::from_patch(&s);
        let _ = Policy::problems_in_json(&s);
    }

    #[test]
    fn patched_policy_round_trips(chat in 0u32..=10_000, min in 1u64..1_000) {
        let patch = format!(r#"{{"splits":{{"chat_creator_bp":{chat}}},"payout":{{"min_tokens":{min}}}}}"#);
        let p = Policy::from_patch(&patch).unwrap();
        let json = serde_json::to_string(p.rules()).unwrap();
        let q = Policy::from_json(&json).unwrap();
        prop_assert_eq!(p.fingerprint(), q.fingerprint());
    }
}
