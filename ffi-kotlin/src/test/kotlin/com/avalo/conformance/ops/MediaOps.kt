package com.avalo.conformance.ops

import com.avalo.conformance.BadVector
import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.MediaDecision
import com.avalo.core.types.MediaItem
import com.avalo.core.types.MediaViewer
import com.avalo.core.types.ModerationState
import com.avalo.core.types.Policy
import com.avalo.core.types.StoryQuota
import com.avalo.core.types.Visibility
import com.avalo.core.checkMediaAccess
import com.avalo.core.checkStoryQuota
import com.avalo.core.mediaAccess
import com.avalo.core.storyExpiry

private inline fun <reified E : Enum<E>> Input.snake(key: String): E {
    val s = str(key)
    return enumValues<E>().firstOrNull { it.name.lowercase() == s } ?: throw BadVector("field $key: $s")
}

private fun Input.item() = obj("item").let {
    MediaItem(
        ownerId = it.str("owner_id"), visibility = it.snake<Visibility>("visibility"), price = it.optULong("price"),
        moderation = it.snake<ModerationState>("moderation"), expiresAtMs = it.optLong("expires_at_ms"),
    )
}

private fun Input.mediaViewer() = obj("viewer").let {
    MediaViewer(
        id = it.optStr("id"), followsOwner = it.optBool("follows_owner") ?: false,
        hasUnlocked = it.optBool("has_unlocked") ?: false, isModerator = it.optBool("is_moderator") ?: false,
    )
}

/** Vector ops of core/src/media.rs. */
object MediaOps : OpModule() {
    init {
        op("media_access") { _: Policy, i: Input -> mediaAccess(i.item(), i.mediaViewer(), i.long("now_ms")).json() }
        op("check_media_access") { _, i -> obj("grant" to checkMediaAccess(i.item(), i.mediaViewer(), i.long("now_ms"))) }
        op("check_story_quota") { p, i -> checkStoryQuota(p, i.longs("posted_at_ms"), i.long("now_ms")).json() }
        op("story_expiry") { p, i -> obj("expires_at_ms" to storyExpiry(p, i.long("posted_at_ms"))) }
    }
}

fun MediaDecision.json() = obj("allowed" to allowed, "grant" to grant, "code" to code?.asStr(), "price" to price)

fun StoryQuota.json() = obj("active" to active, "limit" to limit, "expires_at_ms" to expiresAtMs, "policy_fingerprint" to policyFingerprint)
