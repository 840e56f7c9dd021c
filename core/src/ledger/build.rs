//! Building one record from one event (SPEC §12.2–12.4, §12.6), and the reads a host makes
//! first (§12.5 host protocol).
//!
//! Order: the key (its parts must be ids: `INVALID_INPUT`), then the stored key (replay or
//! `IDEMPOTENCY_CONFLICT`), then rules 1–5: inputs, the kind's rules, the withdrawal
//! transition, postings summing to 0, balances staying ≥ 0.

use super::account::Account;
use super::account::{AccountBalance, Posting, MAX_LEDGER_AMOUNT};
use super::content::{self, template, Content, TemplateContext};
use super::event::{LedgerEvent, RecordKind};
use super::key::{key_part, sha256_hex};
use super::record::LedgerRecord;
use super::state::LedgerView;
use super::withdrawal::{check_transition, WithdrawalState, WithdrawalStatus};
use crate::error::{Error, ErrorCode, Result};
use crate::money::{Currency, Money};
use crate::payout::{quote_withdrawal, withdrawal_fee, WithdrawalRequest};
use crate::Policy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the host must read, in one snapshot, before [`build_record`]: the stored records with
/// these keys and these seqs, the balances of these accounts **and of every account in the
/// postings of the records read by seq** (see [`LedgerReads::accounts_with`]), and the head.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LedgerReads {
    /// The event's own key first, then (for a withdrawal transition) the request's other
    /// transition keys.
    pub keys: Vec<String>,
    /// Seqs of the records the event refers to.
    pub seqs: Vec<u64>,
    /// Accounts the event touches directly.
    pub accounts: Vec<String>,
}

impl LedgerReads {
    /// `accounts` plus every account in the postings of `records` (the ones read by seq),
    /// sorted and without repeats.
    #[must_use]
    pub fn accounts_with(&self, records: &[LedgerRecord]) -> Vec<String> {
        let mut all: Vec<String> = self.accounts.clone();
        all.extend(records.iter().flat_map(|r| r.postings.iter().map(|p| p.account.clone())));
        all.sort();
        all.dedup();
        all
    }
}

/// The answer of [`build_record`]: the record to append (or the stored one, `replayed`), and
/// the new balances of the accounts it posts to (empty on a replay).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Built {
    /// The record.
    pub record: LedgerRecord,
    /// `true`: the key was already stored with the same content; nothing is to be appended.
    pub replayed: bool,
    /// Balances after the record, of the accounts it posts to, sorted by account.
    pub balances: Vec<AccountBalance>,
}

/// Kind, key and content of an event.
struct Draft {
    kind: RecordKind,
    key: String,
    content: Result<Content>,
}

fn transition_key(kind: RecordKind, seq: u64) -> String {
    let state = match kind {
        RecordKind::WithdrawalApproved => "approved",
        RecordKind::WithdrawalPaid => "paid",
        RecordKind::WithdrawalRejected => "rejected",
        _ => "failed",
    };
    format!("wd_{state}:{seq}")
}

const TRANSITIONS: [RecordKind; 4] = [
    RecordKind::WithdrawalApproved,
    RecordKind::WithdrawalPaid,
    RecordKind::WithdrawalRejected,
    RecordKind::WithdrawalFailed,
];

