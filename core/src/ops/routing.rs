//! Incident routing (SPEC §15.1, §15.5): where each severity goes and by when it must be
//! acknowledged, counted from the time the alert was raised.
//!
//! Defaults: P0 pager and chat, 5 min; P1 chat, 15 min; P2 chat, 1 h; P3 ticket, end of the next
//! business day: 23:59:59.999 UTC of the first Monday–Friday date after the date raised.

use crate::error::{Error, Result};
use crate::ops::Severity;
use crate::policy::{check, Policy, PolicyProblem};
use crate::time::{self, DAY_MS};
use chrono::Datelike;
use serde::{Deserialize, Serialize};

/// Where an incident is sent.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RouteChannel {
    /// Page the on-call engineer.
    Pager,
    /// The incident chat channel.
    Chat,
    /// A ticket in the queue.
    Ticket,
}

/// The acknowledgement deadline of a severity.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AckDeadline {
    /// Within this many ms of being raised.
    WithinMs {
        /// The delay, ms.
        ms: u64,
    },
    /// 23:59:59.999 UTC of the first Monday–Friday date after the date raised.
    EndOfNextBusinessDay,
}

/// The route of one severity.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RouteRule {
    /// Where to send it (not empty).
    pub channels: Vec<RouteChannel>,
    /// By when it must be acknowledged.
    pub ack: AckDeadline,
}

/// Routing table, one rule per severity.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RoutingPolicy {
    /// P0: pager and chat, 5 min.
    pub p0: RouteRule,
    /// P1: chat, 15 min.
    pub p1: RouteRule,
    /// P2: chat, 1 h.
    pub p2: RouteRule,
    /// P3: ticket, end of the next business day.
    pub p3: RouteRule,
}

impl Default for RoutingPolicy {
    fn default() -> Self {
        use RouteChannel::{Chat, Pager, Ticket};
        let within = |ms| AckDeadline::WithinMs { ms };
        RoutingPolicy {
            p0: RouteRule { channels: vec![Pager, Chat], ack: within(300_000) },
            p1: RouteRule { channels: vec![Chat], ack: within(900_000) },
            p2: RouteRule { channels: vec![Chat], ack: within(3_600_000) },
            p3: RouteRule { channels: vec![Ticket], ack: AckDeadline::EndOfNextBusinessDay },
        }
    }
}

impl RoutingPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        for (name, rule) in [("p0", &self.p0), ("p1", &self.p1), ("p2", &self.p2), ("p3", &self.p3)] {
            check(!rule.channels.is_empty(), p, format!("{path}.{name}.channels"), "must not be empty");
            if let AckDeadline::WithinMs { ms } = rule.ack {
                check(ms > 0 && ms <= 1 << 53, p, format!("{path}.{name}.ack.ms"), "must be in 1..=2^53");
            }
        }
    }

    /// The rule of a severity.
    #[must_use]
    pub fn rule(&self, severity: Severity) -> &RouteRule {
        match severity {
            Severity::P0 => &self.p0,
            Severity::P1 => &self.p1,
            Severity::P2 => &self.p2,
            Severity::P3 => &self.p3,
        }
    }
}

/// Where an incident goes and by when it must be acknowledged.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Route {
    /// The severity routed.
    pub severity: Severity,
    /// Where to send it.
    pub channels: Vec<RouteChannel>,
    /// Acknowledge by this time, ms since the epoch.
    pub ack_by_ms: i64,
}

/// 23:59:59.999 UTC of the first Monday–Friday date after the UTC date of `raised_at_ms`.
pub fn end_of_next_business_day(raised_at_ms: i64) -> Result<i64> {
    let next = time::add_business_days(time::utc_date(raised_at_ms)?, 1)?;
    // Days since 1970-01-01, which is day 719 163 of the common era.
    let day = i64::from(next.num_days_from_ce()) - 719_163;
    day.checked_mul(DAY_MS)
        .and_then(|start| start.checked_add(DAY_MS - 1))
        .ok_or_else(|| Error::invalid("the next business day is out of range"))
}

/// Routes an incident of `severity` raised at `raised_at_ms` (SPEC §15.1).
pub fn route(policy: &Policy, severity: Severity, raised_at_ms: i64) -> Result<Route> {
    let rule = policy.ops.routing.rule(severity);
    let ack_by_ms = match rule.ack {
        AckDeadline::WithinMs { ms } => i64::try_from(ms)
            .ok()
            .and_then(|ms| raised_at_ms.checked_add(ms))
            .ok_or_else(|| Error::invalid("raised_at_ms + the acknowledgement delay overflows"))?,
        AckDeadline::EndOfNextBusinessDay => end_of_next_business_day(raised_at_ms)?,
    };
    Ok(Route { severity, channels: rule.channels.clone(), ack_by_ms })
}
