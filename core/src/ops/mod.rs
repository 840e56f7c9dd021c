//! Operations: incidents, alerts, environments and releases (SPEC §15).
//!
//! Submodules, one responsibility each: [`signals`] (§15.1 what each kind of result raises),
//! [`severity`] (§15.1 the table from each signal to a severity, and triage), [`routing`] (§15.1
//! routes and acknowledgement deadlines), [`environment`] (§15.2), [`release`] (§15.3 the release gate), [`compliance`] (§15.4
//! compliance gates and the deploy gate), [`secrets`] (§15.4 rotation), [`migration`] (§15.4).
//! Every number is policy data in [`OpsPolicy`], with the SPEC's defaults.

pub mod compliance;
pub mod environment;
pub mod migration;
pub mod release;
pub mod routing;
pub mod secrets;
pub mod severity;
pub mod signals;

pub use compliance::{
    deploy_gate, failing_gates, ComplianceGate, DeployDecision, DeployFailure, DeployFailureKind, DeployRequest,
    GateCheck, GateFailure,
};
pub use environment::Environment;
pub use migration::{
    migration_permission, parse_schema_version, MigrationAction, MigrationDecision, MigrationDirection,
    MigrationRequest,
};
pub use release::{
    release_gate, HoldReason, ReleaseAction, ReleaseChannel, ReleaseDecision, ReleaseGateRequest, ReleasePolicy,
    RollbackReason,
};
pub use routing::{end_of_next_business_day, route, AckDeadline, Route, RouteChannel, RouteRule, RoutingPolicy};
pub use secrets::{secret_rotation, SecretPolicy, SecretState, SecretStatus};
pub use severity::{incident_severity, severity_of, triage, Incident, IncidentSignal, Severity, Triage};
pub use signals::{signals_of, HostEvent, OpsResult};

use crate::policy::{check, PolicyProblem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Operations section of the policy (SPEC §15).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(hashmap_as_object))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpsPolicy {
    /// Severity of every incident signal (§15.1's table; every signal must be listed).
    pub severities: BTreeMap<IncidentSignal, Severity>,
    /// Route and acknowledgement deadline of each severity.
    pub routing: RoutingPolicy,
    /// Limiter violations in one hour above which an incident is raised (1 000, strict).
    pub limiter_violations_per_hour: u64,
    /// Share of a country cap at which an incident is raised, bp (8 000 = 80 %, inclusive).
    pub cap_warning_bp: u32,
    /// Release gate (§15.3).
    pub release: ReleasePolicy,
    /// Compliance gates a production deploy and a staged release need (§15.4; all nine).
    pub compliance_gates: Vec<ComplianceGate>,
    /// Secret rotation (§15.4).
    pub secrets: SecretPolicy,
}

impl Default for OpsPolicy {
    fn default() -> Self {
        OpsPolicy {
            severities: IncidentSignal::ALL.iter().map(|&s| (s, s.default_severity())).collect(),
            routing: RoutingPolicy::default(),
            limiter_violations_per_hour: 1_000,
            cap_warning_bp: 8_000,
            release: ReleasePolicy::default(),
            compliance_gates: ComplianceGate::ALL.to_vec(),
            secrets: SecretPolicy::default(),
        }
    }
}

impl OpsPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        for s in IncidentSignal::ALL {
            check(self.severities.contains_key(&s), p, format!("{path}.severities"), "every signal must be listed");
        }
        self.routing.validate(&format!("{path}.routing"), p);
        check(self.cap_warning_bp <= 10_000, p, format!("{path}.cap_warning_bp"), "must be <= 10000");
        self.release.validate(&format!("{path}.release"), p);
        let mut seen = std::collections::HashSet::new();
        for (i, g) in self.compliance_gates.iter().enumerate() {
            check(seen.insert(*g), p, format!("{path}.compliance_gates[{i}]"), "duplicate gate");
        }
        self.secrets.validate(&format!("{path}.secrets"), p);
    }
}
