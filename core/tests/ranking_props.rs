//! Property tests for SPEC §5: the score stays in [0, 100]; improving any single component
//! never lowers it; `rank_candidates` equals an independent "filter, score, full sort, take
//! page"; the order of the input does not matter; rows, columns and explain mode agree.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use avalo_core::ranking::{
    haversine_km, profile_score, rank_candidate_columns, rank_candidates, rank_candidates_full_sort, BirthDate,
    Candidate, CandidateColumns, Gender, GeoPoint, PageRequest, Profile, Viewer,
};
use avalo_core::time::{age_years, utc_date};
use avalo_core::Policy;
use proptest::prelude::*;

const NOW: i64 = 1_795_435_200_000; // 2026-11-23 12:00 UTC
const HOUR: i64 = 3_600_000;

fn gender() -> impl Strategy<Value = Option<Gender>> {
    prop_oneof![Just(None), Just(Some(Gender::Female)), Just(Some(Gender::Male)), Just(Some(Gender::NonBinary))]
}

fn birth() -> impl Strategy<Value = Option<BirthDate>> {
    prop_oneof![
        1 => Just(None),
        8 => (1980u32..2012, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| BirthDate::from_yyyymmdd(y * 10_000 + m * 100 + d).ok()),
        2 => prop_oneof![Just(1996u32), Just(2004), Just(2008)].prop_map(|y| BirthDate::from_yyyymmdd(y * 10_000 + 229).ok()),
    ]
}

fn location() -> impl Strategy<Value = Option<GeoPoint>> {
    prop_oneof![
        1 => Just(None),
        6 => (-0.6f64..0.6, -0.9f64..0.9).prop_map(|(a, b)| Some(GeoPoint { lat: 52.2297 + a, lon: 21.0122 + b })),
        1 => (-90.0f64..=90.0, -180.0f64..=180.0).prop_map(|(lat, lon)| Some(GeoPoint { lat, lon })),
    ]
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        (0u32..9, any::<bool>(), any::<bool>(), birth(), gender(), location(), 0u32..4),
        (
            prop_oneof![
                Just(None),
                (-0.5f64..1.5).prop_map(Some),
                prop_oneof![Just(0.0), Just(0.5), Just(1.0)].prop_map(Some)
            ],
            any::<bool>(),
            0u32..13,
            prop_oneof![Just(None), (-400i64..48).prop_map(|h| Some(NOW - h * HOUR)), any::<i64>().prop_map(Some)],
            0u32..7,
        ),
    )
        .prop_map(
            |(
                (photos, has_video_intro, has_bio, birth_date, gender, location, interests),
                (rr, royal, lvl, la, reports),
            )| {
                Profile {
                    photos,
                    has_video_intro,
                    has_bio,
                    birth_date,
                    gender,
                    location,
                    interests,
                    response_rate: rr,
                    royal,
                    loyalty_level: lvl,
                    last_active_ms: la,
                    reports,
                }
            },
        )
}

fn deck() -> impl Strategy<Value = Vec<Candidate>> {
    proptest::collection::vec(
        (
            any::<u8>(),
            prop::bool::weighted(0.95),
            prop::bool::weighted(0.9),
            prop_oneof![Just(None), (-2i64..3).prop_map(|h| Some(NOW + h * HOUR))],
            profile(),
        ),
        0..60,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (tag, active, verified, boost, profile))| Candidate {
                user_id: format!("{}{i}", char::from(b'a' + tag % 5)),
                active,
                verified,
                boost_until_ms: boost,
                profile,
            })
            .collect()
    })
}

fn viewer_for(
    deck: &[Candidate],
    pick: &[usize],
    genders: Vec<Gender>,
    ages: (u32, u32),
    max_km: Option<f64>,
) -> Viewer {
    let id = |k: usize| deck.get(k % deck.len().max(1)).map(|c| c.user_id.clone()).unwrap_or_default();
    let lists: Vec<Vec<String>> = pick.chunks(2).map(|ch| ch.iter().map(|&k| id(k)).collect()).collect();
    let list = |i: usize| lists.get(i).cloned().unwrap_or_default();
    Viewer {
        user_id: id(pick.first().copied().unwrap_or(0) + 7),
        interested_in: genders,
        age_min: ages.0.min(ages.1),
        age_max: ages.0.max(ages.1),
        location: Some(GeoPoint { lat: 52.2297, lon: 21.0122 }),
        max_distance_km: max_km,
        liked_ids: list(0),
        passed_ids: list(1),
        blocked_ids: list(2),
        blocked_by_ids: list(3),
    }
}

fn viewer_strategy() -> impl Strategy<Value = (Vec<usize>, Vec<Gender>, (u32, u32), Option<f64>)> {
    (
        proptest::collection::vec(0usize..100, 0..8),
        prop_oneof![
            Just(vec![]),
            proptest::sample::subsequence(vec![Gender::Female, Gender::Male, Gender::NonBinary], 1..=3)
        ],
        (15u32..26, 30u32..60),
        prop_oneof![Just(None), (0.0f64..120.0).prop_map(Some)],
    )
}

