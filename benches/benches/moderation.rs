//! Criterion benches for banned-terms screening (SPEC §14.2) and the text sanitiser (§14.3).
//! Run: `cargo bench -p avalo-benches --bench moderation`.
//!
//! Peer, measured in the same run: the naive screen a host would write without the library —
//! normalise the text once (NFKC, lower case, zero-width characters out), then `contains` for
//! every term. It finds far less (no leetspeak, spacing, look-alikes, word rules or spans), so
//! the comparison flatters the peer.

use avalo_core::moderation::{screen_terms, BannedTerm, TermMatchKind, TermSeverity};
use avalo_core::{Policy, PolicyRules};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use unicode_normalization::UnicodeNormalization;

/// 1 000 distinct pronounceable terms (a fixed generator, no randomness).
fn terms() -> Vec<String> {
    let syl = ["ka", "lo", "mi", "re", "tu", "sa", "ve", "no", "pi", "da", "zu", "ge", "ho", "bi", "fe", "wy"];
    let mut out = Vec::new();
    'outer: for a in syl {
        for b in syl {
            for c in syl {
                out.push(format!("{a}{b}{c}x"));
                if out.len() == 1_000 {
                    break 'outer;
                }
            }
        }
    }
    out
}

fn policy(terms: &[String]) -> Policy {
    let mut rules = PolicyRules::default();
    rules.moderation.terms.banned_terms = terms
        .iter()
        .enumerate()
        .map(|(i, t)| BannedTerm {
            term: t.clone(),
            category: "bench".into(),
            severity: TermSeverity::Review,
            match_kind: if i % 4 == 0 { TermMatchKind::Substring } else { TermMatchKind::Word },
        })
        .collect();
    // Substring terms need 6 letters: every generated term has 7.
    Policy::from_rules(rules).unwrap_or_default()
}

fn naive_screen(terms: &[String], text: &str) -> usize {
    let norm: String = text
        .nfkc()
        .filter(|c| !matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{AD}'))
        .flat_map(char::to_lowercase)
        .collect();
    terms.iter().filter(|t| norm.contains(t.as_str())).count()
}

fn benches(c: &mut Criterion) {
    let terms = terms();
    let policy = policy(&terms);
    // ~200 bytes of chat, with one hit of the default list's kind and mixed scripts.
    let message = "Hey! Thanks so much for the lovely evening yesterday 😊 I'd love to see you again soon — \
                   maybe Friday? Zażółć gęślą jaźń, and pay me on v3nm0 if you want the pics. Dobrze? Buziaki!";
    assert!((190..=210).contains(&message.len()), "{}", message.len());
    let default = Policy::default();
    let mut g = c.benchmark_group("screen 200 B message");
    g.bench_function("avalo screen_terms, 1 000 terms", |b| b.iter(|| screen_terms(&policy, black_box(message))));
    g.bench_function("avalo screen_terms, built-in 8 terms", |b| b.iter(|| screen_terms(&default, black_box(message))));
    g.bench_function("peer: normalise + contains per term, 1 000 terms", |b| {
        b.iter(|| naive_screen(&terms, black_box(message)))
    });
    g.finish();
    c.bench_function("sanitise_text 200 B message", |b| {
        b.iter(|| {
            avalo_core::moderation::sanitise_text(
                &default.moderation.text,
                avalo_core::moderation::TextField::Message,
                black_box(message),
            )
        })
    });
}

criterion_group!(moderation, benches);
criterion_main!(moderation);
