import AvaloCore
import Foundation

/// One operation: the case's policy and input object → the result as JSON.
typealias Op = (Policy, [String: JSON]) throws -> JSON

/// The operations written by hand (tools/runner-gen/src/overrides.rs, `HANDWRITTEN_OPS`):
/// methods of objects, and results the Rust runner extends beyond the core's serde form.
let specialOps: [String: Op] = [
    "policy_info": { p, _ in .object(["version": .string(p.version()), "fingerprint": .string(p.fingerprint())]) },
    "load_policy": { _, i in
        let p = try Policy.fromJson(json: try decString(i["json"], "json"))
        return .object(["version": .string(p.version()), "fingerprint": .string(p.fingerprint())])
    },
    "parse_money": { _, i in
        let m = try parseMoney(amount: try decString(i["amount"], "amount"), currency: try decString(i["currency"], "currency"))
        return .object(["amount": .string(canonicalAmount(m.amount, m.currency)), "currency": .string(m.currency),
                        "minor": .uint(try moneyToMinor(money: m))])
    },
    "sanitise_file_name": { _, i in
        let name = try sanitiseFileName(name: try decString(i["name"], "name"), maxChars: try decU32(i["max_chars"], "max_chars"))
        return .object(["file_name": .string(name), "chars": .uint(UInt64(name.unicodeScalars.count))])
    },
    "sha256_stream": { _, i in
        let s = Sha256Stream()
        for chunk in try decList(i["chunks"], "chunks", decBytes) { try s.update(chunk: chunk) }
        return .object(["sha256": .string(s.finish()), "bytes": .uint(s.bytesHashed())])
    },
]

/// Money, by hand: `Foundation.Decimal` keeps no scale (`0.60` is `0.6`), so the serde form is
/// rebuilt by padding to the currency's minor digits, the canonical scale every language uses.
func encMoney(_ x: Money) -> JSON {
    .object(["amount": .string(canonicalAmount(x.amount, x.currency)), "currency": .string(x.currency)])
}

/// The amount at its currency's canonical scale (the core's minor digits).
func canonicalAmount(_ amount: Decimal, _ currency: String) -> String {
    decimalString(amount, scale: (try? currencyInfo(code: currency)).map { Int($0.minorDigits) } ?? 0)
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
