//! # Avalo Core
//!
//! The money and safety rules of the Avalo platform, in one pure library shared by the iOS and
//! Android apps (through UniFFI), the web admin panel (through WebAssembly) and the backend.
//!
//! - No I/O: no clock, no randomness, no files, no network. Time (`now_ms`, milliseconds since
//!   the Unix epoch, UTC) and randomness are parameters.
//! - Exact money: tokens are `u64`, fiat is integer minor units plus a [`money::Currency`], rates
//!   are `rust_decimal::Decimal`, shares are [`money::BasisPoints`]. No float touches money.
//! - Total: every fallible function returns [`Error`] with a stable [`ErrorCode`] (SPEC §11).
//! - One [`Policy`] holds every tunable number; its fingerprint proves two parties price alike.
//!
//! The rule book is `SPEC.md`; each module cites the sections it implements.
#![forbid(unsafe_code)]

pub mod admission;
pub mod billing;
pub mod creator;
pub mod error;
#[cfg(feature = "uniffi")]
pub mod ffi_support;
pub mod flags;
pub mod identity;
pub mod launch;
pub mod ledger;
pub mod media;
pub mod moderation;
pub mod money;
pub mod ops;
pub mod payout;
pub mod policy;
pub mod pricing;
pub mod ranking;
pub mod ratelimit;
pub mod risk;
pub mod rollout;
pub mod royal;
pub mod security;
pub mod spam;
pub mod split;
pub mod time;
pub mod upload;
#[cfg(feature = "wasm")]
pub mod wasm_support;

pub use error::{Error, ErrorCode, Result};
pub use money::{BasisPoints, Currency, Money, Tokens};
pub use policy::{Policy, PolicyProblem, PolicyRules};
pub use rust_decimal::Decimal;

// The UniFFI derives on the core's types name `crate::UniFfiTag`: under the `uniffi` feature the
// core is its own UniFFI namespace, `avalo_core` (docs/ARCHITECTURE.md, "One description").
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("avalo_core");
