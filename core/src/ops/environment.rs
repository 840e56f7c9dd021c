//! Deployment environments (SPEC §15.2).
//!
//! `development`, `staging`, `production`; anything else is `INVALID_INPUT`. Choice: names are
//! compared exactly (lower case, no trimming), like every other enum on the wire.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// A deployment environment.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Environment {
    /// Developers' machines and preview deployments.
    Development,
    /// Pre-production.
    Staging,
    /// Production: deploys need the compliance gates and an approver; migrations need force.
    Production,
}

impl Environment {
    /// Every environment.
    pub const ALL: [Environment; 3] = [Environment::Development, Environment::Staging, Environment::Production];

    /// The wire name (`"production"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Environment::Development => "development",
            Environment::Staging => "staging",
            Environment::Production => "production",
        }
    }

    /// Parses a wire name exactly; anything else is `INVALID_INPUT`.
    pub fn parse(raw: &str) -> Result<Environment> {
        Self::ALL
            .iter()
            .copied()
            .find(|e| e.as_str() == raw)
            .ok_or_else(|| Error::invalid(format!("environment {raw:?} is not development, staging or production")))
    }
}
