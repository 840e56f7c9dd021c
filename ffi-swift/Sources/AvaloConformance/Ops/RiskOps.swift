import AvaloCore

/// Vector ops of core/src/risk/.
enum RiskOps {
    static func register(_ r: Registry) {
        r.op("region_risk") { p, i in try regionRisk(policy: p, metrics: try RegionMetrics(i)).json }
        r.op("fraud_shield") { p, i in try fraudShield(policy: p, window: try FraudWindow(i)).json }
        r.op("check_load") { p, i in try checkLoad(policy: p, metrics: try LoadMetrics(i)).json }
        r.op("campaign_metrics") { p, i in try campaignMetrics(policy: p, campaign: try Campaign(i)).json }
        r.op("component_health") { p, i in try componentHealth(policy: p, checks: try i.objs("checks").map { try ComponentCheck($0) }).json }
        r.op("launch_readiness") { _, i in try launchReadiness(checks: try i.objs("checks").map { try ReadinessCheck($0) }).json }
        r.op("check_alerts") { p, i in try checkAlerts(policy: p, metrics: try AlertMetrics(i)).json }
    }
}

extension RegionMetrics {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(supportTickets: try i.u64("support_tickets"),
                  safetyIncidents: try i.u64("safety_incidents"),
                  revenueMinor: try i.u64("revenue_minor"),
                  installs: try i.u64("installs"),
                  verified: try i.u64("verified"))
    }
}

extension RiskLevel: SnakeCaseEnum {}

extension RiskBreakdown: JSONValue {
    var json: JSON {
        obj([
            "support_tickets": supportTickets,
            "safety_incidents": safetyIncidents,
            "revenue": revenue,
            "verification_rate": verificationRate,
        ])
    }
}

extension RegionRisk: JSONValue {
    var json: JSON {
        obj([
            "score": score,
            "max_score": maxScore,
            "level": level,
            "breakdown": breakdown,
            "verification_rate_bp": verificationRateBp,
            "pause_recommended": pauseRecommended,
            "policy_fingerprint": policyFingerprint,
        ])
    }
}

extension DeviceAccounts {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(deviceId: try i.str("device_id"),
                  accounts: try i.u64("accounts"))
    }
}

extension FraudWindow {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(deviceAccounts: try (i.has("device_accounts") ? i.objs("device_accounts").map { try DeviceAccounts($0) } : []),
                  creatorRegistrations: try i.u64("creator_registrations"),
                  transactions: try i.u64("transactions"))
    }
}

extension FraudSignal: SnakeCaseEnum {}

extension FraudAlert: JSONValue {
    var json: JSON { obj(["signal": signal, "device_id": deviceId, "count": count, "threshold": threshold]) }
}

extension FraudReport: JSONValue {
    var json: JSON { obj(["alert": alert, "alerts": alerts, "policy_fingerprint": policyFingerprint]) }
}

extension LoadMetrics {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(webrtcSessions: try i.u64("webrtc_sessions"),
                  paymentsPerMinute: try i.u64("payments_per_minute"),
                  safetyTicketsPer5min: try i.u64("safety_tickets_per_5min"))
    }
}

extension LoadMetric: JSONValue {
    var json: JSON {
        switch self {
        case .webrtcSessions: return .string("webrtc_sessions")
        case .paymentsPerMinute: return .string("payments_per_minute")
        case .safetyTicketsPer5Min: return .string("safety_tickets_per_5min")
        }
    }
}

extension LoadOver: JSONValue {
    var json: JSON { obj(["metric": metric, "value": value, "limit": limit]) }
}

extension LoadReport: JSONValue {
    var json: JSON { obj(["overloaded": overloaded, "over": over]) }
}

extension Campaign {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(expectedInstalls: try i.u64("expected_installs"),
                  actualInstalls: try i.u64("actual_installs"),
                  revenueMinor: try i.u64("revenue_minor"),
                  forecastVisits: try i.u64("forecast_visits"))
    }
}

extension CampaignReport: JSONValue {
    var json: JSON {
        obj([
            "install_conversion_bp": installConversionBp,
            "revenue_per_install_minor": revenuePerInstallMinor,
            "needs_prewarm": needsPrewarm,
        ])
    }
}

extension HealthCheckOutcome: SnakeCaseEnum {}

extension ComponentCheck {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(name: try i.str("name"),
                  outcome: try i.enumValue("outcome", HealthCheckOutcome.self),
                  durationMs: try i.u64("duration_ms"))
    }
}

extension HealthStatus: SnakeCaseEnum {}

extension ComponentStatus: JSONValue {
    var json: JSON { obj(["name": name, "status": status]) }
}

extension HealthReport: JSONValue {
    var json: JSON { obj(["overall": overall, "components": components]) }
}

extension ReadinessStatus: SnakeCaseEnum {}

extension ReadinessCheck {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(name: try i.str("name"),
                  status: try i.enumValue("status", ReadinessStatus.self))
    }
}

extension ReadinessReport: JSONValue {
    var json: JSON {
        obj([
            "overall": overall,
            "ready_for_launch": readyForLaunch,
            "failed": failed,
            "warnings": warnings,
        ])
    }
}

extension AlertMetrics {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(requests: try i.u64("requests"),
                  errors: try i.u64("errors"),
                  payments: try i.u64("payments"),
                  paymentFailures: try i.u64("payment_failures"),
                  tokenSpend: try i.u64("token_spend"),
                  trailingTokenSpend: try i.u64("trailing_token_spend"),
                  trailingPeriods: try i.u64("trailing_periods"),
                  sessions: try i.u64("sessions"),
                  crashFreeSessions: try i.u64("crash_free_sessions"))
    }
}

extension AlertKind: SnakeCaseEnum {}

extension MetricAlert: JSONValue {
    var json: JSON { obj(["kind": kind, "value_bp": valueBp, "threshold_bp": thresholdBp]) }
}

extension AlertReport: JSONValue {
    var json: JSON { obj(["alerting": alerting, "alerts": alerts]) }
}
