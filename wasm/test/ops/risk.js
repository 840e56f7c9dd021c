'use strict';
// Vector operations of the `risk` module (core/src/risk/, wasm/src/risk/).
const core = require('@avalo/core');
const { arg } = require('../support/input.js');

module.exports = {
  region_risk: (p, i) => core.regionRisk(p, i),
  fraud_shield: (p, i) => core.fraudShield(p, i),
  check_load: (p, i) => core.checkLoad(p, i),
  campaign_metrics: (p, i) => core.campaignMetrics(p, i),
  component_health: (p, i) => core.componentHealth(p, arg.array(i, 'checks')),
  launch_readiness: (_p, i) => core.launchReadiness(arg.array(i, 'checks')),
  check_alerts: (p, i) => core.checkAlerts(p, i),
};
