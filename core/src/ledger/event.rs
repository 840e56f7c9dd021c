//! The money events a host turns into records (SPEC §12.2), and the record kinds.

use crate::payout::PayoutMethod;
use crate::split::RevenueStream;
use crate::Tokens;
use serde::{Deserialize, Serialize};

/// A money event, as the host describes it. Ids are the host's own; they become key parts
/// (§12.3). `request_id` is a client UUID made once per user action and reused on retries.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum LedgerEvent {
    /// A store purchase: a pack (§2.1) or a PLN amount settled at §2.2 (exactly one of them).
    Purchase {
        /// The buyer.
        payer: String,
        /// The store (`apple`, `google`, `stripe`…).
        store: String,
        /// The store's transaction id.
        store_txn_id: String,
        /// A pack id of the policy (`"mini"`…), or `None` with `pln_minor`.
        pack: Option<String>,
        /// A PLN amount in grosze, converted with `pln_to_tokens` (§2.2), or `None` with `pack`.
        pln_minor: Option<u64>,
    },
    /// One billed message (§4.5): `tokens` is the meter's `tokens_due`; `billed_tokens` and
    /// `creator_tokens` are the meter's cumulative figures *before* the message (§12.6).
    MessageCharge {
        /// The chat.
        chat_id: String,
        /// The message.
        message_id: String,
        /// The paying participant.
        payer: String,
        /// The earning participant.
        earner: String,
        /// Tokens due for this message (≥ 1: a free message posts nothing).
        tokens: Tokens,
        /// The meter's `billed_tokens` before this message.
        billed_tokens: Tokens,
        /// The meter's `creator_tokens` before this message.
        creator_tokens: Tokens,
    },
    /// A tip (§3.4).
    Tip {
        /// The tipper.
        payer: String,
        /// The creator.
        creator: String,
        /// Client UUID of the tap.
        request_id: String,
        /// Tokens tipped.
        tokens: Tokens,
    },
    /// An unlock of gated content or paid media (§3.4) at the creator's price.
    Unlock {
        /// The buyer.
        payer: String,
        /// The item's creator.
        creator: String,
        /// The item.
        item_id: String,
        /// `gated_content` or `paid_media`.
        item_kind: RevenueStream,
        /// The creator's price (required; `None` is `INVALID_INPUT`).
        price: Option<Tokens>,
    },
    /// AI companion usage at the host's quote (0 / 100).
    AiUsage {
        /// The user.
        payer: String,
        /// Client UUID of the request.
        request_id: String,
        /// Tokens quoted.
        tokens: Tokens,
    },
    /// The referral reward (§3.5) on the referred user's first purchase.
    ReferralReward {
        /// Who referred.
        referrer: String,
        /// Who was referred.
        referred: String,
        /// The seq of the referred user's first `purchase` record.
        purchase_seq: u64,
    },
    /// A withdrawal request (§3.6): reserves the whole amount (§12.4).
    WithdrawalRequested {
        /// The creator.
        creator: String,
        /// Client UUID of the request.
        request_id: String,
        /// Tokens withdrawn (net + fee).
        amount: Tokens,
        /// The payout method.
        method: PayoutMethod,
        /// Whether the creator's KYC is verified (checked, not stored).
        kyc_verified: bool,
    },
    /// `requested → approved` (posts nothing).
    WithdrawalApproved {
        /// The seq of the `withdrawal_requested` record.
        request_seq: u64,
    },
    /// `approved → paid`.
    WithdrawalPaid {
        /// The seq of the `withdrawal_requested` record.
        request_seq: u64,
        /// The payment provider's reference, if any.
        payout_ref: Option<String>,
    },
    /// `requested → rejected` (the amount goes back to earnings).
    WithdrawalRejected {
        /// The seq of the `withdrawal_requested` record.
        request_seq: u64,
    },
    /// `approved → failed` (the amount goes back to earnings).
    WithdrawalFailed {
        /// The seq of the `withdrawal_requested` record.
        request_seq: u64,
    },
    /// A compensating record reversing a `purchase`, `message_charge`, `tip`, `unlock` or
    /// `ai_usage` in full, once.
    Refund {
        /// The seq of the record refunded.
        original_seq: u64,
    },
}

/// The kind of a record (SPEC §12.2).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each variant is the §12.2 kind of the same name
pub enum RecordKind {
    Purchase,
    MessageCharge,
    Tip,
    Unlock,
    AiUsage,
    ReferralReward,
    WithdrawalRequested,
    WithdrawalApproved,
    WithdrawalPaid,
    WithdrawalRejected,
    WithdrawalFailed,
    Refund,
}

impl RecordKind {
    /// The wire name (`"message_charge"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Purchase => "purchase",
            Self::MessageCharge => "message_charge",
            Self::Tip => "tip",
            Self::Unlock => "unlock",
            Self::AiUsage => "ai_usage",
            Self::ReferralReward => "referral_reward",
            Self::WithdrawalRequested => "withdrawal_requested",
            Self::WithdrawalApproved => "withdrawal_approved",
            Self::WithdrawalPaid => "withdrawal_paid",
            Self::WithdrawalRejected => "withdrawal_rejected",
            Self::WithdrawalFailed => "withdrawal_failed",
            Self::Refund => "refund",
        }
    }

    /// Whether a `refund` may reverse a record of this kind.
    #[must_use]
    pub fn refundable(self) -> bool {
        matches!(self, Self::Purchase | Self::MessageCharge | Self::Tip | Self::Unlock | Self::AiUsage)
    }

    /// The withdrawal state a transition kind moves to, or `None` for other kinds.
    #[must_use]
    pub fn transition_target(self) -> Option<super::WithdrawalState> {
        use super::WithdrawalState as S;
        match self {
            Self::WithdrawalApproved => Some(S::Approved),
            Self::WithdrawalPaid => Some(S::Paid),
            Self::WithdrawalRejected => Some(S::Rejected),
            Self::WithdrawalFailed => Some(S::Failed),
            _ => None,
        }
    }
}
