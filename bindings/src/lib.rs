//! UniFFI facade for Swift and Kotlin (filled in by the bindings issue).
