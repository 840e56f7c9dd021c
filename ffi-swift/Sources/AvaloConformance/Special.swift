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
    "ed25519_sign": { _, i in
        let seed = try decBytes(i["seed"], "seed")
        let publicKey = try ed25519PublicKeyOfSeed(seed: seed)
        let signature = try ed25519SignBytes(seed: seed, message: try decBytes(i["message"], "message"))
        return .object(["public_key": encBytes(publicKey), "key_id": .string(try ed25519KeyIdOf(publicKey: publicKey)),
                        "signature": encBytes(signature)])
    },
    "activate_policy_envelope": { _, i in
        let keyring = try decList(i["keyring"], "keyring", readKeyringEntry)
        let active = try activePolicy(i, keyring)
        let next = try activatePolicyEnvelope(active: active, envelopeJson: try decString(i["envelope"], "envelope"),
                                              keyring: keyring, nowMs: try decI64(i["now_ms"], "now_ms"))
        guard let next = next else { return .object(["status": .string("already_active")]) }
        return .object(["status": .string("activated"), "serial": .uint(next.serial()), "schema": .uint(UInt64(next.schema())),
                        "fingerprint": .string(next.fingerprint())])
    },
    "diff_policies": { _, i in
        let old = try Policy.fromPatch(patchJson: (i["old"] ?? .null).text)
        let new = try Policy.fromPatch(patchJson: (i["new"] ?? .null).text)
        return .object(["lines": .array(try diffPolicies(old: old, new: new).map { .string($0.line) })])
    },
    "ledger_sequence": { p, i in
        let steps = try decList(i["steps"], "steps") { (x: JSON, at: String) -> (LedgerEvent, Int64) in
            let o = try decObj(x, at)
            return (try decLedgerEvent(o["event"], at + ".event"), try decI64(o["at_ms"], at + ".at_ms"))
        }
        let book = InMemoryLedger()
        var results: [JSON] = []
        for (event, atMs) in steps {
            do { results.append(encBuilt(try book.append(policy: p, event: event, atMs: atMs))) }
            catch let e as AvaloError { results.append(.object(["error": .string(e.code().asStr())])) }
        }
        let report = try checkLedger(policies: [p], records: book.records(), totals: nil)
        return .object(["results": .array(results), "report": encLedgerReport(report)])
    },
    "ledger_key_part": { _, i in
        .object(["part": .string(try ledgerKeyPart(id: try decString(i["id"], "id"), what: "id"))])
    },
    "withdrawal_transition": { _, i in
        try checkWithdrawalTransition(from: try decWithdrawalState(i["from"], "from"), to: try decWithdrawalState(i["to"], "to"))
        return .object(["allowed": .bool(true)])
    },
]

/// A keyring entry (no generated operation reads one: envelopes are activated by hand).
func readKeyringEntry(_ v: JSON?, _ at: String) throws -> KeyringEntry {
    let o = try decObj(v, at)
    return KeyringEntry(keyId: try decString(o["key_id"], at + ".key_id"), publicKey: try decString(o["public_key"], at + ".public_key"),
                        validFromMs: try decI64(o["valid_from_ms"], at + ".valid_from_ms"),
                        validUntilMs: try decI64(o["valid_until_ms"], at + ".valid_until_ms"))
}

/// The policy an `active_envelope` input stands for (the Rust runner's `active_policy`): that
/// envelope loaded over the built-in policy at its own `not_before_ms`; the built-in one when absent.
func activePolicy(_ i: [String: JSON], _ keyring: [KeyringEntry]) throws -> Policy {
    guard let text = try decOpt(i["active_envelope"], { try decString($0, "active_envelope") }) else { return Policy() }
    return try Policy.fromEnvelope(envelopeJson: text, keyring: keyring, nowMs: try parsePolicyEnvelope(envelopeJson: text).notBeforeMs)
}

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
