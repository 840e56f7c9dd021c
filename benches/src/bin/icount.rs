//! Workloads for the instruction-count regression guard (`scripts/icount.sh`).
//!
//! Each workload is an `#[inline(never)]` function named `icount_<name>`; callgrind counts only
//! the instructions inside it (`--toggle-collect`), so process start-up does not blur the
//! figure. Usage: `icount <name> <iterations>`; `icount --list` prints the names (`name:k` for
//! a heavy workload to be run k times instead of the default).

use avalo_benches::{bench_flag, LAUNCH_NOW};
use avalo_core::admission::{admit, AdmissionOperation, AdmissionRequest};
use avalo_core::billing::{self, ChatMeter, Sender};
use avalo_core::flags::{evaluate_flags, flag_bucket, FlagContext, FlagSet, Platform};
use avalo_core::launch::{check_signup, LaunchMode, SignupRequest};
use avalo_core::ops::{release_gate, ComplianceGate, GateCheck, ReleaseChannel, ReleaseGateRequest};
use avalo_core::pricing;
use avalo_core::ranking::{self as discovery, BirthDate, Candidate, Gender, GeoPoint, PageRequest, Profile, Viewer};
use avalo_core::ratelimit::{self, LimitSpec, RateLimit};
use avalo_core::risk::ReadinessStatus;
use avalo_core::risk::{region_risk, RegionMetrics};
use avalo_core::rollout::{check_country_cap, CapKind, CapOverrides, CapRequest, DailyCounter, RolloutPhase};
use avalo_core::security::{sign_request, verify_request_signature};
use avalo_core::spam::{check_spam, RecentMessage};
use avalo_core::split::{self, CumulativeSplit, RevenueStream};
use avalo_core::upload::{self, validate_upload, UploadPurpose, UploadRequest};
use avalo_core::{BasisPoints, Currency, Policy};
use std::hint::black_box;

type Workload = fn(&Policy, u64);

#[inline(never)]
fn icount_split_amount(_p: &Policy, n: u64) {
    let bp = BasisPoints::new(6_500).unwrap_or(BasisPoints::FULL);
    for i in 0..n {
        black_box(split::split_amount(black_box(101 + i), bp));
    }
}

#[inline(never)]
fn icount_split_revenue(p: &Policy, n: u64) {
    for i in 0..n {
        black_box(split::split_revenue(p, RevenueStream::Chat, black_box(101 + i)));
    }
}

#[inline(never)]
fn icount_cumulative_apply(_p: &Policy, n: u64) {
    let bp = BasisPoints::new(6_500).unwrap_or(BasisPoints::FULL);
    let mut s = CumulativeSplit::default();
    for _ in 0..n {
        if let Ok(step) = s.apply(black_box(1), bp) {
            s = step.state;
        }
    }
    black_box(s);
}

#[inline(never)]
fn icount_pack_price_fx(p: &Policy, n: u64) {
    let gbp = Currency::from_code("GBP").unwrap_or(Currency::PLN);
    let fx = "0.185".parse().ok();
    for _ in 0..n {
        let _ = black_box(pricing::pack_price(p, black_box("premium"), gbp, fx));
    }
}

const MSG_ASCII: &str = "hey, how was your day? I just got back from the gym and I'm totally wrecked lol. Honestly I don't know... maybe we could grab coffee on Saturday at 10:30 if you're free? haha";
const MSG_MIXED: &str = "Cześć! Jak się masz? 😊 Właśnie wróciłam z pracy 🇵🇱 今日はとてもいい天気ですね。 zobacz https://przykład.pl/a Привет! Как дела? 👍🏽 dzięki";

#[inline(never)]
fn icount_count_words_ascii_200(p: &Policy, n: u64) {
    for _ in 0..n {
        black_box(billing::count_words(p, black_box(MSG_ASCII)));
    }
}

#[inline(never)]
fn icount_count_words_mixed_200(p: &Policy, n: u64) {
    for _ in 0..n {
        black_box(billing::count_words(p, black_box(MSG_MIXED)));
    }
}

#[inline(never)]
fn icount_bill_message_100_words(p: &Policy, n: u64) {
    let text = MSG_ASCII.repeat(3).split_whitespace().take(100).collect::<Vec<_>>().join(" ");
    let meter = ChatMeter {
        payer_messages: 3,
        earner_messages: 7,
        billed_words: 305,
        billed_tokens: 27,
        creator_tokens: 17,
        royal: false,
        ..ChatMeter::default()
    };
    for _ in 0..n {
        let _ = black_box(billing::bill_message(p, black_box(&meter), Sender::Earner, black_box(&text), false, 1_000));
    }
}

