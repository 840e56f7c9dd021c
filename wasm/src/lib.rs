//! # `@avalo/core` — the WebAssembly facade of `avalo-core`
//!
//! This crate turns the pure Rust core into an npm package for Node and browsers
//! (`wasm-bindgen`, TypeScript types from `tsify`). It holds **no business logic**: every
//! exported function converts its JS arguments, calls exactly the core function of the same
//! name, and converts the result or the error back. If a facade needs an `if` that is not about
//! conversion, the rule belongs in `core/`.
//!
//! ## Layout
//! - One facade file per core module, same name: `wasm/src/split.rs` exports the functions of
//!   `core/src/split.rs`. It declares **no types**: records and enums are the core's own types,
//!   which derive `tsify::Tsify` under the core's off-by-default feature `wasm` (one
//!   description per type; see `core/src/wasm_support.rs` and `wasm/README.md`).
//! - [`convert`]: the number, string, decimal, record and list conversions every facade uses
//!   (the only checks: whole numbers up to 2^53 − 1, no lone UTF-16 surrogates).
//! - [`fail`]: how a core [`avalo_core::Error`] becomes a thrown JS `Error` with `.code` and
//!   `.reason`, plus the `ErrorCode` / `AvaloError` TypeScript declarations.
//! - [`policy`]: the `Policy` class, parsed once and passed to every call.
//!
//! ## Conventions at the JS boundary
//! - Names: functions are camelCase (`splitRevenue`); record fields keep the core's serde
//!   names (`creator_bp`, `policy_fingerprint`), so a record is exactly the JSON the backend
//!   and the conformance vectors use.
//! - Tokens, counts and millisecond timestamps are JS `number`s. A value that is not a whole
//!   number, is negative where the core is unsigned, or is above `Number.MAX_SAFE_INTEGER`
//!   (2^53 − 1) is refused with `INVALID_INPUT`; a result that would exceed it is refused the
//!   same way rather than rounded.
//! - Money is `{ amount: "134.99", currency: "PLN" }`: a decimal string with exactly the
//!   currency's minor digits. FX rates and other decimals are strings. No float touches money.
//! - Every failure throws an `Error` named `AvaloError` with `code` (SPEC §11) and `reason`.
//!
//! ## Adding a function (module engineers)
//! 1. Add the `#[wasm_bindgen(js_name = camelCase)]` function to `wasm/src/<module>.rs`, taking
//!    and returning the core's types (`Ts<CoreType>`), returning [`convert::JsResult`]. A type
//!    the core lacks is added to the core, with the `tsify::Tsify` derive.
//! 2. Fill `wasm/test/ops/<module>.js`, mapping each vector op name to the typed call.
//!
//! See `wasm/README.md` for the full walk-through.
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod convert;
pub mod fail;
pub mod policy;

pub mod error;
pub mod money;
pub mod payout;
pub mod pricing;
pub mod split;

pub mod admission;
pub mod billing;
pub mod creator;
pub mod envelope;
pub mod flags;
pub mod launch;
pub mod ledger;
pub mod media;
pub mod moderation;
pub mod ops;
pub mod ranking;
pub mod ratelimit;
pub mod risk;
pub mod rollout;
pub mod royal;
pub mod security;
pub mod spam;
pub mod upload;

pub use fail::Fail;
pub use policy::Policy;
