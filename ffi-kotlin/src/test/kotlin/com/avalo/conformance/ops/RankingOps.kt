package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.Candidate
import com.avalo.core.types.CandidateColumns
import com.avalo.core.types.Gender
import com.avalo.core.types.GeoPoint
import com.avalo.core.types.LikeCounter
import com.avalo.core.types.LikeDecision
import com.avalo.core.types.LikeRequest
import com.avalo.core.types.Profile
import com.avalo.core.types.ProfileScore
import com.avalo.core.types.RankPageRequest
import com.avalo.core.types.RankedCandidate
import com.avalo.core.types.RankedPage
import com.avalo.core.types.Viewer
import com.avalo.core.decideLike
import com.avalo.core.haversineKm
import com.avalo.core.profileScore
import com.avalo.core.rankCandidateColumns
import com.avalo.core.rankCandidates

/** Vector ops of core/src/ranking (SPEC §5). */
object RankingOps : OpModule() {
    init {
        op("profile_score") { p, i -> profileScore(p, i.obj("profile").profile(), i.long("now_ms")).json() }
        op("rank_candidates") { p, i ->
            rankCandidates(p, i.obj("viewer").viewer(), i.objs("candidates").map { it.candidate() }, i.long("now_ms"), i.page()).json()
        }
        op("rank_candidate_columns") { p, i ->
            rankCandidateColumns(p, i.obj("viewer").viewer(), i.obj("columns").columns(), i.long("now_ms"), i.page()).json()
        }
        op("haversine_km") { _, i -> obj("km" to haversineKm(i.obj("a").geo(), i.obj("b").geo(), i.double("radius_km"))) }
        op("decide_like") { p, i ->
            val request = LikeRequest(
                likerId = i.str("liker_id"),
                targetId = i.str("target_id"),
                targetLikesLiker = i.bool("target_likes_liker"),
                counter = i.optObj("counter")?.let { LikeCounter(it.long("day"), it.uint("count")) },
            )
            decideLike(p, request, i.long("now_ms")).json()
        }
    }
}


private fun Input.geo() = GeoPoint(double("lat"), double("lon"))

private fun Input.profile() = Profile(
    photos = optUInt("photos") ?: 0U,
    hasVideoIntro = optBool("has_video_intro") ?: false,
    hasBio = optBool("has_bio") ?: false,
    birthDate = optStr("birth_date"),
    gender = optEnum<Gender>("gender"),
    location = optObj("location")?.geo(),
    interests = optUInt("interests") ?: 0U,
    responseRate = optDouble("response_rate"),
    royal = optBool("royal") ?: false,
    loyaltyLevel = optUInt("loyalty_level") ?: 0U,
    lastActiveMs = optLong("last_active_ms"),
    reports = optUInt("reports") ?: 0U,
)

private fun Input.viewer() = Viewer(
    userId = str("user_id"),
    ageMin = uint("age_min"),
    ageMax = uint("age_max"),
    interestedIn = if (has("interested_in")) strs("interested_in").map { g -> Gender.values().first { it.name.lowercase() == g } } else listOf(),
    location = optObj("location")?.geo(),
    maxDistanceKm = optDouble("max_distance_km"),
    likedIds = if (has("liked_ids")) strs("liked_ids") else listOf(),
    passedIds = if (has("passed_ids")) strs("passed_ids") else listOf(),
    blockedIds = if (has("blocked_ids")) strs("blocked_ids") else listOf(),
    blockedByIds = if (has("blocked_by_ids")) strs("blocked_by_ids") else listOf(),
)

private fun Input.candidate() = Candidate(
    userId = str("user_id"),
    active = bool("active"),
    verified = bool("verified"),
    profile = obj("profile").profile(),
    boostUntilMs = optLong("boost_until_ms"),
)

private fun Input.page(): RankPageRequest = optObj("page")?.let {
    RankPageRequest(size = it.optUInt("size"), offset = it.optUInt("offset") ?: 0U, explain = it.optBool("explain") ?: false)
} ?: RankPageRequest()

private fun Input.columns() = CandidateColumns(
    userIds = str("user_ids"),
    flags = longs("flags").map { it.toByte() }.toByteArray(),
    photos = longs("photos").map { it.toUInt() },
    interests = longs("interests").map { it.toUInt() },
    loyaltyLevels = longs("loyalty_levels").map { it.toUInt() },
    reports = longs("reports").map { it.toUInt() },
    genders = longs("genders").map { it.toByte() }.toByteArray(),
    birthDates = longs("birth_dates").map { it.toUInt() },
    latitudes = doubles("latitudes"),
    longitudes = doubles("longitudes"),
    responseRates = doubles("response_rates"),
    lastActiveMs = longs("last_active_ms"),
    boostUntilMs = longs("boost_until_ms"),
)

fun ProfileScore.json() = obj(
    "total" to total, "photos" to photos, "completeness" to completeness, "responsiveness" to responsiveness,
    "loyalty" to loyalty, "activity" to activity, "trust" to trust,
)

fun RankedCandidate.json() = obj(
    "user_id" to userId, "rank" to rank, "score" to score.json(), "royal" to royal, "boosted" to boosted,
    "age" to age, "distance_km" to distanceKm,
)

fun RankedPage.json() = obj(
    "results" to results.map { it.json() }, "page_size" to pageSize, "offset" to offset,
    "dropped" to dropped.map { obj("user_id" to it.userId, "reason" to it.reason) }, "policy_fingerprint" to policyFingerprint,
)

fun LikeDecision.json() = obj(
    "outcome" to outcome, "chat_free_messages" to chatFreeMessages,
    "counter" to obj("day" to counter.day, "count" to counter.count), "remaining_today" to remainingToday,
    "resets_at_ms" to resetsAtMs, "policy_fingerprint" to policyFingerprint,
)
