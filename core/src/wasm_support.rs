//! TypeScript declarations for the core's boundary types whose serde is hand-written or comes
//! from another crate (feature `wasm` only; the wasm facade `wasm/` is the only user).
//!
//! `tsify::Tsify` is derived on the core's own types where they are declared (the line before
//! their `#[derive(...)]`); tsify reads their serde attributes, so the `.d.ts` describes
//! exactly the JSON the core reads and writes. Types whose serde is written by hand carry
//! `tsify(type = "…")` at their declaration: [`crate::Money`] is
//! `{ amount: string; currency: Currency }` (a decimal string with the currency's minor digits),
//! [`crate::Currency`] and [`crate::launch::CountryCode`] are strings, a birth date is
//! `"YYYY-MM-DD"`. The names below are Rust type names that tsify copies into the `.d.ts` as
//! they are written in a field's type; this section declares what they are in TypeScript.
//!
//! - `Decimal` (`rust_decimal`, serde feature `serde-str`): a decimal string, `"0.185"`.
//! - `Tokens` (`u64`): a whole number of tokens, a JS `number` (the facade refuses values
//!   above `Number.MAX_SAFE_INTEGER`).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const BOUNDARY_TYPES: &'static str = r#"
/** A decimal string (`"0.185"`, `"4.0"`): exact, never a float. */
export type Decimal = string;
/** A whole number of tokens (at most `Number.MAX_SAFE_INTEGER`). */
export type Tokens = number;
"#;
