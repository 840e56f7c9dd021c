// needs: fun `rankCandidates`
// Ranking from Kotlin: one call with the whole deck (records), 1 000 and 10 000 candidates.
package com.avalo.bench

import com.avalo.core.types.Candidate
import com.avalo.core.types.Gender
import com.avalo.core.types.GeoPoint
import com.avalo.core.types.Policy
import com.avalo.core.types.Profile
import com.avalo.core.types.RankPageRequest
import com.avalo.core.types.Viewer
import com.avalo.core.rankCandidates

private const val NOW = 1_795_435_200_000L
private const val HOUR = 3_600_000L

/** The deck of benches/cross-language/js/deck.js (same mix; a different random stream). */
fun deck(n: Int): List<Candidate> {
    val r = java.util.Random(42)
    fun below(k: Int) = r.nextInt(k)
    return List(n) { i ->
        val g = below(10)
        Candidate(
            userId = "user-%08x-%d".format(i, below(1_000_000_000)),
            active = below(100) < 95,
            verified = below(100) < 90,
            boostUntilMs = if (below(100) < 5) NOW + HOUR else null,
            profile = Profile(
                photos = below(9).toUInt(), hasVideoIntro = below(4) == 0, hasBio = below(10) < 7,
                birthDate = "%d-%02d-%02d".format(1976 + below(33), 1 + below(12), 1 + below(28)),
                gender = if (g < 5) Gender.FEMALE else if (g < 9) Gender.MALE else Gender.NON_BINARY,
                location = GeoPoint(52.2297 + (r.nextDouble() - 0.5) * 1.6, 21.0122 + (r.nextDouble() - 0.5) * 2.4),
                interests = below(6).toUInt(), responseRate = r.nextDouble(), royal = below(10) == 0,
                loyaltyLevel = below(12).toUInt(), lastActiveMs = NOW - below(240) * HOUR,
                reports = if (below(10) == 0) below(6).toUInt() else 0u,
            ),
        )
    }
}

fun viewer(d: List<Candidate>): Viewer {
    fun ids(step: Int, n: Int) = d.filterIndexed { i, _ -> i % step == 0 }.take(n).map { it.userId }
    return Viewer(
        userId = "viewer", ageMin = 22u, ageMax = 35u, interestedIn = listOf(Gender.FEMALE, Gender.NON_BINARY),
        location = GeoPoint(52.2297, 21.0122), maxDistanceKm = 50.0,
        likedIds = ids(97, 500), passedIds = ids(89, 500), blockedIds = ids(1009, 50), blockedByIds = ids(1013, 50),
    )
}

fun rankingBenches(policy: Policy) {
    val page = RankPageRequest(size = 20u, offset = 0u, explain = false)
    for (n in listOf(1_000, 10_000)) {
        val d = deck(n)
        val v = viewer(d)
        row("rankCandidates, $n candidates (records)", n) { rankCandidates(policy, v, d, NOW, page) }
    }
}
