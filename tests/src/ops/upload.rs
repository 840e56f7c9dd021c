//! Vector operations of the `upload` module (SPEC §9.1–9.5, 9.7). Bytes in vectors are hex
//! strings (`"head": "ffd8ffe0…"`).

use super::{arg, opt, out, OpResult, BAD_VECTOR};
use avalo_core::upload::{self, Sha256Stream, UploadPurpose, UploadRequest};
use avalo_core::{Error, Policy};
use serde_json::{json, Value};

/// Decodes a hex string (either case) into bytes.
pub(crate) fn decode_hex(text: &str) -> Result<Vec<u8>, Error> {
    let bad = || Error::invalid(format!("{BAD_VECTOR}: {text:?} is not hex"));
    if text.len() % 2 == 1 {
        return Err(bad());
    }
    (0..text.len())
        .step_by(2)
        .map(|i| text.get(i..i + 2).and_then(|p| u8::from_str_radix(p, 16).ok()).ok_or_else(bad))
        .collect()
}

/// A required hex field as bytes.
pub(crate) fn bytes(input: &Value, key: &str) -> Result<Vec<u8>, Error> {
    decode_hex(&arg::<String>(input, key)?)
}

/// An optional hex field as bytes.
pub(crate) fn opt_bytes(input: &Value, key: &str) -> Result<Option<Vec<u8>>, Error> {
    opt::<String>(input, key)?.map(|h| decode_hex(&h)).transpose()
}

fn request(i: &Value) -> Result<UploadRequest, Error> {
    Ok(UploadRequest {
        mime_type: arg(i, "mime_type")?,
        size_bytes: arg(i, "size_bytes")?,
        file_name: arg(i, "file_name")?,
        purpose: opt::<UploadPurpose>(i, "purpose")?,
        head: opt_bytes(i, "head")?,
        user_id: arg(i, "user_id")?,
        content_sha256: arg(i, "content_sha256")?,
        now_ms: arg(i, "now_ms")?,
    })
}

/// Runs one `upload` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "validate_upload" => request(i).and_then(|r| upload::validate_upload(policy, &r)).and_then(out),
        "mime_info" => arg::<String>(i, "mime_type").and_then(|m| upload::mime_info(&m)).and_then(out),
        "sanitise_file_name" => (|| upload::sanitise_file_name(&arg::<String>(i, "name")?, arg(i, "max_chars")?))()
            .map(|n| json!({"file_name": n, "chars": n.chars().count()})),
        "check_file_name" => {
            (|| upload::check_file_name(policy, &arg::<String>(i, "name")?, &arg::<String>(i, "mime_type")?))()
                .and_then(out)
        }
        "sniff" => bytes(i, "head").map(|h| upload::sniff(&h)).and_then(out),
        "validate_user_id" => {
            arg::<String>(i, "user_id").and_then(|u| upload::validate_user_id(&u)).map(|()| json!({"valid": true}))
        }
        "content_id" => {
            arg::<String>(i, "sha256").and_then(|h| upload::content_id(&h)).map(|c| json!({"content_id": c}))
        }
        "storage_path" => (|| {
            upload::storage_path(
                policy,
                &arg::<String>(i, "user_id")?,
                &arg::<String>(i, "folder")?,
                arg(i, "now_ms")?,
                &arg::<String>(i, "content_sha256")?,
                &arg::<String>(i, "file_name")?,
            )
        })()
        .map(|p| json!({"storage_path": p})),
        "sha256_hex" => bytes(i, "data").map(|d| json!({"sha256": upload::sha256_hex(&d)})),
        "sha256_stream" => (|| {
            let mut s = Sha256Stream::new();
            for chunk in arg::<Vec<String>>(i, "chunks")? {
                s.update(&decode_hex(&chunk)?);
            }
            Ok(json!({"sha256": s.finish(), "bytes": s.bytes_hashed()}))
        })(),
        "is_duplicate" => {
            (|| Ok(json!({"duplicate": upload::is_duplicate(&arg::<String>(i, "a")?, &arg::<String>(i, "b")?)})))()
        }
        _ => return None,
    };
    Some(r)
}
