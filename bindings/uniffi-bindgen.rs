//! The UniFFI binding generator, built from this crate (feature `cli`) so that its version is
//! always the `uniffi` the library was built with. See `scripts/build-bindings.sh`.

fn main() {
    uniffi::uniffi_bindgen_main();
}
