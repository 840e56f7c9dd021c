import AvaloCore

extension Input {
    fileprivate func item() throws -> MediaItem {
        let m = try obj("item")
        return MediaItem(ownerId: try m.str("owner_id"), visibility: try m.enumValue("visibility", Visibility.self),
                         price: try m.optU64("price"), moderation: try m.enumValue("moderation", ModerationState.self),
                         expiresAtMs: try m.optI64("expires_at_ms"))
    }
    fileprivate func viewer() throws -> MediaViewer {
        let v = try obj("viewer")
        return MediaViewer(id: try v.optStr("id"), followsOwner: try v.optBool("follows_owner") ?? false,
                           hasUnlocked: try v.optBool("has_unlocked") ?? false, isModerator: try v.optBool("is_moderator") ?? false)
    }
}

/// Vector ops of core/src/media.rs.
enum MediaOps {
    static func register(_ r: Registry) {
        r.op("media_access") { _, i in try mediaAccess(item: try i.item(), viewer: try i.viewer(), nowMs: try i.i64("now_ms")).json }
        r.op("check_media_access") { _, i in
            obj(["grant": try checkMediaAccess(item: try i.item(), viewer: try i.viewer(), nowMs: try i.i64("now_ms"))])
        }
        r.op("check_story_quota") { p, i in
            try checkStoryQuota(policy: p, postedAtMs: try i.i64s("posted_at_ms"), nowMs: try i.i64("now_ms")).json
        }
        r.op("story_expiry") { p, i in obj(["expires_at_ms": try storyExpiry(policy: p, postedAtMs: try i.i64("posted_at_ms"))]) }
    }
}

extension Visibility: SnakeCaseEnum {}
extension ModerationState: SnakeCaseEnum {}
extension AccessGrant: SnakeCaseEnum {}

extension MediaDecision: JSONValue {
    var json: JSON { obj(["allowed": allowed, "grant": grant, "code": code?.asStr(), "price": price]) }
}

extension StoryQuota: JSONValue {
    var json: JSON { obj(["active": active, "limit": limit, "expires_at_ms": expiresAtMs, "policy_fingerprint": policyFingerprint]) }
}
