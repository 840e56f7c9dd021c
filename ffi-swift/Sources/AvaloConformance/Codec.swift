import Foundation

/// Errors raised by the runner itself.
enum RunnerError: Error {
    /// A malformed vector (missing or wrong-typed field): a failure whatever the case expected.
    case badVector(String)
    /// A value the typed Swift API cannot even be called with (an unparsable decimal string);
    /// the Rust runner reports these as `INVALID_INPUT`, so this runner does too.
    case localInvalid(String)
    /// A vector file that is not JSON.
    case badJSON(String)
}

// Readers of JSON values into typed values, called by Generated.swift. `v` is nil (or .null)
// when the key is absent: then numbers, booleans, lists and records read as their zero/empty
// value (serde's `#[serde(default)]`; the Rust runner checks the vectors' shape strictly),
// strings, bytes and enums are a missing field.

private func absent(_ v: JSON?) -> Bool { v == nil || v == .null }

private func int<T: FixedWidthInteger>(_ v: JSON?, _ at: String) throws -> T {
    if absent(v) { return 0 }
    let n: T?
    switch v! {
    case .uint(let u): n = T(exactly: u)
    case .int(let i): n = T(exactly: i)
    default: throw RunnerError.badVector("\(at): expected an integer, got \(v!.text)")
    }
    guard let value = n else { throw RunnerError.badVector("\(at): \(v!.text) out of range") }
    return value
}

func decU8(_ v: JSON?, _ at: String) throws -> UInt8 { try int(v, at) }
func decU16(_ v: JSON?, _ at: String) throws -> UInt16 { try int(v, at) }
func decU32(_ v: JSON?, _ at: String) throws -> UInt32 { try int(v, at) }
func decU64(_ v: JSON?, _ at: String) throws -> UInt64 { try int(v, at) }
func decI8(_ v: JSON?, _ at: String) throws -> Int8 { try int(v, at) }
func decI16(_ v: JSON?, _ at: String) throws -> Int16 { try int(v, at) }
func decI32(_ v: JSON?, _ at: String) throws -> Int32 { try int(v, at) }
func decI64(_ v: JSON?, _ at: String) throws -> Int64 { try int(v, at) }

/// A number (integer or not) as a Double: scores, coordinates.
func decF64(_ v: JSON?, _ at: String) throws -> Double {
    if absent(v) { return 0 }
    guard let d = v!.number else { throw RunnerError.badVector("\(at): expected a number") }
    return d
}

func decBool(_ v: JSON?, _ at: String) throws -> Bool {
    if absent(v) { return false }
    guard case .bool(let b) = v! else { throw RunnerError.badVector("\(at): expected a boolean") }
    return b
}

func decString(_ v: JSON?, _ at: String) throws -> String {
    if absent(v) { throw RunnerError.badVector("missing field \(at)") }
    guard case .string(let s) = v! else { throw RunnerError.badVector("\(at): expected a string") }
    return s
}

/// Bytes are hex strings in vectors, or arrays of byte values (the columnar deck's flags).
func decBytes(_ v: JSON?, _ at: String) throws -> Data {
    if case .array(let a)? = v { return Data(try a.enumerated().map { try decU8($1, "\(at)[\($0)]") }) }
    let hex = try decString(v, at)
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0, digits.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) })
    else { throw RunnerError.badVector("\(at): \(hex) is not hex") }
    func nibble(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : (c <= 70 ? c - 55 : c - 87) }
    return Data(stride(from: 0, to: digits.count, by: 2).map { nibble(digits[$0]) << 4 | nibble(digits[$0 + 1]) })
}

func decOpt<T>(_ v: JSON?, _ read: (JSON) throws -> T) rethrows -> T? { absent(v) ? nil : try read(v!) }

func decList<T>(_ v: JSON?, _ at: String, _ read: (JSON, String) throws -> T) throws -> [T] {
    if absent(v) { return [] }
    guard case .array(let a) = v! else { throw RunnerError.badVector("\(at): expected an array") }
    return try a.enumerated().map { try read($1, "\(at)[\($0)]") }
}

func decMap<T>(_ v: JSON?, _ at: String, _ read: (JSON, String) throws -> T) throws -> [String: T] {
    var out: [String: T] = [:]
    for (k, x) in try decObj(v, at) { out[k] = try read(x, "\(at).\(k)") }
    return out
}

func decObj(_ v: JSON?, _ at: String) throws -> [String: JSON] {
    if absent(v) { return [:] }
    guard case .object(let o) = v! else { throw RunnerError.badVector("\(at): expected an object") }
    return o
}

/// The custom type Decimal (money amounts, rates): a decimal string.
func decCustomDecimal(_ v: JSON?, _ at: String) throws -> Decimal {
    let s = try decString(v, at)
    let t = s.trimmingCharacters(in: .whitespaces)
    guard t.range(of: #"^[+-]?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
          let d = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
    else { throw RunnerError.localInvalid("\(at) \(s) is not a decimal") }
    return d
}

/// A non-money decimal (e.g. an FX rate): its plain description.
func encCustomDecimal(_ x: Decimal) -> JSON { .string(x.description) }

func encInt(_ n: Int64) -> JSON { n < 0 ? .int(n) : .uint(UInt64(n)) }

func encBytes(_ d: Data) -> JSON { .string(d.map { String(format: "%02x", $0) }.joined()) }

/// A newtype variant of an internally tagged enum: the inner object with the tag added.
func tagged(_ tag: String, _ name: String, _ inner: JSON) -> JSON {
    guard case .object(var o) = inner else { return inner }
    o[tag] = .string(name)
    return .object(o)
}
