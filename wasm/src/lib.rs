//! wasm-bindgen facade (filled in by the bindings issue).
