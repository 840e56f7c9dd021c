'use strict';
// Vector operations of the `launch` module (core/src/launch.rs, wasm/src/launch.rs).
// Records cross as the vector's JSON objects: their fields are the core's serde names.
const core = require('@avalo/core');
const { arg } = require('../support/input.js');

module.exports = {
  check_signup: (p, i) => core.checkSignup(p, i),
  check_mode_change: (p, i) => core.checkModeChange(p, i),
  mode_rules: (p, i) => core.modeRules(p, arg.string(i, 'mode')),
  normalize_country: (_p, i) => ({ country: core.normalizeCountry(arg.string(i, 'country')) }),
};
