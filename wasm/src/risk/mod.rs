//! Facade of `core/src/risk/`: region risk, fraud shield, infrastructure throttle,
//! campaigns, component health, launch readiness and alert thresholds (SPEC §8).
//!
//! Revenue is in minor units of the reporting currency (USD cents by default); rates are
//! compared exactly in integers and reported in basis points.

pub mod campaign;
pub mod fraud;
pub mod health;
pub mod region;
