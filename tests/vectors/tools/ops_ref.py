#!/usr/bin/env python3
"""Independent reference for SPEC §13 (admission) and §15 (operations): writes
tests/vectors/admission.json and tests/vectors/ops.json.

Written from SPEC.md alone (never from the Rust code's output): Python integers for every
threshold, `datetime` for UTC days, ages and business days. Shares the small helpers and the
§7.1/§7.2 tables of launch_ref.py (itself written from the spec).
Run: python3 tests/vectors/tools/ops_ref.py (from the repository root).
"""
import datetime as dt
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from launch_ref import CAPS, DAY, KINDS, MODES, NOW, UTC, age, case, day_of, ms, write  # noqa: E402

MINUTE = 60_000
HOUR = 3_600_000

# ------------------------------------------------------------------------------------------
# §13 admission
KIND_OF = {"signup": "users", "purchase": "payments", "creator_onboarding": "creators"}


def count_on(counter, now):
    return 0 if day_of(counter["updated_at_ms"]) < day_of(now) else counter["count"]


def incremented(counter, now):
    return {"count": count_on(counter, now) + 1, "updated_at_ms": max(now, counter["updated_at_ms"])}


def refused(code, cap=None, retry=None):
    return {"outcome": "refused", "code": code, "cap": cap, "retry_at_ms": retry}, None


