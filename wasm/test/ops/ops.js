'use strict';
// Vector operations of the `ops` module (core/src/ops/, wasm/src/ops.rs).
const core = require('@avalo/core');
const { arg } = require('../support/input.js');

module.exports = {
  triage: (p, i) => core.triage(p, arg.object(i, 'result'), arg.number(i, 'raised_at_ms')),
  route: (p, i) => core.route(p, arg.string(i, 'severity'), arg.number(i, 'raised_at_ms')),
  incident_severity: (_p, i) => ({ severity: core.incidentSeverity(arg.array(i, 'severities')) ?? null }),
  parse_environment: (_p, i) => ({ environment: core.parseEnvironment(arg.string(i, 'environment')) }),
  release_gate: (p, i) => core.releaseGate(p, i),
  deploy_gate: (p, i) => core.deployGate(p, i),
  secret_rotation: (p, i) => core.secretRotation(p, arg.number(i, 'rotated_at_ms'), arg.number(i, 'now_ms')),
  migration_permission: (_p, i) => core.migrationPermission(i),
};