fn haversine(a: GeoPoint, b: GeoPoint) -> f64 {
    let r = 6371.0088;
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((b.lon - a.lon).to_radians() / 2.0).sin().powi(2);
    2.0 * r * h.clamp(0.0, 1.0).sqrt().asin()
}

/// A viewer anywhere, often near a pole or the ±180° meridian.
fn viewer_point() -> impl Strategy<Value = GeoPoint> {
    let lat = prop_oneof![-90.0f64..=90.0, 80.0f64..=90.0, -90.0f64..=-80.0, Just(90.0), Just(-90.0), Just(0.0)];
    let lon = prop_oneof![-180.0f64..=180.0, 179.0f64..=180.0, -180.0f64..=-179.0, Just(180.0), Just(-180.0)];
    (lat, lon).prop_map(|(lat, lon)| GeoPoint { lat, lon })
}

/// Offsets in degrees at several scales (metres to thousands of km).
fn offset() -> impl Strategy<Value = (f64, f64)> {
    prop_oneof![
        (-0.01f64..0.01, -0.01f64..0.01),
        (-0.5f64..0.5, -0.5f64..0.5),
        (-5.0f64..5.0, -20.0f64..20.0),
        (-40.0f64..40.0, -180.0f64..180.0),
    ]
}

fn moved(o: GeoPoint, (dlat, dlon): (f64, f64)) -> GeoPoint {
    let mut lon = o.lon + dlon;
    if lon > 180.0 {
        lon -= 360.0;
    } else if lon < -180.0 {
        lon += 360.0;
    }
    GeoPoint { lat: (o.lat + dlat).clamp(-90.0, 90.0), lon }
}

/// Independent reference: filter with the SPEC's words, score, sort everything, take the page.
fn reference(
    policy: &Policy,
    v: &Viewer,
    deck: &[Candidate],
    now: i64,
    size: usize,
    offset: usize,
) -> Vec<(String, f64)> {
    let today = utc_date(now).unwrap();
    let mut kept: Vec<(f64, String)> = deck
        .iter()
        .filter(|c| c.active && c.verified && c.user_id != v.user_id)
        .filter(|c| {
            ![&v.liked_ids, &v.passed_ids, &v.blocked_ids, &v.blocked_by_ids].iter().any(|l| l.contains(&c.user_id))
        })
        .filter(|c| v.interested_in.is_empty() || c.profile.gender.is_some_and(|g| v.interested_in.contains(&g)))
        .filter(|c| {
            c.profile.birth_date.and_then(|b| b.to_naive()).is_some_and(|b| {
                let age = age_years(b, today);
                age >= v.age_min && age <= v.age_max
            })
        })
        .filter(|c| match v.max_distance_km {
            None => true,
            Some(max) => c.profile.location.is_some_and(|l| haversine(v.location.unwrap(), l) <= max),
        })
        .map(|c| {
            let s = profile_score(policy, &c.profile, now).unwrap().total;
            let mut rank = if c.profile.royal { s * 1.2 } else { s };
            if c.boost_until_ms.is_some_and(|u| now < u) {
                rank *= 2.0;
            }
            (rank, c.user_id.clone())
        })
        .collect();
    kept.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap().then_with(|| a.1.cmp(&b.1)));
    kept.into_iter().skip(offset).take(size).map(|(r, id)| (id, r)).collect()
}