fn draft(policy: &Policy, event: &LedgerEvent) -> Result<Draft> {
    use content::*;
    use LedgerEvent as E;
    use RecordKind as K;
    let k = key_part;
    Ok(match event {
        E::Purchase { payer, store, store_txn_id, pack, pln_minor } => {
            let payer = k(payer, "payer")?;
            let key = format!("purchase:{}:{}", k(store, "store")?, k(store_txn_id, "store_txn_id")?);
            let content = (|| {
                let tokens = match (pack, pln_minor) {
                    (Some(id), None) => crate::pricing::pack_price(policy, id, Currency::PLN, None)?.tokens,
                    (None, Some(g)) => crate::pricing::pln_to_tokens(policy, Money::from_minor(*g, Currency::PLN))?,
                    _ => return Err(Error::invalid("a purchase names exactly one of pack and pln_minor")),
                };
                Ok(Content::Purchase(PurchaseContent { payer, pack: pack.clone(), tokens }))
            })();
            Draft { kind: K::Purchase, key, content }
        }
        E::MessageCharge { chat_id, message_id, payer, earner, tokens, billed_tokens, creator_tokens } => {
            let key = format!("msg:{}:{}", k(chat_id, "chat_id")?, k(message_id, "message_id")?);
            let (payer, earner) = (k(payer, "payer")?, k(earner, "earner")?);
            let content = CumulativeSplitInput { total: *billed_tokens, creator_total: *creator_tokens }
                .apply(policy, *tokens)
                .map(|(creator, platform)| {
                    Content::MessageCharge(MessageChargeContent {
                        payer,
                        earner,
                        tokens: *tokens,
                        creator,
                        platform,
                        billed_tokens: *billed_tokens,
                        creator_tokens: *creator_tokens,
                    })
                });
            Draft { kind: K::MessageCharge, key, content }
        }
        E::Tip { payer, creator, request_id, tokens } => {
            let payer = k(payer, "payer")?;
            let key = format!("tip:{payer}:{}", k(request_id, "request_id")?);
            let content = Ok(Content::Tip(TipContent { payer, creator: k(creator, "creator")?, tokens: *tokens }));
            Draft { kind: K::Tip, key, content }
        }
        E::Unlock { payer, creator, item_id, item_kind, .. } => {
            let (payer, item_id) = (k(payer, "payer")?, k(item_id, "item_id")?);
            let key = format!("unlock:{payer}:{item_id}");
            let content = Ok(Content::Unlock(UnlockContent {
                payer,
                creator: k(creator, "creator")?,
                item_id,
                item_kind: *item_kind,
            }));
            Draft { kind: K::Unlock, key, content }
        }
        E::AiUsage { payer, request_id, tokens } => {
            let payer = k(payer, "payer")?;
            let key = format!("ai:{payer}:{}", k(request_id, "request_id")?);
            Draft { kind: K::AiUsage, key, content: Ok(Content::AiUsage(AiUsageContent { payer, tokens: *tokens })) }
        }
        E::ReferralReward { referrer, referred, purchase_seq } => {
            let referred = k(referred, "referred")?;
            let key = format!("referral:{referred}");
            let content = Ok(Content::Referral(ReferralContent {
                referrer: k(referrer, "referrer")?,
                referred,
                purchase_seq: *purchase_seq,
            }));
            Draft { kind: K::ReferralReward, key, content }
        }
        E::WithdrawalRequested { creator, request_id, amount, method, .. } => {
            let creator = k(creator, "creator")?;
            let key = format!("wd:{creator}:{}", k(request_id, "request_id")?);
            let fee = withdrawal_fee(*amount, policy.payout.fee_bp);
            let content = Ok(Content::Withdrawal(WithdrawalContent {
                creator,
                amount: *amount,
                fee,
                net: amount - fee,
                method: *method,
            }));
            Draft { kind: K::WithdrawalRequested, key, content }
        }
        E::WithdrawalApproved { request_seq }
        | E::WithdrawalRejected { request_seq }
        | E::WithdrawalFailed { request_seq }
        | E::WithdrawalPaid { request_seq, .. } => {
            let (kind, payout_ref) = match event {
                E::WithdrawalApproved { .. } => (K::WithdrawalApproved, None),
                E::WithdrawalRejected { .. } => (K::WithdrawalRejected, None),
                E::WithdrawalFailed { .. } => (K::WithdrawalFailed, None),
                E::WithdrawalPaid { payout_ref, .. } => (K::WithdrawalPaid, payout_ref.clone()),
                _ => return Err(Error::invalid("unreachable")),
            };
            if payout_ref.as_deref().is_some_and(|r| r.trim().is_empty() || r.len() > 256) {
                return Err(Error::invalid("payout_ref must be 1–256 bytes"));
            }
            let content = Ok(Content::Transition(TransitionContent { request_seq: *request_seq, payout_ref }));
            Draft { kind, key: transition_key(kind, *request_seq), content }
        }
        E::Refund { original_seq } => Draft {
            kind: K::Refund,
            key: format!("refund:{original_seq}"),
            content: Ok(Content::Refund(RefundContent { original_seq: *original_seq })),
        },
    })
}

/// The cumulative split state a message charge carries (§3.3, §12.6).
struct CumulativeSplitInput {
    total: u64,
    creator_total: u64,
}

impl CumulativeSplitInput {
    /// The creator and platform shares of `tokens`, with the chat meter's own rule.
    fn apply(&self, policy: &Policy, tokens: u64) -> Result<(u64, u64)> {
        let step = crate::split::CumulativeSplit { total: self.total, creator_total: self.creator_total }
            .apply(tokens, policy.splits.chat_creator_bp)?;
        Ok((step.split.creator, step.split.platform))
    }
}

