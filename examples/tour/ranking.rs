//! Quickstart section: profile scores, a ranked deck, a like, a Royal Club status (SPEC §5, §7.3).

use avalo_core::ranking::{
    decide_like, rank_candidates, BirthDate, Candidate, Gender, GeoPoint, LikeRequest, PageRequest, Profile, Viewer,
};
use avalo_core::royal::{royal_status, RoyalSubscription, RoyalTier, SpendBucket};
use avalo_core::time::{day_index, DAY_MS};
use avalo_core::Policy;

const HOUR: i64 = 3_600_000;

/// Prints the ranking section of the quickstart.
pub fn tour(policy: &Policy) -> avalo_core::Result<()> {
    let now = 1_795_435_200_000; // Monday 2026-11-23 12:00 UTC
    println!("\n== Discovery (SPEC §5): rank a deck of 12 for one viewer");
    let warsaw = GeoPoint { lat: 52.2297, lon: 21.0122 };
    let viewer = Viewer {
        user_id: "viewer".into(),
        interested_in: vec![Gender::Female],
        age_min: 21,
        age_max: 35,
        location: Some(warsaw),
        max_distance_km: Some(50.0),
        liked_ids: vec!["d03".into()],
        passed_ids: vec![],
        blocked_ids: vec!["d07".into()],
        blocked_by_ids: vec![],
    };
    let deck: Vec<Candidate> = (0..12u32)
        .map(|i| Candidate {
            user_id: format!("d{i:02}"),
            active: i != 5,
            verified: true,
            boost_until_ms: (i == 9).then_some(now + 2 * HOUR),
            profile: Profile {
                photos: i % 7,
                has_video_intro: i % 4 == 0,
                has_bio: i % 3 != 0,
                birth_date: BirthDate::from_yyyymmdd(19_920_101 + (i % 8) * 10_000 + 100 * (i % 12)).ok(),
                gender: Some(if i == 4 { Gender::Male } else { Gender::Female }),
                location: Some(GeoPoint { lat: 52.2297 + 0.03 * f64::from(i), lon: 21.0122 }),
                interests: i % 5,
                response_rate: Some(f64::from(i * 7 % 10) / 10.0),
                royal: i == 2 || i == 8,
                loyalty_level: i % 11,
                last_active_ms: Some(now - i64::from(i) * 9 * HOUR),
                reports: u32::from(i == 6) * 2,
            },
        })
        .collect();
    let page = rank_candidates(policy, &viewer, &deck, now, &PageRequest { size: Some(5), offset: 0, explain: true })?;
    for (pos, r) in page.results.iter().enumerate() {
        let s = &r.score;
        let boost = match (r.royal, r.boosted) {
            (true, true) => " ×1.2 Royal ×2 boost",
            (true, false) => " ×1.2 Royal",
            (false, true) => " ×2 boost",
            _ => "",
        };
        println!(
            "  #{} {}  rank {:6.2} = score {:5.2}{boost}  ({} y, {:.1} km)",
            pos + 1,
            r.user_id,
            r.rank,
            s.total,
            r.age,
            r.distance_km.unwrap_or(0.0)
        );
        if pos < 3 {
            let w = &policy.ranking.weights;
            println!(
                "       why: photos {:.2}·{} + complete {:.2}·{} + replies {:.2}·{} + loyalty {:.2}·{} + active {:.2}·{} + trust {:.2}·{}",
                s.photos, w.photos, s.completeness, w.completeness, s.responsiveness, w.responsiveness,
                s.loyalty, w.loyalty, s.activity, w.activity, s.trust, w.trust
            );
        }
    }
    let dropped: Vec<String> = page.dropped.iter().map(|d| format!("{} {:?}", d.user_id, d.reason)).collect();
    println!("  dropped: {}", dropped.join(", "));

    println!("\n== Likes (SPEC §5.3)");
    let like =
        LikeRequest { liker_id: "viewer".into(), target_id: "d09".into(), counter: None, target_likes_liker: true };
    let d = decide_like(policy, &like, now)?;
    println!(
        "  viewer likes d09, who liked back → {:?}, chat opens with {} free messages, {} likes left today",
        d.outcome, d.chat_free_messages, d.remaining_today
    );
    let spent =
        LikeRequest { counter: Some(avalo_core::ranking::LikeCounter { day: day_index(now), count: 100 }), ..like };
    if let Err(e) = decide_like(policy, &spent, now) {
        println!("  the 101st like today → {}", e.code);
    }

    println!("\n== Royal Club (SPEC §7.3): spend in the last 30 UTC days");
    let today = day_index(now);
    let buckets = [SpendBucket { day: today - 29, tokens: 3_000 }, SpendBucket { day: today - 3, tokens: 1_500 }];
    for (label, at) in [("today", now), ("tomorrow", now + DAY_MS)] {
        let s = royal_status(policy, &buckets, None, at)?;
        println!(
            "  {label:<8}: spent {:>5} → {:?}; {} more tokens for {:?}",
            s.spent_in_window,
            s.tier,
            s.tokens_to_next_tier.unwrap_or(0),
            s.next_tier.unwrap_or(RoyalTier::Platinum)
        );
    }
    let sub = RoyalSubscription { tier: RoyalTier::Gold, active_until_ms: now + 30 * DAY_MS };
    let s = royal_status(policy, &buckets, Some(&sub), now + DAY_MS)?;
    println!("  with a GOLD subscription tomorrow: {:?} (spend alone: {:?})", s.tier, s.spend_tier);
    Ok(())
}
