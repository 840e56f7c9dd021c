//! The declared exceptions: everything the UniFFI metadata cannot say about the vectors' JSON.
//!
//! The metadata gives every exported function (name, parameters, types) and every record and
//! enum (fields, variants). The vectors add three things it does not know: where an argument
//! comes from when its input key is not the parameter's name, the key under which a scalar
//! result is wrapped (the Rust runner's `json!({"words": …})`), and serde's renames and enum
//! tagging. Names are the Rust ones (snake_case functions and fields, CamelCase types).

/// Where one argument of an operation comes from in the case's `input` object.
pub enum Source {
    /// The whole `input` object (a request record whose fields are the input keys).
    Whole,
    /// A record built field by field from input keys: `(field, key)` pairs.
    Fields(&'static [(&'static str, &'static str)]),
}

/// Arguments whose input key is not the parameter's name: `(op, parameter, source)`.
pub const PARAMS: &[(&str, &str, Source)] = &[
    ("convert_from_pln", "pln", Source::Fields(&[("amount", "amount"), ("currency", "from")])),
    ("pln_to_tokens", "pln", Source::Fields(&[("amount", "amount"), ("currency", "currency")])),
    ("quote_withdrawal", "request", Source::Whole),
    ("check_signup", "request", Source::Whole),
    ("check_mode_change", "request", Source::Whole),
    ("check_country_cap", "request", Source::Whole),
    ("region_risk", "metrics", Source::Whole),
    ("fraud_shield", "window", Source::Whole),
    ("check_load", "metrics", Source::Whole),
    ("campaign_metrics", "campaign", Source::Whole),
    ("check_alerts", "metrics", Source::Whole),
    ("validate_upload", "request", Source::Whole),
    ("decide_like", "request", Source::Whole),
    ("admit", "request", Source::Whole),
    ("release_gate", "request", Source::Whole),
    ("deploy_gate", "request", Source::Whole),
    ("migration_permission", "request", Source::Whole),
];

/// Operations whose result is a scalar or a list, wrapped as `{key: result}` like the Rust
/// runner does: `(op, key)`. An operation returning nothing answers `{"valid": true}`.
pub const RESULT_KEYS: &[(&str, &str)] = &[
    ("count_words", "words"),
    ("count_words_batch", "words"),
    ("words_per_token", "words_per_token"),
    ("flag_bucket", "bucket"),
    ("normalize_country", "country"),
    ("check_media_access", "grant"),
    ("story_expiry", "expires_at_ms"),
    ("basis_points", "bp"),
    ("pln_to_tokens", "tokens"),
    ("list_packs", "packs"),
    ("register_referral", "referrer_id"),
    ("tier_for_spend", "tier"),
    ("decide_batch", "decisions"),
    ("list_actions", "actions"),
    ("failure_policy", "on_failure"),
    ("hash_subject", "key"),
    ("next_market", "country"),
    ("haversine_km", "km"),
    ("canonical_request", "canonical"),
    ("canonical_url", "canonical"),
    ("sign_url", "url"),
    ("url_expiry", "expires_at_ms"),
    ("encode_url_path", "path"),
    ("normalise_origin", "origin"),
    ("content_id", "content_id"),
    ("storage_path", "storage_path"),
    ("sha256_hex", "sha256"),
    ("is_duplicate", "duplicate"),
    ("policy_problems", "problems"),
    ("sanitise_text", "text"),
    ("escape_html", "text"),
    ("is_linkable", "linkable"),
    ("next_utc_midnight", "retry_at_ms"),
    ("incident_severity", "severity"),
    ("parse_environment", "environment"),
    ("policy_signing_input", "signing_input"),
    ("ed25519_verify_strict", "valid"),
];

/// Operations written by hand in each runner (`Special.kt`, `Special.swift`): composites of
/// several calls, methods of objects, or results the core's serde form extends.
pub const HANDWRITTEN_OPS: &[&str] = &[
    "policy_info",
    "load_policy",
    "parse_money",
    "sanitise_file_name",
    "sha256_stream",
    "activate_policy_envelope",
    "ed25519_sign",
    "diff_policies",
    "ledger_sequence",
    "ledger_key_part",
    "withdrawal_transition",
];

/// How serde writes an enum with data (`#[serde(tag = …)]` or the default external tagging).
pub enum Form {
    /// `{"<tag>": "<variant>", <fields…>}`.
    Internal(&'static str),
    /// `{"<variant>": <the variant's one field>}`, a unit variant as `"<variant>"`.
    External,
}

/// The serde form of every enum with data that a result contains or an argument reads
/// (internally tagged enums with named fields can be read).
pub const ENUM_FORMS: &[(&str, Form)] = &[
    ("RetryDecision", Form::Internal("kind")),
    ("SignatureFailure", Form::Internal("kind")),
    ("SignatureError", Form::Internal("kind")),
    ("SignatureCheck", Form::External),
    ("Sniffed", Form::Internal("result")),
    ("LedgerEvent", Form::Internal("kind")),
    ("OpsResult", Form::Internal("source")),
    ("Admission", Form::Internal("outcome")),
    ("AckDeadline", Form::Internal("kind")),
    ("ClientPolicyVerdict", Form::Internal("verdict")),
];

/// Enums serde writes in SCREAMING_SNAKE_CASE (the rest are snake_case).
pub const SHOUTY_ENUMS: &[&str] = &["ErrorCode", "FindingKind"];

/// Enum fields serde reads with `#[serde(default)]`: the JSON of the default variant when the
/// key is absent, `(record, field, json)`.
pub const ENUM_FIELD_DEFAULTS: &[(&str, &str, &str)] = &[("MediaItem", "context", "feed")];

/// Variant names serde writes otherwise than snake_case: `(enum, variant, json)`.
pub const VARIANT_NAMES: &[(&str, &str, &str)] = &[
    ("SignatureCheck", "Valid", "ok"),
    ("SignatureCheck", "Refused", "error"),
    ("LoadMetric", "SafetyTicketsPer5Min", "safety_tickets_per_5min"),
];

/// Field names serde writes otherwise: `(record or Enum::Variant, field, json)`.
pub const FIELD_NAMES: &[(&str, &str, &str)] = &[("Sniffed::Dangerous", "danger", "class")];

/// Swift only: result fields whose JSON needs a scale `Foundation.Decimal` does not keep
/// (`{}` is the field's value), and records encoded by hand (`enc<Name>` in `Special.swift`).
pub const SWIFT_FIELD_ENCODERS: &[(&str, &str, &str)] =
    &[("PackQuote", "price_per_token", ".string(decimalString({}, scale: 4))")];

/// See [`SWIFT_FIELD_ENCODERS`]; a record or a custom type (Money over MoneyAmount).
pub const SWIFT_HANDWRITTEN_ENCODERS: &[&str] = &["Money"];

/// Enums whose unknown string is the core's `INVALID_INPUT` (the Rust runner parses them with
/// the core, e.g. `ErrorCode::parse`), not a malformed vector.
pub const PARSED_ENUMS: &[&str] = &["ErrorCode"];
