#!/usr/bin/env python3
"""Independent reference for SPEC §5 (profile score, discovery, likes) and §7.3 (Royal Club).

Writes tests/vectors/ranking.json and tests/vectors/royal.json. Every expected value is computed
here, in plain Python (math, datetime, integers) straight from the SPEC text, never by running the
Rust core. Run: python3 tests/vectors/tools/gen_ranking.py
"""
import json
import math
import os
import random
from datetime import date, datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, ".."))

DAY_MS = 86_400_000
HOUR_MS = 3_600_000


def ms(y, mo, d, h=0, mi=0, s=0, milli=0):
    return int(datetime(y, mo, d, h, mi, s, tzinfo=timezone.utc).timestamp()) * 1000 + milli


NOW = ms(2026, 11, 23, 12)  # Monday 2026-11-23 12:00 UTC
R_EARTH = 6371.0088

DEFAULT = dict(
    weights=dict(photos=25.0, completeness=20.0, responsiveness=20.0, loyalty=15.0, activity=10.0, trust=10.0),
    photos_for_full=6, video_intro_bonus=0.2, loyalty_levels=10, activity_decay_hours=168.0,
    report_penalty=0.2, royal_boost=0.2, paid_boost_factor=2.0, earth_radius_km=R_EARTH,
    page_size_min=1, page_size_max=50, page_size_default=20, daily_like_limit=100,
)
# SPEC §4.6: the chat a match opens has the billing policy's free messages (4 by default).
BILLING_FREE_MESSAGES = 4


def rules_with(patch):
    r = json.loads(json.dumps(DEFAULT))
    for k, v in (patch or {}).get("ranking", {}).items():
        if isinstance(v, dict):
            r[k].update(v)
        else:
            r[k] = v
    return r


def clamp01(x):
    return min(1.0, max(0.0, x))


# ---------------------------------------------------------------- §5.1 profile score
def score(p, now, r=DEFAULT):
    w = r["weights"]
    photos = clamp01(p.get("photos", 0) / r["photos_for_full"] + (r["video_intro_bonus"] if p.get("has_video_intro") else 0.0))
    present = sum([bool(p.get("has_bio")), p.get("birth_date") is not None, p.get("gender") is not None,
                   p.get("location") is not None, p.get("interests", 0) > 0])
    completeness = present / 5.0
    rr = p.get("response_rate")
    responsiveness = clamp01(rr if rr is not None else 0.0)
    loyalty = 1.0 if p.get("royal") else clamp01(p.get("loyalty_level", 0) / r["loyalty_levels"])
    la = p.get("last_active_ms")
    if la is None:
        activity = 0.0
    else:
        idle = max(0, now - la)
        # hours / 168, as one division of milliseconds by the horizon in milliseconds
        activity = clamp01(1.0 - idle / (r["activity_decay_hours"] * HOUR_MS))
    trust = clamp01(1.0 - min(1.0, p.get("reports", 0) * r["report_penalty"]))
    total = (w["photos"] * photos + w["completeness"] * completeness + w["responsiveness"] * responsiveness
             + w["loyalty"] * loyalty + w["activity"] * activity + w["trust"] * trust)
    total = min(100.0, max(0.0, total))
    return dict(total=total, photos=photos, completeness=completeness, responsiveness=responsiveness,
                loyalty=loyalty, activity=activity, trust=trust)


# ---------------------------------------------------------------- §5.2 discovery
def haversine(a, b, radius=R_EARTH):
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    dp = p2 - p1
    dl = math.radians(b["lon"] - a["lon"])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    h = min(1.0, max(0.0, h))
    return 2 * radius * math.asin(math.sqrt(h))