def ref_admit(req, modes=MODES, caps=CAPS, ineligible=(), queue_retry=60_000):
    """Returns (expect, error) following SPEC §13's ordered steps."""
    now = req["now_ms"]
    today = dt.datetime.fromtimestamp(now / 1000, UTC).date()
    # 1. input
    b = req["birth_date"]
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", b):
        return None, "INVALID_INPUT"
    try:
        birth = dt.date.fromisoformat(b)
    except ValueError:
        return None, "INVALID_INPUT"
    if birth > today:
        return None, "INVALID_INPUT"
    c = req["country"].strip()
    if not (len(c) == 2 and c.isascii() and c.isalpha()):
        return None, "INVALID_INPUT"
    c = c.upper()
    zero = {"count": 0, "updated_at_ms": 0}
    mode_counter = req.get("mode_counter", zero)
    country_counter = req.get("country_counter", zero)
    if mode_counter["updated_at_ms"] < 0 or country_counter["updated_at_ms"] < 0:
        return None, "INVALID_INPUT"
    # 2. age, every operation
    a = age(birth, today)
    if a < 18:
        return refused("AGE_RESTRICTED")
    op = req["operation"]
    signup = op == "signup"
    rule = modes[req["mode"]]
    # 3. signup: allowlist, then invite
    used = None
    if signup:
        if rule["registration"] == "allowlist":
            if req.get("on_allowlist") is None:
                return refused("ALLOWLIST_REQUIRED")
            if req["on_allowlist"] is False:
                return refused("NOT_ON_ALLOWLIST")
        if rule["registration"] == "invite":
            typed = (req.get("invite_code") or "").strip()
            if not typed:
                return refused("INVITE_CODE_REQUIRED")
            rec = req.get("invite")
            if rec is None or rec["code"].strip().lower() != typed.lower():
                return refused("INVALID_INVITE_CODE")
            if rec["used_count"] >= rec["max_uses"]:
                return refused("INVITE_CODE_DEPLETED")
            used = rec["used_count"] + 1
    # 4. country: a phase governs whatever the mode's list; pause in every mode
    phase = req.get("phase")
    if phase == "pause":
        return refused("COUNTRY_PAUSED")
    if signup and c in ineligible:
        return refused("COUNTRY_NOT_ALLOWED")
    if phase is None and signup and rule["countries"] is not None and c not in rule["countries"]:
        return refused("COUNTRY_NOT_ALLOWED")
    # 5. daily caps, count < cap; the mode's cap is named first
    midnight = (now // DAY + 1) * DAY
    if signup and rule["daily_cap"] is not None and count_on(mode_counter, now) >= rule["daily_cap"]:
        return refused("DAILY_LIMIT_REACHED", "mode_signups", midnight)
    kind = KIND_OF[op]
    if phase is not None:
        ov = req.get("overrides", {}).get(kind)
        cap = ov if ov is not None else caps[phase][KINDS.index(kind)]
        if count_on(country_counter, now) >= cap:
            return refused("DAILY_LIMIT_REACHED", kind, midnight)
    # 6. throttle: signups and onboarding queue, purchases pass
    if req.get("overloaded") and op != "purchase":
        return {"outcome": "queued", "code": "ADMISSION_QUEUED", "position_hint": req.get("queue_length", 0) + 1,
                "retry_at_ms": now + queue_retry}, None
    # 7. admitted
    return {"outcome": "admitted", "country": c, "age_years": a,
            "mode_counter": incremented(mode_counter, now) if signup else None,
            "country_counter": incremented(country_counter, now), "invite_used_count": used}, None


def adm(op="signup", mode="global_launch", birth="1990-05-15", country="PL", phase="public", now=NOW, mode_count=0,
        country_count=0, at=NOW - HOUR, **kw):
    r = {"operation": op, "mode": mode, "birth_date": birth, "country": country, "now_ms": now,
         "mode_counter": {"count": mode_count, "updated_at_ms": at},
         "country_counter": {"count": country_count, "updated_at_ms": at}}
    if phase is not None:
        r["phase"] = phase
    r.update(kw)
    return r


def admission_cases():
    out = []

    def a(name, req, policy=None, **kw):
        expect, error = ref_admit(req, **kw)
        out.append(case(name, "admit", req, expect, error, policy))

    inv = {"code": "WELCOME-1", "used_count": 0, "max_uses": 5}
    # the common path and each operation
    a("signup admitted in a public-phase country", adm())
    a("purchase admitted, no mode counter", adm("purchase"))
    a("creator onboarding admitted", adm("creator_onboarding"))
    a("country code normalised", adm(country=" pl "))
    # 1. input
    a("birth date not YYYY-MM-DD", adm(birth="1990-5-15"), None)
    a("birth date not a calendar day", adm(birth="1990-02-30"))
    a("birth date after today", adm(birth="2026-11-21"))
    a("country of three letters", adm(country="POL"))
    a("country with a digit", adm(country="P1"))
    a("purchase with a malformed country", adm("purchase", country="", phase=None))
    a("mode counter before the epoch", adm(mode_count=0, at=-1))
    a("input is checked before age", adm(birth="2020-13-01"))
    # 2. age, every operation, exactly on the birthday
    a("18 today is admitted", adm(birth="2008-11-20"))
    a("18 tomorrow is refused", adm(birth="2008-11-21"))
    a("minor purchase refused", adm("purchase", birth="2010-01-01"))
    a("minor onboarding refused", adm("creator_onboarding", birth="2010-01-01", phase=None))
    a("29 February birthday: 28 Feb is not yet 18", adm(birth="2008-02-29", now=ms(2026, 2, 28, 12), at=0))
    a("29 February birthday: 1 March is 18", adm(birth="2008-02-29", now=ms(2026, 3, 1, 12), at=0))
    a("age beats pause, caps and the throttle",
      adm(birth="2010-01-01", phase="pause", mode="soft_launch", mode_count=5000, overloaded=True))
    # 3. registration, signup only
    a("internal test: allowlist required", adm(mode="internal_test"))
    a("internal test: not on allowlist", adm(mode="internal_test", on_allowlist=False))
    a("internal test: allowlisted", adm(mode="internal_test", on_allowlist=True))
    a("internal test: purchase needs no allowlist", adm("purchase", mode="internal_test"))
    a("closed beta: invite code required", adm(mode="closed_beta"))
    a("closed beta: blank invite code", adm(mode="closed_beta", invite_code="  "))
    a("closed beta: unknown invite code", adm(mode="closed_beta", invite_code="NOPE"))
    a("closed beta: record of another code", adm(mode="closed_beta", invite_code="NOPE", invite=inv))
    a("closed beta: invite code, any case", adm(mode="closed_beta", invite_code=" welcome-1 ", invite=inv))
    a("closed beta: invite at max uses - 1",
      adm(mode="closed_beta", invite_code="WELCOME-1", invite={**inv, "used_count": 4}))
    a("closed beta: invite depleted",
      adm(mode="closed_beta", invite_code="WELCOME-1", invite={**inv, "used_count": 5}))
    a("registration before the paused country", adm(mode="closed_beta", phase="pause"))
    a("closed beta: onboarding needs no invite", adm("creator_onboarding", mode="closed_beta"))
    # 4. country
    for mode in MODES:
        for op in KIND_OF:
            extra = {"on_allowlist": True} if mode == "internal_test" else {}
            if mode == "closed_beta":
                extra = {"invite_code": "WELCOME-1", "invite": inv}
            a(f"paused country: {op} in {mode}", adm(op, mode=mode, phase="pause", **extra))
    a("soft launch: CZ with a soft phase is admitted (phase beats the list)",
      adm(mode="soft_launch", country="CZ", phase="soft"))
    a("soft launch: CZ with an alpha phase is admitted", adm(mode="soft_launch", country="cz", phase="alpha"))
    a("soft launch: CZ without a phase is not allowed", adm(mode="soft_launch", country="CZ", phase=None))
    a("soft launch: IT without a phase follows the list", adm(mode="soft_launch", country="IT", phase=None))
    a("closed beta: US with a phase is admitted",
      adm(mode="closed_beta", country="US", phase="alpha", invite_code="WELCOME-1", invite=inv))
    a("closed beta: IT without a phase is not allowed",
      adm(mode="closed_beta", country="IT", phase=None, invite_code="WELCOME-1", invite=inv))
    a("closed beta: purchase in an unlisted country without a phase", adm("purchase", mode="closed_beta",
                                                                         country="US", phase=None))
    a("global launch: any country without a phase", adm(country="BR", phase=None))
    a("ineligible country refused for a signup even with a phase", adm(country="KP", phase="public"),
      {"launch": {"ineligible_countries": ["KP"]}}, ineligible=("KP",))
    a("ineligible country does not refuse a purchase", adm("purchase", country="KP", phase=None),
      {"launch": {"ineligible_countries": ["KP"]}}, ineligible=("KP",))
    a("country before the cap", adm(mode="soft_launch", country="US", phase=None, mode_count=2000))
    # 5. caps, count < cap
    for mode, cap in [("internal_test", 50), ("closed_beta", 500), ("soft_launch", 2000)]:
        extra = {"on_allowlist": True} if mode == "internal_test" else {}
        if mode == "closed_beta":
            extra = {"invite_code": "WELCOME-1", "invite": inv}
        a(f"{mode}: mode cap at {cap - 1}", adm(mode=mode, mode_count=cap - 1, **extra))
        a(f"{mode}: mode cap at {cap}", adm(mode=mode, mode_count=cap, **extra))
        a(f"{mode}: yesterday's full counter resets", adm(mode=mode, mode_count=cap, at=NOW - DAY, **extra))
    a("global launch: no mode cap", adm(mode_count=10_000_000))
    a("mode counter stamped tomorrow counts as today's",
      adm(mode="soft_launch", mode_count=2000, at=NOW + DAY))
    for phase, caps in CAPS.items():
        if phase == "pause":
            continue
        for op, kind in KIND_OF.items():
            cap = caps[KINDS.index(kind)]
            a(f"{phase} {kind} cap at {cap - 1}", adm(op, phase=phase, country_count=cap - 1))
            a(f"{phase} {kind} cap at {cap}", adm(op, phase=phase, country_count=cap))
    a("both caps full: the mode's is named", adm(mode="soft_launch", phase="alpha", mode_count=2000,
                                                 country_count=100))
    a("mode cap room, phase users cap full", adm(mode="soft_launch", phase="alpha", mode_count=1999,
                                                 country_count=100))
    a("override to 0 blocks purchases", adm("purchase", overrides={"payments": 0}))
    a("override raises the public users cap", adm(phase="public", country_count=10_000,
                                                  overrides={"users": 20_000}))
    a("override of another kind does not apply", adm(phase="public", country_count=10_000,
                                                     overrides={"payments": 20_000}))
    a("country counter from yesterday resets", adm(phase="alpha", country_count=100, at=NOW - DAY))
    a("cap retry at exactly midnight is the next midnight",
      adm(phase="alpha", country_count=100, now=ms(2026, 11, 21), at=ms(2026, 11, 21)))
    a("cap retry one ms before midnight", adm(phase="alpha", country_count=100, now=ms(2026, 11, 21) - 1,
                                              at=ms(2026, 11, 20)))
    a("cap beats the throttle", adm(phase="alpha", country_count=100, overloaded=True, queue_length=7))
    a("paused country beats the throttle", adm(phase="pause", overloaded=True))
    a("mode's country list beats the throttle", adm(mode="soft_launch", country="US", phase=None, overloaded=True))
    a("registration beats the throttle", adm(mode="internal_test", overloaded=True))
    a("mode cap beats the throttle", adm(mode="soft_launch", mode_count=2000, overloaded=True))
    a("overloaded purchase still capped", adm("purchase", phase="alpha", country_count=1000, overloaded=True))
    a("queue position near 2^53", adm(overloaded=True, queue_length=2 ** 53 - 2))
    # 6. throttle
    a("overloaded signup is queued first in line", adm(overloaded=True))
    a("overloaded signup behind 41 others", adm(overloaded=True, queue_length=41))
    a("overloaded onboarding is queued", adm("creator_onboarding", overloaded=True, queue_length=3))
    a("overloaded purchase passes", adm("purchase", overloaded=True, queue_length=3))
    a("queue length ignored when not overloaded", adm(queue_length=99))
    a("host policy: queue retry after 2 minutes", adm(overloaded=True), {"admission": {"queue_retry_ms": 120_000}},
      queue_retry=120_000)
    out.append(case("invalid policy: queue retry of 0", "admit", adm(), error="INVALID_INPUT",
                    policy={"admission": {"queue_retry_ms": 0}}))
    # host cap policies
    a("host policy: soft launch cap of 3", adm(mode="soft_launch", mode_count=3),
      {"launch": {"soft_launch": {"daily_cap": 3}}},
      modes={**MODES, "soft_launch": {**MODES["soft_launch"], "daily_cap": 3}})
    a("host policy: alpha creators cap of 1", adm("creator_onboarding", phase="alpha", country_count=1),
      {"rollout": {"alpha": {"creators": 1}}}, caps={**CAPS, "alpha": (100, 1000, 1)})

    for t, name in [(NOW, "midday"), (ms(2026, 11, 21), "exactly midnight"), (ms(2026, 11, 21) - 1, "one ms before"),
                    (0, "the epoch"), (-1, "one ms before the epoch"), (ms(2028, 2, 28, 23, 59, 59, 999), "leap")]:
        out.append(case(f"next UTC midnight after {name}", "next_utc_midnight", {"now_ms": t},
                        {"retry_at_ms": (t // DAY + 1) * DAY}))
    return out


# ------------------------------------------------------------------------------------------
# §15.1 severity and routing
SEVERITY = {
    "health_down": "p0", "health_degraded": "p1",
    "alert_payment_failure_rate": "p0", "alert_error_rate": "p1", "alert_crash_free_sessions": "p1",
    "alert_token_spend_spike": "p1",
    "region_risk_critical": "p0", "region_risk_high": "p2",
    "fraud_creator_ring": "p0", "fraud_payment_burst": "p0", "fraud_device_farming": "p2",
    "load_overloaded": "p0",
    "limiter_store_failing": "p1", "limiter_violations": "p2",
    "country_cap_near_limit": "p3",
    "ledger_finding": "p0",
    "release_roll_back": "p1", "release_compliance_hold": "p2",
    "secret_overdue": "p2", "secret_due_soon": "p3",
    "host_data_loss": "p0", "host_security_breach": "p0", "host_critical_backup_failed": "p0",
    "host_backup_failed": "p1",
}
ORDER = list(SEVERITY)  # the table's order
ROUTES = {"p0": (["pager", "chat"], 5 * MINUTE), "p1": (["chat"], 15 * MINUTE), "p2": (["chat"], HOUR),
          "p3": (["ticket"], None)}


def end_of_next_business_day(t):
    d = dt.datetime.fromtimestamp(t // 1000, UTC).date() if t >= 0 else (
        dt.date(1970, 1, 1) + dt.timedelta(days=t // DAY))
    d = d + dt.timedelta(days=1)
    while d.weekday() >= 5:
        d = d + dt.timedelta(days=1)
    return (d - dt.date(1970, 1, 1)).days * DAY + DAY - 1


def ref_route(sev, t, routes=ROUTES):
    channels, within = routes[sev]
    return {"severity": sev, "channels": channels,
            "ack_by_ms": t + within if within is not None else end_of_next_business_day(t)}


def ref_signals(r, violations=1000, warn_bp=8000):
    s = r["source"]
    out = []
    if s == "health":
        out += {"down": ["health_down"], "degraded": ["health_degraded"]}.get(r["overall"], [])
    elif s == "alerts":
        out += ["alert_" + k for k in r["alerts"]]
    elif s == "region_risk":
        out += {"critical": ["region_risk_critical"], "high": ["region_risk_high"]}.get(r["level"], [])
    elif s == "fraud_shield":
        out += ["fraud_" + k for k in r["signals"]]
    elif s == "load":
        out += ["load_overloaded"] if r["overloaded"] else []
    elif s == "rate_limiter":
        out += ["limiter_store_failing"] if r.get("store_failing") else []
        out += ["limiter_violations"] if r.get("violations_last_hour", 0) > violations else []
    elif s == "country_cap":
        out += ["country_cap_near_limit"] if r["cap"] > 0 and r["count"] * 10000 >= r["cap"] * warn_bp else []
    elif s == "ledger_check":
        out += ["ledger_finding"] if r["findings"] > 0 else []
    elif s == "release_gate":
        if r["action"] == "roll_back":
            out.append("release_roll_back")
        elif r["action"] == "hold" and r.get("hold_reason") == "compliance_gate":
            out.append("release_compliance_hold")
    elif s == "secret":
        out += {"overdue": ["secret_overdue"], "due_soon": ["secret_due_soon"]}.get(r["state"], [])
    elif s == "host_event":
        out.append("host_" + r["event"])
    return sorted(set(out), key=ORDER.index)


def ref_triage(r, t, sev=SEVERITY, **kw):
    incidents = [{"signal": s, "severity": sev[s]} for s in ref_signals(r, **kw)]
    worst = min((i["severity"] for i in incidents), default=None)
    return {"incidents": incidents, "severity": worst, "route": ref_route(worst, t) if worst else None}


# §15.3 release gate
STAGES = {"android": [10, 50, 100], "ios": [1, 2, 5, 10, 20, 50, 100], "web": [10, 100], "backend": [10, 100]}
GATES = ["terms_of_service", "privacy_policy", "age_gate", "kyc_provider", "content_moderation", "refund_policy",
         "data_export", "data_deletion", "cookie_consent"]
ALL_PASS = [{"gate": g, "status": "pass"} for g in GATES]


def ref_failing(gates, required=GATES):
    names = [g["gate"] for g in gates]
    if len(names) != len(set(names)):
        return None
    got = {g["gate"]: g["status"] for g in gates}
    return [{"gate": g, "status": got.get(g)} for g in required if got.get(g) != "pass"]


def ref_release(req, stages=STAGES, min_sessions=1000, rollback_bp=100, hold_bp=50, soak=DAY, crash_bp=9900):
    st = stages[req["channel"]]
    if req["stage_percent"] not in st:
        return None, "INVALID_INPUT"
    cf = req.get("crash_free_bp")
    if req["error_bp"] > 10000 or (cf is not None and cf > 10000):
        return None, "INVALID_INPUT"
    failing = ref_failing(req.get("gates", []))
    if failing is None:
        return None, "INVALID_INPUT"
    d = {"action": "hold", "next_percent": req["stage_percent"], "hold_reason": None, "hold_until_ms": None,
         "rollback_reasons": [], "failing_gates": [], "pause_phased_release": False, "flags_off": False}
    mobile = req["channel"] in ("android", "ios")
    if req["sessions"] < min_sessions:
        return {**d, "hold_reason": "insufficient_sessions"}, None
    if mobile and cf is None:
        return {**d, "hold_reason": "missing_crash_free_rate"}, None
    reasons = []
    if req["error_bp"] > rollback_bp:
        reasons.append("error_rate")
    if cf is not None and cf < crash_bp:
        reasons.append("crash_free_sessions")
    if reasons:
        ios = req["channel"] == "ios"
        return {**d, "action": "roll_back", "next_percent": 0, "rollback_reasons": reasons,
                "pause_phased_release": ios, "flags_off": ios}, None
    if failing:
        return {**d, "hold_reason": "compliance_gate", "failing_gates": failing}, None
    if req["now_ms"] - req["entered_at_ms"] < soak:
        return {**d, "hold_reason": "soak_time", "hold_until_ms": req["entered_at_ms"] + soak}, None
    if req["error_bp"] >= hold_bp:
        return {**d, "hold_reason": "error_rate_elevated"}, None
    i = st.index(req["stage_percent"])
    if i + 1 < len(st):
        return {**d, "action": "advance", "next_percent": st[i + 1]}, None
    return {**d, "action": "complete", "next_percent": 100}, None


def rel(channel="android", stage=10, entered=NOW - 2 * DAY, now=NOW, sessions=5000, error_bp=10, crash=9950,
        gates=None):
    r = {"channel": channel, "stage_percent": stage, "entered_at_ms": entered, "now_ms": now, "sessions": sessions,
         "error_bp": error_bp, "gates": ALL_PASS if gates is None else gates}
    if crash is not None:
        r["crash_free_bp"] = crash
    return r


# §15.4 deploys, secrets, migrations
def ref_deploy(req):
    if req["author"] == "":
        return None, "INVALID_INPUT"
    failing = ref_failing(req.get("gates", []))
    if failing is None:
        return None, "INVALID_INPUT"
    failures = []
    if req["environment"] == "production":
        failures += [{"kind": "gate_not_passed", "gate": f["gate"], "status": f["status"]} for f in failing]
        ap = req.get("approver")
        if ap is None or ap.strip() == "":
            failures.append({"kind": "approval_missing", "gate": None, "status": None})
        elif ap == req["author"]:
            failures.append({"kind": "self_approval", "gate": None, "status": None})
    ok = not failures
    return {"allowed": ok, "code": None if ok else "DEPLOY_BLOCKED", "failures": failures}, None


SECRET_MAX = 90 * DAY  # 7 776 000 000
SECRET_SOON = 76 * DAY


def ref_secret(rotated, now, max_age=SECRET_MAX, soon=SECRET_SOON):
    r = min(rotated, now)
    a = now - r
    state = "overdue" if a >= max_age else "due_soon" if a >= soon else "current"
    return {"state": state, "age_ms": a, "due_at_ms": r + max_age}


def parse_version(v):
    parts = v.split(".")
    if len(parts) != 3 or not all(re.fullmatch(r"[0-9]{1,20}", p) for p in parts):
        return None
    t = tuple(int(p) for p in parts)
    return t if all(x < 2 ** 64 for x in t) else None


def ref_migration(req):
    cur, tgt = parse_version(req["current"]), parse_version(req["target"])
    if cur is None or tgt is None:
        return None, "INVALID_INPUT"
    dry = req.get("dry_run", False)
    if cur == tgt:
        return {"action": "no_op", "dry_run": dry}, None
    if (req["direction"] == "up") != (tgt > cur):
        return None, "INVALID_INPUT"
    if req["environment"] == "production" and not dry and not req.get("force", False):
        return None, "MIGRATION_FORCE_REQUIRED"
    return {"action": "run", "dry_run": dry}, None


def ops_cases():
    out = []

    def tr(name, result, t=NOW, policy=None, sev=SEVERITY, **kw):
        out.append(case(name, "triage", {"result": result, "raised_at_ms": t}, ref_triage(result, t, sev, **kw),
                        policy=policy))

    # every row of the table
    tr("health down", {"source": "health", "overall": "down"})
    tr("health degraded", {"source": "health", "overall": "degraded"})
    tr("health healthy raises nothing", {"source": "health", "overall": "healthy"})
    for k in ["payment_failure_rate", "error_rate", "crash_free_sessions", "token_spend_spike"]:
        tr(f"alert {k}", {"source": "alerts", "alerts": [k]})
    tr("alerts: payment failures and error rate take the highest", {"source": "alerts",
                                                                    "alerts": ["error_rate", "payment_failure_rate"]})
    tr("alerts: none", {"source": "alerts", "alerts": []})
    for lvl in ["low", "medium", "high", "critical"]:
        tr(f"region risk {lvl}", {"source": "region_risk", "level": lvl})
    for s in ["creator_ring", "payment_burst", "device_farming"]:
        tr(f"fraud {s}", {"source": "fraud_shield", "signals": [s]})
    tr("fraud: two farming devices are one signal", {"source": "fraud_shield",
                                                     "signals": ["device_farming", "device_farming"]})
    tr("fraud: farming and a ring", {"source": "fraud_shield", "signals": ["device_farming", "creator_ring"]})
    tr("load overloaded", {"source": "load", "overloaded": True})
    tr("load fine", {"source": "load", "overloaded": False})
    tr("limiter store failing", {"source": "rate_limiter", "store_failing": True})
    tr("limiter: 1 000 violations in an hour is not more than 1 000", {"source": "rate_limiter",
                                                                       "violations_last_hour": 1000})
    tr("limiter: 1 001 violations in an hour", {"source": "rate_limiter", "violations_last_hour": 1001})
    tr("limiter: failing store and violations", {"source": "rate_limiter", "store_failing": True,
                                                 "violations_last_hour": 5000})
    tr("country cap at 79.9 %", {"source": "country_cap", "count": 799, "cap": 1000})
    tr("country cap at 80 %", {"source": "country_cap", "count": 800, "cap": 1000})
    tr("country cap at 80 % of 10", {"source": "country_cap", "count": 8, "cap": 10})
    tr("country cap 7 of 9 is below 80 %", {"source": "country_cap", "count": 7, "cap": 9})
    tr("country cap full", {"source": "country_cap", "count": 100, "cap": 100})
    tr("country cap of 0 raises nothing", {"source": "country_cap", "count": 0, "cap": 0})
    tr("ledger finding", {"source": "ledger_check", "findings": 3})
    tr("ledger clean", {"source": "ledger_check", "findings": 0})
    tr("release rolled back", {"source": "release_gate", "action": "roll_back"})
    tr("release held on a compliance gate", {"source": "release_gate", "action": "hold",
                                             "hold_reason": "compliance_gate"})
    tr("release held on soak time raises nothing", {"source": "release_gate", "action": "hold",
                                                    "hold_reason": "soak_time"})
    tr("release advanced raises nothing", {"source": "release_gate", "action": "advance"})
    for st in ["overdue", "due_soon", "current"]:
        tr(f"secret {st}", {"source": "secret", "state": st})
    for ev in ["data_loss", "security_breach", "critical_backup_failed", "backup_failed"]:
        tr(f"host event {ev}", {"source": "host_event", "event": ev})
    # routing and the business-day deadline (2026-11-20 is a Friday)
    for d, label in [(20, "Friday"), (21, "Saturday"), (22, "Sunday"), (23, "Monday"), (26, "Thursday")]:
        tr(f"P3 raised on {label} is due end of next business day", {"source": "secret", "state": "due_soon"},
           t=ms(2026, 11, d, 12))
    tr("P3 raised at 23:59:59.999 on Friday", {"source": "secret", "state": "due_soon"},
       t=ms(2026, 11, 20, 23, 59, 59, 999))
    tr("P3 raised at midnight Saturday", {"source": "secret", "state": "due_soon"}, t=ms(2026, 11, 21))
    tr("P3 raised on 31 December", {"source": "secret", "state": "due_soon"}, t=ms(2026, 12, 31, 8))
    tr("host policy: token spend spike is P0", {"source": "alerts", "alerts": ["token_spend_spike"]},
       policy={"ops": {"severities": {"alert_token_spend_spike": "p0"}}},
       sev={**SEVERITY, "alert_token_spend_spike": "p0"})
    tr("host policy: limiter violations above 10", {"source": "rate_limiter", "violations_last_hour": 11},
       policy={"ops": {"limiter_violations_per_hour": 10}}, violations=10)
    tr("host policy: cap warning at 50 %", {"source": "country_cap", "count": 50, "cap": 100},
       policy={"ops": {"cap_warning_bp": 5000}}, warn_bp=5000)
    out.append(case("invalid policy: a severity row removed", "triage",
                    {"result": {"source": "load", "overloaded": True}, "raised_at_ms": NOW}, error="INVALID_INPUT",
                    policy={"ops": {"severities": {"load_overloaded": None}}}))
    out.append(case("invalid policy: cap warning above 100 %", "triage",
                    {"result": {"source": "load", "overloaded": True}, "raised_at_ms": NOW}, error="INVALID_INPUT",
                    policy={"ops": {"cap_warning_bp": 10001}}))
    for sev in ["p0", "p1", "p2", "p3"]:
        out.append(case(f"route {sev}", "route", {"severity": sev, "raised_at_ms": NOW}, ref_route(sev, NOW)))
    out.append(case("host policy: P1 acknowledged within 10 min", "route", {"severity": "p1", "raised_at_ms": NOW},
                    {"severity": "p1", "channels": ["chat", "pager"], "ack_by_ms": NOW + 10 * MINUTE},
                    policy={"ops": {"routing": {"p1": {"channels": ["chat", "pager"],
                                                       "ack": {"kind": "within_ms", "ms": 600_000}}}}}))
    for sevs, want in [(["p2", "p0", "p3"], "p0"), (["p3"], "p3"), (["p2", "p1"], "p1"), ([], None)]:
        out.append(case(f"incident severity of {sevs}", "incident_severity", {"severities": sevs}, {"severity": want}))

    # §15.2 environments
    for e in ["development", "staging", "production"]:
        out.append(case(f"environment {e}", "parse_environment", {"environment": e}, {"environment": e}))
    for e in ["prod", "Production", "", " staging", "test"]:
        out.append(case(f"environment {e!r} is invalid", "parse_environment", {"environment": e},
                        error="INVALID_INPUT"))

    # §15.3 release gate
    def rg(name, req, policy=None, **kw):
        expect, error = ref_release(req, **kw)
        out.append(case(name, "release_gate", req, expect, error, policy))

    rg("android 10 % advances to 50 %", rel())
    rg("android 50 % advances to 100 %", rel(stage=50))
    rg("android 100 % is complete", rel(stage=100))
    for i, s in enumerate(STAGES["ios"]):
        rg(f"ios {s} % decides", rel("ios", s))
    rg("web 10 % advances to 100 % without a crash-free rate", rel("web", 10, crash=None))
    rg("backend 100 % is complete", rel("backend", 100, crash=None))
    rg("999 sessions hold", rel(sessions=999))
    rg("1 000 sessions decide", rel(sessions=1000))
    rg("insufficient sessions beat a roll back", rel(sessions=999, error_bp=5000))
    rg("android without a crash-free rate holds", rel(crash=None))
    rg("ios without a crash-free rate holds", rel("ios", 5, crash=None))
    rg("error rate 100 bp does not roll back", rel(error_bp=100))
    rg("error rate 101 bp rolls back", rel(error_bp=101))
    rg("crash-free 9 900 bp does not roll back", rel(crash=9900))
    rg("crash-free 9 899 bp rolls back", rel(crash=9899))
    rg("both roll-back reasons", rel(error_bp=300, crash=9000))
    rg("ios roll back pauses the phased release", rel("ios", 20, error_bp=150))
    rg("web crash-free given and low rolls back", rel("web", 10, crash=9000))
    rg("backend error rate rolls back", rel("backend", 10, error_bp=101, crash=None))
    rg("roll back beats a failing gate and soak", rel(error_bp=101, gates=[], entered=NOW))
    rg("a missing gate holds, listing every missing gate", rel(gates=ALL_PASS[:7]))
    rg("a failing and a warning gate hold", rel(gates=[*ALL_PASS[:7], {"gate": "data_deletion", "status": "fail"},
                                                       {"gate": "cookie_consent", "status": "warn"}]))
    rg("no gates at all hold", rel(gates=[]))
    rg("compliance beats soak time", rel(gates=[], entered=NOW))
    rg("a gate listed twice is invalid", rel(gates=[*ALL_PASS, {"gate": "age_gate", "status": "pass"}]))
    rg("one ms under 24 h holds until 24 h", rel(entered=NOW - DAY + 1))
    rg("exactly 24 h advances", rel(entered=NOW - DAY))
    rg("entered in the future holds", rel(entered=NOW + HOUR))
    rg("soak time beats the elevated error rate", rel(entered=NOW - HOUR, error_bp=60))
    rg("error rate 50 bp holds", rel(error_bp=50))
    rg("error rate 49 bp advances", rel(error_bp=49))
    rg("error rate 100 bp holds (elevated, no roll back)", rel(error_bp=100))
    rg("android has no 20 % stage", rel(stage=20))
    rg("web has no 50 % stage", rel("web", 50))
    rg("stage 0 is invalid", rel(stage=0))
    rg("error rate above 10 000 bp is invalid", rel(error_bp=10001))
    rg("crash-free above 10 000 bp is invalid", rel(crash=10001))
    rg("host policy: android 10 -> 100", rel(), {"ops": {"release": {"android_stages": [10, 100]}}},
       stages={**STAGES, "android": [10, 100]})
    rg("host policy: 12 h soak", rel(entered=NOW - 12 * HOUR), {"ops": {"release": {"soak_ms": 43_200_000}}},
       soak=12 * HOUR)
    out.append(case("invalid policy: stages not ending at 100", "release_gate", rel(), error="INVALID_INPUT",
                    policy={"ops": {"release": {"web_stages": [10, 50]}}}))
    out.append(case("invalid policy: hold above roll back", "release_gate", rel(), error="INVALID_INPUT",
                    policy={"ops": {"release": {"hold_error_bp": 101}}}))

    # §15.4 deploy gate
    def dg(name, req):
        expect, error = ref_deploy(req)
        out.append(case(name, "deploy_gate", req, expect, error))

    dg("production with every gate and another approver", {"environment": "production", "gates": ALL_PASS,
                                                           "author": "alice", "approver": "bob"})
    dg("production lists every failure", {"environment": "production",
                                          "gates": [*ALL_PASS[:6], {"gate": "data_export", "status": "warn"}],
                                          "author": "alice", "approver": "alice"})
    dg("production without an approver", {"environment": "production", "gates": ALL_PASS, "author": "alice"})
    dg("production with a blank approver", {"environment": "production", "gates": ALL_PASS, "author": "alice",
                                            "approver": "  "})
    dg("production: self approval", {"environment": "production", "gates": ALL_PASS, "author": "alice",
                                      "approver": "alice"})
    dg("production: approver compared exactly", {"environment": "production", "gates": ALL_PASS, "author": "alice",
                                                 "approver": "Alice"})
    dg("production with a failing gate", {"environment": "production",
                                          "gates": [{"gate": "terms_of_service", "status": "fail"}, *ALL_PASS[1:]],
                                          "author": "alice", "approver": "bob"})
    dg("staging needs nothing", {"environment": "staging", "author": "alice"})
    dg("development needs nothing", {"environment": "development", "gates": [], "author": "alice",
                                     "approver": "alice"})
    dg("an empty author is invalid", {"environment": "development", "author": ""})
    dg("deploy: a gate listed twice is invalid", {"environment": "staging", "author": "a",
                                          "gates": [ALL_PASS[0], ALL_PASS[0]]})

    # secrets
    r0 = NOW - 100 * DAY
    for name, rot in [("rotated today", NOW - HOUR), ("76 days - 1 ms", NOW - SECRET_SOON + 1),
                      ("exactly 76 days", NOW - SECRET_SOON), ("90 days - 1 ms", NOW - SECRET_MAX + 1),
                      ("exactly 90 days (7 776 000 000 ms)", NOW - SECRET_MAX), ("100 days", r0),
                      ("rotated in the future counts as now", NOW + DAY), ("rotated now", NOW)]:
        out.append(case(f"secret {name}", "secret_rotation", {"rotated_at_ms": rot, "now_ms": NOW},
                        ref_secret(rot, NOW)))
    out.append(case("host policy: secrets due at 30 days", "secret_rotation",
                    {"rotated_at_ms": NOW - 30 * DAY, "now_ms": NOW},
                    ref_secret(NOW - 30 * DAY, NOW, 30 * DAY, 20 * DAY),
                    policy={"ops": {"secrets": {"max_age_ms": 30 * DAY, "due_soon_ms": 20 * DAY}}}))
    out.append(case("invalid policy: due soon after due", "secret_rotation", {"rotated_at_ms": NOW, "now_ms": NOW},
                    error="INVALID_INPUT", policy={"ops": {"secrets": {"due_soon_ms": 91 * DAY}}}))

    # migrations
    def mg(name, env, direction, cur, tgt, dry=False, force=False):
        req = {"environment": env, "direction": direction, "current": cur, "target": tgt, "dry_run": dry,
               "force": force}
        expect, error = ref_migration(req)
        out.append(case(name, "migration_permission", req, expect, error))

    mg("up in development", "development", "up", "1.2.3", "1.3.0")
    mg("up in staging", "staging", "up", "1.2.3", "2.0.0")
    mg("up in production without force", "production", "up", "1.2.3", "1.2.4")
    mg("up in production with force", "production", "up", "1.2.3", "1.2.4", force=True)
    mg("dry run in production without force", "production", "up", "1.2.3", "1.2.4", dry=True)
    mg("down in production without force", "production", "down", "1.2.3", "1.2.2")
    mg("down in development", "development", "down", "2.0.0", "1.9.9")
    mg("equal versions: no-op in production", "production", "up", "1.2.3", "1.2.3")
    mg("equal versions: no-op going down", "development", "down", "1.2.3", "1.2.3", dry=True)
    mg("up to a lower version is invalid", "development", "up", "1.2.3", "1.2.2")
    mg("down to a higher version is invalid", "development", "down", "1.2.3", "1.3.0")
    mg("direction is checked before the production force", "production", "down", "1.2.3", "1.3.0")
    mg("numeric comparison: 1.10.0 > 1.9.0", "development", "up", "1.9.0", "1.10.0")
    mg("numeric comparison: 1.10.0 down to 1.9.0", "development", "down", "1.10.0", "1.9.0")
    mg("leading zeros: 1.02.0 equals 1.2.0", "production", "up", "1.2.0", "1.02.0")
    for bad in ["1.2", "1.2.3.4", "v1.2.3", "1.-2.3", "1..3", " 1.2.3", "1.2.3 ", "1.2.x", "",
                "18446744073709551616.0.0"]:
        mg(f"version {bad!r} is invalid", "development", "up", bad, "9.9.9")
    mg("largest u64 part is valid", "development", "up", "18446744073709551614.0.0", "18446744073709551615.0.0")
    return out


if __name__ == "__main__":
    total = 0
    total += write("admission", "Admission, one decision for signups and paid operations (SPEC §13): every step in "
                   "order and what beats what, every cap at cap - 1 and cap for each phase and kind, the mode's caps, "
                   "retry_at_ms at the next UTC midnight (exactly midnight: the next one), the throttle queue. "
                   "Expected values from the independent Python reference tests/vectors/tools/ops_ref.py (datetime "
                   "for ages and UTC days, plain integers for caps), never from the Rust code. now = 2026-11-20 "
                   "12:00 UTC.", admission_cases())
    total += write("ops", "Operations (SPEC §15): the severity table for every result kind with its thresholds "
                   "(> 1 000 violations, >= 80 % of a cap), routing and acknowledgement deadlines (end of the next "
                   "business day in UTC), environments, the release gate in order with every boundary, the deploy "
                   "gate, secret rotation at 76 and 90 days, migration permission. Expected values from the "
                   "independent Python reference tests/vectors/tools/ops_ref.py (integers and datetime), never from "
                   "the Rust code. now = Fri 2026-11-20 12:00 UTC.", ops_cases())
    print("total", total)
