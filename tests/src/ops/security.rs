//! Vector operations of the `security` module (SPEC §10). Secrets and bodies are hex strings.

use super::upload::bytes;
use super::{arg, opt, out, OpResult};
use avalo_core::security::{self, OriginProfile, UrlPurpose};
use avalo_core::Policy;
use serde_json::{json, Value};

/// Runs one `security` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "canonical_request" => (|| {
            Ok(json!({"canonical": security::canonical_request(
                &arg::<String>(i, "timestamp")?,
                &arg::<String>(i, "method")?,
                &arg::<String>(i, "path_and_query")?,
                &bytes(i, "body")?,
            )}))
        })(),
        "sign_request" => (|| {
            security::sign_request(
                &bytes(i, "secret")?,
                arg(i, "timestamp_ms")?,
                &arg::<String>(i, "method")?,
                &arg::<String>(i, "path_and_query")?,
                &bytes(i, "body")?,
            )
        })()
        .and_then(out),
        "verify_request" | "check_request_signature" => (|| {
            let (ts, sig) = (opt::<String>(i, "timestamp")?, opt::<String>(i, "signature")?);
            let r = security::verify_request_signature(
                policy,
                &bytes(i, "secret")?,
                ts.as_deref(),
                sig.as_deref(),
                &arg::<String>(i, "method")?,
                &arg::<String>(i, "path_and_query")?,
                &bytes(i, "body")?,
                arg(i, "now_ms")?,
            );
            match (op, r) {
                ("verify_request", r) => r.map_err(Into::into).and_then(out),
                (_, Ok(v)) => out(security::SignatureCheck::Ok(v)),
                (_, Err(e)) => out(security::SignatureCheck::Error(e)),
            }
        })(),
        "canonical_url" => (|| {
            Ok(json!({"canonical": security::canonical_url(
                &arg::<String>(i, "method")?,
                &arg::<String>(i, "path")?,
                arg(i, "expires_at_ms")?,
                opt::<String>(i, "content_type")?.as_deref(),
                opt(i, "max_bytes")?,
            )}))
        })(),
        "sign_url" => (|| {
            security::sign_url(
                &bytes(i, "secret")?,
                &arg::<String>(i, "method")?,
                &arg::<String>(i, "path")?,
                arg(i, "expires_at_ms")?,
                opt::<String>(i, "content_type")?.as_deref(),
                opt(i, "max_bytes")?,
            )
        })()
        .map(|u| json!({"url": u})),
        "verify_url" => (|| {
            security::verify_url(
                &bytes(i, "secret")?,
                &arg::<String>(i, "method")?,
                &arg::<String>(i, "url")?,
                arg(i, "now_ms")?,
                opt::<String>(i, "content_type")?.as_deref(),
                opt(i, "size_bytes")?,
            )
        })()
        .and_then(out),
        "url_expiry" => (|| {
            Ok(
                json!({"expires_at_ms": security::url_expiry(policy, arg::<UrlPurpose>(i, "purpose")?, arg(i, "now_ms")?)}),
            )
        })(),
        "encode_url_path" => arg::<String>(i, "raw").map(|r| json!({"path": security::encode_url_path(&r)})),
        "normalise_origin" => arg::<String>(i, "origin").map(|o| json!({"origin": security::normalise_origin(&o)})),
        "check_origin" => (|| {
            security::check_origin(policy, opt::<String>(i, "origin")?.as_deref(), arg::<OriginProfile>(i, "profile")?)
        })()
        .and_then(out),
        "check_session_freshness" => {
            (|| security::check_session_freshness(policy, arg(i, "auth_time_ms")?, arg(i, "now_ms")?))().and_then(out)
        }
        _ => return None,
    };
    Some(r)
}