def utc_day(now):
    return datetime.fromtimestamp(now // 1000, tz=timezone.utc).date()


def age_on(birth, today):
    b = date.fromisoformat(birth)
    if b > today:
        return 0
    return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


def drop_reason(v, c, now, r):
    p = c["profile"]
    if c["user_id"] == v["user_id"]:
        return "is_viewer"
    if not c["active"]:
        return "not_active"
    if not c["verified"]:
        return "not_verified"
    for key, reason in (("blocked_ids", "blocked_by_viewer"), ("blocked_by_ids", "blocked_viewer"),
                        ("liked_ids", "already_liked"), ("passed_ids", "already_passed")):
        if c["user_id"] in v.get(key, []):
            return reason
    pref = v.get("interested_in", [])
    if pref:
        if p.get("gender") is None:
            return "gender_missing"
        if p["gender"] not in pref:
            return "gender_not_wanted"
    if p.get("birth_date") is None:
        return "birth_date_missing"
    age = age_on(p["birth_date"], utc_day(now))
    if not (v["age_min"] <= age <= v["age_max"]):
        return "age_out_of_range"
    if v.get("max_distance_km") is not None:
        if p.get("location") is None:
            return "location_missing"
        if haversine(v["location"], p["location"], r["earth_radius_km"]) > v["max_distance_km"]:
            return "too_far"
    return None


def rank_of(c, s, now, r):
    rank = s
    if c["profile"].get("royal"):
        rank *= 1.0 + r["royal_boost"]
    b = c.get("boost_until_ms")
    if b is not None and now < b:
        rank *= r["paid_boost_factor"]
    return rank


def rank_reference(v, cands, now, page=None, r=DEFAULT):
    page = page or {}
    size = page.get("size", r["page_size_default"])
    offset = page.get("offset", 0)
    kept, dropped = [], []
    for c in cands:
        why = drop_reason(v, c, now, r)
        if why:
            dropped.append(dict(user_id=c["user_id"], reason=why))
            continue
        s = score(c["profile"], now, r)
        rank = rank_of(c, s["total"], now, r)
        loc = c["profile"].get("location")
        dist = haversine(v["location"], loc, r["earth_radius_km"]) if (loc and v.get("location")) else None
        b = c.get("boost_until_ms")
        kept.append(dict(user_id=c["user_id"], rank=rank, score=s, royal=bool(c["profile"].get("royal")),
                         boosted=b is not None and now < b, age=age_on(c["profile"]["birth_date"], utc_day(now)),
                         distance_km=dist))
    kept.sort(key=lambda e: (-e["rank"], e["user_id"].encode()))
    out = dict(results=kept[offset:offset + size], page_size=size, offset=offset,
               dropped=dropped if page.get("explain") else [])
    return out


# ---------------------------------------------------------------- §5.3 likes
def like_reference(req, now, r=DEFAULT, free_messages=BILLING_FREE_MESSAGES):
    if not req["liker_id"] or not req["target_id"] or req["liker_id"] == req["target_id"]:
        return None, "INVALID_INPUT"
    today = now // DAY_MS
    c = req.get("counter")
    if c is None or c["day"] < today:
        used = 0
    elif c["day"] == today:
        used = c["count"]
    else:
        return None, "INVALID_INPUT"
    if used >= r["daily_like_limit"]:
        return None, "LIKE_LIMIT_REACHED"
    match = req["target_likes_liker"]
    return dict(outcome="match" if match else "liked", chat_free_messages=free_messages if match else 0,
                counter=dict(day=today, count=used + 1), remaining_today=r["daily_like_limit"] - used - 1,
                resets_at_ms=(today + 1) * DAY_MS), None


# ---------------------------------------------------------------- §7.3 royal
ROYAL = dict(silver_min_tokens=1000, gold_min_tokens=5000, platinum_min_tokens=15000, window_days=30)
TIERS = ["none", "silver", "gold", "platinum"]


def tier_for(spent, r=ROYAL):
    if spent >= r["platinum_min_tokens"]:
        return "platinum"
    if spent >= r["gold_min_tokens"]:
        return "gold"
    if spent >= r["silver_min_tokens"]:
        return "silver"
    return "none"


def royal_reference(buckets, sub, now, r=ROYAL):
    today = now // DAY_MS
    start = today - (r["window_days"] - 1)
    spent = sum(b["tokens"] for b in buckets if b["day"] >= start)
    leaving = sum(b["tokens"] for b in buckets if b["day"] == start)
    spend_tier = tier_for(spent, r)
    floor = sub["tier"] if (sub and now < sub["active_until_ms"]) else None
    tier = spend_tier if floor is None else max(spend_tier, floor, key=TIERS.index)
    i = TIERS.index(tier)
    nxt = TIERS[i + 1] if i + 1 < len(TIERS) else None
    thr = {"silver": r["silver_min_tokens"], "gold": r["gold_min_tokens"], "platinum": r["platinum_min_tokens"]}
    return dict(tier=tier, spend_tier=spend_tier, subscription_floor=floor, spent_in_window=spent,
                window_start_day=start, window_end_day=today, next_tier=nxt,
                tokens_to_next_tier=None if nxt is None else max(0, thr[nxt] - spent),
                leaving_window_tomorrow=leaving)


# ================================================================ cases
WAW = {"lat": 52.2297, "lon": 21.0122}
FULL = dict(has_bio=True, birth_date="1996-05-10", gender="female", location={"lat": 52.25, "lon": 21.0}, interests=1)


def prof(**kw):
    p = dict(photos=3, has_bio=True, birth_date="1996-05-10", gender="female", location={"lat": 52.25, "lon": 21.0},
             interests=2, response_rate=0.5, loyalty_level=2, last_active_ms=NOW - 10 * HOUR_MS, reports=0)
    for k, v in kw.items():
        if v is None:
            p.pop(k, None)
        else:
            p[k] = v
    return p


def cand(uid, active=True, verified=True, boost=None, **kw):
    c = dict(user_id=uid, active=active, verified=verified, profile=prof(**kw))
    if boost is not None:
        c["boost_until_ms"] = boost
    return c


def viewer(**kw):
    v = dict(user_id="viewer", interested_in=["female"], age_min=18, age_max=40, location=dict(WAW), max_distance_km=50.0)
    for k, val in kw.items():
        if val is None:
            v.pop(k, None)
        else:
            v[k] = val
    return v


ranking_cases = []
royal_cases = []


def add(cases, name, op, inp, expect=None, error=None, policy=None):
    c = dict(name=name, op=op, input=inp)
    if policy is not None:
        c["policy"] = policy
    if error is not None:
        c["error"] = error
    else:
        c["expect"] = expect
    assert all(x["name"] != name for x in cases), name
    cases.append(c)


def score_case(name, p, now=NOW, policy=None):
    add(ranking_cases, name, "profile_score", dict(profile=p, now_ms=now), expect=score(p, now, rules_with(policy)), policy=policy)


# --- profile score: every component at 0, 1 and between; clamping; max 100; missing fields
score_case("score: empty profile (only trust counts)", {})
score_case("score: full profile is exactly 100", dict(FULL, photos=6, response_rate=1.0, royal=True, last_active_ms=NOW))
assert score(dict(FULL, photos=6, response_rate=1.0, royal=True, last_active_ms=NOW), NOW)["total"] == 100.0
for n in (0, 1, 3, 5, 6, 7, 40):
    score_case(f"score: photos {n}", dict(photos=n))
score_case("score: video intro alone is 0.2", dict(has_video_intro=True))
score_case("score: 4 photos + video", dict(photos=4, has_video_intro=True))
score_case("score: 5 photos + video clamps to 1", dict(photos=5, has_video_intro=True))
for field, val in (("has_bio", True), ("birth_date", "2000-01-01"), ("gender", "non_binary"),
                   ("location", {"lat": -33.86, "lon": 151.2}), ("interests", 1)):
    score_case(f"score: completeness only {field}", {field: val})
score_case("score: completeness bio false and 0 interests count as missing", dict(has_bio=False, interests=0, gender="male"))
score_case("score: completeness all five", dict(FULL))
for rr in (0.0, 0.37, 1.0, 1.5, -0.2):
    score_case(f"score: response rate {rr}", dict(response_rate=rr))
for lvl in (0, 3, 10, 12):
    score_case(f"score: loyalty level {lvl}", dict(loyalty_level=lvl))
score_case("score: royal gives loyalty 1 whatever the level", dict(royal=True, loyalty_level=0))
for label, la in (("now", NOW), ("1 ms ago", NOW - 1), ("84 h ago", NOW - 84 * HOUR_MS), ("167 h ago", NOW - 167 * HOUR_MS),
                  ("exactly 168 h ago", NOW - 168 * HOUR_MS), ("200 h ago", NOW - 200 * HOUR_MS),
                  ("in the future counts as now", NOW + 5 * DAY_MS), ("at the epoch", 0)):
    score_case(f"score: last active {label}", dict(last_active_ms=la))
for rep in (0, 1, 3, 5, 9):
    score_case(f"score: {rep} reports", dict(reports=rep))
score_case("score: mixed profile", dict(photos=2, has_video_intro=True, has_bio=True, gender="male", interests=4,
                                        response_rate=0.83, loyalty_level=7, last_active_ms=NOW - 30 * HOUR_MS - 123, reports=1))
score_case("score: host weights", dict(FULL, photos=3, response_rate=0.5, reports=2),
           policy={"ranking": {"weights": {"photos": 40.0, "completeness": 10.0, "responsiveness": 20.0, "loyalty": 0.0, "activity": 20.0, "trust": 10.0}}})
score_case("score: host report penalty 0.25", dict(reports=3), policy={"ranking": {"report_penalty": 0.25}})
score_case("score: host decay horizon 24 h", dict(last_active_ms=NOW - 6 * HOUR_MS), policy={"ranking": {"activity_decay_hours": 24.0}})
add(ranking_cases, "score: latitude 91 is invalid", "profile_score", dict(profile=dict(location={"lat": 91.0, "lon": 0.0}), now_ms=NOW), error="INVALID_INPUT")
add(ranking_cases, "score: longitude -180.5 is invalid", "profile_score", dict(profile=dict(location={"lat": 0.0, "lon": -180.5}), now_ms=NOW), error="INVALID_INPUT")
add(ranking_cases, "policy: weights not summing to 100 are refused", "profile_score", dict(profile={}, now_ms=NOW),
    error="INVALID_INPUT", policy={"ranking": {"weights": {"photos": 30.0}}})
add(ranking_cases, "policy: page_size_default above max is refused", "profile_score", dict(profile={}, now_ms=NOW),
    error="INVALID_INPUT", policy={"ranking": {"page_size_default": 60}})


def rank_case(name, v, cands, now=NOW, page=None, policy=None):
    inp = dict(viewer=v, candidates=cands, now_ms=now)
    if page is not None:
        inp["page"] = page
    add(ranking_cases, name, "rank_candidates", inp, expect=rank_reference(v, cands, now, page, rules_with(policy)), policy=policy)


def rank_error(name, v, cands, now=NOW, page=None, policy=None, error="INVALID_INPUT"):
    inp = dict(viewer=v, candidates=cands, now_ms=now)
    if page is not None:
        inp["page"] = page
    add(ranking_cases, name, "rank_candidates", inp, error=error, policy=policy)


EXPLAIN = {"explain": True}

# --- ordering, boosts, ties
rank_case("rank: higher score first", viewer(), [cand("a", photos=1), cand("b", photos=5), cand("c", photos=3)])
rank_case("rank: equal scores by user id ascending", viewer(), [cand("zed"), cand("amy"), cand("Bob"), cand("amy2")])
P60 = dict(FULL, photos=6, response_rate=0.25, last_active_ms=None, loyalty_level=0)          # 20+10+25+5 = 60
R50 = dict(FULL, photos=0, response_rate=0.25, last_active_ms=None, royal=True)             # 20+10+15+5 = 50
B30 = dict(FULL, photos=0, response_rate=0.0, last_active_ms=None, loyalty_level=0)          # 20+10 = 30
assert score(prof(**P60), NOW)["total"] == 60.0 and score(prof(**R50), NOW)["total"] == 50.0 and score(prof(**B30), NOW)["total"] == 30.0
assert 50.0 * 1.2 == 60.0 and 30.0 * 2.0 == 60.0
tie = [cand("plain", **P60), cand("royal", **R50), cand("boosted", boost=NOW + 3_600_000, **B30)]
rank_case("rank: royal 50 vs boosted 30 vs plain 60 tie at 60, by id", viewer(), tie)
rank_case("rank: same tie, other input order", viewer(), list(reversed(tie)))
rank_case("rank: royal boost x1.2 beats a slightly higher plain score", viewer(),
          [cand("plain", **dict(P60, response_rate=0.3)), cand("royal", **dict(R50, response_rate=0.4))])
rank_case("rank: boost ends at boost_until_ms (exclusive)", viewer(),
          [cand("ended", boost=NOW, **B30), cand("live", boost=NOW + 1, **B30), cand("none", **B30)])
rank_case("rank: royal and boosted multiply (x2.4)", viewer(),
          [cand("both", boost=NOW + DAY_MS, **R50), cand("plain", **dict(P60, photos=6, response_rate=1.0, last_active_ms=NOW, royal=False))])
rank_case("rank: host royal boost 0.5 and paid factor 3", viewer(),
          [cand("royal", **R50), cand("boosted", boost=NOW + 1000, **B30), cand("plain", **P60)],
          policy={"ranking": {"royal_boost": 0.5, "paid_boost_factor": 3.0}})
rank_case("rank: empty deck", viewer(), [])
rank_case("rank: score components are reported", viewer(),
          [cand("x", photos=2, has_video_intro=True, response_rate=0.9, loyalty_level=4, reports=1)])

# --- every filter, one at a time (explain on: the reason is checked too)
deck = [
    cand("ok"),
    cand("viewer"),
    cand("inactive", active=False),
    cand("unverified", verified=False),
    cand("liked"), cand("passed"), cand("blocked"), cand("blocker"),
    cand("man", gender="male"),
    cand("nogender", gender=None),
    cand("nobirth", birth_date=None),
    cand("far", location={"lat": 50.0647, "lon": 19.945}),          # Kraków, ~252 km
    cand("noloc", location=None),
]
v_lists = viewer(liked_ids=["liked"], passed_ids=["passed"], blocked_ids=["blocked"], blocked_by_ids=["blocker"])
rank_case("filters: each reason once (explain)", v_lists, deck, page=EXPLAIN)
rank_case("filters: same deck without explain lists no drops", v_lists, deck)
rank_case("filters: first reason wins (viewer, inactive+blocked, unverified+liked)", v_lists,
          [cand("viewer", active=False), cand("blocked", active=False), cand("liked", verified=False, gender="male"),
           cand("passed", gender="male", birth_date=None)], page=EXPLAIN)
rank_case("filters: blocked wins over liked for the same id", viewer(liked_ids=["x"], blocked_by_ids=["x"], passed_ids=["x"]),
          [cand("x")], page=EXPLAIN)
rank_case("filters: no gender preference shows everyone, even without gender", viewer(interested_in=[]),
          [cand("f"), cand("m", gender="male"), cand("nb", gender="non_binary"), cand("none", gender=None)], page=EXPLAIN)
rank_case("filters: preference for two genders", viewer(interested_in=["male", "non_binary"]),
          [cand("f"), cand("m", gender="male"), cand("nb", gender="non_binary")], page=EXPLAIN)
rank_case("filters: no distance limit keeps far and unlocated candidates", viewer(max_distance_km=None),
          [cand("far", location={"lat": -33.86, "lon": 151.2}), cand("noloc", location=None)], page=EXPLAIN)
rank_case("filters: no viewer location and no limit: distance is null", viewer(location=None, max_distance_km=None), [cand("a")])
rank_error("filters: a distance limit without the viewer's location is invalid", viewer(location=None), [cand("a")])
rank_error("filters: age_min above age_max is invalid", viewer(age_min=30, age_max=29), [cand("a")])
rank_error("filters: negative max distance is invalid", viewer(max_distance_km=-1.0), [cand("a")])
rank_error("filters: an invalid candidate fails the call even if inactive", viewer(),
           [cand("a"), cand("bad", active=False, location={"lat": 95.0, "lon": 0.0})])
rank_case("filters: age range 0..0 keeps someone born after today (age 0)", viewer(age_min=0, age_max=0),
          [cand("future", birth_date="2027-01-01"), cand("baby", birth_date="2025-11-24"), cand("one", birth_date="2025-11-23")], page=EXPLAIN)

# --- ages on birthdays and leap days
rank_case("age: 18th birthday today is in, tomorrow's is out", viewer(),
          [cand("b18today", birth_date="2008-11-23"), cand("b18tomorrow", birth_date="2008-11-24"), cand("b18yesterday", birth_date="2008-11-22")], page=EXPLAIN)
rank_case("age: 41st birthday today is out (max 40), tomorrow's is in", viewer(),
          [cand("b41today", birth_date="1985-11-23"), cand("b41tomorrow", birth_date="1985-11-24")], page=EXPLAIN)
rank_case("age: 29 Feb birthday not yet 18 on 28 Feb of a common year", viewer(),
          [cand("leap", birth_date="2008-02-29")], now=ms(2026, 2, 28, 23, 59, 59, 999), page=EXPLAIN)
rank_case("age: 29 Feb birthday turns 18 on 1 Mar of a common year", viewer(),
          [cand("leap", birth_date="2008-02-29")], now=ms(2026, 3, 1), page=EXPLAIN)
rank_case("age: 29 Feb birthday turns 20 on 29 Feb of a leap year", viewer(age_min=20),
          [cand("leap", birth_date="2008-02-29"), cand("march", birth_date="2008-03-01"), cand("feb28", birth_date="2008-02-28")],
          now=ms(2028, 2, 29, 0, 0, 0, 1), page=EXPLAIN)
rank_case("age: max 23 on a leap day", viewer(age_min=20, age_max=23),
          [cand("turns24", birth_date="2004-02-29"), cand("still23", birth_date="2004-03-01")], now=ms(2028, 2, 29, 12), page=EXPLAIN)


# --- distances near the limit (both sides)
def north(km):
    return {"lat": WAW["lat"] + math.degrees(km / R_EARTH), "lon": WAW["lon"]}


def east(km):
    lo, hi = 0.0, 5.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if haversine(WAW, {"lat": WAW["lat"], "lon": WAW["lon"] + mid}) < km:
            lo = mid
        else:
            hi = mid
    return {"lat": WAW["lat"], "lon": round(WAW["lon"] + lo, 12)}


pts = {"n_in": north(49.999), "n_out": north(50.001), "e_in": east(49.9995), "e_out": east(50.0005)}
for k, p in pts.items():
    d = haversine(WAW, p)
    assert (d <= 50.0) == k.endswith("in"), (k, d)
    assert abs(d - 50.0) > 1e-4, (k, d)
rank_case("distance: 1 m inside and outside 50 km, north and east", viewer(),
          [cand(k, location=p) for k, p in pts.items()], page=EXPLAIN)
rank_case("distance: max 0 km keeps only the same point", viewer(max_distance_km=0.0),
          [cand("same", location=dict(WAW)), cand("near", location={"lat": 52.2297, "lon": 21.0123})], page=EXPLAIN)
rank_case("distance: across the antimeridian", viewer(location={"lat": 0.0, "lon": 179.9}, max_distance_km=30.0),
          [cand("west", location={"lat": 0.0, "lon": -179.9}), cand("far", location={"lat": 0.0, "lon": -179.5})], page=EXPLAIN)

# --- page sizes
big = [cand(f"u{i:02d}", photos=i % 7, response_rate=round((i * 37 % 100) / 100, 2), last_active_ms=NOW - i * 3 * HOUR_MS,
            loyalty_level=i % 11) for i in range(55)]
rank_error("page: size 0 is invalid", viewer(), big, page={"size": 0})
rank_case("page: size 1", viewer(), big, page={"size": 1})
rank_case("page: size 50", viewer(), big, page={"size": 50})
rank_error("page: size 51 is invalid", viewer(), big, page={"size": 51})
rank_case("page: default size 20", viewer(), big)
rank_case("page: offset 40, size 20 gives the last 15", viewer(), big, page={"size": 20, "offset": 40})
rank_case("page: offset past the end is empty", viewer(), big, page={"offset": 100})
rank_case("page: size 50 with only 3 eligible", viewer(), big[:3], page={"size": 50})
rank_error("page: host max 10 refuses 11", viewer(), big, page={"size": 11}, policy={"ranking": {"page_size_max": 10}})
rank_case("page: host default 5", viewer(), big, policy={"ranking": {"page_size_default": 5}})

# --- random decks (seeded), all filters at once
GENDERS = ["female", "male", "non_binary", None]


def random_deck(seed, n):
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        loc = None if rnd.random() < 0.05 else {"lat": round(52.2297 + rnd.uniform(-0.6, 0.6), 6), "lon": round(21.0122 + rnd.uniform(-0.9, 0.9), 6)}
        by = rnd.randint(1980, 2010)
        bd = None if rnd.random() < 0.05 else f"{by:04d}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        p = dict(photos=rnd.randint(0, 8), has_video_intro=rnd.random() < 0.3, has_bio=rnd.random() < 0.7,
                 birth_date=bd, gender=rnd.choice(GENDERS), location=loc, interests=rnd.randint(0, 5),
                 response_rate=round(rnd.random(), 3), royal=rnd.random() < 0.1, loyalty_level=rnd.randint(0, 12),
                 last_active_ms=NOW - rnd.randint(-3600_000, 10 * DAY_MS), reports=rnd.choice([0, 0, 0, 1, 2, 6]))
        p = {k: v for k, v in p.items() if v is not None}
        c = dict(user_id=f"r{seed}-{rnd.randint(0, 10**6):06d}-{i}", active=rnd.random() < 0.95, verified=rnd.random() < 0.9, profile=p)
        if rnd.random() < 0.1:
            c["boost_until_ms"] = NOW + rnd.randint(-DAY_MS, DAY_MS)
        out.append(c)
    ids = [c["user_id"] for c in out]
    v = viewer(interested_in=["female", "non_binary"], age_min=21, age_max=38, max_distance_km=45.0,
               liked_ids=rnd.sample(ids, 5), passed_ids=rnd.sample(ids, 5), blocked_ids=rnd.sample(ids, 2), blocked_by_ids=rnd.sample(ids, 2))
    return v, out


