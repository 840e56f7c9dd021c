//! Facade of `core/src/ledger`: the double-entry ledger with idempotency keys, withdrawal
//! states and the audit chain (SPEC §12). The host protocol of §12.5: read `ledgerReads`,
//! build with `buildRecord` on that view, store the record unless `replayed`. `MemoryLedger` is
//! the core's in-memory reference host (tests, examples, demos).

use crate::convert::{from_js, list_from_js, list_to_js, millis, text, to_js, JsResult};
use crate::Policy;
use avalo_core::ledger as rules;
use avalo_core::ledger::{
    Built, LedgerEvent, LedgerReads, LedgerRecord, LedgerReport, LedgerTotals, LedgerView, WithdrawalState,
};
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// What the host must read before building `event` (steps 1–2 of §12.5): the idempotency key,
/// the records it refers to and the account balances.
#[wasm_bindgen(js_name = ledgerReads)]
pub fn ledger_reads(policy: &Policy, event: Ts<LedgerEvent>) -> JsResult<Ts<LedgerReads>> {
    Ok(to_js(&rules::ledger_reads(policy.core(), &from_js(&event)?)?)?)
}

/// Builds the record of `event` at `atMs` on the host's `view` (step 3 of §12.5): the record to
/// append, or the stored one with `replayed: true` for a repeated idempotency key. Refusals
/// keep their §11 codes (`INSUFFICIENT_BALANCE`, `IDEMPOTENCY_CONFLICT`, `INVALID_TRANSITION`…).
#[wasm_bindgen(js_name = buildRecord)]
pub fn build_record(
    policy: &Policy,
    view: Ts<LedgerView>,
    event: Ts<LedgerEvent>,
    #[wasm_bindgen(js_name = atMs)] at_ms: Number,
) -> JsResult<Ts<Built>> {
    let b = rules::build_record(policy.core(), &from_js(&view)?, &from_js(&event)?, millis(&at_ms, "atMs")?)?;
    Ok(to_js(&b)?)
}

/// Replays `records` (in seq order, all written under `policy`) and reports the first finding
/// (hash chain, balances, idempotency, withdrawal states), the head, the balances and the
/// withdrawals; with `totals`, the host's own totals are compared too.
#[wasm_bindgen(js_name = checkLedger)]
pub fn check_ledger(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "LedgerRecord[]")] records: JsValue,
    totals: Option<Ts<LedgerTotals>>,
) -> JsResult<Ts<LedgerReport>> {
    let records: Vec<LedgerRecord> = list_from_js(&records, "records")?;
    let totals: Option<LedgerTotals> = totals.map(|t| from_js(&t)).transpose()?;
    let policies = [policy.core().clone()];
    Ok(to_js(&rules::check_ledger(&policies, &records, totals.as_ref())?)?)
}

/// An id as an idempotency-key part: itself when it is 1–128 of `[A-Za-z0-9._-]`, else its
/// SHA-256 (hex). Empty or blank is `INVALID_INPUT` naming `what`.
#[wasm_bindgen(js_name = keyPart)]
pub fn key_part(id: JsString, what: JsString) -> JsResult<String> {
    Ok(rules::key_part(&text(&id, "id")?, &text(&what, "what")?)?)
}

/// Whether a string may be used in an idempotency key as it is (1–128 of `[A-Za-z0-9._-]`).
#[wasm_bindgen(js_name = isKeyPart)]
pub fn is_key_part(part: JsString) -> JsResult<bool> {
    Ok(rules::is_key_part(&text(&part, "part")?))
}

/// Checks a withdrawal state change (SPEC §12.4); an unlisted move is `INVALID_TRANSITION`.
#[wasm_bindgen(js_name = checkTransition)]
pub fn check_transition(from: Ts<WithdrawalState>, to: Ts<WithdrawalState>) -> JsResult<()> {
    Ok(rules::check_transition(from_js(&from)?, from_js(&to)?)?)
}

/// An in-memory ledger that follows the host protocol of §12.5 exactly (the core's reference
/// host): for tests, examples and demos, not for storing money.
#[wasm_bindgen]
#[derive(Debug, Clone, Default)]
pub struct MemoryLedger {
    inner: rules::MemoryLedger,
}

#[wasm_bindgen]
impl MemoryLedger {
    /// An empty ledger.
    #[wasm_bindgen(constructor)]
    pub fn new() -> MemoryLedger {
        MemoryLedger::default()
    }

    /// Builds `event` on the current head and appends it unless it is a replay (§12.5 steps
    /// 1–4); a refusal leaves the ledger unchanged.
    pub fn append(
        &mut self,
        policy: &Policy,
        event: Ts<LedgerEvent>,
        #[wasm_bindgen(js_name = atMs)] at_ms: Number,
    ) -> JsResult<Ts<Built>> {
        let b = self.inner.append(policy.core(), &from_js(&event)?, millis(&at_ms, "atMs")?)?;
        Ok(to_js(&b)?)
    }

    /// The snapshot the host protocol reads for `event` (steps 1–2 of §12.5).
    #[wasm_bindgen(js_name = viewFor)]
    pub fn view_for(&self, policy: &Policy, event: Ts<LedgerEvent>) -> JsResult<Ts<LedgerView>> {
        Ok(to_js(&self.inner.view_for(policy.core(), &from_js(&event)?)?)?)
    }

    /// The records, in seq order.
    pub fn records(&self) -> JsResult<Vec<Ts<LedgerRecord>>> {
        Ok(list_to_js(self.inner.records())?)
    }
}