#[inline(never)]
fn icount_check_spam(p: &Policy, n: u64) {
    let recent: Vec<RecentMessage> =
        (0..10).map(|k| RecentMessage { text: format!("message number {k}"), sent_at_ms: 1_000 * k }).collect();
    for _ in 0..n {
        black_box(check_spam(p, black_box("Would you like to grab coffee on Saturday?"), &recent, 60_000));
    }
}

const RANK_NOW: i64 = 1_795_435_200_000; // 2026-11-23 12:00 UTC

/// A deterministic deck around Warsaw (no randomness: a multiplicative hash of the index).
fn ranking_deck(n: u32) -> Vec<Candidate> {
    (0..n)
        .map(|i| {
            let h = i.wrapping_mul(2_654_435_761);
            let f = |shift: u32, m: u32| (h >> shift) % m;
            Candidate {
                user_id: format!("user-{h:08x}-{i}"),
                active: f(0, 20) != 0,
                verified: f(3, 10) != 0,
                boost_until_ms: (f(5, 20) == 0).then_some(RANK_NOW + 3_600_000),
                profile: Profile {
                    photos: f(7, 9),
                    has_video_intro: f(9, 4) == 0,
                    has_bio: f(11, 10) < 7,
                    birth_date: BirthDate::from_yyyymmdd(
                        (1976 + f(13, 33)) * 10_000 + (1 + f(17, 12)) * 100 + 1 + f(19, 28),
                    )
                    .ok(),
                    gender: Some(if f(21, 2) == 0 { Gender::Female } else { Gender::Male }),
                    location: Some(GeoPoint {
                        lat: 52.2297 + f64::from(f(2, 160)) / 100.0 - 0.8,
                        lon: 21.0122 + f64::from(f(4, 240)) / 100.0 - 1.2,
                    }),
                    interests: f(23, 6),
                    response_rate: Some(f64::from(f(6, 101)) / 100.0),
                    royal: f(25, 10) == 0,
                    loyalty_level: f(8, 12),
                    last_active_ms: Some(RANK_NOW - i64::from(f(10, 240)) * 3_600_000),
                    reports: f(12, 8) / 3,
                },
            }
        })
        .collect()
}

#[inline(never)]
fn icount_profile_score(p: &Policy, n: u64) {
    let deck = ranking_deck(1);
    let profile = deck.first().map(|c| c.profile).unwrap_or_default();
    for _ in 0..n {
        let _ = black_box(discovery::profile_score(p, black_box(&profile), black_box(RANK_NOW)));
    }
}

/// One `rank_candidates` call over 1 000 candidates with every filter (deck built once).
#[inline(never)]
fn icount_rank_candidates_1k(p: &Policy, n: u64) {
    let deck = ranking_deck(1_000);
    let viewer = Viewer {
        user_id: "viewer".into(),
        interested_in: vec![Gender::Female],
        age_min: 22,
        age_max: 35,
        location: Some(GeoPoint { lat: 52.2297, lon: 21.0122 }),
        max_distance_km: Some(50.0),
        liked_ids: deck.iter().step_by(97).map(|c| c.user_id.clone()).collect(),
        passed_ids: deck.iter().step_by(89).map(|c| c.user_id.clone()).collect(),
        blocked_ids: vec![],
        blocked_by_ids: vec![],
    };
    for _ in 0..n {
        let _ = black_box(discovery::rank_candidates(p, &viewer, black_box(&deck), RANK_NOW, &PageRequest::default()));
    }
}

/// One GCRA decision per call on message_send's quota, the state threaded, 1 ms apart (after
/// the burst most are denied, as in a steady overload).
#[inline(never)]
fn icount_ratelimit_decide(_p: &Policy, n: u64) {
    let Ok(l) = RateLimit::new(LimitSpec { limit: 100, window_ms: 3_600_000, burst: 120 }) else { return };
    let (mut state, mut now) = (0i64, 1_795_176_000_000i64);
    for _ in 0..n {
        now += 1;
        if let Ok(d) = ratelimit::decide(&l, black_box(state), black_box(now), black_box(1)) {
            state = d.new_state;
        }
    }
    black_box(state);
}

/// One GCRA decision on a fresh subject (the admitted path).
#[inline(never)]
fn icount_ratelimit_decide_allowed(_p: &Policy, n: u64) {
    let Ok(l) = RateLimit::new(LimitSpec { limit: 100, window_ms: 3_600_000, burst: 120 }) else { return };
    for i in 0..n {
        let _ = black_box(ratelimit::decide(&l, black_box(0), black_box(1_795_176_000_000 + i as i64), black_box(1)));
    }
}

