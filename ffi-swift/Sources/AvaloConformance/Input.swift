import AvaloCore
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

/// Typed access to a case's `input` object, mirroring the Rust runner's `arg`/`opt`.
struct Input {
    let fields: [String: JSON]

    private func raw(_ key: String) throws -> JSON {
        guard let v = fields[key] else { throw RunnerError.badVector("missing field \(key)") }
        return v
    }
    private func present(_ key: String) -> Bool {
        if let v = fields[key], v != .null { return true }
        return false
    }
    private func bad(_ key: String, _ what: String) -> RunnerError { .badVector("field \(key): expected \(what)") }

    func str(_ key: String) throws -> String {
        guard case .string(let s) = try raw(key) else { throw bad(key, "a string") }
        return s
    }
    func bool(_ key: String) throws -> Bool {
        guard case .bool(let b) = try raw(key) else { throw bad(key, "a boolean") }
        return b
    }
    func u64(_ key: String) throws -> UInt64 {
        guard case .uint(let n) = try raw(key) else { throw bad(key, "an unsigned integer") }
        return n
    }
    func u32(_ key: String) throws -> UInt32 {
        guard let n = UInt32(exactly: try u64(key)) else { throw bad(key, "a u32") }
        return n
    }
    func i64(_ key: String) throws -> Int64 {
        switch try raw(key) {
        case .int(let n): return n
        case .uint(let n):
            guard let v = Int64(exactly: n) else { throw bad(key, "an i64") }
            return v
        default: throw bad(key, "an integer")
        }
    }
    func u64s(_ key: String) throws -> [UInt64] {
        guard case .array(let a) = try raw(key) else { throw bad(key, "an array") }
        return try a.map { v in
            guard case .uint(let n) = v else { throw bad(key, "unsigned integers") }
            return n
        }
    }
    func strs(_ key: String) throws -> [String] {
        guard case .array(let a) = try raw(key) else { throw bad(key, "an array") }
        return try a.map { v in
            guard case .string(let s) = v else { throw bad(key, "strings") }
            return s
        }
    }
    func obj(_ key: String) throws -> Input {
        guard case .object(let o) = try raw(key) else { throw bad(key, "an object") }
        return Input(fields: o)
    }

    func objs(_ key: String) throws -> [Input] {
        guard case .array(let a) = try raw(key) else { throw bad(key, "an array") }
        return try a.map { v in
            guard case .object(let o) = v else { throw bad(key, "objects") }
            return Input(fields: o)
        }
    }

    func optStr(_ key: String) throws -> String? { present(key) ? try str(key) : nil }
    func optU64(_ key: String) throws -> UInt64? { present(key) ? try u64(key) : nil }
    func optObj(_ key: String) throws -> Input? { present(key) ? try obj(key) : nil }
    func optObjs(_ key: String) throws -> [Input]? { present(key) ? try objs(key) : nil }

    /// Whether the field is present and not null.
    func has(_ key: String) -> Bool { present(key) }
    /// A number (integer or not) as a Double: scores, coordinates, rates.
    func double(_ key: String) throws -> Double {
        guard let d = try raw(key).number else { throw bad(key, "a number") }
        return d
    }
    func optDouble(_ key: String) throws -> Double? { present(key) ? try double(key) : nil }
    func optI64(_ key: String) throws -> Int64? { present(key) ? try i64(key) : nil }
    func optU32(_ key: String) throws -> UInt32? { present(key) ? try u32(key) : nil }
    func optBool(_ key: String) throws -> Bool? { present(key) ? try bool(key) : nil }
    private func list(_ key: String) throws -> [JSON] {
        guard case .array(let a) = try raw(key) else { throw bad(key, "an array") }
        return a
    }
    func strs(_ key: String) throws -> [String] {
        try list(key).map { v in
            guard case .string(let s) = v else { throw bad(key, "strings") }
            return s
        }
    }
    func doubles(_ key: String) throws -> [Double] {
        try list(key).map { v in
            guard let d = v.number else { throw bad(key, "numbers") }
            return d
        }
    }
    func i64s(_ key: String) throws -> [Int64] {
        try list(key).map { v in
            switch v {
            case .int(let n): return n
            case .uint(let n):
                guard let x = Int64(exactly: n) else { throw bad(key, "i64 integers") }
                return x
            default: throw bad(key, "integers")
            }
        }
    }

    /// An optional decimal given as a string (`"0.185"`), e.g. an FX rate.
    func optDecimal(_ key: String) throws -> Decimal? {
        guard let s = try optStr(key) else { return nil }
        let t = s.trimmingCharacters(in: .whitespaces)
        guard t.range(of: #"^[+-]?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
              let d = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
        else { throw RunnerError.localInvalid("\(key) \(s) is not a decimal") }
        return d
    }

    /// A snake_case enum string (`"gated_content"`) as the Swift case (`.gatedContent`).
    func enumValue<E: CaseIterable>(_ key: String, _ type: E.Type) throws -> E {
        let s = try str(key)
        guard let v = E.allCases.first(where: { snakeCase("\($0)") == s }) else {
            throw RunnerError.badVector("field \(key): \(s) is not a \(E.self)")
        }
        return v
    }
}

/// `gatedContent` → `gated_content` (serde's `rename_all = "snake_case"`).
func snakeCase(_ camel: String) -> String {
    var out = ""
    for ch in camel {
        if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
    }
    return out
}

/// Anything that has a JSON form for comparison (what serde would write for it).
protocol JSONValue {
    var json: JSON { get }
}

/// Builds a JSON object from typed values: `obj(["creator": s.creator, "stream": s.stream])`.
func obj(_ pairs: KeyValuePairs<String, any JSONValue>) -> JSON {
    var o: [String: JSON] = [:]
    for (k, v) in pairs { o[k] = v.json }
    return .object(o)
}

extension JSON: JSONValue { var json: JSON { self } }
extension String: JSONValue { var json: JSON { .string(self) } }
extension Bool: JSONValue { var json: JSON { .bool(self) } }
extension UInt64: JSONValue { var json: JSON { .uint(self) } }
extension UInt32: JSONValue { var json: JSON { .uint(UInt64(self)) } }
extension Int64: JSONValue { var json: JSON { self < 0 ? .int(self) : .uint(UInt64(self)) } }
extension Double: JSONValue { var json: JSON { .double(self) } }
extension Optional: JSONValue where Wrapped: JSONValue { var json: JSON { self?.json ?? .null } }
extension Array: JSONValue where Element: JSONValue { var json: JSON { .array(map { $0.json }) } }
/// A non-money decimal (e.g. a price per token): its plain description.
extension Decimal: JSONValue { var json: JSON { .string(description) } }

/// A fieldless UniFFI enum whose serde form is its snake_case name; conform with one line.
protocol SnakeCaseEnum: JSONValue, CaseIterable {}
extension SnakeCaseEnum { var json: JSON { .string(snakeCase("\(self)")) } }
