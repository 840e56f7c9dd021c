//! Creator earnings analytics (SPEC §16.1) over ledger records (§12).
//!
//! Earnings are the postings to the creator's `earnings` account, by stream: `message_charge` →
//! chat, `tip` → tip, `unlock` → gated content or paid media (the unlock's item kind),
//! `referral_reward` → referral. Withdrawals are not earnings. A `refund` counts against its
//! original's stream in the bucket of its own time (past reports never change), even when the
//! original is outside the window. Per bucket and stream: `earned`, `refunded` (positive) and
//! `net = earned − refunded`. Buckets: UTC day `YYYY-MM-DD`, ISO 8601 week `YYYY-Www` (Monday
//! first) and month `YYYY-MM`, ascending, empty ones omitted. Top fans: payers by tokens paid
//! (the whole amount of their charges, tips and unlocks to this creator) less refunds,
//! descending, ties by user id ascending (byte-wise); fans whose net is 0 or less are not listed.
//!
//! Choices where the spec is silent:
//! - `records` is the whole ledger (a refund's original is looked up in it); a refund whose
//!   original is missing is `INVALID_INPUT`. Records outside `from_ms ≤ at_ms < to_ms` count for
//!   nothing else.
//! - Fans are named by the id in the ledger's accounts: the key part of the user id (§12.3), the
//!   id itself unless it had to be hashed.
//! - `top_n` is 1–100 (default 10), else `INVALID_INPUT`; so is `from_ms > to_ms`.

use crate::error::{Error, Result};
use crate::ledger::{key_part, LedgerRecord, RecordKind};
use crate::split::RevenueStream;
use crate::time::{day_index, DAY_MS};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Where a creator's earning came from (SPEC §16.1).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum EarningStream {
    /// Paid chat (`message_charge`).
    Chat,
    /// Tips.
    Tip,
    /// Gated content unlocks.
    GatedContent,
    /// Paid media unlocks.
    PaidMedia,
    /// Referral rewards.
    Referral,
}

/// One stream's figures in one bucket.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StreamEarnings {
    /// The stream.
    pub stream: EarningStream,
    /// Tokens earned.
    pub earned: u64,
    /// Tokens refunded (positive).
    pub refunded: u64,
    /// `earned − refunded` (negative when refunds of earlier earnings outweigh).
    pub net: i64,
}

/// One bucket (a day, an ISO week or a month) with its streams (only those with figures, in
/// stream order) and totals.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BucketEarnings {
    /// `YYYY-MM-DD`, `YYYY-Www` or `YYYY-MM`.
    pub bucket: String,
    /// Per stream.
    pub streams: Vec<StreamEarnings>,
    /// Total earned.
    pub earned: u64,
    /// Total refunded.
    pub refunded: u64,
    /// Total net.
    pub net: i64,
}

/// A payer and what they paid this creator in the window, less refunds.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TopFan {
    /// The payer's id as written in the ledger's accounts.
    pub user_id: String,
    /// Tokens paid less refunds (> 0).
    pub net_paid: u64,
}

/// A creator's earnings over a window (SPEC §16.1).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreatorAnalytics {
    /// Per UTC day, ascending.
    pub days: Vec<BucketEarnings>,
    /// Per ISO week, ascending.
    pub weeks: Vec<BucketEarnings>,
    /// Per month, ascending.
    pub months: Vec<BucketEarnings>,
    /// The whole window.
    pub total: BucketEarnings,
    /// The top fans, by net paid descending, ties by id ascending.
    pub top_fans: Vec<TopFan>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    earned: [u64; 5],
    refunded: [u64; 5],
}

impl Sums {
    fn add(&mut self, stream: EarningStream, earned: u64, refunded: u64) -> Result<()> {
        let i = stream as usize;
        let overflow = || Error::out_of_range("earnings overflow");
        let (Some(e), Some(r)) = (self.earned.get_mut(i), self.refunded.get_mut(i)) else { return Err(overflow()) };
        *e = e.checked_add(earned).ok_or_else(overflow)?;
        *r = r.checked_add(refunded).ok_or_else(overflow)?;
        Ok(())
    }

