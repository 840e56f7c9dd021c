//! Facade of `core/src/creator` (with the creator rate of `core/src/billing`, which
//! `avalo_core::creator` re-exports): the creator's own chat rate and its billing, and creator
//! analytics over ledger records (SPEC §16). Conversions only; the rules are in the core.

use crate::error::{guard, AvaloError};
use avalo_core::billing::{ChatMeter, MessageCharge, Sender};
use avalo_core::creator::{self as core, *};
use avalo_core::ledger::LedgerRecord;
use avalo_core::Policy;

/// Sets a creator's words-per-token rate (SPEC §16.2): the new rate with its version bumped;
/// a rate outside the policy's bounds is `INVALID_INPUT`.
#[uniffi::export]
pub fn set_creator_rate(
    policy: &Policy,
    current: CreatorRate,
    words_per_token: u32,
) -> Result<CreatorRate, AvaloError> {
    guard(|| Ok(core::set_creator_rate(policy, &current, words_per_token)?))
}

/// The charge for one message at the creator's rate, without a balance check (the preview the
/// payer sees, with the `rate_version` to send back when billing).
#[uniffi::export]
pub fn preview_creator_message(
    policy: &Policy,
    meter: ChatMeter,
    sender: Sender,
    text: String,
    earner_royal: bool,
    rate: CreatorRate,
) -> Result<MessageCharge, AvaloError> {
    guard(|| Ok(core::preview_creator_message(policy, &meter, sender, &text, earner_royal, &rate)?))
}

/// Bills one message at the creator's current rate: `PRICE_CHANGED` when `shown_rate_version`
/// is not the current one, `INSUFFICIENT_TOKENS` when the balance is short; keep the old meter
/// then.
#[uniffi::export]
#[allow(clippy::too_many_arguments)]
pub fn bill_creator_message(
    policy: &Policy,
    meter: ChatMeter,
    sender: Sender,
    text: String,
    earner_royal: bool,
    rate: CreatorRate,
    shown_rate_version: u64,
    payer_balance: u64,
) -> Result<MessageCharge, AvaloError> {
    guard(|| {
        Ok(core::bill_creator_message(
            policy,
            &meter,
            sender,
            &text,
            earner_royal,
            &rate,
            shown_rate_version,
            payer_balance,
        )?)
    })
}

/// A creator's earnings in `[from_ms, to_ms)` from ledger records (SPEC §16.1): totals per
/// stream, daily buckets and the `top_n` fans; a window that ends before it starts is
/// `INVALID_INPUT`.
#[uniffi::export]
pub fn creator_analytics(
    creator_id: String,
    records: Vec<LedgerRecord>,
    from_ms: i64,
    to_ms: i64,
    top_n: Option<u32>,
) -> Result<CreatorAnalytics, AvaloError> {
    guard(|| Ok(core::creator_analytics(&creator_id, &records, from_ms, to_ms, top_n)?))
}
