// Speed of ranking a whole deck from Kotlin in one call (JNA + UniFFI serialisation included).
// Not part of the test build. Run (release library recommended):
//   cargo build --release -p avalo-ffi && source ~/.cache/avalo-core/env.sh
//   $KOTLINC -cp $JNA_JAR ffi-kotlin/src/main/kotlin/com/avalo/core/avalo_ffi.kt ffi-kotlin/bench/RankingBench.kt -d /tmp/rb.jar
//   java -Djna.library.path=target/release -cp /tmp/rb.jar:$JNA_JAR:$KOTLIN_STDLIB RankingBenchKt 10000
import com.avalo.core.Candidate
import com.avalo.core.CandidateColumns
import com.avalo.core.Gender
import com.avalo.core.GeoPoint
import com.avalo.core.Policy
import com.avalo.core.Profile
import com.avalo.core.RankPageRequest
import com.avalo.core.Viewer
import com.avalo.core.rankCandidateColumns
import com.avalo.core.rankCandidates
import kotlin.random.Random

const val NOW = 1_795_435_200_000L
const val HOUR = 3_600_000L

fun deck(n: Int): List<Candidate> {
    val r = Random(42)
    return List(n) { i ->
        val g = r.nextInt(10)
        Candidate(
            userId = "user-%08x-%d".format(i, r.nextInt(1_000_000_000)),
            active = r.nextInt(100) < 95,
            verified = r.nextInt(100) < 90,
            boostUntilMs = if (r.nextInt(100) < 5) NOW + HOUR else null,
            profile = Profile(
                photos = r.nextInt(9).toUInt(), hasVideoIntro = r.nextInt(4) == 0, hasBio = r.nextInt(10) < 7,
                birthDate = "%04d-%02d-%02d".format(1976 + r.nextInt(33), 1 + r.nextInt(12), 1 + r.nextInt(28)),
                gender = if (g < 5) Gender.FEMALE else if (g < 9) Gender.MALE else Gender.NON_BINARY,
                location = GeoPoint(52.2297 + (r.nextDouble() - 0.5) * 1.6, 21.0122 + (r.nextDouble() - 0.5) * 2.4),
                interests = r.nextInt(6).toUInt(), responseRate = r.nextDouble(), royal = r.nextInt(10) == 0,
                loyaltyLevel = r.nextInt(12).toUInt(), lastActiveMs = NOW - r.nextInt(240) * HOUR,
                reports = if (r.nextInt(10) == 0) r.nextInt(6).toUInt() else 0U,
            ),
        )
    }
}

fun columns(d: List<Candidate>): CandidateColumns {
    fun code(g: Gender?) = when (g) { Gender.FEMALE -> 1; Gender.MALE -> 2; Gender.NON_BINARY -> 3; null -> 0 }.toByte()
    return CandidateColumns(
        userIds = d.joinToString("\n") { it.userId },
        flags = ByteArray(d.size) { i ->
            val c = d[i]; val p = c.profile
            ((if (c.active) 1 else 0) or (if (c.verified) 2 else 0) or (if (p.royal) 4 else 0) or (if (p.hasVideoIntro) 8 else 0) or
                (if (p.hasBio) 16 else 0) or (if (p.location != null) 32 else 0) or (if (p.lastActiveMs != null) 64 else 0)).toByte()
        },
        photos = d.map { it.profile.photos }, interests = d.map { it.profile.interests },
        loyaltyLevels = d.map { it.profile.loyaltyLevel }, reports = d.map { it.profile.reports },
        genders = ByteArray(d.size) { code(d[it].profile.gender) },
        birthDates = d.map { (it.profile.birthDate ?: "0").replace("-", "").toUInt() },
        latitudes = d.map { it.profile.location?.lat ?: 0.0 }, longitudes = d.map { it.profile.location?.lon ?: 0.0 },
        responseRates = d.map { it.profile.responseRate ?: 0.0 }, lastActiveMs = d.map { it.profile.lastActiveMs ?: 0L },
        boostUntilMs = d.map { it.boostUntilMs ?: 0L },
    )
}

fun median(label: String, runs: Int, body: () -> Any) {
    repeat(5) { body() } // JIT warm-up
    val times = DoubleArray(runs) { val t = System.nanoTime(); body(); (System.nanoTime() - t) / 1e6 }.sorted()
    println("%-36s median %8.2f ms   best %8.2f ms".format(label, times[runs / 2], times[0]))
}

fun main(args: Array<String>) {
    val n = args.firstOrNull()?.toInt() ?: 10_000
    val d = deck(n)
    val ids = { step: Int, k: Int -> d.filterIndexed { i, _ -> i % step == 0 }.take(k).map { it.userId } }
    val viewer = Viewer(
        userId = "viewer", ageMin = 22U, ageMax = 35U, interestedIn = listOf(Gender.FEMALE, Gender.NON_BINARY),
        location = GeoPoint(52.2297, 21.0122), maxDistanceKm = 50.0,
        likedIds = ids(97, 500), passedIds = ids(89, 500), blockedIds = ids(1009, 50), blockedByIds = ids(1013, 50),
    )
    val policy = Policy()
    val page = RankPageRequest(size = 20U)
    val cols = columns(d)
    median("rankCandidates, records ($n)", 31) { rankCandidates(policy, viewer, d, NOW, page) }
    median("rankCandidateColumns, prepared ($n)", 31) { rankCandidateColumns(policy, viewer, cols, NOW, page) }
    median("rankCandidateColumns, from records ($n)", 31) { rankCandidateColumns(policy, viewer, columns(d), NOW, page) }
    val a = rankCandidates(policy, viewer, d, NOW, page).results.map { it.userId }
    val b = rankCandidateColumns(policy, viewer, cols, NOW, page).results.map { it.userId }
    println("records and columns agree: ${a == b}; top 3: ${a.take(3)}")
}
