import AvaloCore

/// One operation: the case's policy and input → the result as JSON (built with `obj`).
typealias Op = (Policy, Input) throws -> JSON

/// op name → operation. Each module registers its operations in `register(_:)`:
/// `r.op("split_amount") { policy, input in ... }`.
final class Registry {
    private(set) var ops: [String: Op] = [:]
    private(set) var duplicates: [String] = []

    func op(_ name: String, _ body: @escaping Op) {
        if ops[name] != nil { duplicates.append(name) }
        ops[name] = body
    }
}

/// Every module's operations. A module engineer adds `Ops/<Module>Ops.swift` and one line here.
let modules: [(Registry) -> Void] = [
    PolicyOps.register,
    MoneyOps.register,
    PricingOps.register,
    SplitOps.register,
    PayoutOps.register,
    ErrorOps.register,
    LaunchOps.register,
    RolloutOps.register,
    RiskOps.register,
    FlagsOps.register,
    BillingOps.register,
    SpamOps.register,
    RankingOps.register,
    RoyalOps.register,
    RateLimitOps.register,
    UploadOps.register,
    MediaOps.register,
    SecurityOps.register,
]
