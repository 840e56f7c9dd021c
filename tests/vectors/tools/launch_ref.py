#!/usr/bin/env python3
"""Independent reference for SPEC §7.1, §7.2, §7.4 and §8: writes tests/vectors/launch.json,
rollout.json, risk.json and flags.json.

Written from SPEC.md alone (never from the Rust code's output): Python integers for every
threshold and rate, `datetime` for UTC days and ages, `hashlib.sha256` for flag buckets.
Run: python3 tests/vectors/tools/launch_ref.py (from the repository root).
"""
import datetime as dt
import hashlib
import json
import os

UTC = dt.timezone.utc
NOW = int(dt.datetime(2026, 11, 20, 12, tzinfo=UTC).timestamp() * 1000)  # Fri 2026-11-20 12:00Z
DAY = 86_400_000


def ms(y, m, d, hh=0, mi=0, ss=0, milli=0):
    return int(dt.datetime(y, m, d, hh, mi, ss, tzinfo=UTC).timestamp() * 1000) + milli


def day_of(t):
    return t // DAY


def write(module, description, cases):
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    with open(os.path.join(root, f"{module}.json"), "w", encoding="utf-8") as f:
        json.dump({"module": module, "description": description, "cases": cases}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(module, len(cases))
    return len(cases)


def case(name, op, inp, expect=None, error=None, policy=None):
    c = {"name": name, "op": op, "input": inp}
    if policy is not None:
        c["policy"] = policy
    if error is not None:
        c["error"] = error
    else:
        c["expect"] = expect
    return c


# ------------------------------------------------------------------------------------------
# §7.1 launch modes
MODES = {
    "internal_test": {"registration": "allowlist", "countries": None, "daily_cap": 50},
    "closed_beta": {"registration": "invite", "countries": ["PL", "DE", "GB", "FR", "ES"], "daily_cap": 500},
    "soft_launch": {"registration": "open",
                    "countries": ["PL", "DE", "GB", "FR", "ES", "IT", "NL", "BE", "AT", "CH"], "daily_cap": 2000},
    "global_launch": {"registration": "open", "countries": None, "daily_cap": None},
}


def age(birth, today):
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        years -= 1
    return years


def ref_signup(req, modes=MODES, min_age=18, ineligible=()):
    """Returns (expect, error) for one signup, following SPEC §7.1's order."""
    today = dt.datetime.fromtimestamp(req["now_ms"] / 1000, UTC).date()
    try:
        if len(req["birth_date"]) != 10:
            raise ValueError
        birth = dt.date.fromisoformat(req["birth_date"])
    except ValueError:
        return None, "INVALID_INPUT"
    if birth > today:
        return None, "INVALID_INPUT"
    c = req["country"].strip()
    if not (len(c) == 2 and c.isascii() and c.isalpha()):
        return None, "INVALID_INPUT"
    c = c.upper()
    a = age(birth, today)
    if a < min_age:
        return None, "AGE_RESTRICTED"
    rule = modes[req["mode"]]
    used = None
    if rule["registration"] == "closed":
        return None, "LAUNCH_MODE_RESTRICTED"
    if rule["registration"] == "allowlist":
        if req.get("on_allowlist") is None:
            return None, "ALLOWLIST_REQUIRED"
        if req["on_allowlist"] is False:
            return None, "NOT_ON_ALLOWLIST"
    if rule["registration"] == "invite":
        typed = (req.get("invite_code") or "").strip()
        if not typed:
            return None, "INVITE_CODE_REQUIRED"
        rec = req.get("invite")
        if rec is None or rec["code"].strip().lower() != typed.lower():
            return None, "INVALID_INVITE_CODE"
        if rec["used_count"] >= rec["max_uses"]:
            return None, "INVITE_CODE_DEPLETED"
        used = rec["used_count"] + 1
    if (rule["countries"] is not None and c not in rule["countries"]) or c in ineligible:
        return None, "COUNTRY_NOT_ALLOWED"
    counter = req["signups_today"]
    today_count = 0 if day_of(counter["updated_at_ms"]) < day_of(req["now_ms"]) else counter["count"]
    if rule["daily_cap"] is not None and today_count >= rule["daily_cap"]:
        return None, "DAILY_LIMIT_REACHED"
    return {
        "mode": req["mode"], "country": c, "age_years": a,
        "signups_today": {"count": today_count + 1, "updated_at_ms": max(req["now_ms"], counter["updated_at_ms"])},
        "invite_used_count": used,
    }, None


def signup(mode, birth="1990-05-15", country="PL", allow=None, code=None, invite=None, count=0, at=NOW - 3_600_000,
           now=NOW):
    r = {"mode": mode, "birth_date": birth, "country": country, "signups_today": {"count": count, "updated_at_ms": at},
         "now_ms": now}
    if allow is not None:
        r["on_allowlist"] = allow
    if code is not None:
        r["invite_code"] = code
    if invite is not None:
        r["invite"] = invite
    return r


def launch_cases():
    out = []

    def s(name, req, policy=None, **kw):
        e, err = ref_signup(req, **kw)
        out.append(case(name, "check_signup", req, e, err, policy))

    inv = lambda used=0, mx=10, code="BETA-2026": {"code": code, "used_count": used, "max_uses": mx}
    # age gate
    s("18 today (birthday) is allowed", signup("global_launch", birth="2008-11-20"))
    s("18 tomorrow is refused", signup("global_launch", birth="2008-11-21"))
    s("leap-day birth, 17 on 28 Feb", signup("global_launch", birth="2008-02-29", now=ms(2026, 2, 28, 12)))
    s("leap-day birth, 18 on 1 Mar", signup("global_launch", birth="2008-02-29", now=ms(2026, 3, 1, 0)))
    s("18th birthday starts at 00:00 UTC", signup("global_launch", birth="2008-11-20", now=ms(2026, 11, 20)))
    s("one ms before the 18th birthday", signup("global_launch", birth="2008-11-20", now=ms(2026, 11, 20) - 1))
    s("minor in INTERNAL_TEST reports age before allowlist", signup("internal_test", birth="2010-01-01"))
    s("minor in CLOSED_BETA reports age before invite and country",
      signup("closed_beta", birth="2010-01-01", country="US"))
    s("minor over the daily cap reports age", signup("soft_launch", birth="2012-06-01", count=2000))
    out.append(case("a policy lowering the age gate does not load", "check_signup",
                    signup("global_launch", birth="2010-01-01"), error="INVALID_INPUT",
                    policy={"launch": {"min_age_years": 16}}))
    s("policy may raise the age to 21", signup("global_launch", birth="2006-01-01"),
      policy={"launch": {"min_age_years": 21}}, min_age=21)
    # allowlist
    s("INTERNAL_TEST without allowlist lookup", signup("internal_test"))
    s("INTERNAL_TEST not on allowlist", signup("internal_test", allow=False))
    s("INTERNAL_TEST on allowlist, any country", signup("internal_test", allow=True, country="US"))
    s("INTERNAL_TEST ignores invite codes", signup("internal_test", allow=False, code="BETA-2026", invite=inv()))
    s("allowlist before country", signup("internal_test", country="US"),
      policy={"launch": {"internal_test": {"countries": ["PL"]}}},
      modes={**MODES, "internal_test": {**MODES["internal_test"], "countries": ["PL"]}})
    # invite
    s("CLOSED_BETA with no code", signup("closed_beta"))
    s("CLOSED_BETA with a blank code", signup("closed_beta", code="   "))
    s("CLOSED_BETA unknown country and no invite reports the invite", signup("closed_beta", country="US"))
    s("CLOSED_BETA code with no record", signup("closed_beta", code="NOPE"))
    s("CLOSED_BETA code not matching the record", signup("closed_beta", code="BETA-2025", invite=inv()))
    s("CLOSED_BETA invalid code before country", signup("closed_beta", code="NOPE", country="US"))
    s("CLOSED_BETA depleted code (used = max)", signup("closed_beta", code="BETA-2026", invite=inv(10, 10)))
    s("CLOSED_BETA over-used code", signup("closed_beta", code="BETA-2026", invite=inv(11, 10)))
    s("CLOSED_BETA code with max 0", signup("closed_beta", code="BETA-2026", invite=inv(0, 0)))
    s("CLOSED_BETA last use of a code (max - 1)", signup("closed_beta", code="BETA-2026", invite=inv(9, 10)))
    s("CLOSED_BETA first use of a code", signup("closed_beta", code="BETA-2026", invite=inv(0, 1)))
    s("CLOSED_BETA code matched case-insensitively and trimmed",
      signup("closed_beta", code="  beta-2026 ", invite=inv(3, 10)))
    s("CLOSED_BETA depleted code before country", signup("closed_beta", code="BETA-2026", invite=inv(5, 5),
                                                         country="US"))
    s("CLOSED_BETA valid invite, country not in beta", signup("closed_beta", code="BETA-2026", invite=inv(),
                                                              country="US"))
    s("CLOSED_BETA valid invite, IT not in beta", signup("closed_beta", code="BETA-2026", invite=inv(), country="IT"))
    for c in ["PL", "DE", "GB", "FR", "ES"]:
        s(f"CLOSED_BETA {c} allowed", signup("closed_beta", code="BETA-2026", invite=inv(), country=c))
    # countries
    s("country code is upper-cased", signup("soft_launch", country="it"))
    s("country code is trimmed", signup("soft_launch", country=" ch "))
    for c in ["NL", "BE", "AT"]:
        s(f"SOFT_LAUNCH {c} allowed", signup("soft_launch", country=c))
    s("SOFT_LAUNCH US not allowed", signup("soft_launch", country="US"))
    s("SOFT_LAUNCH PT not allowed", signup("soft_launch", country="PT"))
    s("GLOBAL_LAUNCH US allowed", signup("global_launch", country="US"))
    s("GLOBAL_LAUNCH JP allowed, no invite needed", signup("global_launch", country="jp"))
    for name, c in [("three letters", "POL"), ("digit", "P1"), ("empty", ""), ("inner space", "U S"),
                    ("non-ASCII", "ÉS"), ("one letter", "P")]:
        s(f"country {name} is invalid input", signup("global_launch", country=c))
    s("invalid country beats a minor's age", signup("global_launch", country="POL", birth="2012-01-01"))
    for name, b in [("month 13", "2008-13-01"), ("slashes", "2000/01/01"), ("short", "2000-1-01"),
                    ("30 February", "2000-02-30"), ("in the future", "2027-01-01")]:
        s(f"birth date {name} is invalid input", signup("global_launch", birth=b))
    # daily cap
    s("INTERNAL_TEST cap - 1", signup("internal_test", allow=True, count=49))
    s("INTERNAL_TEST at cap", signup("internal_test", allow=True, count=50))
    s("INTERNAL_TEST full yesterday, new day", signup("internal_test", allow=True, count=50, at=ms(2026, 11, 19, 23, 59, 59, 999)))
    s("CLOSED_BETA cap - 1", signup("closed_beta", code="x", invite=inv(code="X"), count=499))
    s("CLOSED_BETA at cap", signup("closed_beta", code="x", invite=inv(code="X"), count=500))
    s("SOFT_LAUNCH cap - 1", signup("soft_launch", count=1999))
    s("SOFT_LAUNCH at cap", signup("soft_launch", count=2000))
    s("SOFT_LAUNCH country before cap", signup("soft_launch", country="US", count=2000))
    s("SOFT_LAUNCH full yesterday, new day", signup("soft_launch", count=2000, at=NOW - DAY))
    s("GLOBAL_LAUNCH is unlimited", signup("global_launch", count=5_000_000))
    s("counter stamped tomorrow (skew) still counts", signup("internal_test", allow=True, count=5, at=NOW + DAY))
    # policy as data
    wide = {**MODES, "soft_launch": {**MODES["soft_launch"], "countries": MODES["soft_launch"]["countries"] + ["US"]}}
    s("policy widens SOFT_LAUNCH to US", signup("soft_launch", country="US"),
      policy={"launch": {"soft_launch": {"countries": wide["soft_launch"]["countries"]}}}, modes=wide)
    capped = {**MODES, "soft_launch": {**MODES["soft_launch"], "daily_cap": 10}}
    s("policy cap 10 at 10", signup("soft_launch", count=10), policy={"launch": {"soft_launch": {"daily_cap": 10}}},
      modes=capped)
    s("policy ineligible country in GLOBAL_LAUNCH", signup("global_launch", country="RU"),
      policy={"launch": {"ineligible_countries": ["RU"]}}, ineligible=("RU",))
    closed = {**MODES, "global_launch": {**MODES["global_launch"], "registration": "closed"}}
    s("policy closes registration", signup("global_launch"),
      policy={"launch": {"global_launch": {"registration": "closed"}}}, modes=closed)
    s("closed registration still checks age first", signup("global_launch", birth="2015-01-01"),
      policy={"launch": {"global_launch": {"registration": "closed"}}}, modes=closed)
    out.append(case("a policy with a malformed country does not load", "check_signup", signup("soft_launch"),
                    error="INVALID_INPUT", policy={"launch": {"soft_launch": {"countries": ["POL"]}}}))
    out.append(case("a policy with an empty country list does not load", "check_signup", signup("soft_launch"),
                    error="INVALID_INPUT", policy={"launch": {"soft_launch": {"countries": []}}}))

    # mode change
    def mc(name, frm, to, reason, policy=None, min_chars=10):
        stripped = reason.strip()
        if frm == to or len(stripped) < min_chars:
            out.append(case(name, "check_mode_change", {"from": frm, "to": to, "reason": reason},
                            error="INVALID_INPUT", policy=policy))
        else:
            out.append(case(name, "check_mode_change", {"from": frm, "to": to, "reason": reason},
                            {"from": frm, "to": to, "reason": stripped}, policy=policy))

    mc("mode change with a 10-character reason", "closed_beta", "soft_launch", "metrics ok")
    mc("mode change with a 9-character reason", "closed_beta", "soft_launch", "launch ok")
    mc("mode change reason trimmed to 9", "closed_beta", "soft_launch", "   launch ok   ")
    mc("mode change reason trimmed to 10", "soft_launch", "global_launch", "  metrics ok\n")
    mc("mode change to the same mode", "soft_launch", "soft_launch", "nothing changes here at all")
    mc("mode change back to internal test", "global_launch", "internal_test", "incident rollback #42")
    mc("mode change counts characters, not bytes (10)", "internal_test", "closed_beta", "zażółćgęśl")
    mc("mode change counts characters, not bytes (9)", "internal_test", "closed_beta", "zażółćgęś")
    mc("mode change empty reason", "internal_test", "closed_beta", "")
    mc("policy needs 20 characters", "internal_test", "closed_beta", "fifteen chars!!",
       policy={"launch": {"mode_change_min_reason_chars": 20}}, min_chars=20)
    # table and normalisation
    for m in MODES:
        out.append(case(f"mode table row {m}", "mode_rules", {"mode": m}, MODES[m]))
    for raw, want in [("pl", "PL"), (" gb ", "GB"), ("De", "DE"), ("GBR", None), ("1A", None), ("", None)]:
        if want:
            out.append(case(f"normalize {raw!r}", "normalize_country", {"country": raw}, {"country": want}))
        else:
            out.append(case(f"normalize {raw!r} is invalid", "normalize_country", {"country": raw},
                            error="INVALID_INPUT"))
    return out


# ------------------------------------------------------------------------------------------
# §7.2 country phases
CAPS = {"alpha": (100, 1000, 10), "soft": (1000, 10000, 100), "public": (10000, 100000, 1000), "pause": (0, 0, 0)}
KINDS = ["users", "payments", "creators"]


def ref_cap(req, caps=CAPS):
    c = req["counter"]
    now = req["now_ms"]
    count = 0 if day_of(c["updated_at_ms"]) < day_of(now) else c["count"]
    new = {"count": count + 1, "updated_at_ms": max(now, c["updated_at_ms"])}
    phase = req.get("phase")
    if phase is None:
        return {"controlled": False, "cap": None, "counter": new, "remaining": None}, None
    if phase == "pause":
        return None, "COUNTRY_PAUSED"
    ov = req.get("overrides", {}).get(req["kind"])
    cap = ov if ov is not None else caps[phase][KINDS.index(req["kind"])]
    if count >= cap:
        return None, "DAILY_LIMIT_REACHED"
    return {"controlled": True, "cap": cap, "counter": new, "remaining": cap - count - 1}, None


def cap_req(phase, kind, count, at=NOW - 60_000, now=NOW, overrides=None):
    r = {"phase": phase, "kind": kind, "counter": {"count": count, "updated_at_ms": at}, "now_ms": now}
    if overrides is not None:
        r["overrides"] = overrides
    return r


GOOD = {"active_users": 1000, "revenue_minor": 500_000, "safety_incidents": 20, "installs": 1000, "verified": 500}


def ref_progression(days, now, n=7, g=None):
    g = g or {"min_active_users": 1000, "min_revenue_minor": 500_000, "max_safety_incidents": 20, "min_verification_bp": 5000}
    today = dt.datetime.fromtimestamp(now / 1000, UTC).date()
    window = [today - dt.timedelta(days=n - i) for i in range(n)]
    by_date = {}
    for d in days:
        date = dt.date.fromisoformat(d["date"])
        if d["verified"] > d["installs"]:
            return None, "INVALID_INPUT"
        if date in window:
            if date in by_date:
                return None, "INVALID_INPUT"
            by_date[date] = d
    fails = []
    for date in window:
        iso = date.isoformat()
        m = by_date.get(date)
        if m is None:
            fails.append({"date": iso, "criterion": "missing_data", "actual": None, "threshold": None})
            continue
        if m["active_users"] < g["min_active_users"]:
            fails.append({"date": iso, "criterion": "active_users", "actual": m["active_users"], "threshold": g["min_active_users"]})
        if m["revenue_minor"] < g["min_revenue_minor"]:
            fails.append({"date": iso, "criterion": "revenue", "actual": m["revenue_minor"], "threshold": g["min_revenue_minor"]})
        if m["safety_incidents"] > g["max_safety_incidents"]:
            fails.append({"date": iso, "criterion": "safety_incidents", "actual": m["safety_incidents"],
                          "threshold": g["max_safety_incidents"]})
        inst, ver = m["installs"], m["verified"]
        low = (g["min_verification_bp"] > 0) if inst == 0 else ver * 10000 < inst * g["min_verification_bp"]
        if low:
            fails.append({"date": iso, "criterion": "verification_rate", "actual": 0 if inst == 0 else ver * 10000 // inst,
                          "threshold": g["min_verification_bp"]})
    return {"recommended": not fails, "window_start": window[0].isoformat(), "window_end": window[-1].isoformat(),
            "failures": fails}, None


def week(changes=None, start=dt.date(2026, 11, 13), n=7):
    changes = changes or {}
    out = []
    for i in range(n):
        d = start + dt.timedelta(days=i)
        out.append({"date": d.isoformat(), **GOOD, **changes.get(i, {})})
    return out


def rollout_cases():
    out = []

    def cap(name, req, policy=None, caps=CAPS):
        e, err = ref_cap(req, caps)
        out.append(case(name, "check_country_cap", req, e, err, policy))

    for phase in ["alpha", "soft", "public"]:
        for k, kind in enumerate(KINDS):
            limit = CAPS[phase][k]
            cap(f"{phase} {kind} at cap - 1", cap_req(phase, kind, limit - 1))
            cap(f"{phase} {kind} at cap", cap_req(phase, kind, limit))
    cap("alpha users full yesterday, new day", cap_req("alpha", "users", 100, at=NOW - DAY))
    cap("counter from 23:59:59.999 resets at midnight", cap_req("alpha", "users", 100, at=ms(2026, 11, 19, 23, 59, 59, 999),
                                                               now=ms(2026, 11, 20)))
    cap("counter from 00:00 still counts at 23:59:59.999", cap_req("alpha", "users", 100, at=ms(2026, 11, 20),
                                                                  now=ms(2026, 11, 20, 23, 59, 59, 999)))
    cap("fresh counter", cap_req("soft", "payments", 0, at=0))
    cap("counter stamped tomorrow is not reset", cap_req("alpha", "creators", 10, at=NOW + DAY))
    cap("paused country refuses users", cap_req("pause", "users", 0))
    cap("paused country refuses payments", cap_req("pause", "payments", 0))
    cap("paused country ignores overrides", cap_req("pause", "creators", 0, overrides={"creators": 50}))
    cap("override to 0 blocks", cap_req("public", "payments", 0, overrides={"payments": 0}))
    cap("override to 0 applies to its kind only", cap_req("public", "users", 0, overrides={"payments": 0}))
    cap("override raises the alpha users cap", cap_req("alpha", "users", 4999, overrides={"users": 5000}))
    cap("override raised cap reached", cap_req("alpha", "users", 5000, overrides={"users": 5000}))
    cap("override lowers the public cap", cap_req("public", "creators", 5, overrides={"creators": 5}))
    cap("uncontrolled country is allowed", cap_req(None, "users", 1_000_000))
    cap("uncontrolled country, new day", cap_req(None, "payments", 7, at=NOW - 2 * DAY))
    caps5 = {**CAPS, "alpha": (5, 1000, 10)}
    cap("policy alpha users cap 5 at 4", cap_req("alpha", "users", 4), policy={"rollout": {"alpha": {"users": 5}}}, caps=caps5)
    cap("policy alpha users cap 5 at 5", cap_req("alpha", "users", 5), policy={"rollout": {"alpha": {"users": 5}}}, caps=caps5)
    out.append(case("a policy with a non-zero pause cap does not load", "check_country_cap", cap_req("alpha", "users", 0),
                    error="INVALID_INPUT", policy={"rollout": {"pause": {"users": 1}}}))
    out.append(case("effective caps of soft with a payments override", "effective_caps",
                    {"phase": "soft", "overrides": {"payments": 0}}, {"users": 1000, "payments": 0, "creators": 100}))
    out.append(case("effective caps of public", "effective_caps", {"phase": "public"},
                    {"users": 10000, "payments": 100000, "creators": 1000}))
    out.append(case("effective caps of pause", "effective_caps", {"phase": "pause"},
                    {"users": 0, "payments": 0, "creators": 0}))

    def prog(name, days, now=NOW, policy=None, **kw):
        e, err = ref_progression(days, now, **kw)
        out.append(case(name, "progression_readiness", {"days": days, "now_ms": now}, e, err, policy))

    prog("seven good days at the thresholds", week())
    prog("active users 999 on one day", week({2: {"active_users": 999}}))
    prog("revenue 4 999.99 on the last day", week({6: {"revenue_minor": 499_999}}))
    prog("revenue 5 000.00 passes", week({6: {"revenue_minor": 500_000}}))
    prog("21 safety incidents", week({0: {"safety_incidents": 21}}))
    prog("verification 0.499", week({3: {"verified": 499}}))
    prog("verification with no installs", week({4: {"installs": 0, "verified": 0}}))
    prog("verification 1 of 3 installs", week({5: {"installs": 3, "verified": 1}}))
    prog("verification 2 of 3 installs passes", week({5: {"installs": 3, "verified": 2}}))
    prog("a missing day", [d for i, d in enumerate(week()) if i != 3])
    prog("only six days", week(start=dt.date(2026, 11, 14), n=6))
    prog("no data at all", [])
    prog("several failures on several days", week({1: {"active_users": 10, "revenue_minor": 0},
                                                   5: {"safety_incidents": 100, "installs": 10, "verified": 1}}))
    prog("today's bad data is ignored", week() + [{"date": "2026-11-20", **GOOD, "active_users": 0}])
    prog("data older than the window is ignored", [{"date": "2026-11-12", **GOOD, "revenue_minor": 0}] + week())
    prog("window right after midnight", week(), now=ms(2026, 11, 20))
    prog("window one ms before midnight", week(start=dt.date(2026, 11, 12)), now=ms(2026, 11, 20) - 1)
    out.append(case("a date given twice", "progression_readiness", {"days": week() + [week()[0]], "now_ms": NOW},
                    error="INVALID_INPUT"))
    out.append(case("a malformed date", "progression_readiness",
                    {"days": week() + [{"date": "2026-11-31", **GOOD}], "now_ms": NOW}, error="INVALID_INPUT"))
    out.append(case("verified above installs", "progression_readiness",
                    {"days": week({2: {"installs": 5, "verified": 6}}), "now_ms": NOW}, error="INVALID_INPUT"))
    prog("policy needs only 3 days", week(start=dt.date(2026, 11, 17), n=3),
         policy={"rollout": {"progression": {"days": 3}}}, n=3)

    seq = ["PL", "CZ", "SK", "HR", "RO", "BG", "GR", "IT"]
    for launched in [[], ["pl"], ["PL", "CZ", "SK"], ["CZ"], seq[:7], seq, ["US", "GB"]]:
        nxt = next((c for c in seq if c not in [x.upper() for x in launched]), None)
        out.append(case(f"next market after {launched}", "next_market", {"launched": launched}, {"country": nxt}))
    out.append(case("next market with a malformed code", "next_market", {"launched": ["POL"]}, error="INVALID_INPUT"))
    return out


# ------------------------------------------------------------------------------------------
# §8 risk
def ref_region(m):
    if m["verified"] > m["installs"]:
        return None, "INVALID_INPUT"
    t, i, r, n, v = m["support_tickets"], m["safety_incidents"], m["revenue_minor"], m["installs"], m["verified"]
    pt = 2 if t > 100 else 1 if t > 50 else 0
    pi = 3 if i > 50 else 2 if i > 20 else 1 if i > 10 else 0
    pr = 2 if r < 100_000 else 1 if r < 500_000 else 0
    # rate = v / n (0 when n == 0), compared in integers
    pv = 2 if (n == 0 or v * 100 < n * 30) else 1 if v * 100 < n * 50 else 0
    score = pt + pi + pr + pv
    level = "low" if score <= 2 else "medium" if score <= 4 else "high" if score <= 6 else "critical"
    return {"score": score, "max_score": 9, "level": level,
            "breakdown": {"support_tickets": pt, "safety_incidents": pi, "revenue": pr, "verification_rate": pv},
            "verification_rate_bp": 0 if n == 0 else v * 10000 // n, "pause_recommended": level == "critical"}, None


def region(t=0, i=0, r=500_000, n=100, v=50):
    return {"support_tickets": t, "safety_incidents": i, "revenue_minor": r, "installs": n, "verified": v}


def risk_cases():
    out = []

    def rr(name, m, policy=None):
        e, err = ref_region(m)
        out.append(case(name, "region_risk", m, e, err, policy))

    rr("a calm region scores 0", region())
    for t in [50, 51, 100, 101]:
        rr(f"support tickets {t}", region(t=t))
    for i in [10, 11, 20, 21, 50, 51]:
        rr(f"safety incidents {i}", region(i=i))
    for r, label in [(99_999, "999.99"), (100_000, "1 000.00"), (499_999, "4 999.99"), (500_000, "5 000.00"), (0, "0")]:
        rr(f"revenue {label}", region(r=r))
    for v in [29, 30, 49, 50, 100]:
        rr(f"verification {v} of 100", region(v=v))
    rr("verification 0.29999", region(n=100_000, v=29_999))
    rr("verification 0.30000 of 1 000 000", region(n=1_000_000, v=300_000))
    rr("verification 3 of 10 is exactly 0.30", region(n=10, v=3))
    rr("verification 1 of 2 is exactly 0.50", region(n=2, v=1))
    rr("zero installs scores the low rate", region(n=0, v=0))
    rr("verified above installs", region(n=10, v=11))
    rr("maximum score 9", region(t=101, i=51, r=0, n=0, v=0))
    rr("score 2 is low", region(t=101))
    rr("score 3 is medium", region(t=101, i=11))
    rr("score 4 is medium", region(t=101, i=21))
    rr("score 5 is high", region(t=101, i=51))
    rr("score 6 is high", region(t=101, i=51, r=499_999))
    rr("score 7 is critical", region(t=101, i=51, r=99_999))
    rr("score 8 is critical", region(t=101, i=51, r=99_999, v=49))
    rr("huge counts", region(t=2**53 - 1, i=2**53 - 1, r=2**53 - 1, n=2**53 - 1, v=2**53 - 1))
    out.append(case("policy: tickets > 10 scores 5", "region_risk", region(t=11),
                    {"score": 5, "level": "high", "breakdown": {"support_tickets": 5}, "max_score": 12},
                    policy={"risk": {"region": {"support_tickets": [{"above": 10, "points": 5}]}}}))
    out.append(case("a policy with non-monotone rows does not load", "region_risk", region(), error="INVALID_INPUT",
                    policy={"risk": {"region": {"support_tickets": [{"above": 100, "points": 1}, {"above": 50, "points": 2}]}}}))

    # fraud shield
    def fraud(name, devices=(), creators=0, tx=0):
        w = {"device_accounts": [{"device_id": d, "accounts": a} for d, a in devices],
             "creator_registrations": creators, "transactions": tx}
        ids = [d for d, _ in devices]
        if len(ids) != len(set(ids)):
            out.append(case(name, "fraud_shield", w, error="INVALID_INPUT"))
            return
        alerts = [{"signal": "device_farming", "device_id": d, "count": a, "threshold": 3} for d, a in devices if a >= 3]
        if creators >= 50:
            alerts.append({"signal": "creator_ring", "device_id": None, "count": creators, "threshold": 50})
        if tx >= 1000:
            alerts.append({"signal": "payment_burst", "device_id": None, "count": tx, "threshold": 1000})
        out.append(case(name, "fraud_shield", w, {"alert": bool(alerts), "alerts": alerts}))

    fraud("quiet window")
    fraud("2 accounts on one device", [("dev-a", 2)])
    fraud("3 accounts on one device", [("dev-a", 3)])
    fraud("two farming devices among three", [("dev-a", 5), ("dev-b", 1), ("dev-c", 3)])
    fraud("49 creator registrations", creators=49)
    fraud("50 creator registrations", creators=50)
    fraud("999 transactions", tx=999)
    fraud("1 000 transactions", tx=1000)
    fraud("everything at once", [("d1", 4)], creators=80, tx=5000)
    fraud("a device listed twice", [("dev-a", 2), ("dev-a", 2)])

    def load(name, w=0, p=0, t=0):
        over = [{"metric": k, "value": v, "limit": lim} for k, v, lim in
                [("webrtc_sessions", w, 10000), ("payments_per_minute", p, 100), ("safety_tickets_per_5min", t, 500)]
                if v > lim]
        out.append(case(name, "check_load", {"webrtc_sessions": w, "payments_per_minute": p, "safety_tickets_per_5min": t},
                        {"overloaded": bool(over), "over": over}))

    load("idle")
    load("WebRTC at 10 000", w=10000)
    load("WebRTC at 10 001", w=10001)
    load("payments at 100 per minute", p=100)
    load("payments at 101 per minute", p=101)
    load("safety tickets at 500", t=500)
    load("safety tickets at 501", t=501)
    load("all at their limits", 10000, 100, 500)
    load("all over", 20000, 101, 501)

    def half_up(a, b):
        return (2 * a + b) // (2 * b)

    def camp(name, exp, act, rev, visits):
        out.append(case(name, "campaign_metrics",
                        {"expected_installs": exp, "actual_installs": act, "revenue_minor": rev, "forecast_visits": visits},
                        {"install_conversion_bp": None if exp == 0 else half_up(act * 10000, exp),
                         "revenue_per_install_minor": half_up(rev, max(act, 1)), "needs_prewarm": visits > 10000}))

    camp("no expected installs", 0, 50, 1000, 0)
    camp("1 of 3 installs", 3, 1, 100, 10000)
    camp("2 of 3 installs, 200 cents", 3, 2, 200, 10001)
    camp("beat the forecast 150 of 100", 100, 150, 0, 500)
    camp("half a basis point rounds up", 20000, 1, 5, 0)
    camp("2.5 cents per install rounds up", 10, 2, 5, 0)
    camp("zero installs divides by one", 10, 0, 250, 0)

    def health(name, checks):
        if not checks:
            out.append(case(name, "component_health", {"checks": []}, error="INVALID_INPUT"))
            return
        order = ["healthy", "degraded", "down"]
        comps = []
        for n, o, d in checks:
            st = "down" if o == "failed" else "degraded" if (o == "degraded" or d > 2000) else "healthy"
            comps.append({"name": n, "status": st})
        overall = max((c["status"] for c in comps), key=order.index)
        out.append(case(name, "component_health",
                        {"checks": [{"name": n, "outcome": o, "duration_ms": d} for n, o, d in checks]},
                        {"overall": overall, "components": comps}))

    health("all healthy", [("db", "ok", 12), ("cache", "ok", 3)])
    health("2 000 ms is still healthy", [("db", "ok", 2000)])
    health("2 001 ms is degraded", [("db", "ok", 2001), ("cache", "ok", 1)])
    health("self-reported degraded", [("payments", "degraded", 5)])
    health("a failed component is down", [("db", "ok", 1), ("payments", "failed", 1), ("cdn", "ok", 9000)])
    health("no components", [])

    def ready(name, checks):
        if not checks:
            out.append(case(name, "launch_readiness", {"checks": []}, error="INVALID_INPUT"))
            return
        sts = [s for _, s in checks]
        overall = "fail" if "fail" in sts else "warn" if "warn" in sts else "pass"
        out.append(case(name, "launch_readiness", {"checks": [{"name": n, "status": s} for n, s in checks]},
                        {"overall": overall, "ready_for_launch": overall != "fail",
                         "failed": [n for n, s in checks if s == "fail"], "warnings": [n for n, s in checks if s == "warn"]}))

    ready("all pass", [("payments", "pass"), ("kyc", "pass")])
    ready("a warning is still ready", [("payments", "pass"), ("load test", "warn")])
    ready("a failure is not ready", [("payments", "fail"), ("load test", "warn"), ("kyc", "fail")])
    ready("no checks", [])

    def alerts(name, m, error=None):
        base = {"requests": 0, "errors": 0, "payments": 0, "payment_failures": 0, "token_spend": 0,
                "trailing_token_spend": 0, "trailing_periods": 0, "sessions": 0, "crash_free_sessions": 0}
        m = {**base, **m}
        if error:
            out.append(case(name, "check_alerts", m, error=error))
            return
        al = []
        if m["requests"] and m["errors"] * 100 >= m["requests"] * 5:
            al.append({"kind": "error_rate", "value_bp": m["errors"] * 10000 // m["requests"], "threshold_bp": 500})
        if m["payments"] and m["payment_failures"] * 100 >= m["payments"] * 2:
            al.append({"kind": "payment_failure_rate", "value_bp": m["payment_failures"] * 10000 // m["payments"],
                       "threshold_bp": 200})
        s, tot, per = m["token_spend"], m["trailing_token_spend"], m["trailing_periods"]
        if per and s > 0 and s * per >= 10 * tot:
            al.append({"kind": "token_spend_spike", "value_bp": None if tot == 0 else s * per * 10000 // tot,
                       "threshold_bp": 100000})
        if m["sessions"] and m["crash_free_sessions"] * 100 < m["sessions"] * 99:
            al.append({"kind": "crash_free_sessions", "value_bp": m["crash_free_sessions"] * 10000 // m["sessions"],
                       "threshold_bp": 9900})
        out.append(case(name, "check_alerts", m, {"alerting": bool(al), "alerts": al}))

    alerts("nothing happening", {})
    alerts("error rate 4.99 %", {"requests": 10000, "errors": 499})
    alerts("error rate 5 %", {"requests": 10000, "errors": 500})
    alerts("payment failures 1.99 %", {"payments": 10000, "payment_failures": 199})
    alerts("payment failures 2 %", {"payments": 10000, "payment_failures": 200})
    alerts("token spend 9.99 x average", {"token_spend": 999, "trailing_token_spend": 700, "trailing_periods": 7})
    alerts("token spend 10 x average", {"token_spend": 1000, "trailing_token_spend": 700, "trailing_periods": 7})
    alerts("token spend with a zero average", {"token_spend": 1, "trailing_token_spend": 0, "trailing_periods": 7})
    alerts("no token spend, zero average", {"token_spend": 0, "trailing_token_spend": 0, "trailing_periods": 7})
    alerts("token spend with no baseline", {"token_spend": 50, "trailing_token_spend": 0, "trailing_periods": 0})
    alerts("crash-free 99 %", {"sessions": 10000, "crash_free_sessions": 9900})
    alerts("crash-free 98.99 %", {"sessions": 10000, "crash_free_sessions": 9899})
    alerts("every alert", {"requests": 100, "errors": 100, "payments": 50, "payment_failures": 1, "token_spend": 70,
                           "trailing_token_spend": 7, "trailing_periods": 1, "sessions": 3, "crash_free_sessions": 2})
    alerts("errors above requests", {"requests": 1, "errors": 2}, error="INVALID_INPUT")
    alerts("crash-free above sessions", {"sessions": 1, "crash_free_sessions": 2}, error="INVALID_INPUT")
    return out


# ------------------------------------------------------------------------------------------
# §7.4 flags
GROUPS = {"chat": ["chat_", "message_"], "ai_companions": ["ai_companion_"], "video_calls": ["video_call_"],
          "calendar_payments": ["calendar_payment_"], "events": ["event_"], "wallet": ["wallet_"]}
ALWAYS_ON = ["refund_buttons", "panic_tracking"]


def bucket(flag, user):
    return int.from_bytes(hashlib.sha256(f"{flag}:{user}".encode("utf-8")).digest()[:4], "big") % 10000


def ref_flag(f, ctx, killed, groups=GROUPS):
    name = f["name"]
    d = lambda on, rule, b=None: {"flag": name, "on": on, "rule": rule, "bucket": b}
    if name in ALWAYS_ON:
        return d(True, "always_on")
    for g in killed:
        if name == g or any(name.startswith(p) for p in groups[g]):
            return d(False, "global_kill_switch")
    if f.get("kill_switch"):
        return d(False, "flag_kill_switch")
    if not f["enabled"]:
        return d(False, "disabled")
    # SPEC §15.2: the deployment's environment, after the kill switches and disabled
    if f.get("environments") is not None and ctx.get("environment") not in f["environments"]:
        return d(False, "environment_not_targeted")
    now = ctx["now_ms"]
    if (f.get("starts_at_ms") is not None and now < f["starts_at_ms"]) or (
            f.get("ends_at_ms") is not None and now >= f["ends_at_ms"]):
        return d(False, "outside_window")
    if f.get("regions") is not None:
        ur = ctx.get("region")
        if ur is None or ur.strip().upper() not in [r.strip().upper() for r in f["regions"]]:
            return d(False, "region_not_targeted")
    if f.get("platforms") is not None and ctx.get("platform") not in f["platforms"]:
        return d(False, "platform_not_targeted")
    if ctx["user_id"] in f.get("blocked_users", []):
        return d(False, "user_blocked")
    if ctx["user_id"] in f.get("allowed_users", []):
        return d(True, "user_allowed")
    b = bucket(name, ctx["user_id"])
    return d(b < f["rollout_bp"], "rollout", b)


def flag(name, enabled=True, bp=10000, **kw):
    return {"name": name, "enabled": enabled, "rollout_bp": bp, **kw}


def ctx(user="user-42", region="PL", platform="ios", now=NOW, env=None):
    c = {"user_id": user, "now_ms": now}
    if env is not None:
        c["environment"] = env
    if region is not None:
        c["region"] = region
    if platform is not None:
        c["platform"] = platform
    return c


def flags_cases():
    out = []
    pairs = [("new_onboarding", "user-1"), ("new_onboarding", "user-2"), ("new_onboarding", "user-3"),
             ("chat_voice_notes", "u_123"), ("chat_voice_notes", "u_124"), ("video_call_beta", "alice"),
             ("video_call_beta", "bob"), ("wallet_v2", "00000000-0000-0000-0000-000000000000"),
             ("wallet_v2", "f47ac10b-58cc-4372-a567-0e02b2c3d479"), ("ai_companion_chat", "creator_9"),
             ("events_tab", ""), ("", "user-1"), ("feed:ranking", "user:1"), ("émoji_flag", "użytkownik-ż"),
             ("dark_mode", "1"), ("dark_mode", "2"), ("dark_mode", "10"), ("dark_mode", "100"),
             ("calendar_payment_deposits", "user-42"), ("message_reactions", "user-42"),
             ("new_onboarding", "a" * 100), ("a" * 64, "user-42")]
    for f, u in pairs:
        out.append(case(f"bucket {f[:20]!r}:{u[:20]!r}", "flag_bucket", {"flag": f, "user_id": u}, {"bucket": bucket(f, u)}))
    # a rollout boundary pair
    b = bucket("new_onboarding", "user-42")

    def ev(name, f, c=None, killed=(), error=None, policy=None, groups=GROUPS):
        c = c or ctx()
        inp = {"flag": f, "context": c, "killed_groups": list(killed)}
        if error:
            out.append(case(name, "evaluate_flag", inp, error=error, policy=policy))
        else:
            out.append(case(name, "evaluate_flag", inp, ref_flag(f, c, killed, groups), policy=policy))

    ev("always-on beats a disabled, killed flag", flag("refund_buttons", enabled=False, kill_switch=True))
    ev("always-on panic tracking with rollout 0", flag("panic_tracking", bp=0))
    ev("global kill switch covers chat_", flag("chat_voice_notes"), killed=["chat"])
    ev("global kill switch covers message_", flag("message_reactions"), killed=["chat"])
    ev("global kill switch covers the group name", flag("chat"), killed=["chat"])
    ev("chat group does not cover chatty", flag("chatty_banner"), killed=["chat"])
    ev("wallet kill switch", flag("wallet_v2"), killed=["events", "wallet"])
    ev("global kill switch before the flag's own", flag("video_call_hd", kill_switch=True, enabled=False),
       killed=["video_calls"])
    ev("unknown kill-switch group", flag("chat_x"), killed=["caht"], error="INVALID_INPUT")
    ev("flag kill switch", flag("new_onboarding", kill_switch=True))
    ev("flag kill switch before disabled", flag("new_onboarding", kill_switch=True, enabled=False))
    ev("disabled flag", flag("new_onboarding", enabled=False))
    ev("disabled before the window", flag("new_onboarding", enabled=False, starts_at_ms=NOW + 1))
    ev("before the window", flag("new_onboarding", starts_at_ms=NOW + 1))
    ev("at the window start", flag("new_onboarding", starts_at_ms=NOW))
    ev("one ms before the window end", flag("new_onboarding", ends_at_ms=NOW + 1))
    ev("at the window end", flag("new_onboarding", ends_at_ms=NOW))
    ev("outside the window before region", flag("new_onboarding", ends_at_ms=NOW, regions=["US"]))
    ev("empty window is invalid", flag("new_onboarding", starts_at_ms=NOW, ends_at_ms=NOW), error="INVALID_INPUT")
    ev("region targeted (case-insensitive)", flag("new_onboarding", regions=["de", "pl"]), ctx(region="pl"))
    ev("region not targeted", flag("new_onboarding", regions=["DE"]))
    ev("unknown region is not targeted", flag("new_onboarding", regions=["PL"]), ctx(region=None))
    ev("region before platform", flag("new_onboarding", regions=["DE"], platforms=["android"]))
    ev("platform targeted", flag("new_onboarding", platforms=["ios", "web"]))
    ev("platform not targeted", flag("new_onboarding", platforms=["android"]))
    ev("unknown platform is not targeted", flag("new_onboarding", platforms=["web"]), ctx(platform=None))
    ev("platform before blocked user", flag("new_onboarding", platforms=["web"], blocked_users=["user-42"]))
    ev("blocked user with full rollout", flag("new_onboarding", blocked_users=["user-42"]))
    ev("blocked beats allowed", flag("new_onboarding", blocked_users=["user-42"], allowed_users=["user-42"]))
    ev("allowed user with rollout 0", flag("new_onboarding", bp=0, allowed_users=["user-7", "user-42"]))
    ev("allowed user outside the targeted region", flag("new_onboarding", bp=0, allowed_users=["user-42"],
                                                        regions=["FR"]))
    ev("rollout 0 is off", flag("new_onboarding", bp=0))
    ev("rollout 10000 is on", flag("new_onboarding", bp=10000))
    ev("rollout at the bucket is off", flag("new_onboarding", bp=b))
    ev("rollout one above the bucket is on", flag("new_onboarding", bp=b + 1))
    ev("rollout 50 % for another user", flag("dark_mode", bp=5000), ctx(user="u-1001"))
    ev("rollout above 10000 is invalid", flag("new_onboarding", bp=10001), error="INVALID_INPUT")
    ev("empty user id is invalid", flag("new_onboarding"), ctx(user=""), error="INVALID_INPUT")
    # SPEC §15.2 environments
    ev("environment targeted", flag("new_onboarding", environments=["staging", "production"]), ctx(env="production"))
    ev("environment not targeted", flag("new_onboarding", environments=["staging"]), ctx(env="production"))
    ev("no environment targeting: every environment", flag("new_onboarding"), ctx(env="development"))
    ev("empty environment set targets none", flag("new_onboarding", environments=[]), ctx(env="staging"))
    ev("unknown deployment environment is not targeted", flag("new_onboarding", environments=["production"]))
    ev("disabled before the environment", flag("new_onboarding", enabled=False, environments=["staging"]),
       ctx(env="production"))
    ev("flag kill switch before the environment", flag("new_onboarding", kill_switch=True,
                                                       environments=["staging"]), ctx(env="production"))
    ev("global kill switch before the environment", flag("chat_x", environments=["staging"]), ctx(env="production"),
       killed=["chat"])
    ev("environment before the time window", flag("new_onboarding", environments=["staging"], ends_at_ms=NOW),
       ctx(env="production"))
    ev("environment before region and users", flag("new_onboarding", environments=["development"], regions=["DE"],
                                                   allowed_users=["user-42"]), ctx(env="staging"))
    ev("always-on stays on in every environment", flag("panic_tracking", environments=["staging"]),
       ctx(env="production"))
    ev("targeted environment then rollout", flag("dark_mode", bp=5000, environments=["development"]),
       ctx(user="u-1001", env="development"))
    pg = {**GROUPS, "payments": ["pay_"]}
    ev("policy adds a kill-switch group", flag("pay_apple"), killed=["payments"],
       policy={"flags": {"kill_switch_groups": {"payments": ["pay_"]}}}, groups=pg)

    def batch(name, flags, c=None, killed=(), error=None):
        c = c or ctx()
        inp = {"set": {"killed_groups": list(killed), "flags": flags}, "context": c}
        if error:
            out.append(case(name, "evaluate_flags", inp, error=error))
        else:
            out.append(case(name, "evaluate_flags", inp, {"decisions": [ref_flag(f, c, killed) for f in flags]}))

    mix = [flag("refund_buttons", enabled=False), flag("chat_voice_notes"), flag("new_onboarding", bp=b + 1),
           flag("dark_mode", bp=3000), flag("wallet_v2", enabled=False), flag("events_tab", platforms=["web"]),
           flag("video_call_beta", regions=["PL"], bp=0, allowed_users=["user-42"])]
    batch("all flags for one user", mix, killed=["chat"])
    batch("all flags for another user", mix, ctx(user="user-43", region="DE", platform="web"))
    batch("twenty rollout flags", [flag(f"exp_{k}", bp=k * 500) for k in range(20)], ctx(user="u-77"))
    batch("no flags", [])
    batch("all flags in staging", mix + [flag("staging_only", environments=["staging"]),
                                         flag("prod_only", environments=["production"])],
          ctx(env="staging"), killed=["chat"])
    batch("a flag defined twice", [flag("dark_mode"), flag("dark_mode", bp=0)], error="INVALID_INPUT")
    batch("an invalid flag fails the batch", [flag("dark_mode"), flag("x", bp=20000)], error="INVALID_INPUT")
    return out


if __name__ == "__main__":
    total = 0
    total += write("launch", "Launch modes and signup eligibility (SPEC §7.1): every outcome and the order of the checks, "
                   "the daily caps at cap - 1, cap and a new day, mode changes. Expected values come from an independent "
                   "Python reference written from the spec (tests/vectors/tools/launch_ref.py: datetime for ages and UTC "
                   "days, plain integers for caps), never from the Rust code. now = 2026-11-20 12:00 UTC.", launch_cases())
    total += write("rollout", "Country phases, daily caps, progression and market sequence (SPEC §7.2): every cap at "
                   "cap - 1 and cap, UTC-day reset, paused and uncontrolled countries, overrides including 0, progression "
                   "criteria per day. Expected values from the independent Python reference "
                   "tests/vectors/tools/launch_ref.py (integers and datetime), never from the Rust code.", rollout_cases())
    total += write("risk", "Region risk, fraud shield, throttle, campaigns, health, readiness, alerts (SPEC §8): every "
                   "threshold on both sides, zero installs, the maximum score. Expected values from the independent "
                   "Python reference tests/vectors/tools/launch_ref.py (integer comparisons such as "
                   "verified*100 < installs*30; half-up integer division for campaign ratios), never from the Rust code.",
                   risk_cases())
    total += write("flags", "Feature flags (SPEC §7.4 with the §15.2 environment step): every step of the evaluation order and the SHA-256 rollout "
                   "bucket. Expected buckets were computed independently with Python's hashlib "
                   "(int.from_bytes(sha256(f'{flag}:{user}'.encode()).digest()[:4], 'big') % 10000) in "
                   "tests/vectors/tools/launch_ref.py, never by the Rust code.", flags_cases())
    print("total", total)
