//! Policy loading stays linear and bounded on oversized operator input (issue 14, item 4).
#![allow(clippy::unwrap_used)]

use avalo_core::money::{Currency, Money};
use avalo_core::pricing::TokenPack;
use avalo_core::risk::AboveTier;
use avalo_core::{ErrorCode, Policy, PolicyRules};
use std::time::{Duration, Instant};

fn pack(i: usize) -> TokenPack {
    TokenPack { id: format!("p{i}"), tokens: 100, popular: false, prices: vec![Money::from_minor(100, Currency::PLN)] }
}

/// 200 000 packs: the old duplicate check compared every pair (2·10^10 comparisons, minutes);
/// now the oversized table is refused after a linear pass.
#[test]
fn a_huge_pack_table_is_refused_in_linear_time() {
    let mut rules = PolicyRules::default();
    rules.pricing.packs = (0..200_000).map(pack).collect();
    let start = Instant::now();
    let problems = rules.validate();
    assert!(start.elapsed() < Duration::from_secs(2), "took {:?}", start.elapsed());
    assert!(problems.iter().any(|p| p.path == "$.pricing.packs"), "{problems:?}");
    // Only the first rows are examined, so the problem list stays small too.
    assert!(problems.len() < 100, "{} problems", problems.len());
}

/// 100 000 region-risk rows: the monotonicity check compares every pair of rows (10^10), now
/// skipped for a list already refused as oversized.
#[test]
fn huge_risk_tier_lists_are_refused_in_linear_time() {
    let mut rules = PolicyRules::default();
    rules.risk.region.support_tickets = (0..100_000).map(|i| AboveTier { above: i, points: 1 }).collect();
    let start = Instant::now();
    let problems = rules.validate();
    assert!(start.elapsed() < Duration::from_secs(2), "took {:?}", start.elapsed());
    assert!(problems.iter().any(|p| p.path == "$.risk.region.support_tickets"), "{problems:?}");
}

#[test]
fn extreme_durations_and_counts_are_refused() {
    let patches = [
        r#"{"security":{"max_clock_skew_ms":18446744073709551615}}"#,
        r#"{"security":{"session_max_age_ms":9223372036854775807}}"#,
        r#"{"security":{"upload_url_ttl_ms":9223372036854775807}}"#,
        r#"{"payout":{"max_business_days":4294967295}}"#,
        r#"{"pricing":{"max_combination_tokens":18446744073709551615}}"#,
        r#"{"spam":{"min_interval_ms":18446744073709551615}}"#,
        r#"{"retry":{"backoff_cap_ms":18446744073709551615}}"#,
        r#"{"risk":{"fraud":{"window_ms":18446744073709551615}}}"#,
        r#"{"media":{"story_lifetime_ms":9223372036854775807}}"#,
        r#"{"ratelimit":{"actions":{"login":{"limit":5,"window_ms":18446744073709551615,"burst":5,"on_failure":"closed","tier_scaled":false}}}}"#,
    ];
    for patch in patches {
        let e = Policy::from_patch(patch).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput, "{patch}: {}", e.reason);
    }
}

#[test]
fn oversized_lists_are_refused() {
    let mut rules = PolicyRules::default();
    rules.spam.generic_greetings = vec!["hello".to_string(); 1_001];
    rules.flags.always_on = vec!["x".to_string(); 1_025];
    let paths: Vec<String> = rules.validate().into_iter().map(|p| p.path).collect();
    assert!(paths.contains(&"$.spam.generic_greetings".to_string()), "{paths:?}");
    assert!(paths.contains(&"$.flags.always_on".to_string()), "{paths:?}");
}

#[test]
fn the_built_in_policy_is_within_every_bound() {
    assert!(PolicyRules::default().validate().is_empty());
}
