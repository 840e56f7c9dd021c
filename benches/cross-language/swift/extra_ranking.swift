// needs: public func rankCandidates(
// Ranking from Swift: one call with the whole deck (records), 1 000 and 10 000 candidates.
private let NOW: Int64 = 1_795_435_200_000
private let HOUR: Int64 = 3_600_000

/// SplitMix64, deterministic (same mix as benches/cross-language/js/deck.js).
private struct Rng {
    var s: UInt64
    mutating func next() -> UInt64 {
        s &+= 0x9E37_79B9_7F4A_7C15
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}

private func deck(_ n: Int) -> [Candidate] {
    var r = Rng(s: 42)
    return (0..<n).map { i in
        let g = r.below(10)
        let birth = String(format: "%d-%02d-%02d", 1976 + r.below(33), 1 + r.below(12), 1 + r.below(28))
        return Candidate(
            userId: "user-\(String(i, radix: 16))-\(r.below(1_000_000_000))",
            active: r.below(100) < 95,
            verified: r.below(100) < 90,
            profile: Profile(
                photos: UInt32(r.below(9)), hasVideoIntro: r.below(4) == 0, hasBio: r.below(10) < 7,
                birthDate: birth, gender: g < 5 ? .female : g < 9 ? .male : .nonBinary,
                location: GeoPoint(lat: 52.2297 + (r.unit() - 0.5) * 1.6, lon: 21.0122 + (r.unit() - 0.5) * 2.4),
                interests: UInt32(r.below(6)), responseRate: r.unit(), royal: r.below(10) == 0,
                loyaltyLevel: UInt32(r.below(12)), lastActiveMs: NOW - Int64(r.below(240)) * HOUR,
                reports: r.below(10) == 0 ? UInt32(r.below(6)) : 0),
            boostUntilMs: r.below(100) < 5 ? NOW + HOUR : nil)
    }
}

private func viewer(_ d: [Candidate]) -> Viewer {
    func ids(_ step: Int, _ n: Int) -> [String] {
        Array(stride(from: 0, to: d.count, by: step).prefix(n).map { d[$0].userId })
    }
    return Viewer(userId: "viewer", ageMin: 22, ageMax: 35, interestedIn: [.female, .nonBinary],
                  location: GeoPoint(lat: 52.2297, lon: 21.0122), maxDistanceKm: 50,
                  likedIds: ids(97, 500), passedIds: ids(89, 500), blockedIds: ids(1009, 50), blockedByIds: ids(1013, 50))
}

func rankingBenches(_ policy: Policy) throws {
    let page = RankPageRequest(size: 20, offset: 0, explain: false)
    for n in [1_000, 10_000] {
        let d = deck(n)
        let v = viewer(d)
        try row("rankCandidates, \(n) candidates (records)", n) {
            try rankCandidates(policy: policy, viewer: v, candidates: d, nowMs: NOW, page: page)
        }
    }
}