for seed, n, page in ((1, 80, None), (2, 120, {"size": 10}), (3, 100, {"size": 15, "explain": True})):
    v, d = random_deck(seed, n)
    rank_case(f"deck: seeded random deck {seed} ({n} candidates, all filters)", v, d, page=page)


# --- columnar input
def to_columns(cands):
    cols = dict(user_ids="\n".join(c["user_id"] for c in cands), flags=[], photos=[], interests=[], loyalty_levels=[],
                reports=[], genders=[], birth_dates=[], latitudes=[], longitudes=[], response_rates=[],
                last_active_ms=[], boost_until_ms=[])
    gcode = {None: 0, "female": 1, "male": 2, "non_binary": 3}
    for c in cands:
        p = c["profile"]
        f = (1 if c["active"] else 0) | (2 if c["verified"] else 0) | (4 if p.get("royal") else 0) \
            | (8 if p.get("has_video_intro") else 0) | (16 if p.get("has_bio") else 0) \
            | (32 if p.get("location") else 0) | (64 if p.get("last_active_ms") is not None else 0)
        cols["flags"].append(f)
        for key, col in (("photos", "photos"), ("interests", "interests"), ("loyalty_level", "loyalty_levels"), ("reports", "reports")):
            cols[col].append(p.get(key, 0))
        cols["genders"].append(gcode[p.get("gender")])
        cols["birth_dates"].append(int(p["birth_date"].replace("-", "")) if p.get("birth_date") else 0)
        loc = p.get("location") or {"lat": 0.0, "lon": 0.0}
        cols["latitudes"].append(loc["lat"])
        cols["longitudes"].append(loc["lon"])
        cols["response_rates"].append(p.get("response_rate", 0.0))
        cols["last_active_ms"].append(p.get("last_active_ms", 0))
        cols["boost_until_ms"].append(c.get("boost_until_ms", 0))
    return cols


