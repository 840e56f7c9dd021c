#!/usr/bin/env python3
"""Policy upper bounds and production-origin wildcards (issue 14, item 4), written by hand from
the bounds stated in core/src/policy/bounds.rs: for each bound, the bound itself loads, one
more is INVALID_INPUT, and so is the largest JSON-safe integer (the issue's `u64::MAX`-style
typos). `python3 gen_policy_bounds.py --write` appends them to policy.json (replacing cases of
the same name)."""
import json
import sys

BIG = 2**53 - 1
BOUNDS = [  # (section path, field, bound)
    (("security",), "max_clock_skew_ms", 900_000),
    (("security",), "upload_url_ttl_ms", 86_400_000),
    (("security",), "download_url_ttl_ms", 7 * 86_400_000),
    (("security",), "session_max_age_ms", 86_400_000),
    (("payout",), "max_business_days", 60),
    (("payout",), "max_tokens", 10**12),
    (("media",), "max_active_stories", 1_000),
    (("media",), "story_lifetime_ms", 30 * 86_400_000),
    (("spam",), "min_interval_ms", 3_600_000),
    (("spam",), "repeat_window", 1_000),
    (("spam",), "min_graphemes", 1_000),
    (("retry",), "backoff_cap_ms", 86_400_000),
    (("retry",), "max_attempts", 100),
    (("retry",), "backoff_factor", 100),
    (("risk", "fraud"), "window_ms", 30 * 86_400_000),
    (("risk", "health"), "degraded_after_ms", 3_600_000),
    (("launch",), "mode_change_min_reason_chars", 10_000),
    (("ranking",), "daily_like_limit", 1_000_000),
    (("ranking",), "photos_for_full", 100),
    (("upload",), "max_name_chars", 4_096),
]
U32 = {"max_business_days", "max_active_stories", "repeat_window", "min_graphemes", "max_attempts",
       "mode_change_min_reason_chars", "daily_like_limit", "photos_for_full", "max_name_chars"}


def patch(sections, field, value):
    inner = {field: value}
    for s in reversed(sections):
        inner = {s: inner}
    return inner


def cases():
    out = []
    for sections, field, bound in BOUNDS:
        dotted = ".".join(sections + (field,))
        out.append({"name": f"{dotted} at its bound {bound} loads", "op": "policy_info", "input": {},
                    "policy": patch(sections, field, bound), "expect": {"version": "2026.11"}})
        out.append({"name": f"{dotted} above its bound ({bound + 1}) is refused", "op": "policy_info", "input": {},
                    "policy": patch(sections, field, bound + 1), "error": "INVALID_INPUT"})
        huge = 2**32 - 1 if field in U32 else BIG
        out.append({"name": f"{dotted} = {huge} is refused", "op": "policy_info", "input": {},
                    "policy": patch(sections, field, huge), "error": "INVALID_INPUT"})
    default_prod = ["https://avalo-c8c46.web.app", "https://avalo-c8c46.firebaseapp.com", "https://admin.avalo.app",
                    "https://avalo.app", "exp://*", "avalo://*"]
    for entry in ["https://*", "http://*", "HTTPS://*", "wss://*", "ws://*"]:
        out.append({"name": f"production origin {entry} is refused", "op": "policy_info", "input": {},
                    "policy": {"security": {"production_origins": default_prod + [entry]}}, "error": "INVALID_INPUT"})
    for entry in ["https://*.example.com", "*.example.com", "https://*.avalo.app"]:
        out.append({"name": f"host wildcard {entry} is refused", "op": "policy_info", "input": {},
                    "policy": {"security": {"production_origins": default_prod + [entry]}}, "error": "INVALID_INPUT"})
    out.append({"name": "app-scheme wildcard myapp://* is allowed in production", "op": "policy_info", "input": {},
                "policy": {"security": {"production_origins": default_prod + ["myapp://*"]}},
                "expect": {"version": "2026.11"}})
    out.append({"name": "https://* stays allowed in the development list", "op": "policy_info", "input": {},
                "policy": {"security": {"development_origins": ["https://*"]}}, "expect": {"version": "2026.11"}})
    out.append({"name": "65 production origins are refused", "op": "policy_info", "input": {},
                "policy": {"security": {"production_origins": [f"https://a{i}.avalo.app" for i in range(65)]}},
                "error": "INVALID_INPUT"})
    return out


if __name__ == "__main__":
    new = cases()
    if "--write" in sys.argv:
        path = __file__.rsplit("/", 2)[0] + "/policy.json"
        doc = json.load(open(path))
        names = {c["name"] for c in new}
        doc["cases"] = [c for c in doc["cases"] if c["name"] not in names] + new
        with open(path, "w") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False)
            f.write("\n")
    else:
        print(json.dumps(new, indent=1))
