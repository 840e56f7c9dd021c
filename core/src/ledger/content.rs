//! The content of each record kind (SPEC §12.2 "content" column, §12.6) and the postings
//! template that turns a content into postings with the existing rules: the cumulative split
//! (§3.3) for message charges, `split_tip` and `split_unlock` (§3.4), `referral_reward`
//! (§3.5) and the withdrawal fee of `quote_withdrawal` (§3.6). Building (`build_record`) and
//! checking (`check_ledger`) both call [`template`], so no amount is computed two ways.

use super::account::{ledger_amount, postings, Account, Posting};
use super::event::RecordKind;
use super::withdrawal::WithdrawalStatus;
use crate::error::{Error, Result};
use crate::payout::{withdrawal_fee, PayoutMethod};
use crate::split::{self, CumulativeSplit, RevenueStream};
use crate::{Policy, Tokens};
use serde::{Deserialize, Serialize};

/// `purchase` content: P, pack, T.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PurchaseContent {
    pub pack: Option<String>,
    pub payer: String,
    pub tokens: Tokens,
}

/// `message_charge` content: P, C, T, c, p and the meter's cumulative figures before (§12.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MessageChargeContent {
    pub billed_tokens: Tokens,
    pub creator: Tokens,
    pub creator_tokens: Tokens,
    pub earner: String,
    pub payer: String,
    pub platform: Tokens,
    pub tokens: Tokens,
}

/// `tip` content: P, C, T.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TipContent {
    pub creator: String,
    pub payer: String,
    pub tokens: Tokens,
}

/// `unlock` content: P, the item and its kind (§12.6) and the item's creator; not the price,
/// so that a second unlock of an item returns the first whatever the price is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UnlockContent {
    pub creator: String,
    pub item_id: String,
    pub item_kind: RevenueStream,
    pub payer: String,
}

/// `ai_usage` content: P, T.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AiUsageContent {
    pub payer: String,
    pub tokens: Tokens,
}

/// `referral_reward` content: both users and the purchase seq.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReferralContent {
    pub purchase_seq: u64,
    pub referred: String,
    pub referrer: String,
}

/// `withdrawal_requested` content: C, A, method, and the fee and net fixed at request time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WithdrawalContent {
    pub amount: Tokens,
    pub creator: String,
    pub fee: Tokens,
    pub method: PayoutMethod,
    pub net: Tokens,
}

/// `withdrawal_{approved, paid, rejected, failed}` content: the request seq (+ payout ref).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TransitionContent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_ref: Option<String>,
    pub request_seq: u64,
}

/// `refund` content: the original seq.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RefundContent {
    pub original_seq: u64,
}

/// A parsed content of any kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Content {
    Purchase(PurchaseContent),
    MessageCharge(MessageChargeContent),
    Tip(TipContent),
    Unlock(UnlockContent),
    AiUsage(AiUsageContent),
    Referral(ReferralContent),
    Withdrawal(WithdrawalContent),
    Transition(TransitionContent),
    Refund(RefundContent),
}

impl Content {
    /// The canonical JSON of the content. Every content struct declares its fields in sorted
    /// order and holds only strings, integers, unit enums and options of them, so serde_json's
    /// compact writer already gives the canonical form (keys sorted, no white space) without an
    /// intermediate `serde_json::Value`; a test pins it to [`super::key::canonical_json`].
    pub(crate) fn canonical(&self) -> Result<String> {
        fn c<T: Serialize>(value: &T) -> Result<String> {
            serde_json::to_string(value).map_err(|e| Error::invalid(format!("cannot serialise: {e}")))
        }
        match self {
            Content::Purchase(x) => c(x),
            Content::MessageCharge(x) => c(x),
            Content::Tip(x) => c(x),
            Content::Unlock(x) => c(x),
            Content::AiUsage(x) => c(x),
            Content::Referral(x) => c(x),
            Content::Withdrawal(x) => c(x),
            Content::Transition(x) => c(x),
            Content::Refund(x) => c(x),
        }
    }

    /// Parses a stored content of `kind`; a wrong shape is `INVALID_INPUT`.
    pub(crate) fn parse(kind: RecordKind, json: &str) -> Result<Content> {
        fn p<T: serde::de::DeserializeOwned>(json: &str) -> Result<T> {
            serde_json::from_str(json).map_err(|e| Error::invalid(format!("record content: {e}")))
        }
        use RecordKind as K;
        Ok(match kind {
            K::Purchase => Content::Purchase(p(json)?),
            K::MessageCharge => Content::MessageCharge(p(json)?),
            K::Tip => Content::Tip(p(json)?),
            K::Unlock => Content::Unlock(p(json)?),
            K::AiUsage => Content::AiUsage(p(json)?),
            K::ReferralReward => Content::Referral(p(json)?),
            K::WithdrawalRequested => Content::Withdrawal(p(json)?),
            K::WithdrawalApproved | K::WithdrawalPaid | K::WithdrawalRejected | K::WithdrawalFailed => {
                Content::Transition(p(json)?)
            }
            K::Refund => Content::Refund(p(json)?),
        })
    }