def columns_case(name, v, cands, page=None, now=NOW):
    inp = dict(viewer=v, columns=to_columns(cands), now_ms=now)
    if page is not None:
        inp["page"] = page
    add(ranking_cases, name, "rank_candidate_columns", inp, expect=rank_reference(v, cands, now, page))


columns_case("columns: the filter deck as columns (explain)", v_lists, deck, page=EXPLAIN)
columns_case("columns: the tie deck as columns", viewer(), tie)
v1, d1 = random_deck(1, 80)
columns_case("columns: seeded random deck 1 as columns", v1, d1)
columns_case("columns: empty", viewer(), [])


def columns_error(name, mutate):
    cols = to_columns([cand("a"), cand("b")])
    mutate(cols)
    add(ranking_cases, name, "rank_candidate_columns", dict(viewer=viewer(), columns=cols, now_ms=NOW), error="INVALID_INPUT")


columns_error("columns: 2007-02-29 is not a date", lambda c: c["birth_dates"].__setitem__(1, 20070229))
columns_error("columns: gender code 4", lambda c: c["genders"].__setitem__(0, 4))
columns_error("columns: unknown flag bit", lambda c: c["flags"].__setitem__(0, 128 | 3))
columns_error("columns: a shorter column", lambda c: c["photos"].pop())
columns_error("columns: three ids for two candidates", lambda c: c.__setitem__("user_ids", "a\nb\nc"))

