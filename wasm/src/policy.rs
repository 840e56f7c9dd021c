//! Facade of `core/src/policy.rs`: the `Policy` class.
//!
//! A `Policy` lives in wasm memory and is parsed and validated once; every function takes it as
//! its first argument, so nothing is re-parsed per call. Instances are freed by the garbage
//! collector (wasm-bindgen's `FinalizationRegistry`) or at once with `policy.free()`.

use crate::convert::{list_from_js, list_to_js, millis, number, text, JsResult};
use avalo_core::policy as rules;
use avalo_core::policy::envelope::KeyringEntry;
use avalo_core::policy::PolicyProblem;
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// A validated, immutable policy (SPEC §1) with its fingerprint.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Policy {
    inner: rules::Policy,
}

impl Policy {
    /// The core policy, for the facade files.
    pub fn core(&self) -> &rules::Policy {
        &self.inner
    }
}

impl From<rules::Policy> for Policy {
    fn from(inner: rules::Policy) -> Self {
        Policy { inner }
    }
}

#[wasm_bindgen]
impl Policy {
    /// The built-in policy: exactly the defaults of SPEC.md.
    #[wasm_bindgen(js_name = "default")]
    pub fn builtin() -> Policy {
        rules::Policy::default().into()
    }

    /// Loads a complete policy from JSON text. A wrong type, a missing or unknown field, or
    /// any validation problem throws `INVALID_INPUT` naming the JSON path.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(json: JsString) -> JsResult<Policy> {
        Ok(rules::Policy::from_json(&text(&json, "json")?)?.into())
    }

    /// The built-in policy with a JSON merge patch (RFC 7386, as JSON text) applied, e.g.
    /// `Policy.fromPatch('{"splits":{"chat_creator_bp":7000}}')`. Invalid → `INVALID_INPUT`.
    #[wasm_bindgen(js_name = fromPatch)]
    pub fn from_patch(#[wasm_bindgen(js_name = patchJson)] patch_json: JsString) -> JsResult<Policy> {
        Ok(rules::Policy::from_patch(&text(&patch_json, "patchJson")?)?.into())
    }

    /// Loads a policy from a signed envelope's JSON text (SPEC §17.2) as the first update over
    /// the built-in policy: the six checks run against `keyring` at `nowMs`, and the result
    /// remembers the envelope's `serial`. Every refusal is the first failing check's error
    /// (`POLICY_UNKNOWN_KEY`, `POLICY_SIGNATURE_INVALID`, `POLICY_NOT_YET_VALID`,
    /// `POLICY_EXPIRED`, `INVALID_INPUT`). Later updates: `activatePolicyEnvelope`.
    #[wasm_bindgen(js_name = fromEnvelope)]
    pub fn from_envelope(
        #[wasm_bindgen(js_name = envelopeJson)] envelope_json: JsString,
        #[wasm_bindgen(unchecked_param_type = "KeyringEntry[]")] keyring: JsValue,
        #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
    ) -> JsResult<Policy> {
        let keyring: Vec<KeyringEntry> = list_from_js(&keyring, "keyring")?;
        let p =
            rules::Policy::from_envelope(&text(&envelope_json, "envelopeJson")?, &keyring, millis(&now_ms, "nowMs")?)?;
        Ok(p.into())
    }

    /// Every problem a policy JSON has, without building it. Empty means it loads.
    #[wasm_bindgen(js_name = problemsInJson)]
    pub fn problems_in_json(json: JsString) -> JsResult<Vec<Ts<PolicyProblem>>> {
        let problems: Vec<PolicyProblem> = rules::Policy::problems_in_json(&text(&json, "json")?).into_iter().collect();
        Ok(list_to_js(&problems)?)
    }

    /// The version label (`"2026.11"` for the built-in policy).
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version().to_string()
    }

    /// SHA-256 (lower-case hex) of the canonical JSON: equal fingerprints price alike.
    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.inner.fingerprint().to_string()
    }

    /// The serial the policy was published with in its signed envelope (0: built-in or unsigned).
    #[wasm_bindgen(getter)]
    pub fn serial(&self) -> JsResult<f64> {
        Ok(number(self.inner.serial(), "serial")?)
    }

    /// The policy format's major version (1).
    #[wasm_bindgen(getter)]
    pub fn schema(&self) -> u32 {
        self.inner.schema()
    }

    /// The canonical JSON (sorted keys, compact) that the fingerprint hashes.
    #[wasm_bindgen(js_name = canonicalJson)]
    pub fn canonical_json(&self) -> String {
        self.inner.canonical_json()
    }
}
