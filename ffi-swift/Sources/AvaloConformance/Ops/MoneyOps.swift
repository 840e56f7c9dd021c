import AvaloCore
import Foundation

/// Vector ops of core/src/money.rs.
enum MoneyOps {
    static func register(_ r: Registry) {
        r.op("parse_money") { _, i in
            let m = try i.money("amount", "currency")
            return obj(["amount": canonicalAmount(m.amount, m.currency), "currency": m.currency, "minor": try moneyToMinor(money: m)])
        }
        r.op("currency_info") { _, i in
            let c = try currencyInfo(code: try i.str("code"))
            return obj(["code": c.code, "minor_digits": c.minorDigits])
        }
        r.op("basis_points") { _, i in obj(["bp": try basisPoints(bp: try i.u32("bp"))]) }
    }
}

extension Input {
    /// Money from two input fields (text amount + currency code), parsed by the core like the
    /// Rust runner does.
    func money(_ amountKey: String, _ currencyKey: String) throws -> Money {
        try parseMoney(amount: try str(amountKey), currency: try str(currencyKey))
    }
}

/// Minor digits per currency, asked once from the core.
private var minorDigitsCache: [String: Int] = [:]

/// `Foundation.Decimal` keeps no scale (`0.60` is `0.6`), so the serde form of money is
/// rebuilt by padding to the currency's minor digits: the canonical scale every language uses.
func canonicalAmount(_ amount: Decimal, _ currency: String) -> String {
    let digits: Int
    if let d = minorDigitsCache[currency] {
        digits = d
    } else {
        digits = (try? currencyInfo(code: currency)).map { Int($0.minorDigits) } ?? 0
        minorDigitsCache[currency] = digits
    }
    return decimalString(amount, scale: digits)
}

/// The plain decimal string of `value` with at least `scale` decimals (zeros appended; never
/// rounded, so an unexpected extra digit still shows up in the comparison).
func decimalString(_ value: Decimal, scale: Int) -> String {
    var s = value.description
    guard scale > 0 else { return s }
    if !s.contains(".") { s += "." }
    let have = s.distance(from: s.firstIndex(of: ".")!, to: s.endIndex) - 1
    return have < scale ? s + String(repeating: "0", count: scale - have) : s
}

extension Money: JSONValue {
    var json: JSON { obj(["amount": canonicalAmount(amount, currency), "currency": currency]) }
}

