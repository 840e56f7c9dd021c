import Foundation

/// A JSON value as the Rust runner (serde_json) sees it: integers exact (non-negative ones as
/// `.uint`, negative ones as `.int`), other numbers `.double`. A small hand-written parser, so
/// that no `NSNumber` guesswork (Bool vs Int vs Double) enters the comparison.
indirect enum JSON: Equatable {
    case null
    case bool(Bool)
    case uint(UInt64)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    static func parse(_ text: String) throws -> JSON {
        var p = Parser(chars: Array(text.unicodeScalars))
        p.ws()
        let v = try p.value()
        p.ws()
        if p.i != p.chars.count { throw p.fail("trailing characters") }
        return v
    }

    /// Compact JSON text (for policy patches and failure messages); object keys sorted.
    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .uint(let n): return String(n)
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .string(let s): return JSON.quote(s)
        case .array(let a): return "[" + a.map { $0.text }.joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.keys.sorted().map { JSON.quote($0) + ":" + o[$0]!.text }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    private struct Parser {
        let chars: [Unicode.Scalar]
        var i = 0

        func fail(_ why: String) -> Error { RunnerError.badJSON("JSON at offset \(i): \(why)") }

        mutating func ws() { while i < chars.count, " \t\r\n".unicodeScalars.contains(chars[i]) { i += 1 } }

        mutating func value() throws -> JSON {
            guard i < chars.count else { throw fail("unexpected end") }
            switch chars[i] {
            case "{": return try object()
            case "[": return try array()
            case "\"": return .string(try string())
            case "t": return try literal("true", .bool(true))
            case "f": return try literal("false", .bool(false))
            case "n": return try literal("null", .null)
            default: return try number()
            }
        }

        mutating func literal(_ word: String, _ v: JSON) throws -> JSON {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= chars.count, Array(chars[i..<i + w.count]) == w else { throw fail("bad literal") }
            i += w.count
            return v
        }

        mutating func object() throws -> JSON {
            var o: [String: JSON] = [:]
            i += 1; ws()
            if i < chars.count, chars[i] == "}" { i += 1; return .object(o) }
            while true {
                ws()
                guard i < chars.count, chars[i] == "\"" else { throw fail("expected a key") }
                let k = try string()
                ws()
                guard i < chars.count, chars[i] == ":" else { throw fail("expected ':'") }
                i += 1; ws()
                o[k] = try value()
                ws()
                guard i < chars.count else { throw fail("unterminated object") }
                let c = chars[i]; i += 1
                if c == "," { continue }
                if c == "}" { return .object(o) }
                throw fail("expected ',' or '}'")
            }
        }

        mutating func array() throws -> JSON {
            var a: [JSON] = []
            i += 1; ws()
            if i < chars.count, chars[i] == "]" { i += 1; return .array(a) }
            while true {
                ws(); a.append(try value()); ws()
                guard i < chars.count else { throw fail("unterminated array") }
                let c = chars[i]; i += 1
                if c == "," { continue }
                if c == "]" { return .array(a) }
                throw fail("expected ',' or ']'")
            }
        }

        mutating func string() throws -> String {
            var out = String.UnicodeScalarView()
            i += 1
            while true {
                guard i < chars.count else { throw fail("unterminated string") }
                let c = chars[i]; i += 1
                if c == "\"" { return String(out) }
                if c.value < 0x20 { throw fail("control character in string") }
                if c != "\\" { out.append(c); continue }
                guard i < chars.count else { throw fail("bad escape") }
                let e = chars[i]; i += 1
                switch e {
                case "\"", "\\", "/": out.append(e)
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), i + 1 < chars.count, chars[i] == "\\", chars[i + 1] == "u" {
                        i += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(code) else { throw fail("bad \\u escape") }
                    out.append(u)
                default: throw fail("bad escape")
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= chars.count, let v = UInt32(String(String.UnicodeScalarView(chars[i..<i + 4])), radix: 16)
            else { throw fail("bad \\u escape") }
            i += 4
            return v
        }

        mutating func number() throws -> JSON {
            let start = i
            while i < chars.count, "-+.eE0123456789".unicodeScalars.contains(chars[i]) { i += 1 }
            let t = String(String.UnicodeScalarView(chars[start..<i]))
            guard t.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
            else { throw fail("bad number \(t)") }
            if !t.contains(where: { ".eE".contains($0) }) {
                if let n = UInt64(t) { return .uint(n) }
                if let n = Int64(t) { return n < 0 ? .int(n) : .uint(UInt64(n)) }
            }
            guard let d = Double(t) else { throw fail("bad number \(t)") }
            return .double(d)
        }
    }
}

/// The Rust runner's comparison (tests/src/lib.rs): objects by the expected keys only, arrays
/// element-wise with equal lengths, integers exactly, other numbers within 1e-9, everything
/// else exactly. `nil` when equal, else why not.
func compare(_ want: JSON, _ got: JSON, _ path: String = "$") -> String? {
    switch (want, got) {
    case (.object(let w), .object(let g)):
        for k in w.keys.sorted() {
            let child = "\(path).\(k)"
            guard let gv = g[k] else { return "\(child): missing in result \(got.text)" }
            if let why = compare(w[k]!, gv, child) { return why }
        }
        return nil
    case (.array(let w), .array(let g)):
        if w.count != g.count { return "\(path): expected \(w.count) items, got \(g.count): \(got.text)" }
        for (idx, (wv, gv)) in zip(w, g).enumerated() {
            if let why = compare(wv, gv, "\(path)[\(idx)]") { return why }
        }
        return nil
    default:
        let same: Bool
        if let a = want.number, let b = got.number, want.isDouble || got.isDouble {
            same = abs(a - b) <= floatTolerance
        } else {
            same = want == got
        }
        return same ? nil : "\(path): expected \(want.text), got \(got.text)"
    }
}

/// Absolute tolerance for non-integer numbers, as in every runner.
let floatTolerance = 1e-9

extension JSON {
    /// The value of a number as a Double (for the tolerance comparison).
    var number: Double? {
        switch self {
        case .uint(let n): return Double(n)
        case .int(let n): return Double(n)
        case .double(let d): return d
        default: return nil
        }
    }

    var isDouble: Bool { if case .double = self { true } else { false } }
}
