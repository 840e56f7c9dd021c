//! The money ledger (SPEC §12): every money event becomes one immutable record of double-entry
//! postings in tokens, chained by hashes; balances and withdrawal states are replays of the
//! records.
//!
//! # Host protocol (§12.5)
//! 1. [`ledger_reads`] names what to read for an event: keys, seqs, accounts.
//! 2. In one snapshot (one database transaction), read the head, those records and the
//!    balances of [`LedgerReads::accounts_with`], into a [`LedgerView`].
//! 3. [`build_record`] answers with a [`Built`]: a replay (`replayed: true`: return it, write
//!    nothing) or a new record and the new balances of the accounts it posts to.
//! 4. Append the record and write the balances **only if the head is still `view.head`**
//!    (compare-and-set on `seq`; a unique constraint on `key` and on `seq`), else go to 2.
//!
//! [`check_ledger`] proves a stored ledger: chain, postings, keys, balances in order,
//! transitions, references, and the stored totals.
//!
//! # Choices where SPEC §12 is silent
//! - Records carry their `content` (canonical JSON text) next to `content_hash`, so the check
//!   can recompute every amount from the rules.
//! - Ids in accounts, keys and contents are key parts (§12.3): ids that do not fit are hashed.
//! - An unlock's content is payer, creator, item and item kind (not the price), so a second
//!   unlock of an item returns the first even if the price changed.
//! - A withdrawal request's content also holds the fee and net fixed at request time, so a
//!   later policy change cannot alter what is paid.
//! - `purchase` takes a pack id (§2.1) or a PLN amount in grosze (§2.2); `ai_usage` posts
//!   everything to revenue (0 / 100) whatever the AI stream's share.
//! - A referral reward must refer to a `purchase` of the referred user; whether it was the first
//!   one is the host's knowledge (the key `referral:{referred}` allows one reward).
//! - A balance missing from a [`LedgerView`] is 0 (a store has no row for an account never
//!   posted to).
//! - `check_ledger` takes the policies the records name; naming another is `INVALID_INPUT`.
//!   A record's amounts are recomputed with the policy it names, so a ledger spanning policy
//!   changes verifies.
//! - `check_ledger` also checks that a key is the one the content determines (`refund:{seq}`,
//!   `unlock:{P}:{item}`, the payer in `tip:{P}:…` …); a mismatch is `BAD_POSTINGS` ("not the
//!   kind's template"), so a second refund under an invented key is caught.
//! - `IDEMPOTENCY_CONFLICT` names the stored seq in its reason; `INSUFFICIENT_TOKENS` names
//!   the account, needed and available in its reason ("account …: needed N, available M").
//! - A withdrawal transition whose key is stored is a replay even if the request moved on
//!   (`approved` retried after `paid` returns the stored approval).
//! - A withdrawal request checks, in `quote_withdrawal`'s order: range, method (`INVALID_INPUT`),
//!   KYC; its balance is rule 5 on the ledger, not the quote's `available_balance`.
//! - `approved` posts nothing: its record has no postings.
//! - `at_ms` must be 0..=2^53 − 1; a date `quote_withdrawal` cannot represent is its error.

mod account;
mod build;
mod check;
mod content;
mod event;
mod key;
mod memory;
mod record;
mod state;
mod withdrawal;

#[cfg(test)]
mod tests;

pub use account::{Account, AccountBalance, Posting, MAX_LEDGER_AMOUNT};
pub use build::{build_record, ledger_reads, Built, LedgerReads};
pub use check::{check_ledger, FindingKind, LedgerChecker, LedgerFinding, LedgerReport};
pub use event::{LedgerEvent, RecordKind};
pub use key::{canonical_json, is_key_part, key_part, sha256_hex};
pub use memory::MemoryLedger;
pub use record::{LedgerHead, LedgerRecord, GENESIS_HASH};
pub use state::{LedgerState, LedgerTotals, LedgerView};
pub use withdrawal::{check_transition, WithdrawalState, WithdrawalStatus};
