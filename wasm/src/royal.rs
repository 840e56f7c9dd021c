//! Facade of `core/src/royal.rs` (none yet: the module's issue adds its mirror types and
//! `#[wasm_bindgen]` functions here, following `split.rs`; see `wasm/README.md`).