/// What the host must read before building `event` (SPEC §12.5, step 1). Empty ids are
/// `INVALID_INPUT`.
pub fn ledger_reads(policy: &Policy, event: &LedgerEvent) -> Result<LedgerReads> {
    let d = draft(policy, event)?;
    let mut keys = vec![d.key.clone()];
    let mut seqs = Vec::new();
    let mut accounts = Vec::new();
    if let Ok(c) = &d.content {
        seqs = c.refs();
        if let Content::Transition(t) = c {
            keys.extend(TRANSITIONS.iter().filter(|k| **k != d.kind).map(|k| transition_key(*k, t.request_seq)));
        }
        let (p, ear, rev) = (Account::Spendable, Account::Earnings, Account::Revenue);
        accounts = match c {
            Content::Purchase(x) => vec![Account::Purchases, p(x.payer.clone())],
            Content::MessageCharge(x) => vec![p(x.payer.clone()), ear(x.earner.clone()), rev],
            Content::Tip(x) => vec![p(x.payer.clone()), ear(x.creator.clone()), rev],
            Content::Unlock(x) => vec![p(x.payer.clone()), ear(x.creator.clone()), rev],
            Content::AiUsage(x) => vec![p(x.payer.clone()), rev],
            Content::Referral(x) => vec![Account::Referral, ear(x.referrer.clone())],
            Content::Withdrawal(x) => vec![ear(x.creator.clone()), Account::Pending(x.creator.clone())],
            Content::Transition(_) => vec![Account::Payouts, Account::Fees],
            Content::Refund(_) => Vec::new(),
        }
        .iter()
        .map(Account::name)
        .collect();
        accounts.sort();
    }
    Ok(LedgerReads { keys, seqs, accounts })
}

fn view_record(view: &LedgerView, pred: impl Fn(&LedgerRecord) -> bool) -> Option<&LedgerRecord> {
    view.records.iter().find(|r| pred(r))
}

