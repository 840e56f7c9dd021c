//! Request signing, signed URLs, origins, session freshness (SPEC §10).
//!
//! Not implemented yet: this module only reserves its policy section (see the open issue).

use crate::policy::PolicyProblem;
use serde::{Deserialize, Serialize};

/// Policy section for this module (filled in by its issue).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityPolicy {}

impl SecurityPolicy {
    pub(crate) fn validate(&self, _path: &str, _problems: &mut Vec<PolicyProblem>) {}
}
