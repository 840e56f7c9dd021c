import AvaloCore

/// What an app shows for one paid chat payment: both shares and the policy they came from.
public struct ChatPayment: Equatable {
    /// Tokens the creator earns.
    public let creatorTokens: UInt64
    /// Tokens the platform keeps.
    public let platformTokens: UInt64
    /// Fingerprint of the policy that priced it (ties the quote to its rules).
    public let policyFingerprint: String

    /// A payment of known shares.
    public init(creatorTokens: UInt64, platformTokens: UInt64, policyFingerprint: String) {
        self.creatorTokens = creatorTokens
        self.platformTokens = platformTokens
        self.policyFingerprint = policyFingerprint
    }
}

/// Prices chat payments and counts billable words with one policy.
public struct ChatPricing {
    private let policy: Policy

    /// Uses the built-in policy.
    public init() { policy = Policy() }

    /// The policy's fingerprint.
    public var fingerprint: String { policy.fingerprint() }

    /// The policy's version label.
    public var policyVersion: String { policy.version() }

    /// The canonical JSON the fingerprint is computed from.
    public func canonicalJson() throws -> String { try policy.canonicalJson() }

    /// Splits one chat payment of `tokens`.
    public func pay(tokens: UInt64) throws -> ChatPayment {
        let s = try splitRevenue(policy: policy, stream: .chat, amount: tokens)
        return ChatPayment(creatorTokens: s.creator, platformTokens: s.platform, policyFingerprint: s.policyFingerprint)
    }

    /// Billable words of a message.
    public func words(in text: String) throws -> UInt64 { try countWords(policy: policy, text: text) }
}
