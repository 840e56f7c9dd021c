//! # avalo-ffi: the UniFFI facade of avalo-core for Swift and Kotlin
//!
//! One cdylib/staticlib from which `scripts/build-bindings.sh` generates `ffi-kotlin/` and
//! `ffi-swift/`. The facade holds **no business logic and no data types**: the records, enums,
//! custom types, the `Policy` object and the error are the core's own (`avalo-core` with feature
//! `uniffi`, UniFFI namespace `avalo_core`); this crate only exports functions (namespace
//! `avalo_ffi`). See `docs/ARCHITECTURE.md` and `bindings/README.md`.
//!
//! - One facade file per core module (`split.rs` mirrors `core/src/split.rs`), holding only
//!   `#[uniffi::export]` functions that call the core function of the same name.
//! - One error type, [`AvaloError`] (Kotlin `AvaloException`, Swift `AvaloError`), carrying the
//!   stable SPEC §11 [`ErrorCode`] and a `reason`.
//! - Money crosses as `{ amount, currency }` with the amount a decimal (`java.math.BigDecimal`
//!   in Kotlin, `Foundation.Decimal` in Swift) at the currency's canonical scale.
//! - The policy is an object, [`Policy`]; functions that depend on it take it first.
//! - No panic crosses the boundary: every exported function that runs core code goes through
//!   [`guard`], which turns a panic into `SERVICE_DEGRADED`.

#![forbid(unsafe_code)]

uniffi::setup_scaffolding!("avalo_ffi");

// `Decimal` is a remote custom type declared in avalo-core: a crate that uses it in a signature
// must say so.
use avalo_core::Decimal;
uniffi::use_remote_type!(avalo_core::Decimal);

pub mod billing;
pub mod error;
pub mod flags;
pub mod launch;
pub mod money;
pub mod payout;
pub mod policy;
pub mod pricing;
pub mod ranking;
pub mod ratelimit;
pub mod risk;
pub mod rollout;
pub mod royal;
pub mod spam;
pub mod split;

pub mod media;
pub mod security;
pub mod upload;

pub use avalo_core::{ErrorCode, Policy};
pub use error::{guard, AvaloError};