# --- haversine
for name, a, b in (("Warsaw to Kraków", WAW, {"lat": 50.0647, "lon": 19.945}),
                   ("same point", WAW, WAW),
                   ("pole to pole", {"lat": 90.0, "lon": 0.0}, {"lat": -90.0, "lon": 0.0}),
                   ("antipodes on the equator", {"lat": 0.0, "lon": 0.0}, {"lat": 0.0, "lon": 180.0}),
                   ("across the antimeridian", {"lat": 0.0, "lon": 179.9}, {"lat": 0.0, "lon": -179.9})):
    add(ranking_cases, f"haversine: {name}", "haversine_km", dict(a=a, b=b, radius_km=R_EARTH), expect={"km": haversine(a, b)})
add(ranking_cases, "haversine: pole to pole is pi x R", "haversine_km", dict(a={"lat": 90.0, "lon": 0.0}, b={"lat": -90.0, "lon": 0.0}, radius_km=R_EARTH),
    expect={"km": math.pi * R_EARTH})
add(ranking_cases, "haversine: on a unit sphere", "haversine_km", dict(a={"lat": 0.0, "lon": 0.0}, b={"lat": 0.0, "lon": 90.0}, radius_km=1.0),
    expect={"km": math.pi / 2})
add(ranking_cases, "haversine: latitude 90.5 is invalid", "haversine_km", dict(a={"lat": 90.5, "lon": 0.0}, b=WAW, radius_km=R_EARTH),
    error="INVALID_INPUT")