    /// The key as far as the content determines it: `(text, exact)`; when not exact, the key
    /// must start with `text` and have one more non-empty part (an id the content does not hold).
    pub(crate) fn key_shape(&self, kind: RecordKind) -> (String, bool) {
        match self {
            Content::Purchase(_) => ("purchase:".into(), false),
            Content::MessageCharge(_) => ("msg:".into(), false),
            Content::Tip(x) => (format!("tip:{}:", x.payer), false),
            Content::Unlock(x) => (format!("unlock:{}:{}", x.payer, x.item_id), true),
            Content::AiUsage(x) => (format!("ai:{}:", x.payer), false),
            Content::Referral(x) => (format!("referral:{}", x.referred), true),
            Content::Withdrawal(x) => (format!("wd:{}:", x.creator), false),
            Content::Transition(x) => {
                let state = kind.as_str().trim_start_matches("withdrawal_");
                (format!("wd_{state}:{}", x.request_seq), true)
            }
            Content::Refund(x) => (format!("refund:{}", x.original_seq), true),
        }
    }

    /// The seqs the record refers to (`refs`).
    pub(crate) fn refs(&self) -> Vec<u64> {
        match self {
            Content::Referral(x) => vec![x.purchase_seq],
            Content::Transition(x) => vec![x.request_seq],
            Content::Refund(x) => vec![x.original_seq],
            _ => Vec::new(),
        }
    }
}

/// What a template needs beyond the content: an unlock's price, the withdrawal request of a
/// transition, the original postings of a refund.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TemplateContext<'a> {
    pub unlock_price: Option<Tokens>,
    pub request: Option<&'a WithdrawalStatus>,
    pub original: Option<&'a [Posting]>,
}

fn id(s: &str) -> Result<String> {
    if super::key::is_key_part(s) {
        Ok(s.to_string())
    } else {
        Err(Error::invalid(format!("{s:?} is not a key part")))
    }
}

fn nonzero(t: Tokens, what: &str) -> Result<i64> {
    if t == 0 {
        return Err(Error::out_of_range(format!("{what} must be at least 1 token")));
    }
    ledger_amount(t)
}

fn shares(payer: &str, creator: &str, tokens: i64, c: Tokens, p: Tokens) -> Result<Vec<Posting>> {
    Ok(postings(vec![
        (Account::Spendable(id(payer)?), -tokens),
        (Account::Earnings(id(creator)?), ledger_amount(c)?),
        (Account::Revenue, ledger_amount(p)?),
    ]))
}

