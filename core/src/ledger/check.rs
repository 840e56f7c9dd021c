//! `check_ledger` (SPEC §12.5–12.6): replays records in the order given and stops at the first
//! broken one, naming its stored seq and the finding (first failure wins, in this order):
//! `SEQ_GAP`, `PREV_HASH_MISMATCH`, `HASH_MISMATCH`, `BAD_POSTINGS`, `DUPLICATE_KEY`,
//! `NEGATIVE_BALANCE`, `BAD_TRANSITION`, `BAD_REFERENCE`; then, given stored totals,
//! `SNAPSHOT_MISMATCH`. Findings are reports (each a P0), not error codes.

use super::account::{Account, AccountBalance, Posting, MAX_LEDGER_AMOUNT};
use super::content::{template, Content, TemplateContext};
use super::event::RecordKind;
use super::record::{LedgerHead, LedgerRecord};
use super::state::{LedgerState, LedgerTotals};
use super::withdrawal::{WithdrawalState, WithdrawalStatus};
use crate::error::{Error, Result};
use crate::Policy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What is wrong with a ledger (SPEC §12.5).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FindingKind {
    /// The record's seq is not the previous + 1 (the first must be 1).
    SeqGap,
    /// `prev_hash` is not the previous record's hash.
    PrevHashMismatch,
    /// `hash` or `content_hash` is not what the record hashes to.
    HashMismatch,
    /// Postings unsorted, zero, out of range, not summing to 0, or not the kind's template.
    BadPostings,
    /// A key already used by an earlier record.
    DuplicateKey,
    /// A balance that must stay ≥ 0 went below 0 (or any balance passed 2^53 − 1).
    NegativeBalance,
    /// A withdrawal transition not allowed from the request's state.
    BadTransition,
    /// A ref naming no earlier record, or a record of the wrong kind.
    BadReference,
    /// The replay does not equal the stored head and balances.
    SnapshotMismatch,
}

/// The first broken record: its stored seq, the finding and a readable detail.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LedgerFinding {
    /// The stored seq of the record where the walk stopped (the head's for `SNAPSHOT_MISMATCH`).
    pub seq: u64,
    /// What is wrong.
    pub finding: FindingKind,
    /// Details for the operator.
    pub detail: String,
}

/// The outcome of `check_ledger`: the first finding, if any, and what the walk built up to it.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LedgerReport {
    /// `None`: the ledger is sound.
    pub finding: Option<LedgerFinding>,
    /// Records accepted before the walk stopped (all of them when sound).
    pub records_checked: u64,
    /// The head of the accepted records.
    pub head: LedgerHead,
    /// Non-zero balances of the accepted records, sorted by account.
    pub balances: Vec<AccountBalance>,
    /// Every withdrawal request and its state, by request seq.
    pub withdrawals: Vec<WithdrawalStatus>,
}

/// A ledger walker: feed records one by one ([`LedgerChecker::push`]); the state is the replay.
#[derive(Debug, Clone)]
pub struct LedgerChecker<'p> {
    policies: BTreeMap<&'p str, &'p Policy>,
    state: LedgerState,
}

fn finding(r: &LedgerRecord, kind: FindingKind, detail: impl Into<String>) -> LedgerFinding {
    LedgerFinding { seq: r.seq, finding: kind, detail: detail.into() }
}

