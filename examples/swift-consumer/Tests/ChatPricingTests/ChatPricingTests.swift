import ChatPricing
import XCTest

/// Expected values by hand from the rule book (SPEC §1, §3.2, §4.3), not from the code.
final class ChatPricingTests: XCTestCase {
    func testBuiltInPolicy() throws {
        let pricing = ChatPricing()
        XCTAssertEqual(pricing.policyVersion, "2026.11")
        XCTAssertNotNil(pricing.fingerprint.range(of: "^[0-9a-f]{64}$", options: .regularExpression))
        XCTAssertFalse(try pricing.canonicalJson().isEmpty)
    }

    func testChatSplitIsTiedToThePolicy() throws {
        let pricing = ChatPricing()
        let paid = try pricing.pay(tokens: 101)
        XCTAssertEqual(paid, ChatPayment(creatorTokens: 65, platformTokens: 36, policyFingerprint: pricing.fingerprint))
    }

    func testWords() throws {
        let pricing = ChatPricing()
        XCTAssertEqual(try pricing.words(in: "I ❤️ you"), 2)
        XCTAssertEqual(try pricing.words(in: "HTTP://EXAMPLE.COM/x y"), 1)
        XCTAssertEqual(try pricing.words(in: "e-mail"), 2)
        XCTAssertEqual(try pricing.words(in: "don't"), 1)
    }
}
