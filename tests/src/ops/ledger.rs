//! Vector operations of the `ledger` module (SPEC §12): `ledger_sequence` (events applied in
//! order with the §12.5 host protocol on an in-memory ledger, then the ledger checked),
//! `build_record` (one event on a given view), `ledger_reads`, `check_ledger`, `ledger_key_part`
//! and `withdrawal_transition`.

use super::{arg, opt, out, OpResult};
use avalo_core::ledger::{self, LedgerEvent, LedgerRecord, LedgerTotals, LedgerView, MemoryLedger, WithdrawalState};
use avalo_core::Policy;
use serde::Deserialize;
use serde_json::{json, Value};

/// One step of a `ledger_sequence`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    event: LedgerEvent,
    at_ms: i64,
}

fn sequence(policy: &Policy, i: &Value) -> OpResult {
    let steps: Vec<Step> = arg(i, "steps")?;
    let mut book = MemoryLedger::new();
    let mut results = Vec::with_capacity(steps.len());
    for s in &steps {
        results.push(match book.append(policy, &s.event, s.at_ms) {
            Ok(b) => serde_json::to_value(&b).unwrap_or(Value::Null),
            Err(e) => json!({ "error": e.code.as_str() }),
        });
    }
    let report = ledger::check_ledger(std::slice::from_ref(policy), book.records(), None)?;
    Ok(json!({ "results": results, "report": out(report)? }))
}

/// Runs one `ledger` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "ledger_sequence" => sequence(policy, i),
        "build_record" => (|| {
            let view: LedgerView = arg(i, "view")?;
            ledger::build_record(policy, &view, &arg(i, "event")?, arg(i, "at_ms")?)
        })()
        .and_then(out),
        "ledger_reads" => arg(i, "event").and_then(|e| ledger::ledger_reads(policy, &e)).and_then(out),
        "check_ledger" => (|| {
            let records: Vec<LedgerRecord> = arg(i, "records")?;
            let totals = opt::<LedgerTotals>(i, "totals")?;
            ledger::check_ledger(std::slice::from_ref(policy), &records, totals.as_ref())
        })()
        .and_then(out),
        "ledger_key_part" => {
            arg::<String>(i, "id").and_then(|id| ledger::key_part(&id, "id")).map(|p| json!({ "part": p }))
        }
        "withdrawal_transition" => (|| {
            let from: WithdrawalState = arg(i, "from")?;
            let to: WithdrawalState = arg(i, "to")?;
            ledger::check_transition(from, to).map(|()| json!({ "allowed": true }))
        })(),
        _ => return None,
    };
    Some(r)
}