# --- likes
def like_case(name, req, now=NOW, policy=None):
    free = (policy or {}).get("billing", {}).get("free_messages", BILLING_FREE_MESSAGES)
    exp, err = like_reference(req, now, rules_with(policy), free)
    add(ranking_cases, name, "decide_like", dict(req, now_ms=now), expect=exp, error=err, policy=policy)


TODAY = NOW // DAY_MS
like_case("like: first like ever", dict(liker_id="a", target_id="b", target_likes_liker=False))
like_case("like: mutual like is a match with 4 free messages", dict(liker_id="a", target_id="b", target_likes_liker=True))
like_case("like: the 100th like of the day is allowed", dict(liker_id="a", target_id="b", counter=dict(day=TODAY, count=99), target_likes_liker=False))
like_case("like: the 101st like of the day is refused", dict(liker_id="a", target_id="b", counter=dict(day=TODAY, count=100), target_likes_liker=True))
like_case("like: yesterday's full counter starts again today", dict(liker_id="a", target_id="b", counter=dict(day=TODAY - 1, count=100), target_likes_liker=False))
like_case("like: last millisecond of the day still counts today", dict(liker_id="a", target_id="b", counter=dict(day=TODAY, count=100), target_likes_liker=False),
          now=(TODAY + 1) * DAY_MS - 1)