/// Builds the record of `event` on the host's snapshot `view` (SPEC §12.2–12.6), or answers a
/// retry with the stored record (`replayed: true`). `at_ms` is the host's clock (0..=2^53 − 1).
///
/// Errors: `INVALID_INPUT` (ids, inputs, a reference that is not in `view`, a `view` record
/// whose hashes do not hold), `IDEMPOTENCY_CONFLICT` (the key is stored with other content;
/// the reason names the stored seq), the kind's own codes (`SELF_PAYMENT`,
/// `AMOUNT_OUT_OF_RANGE`, `KYC_REQUIRED`, `NOT_REFUNDABLE`), `INVALID_TRANSITION`, and
/// `INSUFFICIENT_TOKENS` ("account …: needed N, available M") from the balances of `view`.
pub fn build_record(policy: &Policy, view: &LedgerView, event: &LedgerEvent, at_ms: i64) -> Result<Built> {
    if !(0..=MAX_LEDGER_AMOUNT).contains(&at_ms) {
        return Err(Error::invalid(format!("at_ms {at_ms} must be 0..=2^53 − 1")));
    }
    if let Some(bad) = view.records.iter().find(|r| !r.hashes_hold()) {
        return Err(Error::invalid(format!("the stored record {} read for this event does not hash right", bad.seq)));
    }
    let d = draft(policy, event)?;
    // 12.6: a stored key is answered first.
    if let Some(stored) = view_record(view, |r| r.key == d.key) {
        let same = d.content.as_ref().ok().and_then(|c| c.canonical().ok()).map(|c| sha256_hex(&c));
        if same.as_deref() == Some(stored.content_hash.as_str()) && stored.kind == d.kind {
            return Ok(Built { record: stored.clone(), replayed: true, balances: Vec::new() });
        }
        return Err(Error::new(
            ErrorCode::IdempotencyConflict,
            format!("key {} is stored at seq {} with other content", d.key, stored.seq),
        ));
    }
    let content = d.content?;
    let seq = view.head.seq.checked_add(1).ok_or_else(|| Error::invalid("the ledger is full"))?;
    let refs = content.refs();
    // Rule 1: references name stored, earlier records of the right kind.
    let referenced = match refs.first() {
        None => None,
        Some(&r) => {
            let found = view_record(view, |x| x.seq == r).filter(|x| x.seq < seq);
            Some(found.ok_or_else(|| Error::invalid(format!("record {r} is not in the snapshot")))?)
        }
    };
    let mut ctx = TemplateContext::default();
    let request: Option<WithdrawalStatus>;
    let mut state = WithdrawalState::Requested;
    match (&content, referenced) {
        (Content::Referral(x), Some(p)) => {
            let referred = Account::Spendable(x.referred.clone()).name();
            if p.kind != RecordKind::Purchase || !p.postings.iter().any(|q| q.account == referred) {
                return Err(Error::invalid(format!("record {} is not a purchase by {}", p.seq, x.referred)));
            }
            request = None;
        }
        (Content::Transition(_), Some(r)) => {
            let Ok(Content::Withdrawal(w)) = Content::parse(r.kind, &r.content) else {
                return Err(Error::invalid(format!("record {} is not a withdrawal request", r.seq)));
            };
            for k in TRANSITIONS {
                let key = transition_key(k, r.seq);
                if view_record(view, |x| x.key == key && x.kind == k && x.refs == [r.seq]).is_some() {
                    if let Some(to) = k.transition_target() {
                        if to.is_final() || state == WithdrawalState::Requested {
                            state = to;
                        }
                    }
                }
            }
            request = Some(WithdrawalStatus {
                request_seq: r.seq,
                creator: w.creator,
                amount: w.amount,
                fee: w.fee,
                net: w.net,
                state,
            });
        }
        (Content::Refund(_), Some(o)) => {
            if !o.kind.refundable() {
                return Err(Error::new(ErrorCode::NotRefundable, format!("a {:?} record cannot be refunded", o.kind)));
            }
            ctx.original = Some(o.postings.as_slice());
            request = None;
        }
        _ => request = None,
    }
    ctx.request = request.as_ref();
    // Rule 2: the kind's own rules, through the shared template.
    match event {
        LedgerEvent::Unlock { price, .. } => ctx.unlock_price = *price,
        LedgerEvent::WithdrawalRequested { amount, method, kyc_verified, creator, .. } => {
            let _ = creator;
            let q = quote_withdrawal(
                policy,
                &WithdrawalRequest {
                    amount: *amount,
                    available_balance: u64::MAX, // the balance is rule 5, checked below on the ledger
                    kyc_verified: *kyc_verified,
                    method: *method,
                    requested_at_ms: at_ms,
                },
            )?;
            if let Content::Withdrawal(w) = &content {
                if q.fee != w.fee || q.net_tokens != w.net {
                    return Err(Error::invalid("the withdrawal quote disagrees with the fee rule"));
                }
            }
        }
        _ => {}
    }
    let postings = template(policy, d.kind, &content, ctx)?;
    // Rule 3: the transition.
    if let (Some(to), Some(r)) = (d.kind.transition_target(), &request) {
        check_transition(r.state, to)?;
    }
    // Rule 4: postings sum to 0 (the templates guarantee it; checked anyway).
    if postings.iter().map(|p| i128::from(p.amount)).sum::<i128>() != 0 {
        return Err(Error::invalid("postings do not sum to 0"));
    }
    // Rule 5: balances.
    let balances = new_balances(view, &postings)?;
    let content_json = content.canonical()?;
    let mut record = LedgerRecord {
        seq,
        kind: d.kind,
        key: d.key,
        content_hash: sha256_hex(&content_json),
        content: content_json,
        postings,
        refs,
        at_ms,
        policy: policy.fingerprint().to_string(),
        prev_hash: view.head.hash.clone(),
        hash: String::new(),
    };
    record.hash = record.compute_hash()?;
    Ok(Built { record, replayed: false, balances })
}

fn new_balances(view: &LedgerView, postings: &[Posting]) -> Result<Vec<AccountBalance>> {
    let mut known: BTreeMap<&str, i64> = BTreeMap::new();
    for b in &view.balances {
        if known.insert(b.account.as_str(), b.balance).is_some() {
            return Err(Error::invalid(format!("the balance of {} is listed twice", b.account)));
        }
    }
    let mut out = Vec::with_capacity(postings.len());
    for p in postings {
        let before = known.get(p.account.as_str()).copied().unwrap_or(0);
        let may_go_negative = match Account::may_name_go_negative(&p.account) {
            Some(m) => m,
            None => Account::parse(&p.account)?.may_go_negative(),
        };
        let after = before
            .checked_add(p.amount)
            .filter(|a| a.abs() <= MAX_LEDGER_AMOUNT)
            .ok_or_else(|| Error::out_of_range(format!("the balance of {} would pass 2^53 − 1", p.account)))?;
        if after < 0 && !may_go_negative {
            return Err(Error::new(
                ErrorCode::InsufficientTokens,
                format!("account {}: needed {}, available {}", p.account, p.amount.unsigned_abs(), before.max(0)),
            ));
        }
        out.push(AccountBalance { account: p.account.clone(), balance: after });
    }
    Ok(out)
}
