//! Facade of `core/src/upload/`: MIME whitelist, file names, sniffing, the upload verdict,
//! storage paths and the streaming SHA-256 (SPEC §9.1–9.5, 9.7).
//!
//! Bytes cross as `Uint8Array` (anything else is `INVALID_INPUT`). [`Sha256Stream`] is a class:
//! `new Sha256Stream()`, `update(chunk)` any number of times, `finish()` for the hex digest.

use crate::convert::{from_js, millis, text, to_js, JsResult};
use crate::Policy;
use avalo_core::upload as rules;
use avalo_core::upload::{CheckedName, MimeInfo, Sniffed, UploadRequest, UploadVerdict};
use avalo_core::Error;
use js_sys::{JsString, Number, Uint8Array};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// A `Uint8Array` parameter as bytes; any other value is `INVALID_INPUT`.
pub(crate) fn bytes(value: &JsValue, name: &str) -> avalo_core::Result<Vec<u8>> {
    value.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec).ok_or_else(|| {
        Error::invalid(format!(
            "{name} must be a Uint8Array, got {}",
            value.js_typeof().as_string().unwrap_or_default()
        ))
    })
}

/// A core millisecond time as a JS number; beyond ±(2^53 − 1) is `INVALID_INPUT`.
pub(crate) fn millis_number(value: i64, name: &str) -> avalo_core::Result<f64> {
    if value.unsigned_abs() > crate::convert::MAX_SAFE_INTEGER {
        return Err(Error::invalid(format!("{name} {value} is beyond Number.MAX_SAFE_INTEGER")));
    }
    Ok(value as f64)
}

/// Validates an upload: MIME → purpose/kind → size → file name → extension/MIME → sniffing, the
/// first failure thrown with its code (`MIME_TYPE_NOT_ALLOWED`, `PURPOSE_KIND_MISMATCH`,
/// `FILE_EMPTY`, `FILE_TOO_LARGE`, `INVALID_FILENAME`, `DANGEROUS_FILE_EXTENSION`,
/// `EXTENSION_MIME_MISMATCH`, `CONTENT_TYPE_MISMATCH`; `INVALID_INPUT` for a bad user id,
/// content hash or head length). On success: the sanitised name, kind and storage path.
#[wasm_bindgen(js_name = validateUpload)]
pub fn validate_upload(policy: &Policy, request: Ts<UploadRequest>) -> JsResult<Ts<UploadVerdict>> {
    let v = rules::validate_upload(policy.core(), &from_js(&request)?)?;
    Ok(to_js(&v)?)
}

/// What the whitelist says about a declared MIME type; not on it is `MIME_TYPE_NOT_ALLOWED`.
#[wasm_bindgen(js_name = mimeInfo)]
pub fn mime_info(#[wasm_bindgen(js_name = mimeType)] mime_type: JsString) -> JsResult<Ts<MimeInfo>> {
    Ok(to_js(&rules::mime_info(&text(&mime_type, "mimeType")?)?)?)
}

/// Sanitises a file name (SPEC §9.3; `maxChars` is 200 in the default policy, counted in Unicode
/// scalar values). Empty or a reserved device name is `INVALID_FILENAME`.
#[wasm_bindgen(js_name = sanitiseFileName)]
pub fn sanitise_file_name(name: JsString, #[wasm_bindgen(js_name = maxChars)] max_chars: Number) -> JsResult<String> {
    let max = crate::convert::uint32(&max_chars, "maxChars")? as usize;
    Ok(rules::sanitise_file_name(&text(&name, "name")?, max)?)
}

/// Checks a file name against a declared MIME type: sanitised, no dangerous final extension,
/// an extension that fits the type (or the canonical one appended).
#[wasm_bindgen(js_name = checkFileName)]
pub fn check_file_name(
    policy: &Policy,
    name: JsString,
    #[wasm_bindgen(js_name = mimeType)] mime_type: JsString,
) -> JsResult<Ts<CheckedName>> {
    let c = rules::check_file_name(policy.core(), &text(&name, "name")?, &text(&mime_type, "mimeType")?)?;
    Ok(to_js(&c)?)
}

/// What the first bytes of a file are (never throws for any bytes).
#[wasm_bindgen]
pub fn sniff(#[wasm_bindgen(unchecked_param_type = "Uint8Array")] head: JsValue) -> JsResult<Ts<Sniffed>> {
    Ok(to_js(&rules::sniff(&bytes(&head, "head")?))?)
}

