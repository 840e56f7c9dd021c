// Used when no optional module's UniFFI facade (billing, ranking) is in the build.
func extraBenches(_ policy: Policy) throws {}