like_case("like: first millisecond of the next day starts again", dict(liker_id="a", target_id="b", counter=dict(day=TODAY, count=100), target_likes_liker=False),
          now=(TODAY + 1) * DAY_MS)
like_case("like: liking yourself is invalid", dict(liker_id="a", target_id="a", target_likes_liker=False))
like_case("like: a counter from tomorrow is invalid", dict(liker_id="a", target_id="b", counter=dict(day=TODAY + 1, count=3), target_likes_liker=False))
like_case("like: host limit 5", dict(liker_id="a", target_id="b", counter=dict(day=TODAY, count=5), target_likes_liker=False),
          policy={"ranking": {"daily_like_limit": 5}})
like_case("like: a match opens a chat with billing's free messages (host sets 6)",
          dict(liker_id="a", target_id="b", target_likes_liker=True), policy={"billing": {"free_messages": 6}})
like_case("like: host limit 5, 5th like", dict(liker_id="a", target_id="b", counter=dict(day=TODAY, count=4), target_likes_liker=True),
          policy={"ranking": {"daily_like_limit": 5}})


# ================================================================ royal cases
for s in (0, 999, 1000, 4999, 5000, 14999, 15000, 2**53 - 1):
    add(royal_cases, f"tier for spend {s}", "tier_for_spend", dict(spent=s), expect={"tier": tier_for(s)})


