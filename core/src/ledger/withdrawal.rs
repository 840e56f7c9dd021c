//! The withdrawal state machine (SPEC §12.4).
//!
//! `requested → approved → paid`, `requested → rejected`, `approved → failed`; `paid`,
//! `rejected` and `failed` are final. Any other move is `INVALID_TRANSITION`.

use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};

/// The state of one withdrawal request.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum WithdrawalState {
    /// Requested: the amount is held in `pending`.
    Requested,
    /// Approved by an operator: still held.
    Approved,
    /// Paid out (final).
    Paid,
    /// Rejected before approval (final): the amount went back to earnings.
    Rejected,
    /// The payment failed after approval (final): the amount went back to earnings.
    Failed,
}

impl WithdrawalState {
    /// Whether no transition leaves this state.
    #[must_use]
    pub fn is_final(self) -> bool {
        matches!(self, Self::Paid | Self::Rejected | Self::Failed)
    }

    /// Whether `self → to` is allowed.
    #[must_use]
    pub fn can_move_to(self, to: WithdrawalState) -> bool {
        use WithdrawalState as S;
        matches!(
            (self, to),
            (S::Requested, S::Approved)
                | (S::Approved, S::Paid)
                | (S::Requested, S::Rejected)
                | (S::Approved, S::Failed)
        )
    }
}

/// Checks one transition: allowed, or `INVALID_TRANSITION` naming both states.
pub fn check_transition(from: WithdrawalState, to: WithdrawalState) -> Result<()> {
    if from.can_move_to(to) {
        Ok(())
    } else {
        Err(Error::new(ErrorCode::InvalidTransition, format!("a withdrawal cannot move from {from:?} to {to:?}")))
    }
}

/// One withdrawal request as the ledger knows it (from its records).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WithdrawalStatus {
    /// The seq of the `withdrawal_requested` record.
    pub request_seq: u64,
    /// The creator (key part).
    pub creator: String,
    /// The amount held (net + fee).
    pub amount: u64,
    /// The fee fixed at request time.
    pub fee: u64,
    /// The net tokens paid out.
    pub net: u64,
    /// The current state.
    pub state: WithdrawalState,
}
