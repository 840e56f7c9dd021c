#!/usr/bin/env python3
"""Writes tests/vectors/ratelimit.json from an independent reference model.

The reference keeps time as exact rationals in milliseconds (fractions.Fraction): the emission
interval is window/limit ms, the bucket holds `burst` intervals, and the state is converted to
the core's tick unit (1/k ms, k = limit / gcd(window, limit)) only when written out. Every
retry_after is double-checked by brute force (denied at now + r - 1, admitted at now + r).
Retry delays follow SPEC §11 literally: floor(min(cap, 30000 * 2^(n-1)) * jitter_ppm / 10^6).
Run: python3 tests/vectors/tools/ratelimit_vectors.py > tests/vectors/ratelimit.json
"""
import hashlib
import json
import math
from fractions import Fraction as F

MIN, HOUR, DAY = 60_000, 3_600_000, 86_400_000
T0 = 1_795_176_000_000  # 2026-11-20 12:00 UTC
MAX_SAFE = 2**53 - 1

ACTIONS = {  # SPEC §6.2 / §6.3: limit, window, burst, failure, tier-scaled
    "login": (10, 5 * MIN, 10, "closed", False),
    "message_send": (100, HOUR, 120, "open", False),
    "media_upload": (20, HOUR, 20, "open", False),
    "report_submit": (10, HOUR, 10, "open", False),
    "dispute_create": (5, DAY, 5, "open", False),
    "payout_request": (3, DAY, 3, "closed", False),
    "kyc_submit": (3, DAY, 3, "closed", False),
    "profile_update": (10, 5 * MIN, 10, "open", False),
    "auth": (5, 15 * MIN, 5, "open", False),
    "api": (100, MIN, 100, "open", True),
    "payment": (10, HOUR, 10, "closed", False),
    "ip": (300, MIN, 300, "open", False),
}
TIERS = {"free": 1, "plus": 2, "intimate": 2, "creator": 3}


class Bad(Exception):
    pass


def ticks_per_ms(limit, window):
    return limit // math.gcd(window, limit)


def spec(limit, window, burst):
    return {"limit": limit, "window_ms": window, "burst": burst}


def allowed_at(lim, tat, t, c):
    """Would a request of cost c (>=1) be admitted at integer ms t, TAT given in ms?"""
    limit, window, burst = lim
    T = F(window, limit)
    return max(tat, t) + c * T - t <= burst * T


def ref_decide(lim, state, now, cost):
    limit, window, burst = lim
    if cost > burst or now < 0 or state < 0:
        raise Bad()
    k = ticks_per_ms(limit, window)
    T = F(window, limit)
    cap = burst * T
    tat = F(state, k)
    c = max(cost, 1)
    base = max(tat, now)
    used = base - now
    if used + c * T <= cap:
        if cost == 0:
            return dict(allowed=True, remaining=math.floor((cap - used) / T), retry_after_ms=0, new_state=state)
        new = base + c * T
        assert (new * k).denominator == 1
        return dict(allowed=True, remaining=math.floor((cap - used - c * T) / T), retry_after_ms=0, new_state=int(new * k))
    r = math.ceil(base + c * T - cap) - now
    assert r >= 1 and allowed_at(lim, tat, now + r, c) and not allowed_at(lim, tat, now + r - 1, c)
    return dict(allowed=False, remaining=max(0, math.floor((cap - used) / T)), retry_after_ms=r, new_state=state)


cases = []


def add(name, op, inp, expect=None, error=None, policy=None):
    c = {"name": name, "op": op, "input": inp}
    if policy is not None:
        c["policy"] = policy
    if error:
        c["error"] = error
    else:
        c["expect"] = expect
    cases.append(c)


def decide_case(name, lim, state, now, cost):
    inp = {"limit": spec(*lim), "state": state, "now_ms": now, "cost": cost}
    try:
        d = ref_decide(lim, state, now, cost)
    except Bad:
        return add(name, "decide", inp, error="INVALID_INPUT")
    assert d["new_state"] <= MAX_SAFE
    add(name, "decide", inp, d)


