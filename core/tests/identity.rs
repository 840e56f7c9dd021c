//! One user, several spellings (issue 14, item 5): ranking self-exclusion and viewer lists,
//! likes and feature-flag user lists compare ids by canonical form (trimmed, NFC,
//! case-insensitive; `avalo_core::identity`). Split and media cases are vectors.
#![allow(clippy::unwrap_used)]

use avalo_core::flags::{evaluate_flag, FlagContext, FlagDefinition, FlagRule};
use avalo_core::ranking::{
    decide_like, rank_candidates, rank_candidates_full_sort, BirthDate, Candidate, DropReason, LikeRequest,
    PageRequest, Profile, Viewer,
};
use avalo_core::{ErrorCode, Policy};

const NOW: i64 = 1_795_435_200_000;

fn candidate(id: &str) -> Candidate {
    Candidate {
        user_id: id.to_string(),
        active: true,
        verified: true,
        boost_until_ms: None,
        profile: Profile { birth_date: BirthDate::from_yyyymmdd(19_950_101).ok(), ..Profile::default() },
    }
}

fn viewer(id: &str, blocked: &[&str]) -> Viewer {
    Viewer {
        user_id: id.to_string(),
        interested_in: vec![],
        age_min: 18,
        age_max: 99,
        location: None,
        max_distance_km: None,
        liked_ids: vec!["Carol".to_string()],
        passed_ids: vec![],
        blocked_ids: blocked.iter().map(|s| s.to_string()).collect(),
        blocked_by_ids: vec![],
    }
}

#[test]
fn the_viewer_and_blocked_users_never_appear_under_another_spelling() {
    let policy = Policy::default();
    let deck: Vec<Candidate> =
        ["alice ", "ALICE", "zoe\u{308}", "bob", "carol", "dave"].iter().map(|s| candidate(s)).collect();
    let v = viewer("alice", &["zo\u{eb}", " BOB"]);
    let page = PageRequest { size: Some(50), explain: true, ..PageRequest::default() };
    for result in [
        rank_candidates(&policy, &v, &deck, NOW, &page).unwrap(),
        rank_candidates_full_sort(&policy, &v, &deck, NOW, &page).unwrap(),
    ] {
        let ids: Vec<&str> = result.results.iter().map(|c| c.user_id.as_str()).collect();
        assert_eq!(ids, vec!["dave"]);
        let reasons: Vec<(&str, DropReason)> = result.dropped.iter().map(|d| (d.user_id.as_str(), d.reason)).collect();
        assert_eq!(
            reasons,
            vec![
                ("alice ", DropReason::IsViewer),
                ("ALICE", DropReason::IsViewer),
                ("zoe\u{308}", DropReason::BlockedByViewer),
                ("bob", DropReason::BlockedByViewer),
                ("carol", DropReason::AlreadyLiked),
            ]
        );
    }
    // Without explain (the bounded-heap path) the page is the same.
    let fast = rank_candidates(&policy, &v, &deck, NOW, &PageRequest::default()).unwrap();
    assert_eq!(fast.results.len(), 1);
}

#[test]
fn liking_oneself_under_another_spelling_is_refused() {
    let policy = Policy::default();
    for (a, b) in [("alice ", "alice"), ("Alice", "alice"), ("zoe\u{308}", "zo\u{eb}"), (" ", "x")] {
        let req = LikeRequest { liker_id: a.into(), target_id: b.into(), counter: None, target_likes_liker: false };
        assert_eq!(decide_like(&policy, &req, NOW).unwrap_err().code, ErrorCode::InvalidInput, "{a:?} {b:?}");
    }
}

#[test]
fn flag_user_lists_match_every_spelling() {
    let policy = Policy::default();
    let flag = FlagDefinition {
        name: "video_calls".into(),
        enabled: true,
        kill_switch: false,
        starts_at_ms: None,
        ends_at_ms: None,
        regions: None,
        platforms: None,
        environments: None,
        blocked_users: vec!["mallory".into()],
        allowed_users: vec!["Zo\u{eb}".into()],
        rollout_bp: 0,
    };
    let ctx =
        |id: &str| FlagContext { user_id: id.into(), region: None, platform: None, environment: None, now_ms: NOW };
    assert_eq!(evaluate_flag(&policy, &[], &flag, &ctx("MALLORY ")).unwrap().rule, FlagRule::UserBlocked);
    assert_eq!(evaluate_flag(&policy, &[], &flag, &ctx("zoe\u{308}")).unwrap().rule, FlagRule::UserAllowed);
    assert_eq!(evaluate_flag(&policy, &[], &flag, &ctx("trent")).unwrap().rule, FlagRule::Rollout);
}