def royal_case(name, buckets, sub=None, now=NOW, policy=None):
    r = dict(ROYAL, **(policy or {}).get("royal", {}))
    inp = dict(buckets=buckets, now_ms=now)
    if sub is not None:
        inp["subscription"] = sub
    add(royal_cases, name, "royal_status", inp, expect=royal_reference(buckets, sub, now, r), policy=policy)


T = TODAY
for total in (999, 1000, 4999, 5000, 14999, 15000):
    royal_case(f"status: {total} spent today", [dict(day=T, tokens=total)])
royal_case("status: no buckets", [])
royal_case("status: bucket 29 days ago is inside the window", [dict(day=T - 29, tokens=1000)])
royal_case("status: bucket 30 days ago is outside the window", [dict(day=T - 30, tokens=1000)])
royal_case("status: just inside and outside together", [dict(day=T - 29, tokens=600), dict(day=T - 30, tokens=600), dict(day=T, tokens=400)])
royal_case("status: window at the first millisecond of a day", [dict(day=T - 29, tokens=5000), dict(day=T - 30, tokens=10000)], now=T * DAY_MS)
royal_case("status: window at the last millisecond of a day", [dict(day=T - 29, tokens=5000), dict(day=T - 30, tokens=10000)], now=(T + 1) * DAY_MS - 1)
royal_case("status: stops spending and falls back next day", [dict(day=T - 29, tokens=5000), dict(day=T - 10, tokens=100)], now=NOW + DAY_MS)
royal_case("status: several buckets of one day add up", [dict(day=T - 3, tokens=2500), dict(day=T - 3, tokens=2500)])
royal_case("status: a bucket dated tomorrow counts", [dict(day=T + 1, tokens=1000)])
royal_case("status: spread over 30 days to exactly 15 000", [dict(day=T - i, tokens=500) for i in range(30)])
royal_case("status: gold subscription floors a silver spend", [dict(day=T, tokens=1200)], sub=dict(tier="gold", active_until_ms=NOW + 1))
royal_case("status: gold subscription with platinum spend is platinum", [dict(day=T, tokens=15000)], sub=dict(tier="gold", active_until_ms=NOW + DAY_MS))
royal_case("status: platinum subscription with no spend", [], sub=dict(tier="platinum", active_until_ms=NOW + DAY_MS))
royal_case("status: expired gold subscription (until == now) is no floor", [dict(day=T, tokens=1200)], sub=dict(tier="gold", active_until_ms=NOW))
royal_case("status: silver subscription floor", [], sub=dict(tier="silver", active_until_ms=NOW + 5))
royal_case("status: host window of 7 days", [dict(day=T - 6, tokens=1000), dict(day=T - 7, tokens=9000)], policy={"royal": {"window_days": 7}})
royal_case("status: host thresholds", [dict(day=T, tokens=300)], policy={"royal": {"silver_min_tokens": 300, "gold_min_tokens": 600, "platinum_min_tokens": 900}})
add(royal_cases, "policy: unordered thresholds are refused", "royal_status", dict(buckets=[], now_ms=NOW), error="INVALID_INPUT",
    policy={"royal": {"gold_min_tokens": 20000}})
add(royal_cases, "policy: window of 0 days is refused", "royal_status", dict(buckets=[], now_ms=NOW), error="INVALID_INPUT",
    policy={"royal": {"window_days": 0}})


def write(module, description, cases):
    path = os.path.join(OUT, f"{module}.json")
    with open(path, "w") as f:
        json.dump(dict(module=module, description=description, cases=cases), f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{path}: {len(cases)} cases")


write("ranking", "Profile score, discovery ranking, likes (SPEC §5). Expected values computed independently by "
      "tests/vectors/tools/gen_ranking.py (plain Python: math, datetime, integer arithmetic) from the SPEC text; "
      "scores compare within 1e-9, orderings exactly. Time: 2026-11-23 12:00 UTC unless stated.", ranking_cases)
write("royal", "Royal Club tiers (SPEC §7.3). Expected values computed independently by "
      "tests/vectors/tools/gen_ranking.py (integer arithmetic over UTC day numbers) from the SPEC text.", royal_cases)