impl<'p> LedgerChecker<'p> {
    /// A walker knowing the policies the records may name (by fingerprint).
    pub fn new(policies: &'p [Policy]) -> LedgerChecker<'p> {
        LedgerChecker {
            policies: policies.iter().map(|p| (p.fingerprint(), p)).collect(),
            state: LedgerState::default(),
        }
    }

    /// A walker continuing from a replay `state` (its records already checked).
    pub fn resume(policies: &'p [Policy], state: LedgerState) -> LedgerChecker<'p> {
        LedgerChecker { policies: policies.iter().map(|p| (p.fingerprint(), p)).collect(), state }
    }

    /// The replay, taken out of the walker.
    pub fn into_state(self) -> LedgerState {
        self.state
    }

    /// The replay so far.
    pub fn state(&self) -> &LedgerState {
        &self.state
    }

    /// Checks one record against the replay and, when sound, adds it. `Ok(Some(finding))`
    /// leaves the state unchanged. A record naming a policy that was not given is
    /// `INVALID_INPUT` (the caller's omission, not tampering).
    pub fn push(&mut self, r: &LedgerRecord) -> Result<Option<LedgerFinding>> {
        use FindingKind as F;
        let st = &self.state;
        if Some(r.seq) != st.head.seq.checked_add(1) {
            return Ok(Some(finding(r, F::SeqGap, format!("seq {} after {}", r.seq, st.head.seq))));
        }
        if r.prev_hash != st.head.hash {
            return Ok(Some(finding(r, F::PrevHashMismatch, "prev_hash is not the previous record's hash")));
        }
        if !r.hashes_hold() {
            return Ok(Some(finding(r, F::HashMismatch, "hash or content_hash does not match the record")));
        }
        let policy = *self
            .policies
            .get(r.policy.as_str())
            .ok_or_else(|| Error::invalid(format!("record {} names policy {} that was not given", r.seq, r.policy)))?;
        let request = match self.postings_finding(policy, r) {
            Err(detail) => return Ok(Some(finding(r, F::BadPostings, detail))),
            Ok(req) => req,
        };
        if let Some(first) = st.keys.get(&r.key) {
            return Ok(Some(finding(r, F::DuplicateKey, format!("key {} already at seq {first}", r.key))));
        }
        for p in &r.postings {
            let after = st.balance(&p.account).checked_add(p.amount).unwrap_or(i64::MAX);
            let may_go_negative = Account::parse(&p.account).is_ok_and(|a| a.may_go_negative());
            if after.abs() > MAX_LEDGER_AMOUNT || (after < 0 && !may_go_negative) {
                return Ok(Some(finding(r, F::NegativeBalance, format!("{} would be {after}", p.account))));
            }
        }
        if let Some(to) = r.kind.transition_target() {
            if let Some(w) = r.refs.first().and_then(|s| st.withdrawals.get(s)) {
                if !w.state.can_move_to(to) {
                    return Ok(Some(finding(r, F::BadTransition, format!("{:?} → {to:?}", w.state))));
                }
            }
        }
        if let Some(detail) = self.reference_finding(r) {
            return Ok(Some(finding(r, F::BadReference, detail)));
        }
        self.state.push(r, request);
        Ok(None)
    }

    /// `BAD_POSTINGS`: shape, then the kind's template. Returns the withdrawal status a request
    /// record creates.
    fn postings_finding(
        &self,
        policy: &Policy,
        r: &LedgerRecord,
    ) -> std::result::Result<Option<WithdrawalStatus>, String> {
        let mut sum: i128 = 0;
        for (i, p) in r.postings.iter().enumerate() {
            if p.amount == 0 || p.amount.abs() > MAX_LEDGER_AMOUNT {
                return Err(format!("posting {} has amount {}", p.account, p.amount));
            }
            if i > 0 && r.postings[i - 1].account >= p.account {
                return Err("postings are not sorted by account, or an account repeats".into());
            }
            Account::parse(&p.account).map_err(|e| e.reason)?;
            sum += i128::from(p.amount);
        }
        if sum != 0 {
            return Err(format!("postings sum to {sum}"));
        }
        let content = Content::parse(r.kind, &r.content).map_err(|e| e.reason)?;
        if content.refs() != r.refs {
            return Err("refs do not match the content".into());
        }
        let (shape, exact) = content.key_shape(r.kind);
        let key_ok = if exact {
            r.key == shape
        } else {
            r.key.strip_prefix(shape.as_str()).is_some_and(|rest| {
                let parts: Vec<&str> = rest.split(':').collect();
                let want = if shape.matches(':').count() == 1 { 2 } else { 1 };
                parts.len() == want && parts.iter().all(|p| super::key::is_key_part(p))
            })
        };
        if !key_ok {
            return Err(format!("key {} is not derived from the content", r.key));
        }
        let st = &self.state;
        let mut ctx = TemplateContext::default();
        let request = r.refs.first().and_then(|s| st.withdrawals.get(s));
        let original = r.refs.first().and_then(|s| st.summary(*s));
        match &content {
            Content::Unlock(x) => {
                let spend = Account::Spendable(x.payer.clone()).name();
                let p = r.postings.iter().find(|p| p.account == spend).ok_or("no spendable posting of the payer")?;
                ctx.unlock_price = Some(p.amount.unsigned_abs());
            }
            // A missing reference is reported as BAD_REFERENCE, after the other findings.
            Content::Transition(_) if request.is_none() => return Ok(None),
            Content::Refund(_) if original.is_none() => return Ok(None),
            _ => {}
        }
        ctx.request = request;
        ctx.original = original.map(|(_, p)| p.as_slice());
        let expected: Vec<Posting> = template(policy, r.kind, &content, ctx).map_err(|e| e.reason)?;
        if expected != r.postings {
            return Err(format!("postings are not the {:?} template", r.kind));
        }
        Ok(match content {
            Content::Withdrawal(w) => Some(WithdrawalStatus {
                request_seq: r.seq,
                creator: w.creator,
                amount: w.amount,
                fee: w.fee,
                net: w.net,
                state: WithdrawalState::Requested,
            }),
            _ => None,
        })
    }

    /// `BAD_REFERENCE`: each ref names an earlier record of the right kind.
    fn reference_finding(&self, r: &LedgerRecord) -> Option<String> {
        let st = &self.state;
        let seq = *r.refs.first()?;
        let Some((kind, postings)) = st.summary(seq) else {
            return Some(format!("ref {seq} names no earlier record"));
        };
        let ok = match r.kind {
            RecordKind::Refund => kind.refundable(),
            RecordKind::ReferralReward => {
                let referred = Content::parse(r.kind, &r.content).ok().and_then(|c| match c {
                    Content::Referral(x) => Some(Account::Spendable(x.referred).name()),
                    _ => None,
                });
                *kind == RecordKind::Purchase && postings.iter().any(|p| Some(&p.account) == referred.as_ref())
            }
            k if k.transition_target().is_some() => *kind == RecordKind::WithdrawalRequested,
            _ => true,
        };
        (!ok).then(|| format!("ref {seq} is a {kind:?} record, not one {:?} may refer to", r.kind))
    }

    /// The report for the records pushed so far.
    pub fn report(&self, finding: Option<LedgerFinding>) -> LedgerReport {
        LedgerReport {
            finding,
            records_checked: self.state.head.seq,
            head: self.state.head.clone(),
            balances: self.state.balance_list(),
            withdrawals: self.state.withdrawals.values().cloned().collect(),
        }
    }
}

/// Checks a ledger (SPEC §12.5): walks `records` in the order given, stops at the first broken
/// one, and, when all are sound and `totals` is given, compares the replay with the stored head
/// and balances (`SNAPSHOT_MISMATCH`). `policies` are the policies the records name; a record
/// naming another one is `INVALID_INPUT`.
pub fn check_ledger(
    policies: &[Policy],
    records: &[LedgerRecord],
    totals: Option<&LedgerTotals>,
) -> Result<LedgerReport> {
    let mut walker = LedgerChecker::new(policies);
    for r in records {
        if let Some(f) = walker.push(r)? {
            return Ok(walker.report(Some(f)));
        }
    }
    if let Some(t) = totals {
        let st = walker.state();
        let stored: BTreeMap<&str, i64> =
            t.balances.iter().filter(|b| b.balance != 0).map(|b| (b.account.as_str(), b.balance)).collect();
        let replayed: BTreeMap<&str, i64> = st.balances.iter().map(|(a, b)| (a.as_str(), *b)).collect();
        let detail = if t.head != st.head {
            Some(format!("stored head {} is not the replay's {}", t.head.seq, st.head.seq))
        } else if stored.len() != t.balances.iter().filter(|b| b.balance != 0).count() {
            Some("an account is listed twice in the stored balances".to_string())
        } else if stored != replayed {
            let acc = replayed
                .iter()
                .find(|(a, b)| stored.get(*a) != Some(b))
                .map(|(a, _)| *a)
                .or_else(|| stored.keys().find(|a| !replayed.contains_key(*a)).copied())
                .unwrap_or_default();
            Some(format!("stored balance of {acc} is not the replay's"))
        } else {
            None
        };
        if let Some(detail) = detail {
            let f = LedgerFinding { seq: st.head.seq, finding: FindingKind::SnapshotMismatch, detail };
            return Ok(walker.report(Some(f)));
        }
    }
    Ok(walker.report(None))
}
