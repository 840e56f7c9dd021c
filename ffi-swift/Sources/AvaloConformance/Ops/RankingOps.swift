import AvaloCore
import Foundation

/// Vector ops of core/src/ranking (SPEC §5).
enum RankingOps {
    static func register(_ r: Registry) {
        r.op("profile_score") { p, i in try profileScore(policy: p, profile: try i.obj("profile").profile(), nowMs: try i.i64("now_ms")).json }
        r.op("rank_candidates") { p, i in
            try rankCandidates(policy: p, viewer: try i.obj("viewer").viewer(), candidates: try i.objs("candidates").map { try $0.candidate() },
                               nowMs: try i.i64("now_ms"), page: try i.page()).json
        }
        r.op("rank_candidate_columns") { p, i in
            try rankCandidateColumns(policy: p, viewer: try i.obj("viewer").viewer(), columns: try i.obj("columns").columns(),
                                     nowMs: try i.i64("now_ms"), page: try i.page()).json
        }
        r.op("haversine_km") { _, i in
            obj(["km": try haversineKm(a: try i.obj("a").geo(), b: try i.obj("b").geo(), radiusKm: try i.double("radius_km"))])
        }
        r.op("decide_like") { p, i in
            let request = LikeRequest(
                likerId: try i.str("liker_id"), targetId: try i.str("target_id"), targetLikesLiker: try i.bool("target_likes_liker"),
                counter: try i.optObj("counter").map { LikeCounter(day: try $0.i64("day"), count: try $0.u32("count")) })
            return try decideLike(policy: p, request: request, nowMs: try i.i64("now_ms")).json
        }
    }
}

extension Input {
    func geo() throws -> GeoPoint { GeoPoint(lat: try double("lat"), lon: try double("lon")) }

    func optGender(_ key: String) throws -> Gender? { has(key) ? try enumValue(key, Gender.self) : nil }

    func profile() throws -> Profile {
        Profile(
            photos: try optU32("photos") ?? 0, hasVideoIntro: try optBool("has_video_intro") ?? false,
            hasBio: try optBool("has_bio") ?? false, birthDate: try optStr("birth_date"), gender: try optGender("gender"),
            location: try optObj("location")?.geo(), interests: try optU32("interests") ?? 0,
            responseRate: try optDouble("response_rate"), royal: try optBool("royal") ?? false,
            loyaltyLevel: try optU32("loyalty_level") ?? 0, lastActiveMs: try optI64("last_active_ms"),
            reports: try optU32("reports") ?? 0)
    }

    func viewer() throws -> Viewer {
        let genders = has("interested_in") ? try strs("interested_in") : []
        return Viewer(
            userId: try str("user_id"), ageMin: try u32("age_min"), ageMax: try u32("age_max"),
            interestedIn: try genders.map { g in
                guard let v = Gender.allCases.first(where: { snakeCase("\($0)") == g }) else { throw RunnerError.badVector("gender \(g)") }
                return v
            },
            location: try optObj("location")?.geo(), maxDistanceKm: try optDouble("max_distance_km"),
            likedIds: has("liked_ids") ? try strs("liked_ids") : [], passedIds: has("passed_ids") ? try strs("passed_ids") : [],
            blockedIds: has("blocked_ids") ? try strs("blocked_ids") : [],
            blockedByIds: has("blocked_by_ids") ? try strs("blocked_by_ids") : [])
    }

    func candidate() throws -> Candidate {
        Candidate(userId: try str("user_id"), active: try bool("active"), verified: try bool("verified"),
                  profile: try obj("profile").profile(), boostUntilMs: try optI64("boost_until_ms"))
    }

    func page() throws -> RankPageRequest {
        guard let p = try optObj("page") else { return RankPageRequest(size: nil, offset: 0, explain: false) }
        return RankPageRequest(size: try p.optU32("size"), offset: try p.optU32("offset") ?? 0, explain: try p.optBool("explain") ?? false)
    }

    func columns() throws -> CandidateColumns {
        let bytes = { (k: String) throws -> Data in Data(try self.i64s(k).map { UInt8(truncatingIfNeeded: $0) }) }
        let u32s = { (k: String) throws -> [UInt32] in try self.i64s(k).map { UInt32(truncatingIfNeeded: $0) } }
        return CandidateColumns(
            userIds: try str("user_ids"), flags: try bytes("flags"), photos: try u32s("photos"), interests: try u32s("interests"),
            loyaltyLevels: try u32s("loyalty_levels"), reports: try u32s("reports"), genders: try bytes("genders"),
            birthDates: try u32s("birth_dates"), latitudes: try doubles("latitudes"), longitudes: try doubles("longitudes"),
            responseRates: try doubles("response_rates"), lastActiveMs: try i64s("last_active_ms"),
            boostUntilMs: try i64s("boost_until_ms"))
    }
}

extension Gender: SnakeCaseEnum {}
extension DropReason: SnakeCaseEnum {}
extension LikeOutcome: SnakeCaseEnum {}

extension ProfileScore: JSONValue {
    var json: JSON {
        obj(["total": total, "photos": photos, "completeness": completeness, "responsiveness": responsiveness,
             "loyalty": loyalty, "activity": activity, "trust": trust])
    }
}

extension RankedCandidate: JSONValue {
    var json: JSON {
        obj(["user_id": userId, "rank": rank, "score": score, "royal": royal, "boosted": boosted, "age": age,
             "distance_km": distanceKm])
    }
}

extension DroppedCandidate: JSONValue {
    var json: JSON { obj(["user_id": userId, "reason": reason]) }
}

extension RankedPage: JSONValue {
    var json: JSON {
        obj(["results": results, "page_size": pageSize, "offset": offset, "dropped": dropped,
             "policy_fingerprint": policyFingerprint])
    }
}

extension LikeDecision: JSONValue {
    var json: JSON {
        obj(["outcome": outcome, "chat_free_messages": chatFreeMessages,
             "counter": obj(["day": counter.day, "count": counter.count]), "remaining_today": remainingToday,
             "resets_at_ms": resetsAtMs, "policy_fingerprint": policyFingerprint])
    }
}
