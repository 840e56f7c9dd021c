import AvaloCore
import Foundation
import XCTest

/// Hand-written tests of the Swift API.
final class ApiTests: XCTestCase {
    func testDefaultPolicyVersionAndFingerprint() throws {
        let p = Policy()
        XCTAssertEqual(p.version(), "2026.11")
        XCTAssertNotNil(p.fingerprint().range(of: "^[0-9a-f]{64}$", options: .regularExpression))
        let q = try Policy.fromJson(json: try p.canonicalJson())
        XCTAssertEqual(q.fingerprint(), p.fingerprint())
    }

    func testPolicyPatchAndItsErrors() throws {
        let p = try Policy.fromPatch(patchJson: #"{"splits":{"chat_creator_bp":7000}}"#)
        XCTAssertNotEqual(p.fingerprint(), Policy().fingerprint())
        XCTAssertEqual(try splitRevenue(policy: p, stream: .chat, amount: 100).creator, 70)
        XCTAssertThrowsError(try Policy.fromPatch(patchJson: #"{"payout":{"min_tokens":"five"}}"#)) { error in
            guard let e = error as? AvaloError else { return XCTFail("not an AvaloError: \(error)") }
            XCTAssertEqual(e.code(), .invalidInput)
            XCTAssertTrue(e.reason().contains("payout.min_tokens"), e.reason())
        }
        let problems = try policyProblems(json: #"{"version":1}"#)
        XCTAssertEqual(problems.map(\.path), ["$.version"])
    }

    func testSplits() throws {
        let p = Policy()
        let s = try splitRevenue(policy: p, stream: .chat, amount: 101)
        XCTAssertEqual(s.creator, 65)
        XCTAssertEqual(s.platform, 36)
        XCTAssertEqual(s.creatorBp, 6500)
        XCTAssertEqual(s.policyFingerprint, p.fingerprint())
        let batch = try splitCumulativeBatch(policy: p, stream: .chat, state: CumulativeSplit(total: 0, creatorTotal: 0),
                                             amounts: Array(repeating: 1, count: 100))
        XCTAssertEqual(batch.splits.count, 100)
        XCTAssertEqual(batch.state, CumulativeSplit(total: 100, creatorTotal: 65))
    }

    func testErrorsCarryCodeAndReason() throws {
        let p = Policy()
        do {
            _ = try splitTip(policy: p, payerId: "c1", creatorId: "c1", amount: 50)
            XCTFail("self tip accepted")
        } catch let AvaloError.Failure(code, reason) {
            XCTAssertEqual(code, .selfPayment)
            XCTAssertEqual(code.asStr(), "SELF_PAYMENT")
            XCTAssertFalse(reason.isEmpty)
        }
        XCTAssertThrowsError(try splitTip(policy: p, payerId: "u1", creatorId: "c1", amount: 4)) { error in
            XCTAssertEqual((error as? AvaloError)?.code().asStr(), "AMOUNT_OUT_OF_RANGE")
        }
    }

    func testMoneyIsFoundationDecimal() throws {
        let p = Policy()
        let mini = try packPrice(policy: p, packId: "mini", currency: "PLN", fxRate: nil)
        let expected: Foundation.Decimal = Decimal(string: "31.99")!
        XCTAssertEqual(mini.price.amount, expected)
        XCTAssertEqual(mini.price.currency, "PLN")
        XCTAssertEqual(try tokensToPln(policy: p, tokens: 3).amount, Decimal(string: "0.6")!)
        let sek = try convertFromPln(pln: Money(amount: Decimal(string: "100.00")!, currency: "PLN"),
                                     currency: "SEK", fxRate: Decimal(string: "2.6789")!)
        XCTAssertEqual(sek.amount, Decimal(string: "267.89")!)
        XCTAssertEqual(try packPrice(policy: p, packId: "mini", currency: "JPY", fxRate: Decimal(string: "37.48")!).price.amount, 1199)
        XCTAssertEqual(try plnToTokens(policy: p, pln: Money(amount: Decimal(string: "0.6")!, currency: "PLN")), 3)
        XCTAssertEqual(try moneyToMinor(money: try parseMoney(amount: "12.3", currency: "PLN")), 1230)
        // More decimals than the currency has is refused, never rounded.
        XCTAssertThrowsError(try plnToTokens(policy: p, pln: Money(amount: Decimal(string: "0.601")!, currency: "PLN"))) { error in
            XCTAssertEqual((error as? AvaloError)?.code(), .invalidInput)
        }
    }

    /// Checked while the argument crosses (core/src/ffi_support.rs), before any facade code:
    /// an unknown currency, a negative amount, Decimal.nan, basis points above 10 000.
    func testValuesThatFailToLiftAreTypedInvalidInput() throws {
        let p = Policy()
        let bad: [Money] = [
            Money(amount: Decimal(string: "1.00")!, currency: "XXX"),
            Money(amount: Decimal(string: "-1")!, currency: "PLN"),
            Money(amount: Foundation.Decimal.nan, currency: "PLN"),
        ]
        for money in bad {
            XCTAssertThrowsError(try plnToTokens(policy: p, pln: money)) { error in
                XCTAssertEqual((error as? AvaloError)?.code(), .invalidInput, "\(money)")
            }
        }
        XCTAssertThrowsError(try splitAmount(amount: 100, creatorBp: 10_001)) { error in
            XCTAssertEqual((error as? AvaloError)?.code(), .invalidInput)
        }
        // Money is the core's type under its old name; MoneyAmount is how it crosses.
        let m: MoneyAmount = try parseMoney(amount: "1", currency: "pln")
        XCTAssertEqual(m.currency, "PLN")
    }
}
