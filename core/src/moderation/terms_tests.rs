use super::*;
use crate::Policy;

fn policy_with(terms: &[(&str, TermSeverity, TermMatchKind)]) -> Policy {
    let mut rules = crate::PolicyRules::default();
    rules.moderation.terms.banned_terms = terms.iter().map(|(t, s, k)| term(t, "test", *s, *k)).collect();
    match Policy::from_rules(rules) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    }
}

fn spans(p: &Policy, text: &str) -> Vec<(String, &'static str)> {
    screen_terms(p, text)
        .matches
        .iter()
        .map(|m| {
            let s = usize::try_from(m.start).unwrap_or(0);
            let e = usize::try_from(m.end).unwrap_or(0);
            (
                text.get(s..e).unwrap_or("?").to_string(),
                if m.severity == TermSeverity::Block { "block" } else { "review" },
            )
        })
        .collect()
}

fn hits(p: &Policy, text: &str) -> Vec<String> {
    spans(p, text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn obfuscations_people_use_are_caught_with_their_original_span() {
    let p = policy_with(&[("free", TermSeverity::Review, TermMatchKind::Word)]);
    assert_eq!(hits(&p, "get it f.r.e.e now"), vec!["f.r.e.e"]);
    assert_eq!(hits(&p, "fr33 stuff"), vec!["fr33"]);
    assert_eq!(hits(&p, "ｆｒｅｅ"), vec!["ｆｒｅｅ"]);
    assert_eq!(hits(&p, "f\u{200B}ree"), vec!["f\u{200B}ree"]);
    assert_eq!(hits(&p, "frrreeee!"), vec!["frrreeee"]);
    assert_eq!(hits(&p, "so f r e e"), vec!["f r e e"]);
    assert_eq!(hits(&p, "FRÉÉ"), vec!["FRÉÉ"]);
    assert_eq!(hits(&p, "fгее"), Vec::<String>::new()); // г is not a look-alike of r
    assert_eq!(hits(&p, "frее"), vec!["frее"]); // Cyrillic е
}

#[test]
fn whole_word_rules_avoid_the_scunthorpe_problem() {
    let p = policy_with(&[("venmo", TermSeverity::Review, TermMatchKind::Word)]);
    assert_eq!(hits(&p, "supervenmo"), Vec::<String>::new());
    assert_eq!(hits(&p, "super-venmo"), vec!["venmo"]);
    assert_eq!(hits(&p, "veeenmooo me"), vec!["veeenmooo"]);
    assert_eq!(hits(&p, "v 3 n m 0"), vec!["v 3 n m 0"]);
    assert_eq!(hits(&p, "venmo!"), vec!["venmo"]);
    assert_eq!(hits(&p, "ven mo"), Vec::<String>::new());
    let ass = policy_with(&[("ass", TermSeverity::Block, TermMatchKind::Word)]);
    assert_eq!(hits(&ass, "as"), Vec::<String>::new());
    assert_eq!(hits(&ass, "class assessment"), Vec::<String>::new());
    // Symbols map only between letters or digits, or first before one: `@ss` is caught, `a$$`
    // (the last `$` has nothing after it, the first has a symbol after it) is not.
    assert_eq!(hits(&ass, "@ss"), vec!["@ss"]);
    assert_eq!(hits(&ass, "a$$"), Vec::<String>::new());
    let anal = policy_with(&[("anal", TermSeverity::Block, TermMatchKind::Word)]);
    assert_eq!(hits(&anal, "an al"), Vec::<String>::new());
    assert_eq!(hits(&anal, "analysis"), Vec::<String>::new());
}

#[test]
fn multi_word_terms_match_as_words_or_as_one_word() {
    let p = Policy::default();
    assert_eq!(hits(&p, "send it on cash app"), vec!["cash app"]);
    assert_eq!(hits(&p, "cashapp"), vec!["cashapp"]);
    assert_eq!(hits(&p, "cash.app"), vec!["cash.app"]);
    assert_eq!(hits(&p, "cash !!! app"), Vec::<String>::new());
    assert_eq!(hits(&p, "paypal.me/anna"), vec!["paypal.me"]);
}

#[test]
fn substring_terms_match_inside_one_word_and_across_its_punctuation() {
    let p = Policy::default();
    assert_eq!(spans(&p, "she is underaged"), vec![("underage".to_string(), "block")]);
    assert_eq!(hits(&p, "pre-teen"), vec!["pre-teen"]);
    assert_eq!(hits(&p, "under age"), Vec::<String>::new());
    assert_eq!(hits(&p, "j4ilb4it"), vec!["j4ilb4it"]);
}

#[test]
fn utf16_offsets_count_surrogate_pairs() {
    let p = policy_with(&[("venmo", TermSeverity::Review, TermMatchKind::Word)]);
    let s = screen_terms(&p, "😀 venmo");
    assert_eq!(s.matches.len(), 1);
    let m = &s.matches[0];
    assert_eq!((m.start, m.end, m.start_utf16, m.end_utf16), (5, 10, 3, 8));
    assert_eq!(s.severity, Some(TermSeverity::Review));
}

#[test]
fn matches_come_by_start_longer_first_and_the_highest_severity_wins() {
    let p = policy_with(&[
        ("venmo", TermSeverity::Review, TermMatchKind::Word),
        ("venmo me", TermSeverity::Block, TermMatchKind::Word),
    ]);
    let s = screen_terms(&p, "venmo me now");
    let got: Vec<_> = s.matches.iter().map(|m| (m.term.as_str(), m.start, m.end)).collect();
    assert_eq!(got, vec![("venmo me", 0, 8), ("venmo", 0, 5)]);
    assert_eq!(s.severity, Some(TermSeverity::Block));
}

#[test]
fn leetspeak_applies_only_in_words_with_a_letter_and_symbols_only_inside() {
    let p = policy_with(&[
        ("sexy", TermSeverity::Review, TermMatchKind::Word),
        ("shit", TermSeverity::Review, TermMatchKind::Word),
    ]);
    assert_eq!(hits(&p, "$exy"), vec!["$exy"]);
    assert_eq!(hits(&p, "sh!t"), vec!["sh!t"]);
    let year = policy_with(&[("zooo", TermSeverity::Review, TermMatchKind::Word)]);
    assert_eq!(hits(&year, "2000"), Vec::<String>::new());
}

#[test]
fn bad_term_lists_are_refused_at_load_with_their_path() {
    let mut rules = crate::PolicyRules::default();
    rules.moderation.terms.banned_terms.push(term("V3NMO", "x", TermSeverity::Block, TermMatchKind::Word));
    let problems = rules.validate();
    assert!(problems.iter().any(|p| p.path == "$.moderation.terms.banned_terms[8].term"), "{problems:?}");
    let mut rules = crate::PolicyRules::default();
    rules.moderation.terms.banned_terms.push(term("sex", "x", TermSeverity::Block, TermMatchKind::Substring));
    rules.moderation.terms.banned_terms.push(term("ab", "x", TermSeverity::Block, TermMatchKind::Word));
    let problems = rules.validate();
    assert_eq!(problems.len(), 2, "{problems:?}");
}
