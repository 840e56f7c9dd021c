package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.AlertMetrics
import com.avalo.core.types.AlertReport
import com.avalo.core.types.Campaign
import com.avalo.core.types.CampaignReport
import com.avalo.core.types.ComponentCheck
import com.avalo.core.types.ComponentStatus
import com.avalo.core.types.DeviceAccounts
import com.avalo.core.types.FraudAlert
import com.avalo.core.types.FraudReport
import com.avalo.core.types.FraudWindow
import com.avalo.core.types.HealthCheckOutcome
import com.avalo.core.types.HealthReport
import com.avalo.core.types.LoadMetric
import com.avalo.core.types.LoadMetrics
import com.avalo.core.types.LoadOver
import com.avalo.core.types.LoadReport
import com.avalo.core.types.MetricAlert
import com.avalo.core.types.Policy
import com.avalo.core.types.ReadinessCheck
import com.avalo.core.types.ReadinessReport
import com.avalo.core.types.ReadinessStatus
import com.avalo.core.types.RegionMetrics
import com.avalo.core.types.RegionRisk
import com.avalo.core.types.RiskBreakdown
import com.avalo.core.campaignMetrics
import com.avalo.core.checkAlerts
import com.avalo.core.checkLoad
import com.avalo.core.componentHealth
import com.avalo.core.fraudShield
import com.avalo.core.launchReadiness
import com.avalo.core.regionRisk

/** Vector ops of core/src/risk/. */
object RiskOps : OpModule() {
    init {
        op("region_risk") { p, i -> regionRisk(p, i.toRegionMetrics()).json() }
        op("fraud_shield") { p, i -> fraudShield(p, i.toFraudWindow()).json() }
        op("check_load") { p, i -> checkLoad(p, i.toLoadMetrics()).json() }
        op("campaign_metrics") { p, i -> campaignMetrics(p, i.toCampaign()).json() }
        op("component_health") { p, i -> componentHealth(p, i.objs("checks").map { it.toComponentCheck() }).json() }
        op("launch_readiness") { _, i -> launchReadiness(i.objs("checks").map { it.toReadinessCheck() }).json() }
        op("check_alerts") { p, i -> checkAlerts(p, i.toAlertMetrics()).json() }
    }
}

fun Input.toRegionMetrics() = RegionMetrics(
    supportTickets = ulong("support_tickets"),
    safetyIncidents = ulong("safety_incidents"),
    revenueMinor = ulong("revenue_minor"),
    installs = ulong("installs"),
    verified = ulong("verified"),
)

fun RiskBreakdown.json() = obj(
    "support_tickets" to supportTickets,
    "safety_incidents" to safetyIncidents,
    "revenue" to revenue,
    "verification_rate" to verificationRate,
)

fun RegionRisk.json() = obj(
    "score" to score,
    "max_score" to maxScore,
    "level" to level,
    "breakdown" to breakdown.json(),
    "verification_rate_bp" to verificationRateBp,
    "pause_recommended" to pauseRecommended,
    "policy_fingerprint" to policyFingerprint,
)

fun Input.toDeviceAccounts() = DeviceAccounts(
    deviceId = str("device_id"),
    accounts = ulong("accounts"),
)

fun Input.toFraudWindow() = FraudWindow(
    deviceAccounts = (if (has("device_accounts")) objs("device_accounts").map { it.toDeviceAccounts() } else emptyList()),
    creatorRegistrations = ulong("creator_registrations"),
    transactions = ulong("transactions"),
)

fun FraudAlert.json() = obj("signal" to signal, "device_id" to deviceId, "count" to count, "threshold" to threshold)

fun FraudReport.json() = obj(
    "alert" to alert,
    "alerts" to alerts.map { it.json() },
    "policy_fingerprint" to policyFingerprint,
)

fun Input.toLoadMetrics() = LoadMetrics(
    webrtcSessions = ulong("webrtc_sessions"),
    paymentsPerMinute = ulong("payments_per_minute"),
    safetyTicketsPer5min = ulong("safety_tickets_per_5min"),
)

fun LoadMetric.wire() = when (this) { LoadMetric.WEBRTC_SESSIONS -> "webrtc_sessions"; LoadMetric.PAYMENTS_PER_MINUTE -> "payments_per_minute"; LoadMetric.SAFETY_TICKETS_PER5_MIN -> "safety_tickets_per_5min" }

fun LoadOver.json() = obj("metric" to metric.wire(), "value" to value, "limit" to limit)

fun LoadReport.json() = obj("overloaded" to overloaded, "over" to over.map { it.json() })

fun Input.toCampaign() = Campaign(
    expectedInstalls = ulong("expected_installs"),
    actualInstalls = ulong("actual_installs"),
    revenueMinor = ulong("revenue_minor"),
    forecastVisits = ulong("forecast_visits"),
)

fun CampaignReport.json() = obj(
    "install_conversion_bp" to installConversionBp,
    "revenue_per_install_minor" to revenuePerInstallMinor,
    "needs_prewarm" to needsPrewarm,
)

fun Input.toComponentCheck() = ComponentCheck(
    name = str("name"),
    outcome = enum<HealthCheckOutcome>("outcome"),
    durationMs = ulong("duration_ms"),
)

fun ComponentStatus.json() = obj("name" to name, "status" to status)

fun HealthReport.json() = obj("overall" to overall, "components" to components.map { it.json() })

fun Input.toReadinessCheck() = ReadinessCheck(
    name = str("name"),
    status = enum<ReadinessStatus>("status"),
)

fun ReadinessReport.json() = obj(
    "overall" to overall,
    "ready_for_launch" to readyForLaunch,
    "failed" to failed,
    "warnings" to warnings,
)

fun Input.toAlertMetrics() = AlertMetrics(
    requests = ulong("requests"),
    errors = ulong("errors"),
    payments = ulong("payments"),
    paymentFailures = ulong("payment_failures"),
    tokenSpend = ulong("token_spend"),
    trailingTokenSpend = ulong("trailing_token_spend"),
    trailingPeriods = ulong("trailing_periods"),
    sessions = ulong("sessions"),
    crashFreeSessions = ulong("crash_free_sessions"),
)

fun MetricAlert.json() = obj("kind" to kind, "value_bp" to valueBp, "threshold_bp" to thresholdBp)

fun AlertReport.json() = obj("alerting" to alerting, "alerts" to alerts.map { it.json() })
