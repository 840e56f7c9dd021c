// Cross-language call costs from Swift (UniFFI, built with -O, whole module with the generated
// AvaloCore.swift). Run via scripts/bench-cross-language.sh (inside the Debian 13 Swift root).
// Each figure: thread CPU time, median of 15 rounds of ~50 ms after a 1 s warm-up of the same call.
import Foundation

var sink: Any? = nil

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func cpuNow() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// ns per call.
func measure(_ f: () throws -> Any) rethrows -> Double {
    let warmEnd = now() + 1_000_000_000
    while now() < warmEnd { sink = try f() }
    var iters = 1
    while true {
        let t = now()
        for _ in 0..<iters { sink = try f() }
        let ns = now() - t
        if ns >= 50_000_000 || iters >= (1 << 26) { break }
        iters *= ns < 6_000_000 ? 8 : 2
    }
    // CPU time of this thread rather than wall time: on a shared machine the thread is often
    // descheduled, which wall time would count.
    var per: [Double] = []
    for _ in 0..<15 {
        let t = cpuNow()
        for _ in 0..<iters { sink = try f() }
        per.append(Double(cpuNow() - t) / Double(iters))
    }
    per.sort()
    return per[per.count / 2]
}

func fmt(_ ns: Double) -> String {
    if ns >= 1e6 { return String(format: "%.2f ms", ns / 1e6) }
    if ns >= 1e3 { return String(format: "%.2f µs", ns / 1e3) }
    return String(format: "%.0f ns", ns)
}

var rows: [[String]] = []
@discardableResult
func row(_ name: String, _ items: Int, _ f: () throws -> Any) rethrows -> Double {
    let ns = try measure(f)
    rows.append([name, "\(items)", fmt(ns), items > 1 ? fmt(ns / Double(items)) : ""])
    return ns
}

let policy = Policy()
row("policy.version (trivial getter)", 1) { policy.version() }
row("policy.fingerprint (64-char string)", 1) { policy.fingerprint() }
try row("splitAmount(101, 6500)", 1) { try splitAmount(amount: 101, creatorBp: 6500) }
try row("splitRevenue(chat, 101)", 1) { try splitRevenue(policy: policy, stream: .chat, amount: 101) }
let zero = CumulativeSplit(total: 0, creatorTotal: 0)
let one = try row("splitCumulative, 1 payment", 1) { try splitCumulative(policy: policy, stream: .chat, state: zero, amount: 3) }
let amounts: [UInt64] = (0..<1000).map { UInt64(1 + $0 % 7) }
let batch = try row("splitCumulativeBatch, 1 000 payments", 1000) {
    try splitCumulativeBatch(policy: policy, stream: .chat, state: zero, amounts: amounts)
}
// Optional modules (billing, ranking) register here when their UniFFI facade has landed.
try extraBenches(policy)

print("Swift (-O, UniFFI): thread CPU time per call, median of 15 rounds after warm-up")
print("call | items | per call | per item")
for r in rows { print(r.joined(separator: " | ")) }
print(String(format: "batch speed-up, cumulative split: %.1fx per item (1 000 in one call vs one call each)", one / (batch / 1000)))