    fn bucket(&self, name: String) -> BucketEarnings {
        const ALL: [EarningStream; 5] = [
            EarningStream::Chat,
            EarningStream::Tip,
            EarningStream::GatedContent,
            EarningStream::PaidMedia,
            EarningStream::Referral,
        ];
        let streams: Vec<StreamEarnings> = ALL
            .iter()
            .zip(self.earned.iter().zip(&self.refunded))
            .filter(|(_, (e, r))| **e > 0 || **r > 0)
            .map(|(s, (e, r))| StreamEarnings { stream: *s, earned: *e, refunded: *r, net: signed(*e, *r) })
            .collect();
        let earned = self.earned.iter().fold(0u64, |a, b| a.saturating_add(*b));
        let refunded = self.refunded.iter().fold(0u64, |a, b| a.saturating_add(*b));
        BucketEarnings { bucket: name, streams, earned, refunded, net: signed(earned, refunded) }
    }
}

/// `earned − refunded` as a signed number (amounts are at most 2^53 − 1 in a ledger).
fn signed(earned: u64, refunded: u64) -> i64 {
    let e = i64::try_from(earned).unwrap_or(i64::MAX);
    let r = i64::try_from(refunded).unwrap_or(i64::MAX);
    e.saturating_sub(r)
}

/// What one record means for this creator: the stream, the earnings change (positive earned,
/// negative refunded) and the payer's payment change.
struct Effect<'a> {
    stream: EarningStream,
    earnings: i64,
    payer: Option<&'a str>,
    paid: i64,
}

fn payer_of(record: &LedgerRecord) -> Option<(&str, i64)> {
    record.postings.iter().find_map(|p| {
        let id = p.account.strip_prefix("user:")?.strip_suffix(":spendable")?;
        Some((id, p.amount))
    })
}

fn earnings_of(record: &LedgerRecord, account: &str) -> i64 {
    record.postings.iter().filter(|p| p.account == account).map(|p| p.amount).sum()
}

fn stream_of(record: &LedgerRecord) -> Result<Option<EarningStream>> {
    Ok(match record.kind {
        RecordKind::MessageCharge => Some(EarningStream::Chat),
        RecordKind::Tip => Some(EarningStream::Tip),
        RecordKind::ReferralReward => Some(EarningStream::Referral),
        RecordKind::Unlock => {
            #[derive(Deserialize)]
            struct UnlockKind {
                item_kind: RevenueStream,
            }
            let k: UnlockKind = serde_json::from_str(&record.content)
                .map_err(|e| Error::invalid(format!("record {}: unlock content: {e}", record.seq)))?;
            Some(if k.item_kind == RevenueStream::PaidMedia {
                EarningStream::PaidMedia
            } else {
                EarningStream::GatedContent
            })
        }
        _ => None,
    })
}