// --- uploads and request security (issue 8) ------------------------------------------------

const UPLOAD_NOW: i64 = 1_795_176_000_000;

#[inline(never)]
fn icount_validate_upload(p: &Policy, n: u64) {
    let mut head = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01, 0x01, 0x01, 0x00, 0x48];
    head.resize(64, 0x11);
    let request = UploadRequest {
        mime_type: "image/jpeg".into(),
        size_bytes: 2_500_000,
        file_name: "IMG_2041 holiday.jpg".into(),
        purpose: Some(UploadPurpose::FeedImage),
        head: Some(head),
        user_id: "u_8f3a2c".into(),
        content_sha256: upload::sha256_hex(b"bench"),
        now_ms: UPLOAD_NOW,
    };
    for _ in 0..n {
        let _ = black_box(validate_upload(p, black_box(&request)));
    }
}

/// HMAC sign + verify of a 1 KiB body (SHA-256 based: see the CPU-feature note in
/// scripts/icount.sh).
#[inline(never)]
fn icount_hmac_sign_verify_1k(p: &Policy, n: u64) {
    let secret = b"avalo-shared-secret-2026";
    let body = vec![0x5au8; 1024];
    for _ in 0..n {
        if let Ok(s) = sign_request(secret, UPLOAD_NOW, "POST", "/v1/wallet/transfer", black_box(&body)) {
            let _ = black_box(verify_request_signature(
                p,
                secret,
                Some(&s.timestamp),
                Some(&s.signature),
                "POST",
                "/v1/wallet/transfer",
                &body,
                UPLOAD_NOW,
            ));
        }
    }
}

/// Stops the run when a workload's call fails: the count must be of the intended path.
fn expect_ok<T>(r: avalo_core::Result<T>) {
    if let Err(e) = r {
        eprintln!("workload call failed: {} {}", e.code.as_str(), e.reason);
        std::process::exit(2);
    }
}

#[inline(never)]
fn icount_region_risk(p: &Policy, n: u64) {
    let m = RegionMetrics {
        support_tickets: 73,
        safety_incidents: 22,
        revenue_minor: 312_345,
        installs: 1_000,
        verified: 299,
    };
    for _ in 0..n {
        expect_ok(black_box(region_risk(p, black_box(&m))));
    }
}

#[inline(never)]
fn icount_check_signup(p: &Policy, n: u64) {
    let req = SignupRequest {
        mode: LaunchMode::SoftLaunch,
        birth_date: "1990-05-15".into(),
        country: "de".into(),
        on_allowlist: None,
        invite_code: None,
        invite: None,
        signups_today: DailyCounter { count: 1_234, updated_at_ms: LAUNCH_NOW - 60_000 },
        now_ms: LAUNCH_NOW,
    };
    for _ in 0..n {
        expect_ok(black_box(check_signup(p, black_box(&req))));
    }
}

#[inline(never)]
fn icount_check_country_cap(p: &Policy, n: u64) {
    let cap = CapRequest {
        phase: Some(RolloutPhase::Soft),
        overrides: CapOverrides::default(),
        kind: CapKind::Payments,
        counter: DailyCounter { count: 5_000, updated_at_ms: LAUNCH_NOW - 1 },
        now_ms: LAUNCH_NOW,
    };
    for _ in 0..n {
        expect_ok(black_box(check_country_cap(p, black_box(&cap))));
    }
}

#[inline(never)]
fn icount_flag_bucket(_p: &Policy, n: u64) {
    for _ in 0..n {
        black_box(flag_bucket(black_box("chat_voice_notes"), black_box("f47ac10b-58cc-4372-a567-0e02b2c3d479")));
    }
}

#[inline(never)]
fn icount_evaluate_flags_50(p: &Policy, n: u64) {
    let set = FlagSet { killed_groups: vec!["wallet".into()], flags: (0..50).map(bench_flag).collect() };
    let ctx = FlagContext {
        user_id: "f47ac10b-58cc-4372-a567-0e02b2c3d479".into(),
        region: Some("PL".into()),
        platform: Some(Platform::Ios),
        environment: None,
        now_ms: LAUNCH_NOW,
    };
    for _ in 0..n {
        expect_ok(black_box(evaluate_flags(p, black_box(&set), black_box(&ctx))));
    }
}