/// Checks a user id (1–128 of `[A-Za-z0-9_-]`), else `INVALID_INPUT`.
#[wasm_bindgen(js_name = validateUserId)]
pub fn validate_user_id(#[wasm_bindgen(js_name = userId)] user_id: JsString) -> JsResult<()> {
    Ok(rules::validate_user_id(&text(&user_id, "userId")?)?)
}

/// The content id (first 16 hex characters, lower case) of a hex SHA-256.
#[wasm_bindgen(js_name = contentId)]
pub fn content_id(sha256: JsString) -> JsResult<String> {
    Ok(rules::content_id(&text(&sha256, "sha256")?)?)
}

/// `media/{userId}/{folder}/{yyyy}/{mm}/{contentId}_{fileName}`; `fileName` must already be
/// sanitised (`INVALID_FILENAME` otherwise), `folder` a purpose or kind name.
#[wasm_bindgen(js_name = storagePath)]
pub fn storage_path(
    policy: &Policy,
    #[wasm_bindgen(js_name = userId)] user_id: JsString,
    folder: JsString,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
    #[wasm_bindgen(js_name = contentSha256)] content_sha256: JsString,
    #[wasm_bindgen(js_name = fileName)] file_name: JsString,
) -> JsResult<String> {
    Ok(rules::storage_path(
        policy.core(),
        &text(&user_id, "userId")?,
        &text(&folder, "folder")?,
        millis(&now_ms, "nowMs")?,
        &text(&content_sha256, "contentSha256")?,
        &text(&file_name, "fileName")?,
    )?)
}

/// Lower-case hex SHA-256 of bytes (one shot).
#[wasm_bindgen(js_name = sha256Hex)]
pub fn sha256_hex(#[wasm_bindgen(unchecked_param_type = "Uint8Array")] data: JsValue) -> JsResult<String> {
    Ok(rules::sha256_hex(&bytes(&data, "data")?))
}

/// Whether two uploads are duplicates (equal SHA-256 hex, any case).
#[wasm_bindgen(js_name = isDuplicate)]
pub fn is_duplicate(a: JsString, b: JsString) -> JsResult<bool> {
    Ok(rules::is_duplicate(&text(&a, "a")?, &text(&b, "b")?))
}

/// A streaming SHA-256: `update(chunk)` with `Uint8Array` chunks of any size, `finish()` for
/// the lower-case hex digest of everything so far (it does not reset; `reset()` does).
#[wasm_bindgen]
pub struct Sha256Stream {
    inner: rules::Sha256Stream,
    scratch: Vec<u8>,
}

/// Chunks are copied into wasm memory through this much scratch space at a time.
const SCRATCH: u32 = 256 * 1024;

#[wasm_bindgen]
impl Sha256Stream {
    /// A fresh hasher.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Sha256Stream {
        Sha256Stream { inner: rules::Sha256Stream::new(), scratch: Vec::new() }
    }

    /// Feeds the next chunk (a `Uint8Array`, else `INVALID_INPUT`).
    pub fn update(&mut self, #[wasm_bindgen(unchecked_param_type = "Uint8Array")] chunk: JsValue) -> JsResult<()> {
        let array = chunk.dyn_ref::<Uint8Array>().ok_or_else(|| Error::invalid("chunk must be a Uint8Array"))?;
        let len = array.length();
        let mut at = 0;
        while at < len {
            let end = len.min(at + SCRATCH);
            self.scratch.resize((end - at) as usize, 0);
            array.subarray(at, end).copy_to(&mut self.scratch);
            self.inner.update(&self.scratch);
            at = end;
        }
        Ok(())
    }

    /// Bytes fed so far.
    #[wasm_bindgen(getter, js_name = bytesHashed)]
    pub fn bytes_hashed(&self) -> JsResult<f64> {
        Ok(crate::convert::number(self.inner.bytes_hashed(), "bytesHashed")?)
    }

    /// The lower-case hex digest of everything fed so far.
    pub fn finish(&self) -> String {
        self.inner.finish()
    }

    /// The raw 32-byte digest of everything fed so far.
    #[wasm_bindgen(js_name = finishBytes)]
    pub fn finish_bytes(&self) -> Vec<u8> {
        self.inner.finish_bytes().to_vec()
    }

    /// Forgets everything fed so far.
    pub fn reset(&mut self) {
        self.inner.reset();
    }
}
