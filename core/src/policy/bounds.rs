//! Upper bounds on what a policy may set (issue 14): every window, duration and count a host can
//! configure has a stated ceiling, checked when the policy loads (`INVALID_INPUT` with the JSON
//! path). They keep an operator's typo from opening a door (`max_clock_skew_ms: u64::MAX` is no
//! replay window at all) or from making a call slow or large. Each ceiling is far above the
//! built-in value (in brackets). The pack-table bounds live with the pack combination
//! (`pricing::MAX_PACKS`, `MAX_PACK_UNITS`, `MAX_PACK_TOKENS`, `MAX_COMBINATION_TOKENS`).

/// One minute, ms.
const MINUTE_MS: u64 = 60_000;
/// One hour, ms.
const HOUR_MS: u64 = 60 * MINUTE_MS;
/// One day, ms.
const DAY_MS: u64 = 24 * HOUR_MS;

/// `security.max_clock_skew_ms` ≤ 15 minutes (300 000): the replay window of signed requests.
pub const MAX_CLOCK_SKEW_MS: u64 = 15 * MINUTE_MS;
/// `security.upload_url_ttl_ms` ≤ 1 day (15 minutes).
pub const MAX_UPLOAD_URL_TTL_MS: u64 = DAY_MS;
/// `security.download_url_ttl_ms` ≤ 7 days (60 minutes).
pub const MAX_DOWNLOAD_URL_TTL_MS: u64 = 7 * DAY_MS;
/// `security.session_max_age_ms` ≤ 1 day (1 hour): freshness for sensitive operations.
pub const MAX_SESSION_AGE_MS: u64 = DAY_MS;
/// `security.production_origins` and `development_origins`: at most 64 entries each (6 and 3).
pub const MAX_ORIGINS: usize = 64;

/// `payout.max_business_days` ≤ 60 (10); `min_business_days` ≤ `max_business_days`.
pub const MAX_BUSINESS_DAYS: u32 = 60;
/// `payout.max_tokens` ≤ 10^12 tokens (50 000).
pub const MAX_PAYOUT_TOKENS: u64 = 1_000_000_000_000;
/// `payout.methods`: at most 16 entries (3).
pub const MAX_PAYOUT_METHODS: usize = 16;

/// `media.max_active_stories` ≤ 1 000 (the built-in value is in `MediaPolicy::default`).
pub const MAX_ACTIVE_STORIES: u32 = 1_000;
/// `media.story_lifetime_ms` ≤ 30 days (24 hours).
pub const MAX_STORY_LIFETIME_MS: u64 = 30 * DAY_MS;

/// `spam.min_interval_ms` ≤ 1 hour (the built-in value is in `SpamPolicy::default`).
pub const MAX_SPAM_INTERVAL_MS: u64 = HOUR_MS;
/// `spam.min_graphemes` and `spam.emoji_only_max_graphemes` ≤ 1 000.
pub const MAX_SPAM_GRAPHEMES: u32 = 1_000;
/// `spam.repeat_limit` ≤ `spam.repeat_window` ≤ 1 000 messages.
pub const MAX_SPAM_REPEAT_WINDOW: u32 = 1_000;
/// `spam.generic_greetings`: at most 1 000 entries of at most 256 bytes.
pub const MAX_GREETINGS: usize = 1_000;

/// `retry.*_ms` ≤ 1 day; `backoff_factor` ≤ 100; `max_attempts` ≤ 100.
pub const MAX_RETRY_MS: u64 = DAY_MS;
/// `retry.backoff_factor` ≤ 100 (2).
pub const MAX_BACKOFF_FACTOR: u64 = 100;
/// `retry.max_attempts` ≤ 100 (5).
pub const MAX_RETRY_ATTEMPTS: u32 = 100;

/// `risk.fraud.window_ms` ≤ 30 days (24 hours).
pub const MAX_FRAUD_WINDOW_MS: u64 = 30 * DAY_MS;
/// `risk.health.degraded_after_ms` ≤ 1 hour (2 000).
pub const MAX_DEGRADED_AFTER_MS: u64 = HOUR_MS;
/// `risk.region` tier lists: at most 32 rows each (4 or fewer).
pub const MAX_RISK_TIERS: usize = 32;

/// Country lists (`launch.*.countries`, `launch.ineligible_countries`,
/// `rollout.market_sequence`): at most 300 entries (there are 249 ISO 3166-1 codes).
pub const MAX_COUNTRIES: usize = 300;
/// `launch.mode_change_min_reason_chars` ≤ 10 000 (20); `launch.min_age_years` ≤ 120 (18).
pub const MAX_REASON_CHARS: u32 = 10_000;
/// `launch.min_age_years` ≤ 120.
pub const MAX_MIN_AGE_YEARS: u32 = 120;

/// `flags.kill_switch_groups`: at most 256 groups of at most 256 prefixes; `flags.always_on`:
/// at most 1 024 names.
pub const MAX_FLAG_ENTRIES: usize = 256;
/// `flags.always_on`: at most 1 024 names.
pub const MAX_ALWAYS_ON: usize = 1_024;

/// `ratelimit.actions`: at most 256 actions (the SPEC's and a host's own), each with
/// `window_ms` ≤ 30 days.
pub const MAX_RATE_ACTIONS: usize = 256;
/// `ratelimit.actions.*.window_ms` ≤ 30 days.
pub const MAX_RATE_WINDOW_MS: u64 = 30 * DAY_MS;

/// `ranking.photos_for_full` ≤ 100 (6); `ranking.loyalty_levels` ≤ 1 000;
/// `ranking.daily_like_limit` ≤ 1 000 000.
pub const MAX_PHOTOS_FOR_FULL: u32 = 100;
/// `ranking.loyalty_levels` ≤ 1 000.
pub const MAX_LOYALTY_LEVELS: u32 = 1_000;
/// `ranking.daily_like_limit` ≤ 1 000 000.
pub const MAX_DAILY_LIKES: u32 = 1_000_000;

/// `upload.purpose_limits.*` and `upload.kind_limits.*` ≤ 16 GiB; `upload.max_name_chars` ≤
/// 4 096 (200).
pub const MAX_UPLOAD_BYTES: u64 = 16 << 30;
/// `upload.max_name_chars` ≤ 4 096.
pub const MAX_NAME_CHARS: u32 = 4_096;

/// Whether `v` (a signed duration) is within `1..=max`.
pub(crate) fn positive_at_most(v: i64, max: u64) -> bool {
    u64::try_from(v).is_ok_and(|v| v >= 1 && v <= max)
}
