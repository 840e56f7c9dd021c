// The Swift conformance runner: every `*.json` in the vectors dir (argument 1, default
// `tests/vectors`) and in each `:`-separated dir of `AVALO_EXTRA_VECTORS`, through the typed
// Swift API. Same semantics as the Rust runner (tests/src/lib.rs). Last line:
// `N passed, N failed`; exits 1 on any failure or when no case ran.
import AvaloCore
import Foundation

func finish(_ passed: Int, _ failures: [String]) -> Never {
    for f in failures { print("FAIL \(f)") }
    print("\(passed) passed, \(failures.count) failed")
    exit(failures.isEmpty && passed > 0 ? 0 : 1)
}

let both = specialOps.keys.filter { generatedOp($0) != nil }.sorted()
if !both.isEmpty { finish(0, both.map { "operation \($0) is both generated and hand-written" }) }

var dirs = [CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "tests/vectors"]
if let extra = ProcessInfo.processInfo.environment["AVALO_EXTRA_VECTORS"] {
    dirs += extra.split(separator: ":").map(String.init).filter { !$0.isEmpty }
}
var files: [String] = []
for dir in dirs {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
        finish(0, ["cannot read vector dir \(dir)"])
    }
    files += names.filter { $0.hasSuffix(".json") }.map { dir.hasSuffix("/") ? dir + $0 : dir + "/" + $0 }
}
files.sort()

enum Outcome {
    case ok(JSON)
    case err(code: String, reason: String)
}

/// Runs one case; nil when it passed, else why it failed.
func runCase(_ c: [String: JSON], builtIn: Policy) -> String? {
    let expect = c["expect"].flatMap { $0 == .null ? nil : $0 }
    let error: String? = { if case .string(let s)? = c["error"] { return s }; return nil }()
    if (expect != nil) == (error != nil) { return "a case needs exactly one of `expect` and `error`" }
    guard case .string(let opName)? = c["op"] else { return "case has no op" }
    guard let op = specialOps[opName] ?? generatedOp(opName) else { return "unknown operation \"\(opName)\"" }
    guard case .object(let fields)? = c["input"] else { return "input is not an object" }
    let input = fields

    let outcome: Outcome
    do {
        if let patch = c["policy"], patch != .null {
            outcome = .ok(try op(try Policy.fromPatch(patchJson: patch.text), input))
        } else {
            outcome = .ok(try op(builtIn, input))
        }
    } catch let e as AvaloError {
        outcome = .err(code: e.code().asStr(), reason: e.reason())
    } catch RunnerError.localInvalid(let why) {
        outcome = .err(code: "INVALID_INPUT", reason: why)
    } catch RunnerError.badVector(let why) {
        return "bad vector input: \(why)"
    } catch {
        return "runner error: \(error)"
    }

    switch outcome {
    case .ok(let got):
        if let want = expect { return compare(want, got) }
        return "expected error \(error!), got \(got.text)"
    case .err(let code, let reason):
        guard let want = error else { return "expected a result, got error \(code): \(reason)" }
        return want == code ? nil : "expected error \(want), got \(code): \(reason)"
    }
}

var passed = 0
var failures: [String] = []
let builtIn = Policy()
for path in files {
    let name = (path as NSString).lastPathComponent
    let cases: [JSON]
    do {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw RunnerError.badJSON("unreadable")
        }
        guard case .object(let top) = try JSON.parse(text), case .array(let cs)? = top["cases"] else {
            throw RunnerError.badJSON("no cases array")
        }
        cases = cs
    } catch {
        failures.append("\(name): cannot load: \(error)")
        continue
    }
    for c in cases {
        guard case .object(let fields) = c else { failures.append("\(name): a case is not an object"); continue }
        let caseName: String = { if case .string(let s)? = fields["name"] { return s }; return "?" }()
        if let why = runCase(fields, builtIn: builtIn) {
            failures.append("\(name): \(caseName): \(why)")
        } else {
            passed += 1
        }
    }
}
finish(passed, failures)