#[inline(never)]
fn icount_admit_signup(p: &Policy, n: u64) {
    let req = AdmissionRequest {
        operation: AdmissionOperation::Signup,
        mode: LaunchMode::GlobalLaunch,
        birth_date: "1990-05-15".into(),
        country: "pl".into(),
        phase: Some(RolloutPhase::Public),
        overrides: CapOverrides::default(),
        on_allowlist: None,
        invite_code: None,
        invite: None,
        mode_counter: DailyCounter { count: 4_321, updated_at_ms: LAUNCH_NOW - 60_000 },
        country_counter: DailyCounter { count: 1_234, updated_at_ms: LAUNCH_NOW - 60_000 },
        overloaded: false,
        queue_length: 0,
        now_ms: LAUNCH_NOW,
    };
    for _ in 0..n {
        expect_ok(black_box(admit(p, black_box(&req))));
    }
}

#[inline(never)]
fn icount_release_gate(p: &Policy, n: u64) {
    let req = ReleaseGateRequest {
        channel: ReleaseChannel::Ios,
        stage_percent: 20,
        entered_at_ms: LAUNCH_NOW - 2 * 86_400_000,
        now_ms: LAUNCH_NOW,
        sessions: 50_000,
        error_bp: 12,
        crash_free_bp: Some(9_950),
        gates: ComplianceGate::ALL.iter().map(|&gate| GateCheck { gate, status: ReadinessStatus::Pass }).collect(),
    };
    for _ in 0..n {
        expect_ok(black_box(release_gate(p, black_box(&req))));
    }
}

#[inline(never)]
fn icount_screen_terms_ascii_200(p: &Policy, n: u64) {
    for _ in 0..n {
        black_box(avalo_core::moderation::screen_terms(p, black_box(MSG_ASCII)));
    }
}

#[inline(never)]
fn icount_screen_terms_mixed_200(p: &Policy, n: u64) {
    for _ in 0..n {
        black_box(avalo_core::moderation::screen_terms(p, black_box(MSG_MIXED)));
    }
}

#[inline(never)]
fn icount_sanitise_message_200(p: &Policy, n: u64) {
    for _ in 0..n {
        let _ = black_box(avalo_core::moderation::sanitise_text(
            &p.moderation.text,
            avalo_core::moderation::TextField::Message,
            black_box(MSG_MIXED),
        ));
    }
}

const WORKLOADS: &[(&str, Workload)] = &[
    ("screen_terms_ascii_200", icount_screen_terms_ascii_200),
    ("screen_terms_mixed_200", icount_screen_terms_mixed_200),
    ("sanitise_message_200", icount_sanitise_message_200),
    ("validate_upload", icount_validate_upload),
    ("hmac_sign_verify_1k", icount_hmac_sign_verify_1k),
    ("count_words_ascii_200", icount_count_words_ascii_200),
    ("count_words_mixed_200", icount_count_words_mixed_200),
    ("bill_message_100_words", icount_bill_message_100_words),
    ("check_spam", icount_check_spam),
    ("ratelimit_decide", icount_ratelimit_decide),
    ("ratelimit_decide_allowed", icount_ratelimit_decide_allowed),
    ("split_amount", icount_split_amount),
    ("split_revenue", icount_split_revenue),
    ("cumulative_apply", icount_cumulative_apply),
    ("pack_price_fx", icount_pack_price_fx),
    ("profile_score", icount_profile_score),
    ("rank_candidates_1k", icount_rank_candidates_1k),
    ("region_risk", icount_region_risk),
    ("check_signup", icount_check_signup),
    ("check_country_cap", icount_check_country_cap),
    ("flag_bucket", icount_flag_bucket),
    ("evaluate_flags_50", icount_evaluate_flags_50),
    ("admit_signup", icount_admit_signup),
    ("release_gate", icount_release_gate),
];

/// Iterations for heavy workloads (scripts/icount.sh runs the others 2000 times).
const ITERATIONS: &[(&str, u64)] =
    &[("hmac_sign_verify_1k", 300), ("rank_candidates_1k", 200), ("evaluate_flags_50", 200)];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--list") {
        for (name, _) in WORKLOADS {
            match ITERATIONS.iter().find(|(n, _)| n == name) {
                Some((_, k)) => println!("{name}:{k}"),
                None => println!("{name}"),
            }
        }
        return;
    }
    let (Some(name), Some(iters)) = (args.get(1), args.get(2).and_then(|s| s.parse::<u64>().ok())) else {
        eprintln!("usage: icount <workload> <iterations> | icount --list");
        std::process::exit(2);
    };
    let Some((_, f)) = WORKLOADS.iter().find(|(n, _)| n == name) else {
        eprintln!("unknown workload {name}");
        std::process::exit(2);
    };
    let policy = Policy::default();
    f(&policy, iters);
}