/// A creator's earnings by UTC day, ISO week and month, by stream, with the top fans, over the
/// records with `from_ms ≤ at_ms < to_ms` (SPEC §16.1; rules in the module doc).
pub fn creator_analytics(
    creator_id: &str,
    records: &[LedgerRecord],
    from_ms: i64,
    to_ms: i64,
    top_n: Option<u32>,
) -> Result<CreatorAnalytics> {
    if from_ms > to_ms {
        return Err(Error::invalid(format!("the window starts after it ends ({from_ms} > {to_ms})")));
    }
    let top_n = top_n.unwrap_or(10);
    if !(1..=100).contains(&top_n) {
        return Err(Error::invalid(format!("top_n {top_n} is outside 1..=100")));
    }
    let account = format!("creator:{}:earnings", key_part(creator_id, "creator id")?);
    let by_seq: HashMap<u64, usize> = records.iter().enumerate().map(|(i, r)| (r.seq, i)).collect();
    let mut days: BTreeMap<i64, Sums> = BTreeMap::new();
    let mut fans: HashMap<&str, i64> = HashMap::new();
    let mut total = Sums::default();
    for record in records.iter().filter(|r| from_ms <= r.at_ms && r.at_ms < to_ms) {
        let Some(effect) = effect_of(record, records, &by_seq, &account)? else { continue };
        let (earned, refunded) = if effect.earnings >= 0 {
            (effect.earnings.unsigned_abs(), 0)
        } else {
            (0, effect.earnings.unsigned_abs())
        };
        days.entry(day_index(record.at_ms)).or_default().add(effect.stream, earned, refunded)?;
        total.add(effect.stream, earned, refunded)?;
        if let Some(payer) = effect.payer {
            let f = fans.entry(payer).or_insert(0);
            *f = f.saturating_add(effect.paid);
        }
    }
    let mut weeks: BTreeMap<(i32, u32), Sums> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), Sums> = BTreeMap::new();
    let mut day_list = Vec::with_capacity(days.len());
    for (day, sums) in &days {
        let date = date_of_day(*day)?;
        let w = date.iso_week();
        merge(weeks.entry((w.year(), w.week())).or_default(), sums)?;
        merge(months.entry((date.year(), date.month())).or_default(), sums)?;
        day_list.push(sums.bucket(crate::time::format_date(date)));
    }
    let mut top: Vec<TopFan> = fans
        .into_iter()
        .filter(|(_, v)| *v > 0)
        .map(|(id, v)| TopFan { user_id: id.to_string(), net_paid: v.unsigned_abs() })
        .collect();
    top.sort_by(|a, b| b.net_paid.cmp(&a.net_paid).then_with(|| a.user_id.as_bytes().cmp(b.user_id.as_bytes())));
    top.truncate(usize::try_from(top_n).unwrap_or(10));
    Ok(CreatorAnalytics {
        days: day_list,
        weeks: weeks.iter().map(|((y, w), s)| s.bucket(format!("{y:04}-W{w:02}"))).collect(),
        months: months.iter().map(|((y, m), s)| s.bucket(format!("{y:04}-{m:02}"))).collect(),
        total: total.bucket("total".to_string()),
        top_fans: top,
    })
}

fn merge(into: &mut Sums, from: &Sums) -> Result<()> {
    const ALL: [EarningStream; 5] = [
        EarningStream::Chat,
        EarningStream::Tip,
        EarningStream::GatedContent,
        EarningStream::PaidMedia,
        EarningStream::Referral,
    ];
    for (i, s) in ALL.iter().enumerate() {
        into.add(*s, from.earned.get(i).copied().unwrap_or(0), from.refunded.get(i).copied().unwrap_or(0))?;
    }
    Ok(())
}

fn date_of_day(day: i64) -> Result<NaiveDate> {
    crate::time::utc_date(day.checked_mul(DAY_MS).ok_or_else(|| Error::invalid("day out of range"))?)
}

/// The effect of one record in the window on this creator's figures, if any.
fn effect_of<'a>(
    record: &'a LedgerRecord,
    records: &'a [LedgerRecord],
    by_seq: &HashMap<u64, usize>,
    account: &str,
) -> Result<Option<Effect<'a>>> {
    let earnings = earnings_of(record, account);
    if earnings == 0 {
        return Ok(None);
    }
    if record.kind == RecordKind::Refund {
        let original =
            record.refs.first().and_then(|s| by_seq.get(s)).and_then(|i| records.get(*i)).ok_or_else(|| {
                Error::invalid(format!("refund {} names an original that is not among the records", record.seq))
            })?;
        let Some(stream) = stream_of(original)? else { return Ok(None) };
        let payer = payer_of(record);
        // The refund credits the payer's spendable: that much less paid.
        return Ok(Some(Effect { stream, earnings, payer: payer.map(|p| p.0), paid: payer.map_or(0, |p| -p.1) }));
    }
    let Some(stream) = stream_of(record)? else { return Ok(None) };
    let payer = if stream == EarningStream::Referral { None } else { payer_of(record) };
    Ok(Some(Effect { stream, earnings, payer: payer.map(|p| p.0), paid: payer.map_or(0, |p| -p.1) }))
}
