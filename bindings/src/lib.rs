//! # avalo-ffi: the UniFFI facade of avalo-core for Swift and Kotlin
//!
//! One cdylib/staticlib from which `scripts/build-bindings.sh` generates `ffi-kotlin/` and
//! `ffi-swift/`. The facade holds **no business logic**: every exported function converts its
//! arguments into core types, calls the core function of the same name, and converts the
//! result (or the error) back. See `bindings/README.md` for the pattern.
//!
//! - One facade file per core module (`split.rs` mirrors `core/src/split.rs`), each with mirror
//!   records/enums (`#[derive(uniffi::Record)]`, `uniffi::Enum`) and `From` conversions, so the
//!   core stays free of FFI attributes.
//! - One error type, [`AvaloError`] (Kotlin `AvaloException`, Swift `AvaloError`), carrying the
//!   stable SPEC §11 [`ErrorCode`] and a `reason`.
//! - Money crosses as a decimal string ([`Decimal`], `java.math.BigDecimal` in Kotlin,
//!   `Foundation.Decimal` in Swift) at the currency's canonical scale.
//! - The policy is an object, [`Policy`]; functions that depend on it take it first.
//! - No panic crosses the boundary: every exported function that runs core code goes through
//!   [`guard`], which turns a panic into `SERVICE_DEGRADED`.

#![forbid(unsafe_code)]

uniffi::setup_scaffolding!("avalo_ffi");

pub mod billing;
mod decimal;
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

pub use decimal::Decimal;
pub use error::{guard, AvaloError, ErrorCode};
pub use policy::Policy;
