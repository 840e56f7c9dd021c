//! The creator's own message rate (SPEC §16.2): words per token from 5 to 20 inclusive, set by
//! the creator; unset, §4.4 applies (11, or 7 for a Royal earner). A set rate replaces the
//! default whatever the Royal status.
//!
//! Each change increments the creator's `rate_version` (1 for the first rate; 0 means never
//! set); setting the rate it already has changes nothing. The chat meter keeps the rate and
//! version it last billed with: a message billed under a newer version first re-bases the meter
//! (unconverted words carry at the new rate, as §4.5 for Royal status). The preview returns the
//! rate and version it priced with; a charge whose version shown is no longer current is
//! refused with `PRICE_CHANGED`, the meter unchanged.

use crate::error::{Error, Result};
use crate::Policy;
use serde::{Deserialize, Serialize};

/// A creator's message rate as the host stores it (one per creator, for all their chats).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CreatorRate {
    /// Words per token the creator set (5–20), `None` when never set (§4.4 applies).
    #[serde(default)]
    pub words_per_token: Option<u32>,
    /// Incremented on every change; 0 when never set.
    #[serde(default)]
    pub rate_version: u64,
}

impl CreatorRate {
    /// The words per token a chat is billed at: the creator's rate when set, else §4.4's.
    #[must_use]
    pub fn effective(&self, policy: &Policy, earner_royal: bool) -> u32 {
        self.words_per_token.unwrap_or_else(|| policy.billing.words_per_token(earner_royal))
    }

    /// Checks a stored rate: a set rate within the policy's bounds and a version ≥ 1 with it
    /// (none without it). `INVALID_INPUT` otherwise.
    pub fn validate(&self, policy: &Policy) -> Result<()> {
        let b = &policy.billing;
        match self.words_per_token {
            Some(w) if !(b.creator_min_words_per_token..=b.creator_max_words_per_token).contains(&w) => {
                Err(Error::invalid(format!("creator rate {w} words per token is outside the policy's bounds")))
            }
            Some(_) if self.rate_version == 0 => Err(Error::invalid("a set creator rate has a rate_version ≥ 1")),
            None if self.rate_version != 0 => Err(Error::invalid("rate_version without a creator rate")),
            _ => Ok(()),
        }
    }
}

/// Sets a creator's words per token (SPEC §16.2): within 5–20 inclusive (policy bounds), else
/// `AMOUNT_OUT_OF_RANGE`. Returns the new rate with its version incremented, or the current one
/// unchanged when the rate is the one already set.
pub fn set_creator_rate(policy: &Policy, current: &CreatorRate, words_per_token: u32) -> Result<CreatorRate> {
    current.validate(policy)?;
    let b = &policy.billing;
    if !(b.creator_min_words_per_token..=b.creator_max_words_per_token).contains(&words_per_token) {
        return Err(Error::out_of_range(format!(
            "{words_per_token} words per token; a creator may set {} to {}",
            b.creator_min_words_per_token, b.creator_max_words_per_token
        )));
    }
    if current.words_per_token == Some(words_per_token) {
        return Ok(*current);
    }
    let rate_version =
        current.rate_version.checked_add(1).ok_or_else(|| Error::out_of_range("rate_version overflows"))?;
    Ok(CreatorRate { words_per_token: Some(words_per_token), rate_version })
}