def sequence(lim, state, reqs):
    out, admitted = [], 0
    for now, cost in reqs:
        d = ref_decide(lim, state, now, cost)
        out.append(d)
        admitted += d["allowed"] and cost > 0
        state = d["new_state"]
    return out, admitted, state


def seq_case(name, lim, state, reqs, full=True):
    ds, admitted, final = sequence(lim, state, reqs)
    exp = {"admitted": admitted, "state": final}
    if full:
        exp["decisions"] = ds
    else:
        exp["decisions"] = [{"allowed": d["allowed"]} for d in ds]
    add(name, "decide_sequence", {"limit": spec(*lim), "state": state,
        "requests": [{"now_ms": n, "cost": c} for n, c in reqs]}, exp)
    return ds


LOGIN = ACTIONS["login"][:3]
MSG = ACTIONS["message_send"][:3]

# --- the limit itself: units and exactness
for name, lim in [("10 per 5 min refills every 30 000 ms", LOGIN), ("100 per hour refills every 36 000 ms", MSG),
                  ("7 per minute counts in 1/7 ms ticks", (7, MIN, 7)), ("3 per second counts in 1/3 ms ticks", (3, 1000, 5)),
                  ("1000 per second is 1 ms per request", (1000, 1000, 1)), ("5 per day", (5, DAY, 5))]:
    l, w, b = lim
    g = math.gcd(w, l)
    add(name, "rate_limit", {"limit": spec(*lim)}, {"limit": l, "window_ms": w, "burst": b, "ticks_per_ms": l // g,
        "interval_ticks": w // g, "capacity_ticks": b * (w // g)})
for name, lim in [("limit 0", (0, MIN, 1)), ("window 0", (1, 0, 1)), ("burst 0", (1, MIN, 0))]:
    add(f"rate_limit refuses {name}", "rate_limit", {"limit": spec(*lim)}, error="INVALID_INPUT")

# --- single decisions
decide_case("new subject (state 0) starts full", LOGIN, 0, T0, 1)
decide_case("cost 0 peeks a full bucket", LOGIN, 0, T0, 0)
decide_case("cost 1", MSG, 0, T0, 1)
decide_case("cost = burst empties the bucket", MSG, 0, T0, 120)
decide_case("cost = burst + 1 is refused", MSG, 0, T0, 121)
decide_case("cost = burst on a bucket missing one is denied", MSG, T0 + 36_000, T0, 120)
decide_case("cost 0 peeks an empty bucket", LOGIN, T0 + 300_000, T0, 0)
decide_case("cost 0 peeks a bucket half used", LOGIN, T0 + 150_000, T0, 0)
decide_case("cost 0 peeks mid-refill", LOGIN, T0 + 300_000, T0 + 10_000, 0)
decide_case("state in the past is a full bucket", LOGIN, T0 - 5_000_000, T0, 1)
decide_case("state exactly now is a full bucket", LOGIN, T0, T0, 3)
decide_case("empty bucket waits one interval", LOGIN, T0 + 300_000, T0, 1)
decide_case("empty bucket, one ms before refill", LOGIN, T0 + 300_000, T0 + 29_999, 1)
decide_case("empty bucket, exactly at refill", LOGIN, T0 + 300_000, T0 + 30_000, 1)
decide_case("cost 3 waits three intervals", LOGIN, T0 + 300_000, T0, 3)
decide_case("cost 3 with two left waits one interval", LOGIN, T0 + 240_000, T0, 3)
decide_case("partial refill gives whole requests only", MSG, T0 + 120 * 36_000, T0 + 50_000, 1)
decide_case("negative now_ms is refused", LOGIN, 0, -1, 1)
decide_case("negative state is refused", LOGIN, -5, T0, 1)
decide_case("cost 11 on login is refused", LOGIN, 0, T0, 11)
decide_case("time 0 with state 0", LOGIN, 0, 0, 1)
# backwards time: a state written by a server whose clock runs ahead
decide_case("backwards time: 10 s behind the last admit", LOGIN, T0 + 30_000, T0 - 10_000, 1)
decide_case("backwards time: far behind a full-ahead state is denied", LOGIN, T0 + 300_000, T0 - 60_000, 1)
decide_case("backwards time: peek grants nothing", LOGIN, T0 + 300_000, T0 - 60_000, 0)
decide_case("backwards time: 1 day behind", (5, DAY, 5), T0 + DAY, T0 - DAY, 1)
# very large times (states stay ≤ 2^53 − 1 so every language reads them exactly)
BIG = MAX_SAFE - 10 * DAY
decide_case("very large time: new subject", MSG, 0, BIG, 1)
decide_case("very large time: empty bucket", MSG, BIG + 120 * 36_000, BIG, 1)
decide_case("very large time: cost = burst", (5, DAY, 5), 0, BIG, 5)
decide_case("very large time, fractional ticks", (7, MIN, 7), 0, (MAX_SAFE // 7) - MIN, 7)
# fractional emission intervals stay exact
L7 = (7, MIN, 7)
decide_case("7/min: new subject takes 7", L7, 0, T0, 7)
decide_case("7/min: empty, retry rounds up to 8 572 ms", L7, T0 * 7 + 7 * 60_000, T0, 1)
decide_case("7/min: empty, 8 571 ms is too early", L7, T0 * 7 + 7 * 60_000, T0 + 8_571, 1)
decide_case("7/min: empty, admitted at 8 572 ms", L7, T0 * 7 + 7 * 60_000, T0 + 8_572, 1)
decide_case("7/min: all 7 back after exactly 60 000 ms", L7, T0 * 7 + 7 * 60_000, T0 + 60_000, 7)
decide_case("7/min: 59 999 ms is not enough for 7", L7, T0 * 7 + 7 * 60_000, T0 + 59_999, 7)
L3 = (3, 1000, 5)
decide_case("3/s burst 5: retry for 2 after empty", L3, T0 * 3 + 5000, T0, 2)

# --- sequences
seq_case("10 logins at once then an 11th", LOGIN, 0, [(T0, 1)] * 11)
seq_case("10 logins in 5 minutes (every 30 s) then an 11th", LOGIN, 0, [(T0 + i * 30_000, 1) for i in range(11)])
seq_case("10 logins in 4 min 30 s (every 30 s) then an 11th at 4 min 31 s", LOGIN, 0,
         [(T0 + i * 30_000, 1) for i in range(10)] + [(T0 + 271_000, 1)])
seq_case("10 logins in 1 minute then an 11th", LOGIN, 0, [(T0 + i * 6_000, 1) for i in range(11)])
seq_case("120 messages at once then a 121st", MSG, 0, [(T0, 1)] * 121, full=False)
seq_case("121st message at 35 999 ms then at 36 000 ms", MSG, 0, [(T0, 120), (T0 + 35_999, 1), (T0 + 36_000, 1), (T0 + 36_000, 1)])
seq_case("refill: one more login exactly 30 000 ms after empty", LOGIN, 0, [(T0, 10), (T0 + 29_999, 1), (T0 + 30_000, 1), (T0 + 30_001, 1)])
seq_case("denied requests take nothing", LOGIN, 0, [(T0, 10)] + [(T0 + 1_000 * i, 1) for i in range(1, 6)] + [(T0 + 30_000, 1)])
seq_case("clock skew between servers grants nothing", LOGIN, 0, [(T0, 5), (T0 - 20_000, 5), (T0 - 40_000, 1), (T0 + 10_000, 1)])
seq_case("peeks in between change nothing", LOGIN, 0, [(T0, 9), (T0, 0), (T0, 1), (T0, 0), (T0 + 30_000, 0)])
seq_case("mixed costs", MSG, 0, [(T0, 50), (T0 + 1, 60), (T0 + 2, 20), (T0 + 360_000, 20), (T0 + 360_000, 1)])
seq_case("7/min, one every 8 571 ms drifts into a denial", L7, 0, [(T0, 7)] + [(T0 + 8_571 * i, 1) for i in range(1, 4)])
add("sequence with a bad cost fails as a whole", "decide_sequence",
    {"limit": spec(*LOGIN), "state": 0, "requests": [{"now_ms": T0, "cost": 1}, {"now_ms": T0, "cost": 11}]}, error="INVALID_INPUT")
add("empty sequence keeps the state", "decide_sequence", {"limit": spec(*LOGIN), "state": 1234, "requests": []},
    {"admitted": 0, "state": 1234, "decisions": []})

# --- batch (independent subjects)
items = [(0, T0, 1), (T0 + 300_000, T0, 1), (T0 + 300_000, T0 + 30_000, 2), (T0, T0, 0)]
add("batch of four subjects", "decide_batch",
    {"limit": spec(*LOGIN), "items": [{"state": s, "now_ms": n, "cost": c} for s, n, c in items]},
    {"decisions": [ref_decide(LOGIN, s, n, c) for s, n, c in items]})
add("batch with a bad item fails as a whole", "decide_batch",
    {"limit": spec(*LOGIN), "items": [{"state": 0, "now_ms": T0, "cost": 1}, {"state": 0, "now_ms": -1, "cost": 1}]}, error="INVALID_INPUT")

# --- default tables, each action
for a, (l, w, b, fail, scaled) in ACTIONS.items():
    g = math.gcd(w, l)
    add(f"table: {a}", "action_limit", {"action": a, "tier": "free"},
        {"action": a, "tier_multiplier": 1, "on_failure": fail, "rate": {"limit": l, "window_ms": w, "burst": b,
         "ticks_per_ms": l // g, "interval_ticks": w // g}})
    add(f"failure policy: {a} is {fail}", "failure_policy", {"action": a}, {"on_failure": fail})
    lim = (l, w, b)
    add(f"{a}: a full burst then one more", "decide_action", {"action": a, "tier": "free", "state": 0, "now_ms": T0, "cost": b},
        ref_decide(lim, 0, T0, b))
    full = ref_decide(lim, 0, T0, b)["new_state"]
    add(f"{a}: one past the burst waits one interval", "decide_action",
        {"action": a, "tier": "free", "state": full, "now_ms": T0, "cost": 1}, ref_decide(lim, full, T0, 1))
for t, m in TIERS.items():
    l, w, b = 100 * m, MIN, 100 * m
    add(f"tier multiplier: api for {t} ×{m}", "action_limit", {"action": "api", "tier": t},
        {"tier_multiplier": m, "rate": {"limit": l, "window_ms": w, "burst": b, "interval_ticks": w // l}})
    add(f"tier multiplier: {t} takes {b} api calls at once", "decide_action",
        {"action": "api", "tier": t, "state": 0, "now_ms": T0, "cost": b}, ref_decide((l, w, b), 0, T0, b))
    add(f"tier multiplier: {t} cannot take {b + 1} at once", "decide_action",
        {"action": "api", "tier": t, "state": 0, "now_ms": T0, "cost": b + 1}, error="INVALID_INPUT")
add("tier does not scale login", "action_limit", {"action": "login", "tier": "creator"},
    {"tier_multiplier": 1, "rate": {"limit": 10, "burst": 10}})
add("tier does not scale ip", "action_limit", {"action": "ip", "tier": "creator"}, {"tier_multiplier": 1, "rate": {"limit": 300}})
add("unknown action", "action_limit", {"action": "teleport", "tier": "free"}, error="INVALID_INPUT")
add("unknown action has no failure policy", "failure_policy", {"action": "teleport"}, error="INVALID_INPUT")
add("host policy: plus ×4", "action_limit", {"action": "api", "tier": "plus"},
    {"tier_multiplier": 4, "rate": {"limit": 400, "burst": 400}}, policy={"ratelimit": {"tier_multipliers": {"plus": 4}}})
add("host policy: login fails open", "failure_policy", {"action": "login"}, {"on_failure": "open"},
    policy={"ratelimit": {"actions": {"login": {"on_failure": "open"}}}})
add("host policy: a new action", "decide_action", {"action": "story_post", "tier": "free", "state": 0, "now_ms": T0, "cost": 3},
    ref_decide((7, MIN, 3), 0, T0, 3),
    policy={"ratelimit": {"actions": {"story_post": {"limit": 7, "window_ms": MIN, "burst": 3, "on_failure": "open", "tier_scaled": False}}}})
add("host policy cannot drop a SPEC action", "policy_info", {}, error="INVALID_INPUT",
    policy={"ratelimit": {"actions": {"payment": None}}})
add("host policy: zero multiplier is refused", "policy_info", {}, error="INVALID_INPUT",
    policy={"ratelimit": {"tier_multipliers": {"free": 0}}})
add("list of actions for creators", "list_actions", {"tier": "creator"},
    {"actions": [{"action": a, "tier_multiplier": 3 if ACTIONS[a][4] else 1, "on_failure": ACTIONS[a][3]} for a in sorted(ACTIONS)]})

# --- subjects
for name, key in [("plain user id", "user:42"), ("one byte", "x"), ("128 ASCII bytes", "k" * 128),
                  ("64 two-byte letters = 128 bytes", "é" * 64), ("spaces and emoji are fine", "ip 10.0.0.1 🙂")]:
    add(f"subject ok: {name}", "validate_subject", {"key": key}, {"valid": True})
for name, key in [("empty", ""), ("129 bytes", "k" * 129), ("65 two-byte letters = 130 bytes", "é" * 65),
                  ("newline", "user\n42"), ("NUL", "a\u0000b"), ("DEL", "a\u007fb"), ("C1 control U+0085", "a\u0085b"), ("tab", "\tuser")]:
    add(f"subject refused: {name}", "validate_subject", {"key": key}, error="INVALID_INPUT")
for name, raw in [("empty header", ""), ("abc", "abc"), ("forwarded-for list", "203.0.113.7, 10.0.0.1"),
                  ("header with a newline", "evil\r\nkey"), ("long header", "x" * 500), ("unicode", "zażółć")]:
    add(f"hash subject: {name}", "hash_subject", {"raw": raw}, {"key": hashlib.sha256(raw.encode()).hexdigest()})

# --- retry delays (SPEC §11), every code and attempt
CODES = ("RATE_LIMITED LAUNCH_MODE_RESTRICTED COUNTRY_NOT_ALLOWED INVITE_CODE_REQUIRED INVALID_INVITE_CODE "
         "INVITE_CODE_DEPLETED ALLOWLIST_REQUIRED NOT_ON_ALLOWLIST DAILY_LIMIT_REACHED FILE_TOO_LARGE FILE_EMPTY "
         "MIME_TYPE_NOT_ALLOWED PURPOSE_KIND_MISMATCH INVALID_FILENAME DANGEROUS_FILE_EXTENSION EXTENSION_MIME_MISMATCH "
         "CONTENT_TYPE_MISMATCH INSUFFICIENT_TOKENS AMOUNT_OUT_OF_RANGE KYC_REQUIRED SELF_PAYMENT ALREADY_REFERRED "
         "SPAM_TOO_SHORT SPAM_REPEATED SPAM_GENERIC SPAM_EMOJI_ONLY SPAM_TOO_FAST SIGNATURE_INVALID SIGNATURE_EXPIRED "
         "ORIGIN_NOT_ALLOWED SESSION_STALE AGE_RESTRICTED LIKE_LIMIT_REACHED COUNTRY_PAUSED MEDIA_LOCKED MEDIA_PRIVATE "
         "MEDIA_EXPIRED MEDIA_UNDER_REVIEW MEDIA_REMOVED STORY_LIMIT_REACHED SYSTEM_MAINTENANCE SERVICE_DEGRADED INVALID_INPUT "
         "ADMISSION_QUEUED DEPLOY_BLOCKED MIGRATION_FORCE_REQUIRED").split()
assert len(CODES) == 46
BACKOFF = ("SYSTEM_MAINTENANCE", "SERVICE_DEGRADED")
# SPEC §11 as changed by §13: retried at the result's retry_at_ms; the caller passes retry_at_ms - now.
AT_RETRY_TIME = ("DAILY_LIMIT_REACHED", "LIKE_LIMIT_REACHED", "ADMISSION_QUEUED")


def backoff(n, ppm):
    if n > 5:
        return {"kind": "give_up"}
    return {"kind": "retry_after", "delay_ms": min(900_000, 30_000 * 2 ** (n - 1)) * ppm // 1_000_000}


for code in CODES:
    if code == "RATE_LIMITED":
        for n, after in [(1, 0), (2, 1), (3, 999), (4, 1_000), (5, 1_001), (6, 30_000), (7, 36_000), (20, 86_400_000)]:
            add(f"retry RATE_LIMITED attempt {n}, limiter says {after} ms", "retry_delay",
                {"code": code, "attempt": n, "jitter_ppm": 123_456, "retry_after_ms": after},
                {"kind": "retry_after", "delay_ms": max(after, 1_000)})
    elif code in AT_RETRY_TIME:
        for n, wait in [(1, 43_200_000), (3, 1), (9, 60_000)]:
            add(f"retry {code} attempt {n}, retry_at_ms in {wait} ms", "retry_delay",
                {"code": code, "attempt": n, "jitter_ppm": 999_999, "retry_after_ms": wait},
                {"kind": "retry_after", "delay_ms": wait})
        add(f"retry {code} without the wait is refused", "retry_delay", {"code": code, "attempt": 1, "jitter_ppm": 0},
            error="INVALID_INPUT")
    elif code in BACKOFF:
        for n in range(1, 8):
            for ppm in ([0, 500_000, 999_999] if code == "SYSTEM_MAINTENANCE" else [314_159]):
                add(f"retry {code} attempt {n} jitter {ppm}", "retry_delay",
                    {"code": code, "attempt": n, "jitter_ppm": ppm}, backoff(n, ppm))
    else:
        for n in ([1, 5, 6] if code == "INVALID_INPUT" else [1]):
            add(f"retry {code} attempt {n}: never", "retry_delay", {"code": code, "attempt": n, "jitter_ppm": 0},
                {"kind": "do_not_retry"})
add("retry attempt 0 is refused", "retry_delay", {"code": "SERVICE_DEGRADED", "attempt": 0, "jitter_ppm": 0}, error="INVALID_INPUT")
add("retry jitter 1.0 is refused", "retry_delay", {"code": "SERVICE_DEGRADED", "attempt": 1, "jitter_ppm": 1_000_000}, error="INVALID_INPUT")
# the limiter's answer feeds the retry strategy
d = ref_decide(LOGIN, T0 + 300_000, T0 + 29_500, 1)
add("retry after a real denial: 500 ms becomes 1 000 ms", "retry_delay",
    {"code": "RATE_LIMITED", "attempt": 1, "jitter_ppm": 0, "retry_after_ms": d["retry_after_ms"]}, {"kind": "retry_after", "delay_ms": 1_000})

names = [c["name"] for c in cases]
assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]


def ints_ok(v):
    if isinstance(v, bool):
        return True
    if isinstance(v, int):
        return abs(v) <= MAX_SAFE
    if isinstance(v, dict):
        return all(ints_ok(x) for x in v.values())
    if isinstance(v, list):
        return all(ints_ok(x) for x in v)
    return True


assert ints_ok(cases)
print(json.dumps({
    "module": "ratelimit",
    "description": "GCRA rate limiting (SPEC §6.1–6.4) and the retry strategy for every code (SPEC §11). Expected values come "
                   "from tests/vectors/tools/ratelimit_vectors.py, an independent model in exact rational milliseconds "
                   "(Python fractions) with every retry_after checked by brute force; tables and failure policies copied "
                   "from SPEC §6.2/§6.3; subject hashes from hashlib.sha256. The state is in ticks of 1/k ms, "
                   "k = limit / gcd(window_ms, limit) (k = 1, plain ms, for every SPEC default).",
    "cases": cases,
}, indent=1, ensure_ascii=False))