fn ids(page: &avalo_core::ranking::RankedPage) -> Vec<(String, f64)> {
    page.results.iter().map(|r| (r.user_id.clone(), r.rank)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn score_stays_within_0_and_100(p in profile(), now in prop_oneof![Just(NOW), any::<i64>()]) {
        let s = profile_score(&Policy::default(), &p, now).unwrap();
        prop_assert!((0.0..=100.0).contains(&s.total), "{s:?}");
        for c in [s.photos, s.completeness, s.responsiveness, s.loyalty, s.activity, s.trust] {
            prop_assert!((0.0..=1.0).contains(&c));
        }
    }

    #[test]
    fn improving_one_component_never_lowers_the_score(p in profile(), which in 0usize..12, step in 1u32..5) {
        let policy = Policy::default();
        let before = profile_score(&policy, &p, NOW).unwrap().total;
        let mut q = p;
        match which {
            0 => q.photos += step,
            1 => q.has_video_intro = true,
            2 => q.has_bio = true,
            3 => q.birth_date = q.birth_date.or(BirthDate::from_yyyymmdd(19_990_101).ok()),
            4 => q.gender = q.gender.or(Some(Gender::Male)),
            5 => q.location = q.location.or(Some(GeoPoint { lat: 1.0, lon: 2.0 })),
            6 => q.interests += step,
            7 => q.response_rate = Some(q.response_rate.unwrap_or(0.0) + f64::from(step) / 10.0),
            8 => q.royal = true,
            9 => q.loyalty_level += step,
            10 => q.last_active_ms = Some(q.last_active_ms.map_or(NOW - HOUR, |t| t.saturating_add(i64::from(step) * HOUR))),
            _ => q.reports = q.reports.saturating_sub(step),
        }
        let after = profile_score(&policy, &q, NOW).unwrap().total;
        prop_assert!(after >= before, "{before} -> {after} ({which})");
    }

    #[test]
    fn ranking_equals_filter_full_sort_page(
        deck in deck(),
        (pick, genders, ages, max_km) in viewer_strategy(),
        size in 1u32..=50,
        offset in prop_oneof![3 => Just(0u32), 1 => 0u32..30],
        now in prop_oneof![Just(NOW), Just(1_835_395_200_000i64) /* 2028-02-29 */, NOW - 1_000_000_000..NOW + 1_000_000_000],
    ) {
        let policy = Policy::default();
        let v = viewer_for(&deck, &pick, genders, ages, max_km);
        let page = PageRequest { size: Some(size), offset, explain: false };
        let fast = rank_candidates(&policy, &v, &deck, now, &page).unwrap();
        let want = reference(&policy, &v, &deck, now, size as usize, offset as usize);
        prop_assert_eq!(ids(&fast), want);
        let full = rank_candidates_full_sort(&policy, &v, &deck, now, &page).unwrap();
        prop_assert_eq!(&fast, &full);
        let cols = CandidateColumns::from_candidates(&deck).unwrap();
        let by_cols = rank_candidate_columns(&policy, &v, &cols, now, &page).unwrap();
        prop_assert_eq!(ids(&by_cols), ids(&fast));
        let explained = rank_candidates(&policy, &v, &deck, now, &PageRequest { explain: true, ..page }).unwrap();
        prop_assert_eq!(&explained.results, &fast.results);
        let eligible = deck.len() - explained.dropped.len();
        prop_assert_eq!(fast.results.len(), eligible.saturating_sub(offset as usize).min(size as usize));
    }

    #[test]
    fn ranking_does_not_depend_on_input_order(
        (deck, shuffled) in deck().prop_flat_map(|d| (Just(d.clone()), Just(d).prop_shuffle())),
        (pick, genders, ages, max_km) in viewer_strategy(),
        size in 1u32..=50,
    ) {
        let policy = Policy::default();
        let v = viewer_for(&deck, &pick, genders, ages, max_km);
        let page = PageRequest { size: Some(size), ..PageRequest::default() };
        let a = rank_candidates(&policy, &v, &deck, NOW, &page).unwrap();
        let b = rank_candidates(&policy, &v, &shuffled, NOW, &page).unwrap();
        prop_assert_eq!(a.results, b.results);
    }

    /// The distance pre-filter (a bounding box before the haversine) never changes a verdict:
    /// limits set exactly at a candidate's distance (kept) or one ulp below it (dropped), near
    /// the poles and across the ±180° meridian, at scales from metres to thousands of km.
    #[test]
    fn distance_prefilter_is_exact_at_the_limit(
        origin in viewer_point(),
        offsets in proptest::collection::vec(offset(), 1..40),
        pick in any::<prop::sample::Index>(),
        limit in prop_oneof![4 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8)],
        far in 0.0f64..20_000.0,
    ) {
        let policy = Policy::default();
        let r = policy.ranking.earth_radius_km;
        let points: Vec<GeoPoint> = offsets.iter().map(|&d| moved(origin, d)).collect();
        let at = points[pick.index(points.len())];
        let exact = haversine_km(origin, at, r);
        let max_km = match limit {
            0 => exact,
            1 if exact > 0.0 => f64::from_bits(exact.to_bits() - 1),
            _ => far,
        };
        let deck: Vec<Candidate> = points
            .iter()
            .enumerate()
            .map(|(i, &p)| Candidate {
                user_id: format!("c{i:02}"),
                active: true,
                verified: true,
                boost_until_ms: None,
                profile: Profile { birth_date: BirthDate::from_yyyymmdd(19_950_101).ok(), location: Some(p), ..Profile::default() },
            })
            .collect();
        let v = Viewer {
            user_id: "viewer".into(),
            interested_in: vec![],
            age_min: 18,
            age_max: 99,
            location: Some(origin),
            max_distance_km: Some(max_km),
            liked_ids: vec![],
            passed_ids: vec![],
            blocked_ids: vec![],
            blocked_by_ids: vec![],
        };
        let page = PageRequest { size: Some(50), ..PageRequest::default() };
        let fast = rank_candidates(&policy, &v, &deck, NOW, &page).unwrap();
        let mut got: Vec<String> = fast.results.iter().map(|c| c.user_id.clone()).collect();
        got.sort();
        let want: Vec<String> = deck
            .iter()
            .filter(|c| c.profile.location.is_some_and(|p| haversine_km(origin, p, r) <= max_km))
            .map(|c| c.user_id.clone())
            .collect();
        prop_assert_eq!(&got, &want, "origin {:?} max_km {}", origin, max_km);
        prop_assert_eq!(&fast, &rank_candidates_full_sort(&policy, &v, &deck, NOW, &page).unwrap());
        let cols = CandidateColumns::from_candidates(&deck).unwrap();
        prop_assert_eq!(&fast.results, &rank_candidate_columns(&policy, &v, &cols, NOW, &page).unwrap().results);
    }
}