/// The postings of a content under `policy`, with every rule of its kind (§12.2 rule 2). For a
/// transition, the kind names the target state.
pub(crate) fn template(
    policy: &Policy,
    kind: RecordKind,
    content: &Content,
    ctx: TemplateContext,
) -> Result<Vec<Posting>> {
    match content {
        Content::Purchase(x) => {
            let t = nonzero(x.tokens, "a purchase")?;
            Ok(postings(vec![(Account::Purchases, -t), (Account::Spendable(id(&x.payer)?), t)]))
        }
        Content::MessageCharge(x) => {
            if x.payer == x.earner {
                return Err(Error::new(crate::ErrorCode::SelfPayment, "the payer is the earner"));
            }
            let t = nonzero(x.tokens, "a message charge")?;
            let step = CumulativeSplit { total: x.billed_tokens, creator_total: x.creator_tokens }
                .apply(x.tokens, policy.splits.chat_creator_bp)?;
            if step.split.creator != x.creator || step.split.platform != x.platform {
                return Err(Error::invalid(format!(
                    "message charge split {} + {} is not the cumulative split {} + {}",
                    x.creator, x.platform, step.split.creator, step.split.platform
                )));
            }
            shares(&x.payer, &x.earner, t, step.split.creator, step.split.platform)
        }
        Content::Tip(x) => {
            let s = split::split_tip(policy, &x.payer, &x.creator, x.tokens)?;
            shares(&x.payer, &x.creator, ledger_amount(x.tokens)?, s.creator, s.platform)
        }
        Content::Unlock(x) => {
            let s = split::split_unlock(policy, x.item_kind, &x.payer, &x.creator, ctx.unlock_price)?;
            shares(&x.payer, &x.creator, ledger_amount(s.amount)?, s.creator, s.platform)
        }
        Content::AiUsage(x) => {
            let t = nonzero(x.tokens, "AI usage")?;
            Ok(postings(vec![(Account::Spendable(id(&x.payer)?), -t), (Account::Revenue, t)]))
        }
        Content::Referral(x) => {
            if x.referrer == x.referred {
                return Err(Error::new(crate::ErrorCode::SelfPayment, "a user cannot refer themself"));
            }
            let r = split::referral_reward(policy, true, 0).referrer_tokens;
            let r = nonzero(r, "a referral reward")?;
            Ok(postings(vec![(Account::Referral, -r), (Account::Earnings(id(&x.referrer)?), r)]))
        }
        Content::Withdrawal(x) => {
            let a = ledger_amount(x.amount)?;
            let fee = withdrawal_fee(x.amount, policy.payout.fee_bp);
            if fee != x.fee || x.amount - fee != x.net {
                return Err(Error::invalid(format!("withdrawal fee {} / net {} is not the quote's", x.fee, x.net)));
            }
            let c = id(&x.creator)?;
            Ok(postings(vec![(Account::Earnings(c.clone()), -a), (Account::Pending(c), a)]))
        }
        Content::Transition(x) => {
            let r =
                ctx.request.ok_or_else(|| Error::invalid(format!("no withdrawal request at seq {}", x.request_seq)))?;
            let a = ledger_amount(r.amount)?;
            let c = id(&r.creator)?;
            Ok(match kind {
                RecordKind::WithdrawalPaid => postings(vec![
                    (Account::Pending(c), -a),
                    (Account::Payouts, ledger_amount(r.net)?),
                    (Account::Fees, ledger_amount(r.fee)?),
                ]),
                RecordKind::WithdrawalRejected | RecordKind::WithdrawalFailed => {
                    postings(vec![(Account::Pending(c.clone()), -a), (Account::Earnings(c), a)])
                }
                _ => Vec::new(),
            })
        }
        Content::Refund(x) => {
            let o = ctx.original.ok_or_else(|| Error::invalid(format!("no record at seq {}", x.original_seq)))?;
            let mut out: Vec<Posting> =
                o.iter().map(|p| Posting { account: p.account.clone(), amount: -p.amount }).collect();
            out.sort_by(|a, b| a.account.cmp(&b.account));
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The direct writer (`serde_json::to_string` on structs with sorted fields) is the generic
    /// canonical form (`to_value` + sorted keys) for every kind, option and enum value.
    #[test]
    fn direct_canonical_is_the_generic_canonical() {
        let odd = "a \"quoted\" \\ back\u{8}\u{c}\n\r\t\u{1}\u{1f} é 🦀 </script>";
        let mut all = vec![
            Content::Purchase(PurchaseContent { pack: Some("royal".into()), payer: "u1".into(), tokens: 7 }),
            Content::Purchase(PurchaseContent { pack: None, payer: "u1".into(), tokens: u64::MAX }),
            Content::Purchase(PurchaseContent { pack: Some(odd.into()), payer: "u-1.x_Y".into(), tokens: 0 }),
            Content::MessageCharge(MessageChargeContent {
                billed_tokens: 1,
                creator: 2,
                creator_tokens: 3,
                earner: "c1".into(),
                payer: "u1".into(),
                platform: 4,
                tokens: 5,
            }),
            Content::Tip(TipContent { creator: "c".into(), payer: "p".into(), tokens: 9 }),
            Content::AiUsage(AiUsageContent { payer: "p".into(), tokens: 1 }),
            Content::Referral(ReferralContent { purchase_seq: 3, referred: "b".into(), referrer: "a".into() }),
            Content::Transition(TransitionContent { payout_ref: None, request_seq: 4 }),
            Content::Transition(TransitionContent { payout_ref: Some(odd.into()), request_seq: 4 }),
            Content::Refund(RefundContent { original_seq: u64::MAX }),
        ];
        for item_kind in [
            RevenueStream::Chat,
            RevenueStream::GatedContent,
            RevenueStream::PaidMedia,
            RevenueStream::Tip,
            RevenueStream::AiCompanion,
        ] {
            all.push(Content::Unlock(UnlockContent {
                creator: "c".into(),
                item_id: "i".into(),
                item_kind,
                payer: "p".into(),
            }));
        }
        for method in [PayoutMethod::BankTransfer, PayoutMethod::Crypto, PayoutMethod::Paypal] {
            all.push(Content::Withdrawal(WithdrawalContent {
                amount: 10,
                creator: "c".into(),
                fee: 1,
                method,
                net: 9,
            }));
        }
        use super::super::key::canonical_json as generic;
        for c in &all {
            let want = match c {
                Content::Purchase(x) => generic(x),
                Content::MessageCharge(x) => generic(x),
                Content::Tip(x) => generic(x),
                Content::Unlock(x) => generic(x),
                Content::AiUsage(x) => generic(x),
                Content::Referral(x) => generic(x),
                Content::Withdrawal(x) => generic(x),
                Content::Transition(x) => generic(x),
                Content::Refund(x) => generic(x),
            };
            assert_eq!(c.canonical().ok(), want.ok(), "{c:?}");
        }
    }
}
